"""The comment section under a news article: approved comments (one query) and the form."""

from django import template
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from website import spam
from website.cache import kept
from website.languages import same_script_readers

from ..models import Comment

register = template.Library()


@register.inclusion_tag("participation/comments.html", takes_context=True)
def article_comments(context, article):
    if not getattr(article, "comments_enabled", False):
        return {"enabled": False}
    from ..models import InquiryPage
    from ..views import CommentForm

    request = context.get("request")
    # The privacy notice the inquiry form links to: one query, however many comments, kept for
    # the generation (a reader's request, website.cache.kept), as every article shows the same.
    inquiry = kept(
        f"inquiry-privacy-page:{translation.get_language()}",
        lambda: InquiryPage.objects.live().exclude(privacy_page=None).select_related("privacy_page").first(),
        tagged=True,
    )
    return {
        "enabled": True,
        "article": article,
        # Read when shown: a reader's page keeps the comments and the form with the article's
        # revision (website.cache.page_fragment) until a comment is approved or withdrawn.
        "page": article,
        "comments": SimpleLazyObject(
            lambda: list(
                # Readers see the comments written in their language: /en/ never shows Chinese by
                # accident; both Chinese editions show every Chinese comment.
                Comment.objects.filter(
                    article=article, status=Comment.Status.APPROVED, language__in=same_script_readers()
                )
                .only("name", "text", "created_at")
                .order_by("created_at")
            )
        ),
        "form": CommentForm(),
        "spam_fields": spam.hidden_fields(),
        "received": request is not None and request.GET.get("comment") == "received",
        "request": request,
        "privacy_page": inquiry.privacy_page if inquiry else None,
    }
