"""Send now every email alert not sent yet, including those the worker gave up on."""

from django.core.management.base import BaseCommand

from newsroom.tasks import send_pending


class Command(BaseCommand):
    help = (
        "Send now the email alerts that are still pending, for example once the mail server works "
        "again after the task worker stopped retrying (docs/newsroom.md)."
    )

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"{sent} sent, {failed} failed")
