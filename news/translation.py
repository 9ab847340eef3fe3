from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    ArticleAttachment,
    Keyword,
    MediaContact,
    NewsArticlePage,
    NewsIndexPage,
    NewsroomPage,
    Person,
)


@register(Person)
class PersonTR(TranslationOptions):
    fields = ("name", "organisation")
    required_languages = {"zh-hans": ("name",)}


@register(Keyword)
class KeywordTR(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"zh-hans": ("name",)}


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NewsArticlePage)
class NewsArticlePageTR(TranslationOptions):
    fields = ("subtitle", "summary", "source_publication", "source_issue", "body")


@register(MediaContact)
class MediaContactTR(TranslationOptions):
    fields = ("name", "role")
    required_languages = {"zh-hans": ("name",)}


@register(ArticleAttachment)
class ArticleAttachmentTR(TranslationOptions):
    fields = ("title",)


@register(NewsroomPage)
class NewsroomPageTR(TranslationOptions):
    fields = ("intro",)
