"""The final review level (a group approval that refuses while a gated page lacks English),
the review settings that name the gated page types, and the record of a page the gate sent
back to the translators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

from . import gate
from .fields import ChoiceListField


@register_setting(icon="tasks")
class ReviewSettings(BaseSiteSetting):
    """What the three-level review asks of a site's pages (Settings → Review settings)."""

    english_gate = ChoiceListField(
        _("complete English required before final approval"),
        item_choices=gate.GATE_CHOICES,
        default=gate.default_gate,
        blank=True,
        help_text=_(
            "The final review refuses to approve pages of these kinds while any of their English is missing."
        ),
    )

    panels = [FieldPanel("english_gate")]

    class Meta:
        verbose_name = _("review settings")


class BilingualGateTask(AbstractGroupApprovalTask):
    """Group approval that will not approve a page whose type the review settings gate
    (press releases and policy lists by default) while any of its English is missing.

    Wagtail's approve endpoints call on_action without a request: the reviewer is told why by
    workflow.feedback, in their admin language, from the review dialog (views.ReviewActionView)
    and from the editor (the after_edit_page hook in wagtail_hooks).
    """

    def refusal_reason(self, obj):
        if not isinstance(obj, Page):
            return None
        return gate.refusal_reason(obj.get_latest_revision_as_object())

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object
            if self.refusal_reason(page):
                # Back to the translators, not through the writer: the page waits here meanwhile.
                from .send_back import send_back_for_english

                send_back_for_english(task_state, page, user)
                return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def locked_for_user(self, obj, user):
        """Reviewers only, except that translators complete the English of a page sent back for it."""
        if not super().locked_for_user(obj, user):
            return False
        from .send_back import may_complete_english

        return not may_complete_english(obj, user)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups can approve, except that pages the review settings "
            "require in English cannot be approved until their English is complete"
        )

    class Meta:
        verbose_name = _("Group approval with English check")
        verbose_name_plural = _("Group approvals with English check")


class EnglishSendBack(models.Model):
    """A page the final review's English gate refused: the translators are told (by mail and on
    their dashboard) and may edit its English while it waits at the final review. Resolved once
    its English is complete, when the final reviewers are told it is ready."""

    task_state = models.OneToOneField(TaskState, on_delete=models.CASCADE, related_name="english_send_back")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="english_send_backs")
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refused_at = models.DateTimeField(_("sent back at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("English completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("page sent back for English")
        verbose_name_plural = _("pages sent back for English")
        ordering = ["-refused_at"]

    def __str__(self):
        return self.page.get_admin_display_title()

    @classmethod
    def open(cls):
        """Send-backs whose page still waits at the final review with its English incomplete."""
        return cls.objects.filter(resolved_at=None, task_state__status=TaskState.STATUS_IN_PROGRESS)
