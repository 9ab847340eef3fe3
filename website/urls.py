from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from media_library.views import private_file_view
from news.urls import feed_patterns
from newsroom.urls import file_patterns, journalist_patterns
from website.api import api_patterns
from website.health import healthz
from website.site_map import site_map_view
from website.sitemaps import robots_txt, sitemap
from workflow.urls import review_patterns

# A database error outside a view is a friendly 503 too (website.middleware).
handler500 = "website.middleware.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # the load balancer's check, no language prefix
    path("django-admin/", admin.site.urls),
    # Admin addresses of models that moved app (website 0002, newsroom 0001): bookmarks keep working.
    re_path(
        r"^admin/settings/home/sitesettings/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/settings/website/sitesettings/%(rest)s", permanent=True),
    ),
    re_path(
        r"^admin/snippets/news/(?P<model>mediacontact|embargopreview)/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/snippets/newsroom/%(model)s/%(rest)s", permanent=True),
    ),
    # Wagtail's review dialog, telling the reviewer what their approval or request did.
    *review_patterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Files held back for an embargo (media_library.storage): for staff, and through a preview link.
    path("private-media/<path:name>", private_file_view, name="private_file"),
    *file_patterns,
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    *api_patterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Chinese at /…, English at /en/…: the same pages, one record each.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),  # before Wagtail's catch-all
    path("site-map/", site_map_view, name="site_map"),
    path("participation/", include("participation.urls")),
    *feed_patterns,
    *journalist_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
