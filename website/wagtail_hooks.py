"""Site-wide admin pieces: the sign-in lockouts under Settings, the Traditional Chinese glossary."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .lockouts import PERMISSION, LockoutsView, UnlockView
from .models import GlossaryTerm

account_managers_only = permission_required(PERMISSION)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("lockouts/", account_managers_only(LockoutsView.as_view()), name="website_lockouts"),
        path(
            "lockouts/<str:ip_address>/unlock/",
            account_managers_only(UnlockView.as_view()),
            name="website_unlock",
        ),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"), reverse("website_lockouts"), name="lockouts", icon_name="lock", order=650
    )


class GlossaryTermViewSet(SnippetViewSet):
    """The editors' fixes to the Traditional edition's conversion (website.traditional)."""

    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Traditional glossary")
    list_display = ["simplified", "traditional", "standard", "note"]
    search_fields = ["simplified", "traditional", "note"]
    list_filter = ["standard"]


register_snippet(GlossaryTermViewSet)
