from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ArticleAttachment, MediaContact, NewsroomPage


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
