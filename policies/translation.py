from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import PolicyCategory, PolicyEntry, PolicyIndexPage, PolicyListPage


@register(PolicyIndexPage)
class PolicyIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(PolicyListPage)
class PolicyListPageTR(TranslationOptions):
    fields = ("intro",)


@register(PolicyCategory)
class PolicyCategoryTR(TranslationOptions):
    # A filter needs a name in each language.
    fields = ("name",)
    required_languages = ("zh-hans", "en")


@register(PolicyEntry)
class PolicyEntryTR(TranslationOptions):
    fields = (
        "title",
        "document_number",
        "issuing_body",
        "summary",
        "contact",
        "status_reason",
        "full_text",
        "document",
    )
    required_languages = {"zh-hans": ("title", "summary")}
