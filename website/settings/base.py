"""Settings shared by every environment; the others import this and adjust."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from website.labels import localized_verbose_name

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # First: its `migrate` command indexes the per-language page columns after creating them.
    "website.schema",
    # Before the apps it translates: it registers Wagtail's Page fields first.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "website",
    "home",
    "news",
    "newsroom",
    "media_library",
    "policies",
    "cooperation",
    "investment",
    "events",
    "participation",
    "archive",  # bringing an old site's archive in (docs/importing.md)
    "demo",  # the demo content and `load_demo`; imports every app, imported by none
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",  # editors pin a best answer for a query (docs/search.md)
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "search",  # the site's search page and the Chinese-aware backend below
    "wagtail.search",
    # Before wagtail.admin: it extends two of the admin's templates (editor status, page listing).
    "workflow",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin shows humanize's "… ago" times; installed so its Chinese catalogue loads.
    "django.contrib.humanize",
    "axes",  # admin login lockout (docs/deployment.md)
    "django_tasks_db",  # the task queue in the database, run by `manage.py db_worker`
]

MIDDLEWARE = [
    # Outermost: a database outage becomes a friendly 503 (website.middleware).
    "website.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "website.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control and surrogate keys for an edge cache (website.cache_edge); outside the
    # session, per-reader values and page cache, so it sees every cookie a response sets.
    "website.cache_edge.EdgeCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "website.per_reader.PerReaderMiddleware",  # each reader's own CSRF token in shared pages
    "website.cache.PageCacheMiddleware",  # anonymous pages; off unless PAGE_CACHE_SECONDS
    "website.cache.KeptSiteMiddleware",  # the site and its root page, once per generation
    "website.traditional.TraditionalChineseMiddleware",  # /zh-hant/: the Simplified text, converted
    "website.languages.EnglishOnlyMiddleware",  # English pages: no field falls back to Chinese
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # /zh-hant/<old address> follows <old address>'s redirect (website.redirects).
    "website.redirects.TraditionalRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# DATABASE_URL absent means the embedded SQLite database beside manage.py.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend uses PostgreSQL's SearchVectorField and GinIndex.
    INSTALLED_APPS.append("django.contrib.postgres")
    # No JIT: the search's ranking query is estimated costly enough for PostgreSQL to compile it,
    # which alone took 0.3-0.7 s a search (measured on PostgreSQL 15), far more than running it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese is the source and default (no URL prefix); English lives under /en/;
# Traditional Chinese under /zh-hant/ is derived from the Simplified text (website.traditional).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
# locale/ is the project's catalogue (makemessages keeps it in step with our code); locale/wagtail/
# holds Chinese for Wagtail admin messages Wagtail's own zh_Hans catalogue lacks. It is listed
# apart because makemessages --no-obsolete would drop msgids our code does not use
# (docs/translations.md). Both come before the apps' catalogues, the project's first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
# English dates in one style ("22 April 2024, 14:30"): website/formats/en/formats.py.
FORMAT_MODULE_PATH = ["website.formats"]
# The Traditional edition's OpenCC standard: "s2hk" (Hong Kong, the default) or "s2twp"
# (Taiwan, with its phrases). docs/traditional-chinese.md
TRADITIONAL_CHINESE_STANDARD = os.environ.get("TRADITIONAL_CHINESE_STANDARD", "s2hk")
if TRADITIONAL_CHINESE_STANDARD == "s2twp":
    # Taiwan's interface words (軟體, 資訊…) come from its own zh_Hant catalogue, read first;
    # locale/zh_Hant/ is Hong Kong's (`manage.py traditional_catalogue` writes both).
    LOCALE_PATHS.insert(0, BASE_DIR / "locale" / "s2twp")
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
# The languages stored in the database; the Traditional edition reads the Simplified fields
# (modeltranslation maps an unknown active language to the default one).
MODELTRANSLATION_LANGUAGES = ("zh-hans", "en")
# The admin falls back to Chinese so an untranslated page still has a name in the
# explorer; the public site switches fallbacks off (website.languages) so an English
# page never shows Chinese by accident.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans",)}
# Field labels name the language in the admin's own words ("摘要 · 中文"), not "[zh-hans]".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Files of press releases under embargo (media_library.storage): never served by the web server.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

STORAGES = {
    "default": {"BACKEND": "media_library.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Jinan International Medical Center")
# The site's public address (website.addresses): absolute links in the API, feeds, sitemap,
# mails and shared links are made from it. `make demo` serves http://127.0.0.1:8000.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Wagtail's links in its own mails (review notifications) and in the API follow it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL
# No Gravatar: the CSP blocks it and mainland China cannot reach it. Wagtail then shows the
# uploaded avatar, else its default silhouette, served from this site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CustomImage"
# The title from the file name fills both languages' titles (media_library/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_library.forms.ImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Wagtail's database backend with Chinese word segmentation and English stemming (docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# website.redirects creates redirects for both languages' old paths instead.
WAGTAILREDIRECTS_AUTO_CREATE = False
WAGTAIL_I18N_ENABLED = False  # one page holds both languages (wagtail-modeltranslation)

# Django 6.1's MAILERS replaces EMAIL_BACKEND and the EMAIL_* connection settings.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole-page cache for anonymous readers (website.cache): off here, because a local-memory
# cache is one per process and a publish on one would not reach the others.
PAGE_CACHE_SECONDS = 0
# Parts of pages kept in the shared cache for the same generation (website.cache.remembered);
# off here for the same reason.
FRAGMENT_CACHE_SECONDS = 0
# What an edge cache in front (Varnish, a CDN) may keep (website.cache_edge): public pages say
# ``public, max-age=EDGE_BROWSER_SECONDS, s-maxage=EDGE_CACHE_SECONDS``; 0 leaves responses
# without Cache-Control. EDGE_PURGE_URLS: where to send PURGE requests after a change.
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "86400"))
EDGE_BROWSER_SECONDS = int(os.environ.get("EDGE_BROWSER_SECONDS", "60"))
EDGE_PURGE_URLS = [url for url in os.environ.get("EDGE_PURGE_URLS", "").split(",") if url.strip()]

# Hardening (docs/deployment.md). The public site's Content-Security-Policy allows no
# inline script or style; website.middleware gives the Wagtail admin, which needs them,
# its own looser policy.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_MEDIA_ORIGINS")],
    "media-src": [CSP.SELF, *env_list("CSP_MEDIA_ORIGINS")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https:"],  # embedded videos (wagtail.embeds)
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# A page's preview is the public page, which the editor shows in a same-origin frame.
PREVIEW_CSP = SECURE_CSP | {"frame-ancestors": [CSP.SELF]}
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "media-src": [CSP.SELF, "blob:", *env_list("CSP_MEDIA_ORIGINS")],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],  # the page editor's live preview
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions live in the database, so a cache outage logs no one out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Admin login lockout (django-axes): 5 failures from one address lock it out for 15 minutes.
# The address is REMOTE_ADDR unless AXES_PROXY_COUNT says how many trusted proxies append
# to X-Forwarded-For, so a client cannot pick its own address with that header.
from datetime import timedelta  # noqa: E402

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# Uploads: size and pixel limits; raster formats only (no SVG, which can carry script).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
AXES_COOLOFF_MESSAGE = _("Too many failed sign-in attempts. Please try again later.")

# Background tasks (Django's task framework; Wagtail 8's own tasks, such as reference and search
# index updates, and newsroom.tasks' email alerts). They wait in the database until the worker,
# `manage.py db_worker`, runs them: never in the request (docs/deployment.md, "The task worker").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
