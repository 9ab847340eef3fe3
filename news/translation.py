from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Keyword, NewsArticlePage, NewsIndexPage, Person


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
