from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EventDocument, EventIndexPage, EventPage, EventSpeaker


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("venue", "organiser", "summary", "agenda", "report")


@register(EventSpeaker)
class EventSpeakerTR(TranslationOptions):
    fields = ("role",)


@register(EventDocument)
class EventDocumentTR(TranslationOptions):
    fields = ("title",)
