"""The site map page (网站地图), /site-map/ and /en/site-map/: the site's public sections as a
tree, three levels below the home page, in the reader's language. Items (articles, showcases)
are left to their sections' own lists (`BasePage.site_map_children`)."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page, Site

from .cache import remembered
from .languages import is_english_request, language_link, reverse_in
from .pages import public

LEVELS = 3


def site_map_view(request):
    site = Site.find_for_request(request)
    tree = (
        remembered(f"site-map:{site.pk}:{translation.get_language()}", lambda: sections(site)) if site else []
    )
    context = {
        "home": tree[0] if tree else None,
        "sections": tree[0]["children"] if tree else [],
        "language_links": [
            language_link(request, code, name, reverse_in(code, "site_map"))
            for code, name in settings.LANGUAGES
        ],
    }
    return TemplateResponse(request, "website/site_map.html", context)


def sections(site):
    """[home], each entry {"title", "url", "children"}: one query for the pages, one per type."""
    root = site.root_page
    pages = (
        public(Page.objects.descendant_of(root, inclusive=True).live().filter(depth__lte=root.depth + LEVELS))
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    english = is_english_request()
    nodes, tree = {}, []
    for page in pages:
        if english and not getattr(page, "has_english", True):
            continue  # and its children, whose parent is then not found below
        entry = {"title": page.title, "url": page.get_url(), "children": []}
        if page.depth == root.depth:
            tree.append(entry)
        else:
            parent = nodes.get(page.path[: -Page.steplen])
            if parent is None or not getattr(parent["page"], "site_map_children", True):
                continue
            parent["entry"]["children"].append(entry)
        nodes[page.path] = {"page": page, "entry": entry}
    return tree
