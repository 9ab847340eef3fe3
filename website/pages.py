"""The abstract page every public page type extends: English availability and serving rules."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname, fallbacks, resolution_order
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from . import slugs
from .cache import keeping, kept, remembered
from .cache_keys import page_keys
from .cache_tags import add_keys
from .languages import (
    SECOND_LANGUAGE,
    SOURCE_LANGUAGE,
    TRADITIONAL_LANGUAGE,
    EnglishRequired,
    is_english_request,
    reader_fallbacks,
    stored_language,
)
from .redirects import redirect_changed_paths, stored_url_paths
from .traditional import convert_response


def edits_only_english(user):
    """Whether `user` may change only the English of a page: any `edits_only_english` hook says so
    (workflow registers the Translators' rule; the foundation does not know the roles)."""
    return user is not None and any(rule(user) for rule in hooks.get_hooks("edits_only_english"))


class BilingualPageFormMixin:
    """The admin form of every page: the English title says it is optional (not Wagtail's
    "Page title*"), and a page never published gets short slugs (website.slugs): the pinyin
    of its Chinese title, and its English title slugged, unless the editor typed their own.
    For staff who edit only English (translators) the Chinese fields are disabled: shown, and
    whatever is posted for them ignored (Django keeps a disabled field's initial value)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if edits_only_english(getattr(self, "for_user", None)):
            suffix = "_" + SOURCE_LANGUAGE.replace("-", "_")
            for name, field in self.fields.items():
                if name.endswith(suffix):
                    field.disabled = True
                    field.help_text = _("Translators read the Chinese here and change only the English.")
        english_title = self.fields.get("title_en")
        if english_title is not None:
            english_title.widget.attrs["placeholder"] = _(
                "English title (optional until the page is translated)"
            )
        if "slug_zh_hans" in self.fields:
            # Left empty, it is filled from the title below.
            self.fields["slug_zh_hans"].required = False

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.first_published_at is None:  # a published page keeps its addresses
            self.fill_slug(cleaned_data, "zh_hans", lambda title: slugs.pinyin_slug(title))
            self.fill_slug(cleaned_data, "en", lambda title: slugify(title)[: slugs.MAX_LENGTH].strip("-"))
        return cleaned_data

    def fill_slug(self, cleaned_data, language, make):
        slug_field, title = f"slug_{language}", cleaned_data.get(f"title_{language}")
        if slug_field not in self.fields or self.fields[slug_field].disabled:
            return
        if not title or self.has_error(slug_field):
            return
        if not slugs.is_automatic(cleaned_data.get(slug_field), title):
            return
        slug = make(title)
        if not slug:
            return
        siblings = self.parent_page.get_children() if self.parent_page else Page.objects.none()
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        taken = set(siblings.values_list(slug_field, flat=True))
        cleaned_data[slug_field] = slugs.unique_among(slug, taken)


class BilingualPageForm(BilingualPageFormMixin, WagtailAdminPageForm):
    pass


class BasePage(EnglishRequired, RoutablePageMixin, Page):
    """A page that holds both languages and knows whether its English is there.

    `english_required_fields` names the fields a reader needs; while any of them is
    empty in English the page is left out of English listings, and its /en/ URL shows
    a notice that links to the Chinese page instead of half-translated content.
    Every page is routable, so the English rule also covers a page's sub-routes.
    """

    # Foreign keys loaded with the page when routing finds it (a lead image the page shows).
    routed_with = ()
    # Whether the site map (/site-map/) lists this page's children: sections, yes; the
    # articles of a news index, no.
    site_map_children = True
    base_form_class = BilingualPageForm

    has_english = models.BooleanField(
        _("has English"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_("Derived on save: every field a reader needs is filled in English."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        full_save = update_fields is None
        if full_save or "has_english" in update_fields:
            self.has_english = self.english_is_complete()
        old_paths = stored_url_paths(self) if self.pk and full_save else None
        result = super().save(*args, **kwargs)
        redirect_changed_paths(self, old_paths)
        return result

    def description(self):
        """What search engines and link previews show of the page (base.html), as text of at
        most 200 characters: its search description, else its summary or its introduction, for
        the page types that have one. Worked out here (the head and the link preview each ask
        once): a template's lookup of a field the page type lacks failed, and then listed the
        page's attributes (0.4 ms a render), and the tags were stripped again for each of the
        three tags that show it."""
        text = self.search_description or getattr(self, "summary", "") or getattr(self, "intro", "")
        return Truncator(strip_tags(text)).chars(200) if text else ""

    def share_image(self):
        """The picture shown when the page is shared (og:image): its lead image, if it has one.
        Pages without one get the site's default (website.templatetags.site_tags.share_image)."""
        return getattr(self, "lead_image", None)

    def sitemap_routes(self):
        """The page's own sub-routes a sitemap lists (keyword pages, policy entries), as
        ``(route path below the page, English exists, last modified or None)`` tuples."""
        return []

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
        slug, rest = path_components[0], path_components[1:]
        if rest:
            # A section page (a news index) routing passes through is kept for the generation;
            # a page without children is not, so a made-up path cannot fill the memory.
            name = f"route:{self.pk}:{get_language()}:{slug}"
            child = kept(name, lambda: self.child_by_slug(slug), keep_if=has_children, tagged=True)
        else:
            # The page the address ends at, kept in the shared cache with the tags of what it
            # loaded (the page, its lead image), in a reader's request: the query of a wide
            # page row took a third of a miss, and a miss is mostly of a page that did not
            # change (a publish renews the pages listing or relating to it). Its own change
            # (a publish, a move, an unpublish: its `p` tag) reads it again.
            name = f"leaf:{self.pk}:{get_language()}:{slug}"
            child = remembered(name, lambda: self.child_by_slug(slug), tagged=True, keep_if=is_page)
        if child is None:
            raise Http404
        return child.route(request, rest)

    def child_by_slug(self, slug):
        """The child whose slug in the active language is `slug`, specific, or None.

        Where the page allows one type of child (a news index: articles), that type is asked
        first, so the child comes whole in one query instead of a page row and then the rest.
        """
        subpage_types = self.allowed_subpage_models()
        if len(subpage_types) == 1:
            child_type = subpage_types[0]
            # Without its bodies: a reader's page keeps the parts showing them per revision
            # (website.cache.page_parts), and a part that renders reads them then.
            children = child_type.objects.child_of(self).defer_streamfields()
            if child_type.routed_with:  # (select_related() without names would follow every key)
                children = children.select_related(*child_type.routed_with)
            child = first_by_path(children.filter(slug_is(slug)))
            if child is not None:
                child._cached_parent_obj = self
                return child
        child = first_by_path(self.get_children().filter(slug_is(slug)))
        if child is None:
            return None
        child._cached_parent_obj = self
        return child.specific

    def get_view_restrictions(self):
        """Wagtail's, without two queries a page while no page has a view restriction."""
        if no_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        add_keys(*page_keys(self))  # what renews it, here and at the edge (website.cache_keys)
        request.served_page = True  # a page's own response: no `lists` tag unless it lists
        return self.untranslated_response(request) or super().serve(request, *args, **kwargs)

    @property
    def preview_modes(self):
        """The editor previews the page as a reader of either language sees it, whatever the
        admin's own language: a choice in the preview panel, and a new tab per choice."""
        return [
            (SOURCE_LANGUAGE, _("Chinese")),
            (TRADITIONAL_LANGUAGE, _("Traditional Chinese")),
            (SECOND_LANGUAGE, _("English")),
        ]

    def serve_preview(self, request, mode_name):
        """The preview in the mode's language, under the English rule for English: a page whose
        English is incomplete shows the notice English readers would get."""
        language = (
            mode_name
            if mode_name in (SOURCE_LANGUAGE, TRADITIONAL_LANGUAGE, SECOND_LANGUAGE)
            else SOURCE_LANGUAGE
        )
        with translation.override(language), reader_fallbacks(language):
            request.LANGUAGE_CODE = language
            if language == SECOND_LANGUAGE and not self.english_is_complete():
                response = self.serve_untranslated(request)
            else:
                response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()  # now, in the mode's language
            if language == TRADITIONAL_LANGUAGE:
                convert_response(response)  # the Traditional edition, as readers will see it
            return response

    def untranslated_response(self, request):
        """The English notice, for an English reader of a page without its English; else None.
        (That an English page shows no Chinese is website.languages.EnglishOnlyMiddleware's.)"""
        if is_english_request() and not self.has_english:
            return self.serve_untranslated(request)
        return None

    def serve_untranslated(self, request):
        response = TemplateResponse(request, "untranslated.html", {"page": self, "self": self})
        response["X-Robots-Tag"] = "noindex"
        return response


def public(pages):
    """`pages.public()`: pages outside every private section (view restriction), asking the
    database which sections are private only when some are."""
    return pages if no_view_restrictions() else pages.public()


def no_view_restrictions():
    """True when it is known, kept for the generation, that no page has a view restriction.

    Any restriction added or removed renews the generation (website.cache), so a reader's
    next request asks again. Outside a reader's request it is not known: False.
    """
    return keeping() and not kept("any-view-restriction", PageViewRestriction.objects.exists, tagged=True)


def has_children(page):
    return page is not None and page.numchild > 0


def is_page(page):
    return page is not None


def first_by_path(pages):
    """The first of `pages` in the tree: of the few a slug matches (with language fallbacks, two
    siblings can), picked in Python. An ORDER BY makes Django compare every selected column,
    which for a wide page row took longer than the query."""
    return min(pages.order_by(), key=lambda page: page.path, default=None)


def slug_is(slug):
    """A child whose slug reads `slug` in the active language, as `page.slug` does: the
    language's own slug, or where that is empty the next language's in fallback order.

    With fallbacks on even for an English reader (whose page renders without them): a page
    without an English slug is at /en/ under its Chinese one, where it says it has no English.
    """
    match = models.Q(pk__in=[])
    empty_so_far = models.Q()
    with fallbacks(True):
        languages = resolution_order(stored_language(get_language()))
    for language in languages:
        column = build_localized_fieldname("slug", language)
        match |= empty_so_far & models.Q(**{column: slug})
        empty_so_far &= models.Q(**{f"{column}__isnull": True}) | models.Q(**{column: ""})
    return match


def undo_slug_loop():
    """Give every page type BasePage.route back (called from WebsiteConfig.ready, after
    wagtail-modeltranslation has set its own `route` on each translated page model), and check
    a saved page's slugs against its siblings' by query (`slugs_in_use`)."""
    from wagtail_modeltranslation import patch_wagtailadmin

    for page_type in _all_subclasses(BasePage):
        if page_type.__dict__.get("route") is patch_wagtailadmin._new_route:
            del page_type.route
    # Its `clean` looks the function up when it runs.
    patch_wagtailadmin._validate_slugs = slugs_in_use


def slugs_in_use(page):
    """wagtail-modeltranslation's slug check, by query: {slug field: message} for each language
    in which a sibling already reads the page's slug there (with the languages' fallbacks).

    Its own loaded every sibling, for each save: 10,000 pages, twice a publish (the revision's
    check and the publish's), a second of every editor's save and publish in a news index of
    10,000 articles, and of the time a publish takes to reach readers.
    """
    if not page.path or page.depth == 1:  # the root's slug may be anything
        return {}
    siblings = page.get_siblings(inclusive=False)
    errors = {}
    for language in mt_settings.AVAILABLE_LANGUAGES:
        with translation.override(language):
            if siblings.filter(slug_is(page.slug)).exists():
                errors[build_localized_fieldname("slug", language)] = _("This slug is already in use")
    return errors


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)
