"""The moderation queue: comments listed for moderators, approved, rejected or deleted in bulk."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Comment


class CommentFilterSet(WagtailFilterSet):
    class Meta:
        model = Comment
        fields = ["status", "language"]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Reader comments")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["display_name", "text", "article", "status", "created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["name", "text"]
    ordering = ["status", "-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Comment.objects.select_related("article")


register_snippet(CommentViewSet)


class SetStatusBulkAction(SnippetBulkAction):
    template_name = "participation/admin/confirm_bulk_status.html"
    status = None

    models = [Comment]

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        updated = Comment.objects.filter(pk__in=[c.pk for c in objects]).update(status=cls.status)
        return updated, 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


@hooks.register("register_bulk_action")
class ApproveBulkAction(SetStatusBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects) % {
            "count": num_parent_objects
        }


@hooks.register("register_bulk_action")
class RejectBulkAction(SetStatusBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", num_parent_objects) % {
            "count": num_parent_objects
        }
