"""Admin addresses the root URLconf places before Wagtail's own: the review dialog that tells the
reviewer what their approval or request for changes did (views.ReviewActionView)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from .views import ReviewActionView

review_patterns = [
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        never_cache(require_admin_access(ReviewActionView.as_view())),
    ),
]
