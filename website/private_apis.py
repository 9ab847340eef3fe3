"""The private names of Django, Wagtail, modelsearch, treebeard and wagtail-modeltranslation the
project relies on, each with where and why: tests/site/test_private_apis.py fails by name when
an upgrade removes or changes one (docs/deployment.md, "Upgrading Wagtail, Django and their
libraries"). A new use of a private name gets an entry here and, if it is no callable, a check there.
"""

from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module


class Use(StrEnum):
    CALL = "call"
    OVERRIDE = "override"  # a subclass of the project's defines it; the library calls it
    ATTRIBUTE_READ = "attribute read"
    ATTRIBUTE_WRITE = "attribute write"


class Kind(StrEnum):
    """What the name is, which decides how the test checks it."""

    FUNCTION = "function"
    METHOD = "method"
    CLASSMETHOD = "classmethod"
    # No callable to inspect: the test drives (or reads) the library code that sets or reads them.
    INSTANCE_ATTRIBUTE = "instance attribute"
    ANNOTATION = "queryset annotation"
    TEMPLATE = "template"  # the name is the library's attribute that names the template


@dataclass(frozen=True)
class PrivateAPI:
    name: str  # dotted: module, class, attribute
    use: Use
    kind: Kind
    used_in: tuple[str, ...]
    why: str  # why no public API serves
    # What the project relies on: a callable's leading parameters (after self/cls), in order, or a
    # template's context variables.
    parameters: tuple[str, ...] = ()
    through: str = ""  # the library code that sets or reads an attribute or annotation
    database: str = ""  # checked on this database only, where the owner's module imports


PRIVATE_APIS = (
    # Search: modelsearch's database backends, wrapped by search.backend (docs/search.md).
    PrivateAPI(
        "modelsearch.backends.base.BaseSearchBackend._search",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/query.py",),
        "search() and autocomplete() both pass the parsed query through it: the one place to turn "
        "the reader's words into index terms, and no words into no results, before a compiler sees them.",
        parameters=("query_compiler_class", "query", "model_or_queryset"),
    ),
    PrivateAPI(
        "modelsearch.backends.base.BaseSearchQueryCompiler._get_filters_from_queryset",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/query.py",),
        "The compiler's check() calls it to refuse filters on columns that are not FilterFields; the "
        "database backends run the queryset as SQL, and the site search filters on page types' own "
        "columns. No setting turns the check off.",
        parameters=("check_only",),
    ),
    PrivateAPI(
        "modelsearch.backends.base.BaseSearchResults._do_search",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/query.py",),
        "The hook through which results fetch a slice (for subclasses to implement, its docstring "
        "says): SlicesFetchedOnce fetches each slice once per search there.",
    ),
    PrivateAPI(
        "modelsearch.backends.base.BaseSearchResults._score_field",
        Use.ATTRIBUTE_READ,
        Kind.INSTANCE_ATTRIBUTE,
        ("search/backend/query.py",),
        "The score name annotate_score() was given; the one-pass ranking sets it on each result as the "
        "vendor's get_queryset() annotates it, and results keep it nowhere public.",
        through="modelsearch.backends.base.BaseSearchResults.annotate_score",
    ),
    PrivateAPI(
        "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler._build_rank_expression",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/sqlite.py",),
        "Where the vendor builds its relevance (also for the autocomplete compiler): bm25() with the "
        "title weighing ten times the autocomplete column and the body nothing, which no option allows.",
        parameters=("vectors", "config"),
        database="sqlite",
    ),
    PrivateAPI(
        "modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler._build_rank_expression",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/postgres.py",),
        "Where the vendor builds ts_rank over the vectors it is given: the site ranks the title and "
        "autocomplete vectors, not the body's (35 ms a word at 8,000 pages); the one-pass query calls "
        "the vendor's own with its columns.",
        parameters=("vectors", "config"),
    ),
    PrivateAPI(
        "modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler._apply_ordering_and_scoring",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/postgres.py",),
        "The one point after the match and before ordering and slicing: the title score is added and "
        "the matched vector dropped from the SELECT there.",
        parameters=("queryset", "rank_expression", "start", "stop", "score_field"),
    ),
    PrivateAPI(
        "modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler.search._vector_",
        Use.ATTRIBUTE_READ,
        Kind.ANNOTATION,
        ("search/backend/postgres.py",),
        "The vendor matches by annotating each object with its entry's title and body vector under "
        "this name and so selects it for every match (60 ms of 200 at 8,000 pages); it is masked out "
        "of the SELECT by name. Renamed, the search stays right but slow: nothing else would fail.",
        through="modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler.search",
    ),
    PrivateAPI(
        "modelsearch.backends.base.BaseSearchResults._do_count",
        Use.OVERRIDE,
        Kind.METHOD,
        ("search/backend/query.py", "search/backend/postgres.py"),
        "Counting goes through it: the count the one-pass query already made is returned instead of "
        "a second query (SlicesFetchedOnce), and on PostgreSQL a new count runs with the planner "
        "settings for the GIN index.",
    ),
    PrivateAPI(
        "django.db.models.query.QuerySet._chain",
        Use.CALL,
        Kind.METHOD,
        ("search/backend/postgres.py",),
        "A copy of the compiler's queryset whose annotation mask is then changed in place "
        "(Query.set_annotation_mask): Django has no public way to drop an annotation from the SELECT. "
        "all() makes the same copy today; _chain() is what Django's own methods call before a change.",
    ),
    # Pages, routing, sitemap, security headers.
    PrivateAPI(
        "wagtail_modeltranslation.patch_wagtailadmin._localized_site_get_site_root_paths",
        Use.ATTRIBUTE_WRITE,
        Kind.FUNCTION,
        ("website/cache.py",),
        "Every page URL built without a request reads the site root paths from the shared cache "
        "through it (three Redis round trips an article); wrapped so a reader's request keeps them "
        "in the process for the generation (website.cache.keep_site_root_paths).",
    ),
    PrivateAPI(
        "wagtail_modeltranslation.patch_wagtailadmin_forms.settings",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("website/traditional.py",),
        "Its page copy form builds a title and slug field per code in settings.LANGUAGES, which "
        "holds the derived Traditional edition (no fields of its own); the module's settings are "
        "replaced by a view listing the stored languages (website.traditional).",
        through="wagtail_modeltranslation.patch_wagtailadmin_forms.PatchedCopyForm",
    ),
    PrivateAPI(
        "wagtail_modeltranslation.wagtail_hooks.settings",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("website/traditional.py",),
        "Its copy view and editor script loop over settings.LANGUAGES for title and slug fields; "
        "as above, they see the stored languages only.",
        through="wagtail_modeltranslation.wagtail_hooks.before_copy_page",
    ),
    PrivateAPI(
        "django.http.HttpRequest._wagtail_site",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("website/cache.py",),
        "Where Site.find_for_request keeps its answer for the request: setting it hands Wagtail "
        "(routing, settings, menus) the site and root page kept per process, three queries a page "
        "fewer. Wagtail takes no site from outside.",
        through="wagtail.models.Site.find_for_request",
    ),
    PrivateAPI(
        "treebeard.mp_tree.MP_Node._cached_parent_obj",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("website/pages.py",),
        "Routing has just loaded the parent of the child it found; get_parent() reads this cache, so "
        "the child's URL and breadcrumbs need no query for it. Wagtail sets it the same way.",
        through="treebeard.mp_tree.MP_Node.get_parent",
    ),
    PrivateAPI(
        "wagtail.actions.publish_revision.PublishRevisionAction._after_publish",
        Use.OVERRIDE,
        Kind.METHOD,
        ("archive/importer.py",),
        "Where Wagtail's publish sends page_published after the revision is live: the archive "
        "importer publishes old stories without that signal (it would renew the page cache and queue "
        "search work once per article) and does its other receivers' work once per run.",
    ),
    PrivateAPI(
        "wagtail_modeltranslation.patch_wagtailadmin._new_route",
        Use.ATTRIBUTE_READ,
        Kind.FUNCTION,
        ("website/pages.py",),
        "The route wagtail-modeltranslation puts on every translated page model, which loads every "
        "child to compare slugs (10,000 pages for one article): recognised by identity and removed, "
        "so that BasePage.route's one query applies. Its only switch also drops per-language slugs.",
        through="wagtail_modeltranslation.patch_wagtailadmin.WagtailTranslator",
    ),
    PrivateAPI(
        "django.contrib.sitemaps.Sitemap._urls",
        Use.OVERRIDE,
        Kind.METHOD,
        ("website/sitemaps.py",),
        "Where a sitemap page's entries are built: Django's i18n sitemap lists every item in every "
        "language, and a page without English must appear in Chinese only, without alternates.",
        parameters=("page", "protocol", "domain"),
    ),
    PrivateAPI(
        "django.http.HttpResponse._csp_config",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("website/middleware.py",),
        "The policy ContentSecurityPolicyMiddleware sends instead of SECURE_CSP; the public way, the "
        "csp_override decorator, sets the same attribute view by view, and Wagtail's admin views are "
        "not the project's to decorate.",
        through="django.middleware.csp.ContentSecurityPolicyMiddleware.process_response",
    ),
    # Files and images.
    PrivateAPI(
        "django.utils._os.safe_join",
        Use.CALL,
        Kind.FUNCTION,
        ("media_library/storage.py",),
        "FileSystemStorage.path's own guard against names that climb out of its root, applied to the "
        "private root; Django has no public one.",
        parameters=("base", "paths"),
    ),
    PrivateAPI(
        "django.core.files.storage.FileSystemStorage._save",
        Use.OVERRIDE,
        Kind.METHOD,
        ("media_library/storage.py",),
        "The hook Django's custom storage guide tells subclasses to implement: it writes the file and "
        "returns its name, which for a private file must be relative to the private root.",
        parameters=("name", "content"),
    ),
    PrivateAPI(
        "wagtail.images.models.AbstractRendition._from_cache",
        Use.ATTRIBUTE_WRITE,
        Kind.INSTANCE_ATTRIBUTE,
        ("media_library/models.py",),
        "Marks a rendition unpickled from the cache, so that get_renditions() does not write it back "
        "(two Redis round trips an article); Wagtail marks only the renditions it prefetched.",
        through="wagtail.images.models.AbstractImage.get_renditions",
    ),
    PrivateAPI(
        "wagtail.models.ReferenceIndex._extract_references_from_object",
        Use.CALL,
        Kind.CLASSMETHOD,
        ("newsroom/embargo.py",),
        "The files a page uses, read from the page itself the way the reference index reads them: "
        "the index is updated by a background task and can lag behind an embargoed release.",
        parameters=("object",),
    ),
    PrivateAPI(
        "wagtail.admin.ui.tables.pages.PageStatusColumn.cell_template_name",
        Use.OVERRIDE,
        Kind.TEMPLATE,
        ("workflow/templates/wagtailadmin/pages/listing/_page_status_cell.html",),
        "The page listing's status cell, a private partial of Wagtail's, overridden to add each page's "
        "English status: Wagtail has no hook to add to a column's cell. Parameters: its context.",
        parameters=("instance", "column"),
    ),
    # Revision comparison, one Chinese character at a time (docs/translations.md).
    PrivateAPI(
        "wagtail.admin.compare.diff_text",
        Use.ATTRIBUTE_WRITE,
        Kind.FUNCTION,
        ("workflow/compare.py",),
        "Every text and rich-text comparison calls this module function by name, and it keeps a run "
        "of Han characters as one token; Wagtail has no setting or hook for the tokeniser.",
        parameters=("a", "b"),
    ),
    # Demo content and the search benchmark, which write pages and images in bulk.
    PrivateAPI(
        "wagtail.images.models.AbstractImage._set_image_file_metadata",
        Use.CALL,
        Kind.METHOD,
        ("demo/loader.py",),
        "Gives an image made in code its file size and hash before it is saved, as Wagtail's upload "
        "form does; otherwise get_file_size() and get_file_hash() save them while a page renders.",
    ),
    PrivateAPI(
        "treebeard.mp_tree.MP_Node._get_path",
        Use.CALL,
        Kind.CLASSMETHOD,
        ("demo/management/commands/search_benchmark.py",),
        "The benchmark writes 10,000 pages in bulk and builds each one's tree path itself; "
        "add_child() saves one page at a time.",
        parameters=("path", "depth", "newstep"),
    ),
    PrivateAPI(
        "django.db.models.manager.Manager._insert",
        Use.CALL,
        Kind.METHOD,
        ("demo/management/commands/search_benchmark.py",),
        "bulk_create() refuses a multi-table child such as an article page: the benchmark inserts the "
        "articles' own rows beneath their page rows with the insert bulk_create() itself uses.",
        parameters=("objs", "fields"),
    ),
    # The test suite.
    PrivateAPI(
        "django.db.backends.base.base.BaseDatabaseWrapper._test_serialized_contents",
        Use.ATTRIBUTE_READ,
        Kind.INSTANCE_ATTRIBUTE,
        ("tests/browser/conftest.py", "tests/demo/rows.py"),
        "The test database as migrations left it, which serialized rollback restores: the browser "
        "tests hand it to the connections of Playwright's greenlet, and the demo fixture restores it "
        "after a transactional test emptied the tables. Django has no public accessor.",
        through="django.db.backends.base.creation.BaseDatabaseCreation.create_test_db",
    ),
)


def resolve(dotted_name):
    """The object a dotted name names: its longest importable module, then attributes."""
    parts = dotted_name.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found = import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for attribute in parts[end:]:
            found = getattr(found, attribute)
        return found
    raise ImportError(f"No module of {dotted_name} can be imported")
