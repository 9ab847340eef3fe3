"""Files that only the site's own views hand out: the private store (embargoed press files,
readers' story photos) and the one way such a file is answered."""

import os

from django.conf import settings
from django.http import FileResponse


def private_media_root():
    """PRIVATE_MEDIA_ROOT as an absolute path, read at each use so that a changed setting
    (a test's) takes effect; no web server serves it."""
    return os.path.abspath(settings.PRIVATE_MEDIA_ROOT)


def inert_file_response(file, cache_control, content_type=None):
    """`file` as a response that a browser shows but never sniffs into another type or lets
    run anything (an uploaded file may be a polyglot), cached as `cache_control` says."""
    response = FileResponse(file, content_type=content_type) if content_type else FileResponse(file)
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
