"""The newsroom in the admin: embargo preview links, email-alert subscribers and deliveries,
and the rule that keeps an embargoed release's documents from the public."""

import django_filters
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .embargo import embargoed_document_ids
from .models import AlertDelivery, EmbargoPreview, Subscriber


@hooks.register("before_serve_document")
def keep_embargoed_attachments_private(document, request):
    """A document attached only to a release that is not live yet is not found, except by staff."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if document.pk in embargoed_document_ids([document.pk]):
        raise Http404
    return None


# ---- Embargo preview links, made by press officers (docs/newsroom.md) ----


class EmbargoPreviewCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EmbargoPreviewViewSet(SnippetViewSet):
    model = EmbargoPreview
    icon = "link"
    add_view_class = EmbargoPreviewCreateView
    list_display = ["journalist_name", "outlet", "page", "status", "links", "created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "journalist_name",
        "journalist_email",
        "outlet",
        "page",
        "status",
        "links",
        "created_by",
        "created_at",
        "revoked_at",
    ]
    panels = [
        HelpPanel(
            content=_(
                "The link is created when you save: copy it from the list of preview links and "
                "send it to the journalist. It shows the release with its embargo time, stops "
                "working when the release goes live or when you revoke it, and every use is logged."
            )
        ),
        FieldPanel("page"),
        FieldPanel("journalist_name"),
        FieldPanel("journalist_email"),
        FieldPanel("outlet"),
        FieldPanel("revoked"),
    ]


register_snippet(EmbargoPreviewViewSet)


# ---- Email alerts: who subscribed and what was sent, for press officers (docs/newsroom.md) ----


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Model permissions without `refused` actions, which nobody may take here, not even a superuser:
    a subscriber only ever comes from the public double opt-in, never from the admin."""

    def __init__(self, model, refused):
        super().__init__(model)
        self.refused = set(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.refused])


register_permission_policy(Subscriber, ReadOnlyPolicy(Subscriber, refused=["add", "change"]))
register_permission_policy(AlertDelivery, ReadOnlyPolicy(AlertDelivery, refused=["add", "change", "delete"]))


class SubscriberFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )
    unsubscribed = django_filters.BooleanFilter(
        label=_("Unsubscribed"), field_name="unsubscribed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Subscriber
        fields = ["language", "topic"]


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AlertDelivery.Status.choices, method="filter_status"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), field_name="subscriber__language", choices=Subscriber.Language.choices
    )

    class Meta:
        model = AlertDelivery
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class ReadOnlyViewSetMixin:
    """A listing without add and edit pages, newest first; the group editor offers only the
    rights it allows. Searched in the database (these rows are not in the search index)."""

    form_fields = []  # Wagtail builds the add and edit views before get_urlpatterns drops them
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [url for url in super().get_urlpatterns() if url.name not in ("add", "edit")]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(content_type=content_type).exclude(
            codename__in=[f"{action}_{self.model_name}" for action in self.permission_policy.refused]
        )


class SubscriberViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    list_display = [
        "email",  # the title column: it carries the delete button
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("topic", label=_("Topics"), accessor="get_topic_display"),
        BooleanColumn("confirmed", label=_("Confirmed"), accessor=lambda s: s.confirmed_at is not None),
        DateColumn("unsubscribed_at", label=_("Unsubscribed"), sort_key="unsubscribed_at"),
        DateColumn("created_at", label=_("Subscribed"), sort_key="created_at"),
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]


class DeliveryViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = AlertDelivery
    icon = "mail"
    menu_label = _("Deliveries")
    list_display = [
        Column("page", label=_("Release"), accessor="page.title"),
        Column("subscriber", label=_("Subscriber"), accessor="subscriber.email"),
        Column("status", label=_("Status"), accessor=lambda d: d.status.label),
        Column("attempts", label=_("Attempts"), sort_key="attempts"),
        Column("last_error", label=_("Last error"), accessor=lambda d: Truncator(d.last_error).chars(120)),
        DateColumn("sent_at", label=_("Sent at"), sort_key="sent_at"),
    ]
    filterset_class = DeliveryFilterSet
    search_fields = ["subscriber__email"]

    def get_queryset(self, request):
        return AlertDelivery.objects.select_related("subscriber", "page")


class EmailAlertsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Email alerts")
    menu_icon = "mail"
    menu_order = 260
    items = [SubscriberViewSet("alert_subscribers"), DeliveryViewSet("alert_deliveries")]


@hooks.register("register_admin_viewset")
def register_email_alerts():
    return EmailAlertsViewSetGroup()
