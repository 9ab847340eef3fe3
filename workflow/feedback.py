"""What a review action did, told to the reviewer who took it: approved and sent to the next
level, published, scheduled for a time, or sent back with the comment. A refusal by the English
gate is said alone, never beside a green "updated"; and it is judged against the task the reviewer
acted on, not the one now current (a second-level approval that succeeded shows no refusal)."""

from django.contrib import messages as django_messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.models import Page

from .models import BilingualGateTask

ACTIONS = ("approve", "reject")


def outcome(page, task, action, comment=""):
    """(level, text) for `action` (approve / reject) just taken on `task`, from the page's state now;
    None for actions this does not describe."""
    if action not in ACTIONS:
        return None
    page = Page.objects.get(pk=page.pk).specific
    values = {"title": page.get_admin_display_title(), "task": task.name, "comment": comment}
    if action == "reject":
        if comment:
            return "success", gettext(
                "Changes requested at %(task)s: “%(title)s” goes back to its writer with your comment: "
                "%(comment)s"
            ) % values
        return "success", gettext(
            "Changes requested at %(task)s: “%(title)s” goes back to its writer."
        ) % values
    current = page.current_workflow_task
    if current is not None and current.pk == task.pk:
        reason = task.specific.refusal_reason(page) if isinstance(task.specific, BilingualGateTask) else None
        if reason:
            return "error", reason + " " + gettext(
                "It has gone to the translators, who have been told; it waits at %(task)s, and you "
                "will be told when its English is complete."
            ) % values
        return "error", gettext("“%(title)s” is still awaiting %(task)s.") % values
    if current is not None:
        return "success", gettext("“%(title)s” approved at %(task)s and sent to %(next)s.") % (
            values | {"next": current.name}
        )
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at > timezone.now():
        when = date_format(timezone.localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT")
        return "success", gettext(
            "“%(title)s” approved at %(task)s; it will be published at %(time)s (Beijing time)."
        ) % (values | {"time": when})
    if page.live:
        return "success", gettext("“%(title)s” approved at %(task)s and published.") % values
    return "success", gettext("“%(title)s” approved at %(task)s.") % values


def tell(request, page, task, action, comment=""):
    """Put the outcome in the reviewer's messages, in place of Wagtail's "has been updated"."""
    result = outcome(page, task, action, comment)
    if result is None:
        return
    # Reading the queued messages marks them used; the ones kept are queued again.
    kept = [
        message
        for message in django_messages.get_messages(request)
        if message.level != django_messages.SUCCESS
    ]
    for message in kept:
        django_messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    level, text = result
    getattr(messages, level)(request, text)
