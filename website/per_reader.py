"""Values that belong to one reader (a form's CSRF token, the time a form was shown) inside
pages every reader shares. Templates write a placeholder; `PerReaderMiddleware` puts each
response's own values in on the way out, after the page cache has stored the shared page, so
a page with a form is cached like any other (docs/deployment.md, "Page cache").
"""

from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.crypto import salted_hmac

# placeholder (bytes) -> fill(request) giving the value (str) to put in its place
_fills = {}


def per_reader(name, fill):
    """A placeholder for `name` that each response replaces with `fill(request)`. Call it when
    a module is imported (as apps load), so every process knows it before its first response.

    Derived from SECRET_KEY, so every app server writes and fills the same one, and nobody
    who can write text on a page (a comment, an article) can write a placeholder.
    """
    digest = salted_hmac("website.per_reader", name, algorithm="sha256").hexdigest()
    placeholder = f"per-reader-{name}-{digest[:24]}"
    _fills[placeholder.encode()] = fill
    return placeholder


csrf_token_placeholder = per_reader("csrf-token", get_token)


class PerReaderMiddleware:
    """Fills the placeholders of `per_reader` in each response that holds one.

    Sits just outside the page cache, so a stored page keeps its placeholders and every
    reader, hit or miss, gets values of their own. The CSRF token is the reader's own cookie
    (read here, as a cache hit passes no CSRF middleware) or a new one it sets.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming:
            return response
        content = response.content
        found = [(placeholder, fill) for placeholder, fill in _fills.items() if placeholder in content]
        if not found:
            return response
        self.csrf.process_request(request)
        for placeholder, fill in found:
            content = content.replace(placeholder, fill(request).encode())
        response.content = content
        response.per_reader = True  # never kept at the edge (website.cache_edge)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
        # Sets the CSRF cookie where get_token made or renewed one.
        return self.csrf.process_response(request, response)
