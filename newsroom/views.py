"""The journalists' public views: embargo preview links and their files, and the email-alert
sign-up, confirmation and unsubscribe pages."""

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.documents.models import Document

from media_library.storage import PRIVATE_PREFIX, is_private
from media_library.views import private_file_response
from website import spam
from website.languages import SECOND_LANGUAGE, is_english_request, language_link, reverse_in

from .emails import send_confirmation
from .embargo import files_used_by
from .forms import SubscribeForm
from .models import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    USER_AGENT_LENGTH,
    EmbargoPreview,
    EmbargoPreviewUse,
    Subscriber,
)

# ---- Embargo preview links: /embargo/<token>/ and their files ----


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


def log_use(request, preview, outcome):
    EmbargoPreviewUse.objects.create(
        preview=preview,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH],
        outcome=outcome,
    )


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _preview_language_links(request, preview, has_english):
    return [
        language_link(request, code, name, preview.url_in(code), code != SECOND_LANGUAGE or has_english)
        for code, name in settings.LANGUAGES
    ]


def gone(request, status, message):
    response = TemplateResponse(
        request,
        "newsroom/embargo_preview_gone.html",
        {"message": message, "language_links": []},
        status=status,
    )
    return _no_store(response)


def embargo_preview_view(request, token):
    """/embargo/<token>/ and /en/embargo/<token>/: the release's latest revision with the embargo banner."""
    preview = EmbargoPreview.objects.select_related("page").filter(token=token).first()
    if preview is None:
        return gone(request, 404, _("This preview link is not valid. Check that you copied all of it."))
    page = preview.page
    if preview.revoked:
        log_use(request, preview, "revoked")
        return gone(request, 410, _("This preview link has been withdrawn. Please contact the press office."))
    if page.live:
        log_use(request, preview, "released")
        return _no_store(HttpResponseRedirect(page.get_url(request)))
    release = page.get_latest_revision_as_object()
    if not release.go_live_at:
        log_use(request, preview, "unscheduled")
        return gone(request, 410, _("This release is no longer scheduled. Please contact the press office."))
    if is_english_request() and not release.has_english:
        log_use(request, preview, "untranslated")
        return gone(request, 404, _("This release is not available in English yet."))
    log_use(request, preview, "shown")
    context = release.get_context(request)
    context.update(
        {
            "embargo_preview": preview,
            "embargo_time": release.go_live_at,
            "embargo_time_zone": timezone.get_current_timezone_name(),
            "language_links": _preview_language_links(request, preview, release.has_english),
        }
    )
    response = TemplateResponse(request, "newsroom/embargo_preview.html", context)
    response.render()
    return _no_store(_files_through_link(response, preview, release))


def _files_through_link(response, preview, release):
    """Point the release's private files (held back until it is live: newsroom.embargo) at
    this link's own address.

    The journalist's browser has no admin session, so /private-media/ and Wagtail's document
    address (/documents/<id>/<name>) would refuse it; the link's token, which opened the page,
    opens its pictures and attachments too, and revoking it stops all of them.
    """
    private = reverse("private_file", args=["-"]).removesuffix("-")
    through_link = reverse("embargo_file", args=[preview.token, "-"]).removesuffix("-")
    content = response.content.replace(private.encode(), through_link.encode())
    for document in embargoed_documents(release):
        document_link = reverse("embargo_document", args=[preview.token, document.pk, document.filename])
        for address in {document.url, escape(document.url)}:
            content = content.replace(f'"{address}"'.encode(), f'"{escape(document_link)}"'.encode())
    response.content = content
    return response


def embargoed_documents(release):
    return [
        file_object
        for file_object in files_used_by(release)
        if isinstance(file_object, Document) and is_private(file_object.file.name)
    ]


def release_file_names(page):
    """The stored names of the files the release's latest revision shows, with its images' renditions."""
    names = set()
    for file_object in files_used_by(page.get_latest_revision_as_object()):
        names.add(file_object.file.name)
        if hasattr(file_object, "renditions"):
            names.update(rendition.file.name for rendition in file_object.renditions.all())
    return names


def embargo_file_view(request, token, name):
    """/embargo/<token>/files/<name>: a private file of a scheduled release, for a valid link's holder."""
    preview = EmbargoPreview.objects.select_related("page").filter(token=token, revoked=False).first()
    if preview is None or preview.page.live or PRIVATE_PREFIX + name not in release_file_names(preview.page):
        raise Http404
    return private_file_response(name)


def embargo_document_view(request, token, document_id, filename):
    """/embargo/<token>/documents/<id>/<name>: an attachment of a scheduled release, downloaded
    under its own name by a valid link's holder; once the release is live, its public address."""
    preview = EmbargoPreview.objects.select_related("page").filter(token=token, revoked=False).first()
    if preview is None:
        raise Http404
    if preview.page.live:
        document = get_object_or_404(Document, pk=document_id)
        return _no_store(HttpResponseRedirect(document.url))
    release = preview.page.get_latest_revision_as_object()
    document = next((d for d in embargoed_documents(release) if d.pk == document_id), None)
    if document is None:
        raise Http404
    response = private_file_response(document.file.name.removeprefix(PRIVATE_PREFIX))
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    return response


# ---- Email alerts: /alerts/, /alerts/confirm/<token>/, /alerts/unsubscribe/<key>/ ----


def _alert_language_links(request, view_name, *args):
    return [
        language_link(request, code, name, reverse_in(code, view_name, args))
        for code, name in settings.LANGUAGES
    ]


def _page(request, template, context, status=200):
    context.setdefault("language_links", _alert_language_links(request, "alerts_subscribe"))
    response = TemplateResponse(request, f"newsroom/alerts/{template}", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def privacy_page():
    """The privacy notice the inquiry form links to (participation), looked up by model name:
    newsroom and participation do not import each other (pyproject.toml)."""
    try:
        inquiry_model = apps.get_model("participation", "InquiryPage")
    except LookupError:
        return None
    inquiry = inquiry_model.objects.live().exclude(privacy_page=None).select_related("privacy_page").first()
    return inquiry.privacy_page.specific if inquiry else None


def _subscribe_form_page(request, form, refusal=None, status=200):
    context = {
        "form": form,
        "refusal": refusal,
        "spam_fields": spam.hidden_fields(),
        "privacy_page": privacy_page(),
    }
    return _page(request, "subscribe.html", context, status=status)


def subscribe_view(request):
    """Double opt-in sign-up with the reader forms' defences (website.spam) and at most one
    confirmation mail a day per address: three posts in a second send one mail, not three."""
    language = translation.get_language()
    if request.method != "POST":
        return _subscribe_form_page(request, SubscribeForm(initial={"language": language}))
    refusal = spam.refusal(request)
    if refusal:
        # Shown again with what the reader wrote, but not judged.
        form = SubscribeForm(initial=request.POST.dict())
        return _subscribe_form_page(request, form, refusal=refusal.message, status=refusal.status)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _subscribe_form_page(request, form, status=400)
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=form.cleaned_data["email"].lower(),
            defaults={"language": form.cleaned_data["language"], "topic": form.cleaned_data["topic"]},
        )
        send = not subscriber.active and subscriber.may_send_confirmation(now)
        if send:
            subscriber.language = form.cleaned_data["language"]
            subscriber.topic = form.cleaned_data["topic"]
            subscriber.unsubscribed_at = None
            subscriber.confirmed_at = None
            subscriber.consented_at = now
            subscriber.confirmation_sent_at = now
            subscriber.save()
    if send:
        send_confirmation(subscriber)
    # The same answer whether or not the address was known or mailed today: no one learns who subscribed.
    return _page(request, "subscribe_sent.html", {"email": subscriber.email})


def confirm_view(request, token):
    try:
        key = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        subscriber = Subscriber.objects.get(key=key)
    except (signing.BadSignature, Subscriber.DoesNotExist):
        message = _("This confirmation link is not valid or has expired. Please subscribe again.")
        return _page(request, "message.html", {"message": message, "failed": True}, status=400)
    if subscriber.confirmed_at is None or subscriber.unsubscribed_at is not None:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return _page(request, "message.html", {"message": _("Thank you: your subscription is confirmed.")})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a form of ours
def unsubscribe_view(request, key):
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        message = _("This unsubscribe link is not valid. Check that you copied all of it.")
        return _page(request, "message.html", {"message": message, "failed": True}, status=400)
    if request.method == "POST":
        if subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["unsubscribed_at"])
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return _page(
            request, "message.html", {"message": _("You are unsubscribed. You will get no more alerts.")}
        )
    # A GET (a person, or a mail scanner following links) asks first.
    return _page(request, "unsubscribe.html", {"subscriber": subscriber})
