from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and roadshows")

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(schedule_reminders_on_publish, dispatch_uid="events.schedule_reminders")


def schedule_reminders_on_publish(sender, instance, **kwargs):
    """Publishing an event that takes registrations enqueues its day-before reminders."""
    from .models import EventPage
    from .tasks import schedule_reminders

    page = instance.specific if not isinstance(instance, EventPage) else instance
    if isinstance(page, EventPage):
        schedule_reminders(page)
