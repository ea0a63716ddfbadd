"""The quotes index, /quotes/: every public quote, newest first, narrowed by speaker,
organization (it and its people), what the quote is about, tag, direct or reported, and a
date range. Filters are slugs in the query string (a GET form, so it works without
JavaScript); a value the archive cannot use is a 400 that says which and why, never a
guess. The list itself is read from the stored summaries (reading.quote_index)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from taggit.models import Tag

from archive.models import Entity, EntityKind, EntityRedirect, Membership, QuoteMode
from archive.pagecache import cached_page
from archive.search.params import parse_date
from archive.summaries import reading
from archive.views import jsonld
from archive.views.lookup import EntityMoved, get_tag_or_404

# The query string's names, in the order the form and the chips show them.
ENTITY_FILTERS = {
    # name: (label, the kinds a slug may name, in the order an ambiguous slug resolves)
    "speaker": ("Speaker", (EntityKind.PERSON, EntityKind.ORGANIZATION)),
    "organization": ("Organization", (EntityKind.ORGANIZATION,)),
    "about": ("About", tuple(EntityKind)),
}
NAMES = (*ENTITY_FILTERS, "tag", "mode", "from", "to")
MODES = {QuoteMode.DIRECT: "direct quotes", QuoteMode.INDIRECT: "reported speech"}
MODE_OPTIONS = [(QuoteMode.DIRECT, "direct only"), (QuoteMode.INDIRECT, "reported only")]
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
DATE_HINT = "a date like 2004, 2004-04 or 2004-04-06"


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


@dataclass
class QuoteFilters:
    """What the query string asks for: `raw` holds the values as given (non-empty only)."""

    raw: dict[str, str] = field(default_factory=dict)
    speaker: Entity | None = None
    organization: Entity | None = None
    about: Entity | None = None
    tag: Tag | None = None
    mode: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    speaker_ids: list[int] | None = None  # whose quotes: None is anyone's
    errors: list[str] = field(default_factory=list)

    def url(self, **changes) -> str:
        values = {**self.raw, **changes}
        query = urlencode({k: v for k, v in values.items() if v not in (None, "")})
        return reverse("archive:quotes") + (f"?{query}" if query else "")

    def chips(self) -> list[Chip]:
        out = []
        for name, (label, _) in ENTITY_FILTERS.items():
            entity = getattr(self, name)
            if entity is not None:
                out.append(Chip(f"{label}: {entity.name}", self.url(**{name: None})))
        if self.tag is not None:
            out.append(Chip(f"Tag: {self.tag.name}", self.url(tag=None)))
        if self.mode:
            out.append(Chip(f"Only {MODES[self.mode]}", self.url(mode=None)))
        if self.date_from:
            out.append(Chip(f"From {self.raw['from']}", self.url(**{"from": None})))
        if self.date_to:
            out.append(Chip(f"To {self.raw['to']}", self.url(to=None)))
        return out

    def api_query(self) -> dict:
        """The same narrowing as the API's quote list takes it (entities by id)."""
        query = {name: getattr(self, name).pk for name in ENTITY_FILTERS if getattr(self, name)}
        if self.tag is not None:
            query["tag"] = self.tag.slug
        if self.mode:
            query["mode"] = self.mode
        for name in ("from", "to"):
            if name in self.raw:
                query[name] = self.raw[name]
        return query


class Moved(Exception):
    """A filter names a merged entity's or renamed tag's old slug: `url` has the new one."""

    def __init__(self, url):
        self.url = url


def read(get) -> QuoteFilters:
    """QuoteFilters from request.GET; problems are collected in `errors`, not raised."""
    filters = QuoteFilters()
    errors = filters.errors
    for name in NAMES:
        values = get.getlist(name)
        if len(values) > 1:
            errors.append(f"Give “{name}” once.")
            continue
        value = values[0].strip() if values else ""
        if value:
            filters.raw[name] = value
    slugs = {name: filters.raw[name] for name in (*ENTITY_FILTERS, "tag") if name in filters.raw}
    for name, value in list(slugs.items()):
        if not _SLUG.fullmatch(value):
            errors.append(
                f"“{name}” takes the name from a page address (letters, digits and hyphens, "
                f"like vanessa-saenen); “{value[:60]}” is not one."
            )
            del slugs[name]
    _read_entities(filters, slugs)
    if "tag" in slugs:
        try:
            filters.tag = get_tag_or_404(slugs["tag"])
        except EntityMoved as moved:
            raise Moved(filters.url(tag=moved.survivor.slug)) from None
        except Http404:
            errors.append(f"The archive has no tag “{slugs['tag']}”.")
    mode = filters.raw.get("mode")
    if mode is not None:
        if mode in MODES:
            filters.mode = mode
        else:
            errors.append(f"“mode” is direct or indirect (reported speech), not “{mode[:40]}”.")
    for name, end in (("from", False), ("to", True)):
        raw = filters.raw.get(name)
        if raw is None:
            continue
        day = parse_date(raw, end)
        if day is None:
            errors.append(f"“{name}” must be {DATE_HINT}; “{raw[:40]}” is not.")
        elif end:
            filters.date_to = day
        else:
            filters.date_from = day
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        errors.append("The date range ends before it starts: swap “from” and “to”.")
    if not errors:
        _read_speakers(filters)
    return filters


def _read_entities(filters: QuoteFilters, slugs: dict[str, str]) -> None:
    """The entities the slugs name: one query for all of them (a slug is unique within a
    kind, so an ambiguous one resolves in the order ENTITY_FILTERS gives)."""
    wanted = {name: slugs[name] for name in ENTITY_FILTERS if name in slugs}
    if not wanted:
        return
    rows = Entity.objects.filter(slug__in=set(wanted.values())).only("kind", "name", "slug")
    found = {(e.kind, e.slug): e for e in rows}
    for name, slug in wanted.items():
        label, kinds = ENTITY_FILTERS[name]
        entity = next((found[(k, slug)] for k in kinds if (k, slug) in found), None)
        if entity is not None:
            setattr(filters, name, entity)
            continue
        moved = (
            EntityRedirect.objects.filter(old_slug=slug, kind__in=kinds)
            .select_related("entity")
            .first()
        )
        if moved is not None:
            raise Moved(filters.url(**{name: moved.entity.slug}))
        what = " or ".join(str(k) for k in kinds) if len(kinds) < len(EntityKind) else "entity"
        filters.errors.append(f"The archive has no {what} “{slug}” for “{name}”.")


def _read_speakers(filters: QuoteFilters) -> None:
    """Whose quotes: the speaker; the organization and everyone who ever belonged to it (as
    on the organization's page); both given, the speaker if they are one of those."""
    ids = None
    if filters.organization is not None:
        org = filters.organization.pk
        members = Membership.objects.filter(organization_id=org).values_list("person_id", flat=True)
        ids = {org, *members}
    if filters.speaker is not None:
        ids = {filters.speaker.pk} if ids is None else ids & {filters.speaker.pk}
    filters.speaker_ids = None if ids is None else sorted(ids)


def _empty(request, filters) -> str:
    if request.GET.get("page"):
        return "No more quotes match."
    if filters.raw:
        return "No published quote matches all of these filters. Remove one to see more."
    return "The archive holds no published quotes yet."


TAG_CHOICES = 60  # the most used tags the tag field offers (stored figures, one query)


@cached_page()
def quote_index(request):
    try:
        filters = read(request.GET)
    except Moved as moved:
        return HttpResponsePermanentRedirect(moved.url)
    context = {
        "filters": filters,
        "mode_options": MODE_OPTIONS,
        "heading": "Matching quotes" if filters.raw else "All quotes",
        "empty": _empty(request, filters),
        "jsonld": jsonld.collection("Quotes", reverse("archive:quotes")),
        "top_tags": reading.top_tags(TAG_CHOICES),
    }
    if filters.errors:
        return render(request, "archive/quote_index.html", context, status=400)
    try:
        context["page"] = reading.quote_index(request, filters)
    except Http404 as error:  # a malformed ?page= key
        filters.errors.append(str(error))
        return render(request, "archive/quote_index.html", context, status=400)
    return render(request, "archive/quote_index.html", context)
