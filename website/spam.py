"""Spam defence that needs no third-party service: a honeypot field, a minimum fill time
(a signed timestamp written when the form is shown) and a per-IP rate limit in the cache.

Every form of the app calls `refusal(request)` before validating; a refusal says why, in
the reader's language, with the HTTP status to answer with. Nothing is stored when refused.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from website.per_reader import per_reader

HONEYPOT_FIELD = "website"  # a name bots like to fill in; people never see the field
STARTED_FIELD = "form_started"
_SALT = "participation.form-started"
# A form left open longer than this must be reloaded (the token is only valid so long).
_MAX_FORM_AGE = 24 * 60 * 60


def min_fill_seconds():
    return getattr(settings, "PARTICIPATION_MIN_FILL_SECONDS", 3)


def rate_limit():
    """(submissions allowed, per this many seconds) from one IP address."""
    return getattr(settings, "PARTICIPATION_RATE_LIMIT", (5, 600))


def started_token(now=None):
    """The signed time the form was shown, for its hidden field."""
    return signing.dumps(now if now is not None else time.time(), salt=_SALT)


# In a page every reader shares, each response gets the time it was served (website.per_reader).
STARTED_TOKEN = per_reader("form-started", lambda request: started_token())


def hidden_fields():
    return {"honeypot": HONEYPOT_FIELD, "started": STARTED_FIELD, "token": STARTED_TOKEN}


@dataclass
class Refusal:
    message: str
    status: int


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says. Behind a proxy, set
    # REMOTE_ADDR from the proxy's header in the proxy or the WSGI server, not here.
    return request.META.get("REMOTE_ADDR") or "unknown"


def _too_fast(request):
    try:
        started = float(signing.loads(request.POST.get(STARTED_FIELD, ""), salt=_SALT, max_age=_MAX_FORM_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < min_fill_seconds()


def _over_rate_limit(request):
    allowed, window = rate_limit()
    key = f"participation:rate:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > allowed


def refusal(request):
    """Why this POST is refused, or None. Checked in order: honeypot, fill time, rate."""
    if request.POST.get(HONEYPOT_FIELD):
        return Refusal(
            _(
                "Your message was not sent: a field that must stay empty was filled in. "
                "If you use a form-filling tool, switch it off and try again."
            ),
            400,
        )
    if _too_fast(request):
        return Refusal(
            _(
                "Your message was not sent because the form was sent too quickly or the page is too old. "
                "Please reload the page, fill in the form and send it again."
            ),
            400,
        )
    if _over_rate_limit(request):
        return Refusal(
            _(
                "Your message was not sent: too many messages came from your network in a short time. "
                "Please try again in a few minutes."
            ),
            429,
        )
    return None
