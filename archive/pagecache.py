"""A shared cache in front of the public pages, never instead of making them fast.

A cached page is stored under its address and the versions of what it shows: the entity,
tag or article it is about (`entity:<kind>:<slug>`, `tag:<slug>`, `article:<date>/<slug>`),
`lists` for the pages that list the whole archive (home, dates, indexes), and `all`. When a
transaction commits, the summaries' refresh bumps the versions of everything its articles
touch (the article, every entity named, quoted or quoted about in it, their organizations,
its tags, the lists); edits that show on pages the summaries do not track (an entity
renamed, an alias, a membership, a tag renamed) bump `all`. A bumped version makes the old
entries unreachable at once; they expire on their own.

Editors never get a cached page: a request carrying a session cookie is served live, and
only 200 responses that set no cookie are stored. Drafts are never public, so never cached.
The Content-Security-Policy nonce is per response: a page is stored with a slot where its
nonce was and served with the serving request's own (`NONCE_SLOT`).

A page that readers see in more than one version from the same address (the article page's
annotations, chosen by a cookie) names the version with `variant`: it is part of the key, so
one version is never served for another, and the answer says `Vary: Cookie`.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from archive.site import origin

ALL, LISTS = "all", "lists"
HEADER = "X-Page-Cache"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version_key(name: str) -> str:
    return f"pagever:{name}"


def versions(names: list[str]) -> list[int]:
    """The current version of each name (a missing one starts now: versions only grow, so
    an entry stored under an evicted version can never be served again)."""
    cache = _cache()
    keys = [_version_key(n) for n in names]
    found = cache.get_many(keys)
    missing = {k: time.time_ns() for k in keys if k not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    return [found[k] for k in keys]


def bump(names) -> None:
    names = set(names)
    if names and settings.PAGE_CACHE:
        now = time.time_ns()
        _cache().set_many({_version_key(n): now for n in names}, None)


def bump_on_commit(names, using: str = "default") -> None:
    names = set(names)
    transaction.on_commit(lambda: bump(names), using=using)


def entity_name(kind: str, slug: str) -> str:
    return f"entity:{kind}:{slug}"


def entity_id_name(pk) -> str:
    """What an article page depends on for each entity it names (its related articles)."""
    return f"entity:{pk}"


def tag_name(slug: str) -> str:
    return f"tag:{slug}"


def article_name(published_on, slug: str) -> str:
    return f"article:{published_on.isoformat()}/{slug}"


def article_stored_date(year=None, month=None, day=None, season=None, precision="day"):
    """The published_on an article address names (the first day of its period), or None
    for an impossible one (the view answers 404)."""
    import datetime as dt

    from archive.dates import SEASON_MONTHS, UNDATED, UNKNOWN

    try:
        if precision == UNKNOWN:
            return UNDATED
        if precision == "year":
            return dt.date(year, 1, 1)
        if precision == "season":
            return dt.date(year, SEASON_MONTHS[season], 1)
        if precision == "month":
            return dt.date(year, month, 1)
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def article_depends(request, slug, **address):
    """An article page shows the article and, in its related articles, other articles
    naming the same entities: one indexed query finds those entities."""
    from archive.models.summaries import EntityArticle

    published_on = article_stored_date(**address)
    if published_on is None:  # no such day: the view answers 404
        return [f"article:none/{slug}"]
    entities = EntityArticle.objects.filter(
        article__published_on=published_on,
        article__published_precision=address.get("precision", "day"),
        article__slug=slug,
    ).values_list("entity_id", flat=True)
    names = [entity_id_name(pk) for pk in entities]
    return [article_name(published_on, slug), *names]


def entity_depends(kind: str):
    return lambda request, slug: [entity_name(kind, slug)]


def tag_depends(request, slug):
    return [tag_name(slug)]


# A stored page holds this where the response that rendered it had its own CSP nonce; each
# request served from the cache gets its own nonce there, the one django-csp's middleware
# then puts in that response's Content-Security-Policy header.
NONCE_SLOT = b'nonce="{{page-cache-nonce}}"'


def _nonce_attribute(nonce: str) -> bytes:
    return f'nonce="{nonce}"'.encode()


def without_nonce(content: bytes, request) -> bytes:
    """The page as stored: the rendering request's nonce (if it used one) taken out."""
    nonce = getattr(request, "_csp_nonce", None)  # set once a template has asked for it
    if not nonce:
        return content
    return content.replace(_nonce_attribute(nonce), NONCE_SLOT)


def with_nonce(content: bytes, request) -> bytes:
    """A stored page as this request serves it, with this request's nonce (asking for it
    makes django-csp name it in the header)."""
    if NONCE_SLOT not in content:
        return content
    nonce = getattr(request, "csp_nonce", None)
    attribute = _nonce_attribute(str(nonce)) if nonce is not None else b""
    return content.replace(NONCE_SLOT, attribute)


def cached_page(depends=lambda request, **kwargs: [LISTS], variant=None):
    """Serve the view from the page cache for anonymous readers. `depends(request, **kwargs)`
    names what the page shows (without a query). `variant(request)`, if given, names the
    version of the page the request's cookies choose, or None to serve the request live."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = _cached(view, request, args, kwargs)
            if variant is not None:
                patch_vary_headers(response, ["Cookie"])
            return response

        def _cached(view, request, args, kwargs):
            version = variant(request) if variant is not None else ""
            if (
                not settings.PAGE_CACHE
                or request.method not in ("GET", "HEAD")
                or settings.SESSION_COOKIE_NAME in request.COOKIES
                or version is None
            ):
                return view(request, *args, **kwargs)
            names = [ALL, *depends(request, **kwargs)]
            stamp = ",".join(map(str, versions(names)))
            # Pages print absolute links on the origin they are served from (archive/site.py).
            address = f"{origin(request)}{request.get_full_path()}"
            digest = hashlib.sha256(f"{address}|{version}|{stamp}".encode()).hexdigest()
            key = f"page:{digest}"
            cache = _cache()
            hit = cache.get(key)
            if hit is not None:
                content_type, content = hit
                response = HttpResponse(with_nonce(content, request), content_type=content_type)
                response[HEADER] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.cookies
                and not response.streaming
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with a token
            ):
                stored = without_nonce(response.content, request)
                cache.set(key, (response["Content-Type"], stored), settings.PAGE_CACHE_SECONDS)
                response[HEADER] = "miss"
            return response

        return wrapped

    return decorator
