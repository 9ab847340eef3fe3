from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CooperationIndexPage, CooperationShowcasePage


@register(CooperationIndexPage)
class CooperationIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CooperationShowcasePage)
class CooperationShowcasePageTR(TranslationOptions):
    fields = ("partner", "summary", "story")
