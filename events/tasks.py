"""Mail to registrants, run by the task worker (`manage.py db_worker`): the confirmation after
a registration, the reminder the day before the event, and a message staff write to the list.

Reminders are enqueued when an event taking registrations is published, to run a day before
it starts (`schedule_reminders`); `manage.py send_event_reminders` sends any that are due, for
cron or after an outage. Each registration records when it was reminded, under a row lock, so
however many tasks run, nobody is reminded twice.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import emails
from .registration import Registration, RegistrationStatus

logger = logging.getLogger(__name__)

REMINDER_BEFORE = timedelta(days=1)


@task()
def send_confirmation(registration_id):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is not None:
        emails.confirmation(registration).send()


def reminders_due(event, now=None):
    """True from a day before the event until it starts."""
    now = now or timezone.now()
    return event.starts_at - REMINDER_BEFORE <= now < event.starts_at


@task()
def send_reminders(event_id):
    """Remind every registrant with a place who has not been reminded; returns how many were."""
    from .models import EventPage

    event = EventPage.objects.filter(pk=event_id, live=True).first()
    if event is None or not reminders_due(event):
        return 0  # unpublished, or moved: the publishing that moved it enqueued another task
    sent = 0
    waiting = Registration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED, reminded_at__isnull=True
    )
    for registration_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .filter(pk=registration_id, reminded_at__isnull=True)
                .first()
            )
            if registration is None:  # another worker reminded them meanwhile
                continue
            registration.event = event
            try:
                emails.reminder(registration).send()
            except Exception:  # the mail server: left unreminded, for the next run
                logger.exception("Reminder for registration %s not sent", registration_id)
                continue
            registration.reminded_at = timezone.now()
            registration.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def schedule_reminders(event):
    """Enqueue the reminders of `event` for a day before it starts (after the transaction)."""
    run_after = event.starts_at - REMINDER_BEFORE
    if not event.registration_open or event.starts_at <= timezone.now():
        return
    if not send_reminders.get_backend().supports_defer:
        return  # an immediate backend cannot wait: `send_event_reminders` sends them

    def enqueue():
        try:
            send_reminders.using(run_after=max(run_after, timezone.now())).enqueue(event.pk)
        except Exception:  # a broken queue must not break publishing; the command catches up
            logger.exception("Could not enqueue the reminders of event %s", event.pk)

    transaction.on_commit(enqueue)


@task()
def message_registrants(event_id, recipients, subject, body):
    """One mail to each registrant of the event (`recipients`: confirmed, waiting or all)."""
    registrations = Registration.objects.filter(event_id=event_id).select_related("event")
    if recipients != "all":
        registrations = registrations.filter(status=recipients)
    sent = 0
    for registration in registrations:
        try:
            emails.staff_message(registration, subject, body).send()
        except Exception:
            logger.exception("Message to registration %s not sent", registration.pk)
            continue
        sent += 1
    return sent
