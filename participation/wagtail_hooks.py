"""The moderation queue: reader comments and story submissions side by side under one admin
menu, waiting ones first, approved, rejected or deleted in bulk, exported in Beijing time; the
moderators' dashboard panel; who may read inquiry-form submissions."""

from django.db.models import Case, IntegerField, Value, When
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from website.exports import BeijingTimeExportMixin, local_time_text

from . import views
from .models import Comment, ModerationStatus, StorySubmission
from .panels import panel_for


def waiting_first(queryset):
    """Awaiting moderation first, then approved and rejected (the codes sort the wrong way)."""
    rank = Case(
        When(status=ModerationStatus.PENDING, then=Value(0)),
        When(status=ModerationStatus.APPROVED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.annotate(moderation_rank=rank)


class LocalTimeColumn(Column):
    """A date and time in the site's time zone (Beijing), to the minute."""

    def get_value(self, instance):
        return local_time_text(super().get_value(instance))


class ModerationIndexView(BeijingTimeExportMixin, IndexView):
    """The snippet listing whose bulk bar counts comments or stories, not "snippets"."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_item_type"], context["bulk_strings"] = views.bulk_bar_strings(self.model)
        context["bulk_bar"] = {"item_type": context["bulk_item_type"], "strings": context["bulk_strings"]}
        return context


class CommentFilterSet(WagtailFilterSet):
    class Meta:
        model = Comment
        fields = ["status", "language"]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Reader comments")
    list_display = [
        "display_name",
        "text",
        "article",
        "status",
        LocalTimeColumn("created_at", label=_("sent at")),
    ]
    list_export = ["created_at", "display_name", "email", "text", "article", "language", "get_status_display"]
    export_headings = {"created_at": _("Sent at (Beijing time)"), "get_status_display": _("status")}
    export_filename = "comments"
    index_view_class = ModerationIndexView
    index_template_name = "participation/admin/moderation_index.html"
    filterset_class = CommentFilterSet
    search_fields = ["name", "text"]
    ordering = ["moderation_rank", "-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return waiting_first(Comment.objects.select_related("article"))


class StorySubmissionFilterSet(WagtailFilterSet):
    class Meta:
        model = StorySubmission
        fields = ["status", "page", "language"]


class PhotoColumn(Column):
    """A thumbnail of the story's photo, fetched through the admin-only photo view."""

    cell_template_name = "participation/admin/photo_cell.html"

    def get_value(self, instance):
        return instance.photo.url if instance.photo else None


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    icon = "doc-full"
    menu_label = _("Story submissions")
    list_display = [
        "title",
        "name",
        PhotoColumn("photo", label=_("Photo")),
        "page",
        "status",
        LocalTimeColumn("created_at", label=_("sent at")),
    ]
    list_export = [
        "created_at",
        "title",
        "story",
        "name",
        "email",
        "phone",
        "page",
        "language",
        "get_status_display",
    ]
    export_headings = {"created_at": _("Sent at (Beijing time)"), "get_status_display": _("status")}
    export_filename = "stories"
    index_view_class = ModerationIndexView
    index_template_name = "participation/admin/moderation_index.html"
    filterset_class = StorySubmissionFilterSet
    search_fields = ["title", "story", "name"]
    ordering = ["moderation_rank", "-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["page", "title", "story", "photo", "name", "email", "phone", "language", "status"]

    def get_queryset(self, request):
        return waiting_first(StorySubmission.objects.select_related("page"))


class ModerationGroup(SnippetViewSetGroup):
    """One menu for everything readers send that waits for a moderator."""

    menu_label = _("Reader participation")
    menu_icon = "comment"
    menu_order = 250
    items = (CommentViewSet, StorySubmissionViewSet)


register_snippet(ModerationGroup)


@hooks.register("construct_homepage_panels")
def add_reader_input_panel(request, panels):
    panel = panel_for(request.user)
    if panel:
        panels.append(panel)


@hooks.register("register_admin_urls")
def register_story_photo_url():
    # Admin URLs require a logged-in user with admin access before the view checks its right.
    return [
        path(
            "participation/story-photos/<path:name>",
            views.moderator_story_photo,
            name="participation_story_photo",
        )
    ]


@hooks.register("filter_form_submissions_for_user")
def submissions_for_holders_of_the_right(user, editable_forms):
    """Inquiries hold personal information: reading them is its own right ("Can view form
    submission"), given to the roles that answer inquiries, not to everyone who edits pages."""
    if not user.has_perm("wagtailforms.view_formsubmission"):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


# The moderated models and what each bulk action tells the moderator afterwards.
MODERATED = {
    Comment: {
        "approve": ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count"),
        "reject": ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count"),
    },
    StorySubmission: {
        "approve": ngettext_lazy("%(count)d story approved.", "%(count)d stories approved.", "count"),
        "reject": ngettext_lazy("%(count)d story rejected.", "%(count)d stories rejected.", "count"),
    },
}


class SetStatusBulkAction(SnippetBulkAction):
    template_name = "participation/admin/confirm_bulk_status.html"
    status = None

    models = list(MODERATED)

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", item)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        # Saved one by one, not with update(), so post_save tells the page cache (website.cache).
        for item in objects:
            item.status = cls.status
            item.save(update_fields=["status"])
        return len(objects), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return MODERATED[self.model][self.action_type] % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class ApproveBulkAction(SetStatusBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected items")
    action_priority = 10
    status = Comment.Status.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(SetStatusBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected items")
    action_priority = 20
    status = Comment.Status.REJECTED
