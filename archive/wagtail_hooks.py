"""Admin wiring: *Settings → Import archive* and *Allowed link domains* for holders of the import
right (Site administrators), the original text of an imported page from its header, and the
redirect of old query-string addresses that land on a page of this site (`/?p=123`)."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from website.redirects import traditional_redirect

from . import views
from .models import AllowedDomain, ImportedArticle

importers_only = permission_required(views.PERMISSION)

# Query-string keys of old CMSs' article addresses. Only requests carrying one of them are looked
# up in the redirects, so the site's own query strings (?page=2, ?keyword=…) cost nothing.
OLD_QUERY_KEYS = (
    "p", "id", "page_id", "aid", "articleid", "article_id", "newsid", "news_id", "nid", "itemid", "docid",
    "contentid", "infoid",
)  # fmt: skip


@hooks.register("register_admin_urls")
def register_archive_urls():
    return [
        path("archive-import/", importers_only(views.ImportView.as_view()), name="archive_import"),
        path("archive-import/<int:run_id>/", importers_only(views.RunView.as_view()), name="archive_run"),
        path(
            "archive-import/<int:run_id>/report.csv",
            importers_only(views.RunCsvView.as_view()),
            name="archive_run_csv",
        ),
        path(
            "archive-import/original/<int:page_id>/",
            importers_only(views.OriginalTextView.as_view()),
            name="archive_original",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import archive"), reverse("archive_import"), name="archive-import", icon_name="download", order=660
    )


class AllowedDomainViewSet(ModelViewSet):
    model = AllowedDomain
    icon = "link"
    menu_label = _("Allowed link domains")
    add_to_settings_menu = True
    menu_order = 661
    form_fields = ["domain", "note"]
    list_display = ["domain", "note"]
    search_fields = ["domain", "note"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_allowed_domains():
    return AllowedDomainViewSet("archive_allowed_domains")


@hooks.register("register_page_header_buttons")
def original_text_button(page, user, view_name, next_url=None):
    if user.has_perm(views.PERMISSION) and ImportedArticle.objects.filter(page_id=page.pk).exists():
        yield Button(
            _("Original text (archive)"),
            reverse("archive_original", args=[page.pk]),
            icon_name="doc-full",
            priority=90,
        )


def old_query_keys():
    return set(getattr(settings, "ARCHIVE_OLD_QUERY_KEYS", OLD_QUERY_KEYS))


@hooks.register("before_serve_page")
def redirect_old_query_address(page, request, serve_args, serve_kwargs):
    """Wagtail's redirects answer only addresses that find no page; an old `/?p=123` finds the home
    page, so its redirect is looked up here, for requests with an old CMS's query keys only
    (`/zh-hant/?p=123` too, to the Traditional page)."""
    if request.method != "GET" or not request.GET or not old_query_keys() & set(request.GET):
        return None
    old_path = Redirect.normalise_path(request.get_full_path())
    redirect = Redirect.get_for_site(Site.find_for_request(request)).filter(old_path=old_path).first()
    if redirect is None or not redirect.link:
        return traditional_redirect(request)
    return HttpResponsePermanentRedirect(redirect.link)
