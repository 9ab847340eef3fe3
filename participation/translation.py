from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import InquiryFormField, InquiryPage


@register(InquiryPage)
class InquiryPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text", "subject")


@register(InquiryFormField)
class InquiryFormFieldTR(TranslationOptions):
    fields = ("label", "help_text", "choices", "default_value")
