"""The search page, /search/ in Chinese and /en/search/ in English."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from website.cache import remembered
from website.cache_tags import FOUND_KEY
from website.languages import (
    HREFLANG,
    SECOND_LANGUAGE,
    SOURCE_LANGUAGE,
    is_english_request,
    language_link,
    reverse_in,
)

from .analysis import (
    MAX_QUERY_LENGTH,
    QUESTION_WORDS,
    contains_han,
    highlight_terms,
    query_terms,
    query_words,
)
from .kinds import available_kinds, kind_of
from .passages import passage
from .query import result_years, search, searchable_pages
from .suggest import did_you_mean
from .synonyms import with_synonyms

RESULTS_PER_PAGE = 10


def _language_links(request, params):
    """The switcher's and hreflang's links: this search in each language."""
    query = f"?{urlencode(params)}" if params else ""
    return [
        language_link(request, code, name, reverse_in(code, "search") + query)
        for code, name in settings.LANGUAGES
    ]


def _summary(page):
    if callable(getattr(page, "search_summary", None)):
        return page.search_summary()
    for name in ("summary", "intro", "search_description"):
        value = getattr(page, name, "")
        if value:
            return value
    return ""


def page_of_results(results, number):
    """The paginator's page `number` of `results`, fetched before they are counted: on
    PostgreSQL the query for a page of results counts them all too (search.backend), so
    the count then costs no query of its own. Paginator.get_page answers a number that is
    not one with the first page, and one out of range with the last."""
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1
    if wanted >= 1:
        list(results[(wanted - 1) * RESULTS_PER_PAGE : wanted * RESULTS_PER_PAGE])
    return Paginator(results, RESULTS_PER_PAGE).get_page(number)


def _results(page_of_results, terms=()):
    """The specific pages of one page of results, with kind, date and passage (the summary,
    or the body's sentence that holds the words): one query for the results and one per
    page type, however many results there are; a page that lists items (a policy list) adds
    the items found, with their dated status, one query each."""
    found = list(page_of_results)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in found]).specific()}
    results = []
    for page in found:
        page_obj = specific.get(page.pk)
        if page_obj is None:
            continue
        kind = kind_of(page_obj)
        results.append(
            {
                "page": page_obj,
                "title": page_obj.title,
                "url": page_obj.get_url(),
                "summary": passage(page_obj, page_obj.title, _summary(page_obj), terms),
                "kind": kind.label if kind else "",
                # A page with a date of its own (an article's) shows it; the others' first
                # publication is when the site (or the demo) was loaded, not news.
                "date": page.search_date if kind and kind.date_field != "first_published_at" else None,
                "matches": page_obj.search_matches(terms) if hasattr(page_obj, "search_matches") else [],
            }
        )
    return results


MAX_SUGGESTIONS = 4
FEW_RESULTS = 3


def _did_you_mean(query, kind_key, year, count):
    """The query with its unknown words spelt as the site spells them, if that finds more."""
    suggestion = did_you_mean(query)
    if not suggestion or suggestion.casefold() == query.casefold():
        return None
    found = search(suggestion, kind_key, year).count()
    return {"query": suggestion, "count": found} if found > count else None


def _suggestions(query, english):
    """Fewer words: each informative word of a query of several that finds something on its
    own (each checked, in every kind and year), as a search of its own."""
    words = query.split()
    if len(words) < 2 and contains_han(query):
        words = [word for word in query_words(query) if contains_han(word)]
    words = [word for word in words if query_terms(word) and not set(query_terms(word)) <= QUESTION_WORDS]
    if len(words) < 2:
        return []
    return [word for word in words[:MAX_SUGGESTIONS] if search(word, english=english).count()]


def _promoted(query, english):
    """The pages editors pinned for this query (Settings → Promoted search results), in their
    order: live, public and, in English, available in English."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query), page__isnull=False)
        .select_related("page")
        .order_by("sort_order")
    )
    picks = list(picks)
    if not picks:
        return []
    allowed = searchable_pages(english=english).filter(pk__in=[pick.page_id for pick in picks])
    pages = Page.objects.filter(pk__in=allowed.values("pk")).specific().in_bulk()
    return [
        {
            "title": pages[pick.page_id].title,
            "url": pages[pick.page_id].get_url(),
            "description": pick.description,
        }
        for pick in picks
        if pick.page_id in pages
    ]


def search_view(request):
    request.lists_key = FOUND_KEY  # renewed by every publish, served once more at the edge meanwhile
    query = request.GET.get("q", "").strip()
    kind_key = request.GET.get("kind", "")
    if kind_key not in {kind.key for kind in available_kinds()}:
        kind_key = ""
    year_text = request.GET.get("year", "").strip()
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    english = is_english_request()

    context = {
        "query": query,
        "kinds": available_kinds(),
        "selected_kind": kind_key,
        "years": remembered(f"search-years:{translation.get_language()}", result_years),
        "selected_year": year,
        "too_long": len(query) > MAX_QUERY_LENGTH,
        "max_length": MAX_QUERY_LENGTH,
        "results": [],
        "page_obj": None,
        "suggestions": [],
        "did_you_mean": None,
        "promoted": [],
        "other_language": None,
        "language_links": _language_links(request, {"q": query} if query else {}),
    }
    if context["too_long"]:
        return TemplateResponse(request, "search/search.html", context, status=400)

    if query:
        results = search(query, kind_key or None, year)
        page_obj = page_of_results(results, request.GET.get("page"))
        if page_obj.number == 1 and not kind_key and year is None:
            context["promoted"] = _promoted(query, english)
        context["terms"] = highlight_terms(with_synonyms(query))
        context["results"] = _results(page_obj, context["terms"])
        context["page_obj"] = page_obj
        context["count"] = page_obj.paginator.count
        # A single word that finds something is a word the site uses: no "did you mean" then.
        if not context["count"] or (context["count"] < FEW_RESULTS and len(context["terms"]) > 1):
            context["did_you_mean"] = _did_you_mean(query, kind_key or None, year, context["count"])
        if not context["count"]:
            context["suggestions"] = _suggestions(query, english)
            other = SOURCE_LANGUAGE if english else SECOND_LANGUAGE
            other_count = search(query, english=(other == SECOND_LANGUAGE)).count()
            if other_count:
                with translation.override(other):
                    url = reverse("search")
                context["other_language"] = {
                    "url": f"{url}?{urlencode({'q': query})}",
                    "count": other_count,
                    "code": HREFLANG[other],
                    "name": dict(settings.LANGUAGES)[other],
                }
    response = TemplateResponse(request, "search/search.html", context)
    response.render()
    return response
