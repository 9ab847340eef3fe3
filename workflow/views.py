"""Admin views of the editorial workflow that are not Wagtail's own."""

import json

from wagtail.admin.views.pages.workflow import WorkflowActionView

from . import feedback


class ReviewActionView(WorkflowActionView):
    """Wagtail's review dialog (approve / request changes), telling the reviewer what their action
    did. The root URLconf puts it at Wagtail's own address for the dialog."""

    def post(self, request, *args, **kwargs):
        task = self.task
        response = super().post(request, *args, **kwargs)
        feedback.tell(request, self.object, task, self.action_name, request.POST.get("comment", ""))
        return response


def comment_of(request):
    """The comment sent with a review action taken from the editor."""
    try:
        return json.loads(request.POST.get("workflow-action-extra-data") or "{}").get("comment", "")
    except (ValueError, AttributeError):
        return ""
