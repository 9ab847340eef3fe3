"""Security headers, the admin's own Content-Security-Policy, and a friendly 503 when the
database is unreachable (docs/deployment.md)."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; the admin gets ADMIN_CSP and may be framed by itself.

    A page's preview (the editor's side panel, or a new tab) is rendered by Wagtail through
    the whole middleware chain with a dummy request for the page's public address; it keeps
    the public policy except that the admin may frame it (PREVIEW_CSP), or the panel is blank.

    Sits inside Django's ContentSecurityPolicyMiddleware, which reads ``_csp_config`` from
    the response this returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_admin_path(request.path_info):
            response._csp_config = settings.ADMIN_CSP
            # The page editor shows its live preview in a same-origin frame.
            if response.get("X-Frame-Options") == "DENY":
                response["X-Frame-Options"] = "SAMEORIGIN"
        elif getattr(request, "is_dummy", False):
            response._csp_config = settings.PREVIEW_CSP
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


def database_unavailable_response():
    """The bilingual 503 page: a template that needs no database, request or context processor."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 in the reader's language, no traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable while serving %s: %s", request.path, exception)
            return database_unavailable_response()
        return None


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: a database error raised outside a view (a middleware) is still a 503."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable_response()
    return HttpResponseServerError(loader.render_to_string(template_name))
