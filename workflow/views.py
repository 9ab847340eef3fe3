"""Admin views of the editorial workflow that are not Wagtail's own."""

from django.shortcuts import get_object_or_404, redirect
from wagtail.admin import messages
from wagtail.models import Page

from .models import BilingualGateTask


def gate_refused(request, page_id):
    """Where a refused final approval lands: the reason, in the reviewer's admin language."""
    page = get_object_or_404(Page, pk=page_id)
    task = page.current_workflow_task
    if isinstance(task, BilingualGateTask) and (reason := task.refusal_reason(page)):
        messages.error(request, reason)
    return redirect("wagtailadmin_pages:edit", page.pk)
