"""The final review level (a group approval that refuses while a gated page lacks English)
and the review settings that name the gated page types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, Page

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
                return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups can approve, except that pages the review settings "
            "require in English cannot be approved until their English is complete"
        )

    class Meta:
        verbose_name = _("Group approval with English check")
        verbose_name_plural = _("Group approvals with English check")
