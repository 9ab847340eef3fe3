"""Dashboard panels of the editorial workflow."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import EnglishSendBack
from .status import LACKING, english_states


class LackingEnglishPanel(Component):
    """For translators: how many pages still lack English, with a link to the report."""

    name = "lacking_english"
    order = 90  # above Wagtail's own panels (workflow queues are at 100+)
    template_name = "workflow/lacking_english_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        pages = PagePermissionPolicy().explorable_instances(self.request.user).filter(depth__gt=1)
        states = english_states(pages)
        return {
            "partial": sum(1 for state in states.values() if state.status == LACKING[0]),
            "missing": sum(1 for state in states.values() if state.status == LACKING[1]),
            "report_url": reverse("workflow_lacking_english"),
        }


class SentBackForEnglishPanel(Component):
    """For translators: the pages the final review's English gate sent back to them, newest first,
    each with who refused it, when, and what its English still lacks."""

    name = "sent_back_for_english"
    order = 80  # first: these pages hold up a publication
    template_name = "workflow/sent_back_for_english_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from .send_back import missing_labels

        send_backs = EnglishSendBack.open().select_related("page", "refused_by", "task_state__task")
        return {
            "send_backs": [
                {
                    "page": send_back.page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[send_back.page_id]),
                    "refused_by": send_back.refused_by,
                    "refused_at": send_back.refused_at,
                    "task": send_back.task_state.task,
                    "missing": missing_labels(send_back.page),
                }
                for send_back in send_backs
            ]
        }
