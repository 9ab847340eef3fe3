"""Sends the day-before reminders of every event whose reminders are due and not yet all sent:
the catch-up for the tasks enqueued at publishing (events.tasks), e.g. after an outage."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import EventPage
from events.tasks import REMINDER_BEFORE, send_reminders


class Command(BaseCommand):
    help = "Send the day-before reminders of events that start within a day."

    def handle(self, *args, **options):
        now = timezone.now()
        due = EventPage.objects.live().filter(
            registration_open=True, starts_at__gt=now, starts_at__lte=now + REMINDER_BEFORE
        )
        total = 0
        for event_id in due.values_list("pk", flat=True):
            total += send_reminders.call(event_id)
        self.stdout.write(f"{total} reminder(s) sent")
