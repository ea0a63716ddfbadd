"""Addresses of pages and API resources, built from prefixes computed once per process.

A page of 100 quotes names some 400 addresses; `reverse()` for each was most of the time a
list took. The prefixes come from `reverse()` itself (so the URLconf stays the one truth) and
tests/api/test_links.py checks every builder against `get_absolute_url()`.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.urls import reverse

from archive.dates import article_address
from archive.models import EntityKind
from archive.site import origin

# The API's collection for each entity kind, as in /api/people/<id>/.
ENTITY_COLLECTIONS = {
    EntityKind.PERSON: "people",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.PLACE: "places",
    EntityKind.EVENT: "events",
}

POPOLO_COLLECTIONS = {
    EntityKind.PERSON: "persons",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.PLACE: "areas",
    EntityKind.EVENT: "events",
}


def _prefix(url: str, tail: str) -> str:
    assert url.endswith(tail), (url, tail)
    return url[: -len(tail)]


@cache
def prefixes() -> dict[str, str]:
    out = {
        "article_page": reverse("archive:articles"),
        "quote_page": _prefix(reverse("archive:quote", kwargs={"pk": 0}), "0/"),
        "tag_page": _prefix(reverse("archive:tag", kwargs={"slug": "x"}), "x/"),
        "api": reverse("api:root"),
    }
    for kind in EntityKind.values:
        out[f"{kind}_page"] = _prefix(reverse(f"archive:{kind}", kwargs={"slug": "x"}), "x/")
    return out


class Links:
    """Absolute addresses for one request: the origin is read once, the paths are joined."""

    __slots__ = ("origin", "p", "api")

    def __init__(self, origin: str):
        self.origin = origin.rstrip("/")
        self.p = {key: self.origin + value for key, value in prefixes().items()}
        self.api = self.p["api"]

    @classmethod
    def for_request(cls, request) -> Links:
        return cls(origin(request))

    def absolute(self, path: str) -> str:
        return self.origin + path

    # Pages.
    def article_page(self, published_on: dt.date, slug: str, precision: str = "day") -> str:
        return self.p["article_page"] + article_address(published_on, precision, slug)

    def entity_page(self, kind: str, slug: str) -> str:
        return f"{self.p[kind + '_page']}{slug}/"

    def quote_page(self, pk: int) -> str:
        return f"{self.p['quote_page']}{pk}/"

    def tag_page(self, slug: str) -> str:
        return f"{self.p['tag_page']}{slug}/"

    # API resources.
    def article_api(self, pk: int) -> str:
        return f"{self.api}articles/{pk}/"

    def entity_api(self, kind: str, pk: int) -> str:
        return f"{self.api}{ENTITY_COLLECTIONS[kind]}/{pk}/"

    def quote_api(self, pk: int) -> str:
        return f"{self.api}quotes/{pk}/"

    def membership_api(self, pk: int) -> str:
        return f"{self.api}memberships/{pk}/"

    def tag_api(self, slug: str) -> str:
        return f"{self.api}tags/{slug}/"

    def annotations_api(self, article_pk: int) -> str:
        return f"{self.api}articles/{article_pk}/annotations/"

    def annotation_api(self, kind: str, pk: int) -> str:
        return f"{self.api}annotations/{kind}-{pk}/"

    def popolo_api(self, kind: str, pk: int) -> str:
        return f"{self.api}popolo/{POPOLO_COLLECTIONS[kind]}/{pk}.json"

    def text_api(self, article_pk: int, part: str) -> str:
        """The plain text an annotation's selectors count in (headline, standfirst, body)."""
        return f"{self.api}articles/{article_pk}/{part}.txt"
