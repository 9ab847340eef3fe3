from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("comments/<int:article_id>/", views.post_comment, name="post_comment"),
    path("stories/<int:story_id>/photo/", views.story_photo, name="story_photo"),
]
