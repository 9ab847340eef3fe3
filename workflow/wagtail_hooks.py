"""Admin wiring: the report of pages lacking English, the translators' dashboard panels (pages
lacking English, pages the English gate sent back), the English status in the page listing,
and the bilingual gate's message."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import feedback, roles, send_back, views
from .panels import LackingEnglishPanel, SentBackForEnglishPanel
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
        panels.append(SentBackForEnglishPanel(request))
        panels.append(LackingEnglishPanel(request))


@hooks.register("edits_only_english")
def translators_edit_only_english(user):
    return roles.edits_only_english(user)


def review_action(request):
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        return request.POST.get("workflow-action-name")
    return None


@hooks.register("before_edit_page")
def note_the_task_acted_on(request, page):
    """Remember which review level a reviewer acts on from the editor, before the action moves it."""
    if review_action(request) in feedback.ACTIONS:
        request.review_task_acted_on = page.current_workflow_task


@hooks.register("after_edit_page")
def tell_what_the_review_action_did(request, page):
    """Approved and sent on, published, scheduled, sent back, or refused by the English gate."""
    task = getattr(request, "review_task_acted_on", None)
    if task is not None:
        feedback.tell(request, page, task, review_action(request), views.comment_of(request))


@hooks.register("after_edit_page")
def send_completed_english_to_the_final_review(request, page):
    """A translator's save that completes the English of a page sent back for it."""
    send_back.note_english_completed(page)
