"""`manage.py renew_dated_lists`: renew the page cache when the day changes in Beijing.

An entry's status follows its dates (policies/status.py), so a list cached yesterday can show
an expired opportunity as open today; likewise the events index moves an event to its archive
once the Beijing day it ended is over (events.models.start_of_today). Run it at 00:00
Asia/Shanghai (cron, a systemd timer), or every few minutes: it renews the cache once per
Beijing day and otherwise does nothing.
`run_scheduler` (make demo) runs it every minute.
"""

from django.core.cache import cache
from django.core.management.base import BaseCommand

from policies.status import zone_today
from website.cache_keys import renew_everywhere

RENEWED_FOR_KEY = "policies:lists-renewed-for"


class Command(BaseCommand):
    help = "Renew cached pages once a Beijing day, so lists show statuses as the dates make them."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="renew even if already done today")

    def handle(self, *args, force=False, **options):
        today = zone_today().isoformat()
        if not force and cache.get(RENEWED_FOR_KEY) == today:
            if options["verbosity"] > 1:
                self.stdout.write(f"Cached pages already renewed for {today}.")
            return
        renew_everywhere()
        cache.set(RENEWED_FOR_KEY, today, None)
        if options["verbosity"]:
            self.stdout.write(f"Cached pages renewed for {today} (Beijing time).")
