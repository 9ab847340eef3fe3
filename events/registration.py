"""Registration for an event: who signed up, in which language, with a place or on the waiting
list, and the rule that decides (capacity, deadline, waiting list). Registrations are personal
information, kept until staff delete them or the event is deleted (docs/permissions.md)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITING = "waiting", _("On the waiting list")


class Registration(models.Model):
    Status = RegistrationStatus

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    # The reader's edition (Simplified, Traditional or English): every mail to them is in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("job_title"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_email")]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class Refused(Exception):
    """Registration refused; `message` says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Availability:
    """What the event page tells a reader before they fill in the form."""

    open: bool
    places_left: int | None  # None: no limit
    waiting_list: bool  # open, but only for the waiting list
    reason: str = ""


def deadline(event):
    """Registration closes at the deadline, or when the event starts if there is none."""
    return event.registration_deadline or event.starts_at


def availability(event):
    if not event.registration_open:
        return Availability(False, None, False)
    if timezone.now() >= deadline(event):
        return Availability(False, None, False, str(_("Registration for this event has closed.")))
    if event.capacity is None:
        return Availability(True, None, False)
    taken = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    left = max(event.capacity - taken, 0)
    if left:
        return Availability(True, left, False)
    if event.waiting_list:
        return Availability(True, 0, True)
    return Availability(False, 0, False, str(_("This event is full: no places are left.")))


def register(event, registration):
    """Store `registration` for `event` with a place or on the waiting list, or raise Refused.

    The event's row is locked while places are counted, so two readers never take the last
    place together (PostgreSQL; SQLite writes one at a time anyway).
    """
    from .models import EventPage

    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=event.pk)
        state = availability(event)
        if not state.open:
            raise Refused(state.reason or str(_("This event does not take registrations on the website.")))
        registration.event = event
        registration.email = registration.email.strip().lower()
        registration.status = (
            RegistrationStatus.WAITING if state.waiting_list else RegistrationStatus.CONFIRMED
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise Refused(
                str(
                    _(
                        "This email address is already registered for this event. "
                        "Look for our confirmation email, or write to the organiser."
                    )
                )
            ) from None
    return registration
