"""Deletes the registrations of events that ended more than `--days` days ago (default 180):
registrations are personal information, kept no longer than the event's follow-up needs.
Run it daily from cron (docs/permissions.md, "Event registrations")."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.registration import Registration


class Command(BaseCommand):
    help = "Delete the registrations of events that ended more than --days days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=180)

    def handle(self, *args, days, **options):
        ended_before = timezone.now() - timedelta(days=days)
        deleted, _by_model = Registration.objects.filter(event__ends_at__lt=ended_before).delete()
        self.stdout.write(f"{deleted} registration(s) deleted")
