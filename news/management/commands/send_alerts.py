"""Send (or retry) every email alert not sent yet: run from cron every few minutes."""

from django.core.management.base import BaseCommand

from news.tasks import send_pending


class Command(BaseCommand):
    help = "Send the email alerts that are still pending, for example after the mail server was down."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"{sent} sent, {failed} failed (will be retried)")
        return None
