"""The admin report of pages whose English is partial or missing, with CSV/XLSX export."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_content_types
from wagtail.permission_policies.pages import PagePermissionPolicy

from website.exports import StaffCsvMixin

from .status import LACKING, english_states

SECTION_DEPTH = 3  # the children of a site's home page: news, about, investor guide, …


def lacking_states(request, pages):
    """The English states of the pages lacking English, computed once per request."""
    if not hasattr(request, "_lacking_english"):
        states = english_states(pages)
        request._lacking_english = {pk: state for pk, state in states.items() if state.status in LACKING}
    return request._lacking_english


def sections(request):
    return Page.objects.filter(depth=SECTION_DEPTH).order_by("path")


class LackingEnglishFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=sections, method="filter_section", empty_label=_("All sections")
    )
    content_type = ContentTypeFilter(
        label=_("Type"), queryset=lambda request: get_page_content_types(include_base_page_type=False)
    )
    english = django_filters.ChoiceFilter(
        label=_("English"),
        choices=[(status.value, status.label) for status in LACKING],
        method="filter_english",
        empty_label=_("Partial or missing"),
    )

    class Meta:
        model = Page
        fields = ["section", "content_type", "english"]

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path)

    def filter_english(self, queryset, name, value):
        states = lacking_states(self.request, queryset)
        return queryset.filter(pk__in=[pk for pk, state in states.items() if state.status == value])


class LackingEnglishReportView(StaffCsvMixin, ReportView):
    page_title = _("Pages lacking English")
    header_icon = "globe"
    index_url_name = "workflow_lacking_english"
    index_results_url_name = "workflow_lacking_english_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    filterset_class = LackingEnglishFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    export_filename = "pages-lacking-english"
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            accessor="get_admin_display_title",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("page_type_display_name", label=_("Type")),
        Column("section_title", label=_("Section")),
        Column("english_label", label=_("English")),
        Column("missing_fields", label=_("Missing in English")),
    ]
    list_export = [
        "pk",
        "title_zh_hans",
        "page_type_display_name",
        "section_title",
        "english_label",
        "missing_fields",
    ]
    export_headings = {
        "pk": _("ID"),
        "title_zh_hans": _("Title (Chinese)"),
        "page_type_display_name": _("Type"),
        "section_title": _("Section"),
        "english_label": _("English"),
        "missing_fields": _("Missing in English"),
    }

    def get_queryset(self):
        pages = self.permission_policy.explorable_instances(self.request.user).filter(depth__gt=1)
        states = lacking_states(self.request, pages)
        return pages.filter(pk__in=states).select_related("content_type").order_by("path")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        states = lacking_states(self.request, Page.objects.filter(pk__in=[page.pk for page in pages]))
        section_paths = {page.path[: Page.steplen * SECTION_DEPTH] for page in pages}
        titles = {
            section.path: section.get_admin_display_title()
            for section in Page.objects.filter(path__in=section_paths, depth=SECTION_DEPTH)
        }
        for page in pages:
            state = states[page.pk]
            page.english = state.status.value
            page.english_label = state.label
            page.missing_fields = ", ".join(state.missing)
            page.section_title = titles.get(page.path[: Page.steplen * SECTION_DEPTH], "")
        return pages
