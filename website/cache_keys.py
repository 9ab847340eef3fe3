"""Surrogate keys: what each public page shows, and which pages a change must purge at the edge.

While a reader's page renders (website.cache_edge watches the request), every page and keyword
the page loads names itself (a ``post_init`` receiver on those models only): ``p<id>`` for a
page, ``k<id>`` for a keyword. The page served adds ``l<id>`` when it lists its children (an
index, whose keyword pages are its own), home and the site-wide lists (feeds, sitemap, search)
carry ``lists``, and every public page carries ``site``.

A change purges (at the edge, through EDGE_PURGE_URLS):

- a page published or unpublished: ``p<id>`` (the page and every page showing it, in both
  languages), ``l<parent>`` (its section's lists), ``lists`` and ``k<id>`` of its keywords
  (articles whose related section may now show it); a section or home (in the menu): ``site``;
- a keyword: ``k<id>`` and ``lists``; a comment: ``p<article>``;
- a term of the Traditional glossary: ``hant``, which every /zh-hant/ page carries
  (website.traditional), so the Simplified and English pages stay at the edge;
- a page moved or deleted, an image, document, person, media contact, the site, its settings or
  a view restriction: ``site`` (rare changes shown in many places, some through objects each
  process keeps, website.cache.kept, which no longer name themselves once kept).
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from wagtail import signals as wagtail_signals
from wagtail.models import Page
from wagtail.signals import post_page_move

from website.cache_edge import SITE_KEY, TRADITIONAL_KEY, add_keys, purge_edge

LISTS_KEY = "lists"
# Pages at this depth or above are home and the sections in the menu every page shows.
MENU_DEPTH = 3
SITE_WIDE_MODELS = [
    "news.Person",
    "newsroom.MediaContact",
    "website.SiteSettings",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtaildocs.Document",
    settings.WAGTAILIMAGES_IMAGE_MODEL,
]


def page_keys(page):
    """The keys a served page adds for itself (BasePage.serve)."""
    keys = [f"p{page.pk}"]
    if page.numchild:
        keys.append(f"l{page.pk}")
    if page.depth <= 2:
        keys.append(LISTS_KEY)
    return keys


def _page_loaded(sender, instance, **kwargs):
    if instance.pk is not None:
        add_keys(f"p{instance.pk}")


def _keyword_loaded(sender, instance, **kwargs):
    if instance.pk is not None:
        add_keys(f"k{instance.pk}")


def keys_for_page_change(page):
    if page.depth <= MENU_DEPTH:
        return {SITE_KEY}
    keys = {f"p{page.pk}", LISTS_KEY}
    parent_path = page.path[: -Page.steplen]
    parent = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    if parent is not None:
        keys.add(f"l{parent}")
    keywords = getattr(page, "keywords", None)
    if keywords is not None:
        keys.update(f"k{pk}" for pk in keywords.values_list("pk", flat=True))
    return keys


def purge_after_commit(keys):
    keys = set(keys)
    transaction.on_commit(lambda: purge_edge(keys))


def page_changed(instance, **kwargs):
    page = instance.specific_deferred
    purge_after_commit(keys_for_page_change(page))


def page_published(instance, **kwargs):
    page_changed(instance)
    from website.cache_warm import warm_after_commit

    warm_after_commit(instance.specific_deferred)  # after the purge: on_commit keeps the order


def site_changed(**kwargs):
    purge_after_commit({SITE_KEY})


def keyword_changed(instance, **kwargs):
    purge_after_commit({f"k{instance.pk}", LISTS_KEY})


def glossary_changed(**kwargs):
    purge_after_commit({TRADITIONAL_KEY})


def comment_changed(instance, created=False, **kwargs):
    if not (created and instance.status == instance.Status.PENDING):
        purge_after_commit({f"p{instance.article_id}"})


def connect():
    keyword = apps.get_model("news.Keyword")
    post_init.connect(_keyword_loaded, sender=keyword, dispatch_uid="edge_keys")
    post_save.connect(keyword_changed, sender=keyword, dispatch_uid="edge_keys")
    post_delete.connect(keyword_changed, sender=keyword, dispatch_uid="edge_keys")
    for model in apps.get_models():
        if issubclass(model, Page):
            post_init.connect(_page_loaded, sender=model, dispatch_uid=f"edge_keys_{model._meta.label}")
    wagtail_signals.page_published.connect(page_published, dispatch_uid="edge_keys")
    wagtail_signals.page_unpublished.connect(page_changed, dispatch_uid="edge_keys")
    post_page_move.connect(site_changed, dispatch_uid="edge_keys")
    post_delete.connect(site_changed, sender=Page, dispatch_uid="edge_keys")
    for label in SITE_WIDE_MODELS:
        model = apps.get_model(label)
        post_save.connect(site_changed, sender=model, dispatch_uid="edge_keys")
        post_delete.connect(site_changed, sender=model, dispatch_uid="edge_keys")
    glossary = apps.get_model("website.GlossaryTerm")
    post_save.connect(glossary_changed, sender=glossary, dispatch_uid="edge_keys")
    post_delete.connect(glossary_changed, sender=glossary, dispatch_uid="edge_keys")
    comment = apps.get_model("participation.Comment")
    post_save.connect(comment_changed, sender=comment, dispatch_uid="edge_keys")
    post_delete.connect(comment_changed, sender=comment, dispatch_uid="edge_keys")
