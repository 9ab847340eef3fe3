"""The admin's submissions export made formula-safe (website.exports), the public comment form's endpoint, and
the two doors to a story's photo: readers once it is approved, moderators always."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.contrib.forms.views import SubmissionsListView

from website import spam
from website.consent import ConsentMixin
from website.exports import BeijingTimeExportMixin
from website.files import inert_file_response

from . import photos
from .models import Comment, StorySubmission
from .moderation import tell_moderators


class SafeSubmissionsListView(BeijingTimeExportMixin, SubmissionsListView):
    """Wagtail's listing and export of inquiries, in Beijing time and formula-safe."""


def bulk_bar_strings(model):
    """The bulk bar's words for a moderated model: (its type name for Wagtail's script, strings)."""
    if model is Comment:
        return "COMMENT", {
            "SINGULAR": _("1 comment selected"),
            "PLURAL": _("%(objects)s comments selected"),
            "ALL": _("All %(objects)s comments on this screen selected"),
            "ALL_IN_LISTING": _("All comments in listing selected"),
            "SELECT_ALL": _("Select all comments in listing"),
        }
    return "STORY", {
        "SINGULAR": _("1 story selected"),
        "PLURAL": _("%(objects)s stories selected"),
        "ALL": _("All %(objects)s stories on this screen selected"),
        "ALL_IN_LISTING": _("All stories in listing selected"),
        "SELECT_ALL": _("Select all stories in listing"),
    }


class CommentForm(ConsentMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["name", "email", "text"]
        labels = {"name": _("Name (optional)"), "email": _("Email (optional, never shown)")}
        help_texts = {"name": _("Leave it empty to appear as “Anonymous”.")}


@require_POST
def post_comment(request, article_id):
    from news.models import NewsArticlePage

    article = get_object_or_404(NewsArticlePage.objects.live(), pk=article_id, comments_enabled=True)
    english = translation.get_language() == "en"
    if english and not article.has_english:
        raise Http404
    refusal = spam.refusal(request)
    form = CommentForm(request.POST)
    if refusal is None and form.is_valid():
        comment = form.save(commit=False)
        comment.article = article
        comment.language = translation.get_language()
        comment.save()
        tell_moderators("comment")
        return redirect(article.get_url(request) + "?comment=received#comments")
    context = {
        "article": article,
        # A refused form is shown again with what the reader wrote, but not judged.
        "form": form if refusal is None else CommentForm(initial=request.POST.dict()),
        "refusal": refusal.message if refusal else None,
        "spam_fields": spam.hidden_fields(),
    }
    return TemplateResponse(
        request, "participation/comment_retry.html", context, status=refusal.status if refusal else 200
    )


def photo_response(story, cache_control):
    content_type = photos.content_type(story.photo.name)
    response = inert_file_response(story.photo.open("rb"), cache_control, content_type)
    response["Content-Disposition"] = "inline"
    return response


def story_photo(request, story_id):
    """A reader sees the photo of an approved story on a live campaign page; nothing else exists."""
    story = get_object_or_404(
        StorySubmission.objects.filter(status=StorySubmission.Status.APPROVED, page__live=True).exclude(
            photo=""
        ),
        pk=story_id,
    )
    # Short-lived in shared caches: a story a moderator later rejects disappears within minutes.
    return photo_response(story, "public, max-age=300")


def moderator_story_photo(request, name):
    """Any story's photo, for staff who may see story submissions (the admin's login comes first)."""
    if not request.user.has_perm("participation.view_storysubmission"):
        raise PermissionDenied
    story = get_object_or_404(StorySubmission, photo=name)
    return photo_response(story, "private, no-store")
