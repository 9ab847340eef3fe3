"""The event page with its registration form (a reader registers, is put on the waiting list,
or is told why not), and the admin form with which staff write to an event's registrants."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from website import spam

from .forms import MessageForm, RegistrationForm
from .registration import Refused, Registration, availability, register
from .tasks import message_registrants, send_confirmation

logger = logging.getLogger(__name__)


def event_with_registration(page, request):
    if request.method == "POST" and page.registration_open:
        response = post_registration(page, request)
    else:
        response = render(page, request, RegistrationForm())
    if page.registration_open and not page.is_past:
        # Places left and the deadline change without publishing: never a stored copy,
        # neither in the page cache nor at the edge (website.cache, website.cache_edge).
        response["Cache-Control"] = "private, no-store"
    return response


def post_registration(page, request):
    refusal = spam.refusal(request)
    if refusal:
        # Shown again with what the reader wrote, but not judged.
        form = RegistrationForm(initial=request.POST.dict())
        return render(page, request, form, refusal=refusal.message, status=refusal.status)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return render(page, request, form)
    registration = form.save(commit=False)
    registration.language = translation.get_language()
    try:
        register(page, registration)
    except Refused as refused:
        return render(page, request, form, refusal=refused.message, status=409)
    transaction.on_commit(lambda: confirm(registration))
    return render(page, request, None, registered=registration)


def confirm(registration):
    try:
        send_confirmation.enqueue(registration.pk)
    except Exception:  # a broken queue must not lose a registration already stored
        logger.exception("Could not enqueue the confirmation of registration %s", registration.pk)


def render(page, request, form, refusal=None, status=200, registered=None):
    context = {
        "registration_form": form,
        "refusal": refusal,
        "registered": registered,
        "spam_fields": spam.hidden_fields(),
    }
    if page.registration_open:
        context["availability"] = availability(page)
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def message_view(request, event_id):
    """Staff write one message; the task worker sends it to each registrant of the event."""
    from .models import EventPage

    if not request.user.has_perm("events.change_registration"):
        raise PermissionDenied
    event = get_object_or_404(EventPage, pk=event_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        message_registrants.enqueue(event.pk, data["recipients"], data["subject"], data["body"])
        messages.success(request, _("Your message is being sent to the registrants of “%s”.") % event.title)
        listing = reverse("wagtailsnippets_events_registration:list")
        return redirect(f"{listing}?event={event.pk}")
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in Registration.Status.values
    }
    return TemplateResponse(
        request, "events/admin/message.html", {"event": event, "form": form, "counts": counts}
    )
