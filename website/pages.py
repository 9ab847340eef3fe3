"""The abstract page every public page type extends: English availability and serving rules."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, fallbacks, resolution_order
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

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

    def route(self, request, path_components):
        """Wagtail's routing with the child found by one query.

        wagtail-modeltranslation replaces `route` to match a child's slug with language
        fallbacks, by loading every child and comparing in Python: 10,000 pages for one
        article of a news index of 10,000. `undo_slug_loop` puts this method back.
        """
        if path_components and self.live:
            try:  # the page's own sub-routes first, as RoutablePageMixin does
                resolver_match = self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                pass
            else:
                request.routable_resolver_match = resolver_match
                view, args, kwargs = resolver_match
                return RouteResult(self, args=(view, args, kwargs))
        if not path_components:
            return super().route(request, path_components)
        child = self.get_children().filter(slug_is(path_components[0])).order_by("path").first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.specific.route(request, path_components[1:])

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


def slug_is(slug):
    """A child whose slug reads `slug` in the active language, as `page.slug` does: the
    language's own slug, or where that is empty the next language's in fallback order."""
    match = models.Q(pk__in=[])
    empty_so_far = models.Q()
    for language in resolution_order(get_language()):
        column = build_localized_fieldname("slug", language)
        match |= empty_so_far & models.Q(**{column: slug})
        empty_so_far &= models.Q(**{f"{column}__isnull": True}) | models.Q(**{column: ""})
    return match


def undo_slug_loop():
    """Give every page type BasePage.route back (called from WebsiteConfig.ready, after
    wagtail-modeltranslation has set its own `route` on each translated page model)."""
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    for page_type in _all_subclasses(BasePage):
        if page_type.__dict__.get("route") is _new_route:
            del page_type.route


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)
