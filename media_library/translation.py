from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CustomImage


@register(CustomImage)
class CustomImageTR(TranslationOptions):
    fields = ("title", "description", "caption", "credit")
    required_languages = {"zh-hans": ("title",)}
