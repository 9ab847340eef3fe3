"""Pages the final review's English gate sent back to the translators.

When the gate refuses a page, the translators are told by mail (in their admin language) and
see it on their dashboard; they may edit its English while it waits at the final review, with
no detour through the writer and the first two levels. Once a save makes the English complete,
the send-back is resolved and the final reviewers are told the page is ready for them.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from website.languages import SOURCE_LANGUAGE

from . import gate
from .models import EnglishSendBack
from .roles import TRANSLATORS
from .status import field_labels, missing_english

logger = logging.getLogger(__name__)


def admin_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else SOURCE_LANGUAGE
    return language if language in dict(settings.LANGUAGES) else SOURCE_LANGUAGE


def recipients(users):
    return list(
        users.filter(is_active=True).exclude(email="").select_related("wagtail_userprofile").distinct()
    )


def edit_link(page):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])


def mail(users, subject, template, context):
    """One mail per person, in their admin language; a mail server that fails never fails the review."""
    for user in users:
        with translation.override(admin_language(user)):
            body = render_to_string(template, context | {"user": user})
            try:
                send_mail(str(subject) % context, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            except Exception:
                logger.exception("Could not mail %s about page %s", user.pk, context["page"].pk)


def send_back_for_english(task_state, page, reviewer):
    """Record the gate's refusal once per review round and tell the translators."""
    send_back, created = EnglishSendBack.objects.get_or_create(
        task_state=task_state, defaults={"page_id": page.pk, "refused_by": reviewer}
    )
    if not created:
        if send_back.resolved_at is None:
            return send_back
        # The English was complete, then lost again (a later save): send it back anew.
        send_back.resolved_at = None
        send_back.refused_by = reviewer
        send_back.save(update_fields=["resolved_at", "refused_by"])
    latest = page.get_latest_revision_as_object()
    translators = recipients(get_user_model().objects.filter(groups__name=TRANSLATORS))
    mail(
        translators,
        _("English needed before final approval: “%(title)s”"),
        "workflow/email/sent_back_for_english.txt",
        {
            "page": latest,
            "title": latest.get_admin_display_title(),
            "reviewer": reviewer,
            # Lazy labels: each mail names the fields in its reader's language.
            "missing": [latest._meta.get_field(name).verbose_name for name in missing_english(latest)],
            "link": edit_link(page),
        },
    )
    return send_back


def open_send_backs(page):
    return EnglishSendBack.open().filter(page_id=page.pk)


def may_complete_english(page, user):
    """A translator, on a page the gate sent back to them that still waits at the final review."""
    return user.groups.filter(name=TRANSLATORS).exists() and open_send_backs(page).exists()


def note_english_completed(page):
    """After a save: a page sent back whose English is now complete goes to its final reviewers."""
    send_backs = list(open_send_backs(page).select_related("task_state__task"))
    if not send_backs:
        return
    latest = page.get_latest_revision_as_object()
    if gate.refusal_reason(latest):
        return
    for send_back in send_backs:
        send_back.resolved_at = timezone.now()
        send_back.save(update_fields=["resolved_at"])
        task = send_back.task_state.task.specific
        reviewers = recipients(get_user_model().objects.filter(groups__in=task.groups.all()))
        mail(
            reviewers,
            _("English complete, awaiting your final approval: “%(title)s”"),
            "workflow/email/english_completed.txt",
            {
                "page": latest,
                "title": latest.get_admin_display_title(),
                "task": task,
                "link": edit_link(page),
            },
        )


def missing_labels(page):
    latest = page.get_latest_revision_as_object()
    return field_labels(latest, missing_english(latest))
