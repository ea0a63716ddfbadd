"""The site's own address: the one source of every absolute link a page, feed or sitemap
prints (canonical link, og:url, JSON-LD @id, a blockquote's cite, Atom links, sitemap
entries, the OpenSearch description).

With SITE_URL set, that is the origin everywhere, whatever host a request came in on. With
it unset, the origin is the request's own scheme and host, so a development server, a test
server and a deployment behind any name all print links to where they are served.
`SiteOrigin` (a middleware) makes the request's origin known to code that builds links
without the request at hand, such as the JSON-LD builders.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings

# Outside any request (a management command writing addresses) and with SITE_URL unset.
FALLBACK = "http://127.0.0.1:8000"

_current: ContextVar[str] = ContextVar("site_origin", default="")


def origin(request=None) -> str:
    """scheme://host of the site, without a trailing slash."""
    if settings.SITE_URL:
        return settings.SITE_URL
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return _current.get() or FALLBACK


def absolute(path: str) -> str:
    return origin() + path


class SiteOrigin:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(origin(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def served_at_site_url(view):
    """Django's sitemap and feed views take the domain and scheme from the request. With
    SITE_URL set, they print its domain and scheme instead, like every page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if settings.SITE_URL:
            parts = urlsplit(settings.SITE_URL)
            request.get_host = lambda: parts.netloc
            request._get_scheme = lambda: parts.scheme
        return view(request, *args, **kwargs)

    return wrapped
