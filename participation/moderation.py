"""What reaches the moderators: a mail to every account that may act on a new comment, story
or inquiry (sent by the task worker once the reader's submission is stored), and the counts
their dashboard shows. Who moderates what is a permission (docs/permissions.md), not a list."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission

from website.languages import SOURCE_LANGUAGE

from .models import Comment, ModerationStatus, StorySubmission

logger = logging.getLogger(__name__)

# Inquiries have no moderation status: the dashboard counts the recent ones.
RECENT_INQUIRIES = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Queue:
    kind: str
    permission: str
    subject: str
    url_name: str

    def waiting(self):
        if self.kind == "inquiry":
            return FormSubmission.objects.filter(submit_time__gte=timezone.now() - RECENT_INQUIRIES).count()
        model = Comment if self.kind == "comment" else StorySubmission
        return model.objects.filter(status=ModerationStatus.PENDING).count()

    def url(self):
        return reverse(self.url_name)


QUEUES = {
    "comment": Queue(
        "comment",
        "participation.change_comment",
        _("New reader comment awaiting moderation"),
        "wagtailsnippets_participation_comment:list",
    ),
    "story": Queue(
        "story",
        "participation.change_storysubmission",
        _("New reader story awaiting moderation"),
        "wagtailsnippets_participation_storysubmission:list",
    ),
    "inquiry": Queue(
        "inquiry", "wagtailforms.view_formsubmission", _("New inquiry from the website"), "wagtailforms:index"
    ),
}


def moderators(permission, exclude_addresses=()):
    """Active accounts with an address that hold the right through a group or directly."""
    app_label, codename = permission.split(".")
    granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__permissions__in=granted) | Q(user_permissions__in=granted)).distinct()
    return [
        user for user in users.select_related("wagtail_userprofile") if user.email not in exclude_addresses
    ]


def admin_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else SOURCE_LANGUAGE
    return language if language in dict(settings.LANGUAGES) else SOURCE_LANGUAGE


@task()
def notify_moderators(kind, exclude_addresses=()):
    """One mail per moderator, in their admin language: what arrived, how many wait, where to act.
    The reader's words and contact details stay in the admin, not in mailboxes."""
    queue = QUEUES[kind]
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + queue.url()
    waiting = queue.waiting()
    sent = 0
    for user in moderators(queue.permission, exclude_addresses):
        with translation.override(admin_language(user)):
            body = render_to_string(
                "participation/email/moderator_notification.txt",
                {"kind": kind, "waiting": waiting, "link": link, "user": user},
            )
            send_mail(str(queue.subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent


def tell_moderators(kind, exclude_addresses=()):
    """Enqueue the notification once the reader's submission is committed; never fail the reader."""

    def enqueue():
        try:
            notify_moderators.enqueue(kind, list(exclude_addresses))
        except Exception:  # a broken queue must not lose or refuse what the reader sent
            logger.exception("Could not tell the moderators about a new %s", kind)

    transaction.on_commit(enqueue)
