"""/healthz for the load balancer: is the database reachable, is the cache working?"""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure means "down"; the reason goes to the log
        logger.error("Health check: database unavailable: %s", error)
        return False
    return True


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        working = cache.get(key) == "ok"
        cache.delete(key)
    except Exception as error:
        logger.error("Health check: cache unavailable: %s", error)
        return False
    if not working:
        logger.error("Health check: cache unavailable (a value written could not be read back)")
    return working


@never_cache
def healthz(request):
    """200 when the database answers; 503 when it does not.

    A cache outage is reported ("cache": "down", "status": "degraded") but still answers
    200: the site serves uncached pages then, and taking every app server out of the
    load balancer would turn a slower site into no site.
    """
    started = time.monotonic()
    database = check_database()
    cache_ok = check_cache()
    status = "ok" if database and cache_ok else ("degraded" if database else "down")
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "down",
            "cache": "ok" if cache_ok else "down",
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
        },
        status=200 if database else 503,
    )
