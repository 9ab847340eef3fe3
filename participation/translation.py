from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import InquiryFormField, InquiryPage, StorySubmissionPage


@register(InquiryPage)
class InquiryPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text", "subject")


@register(InquiryFormField)
class InquiryFormFieldTR(TranslationOptions):
    fields = ("label", "help_text", "choices", "default_value")


@register(StorySubmissionPage)
class StorySubmissionPageTR(TranslationOptions):
    fields = ("campaign_title", "intro", "thank_you_text")
