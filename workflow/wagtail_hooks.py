"""Admin wiring: the report of pages lacking English, the translators' dashboard panel, the
English status in the page listing, and the bilingual gate's message."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import views
from .models import BilingualGateTask
from .panels import LackingEnglishPanel
from .reports import LackingEnglishReportView
from .roles import SITE_ADMINISTRATORS, TRANSLATORS


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("reports/lacking-english/", LackingEnglishReportView.as_view(), name="workflow_lacking_english"),
        path(
            "reports/lacking-english/results/",
            LackingEnglishReportView.as_view(results_only=True),
            name="workflow_lacking_english_results",
        ),
        path("workflow/gate-refused/<int:page_id>/", views.gate_refused, name="workflow_gate_refused"),
    ]


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_lacking_english_menu_item():
    return PageEditorsMenuItem(
        _("Pages lacking English"),
        reverse("workflow_lacking_english"),
        name="lacking-english",
        icon_name="globe",
        order=750,
    )


@hooks.register("construct_homepage_panels")
def add_lacking_english_panel(request, panels):
    user = request.user
    if user.is_superuser or user.groups.filter(name__in=[TRANSLATORS, SITE_ADMINISTRATORS]).exists():
        panels.append(LackingEnglishPanel(request))


@hooks.register("after_edit_page")
def explain_refused_final_approval(request, page):
    """A final approval made from the editor and refused by the gate: say why."""
    if request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve":
        task = page.current_workflow_task
        if isinstance(task, BilingualGateTask) and (reason := task.refusal_reason(page)):
            messages.error(request, reason)
