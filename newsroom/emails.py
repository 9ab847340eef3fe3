"""The email-alert mails: the confirmation of a subscription and the alert for a release, in
the subscriber's language, with the one-click unsubscribe headers."""

import email.policy

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from website.addresses import absolute
from website.languages import page_url_in, reader_fallbacks
from website.traditional import convert_markup, for_reader, is_traditional_request


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
    with translation.override(subscriber.language), reader_fallbacks(subscriber.language):
        context = {**context, "subscriber": subscriber, "unsubscribe_url": subscriber.unsubscribe_url()}
        text = for_reader(render_to_string(f"newsroom/alerts/{template}.txt", context))
        html = render_to_string(f"newsroom/alerts/{template}.html", context)
        if is_traditional_request():  # the Traditional edition by mail (website.traditional)
            html = convert_markup(html)
        message = AlertMessage(
            subject=for_reader(str(subject)),
            body=text,
            to=[subscriber.email],
            headers=unsubscribe_headers(subscriber),
        )
        message.attach_alternative(html, "text/html")
    return message


def send_confirmation(subscriber):
    with translation.override(subscriber.language):
        subject = _("Confirm your subscription to news alerts")
        message = build_message(subscriber, "confirm", subject, {"confirm_url": subscriber.confirm_url()})
    message.send()


# What a title that already announces itself as a release starts with, in either language.
RELEASE_WORDS = ("press release", "新闻稿", "新闻发布", "新闻通稿")


def alert_subject(page):
    """The release's title, with "Press release:" in front unless the title already says it."""
    title = page.title
    if not page.is_press_release:
        return title
    prefixed = gettext("Press release: %(title)s") % {"title": title}
    # The label as the active language writes it ("新闻稿" for "新闻稿：%(title)s"), too.
    label = prefixed[: len(prefixed) - len(title)].strip().rstrip(":：").strip().lower()
    start = title.lstrip(" 【[").lower()
    if any(start.startswith(word) for word in (*RELEASE_WORDS, label) if word):
        return title
    return prefixed


def alert_message(delivery):
    subscriber, page = delivery.subscriber, delivery.page
    with translation.override(subscriber.language), reader_fallbacks(subscriber.language):
        subject = alert_subject(page)
        context = {"page": page, "page_url": absolute(page_url_in(page, subscriber.language))}
        return build_message(subscriber, "release", subject, context)
