from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import InvestmentMapPage, InvestmentOfficer, MapArea, Publication, PublicationLibraryPage


@register(InvestmentOfficer)
class InvestmentOfficerTR(TranslationOptions):
    fields = ("name", "title", "languages")
    required_languages = {"zh-hans": ("name",)}


@register(InvestmentMapPage)
class InvestmentMapPageTR(TranslationOptions):
    fields = ("intro",)


@register(MapArea)
class MapAreaTR(TranslationOptions):
    fields = ("name", "permitted_use")
    required_languages = {"zh-hans": ("name",)}


@register(PublicationLibraryPage)
class PublicationLibraryPageTR(TranslationOptions):
    fields = ("intro",)


@register(Publication)
class PublicationTR(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"zh-hans": ("title", "summary")}
