"""Background work of the newsroom: sending email alerts, run by the task worker (`manage.py db_worker`).

Publishing records one delivery per subscriber and enqueues `send_release_alerts`; the worker
makes the first attempt of each. A mail-server failure is recorded on the delivery (attempts,
last error) and `send_alert` is enqueued again for later, waiting longer after each failure,
until MAX_ATTEMPTS. Tasks carry the attempt they make, so a duplicate task never sends twice.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .emails import alert_message
from .models import MAX_ATTEMPTS, AlertDelivery

logger = logging.getLogger(__name__)

FIRST_RETRY_DELAY = timedelta(minutes=2)
LONGEST_RETRY_DELAY = timedelta(hours=6)


def retry_delay(attempts):
    """2, 6, 18, 54 minutes… then every 6 hours: ten attempts span about a day."""
    return min(FIRST_RETRY_DELAY * 3 ** (attempts - 1), LONGEST_RETRY_DELAY)


def send_delivery(delivery_id, attempt=None):
    """Attempt one delivery; the delivery afterwards, or None when there was nothing to do.

    `attempt` is the number this attempt must be: a task that finds the delivery sent, or
    already tried that many times by another task, does nothing.
    """
    with transaction.atomic():
        # Lock the row so two workers never send the same delivery twice.
        delivery = (
            AlertDelivery.objects.select_for_update()
            .select_related("subscriber", "page")
            .filter(pk=delivery_id, sent_at__isnull=True)
            .first()
        )
        if delivery is None or (attempt is not None and delivery.attempts != attempt - 1):
            return None
        if not delivery.subscriber.active:
            delivery.delete()
            return None
        delivery.attempts += 1
        try:
            alert_message(delivery).send()
        except Exception as error:  # SMTP refused, timed out, DNS… keep it pending
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            delivery.save(update_fields=["attempts", "last_error"])
            logger.warning("Alert %s to %s not sent: %s", delivery.page_id, delivery.subscriber, error)
            return delivery
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "last_error", "sent_at"])
        return delivery


def attempt_and_retry(delivery_id, attempt):
    """Make attempt number `attempt`; after a failure, enqueue the next one for later."""
    delivery = send_delivery(delivery_id, attempt)
    if delivery is None or delivery.sent_at or delivery.attempts >= MAX_ATTEMPTS:
        return
    backend = send_alert.get_backend()
    if not backend.supports_defer:  # an immediate backend cannot wait: `send_alerts` sends it
        return
    run_after = timezone.now() + retry_delay(delivery.attempts)
    send_alert.using(run_after=run_after).enqueue(delivery.pk, delivery.attempts + 1)


@task()
def send_release_alerts(page_id):
    """The first attempt of every delivery recorded for a release just published."""
    pending = AlertDelivery.objects.filter(page_id=page_id, sent_at__isnull=True, attempts=0)
    for delivery_id in pending.order_by("pk").values_list("pk", flat=True):
        attempt_and_retry(delivery_id, 1)


@task()
def send_alert(delivery_id, attempt):
    """A later attempt of one delivery, enqueued with a delay after a failed one."""
    attempt_and_retry(delivery_id, attempt)


def send_pending():
    """Send every delivery not sent yet, now, whatever its attempts; returns (sent, failed)."""
    sent = failed = 0
    for delivery_id in AlertDelivery.objects.pending().order_by("pk").values_list("pk", flat=True):
        delivery = send_delivery(delivery_id)
        if delivery is None:
            continue
        if delivery.sent_at:
            sent += 1
        else:
            failed += 1
    return sent, failed
