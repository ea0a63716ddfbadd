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


# The lists the API has a CSV of; article lists are JSON only.
CSV_LISTS = {"quotes", "people", "organizations", "places", "events"}


def list_forms(collection: str, what: str, **query) -> Forms:
    """The API list `collection` narrowed by `query` (the page's own filter, by id or slug),
    and its CSV where there is one."""
    api = prefixes()["api"]
    encoded = urlencode({k: v for k, v in query.items() if v not in (None, "")})
    suffix = f"?{encoded}" if encoded else ""
    return Forms(
        list_json=f"{api}{collection}/{suffix}",
        csv=f"{api}{collection}.csv{suffix}" if collection in CSV_LISTS else None,
        what=what,
    )


def _quotes(query: dict, what: str, api: str) -> dict:
    forms = list_forms("quotes", what, **query)
    return {"list_json": forms.list_json, "csv": forms.csv, "what": what}


def _month_range(kwargs: dict) -> dict:
    """An article archive page's period as the API's from/to (2004, or 2004-04)."""
    year, month = kwargs.get("year"), kwargs.get("month")
    if year is None:
        return {}
    period = f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
    return {"from": period, "to": period}


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
        elif name in ("place", "event"):
            extra = _quotes({"about": entity.pk}, "quotes about it", api)
        return Forms(json=f"{api}{ENTITY_COLLECTIONS[name]}/{entity.pk}/", **extra)
    if name == "article" and getattr(context.get("article"), "is_published", False):
        pk = context["article"].pk
        return Forms(
            json=f"{api}articles/{pk}/",
            annotations=f"{api}articles/{pk}/annotations/",
            **_quotes({"article": pk}, "its quotes", api),
        )
    if name == "quote" and getattr(context.get("quote"), "is_public", False):
        return Forms(json=f"{api}quotes/{context['quote'].pk}/")
    if name == "tag" and context.get("tag") is not None:
        slug = context["tag"].slug
        return Forms(json=f"{api}tags/{slug}/", **_quotes({"tag": slug}, "these quotes", api))
    if name in LIST_PAGES:
        plural = LIST_PAGES[name]
        return forms_for_list(plural, f"all {plural}", json=f"{api}{plural}/")
    if name == "timeline":
        return forms_for_list("events", "all events", json=f"{api}events/")
    if name == "quotes" and context.get("filters") is not None:
        forms = list_forms("quotes", "these quotes", **context["filters"].api_query())
        return Forms(
            json=forms.list_json, list_json=forms.list_json, csv=forms.csv, what=forms.what
        )
    if name == "tags":
        return Forms(json=f"{api}tags/", list_json=f"{api}tags/", what="all tags")
    if name in ("articles_year", "articles_month"):
        forms = list_forms("articles", "these articles", **_month_range(match.kwargs))
        return Forms(json=forms.list_json, list_json=forms.list_json, what=forms.what)
    if name in ("home", "articles"):
        return Forms(json=f"{api}articles/")
    if name == "search":
        search = context.get("params")
        query = search.as_query() if search is not None else {}
        if not query:
            return Forms()
        return Forms(
            json=f"{api}search/?{urlencode(query)}",
            list_json=f"{api}search/?{urlencode(query)}",
            what="these results",
        )
    return Forms()


def forms_for_list(plural: str, what: str, json: str) -> Forms:
    forms = list_forms(plural, what)
    return Forms(json=json, list_json=forms.list_json, csv=forms.csv, what=what)
