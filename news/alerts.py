"""Email alerts for journalists: subscribe with double opt-in, one-click unsubscribe, and one
mail per published release per subscriber, in the subscriber's language (news.tasks sends).

news.models imports this module; the page_published receiver only records what to send and
enqueues a task after the transaction commits: the task worker sends, so publishing never
waits for the mail server.
"""

import email.policy
import logging
import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from modeltranslation.utils import fallbacks
from wagtail.models import Site

from website.languages import SECOND_LANGUAGE, SOURCE_LANGUAGE, language_link, reverse_in

logger = logging.getLogger(__name__)

CONFIRM_SALT = "news.alerts.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600
MAX_ATTEMPTS = 10  # news.tasks retries a delivery until then, waiting longer each time


def new_key():
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    class Language(models.TextChoices):
        CHINESE = SOURCE_LANGUAGE, "简体中文"
        ENGLISH = SECOND_LANGUAGE, "English"

    class Topic(models.TextChoices):
        PRESS_RELEASES = "press_releases", _("Press releases")
        ALL_NEWS = "all_news", _("All news, including press releases")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    topic = models.CharField(_("topics"), max_length=20, choices=Topic.choices, default=Topic.PRESS_RELEASES)
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")

    def __str__(self):
        return self.email

    @property
    def active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def confirm_token(self):
        return signing.dumps(self.key, salt=CONFIRM_SALT)

    def url(self, name, *args):
        with translation.override(self.language):
            return absolute(reverse(name, args=args))

    def confirm_url(self):
        return self.url("alerts_confirm", self.confirm_token())

    def unsubscribe_url(self):
        return self.url("alerts_unsubscribe", self.key)


class DeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True)

    def with_status(self, status):
        Status = AlertDelivery.Status
        return {
            Status.QUEUED: self.pending().filter(attempts=0),
            Status.RETRYING: self.pending().filter(attempts__gt=0, attempts__lt=MAX_ATTEMPTS),
            Status.FAILED: self.pending().filter(attempts__gte=MAX_ATTEMPTS),
            Status.SENT: self.filter(sent_at__isnull=False),
        }[status]


class AlertDelivery(models.Model):
    """One release for one subscriber: sent once (the unique constraint), retried until it is."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Failed, will be retried")
        FAILED = "failed", _("Failed, no more retries")
        SENT = "sent", _("Sent")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey("news.NewsArticlePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [models.UniqueConstraint(fields=["subscriber", "page"], name="one_alert_per_release")]

    def __str__(self):
        return f"{self.subscriber} {self.page_id}"

    @property
    def status(self):
        if self.sent_at:
            return self.Status.SENT
        if self.attempts == 0:
            return self.Status.QUEUED
        return self.Status.RETRYING if self.attempts < MAX_ATTEMPTS else self.Status.FAILED


def absolute(path):
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def unsubscribe_headers(subscriber):
    """RFC 2369 and RFC 8058: mail clients offer their own one-click unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{subscriber.unsubscribe_url()}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


class AlertMessage(EmailMultiAlternatives):
    """Headers are never folded into RFC 2047 encoded words.

    The mail policy folds a header longer than 78 characters, and a URL has no space to fold
    at, so `List-Unsubscribe` went out as `=?utf-8?q?=3Chttp...?=`: RFC 2369 wants the bare
    `<URL>`, and mail clients then offered no unsubscribe button. 998 is RFC 5322's limit.
    """

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def build_message(subscriber, template, subject, context):
    """A plain-text and HTML mail in the subscriber's language with the unsubscribe link and headers."""
    with translation.override(subscriber.language), fallbacks(subscriber.language == SOURCE_LANGUAGE):
        context = {**context, "subscriber": subscriber, "unsubscribe_url": subscriber.unsubscribe_url()}
        text = render_to_string(f"news/alerts/{template}.txt", context)
        html = render_to_string(f"news/alerts/{template}.html", context)
        message = AlertMessage(
            subject=str(subject), body=text, to=[subscriber.email], headers=unsubscribe_headers(subscriber)
        )
        message.attach_alternative(html, "text/html")
    return message


def send_confirmation(subscriber):
    with translation.override(subscriber.language):
        subject = _("Confirm your subscription to news alerts")
        message = build_message(subscriber, "confirm", subject, {"confirm_url": subscriber.confirm_url()})
    message.send()


# ---- Deliveries: recorded on publication, sent by news.tasks ----


def subscribers_for(page):
    """Active subscribers who should get `page`: by topic, and only in a language the page has."""
    subscribers = Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    if not page.is_press_release:
        subscribers = subscribers.filter(topic=Subscriber.Topic.ALL_NEWS)
    if not page.has_english:
        subscribers = subscribers.filter(language=SOURCE_LANGUAGE)
    return subscribers


def record_deliveries(page):
    """One pending delivery per subscriber who has not had this release yet (never a second one)."""
    rows = [AlertDelivery(subscriber=s, page=page) for s in subscribers_for(page).only("pk")]
    AlertDelivery.objects.bulk_create(rows, ignore_conflicts=True)


def on_page_published(sender, instance, **kwargs):
    from .models import NewsArticlePage

    page = instance.specific if not isinstance(instance, NewsArticlePage) else instance
    if not isinstance(page, NewsArticlePage) or not page.live:
        return
    record_deliveries(page)

    def enqueue():
        from .tasks import send_release_alerts

        try:
            send_release_alerts.enqueue(page.pk)
        except Exception:  # a broken queue must not break publishing; `send_alerts` sends later
            logger.exception("Could not enqueue the alerts of page %s", page.pk)

    transaction.on_commit(enqueue)


# ---- Public views: /alerts/, /alerts/confirm/<token>/, /alerts/unsubscribe/<key>/ ----


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"), error_messages={"invalid": _("Enter a valid email address, like name@example.com.")}
    )
    language = forms.ChoiceField(label=_("Language of the alerts"), choices=Subscriber.Language.choices)
    topic = forms.ChoiceField(
        label=_("What to receive"),
        choices=Subscriber.Topic.choices,
        widget=forms.RadioSelect,
        initial=Subscriber.Topic.PRESS_RELEASES,
    )


def _language_links(request, view_name, *args):
    return [
        language_link(request, code, name, reverse_in(code, view_name, args))
        for code, name in settings.LANGUAGES
    ]


def _page(request, template, context, status=200):
    context.setdefault("language_links", _language_links(request, "alerts_subscribe"))
    response = TemplateResponse(request, f"news/alerts/{template}", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def subscribe_view(request):
    language = translation.get_language()
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            subscriber, _created = Subscriber.objects.get_or_create(
                email=form.cleaned_data["email"].lower(),
                defaults={"language": form.cleaned_data["language"], "topic": form.cleaned_data["topic"]},
            )
            if not subscriber.active:
                subscriber.language = form.cleaned_data["language"]
                subscriber.topic = form.cleaned_data["topic"]
                subscriber.unsubscribed_at = None
                subscriber.confirmed_at = None
                subscriber.save()
                send_confirmation(subscriber)
            # The same answer whether or not the address was known: no one learns who subscribed.
            return _page(request, "subscribe_sent.html", {"email": subscriber.email})
        return _page(request, "subscribe.html", {"form": form}, status=400)
    return _page(request, "subscribe.html", {"form": SubscribeForm(initial={"language": language})})


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


def _connect():
    from wagtail.signals import page_published

    page_published.connect(on_page_published, dispatch_uid="news.alerts.on_page_published")


_connect()
