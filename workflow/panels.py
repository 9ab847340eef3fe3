"""Dashboard panels of the editorial workflow."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

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
