"""The mails a registrant gets, each in the edition they registered in (Simplified, Traditional
or English): the confirmation with the event's calendar file, the reminder the day before, and
what staff write to the list. Built here, sent by the task worker (events.tasks)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from website.addresses import absolute
from website.languages import page_url_in, reader_fallbacks
from website.traditional import for_reader

from .calendar import calendar_file


def registrant_message(registration, template, subject, context=None, with_calendar=False):
    """A plain-text mail to one registrant in their language; the Traditional edition is the
    Simplified text converted (website.traditional), as on the site."""
    language = registration.language
    with translation.override(language), reader_fallbacks(language):
        event = registration.event
        context = {
            "registration": registration,
            "event": event,
            "event_url": absolute(page_url_in(event, language)),
            **(context or {}),
        }
        body = for_reader(render_to_string(f"events/email/{template}.txt", context))
        message = EmailMessage(
            for_reader(str(subject) % {"title": event.title}),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
        )
        if with_calendar:
            calendar = for_reader(calendar_file([event]).decode())
            message.attach(f"{event.slug}.ics", calendar.encode(), "text/calendar")
    return message


def confirmation(registration):
    if registration.status == registration.Status.WAITING:
        subject = _("On the waiting list: %(title)s")
    else:
        subject = _("Registration confirmed: %(title)s")
    return registrant_message(registration, "confirmation", subject, with_calendar=True)


def reminder(registration):
    return registrant_message(registration, "reminder", _("Tomorrow: %(title)s"), with_calendar=True)


def staff_message(registration, subject, body):
    """What staff wrote, as they wrote it, with the event named in the registrant's language."""
    message = registrant_message(registration, "staff_message", "%(title)s", {"body": body})
    message.subject = subject
    return message
