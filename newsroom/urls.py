"""The journalists' URLs outside the page tree: embargo preview links and email alerts, inside
i18n_patterns (one set per language), and the files of a preview link, outside them."""

from django.urls import path

from . import views

journalist_patterns = [
    path("embargo/<str:token>/", views.embargo_preview_view, name="embargo_preview"),
    path("alerts/", views.subscribe_view, name="alerts_subscribe"),
    path("alerts/confirm/<str:token>/", views.confirm_view, name="alerts_confirm"),
    path("alerts/unsubscribe/<str:key>/", views.unsubscribe_view, name="alerts_unsubscribe"),
]

file_patterns = [
    path("embargo/<str:token>/files/<path:name>", views.embargo_file_view, name="embargo_file"),
    path(
        "embargo/<str:token>/documents/<int:document_id>/<str:filename>",
        views.embargo_document_view,
        name="embargo_document",
    ),
]
