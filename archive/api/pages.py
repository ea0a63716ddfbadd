"""Which machine-readable forms each page has: the API address of what it shows (a
<link rel="alternate" type="application/json"> in its head) and, where it lists quotes or
entities, the API list and the CSV download with the same narrowing. Read from the objects
the page already has (no query) and the route's name."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from archive.api.links import ENTITY_COLLECTIONS, prefixes

LIST_PAGES = {
    "people": "people",
    "organizations": "organizations",
    "places": "places",
    "events": "events",
}


@dataclass(frozen=True)
class Forms:
    json: str | None = None  # the object or list as JSON
    annotations: str | None = None  # W3C Web Annotation collection (articles)
    list_json: str | None = None  # the page's list in the API
    csv: str | None = None  # the page's list as CSV
    what: str = ""  # what the list is, for the links' text


def _quotes(query: dict, what: str, api: str) -> dict:
    encoded = urlencode(query)
    return {
        "list_json": f"{api}quotes/?{encoded}",
        "csv": f"{api}quotes.csv?{encoded}",
        "what": what,
    }


def forms_for(context) -> Forms:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace != "archive":
        return Forms()
    name, api = match.url_name, prefixes()["api"]
    entity = context.get("entity")
    if name in ENTITY_COLLECTIONS and entity is not None:
        extra = {}
        if name == "person":
            extra = _quotes({"speaker": entity.pk}, "their quotes", api)
        elif name == "organization":
            extra = _quotes({"organization": entity.pk}, "quotes by it and its people", api)
        return Forms(json=f"{api}{ENTITY_COLLECTIONS[name]}/{entity.pk}/", **extra)
    if name == "article" and getattr(context.get("article"), "is_published", False):
        pk = context["article"].pk
        return Forms(json=f"{api}articles/{pk}/", annotations=f"{api}articles/{pk}/annotations/")
    if name == "quote" and getattr(context.get("quote"), "is_public", False):
        return Forms(json=f"{api}quotes/{context['quote'].pk}/")
    if name == "tag" and context.get("tag") is not None:
        slug = context["tag"].slug
        return Forms(json=f"{api}tags/{slug}/", **_quotes({"tag": slug}, "these quotes", api))
    if name in LIST_PAGES:
        plural = LIST_PAGES[name]
        return Forms(
            json=f"{api}{plural}/",
            list_json=f"{api}{plural}/",
            csv=f"{api}{plural}.csv",
            what=f"all {plural}",
        )
    if name in ("home", "articles", "articles_year", "articles_month"):
        return Forms(json=f"{api}articles/")
    return Forms()
