"""The abstract page every public page type extends: English availability and serving rules."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import fallbacks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .languages import SECOND_LANGUAGE, field_in, has_text, is_english_request
from .redirects import redirect_changed_paths, stored_url_paths


class BasePage(RoutablePageMixin, Page):
    """A page that holds both languages and knows whether its English is there.

    `english_required_fields` names the fields a reader needs; while any of them is
    empty in English the page is left out of English listings, and its /en/ URL shows
    a notice that links to the Chinese page instead of half-translated content.
    Every page is routable, so the English rule also covers a page's sub-routes.
    """

    english_required_fields = ("title",)

    has_english = models.BooleanField(
        _("has English"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_("Derived on save: every field a reader needs is filled in English."),
    )

    class Meta:
        abstract = True

    def english_is_complete(self):
        return all(has_text(field_in(self, name, SECOND_LANGUAGE)) for name in self.english_required_fields)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        full_save = update_fields is None
        if full_save or "has_english" in update_fields:
            self.has_english = self.english_is_complete()
        old_paths = stored_url_paths(self) if self.pk and full_save else None
        result = super().save(*args, **kwargs)
        redirect_changed_paths(self, old_paths)
        return result

    def serve(self, request, *args, **kwargs):
        if not is_english_request():
            return super().serve(request, *args, **kwargs)
        if not self.has_english:
            return self.serve_untranslated(request)
        # English readers see English or nothing: no field falls back to Chinese.
        with fallbacks(False):
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    def serve_untranslated(self, request):
        response = TemplateResponse(request, "untranslated.html", {"page": self, "self": self})
        response["X-Robots-Tag"] = "noindex"
        return response
