from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("comments/<int:article_id>/", views.post_comment, name="post_comment"),
]
