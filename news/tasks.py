"""Background work of the news app: sending email alerts (django-tasks, the task framework Wagtail uses).

`send_pending_alerts` sends every delivery not sent yet. A mail-server failure is recorded on the
delivery (attempts, last error) and the delivery stays pending: the next publication's task, or
`manage.py send_alerts` run from cron, sends it later. Publishing never waits for it.
"""

import logging

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from modeltranslation.utils import fallbacks

from website.languages import SOURCE_LANGUAGE, page_url_in

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 20


def alert_message(delivery):
    from .alerts import absolute, build_message

    subscriber, page = delivery.subscriber, delivery.page
    with translation.override(subscriber.language), fallbacks(subscriber.language == SOURCE_LANGUAGE):
        subject = page.title
        if page.is_press_release:
            subject = gettext("Press release: %(title)s") % {"title": page.title}
        context = {"page": page, "page_url": absolute(page_url_in(page, subscriber.language))}
        return build_message(subscriber, "release", subject, context)


def send_delivery(delivery):
    """Send one delivery; True when the mail server accepted it."""
    with transaction.atomic():
        # Lock the row so two workers never send the same delivery twice.
        from .alerts import AlertDelivery

        delivery = (
            AlertDelivery.objects.select_for_update()
            .select_related("subscriber", "page")
            .filter(pk=delivery.pk, sent_at__isnull=True)
            .first()
        )
        if delivery is None:
            return True
        if not delivery.subscriber.active:
            delivery.delete()
            return True
        delivery.attempts += 1
        try:
            alert_message(delivery).send()
        except Exception as error:  # SMTP refused, timed out, DNS… keep it pending
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            delivery.save(update_fields=["attempts", "last_error"])
            logger.warning("Alert %s to %s not sent: %s", delivery.page_id, delivery.subscriber, error)
            return False
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def send_pending():
    """Send every pending delivery; returns (sent, failed)."""
    from .alerts import AlertDelivery

    sent = failed = 0
    pending = AlertDelivery.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).order_by("pk")
    for delivery in list(pending):
        if send_delivery(delivery):
            sent += 1
        else:
            failed += 1
    return sent, failed


@task()
def send_pending_alerts():
    sent, failed = send_pending()
    return {"sent": sent, "failed": failed}
