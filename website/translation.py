"""The site settings' fields readers see, in both languages (django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import SiteSettings


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("organisation_name", "address", "press_boilerplate", "icp_number", "public_security_number")
    required_languages = {"zh-hans": ("organisation_name",)}
