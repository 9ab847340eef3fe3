"""Template tags of the public site: languages and their links, navigation, pagination, bylines."""

import json
from urllib.parse import urlsplit

from django import template
from django.db.models import QuerySet
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from website.addresses import absolute
from website.cache import ListedPages, kept, page_fragment, page_parts, remembered
from website.cache_keys import SETTINGS_KEY
from website.cache_tags import add_keys
from website.languages import (
    HREFLANG,
    SOURCE_LANGUAGE,
    field_in,
    has_text,
    is_english_request,
    language_links,
    page_url_in,
)
from website.per_reader import csrf_token_placeholder

register = template.Library()

# Query parameters that select what a listing shows; the language switcher, the
# canonical URL and pagination keep these and drop anything else (tracking codes).
LISTING_PARAMETERS = (
    "page",
    *("keyword", "year"),  # news
    *("category", "status", "sort"),  # policy lists
    *("country", "sector"),  # cooperation (and status)
    *("q", "kind"),  # search
)


@register.filter
def hreflang(language_code):
    """The BCP 47 tag of a Django language code: zh-hans -> zh-Hans, for lang and hreflang."""
    return HREFLANG.get(language_code, language_code)


@register.simple_tag
def current_hreflang():
    """The active language's BCP 47 tag; needs no request, so the 500 page can use it."""
    return hreflang(translation.get_language())


def _listing_query(request):
    if request is None:
        return ""
    params = request.GET.copy()
    for key in list(params):
        if key not in LISTING_PARAMETERS or not params.get(key):
            del params[key]
    return params.urlencode()


def _route_below(page, request):
    """The path of a sub-route (e.g. keywords/x/) below `page` in the request, per language.

    Used when a view did not pass `route_path`, such as the untranslated notice of a route.
    """
    page_path = urlsplit(page_url_in(page, translation.get_language(), request) or "").path
    if not page_path or not request.path.startswith(page_path):
        return None
    below = request.path[len(page_path) :]
    if not below:
        return None
    return {code: below for code in HREFLANG}


@register.simple_tag(takes_context=True)
def translations_of_page(context):
    """The current page's URL in each language, for the switcher, hreflang and canonical.

    Each item is a dict from website.languages.language_links plus `absolute_url`.
    Without a page (the 404 page) the links lead to the home page in each language.
    """
    request = context.get("request")
    if request is None:
        return []
    if context.get("language_links") is not None:
        # A view that is not a page (the search page) gives its own address in each language.
        return context["language_links"]
    page = context.get("page")
    if page is None:
        site = Site.find_for_request(request)
        if site is None:
            return []
        links = language_links(site.root_page, request)
        query = ""
    else:
        route = context.get("route_path") or _route_below(page, request)
        links = language_links(page, request, route)
        query = _listing_query(request)
    for link in links:
        if link["url"] and query:
            link["url"] = f"{link['url']}?{query}"
        link["absolute_url"] = absolute(link["url"]) if link["url"] else ""
    return links


@register.simple_tag(takes_context=True)
def page_url_in_language(context, page, language):
    """The URL of `page` as a reader of `language` sees it: {% page_url_in_language page "zh-hans" %}."""
    return page_url_in(page, language, context.get("request"))


class PageContentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        page = context.get("page")
        request = context.get("request")
        if page is None or request is None:
            return self.nodelist.render(context)
        with context.push():  # what the part sets ({% image … as name %}) stays inside it
            html = page_fragment(self.name, page, request, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 -- the template's own output, escaped as it rendered


@register.tag
def page_content(parser, token):
    """{% page_content "article" %}…{% endpage_content %}: a part of the page showing its
    own content, kept per revision for readers (website.cache.page_fragment). Nothing inside
    may differ from reader to reader (a form, a comment awaiting its author)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one name in quotes")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endpage_content",))
    parser.delete_first_token()
    return PageContentNode(name, nodelist)


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading_level=3, line=False):
    """Each article's card (components/article_card.html), kept per revision for readers
    (website.cache.page_parts): a list renewed by a publish renders only the new card.
    `line`: its date and title as a list of titles shows them (components/article_line.html)."""
    card = context.template.engine.get_template(
        "components/article_line.html" if line else "components/article_card.html"
    )

    def render(article):
        with context.push(article=article, heading_level=heading_level):
            return card.render(context)

    def lead_image(article):  # loaded with the list, before the card
        return {f"i{article.lead_image_id}"} if article.lead_image_id else set()

    request = context.get("request")
    if request is None:
        parts = [render(article) for article in articles]
    else:
        listed, load = _listed(articles)
        name = "line" if line else f"card-h{heading_level}"
        parts = page_parts(name, listed, request, render, before=None if line else lead_image, load=load)
    return [mark_safe(part) for part in parts]  # noqa: S308 -- the card template's own output


def _listed(articles):
    """The articles of a list to show as cards, and how to load those whose card must render.

    A page of a listing (a paginator's page) not read yet is read as ids first, as a
    `ListedPages` is: the articles whose cards are kept need no row, picture or rendition read
    (a third of an index's time).
    """
    articles = getattr(articles, "object_list", articles)
    if isinstance(articles, ListedPages):
        return articles, articles.load
    if isinstance(articles, QuerySet) and articles._result_cache is None:
        listed = ListedPages.of(articles)
        return listed, listed.load
    return list(articles), None


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (components/footer.html): the same on every page of a site in a language, so
    rendered once for the generation in each process where kept (website.cache.kept)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    footer = context.template.engine.get_template("components/footer.html")
    name = f"footer:{site.pk if site else None}:{translation.get_language()}"

    def render():
        # It shows the site settings, which the page has read before it (for its header).
        add_keys(SETTINGS_KEY)
        return footer.render(context)

    return kept(name, render, tagged=True)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site root's live children shown in menus, in the active language.

    One query for the pages plus one per page type for their specific fields, kept for the
    cache's generation where there is a shared cache (website.cache.remembered); English
    readers do not see pages without English.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    language = translation.get_language()
    entries = remembered(f"main-menu:{site.pk}:{language}", lambda: _menu_entries(site, request), tagged=True)
    current = context.get("page")
    current_path = current.url_path if current is not None else None
    return [
        {
            "title": entry["title"],
            "url": entry["url"],
            "current": current_path == entry["url_path"],
            "in_section": bool(current_path and current_path.startswith(entry["url_path"])),
        }
        for entry in entries
    ]


def _menu_entries(site, request):
    return [
        {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}
        for page in site.root_page.get_children().live().in_menu().specific()
        if not is_english_request() or getattr(page, "has_english", True)
    ]


@register.simple_tag(takes_context=True)
def url_with_query(context, **changes):
    """The current listing's query string with some parameters changed: {% url_with_query page=3 %}.

    A parameter set to None, "" or page 1 is dropped, so the first page has a clean URL.
    """
    request = context["request"]
    params = request.GET.copy()
    for key in list(params):
        if key not in LISTING_PARAMETERS:
            del params[key]
    for key, value in changes.items():
        if value in (None, "") or (key == "page" and str(value) == "1"):
            params.pop(key, None)
        else:
            params[key] = value
    query = params.urlencode()
    return f"?{query}" if query else request.path


@register.simple_tag
def per_reader_csrf_input():
    """{% csrf_token %} for a page the cache may share: each reader's own token is put in on
    the way out (website.per_reader), so the page sets no cookie while it is rendered."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token_placeholder)


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current page with ellipses: [{"number": 1, "ellipsis": False},
    {"number": None, "ellipsis": True}, …]."""
    paginator = page_obj.paginator
    numbers = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    gap = {"number": None, "ellipsis": True}
    return [
        gap if number == paginator.ELLIPSIS else {"number": number, "ellipsis": False} for number in numbers
    ]


@register.simple_tag
def byline_groups(bylines):
    """People grouped by role, roles in the order they first appear: [{"role": "Reporter", "people": […]}]."""
    groups = {}
    for byline in bylines:
        groups.setdefault(byline.role, {"role": byline.get_role_display(), "people": []})
        groups[byline.role]["people"].append(byline.person)
    return list(groups.values())


@register.simple_tag
def translated(instance, field_name):
    """A translated field in the active language only, never another language's text."""
    return field_in(instance, field_name, translation.get_language()) or ""


@register.simple_tag
def translated_or_source(instance, field_name):
    """A translated field in the active language; where English is missing, the Chinese
    text marked lang="zh-Hans" (a person's name is better in Chinese than absent)."""
    value = field_in(instance, field_name, translation.get_language())
    if has_text(value) or not is_english_request():
        return value or ""
    source = field_in(instance, field_name, SOURCE_LANGUAGE)
    if not has_text(source):
        return ""
    return format_html('<span lang="{}">{}</span>', HREFLANG[SOURCE_LANGUAGE], source)


@register.simple_tag(takes_context=True)
def source_language_url(context):
    """The URL of the current page (and route) in Chinese, for the untranslated notice."""
    for link in context.get("language_versions") or translations_of_page(context):
        if link["code"] == SOURCE_LANGUAGE:
            return link["url"]
    return ""


@register.simple_tag(takes_context=True)
def share_image(context, image=None):
    """The picture for og:image: `image` if given, else the page's own (`BasePage.share_image`),
    else the site's default image for sharing, else its logo; None when there is none."""
    if image:
        return image
    page = context.get("page")
    own = page.share_image() if hasattr(page, "share_image") else None
    if own:
        return own
    site_settings = context["settings"]["website"]["SiteSettings"] if context.get("settings") else None
    if site_settings is None:
        return None
    return site_settings.share_image or site_settings.logo


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's configured address (for Open Graph and JSON-LD)."""
    return absolute(url)


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article, image_url=""):
    """schema.org NewsArticle for search engines, in a <script type="application/ld+json">."""
    request = context.get("request")
    url = article.get_url(request)
    people = [
        {"@type": "Person", "name": name}
        for name in (
            field_in(b.person, "name", translation.get_language()) for b in context.get("bylines", [])
        )
        if name
    ]
    # The same lazily loaded settings object the templates read as settings.website.SiteSettings.
    site_settings = context["settings"]["website"]["SiteSettings"] if context.get("settings") else None
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": hreflang(translation.get_language()),
        "datePublished": article.date.isoformat(),
        "mainEntityOfPage": absolute(url),
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.summary:
        data["description"] = article.summary
    if image_url:
        data["image"] = [absolute_url(context, image_url)]
    if people:
        data["author"] = people
    if site_settings is not None:
        publisher = field_in(site_settings, "organisation_name", translation.get_language())
        if publisher:
            data["publisher"] = {"@type": "Organization", "name": publisher}
    # Escape the characters that could close the script element early.
    payload = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
