"""`manage.py run_scheduler`: publish and unpublish scheduled pages every minute, and renew
cached lists when the Beijing day changes (policies' `renew_dated_lists`), for development.

Production runs Wagtail's `publish_scheduled` from cron or a systemd timer instead
(docs/permissions.md); this loop is what `make demo` starts beside the development server.
"""

import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs (default 60)")
        parser.add_argument(
            "--once", action="store_true", help="run publish_scheduled once and stop (for checks)"
        )

    def handle(self, *args, interval, once, **options):
        parent = os.getppid()
        self.stdout.write(f"Publishing scheduled pages every {interval} s (Ctrl-C stops).")
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"], stdout=self.stdout)
            # Statuses that follow dates change at midnight Beijing time: renew cached lists.
            call_command("renew_dated_lists", verbosity=0, stdout=self.stdout)
            if once:
                return
            # Sleep in steps so the loop ends soon after the process that started it
            # (make demo) is gone, even if nobody sent it a signal.
            for _ in range(interval):
                if os.getppid() != parent:
                    return
                time.sleep(1)
