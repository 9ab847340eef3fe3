"""Event registrations in the admin: the list per event (filter by event), its CSV and XLSX
export in Beijing time, and the form that writes to an event's registrants. Only the roles
that hold the rights see them (docs/permissions.md)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from website.exports import BeijingTimeExportMixin, local_time_text

from . import views
from .registration import Registration


class LocalTimeColumn(Column):
    """A date and time in the site's time zone (Beijing), to the minute."""

    def get_value(self, instance):
        return local_time_text(super().get_value(instance))


class RegistrationFilterSet(WagtailFilterSet):
    class Meta:
        model = Registration
        fields = ["event", "status", "language"]


class RegistrationIndexView(BeijingTimeExportMixin, IndexView):
    """The listing, with a button to write to the registrants of the event it is filtered by."""

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        event_id = self.request.GET.get("event", "")
        if event_id.isdigit() and self.request.user.has_perm("events.change_registration"):
            url = reverse("events_message_registrants", args=[int(event_id)])
            buttons.append(HeaderButton(_("Message the registrants"), url=url, icon_name="mail"))
        return buttons


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "name",
        "organisation",
        "email",
        "event",
        "status",
        LocalTimeColumn("created_at", label=_("registered at")),
    ]
    list_export = [
        "event",
        "created_at",
        "name",
        "organisation",
        "job_title",
        "email",
        "phone",
        "language",
        "get_status_display",
    ]
    export_headings = {"created_at": _("Registered at (Beijing time)"), "get_status_display": _("status")}
    export_filename = "registrations"
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "organisation", "email"]
    ordering = ["event", "created_at"]
    list_per_page = 100
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


register_snippet(RegistrationViewSet)


@hooks.register("register_admin_urls")
def register_message_url():
    return [path("events/<int:event_id>/message/", views.message_view, name="events_message_registrants")]


def registrations_button(page, user, priority):
    """ "Registrations" beside an event in the page explorer and its editor, for those who may see them."""
    from .models import EventPage

    if issubclass(page.specific_class or type(page), EventPage) and user.has_perm("events.view_registration"):
        url = reverse("wagtailsnippets_events_registration:list") + f"?event={page.pk}"
        yield Button(_("Registrations"), url=url, icon_name="group", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def registrations_in_the_page_listing(page, user, next_url=None):
    yield from registrations_button(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def registrations_in_the_page_header(page, user, view_name, next_url=None):
    yield from registrations_button(page, user, priority=45)
