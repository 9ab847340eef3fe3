"""Which tags each public page carries, and which tags a change renews (website.cache_tags).

While a reader's page renders, every object of the kinds below that the page loads names itself
(a ``post_init`` receiver on those models only): ``p<id>`` a page, ``k<id>`` a keyword,
``n<id>`` a person, ``c<id>`` a media contact, ``o<id>`` an investment officer, ``i<id>`` an
image, ``d<id>`` a document, ``settings`` the site settings. An article's related section adds
``r<id>`` for each keyword it ranks by (the articles under the keyword, not its name: an article
showing the keyword's name, kept per revision, stays kept when another article under it is
published). The page served adds ``l<id>``
when it lists its children (an index, whose keyword pages are its own); home, the sections and
every view that is not a page's own (feeds, search, the sitemap, the API) carry ``lists``; a
Traditional page carries ``glossary``; every public page carries ``site``.

A change stamps, once it commits, in the app's page cache and at the edge (EDGE_PURGE_URLS):

- a page published or unpublished: ``p<id>`` (the page and every page showing it, in every
  language and edition), ``l<parent>`` (its section's lists), ``lists``, ``r<id>`` of its
  keywords (articles whose related section may now show it) and the pages it adds itself to
  (a showcase's articles); a page moved or deleted: the same for it and the pages below it,
  both parents' lists included; home or a section (in the menu every page shows): ``site``;
- a keyword: ``k<id>`` and ``lists``; a person, media contact, officer, image or document:
  its own tag; the site settings: ``settings`` (every page's footer); a glossary term:
  ``glossary``; a search synonym: ``lists``; a comment: ``p<article>``;
- a site or a view restriction: ``site``.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from wagtail import signals as wagtail_signals
from wagtail.models import Page
from wagtail.signals import post_page_move, pre_page_move

from website.cache_edge import purge_edge
from website.cache_tags import FOUND_KEY, LISTS_KEY, SITE_KEY, add_keys, stamp
from website.traditional import GLOSSARY_KEY

# Pages at this depth or above are home and the sections in the menu every page shows.
MENU_DEPTH = 3
SETTINGS_KEY = "settings"
# Models a page shows outside its own revisions, by the letter their tags start with.
TAGGED_MODELS = {
    "news.Keyword": "k",
    "news.Person": "n",
    "newsroom.MediaContact": "c",
    "investment.InvestmentOfficer": "o",
    "wagtaildocs.Document": "d",
    settings.WAGTAILIMAGES_IMAGE_MODEL: "i",
}
# Shown on every page (or every page of an edition, or every list): one tag for all.
SHARED_TAGS = {
    "website.SiteSettings": SETTINGS_KEY,
    "website.GlossaryTerm": GLOSSARY_KEY,
    "site_search.Synonym": LISTS_KEY,
    "wagtailcore.Site": SITE_KEY,
    "wagtailcore.PageViewRestriction": SITE_KEY,
}


def page_keys(page):
    """The keys a served page adds for itself (BasePage.serve)."""
    keys = [f"p{page.pk}"]
    if page.numchild:
        keys.append(f"l{page.pk}")
    if page.depth <= MENU_DEPTH:
        keys.append(LISTS_KEY)
    return keys


# The articles under a keyword, as related sections rank them: renewed at the edge while still
# served (website.cache_edge.purge_edge), as every publish under a busy keyword renews hundreds.
RELATED_PREFIX = "r"


def related_keys(keyword_ids):
    """The tags of the articles under these keywords, as related sections rank them."""
    return {f"{RELATED_PREFIX}{pk}" for pk in keyword_ids}


def changed(keys):
    """Once the change commits: renew in the app's page cache and purge at the edge the pages
    showing any of `keys`; at the edge, related sections and search results are renewed while
    still served (their readers would otherwise all wait for hundreds of renders, or a search)."""
    keys = set(keys)
    if LISTS_KEY in keys:
        keys.add(FOUND_KEY)  # search results list pages too

    def renew():
        stamp(keys)
        renewed = {key for key in keys if key.startswith(RELATED_PREFIX) or key == FOUND_KEY}
        purge_edge(keys - renewed, renew=renewed)

    transaction.on_commit(renew)


def renew_everywhere():
    """Every page renewed, here and at the edge: the day changed (dated lists, status by date)."""
    changed({SITE_KEY})


def _tagger(prefix):
    def loaded(sender, instance, **kwargs):
        if instance.pk is not None:
            add_keys(f"{prefix}{instance.pk}")

    return loaded


def _settings_loaded(sender, instance, **kwargs):
    add_keys(SETTINGS_KEY)


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
        keys.update(related_keys(keywords.values_list("pk", flat=True)))
    # Pages that list this one without loading it before it links to them (a showcase's news).
    shows_on = getattr(page, "pages_it_shows_on", None)
    if shows_on is not None:
        keys.update(f"p{pk}" for pk in shows_on())
    return keys


def keys_for_subtree(page):
    """A page and those below it, moved or deleted: their addresses change or go."""
    if page.depth <= MENU_DEPTH:
        return {SITE_KEY}
    keys = keys_for_page_change(page.specific_deferred)
    keys.update(f"p{pk}" for pk in Page.objects.descendant_of(page).values_list("pk", flat=True))
    return keys


def page_changed(instance, **kwargs):
    changed(keys_for_page_change(instance.specific_deferred))


def page_published(instance, **kwargs):
    page_changed(instance)
    from website.cache_warm import warm_after_commit

    warm_after_commit(instance.specific_deferred)  # after the renewal: on_commit keeps the order


def page_moving(instance, **kwargs):
    """Before the move: the lists of the section it leaves, and its pages at their old place."""
    changed(keys_for_subtree(instance))


def page_moved(instance, **kwargs):
    """After the move: the lists of the section it joins."""
    instance.refresh_from_db(fields=["path", "depth"])
    changed(keys_for_subtree(instance))


def page_deleted(instance, **kwargs):
    # Sent for each page of a deleted subtree, with sender=Page; its parent may be gone too.
    if instance.depth <= MENU_DEPTH:
        changed({SITE_KEY})
    else:
        changed({f"p{instance.pk}", LISTS_KEY} | parent_lists(instance))


def parent_lists(page):
    parent = Page.objects.filter(path=page.path[: -Page.steplen]).values_list("pk", flat=True).first()
    return {f"l{parent}"} if parent is not None else set()


def _changes(tags):
    def model_changed(instance, **kwargs):
        changed(tags(instance))

    return model_changed


def comment_changed(instance, created=False, **kwargs):
    # A reader's new comment awaits moderation and shows nowhere yet.
    if not (created and instance.status == instance.Status.PENDING):
        changed({f"p{instance.article_id}"})


def connect():
    for model in apps.get_models():
        if issubclass(model, Page):
            uid = f"page_tags_{model._meta.label}"
            post_init.connect(_tagger("p"), sender=model, weak=False, dispatch_uid=uid)
    for label, prefix in TAGGED_MODELS.items():
        model = apps.get_model(label)
        post_init.connect(_tagger(prefix), sender=model, weak=False, dispatch_uid="page_tags")
        extra = {LISTS_KEY} if label == "news.Keyword" else set()  # keyword pages are listed
        renew = _changes(lambda instance, prefix=prefix, extra=extra: {f"{prefix}{instance.pk}", *extra})
        post_save.connect(renew, sender=model, weak=False, dispatch_uid="page_tags")
        post_delete.connect(renew, sender=model, weak=False, dispatch_uid="page_tags")
    site_settings = apps.get_model("website.SiteSettings")
    post_init.connect(_settings_loaded, sender=site_settings, dispatch_uid="page_tags")
    for label, tag in SHARED_TAGS.items():
        model = apps.get_model(label)
        renew = _changes(lambda instance, tag=tag: {tag})
        post_save.connect(renew, sender=model, weak=False, dispatch_uid="page_tags")
        post_delete.connect(renew, sender=model, weak=False, dispatch_uid="page_tags")
    wagtail_signals.page_published.connect(page_published, dispatch_uid="page_tags")
    wagtail_signals.page_unpublished.connect(page_changed, dispatch_uid="page_tags")
    pre_page_move.connect(page_moving, dispatch_uid="page_tags")
    post_page_move.connect(page_moved, dispatch_uid="page_tags")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="page_tags")
    comment = apps.get_model("participation.Comment")
    post_save.connect(comment_changed, sender=comment, dispatch_uid="page_tags")
    post_delete.connect(comment_changed, sender=comment, dispatch_uid="page_tags")
