"""The search page's state, read from the query string. Nothing here raises on bad input:
a value that cannot be used is dropped and a notice says so."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from taggit.models import Tag

from archive.models import Entity, EntityKind, SearchKind
from archive.search.backends import Filters

SORTS = {"relevance": "relevance", "date": "newest first"}
MAX_PAGE = 1000
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True)
class ActiveFilter:
    name: str
    label: str
    remove_url: str


@dataclass
class SearchParams:
    q: str = ""
    kind: str | None = None
    person: str | None = None
    organization: str | None = None
    tag: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    raw_from: str = ""
    raw_to: str = ""
    sort: str = "relevance"
    page: int = 1
    notices: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def filters(self) -> Filters:
        return Filters(
            kind=self.kind,
            year=self.year,
            date_from=self.date_from,
            date_to=self.date_to,
            person=self.person,
            organization=self.organization,
            tag=self.tag,
        )

    def as_query(self, **changes) -> dict[str, str]:
        """The query-string pairs of these parameters with `changes` (None removes one)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "person": self.person,
            "organization": self.organization,
            "tag": self.tag,
            "year": self.year,
            "from": self.raw_from if self.date_from else None,
            "to": self.raw_to if self.date_to else None,
            "sort": self.sort if self.sort != "relevance" else None,
            "page": self.page if self.page != 1 else None,
        }
        values.update(changes)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}

    def url(self, **changes) -> str:
        if "page" not in changes:
            changes["page"] = None  # narrowing or re-sorting starts again at page one
        query = self.as_query(**changes)
        return self._path + ("?" + urlencode(query) if query else "")

    @cached_property
    def _path(self) -> str:
        # A results page builds some fifty URLs (facet values, pages, filters): reverse once.
        return reverse("archive:search")

    def page_url(self, page: int) -> str:
        return self.url(page=page if page != 1 else None)

    def active_filters(self) -> list[ActiveFilter]:
        out = []
        for name in ("kind", "person", "organization", "tag", "year"):
            value = getattr(self, name)
            if value is not None:
                label = self.labels.get(name, str(value))
                out.append(ActiveFilter(name, f"{name}: {label}", self.url(**{name: None})))
        if self.date_from or self.date_to:
            span = f"{self.raw_from or '…'} – {self.raw_to or '…'}"
            out.append(
                ActiveFilter("dates", f"dates: {span}", self.url(**{"from": None, "to": None}))
            )
        if self.sort != "relevance":
            out.append(ActiveFilter("sort", "sorted newest first", self.url(sort=None)))
        return out


def parse_date(raw: str, end: bool) -> dt.date | None:
    match = _DATE.match(raw.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None  # "2004-13" would otherwise roll over into the next year's February
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            if end:
                following = dt.date(year + (month == 12), month % 12 + 1, 1)
                return following - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _single(get, name: str) -> str:
    """A parameter's text without control characters (PostgreSQL rejects NUL in strings),
    and cut short: no filter value is long."""
    value = get.get(name, "")
    if not isinstance(value, str):
        return ""
    if name == "q":
        return value.replace("\x00", " ")  # query.parse reports the rest
    return "".join(c for c in value[:200] if unicodedata.category(c) not in _INVISIBLE)


def read(get) -> SearchParams:
    """SearchParams from a QueryDict (request.GET)."""
    params = SearchParams(q=_single(get, "q"))
    notices = params.notices

    kind = _single(get, "kind").strip()
    if kind:
        if kind in SearchKind.values:
            params.kind = kind
            params.labels["kind"] = SearchKind(kind).label
        else:
            notices.append("That kind of result is not one the archive has; it was ignored.")

    for name, entity_kind in (
        ("person", EntityKind.PERSON),
        ("organization", EntityKind.ORGANIZATION),
    ):
        value = _single(get, name).strip()
        if not value:
            continue
        found = None
        if re.fullmatch(r"[0-9]{1,18}", value):
            found = (
                Entity.objects.filter(pk=int(value), kind=entity_kind)
                .values_list("name", flat=True)
                .first()
            )
        if found is None:
            notices.append(f"The archive has no such {name} to narrow by; that filter was ignored.")
        else:
            setattr(params, name, value)
            params.labels[name] = found

    tag = _single(get, "tag").strip()
    if tag:
        label = Tag.objects.filter(slug=tag[:100]).values_list("name", flat=True).first()
        if label is None:
            notices.append("The archive has no such tag; that filter was ignored.")
        else:
            params.tag, params.labels["tag"] = tag, label

    year = _single(get, "year").strip()
    if year:
        if re.fullmatch(r"[0-9]{4}", year):
            params.year = int(year)
        else:
            notices.append("A year is four digits, e.g. 2004; the year was ignored.")

    for name, end in (("from", False), ("to", True)):
        raw = _single(get, name).strip()
        if not raw:
            continue
        value = parse_date(raw, end)
        if value is None:
            notices.append(f"“{raw[:40]}” is not a date like 2004, 2004-04 or 2004-04-06; ignored.")
        elif end:
            params.date_to, params.raw_to = value, raw
        else:
            params.date_from, params.raw_from = value, raw
    if params.date_from and params.date_to and params.date_from > params.date_to:
        params.date_from, params.date_to = params.date_to, params.date_from
        params.raw_from, params.raw_to = params.raw_to, params.raw_from
        notices.append("The dates were the wrong way round; they were swapped.")

    sort = _single(get, "sort").strip()
    if sort:
        if sort in SORTS:
            params.sort = sort
        else:
            notices.append("Results can be sorted by relevance or by date; showing by relevance.")

    page = _single(get, "page").strip()
    if page:
        if re.fullmatch(r"[0-9]{1,4}", page) and 1 <= int(page) <= MAX_PAGE:
            params.page = int(page)
        else:
            notices.append("That page number does not exist; showing the first page.")
    return params
