from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, SiteSettings, StandardPage


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro", "key_figures")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("organisation_name", "address", "press_boilerplate", "icp_number", "public_security_number")
    required_languages = {"zh-hans": ("organisation_name",)}
