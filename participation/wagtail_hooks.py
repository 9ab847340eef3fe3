"""The moderation queue: reader comments and story submissions side by side under one admin
menu, approved, rejected or deleted in bulk; who may read inquiry-form submissions."""

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
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Comment, StorySubmission


class CommentFilterSet(WagtailFilterSet):
    class Meta:
        model = Comment
        fields = ["status", "language"]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Reader comments")
    list_display = ["display_name", "text", "article", "status", "created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["name", "text"]
    ordering = ["status", "-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Comment.objects.select_related("article")


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
        "created_at",
    ]
    filterset_class = StorySubmissionFilterSet
    search_fields = ["title", "story", "name"]
    ordering = ["status", "-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["page", "title", "story", "photo", "name", "email", "phone", "language", "status"]

    def get_queryset(self, request):
        return StorySubmission.objects.select_related("page")


class ModerationGroup(SnippetViewSetGroup):
    """One menu for everything readers send that waits for a moderator."""

    menu_label = _("Reader participation")
    menu_icon = "comment"
    menu_order = 250
    items = (CommentViewSet, StorySubmissionViewSet)


register_snippet(ModerationGroup)


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
