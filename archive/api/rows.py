"""Flat functions from `.values()` rows to the API's JSON objects.

Each list page is one query for its rows plus one per kind of related list (a quote's `about`
entities, its tags, its speaker's memberships), whatever the page's length; nothing here
touches the database per row or calls reverse().
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from archive.api.links import Links
from archive.dates import UNKNOWN, PartialDate
from archive.models import (
    ArticleStatus,
    EntityKind,
    Membership,
    Quote,
    ReviewStatus,
    TaggedQuote,
)
from archive.models.entities import PartialSpan, affiliation_on, affiliation_order


def ref(links: Links, pk, kind, name, slug) -> dict | None:
    """How any object names an entity: id, kind, name, its API address and its page."""
    if pk is None:
        return None
    return {
        "id": pk,
        "kind": kind,
        "name": name,
        "url": links.entity_api(kind, pk),
        "page": links.entity_page(kind, slug),
    }


def prefixed_ref(links: Links, row: dict, prefix: str, kind: str | None = None) -> dict | None:
    return ref(
        links,
        row[f"{prefix}_id"],
        kind or row[f"{prefix}__kind"],
        row[f"{prefix}__name"],
        row[f"{prefix}__slug"],
    )


def published(day, precision: str) -> dict:
    """An article's date fields: `published_on` its first day (null when unknown, as
    before for a day) and `published`, the partial date (null when unknown)."""
    if precision == UNKNOWN:
        return {"published_on": None, "published": None}
    return {"published_on": day.isoformat(), "published": partial(day, precision)}


def partial(start, precision) -> dict | None:
    """A partial date: its first day, precision, last day and EDTF form ("2004-23")."""
    if start is None:
        return None
    date = PartialDate(start, precision)
    return {
        "start": start.isoformat(),
        "precision": precision,
        "end": date.end.isoformat(),
        "edtf": date.edtf(),
        "text": str(date),
    }


# ---------------------------------------------------------------- quotes

QUOTE_FIELDS = [
    "id",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "part",
    "mode",
    "updated_at",
    "article_id",
    "article__headline",
    "article__slug",
    "article__published_on",
    "article__published_precision",
    "speaker_id",
    "speaker__kind",
    "speaker__name",
    "speaker__slug",
    "said_to_id",
    "said_to__kind",
    "said_to__name",
    "said_to__slug",
    "answers_id",
    "answers__status",
    "answers__orphaned",
    "answers__article__status",
]


def answered_is_public(row: dict) -> bool:
    """Never link readers to a suggestion, a rejection, an orphan or a draft."""
    return (
        row["answers_id"] is not None
        and row["answers__status"] == ReviewStatus.CONFIRMED
        and not row["answers__orphaned"]
        and row["answers__article__status"] == ArticleStatus.PUBLISHED
    )


@lru_cache(maxsize=4096)
def _last_day(start, precision):
    return PartialDate(start, precision).end


class MembershipRow:
    """A membership as a quote's affiliation needs it, without a model instance (building
    Membership and Organization instances was a third of a page's time); the dates' rules
    are the model's own (PartialSpan)."""

    FIELDS = (
        "id",
        "person_id",
        "role",
        "category",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "organization_id",
        "organization__name",
        "organization__slug",
    )
    __slots__ = FIELDS[:9] + ("org_name", "org_slug", "_last")
    start_partial = PartialSpan.start_partial
    end_partial = PartialSpan.end_partial

    def __init__(self, *values):
        (
            self.id,
            self.person_id,
            self.role,
            self.category,
            self.start,
            self.start_precision,
            self.end,
            self.end_precision,
            self.organization_id,
            self.org_name,
            self.org_slug,
        ) = values
        # PartialSpan.active_on's last day, worked out once per distinct end (an export
        # asks for thousands of rows per batch); its first day is `start` as stored.
        self._last = None if self.end is None else _last_day(self.end, self.end_precision)

    def active_on(self, day) -> bool:
        return (self.start is None or self.start <= day) and (
            self._last is None or day <= self._last
        )


def quote_extras(rows: list[dict], memberships_too: bool = True):
    """The related lists of a page of quotes: three queries, or none for an empty page."""
    ids = [r["id"] for r in rows]
    about, tags, memberships = defaultdict(list), defaultdict(list), defaultdict(list)
    if not ids:
        return about, tags, memberships
    for quote_id, pk, kind, name, slug in (
        Quote.about.through.objects.filter(quote_id__in=ids)
        .order_by("entity__sort_name", "entity_id")
        .values_list("quote_id", "entity_id", "entity__kind", "entity__name", "entity__slug")
    ):
        about[quote_id].append((pk, kind, name, slug))
    for quote_id, name, slug in (
        TaggedQuote.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name", "tag__slug")
    ):
        tags[quote_id].append((name, slug))
    if memberships_too:
        memberships = speaker_memberships(rows)
    return about, tags, memberships


def speaker_memberships(rows: list[dict]) -> defaultdict:
    """{person id: [MembershipRow]} for the people who said these quotes: one query."""
    memberships = defaultdict(list)
    people = {r["speaker_id"] for r in rows if r["speaker__kind"] == EntityKind.PERSON}
    if not people:
        return memberships
    # Each person's memberships in the model's order (start, id); ordering by the person
    # (their name, the model's default) joined two more tables for nothing.
    held_by = (
        Membership.objects.filter(person_id__in=people)
        .order_by("person_id", "start", "id")
        .values_list(*MembershipRow.FIELDS)
    )
    for m in held_by:
        held = MembershipRow(*m)
        memberships[held.person_id].append(held)
    for held in memberships.values():
        held.sort(key=affiliation_order)  # once, for every quote's affiliation_on(ordered=True)
    return memberships


def affiliation(links: Links, membership) -> dict | None:
    if membership is None:
        return None
    m = membership
    return {
        "membership": links.membership_api(m.id),
        "role": m.role,
        "category": m.category,
        "organization": ref(
            links, m.organization_id, EntityKind.ORGANIZATION, m.org_name, m.org_slug
        ),
    }


def anchor(row: dict) -> dict:
    return {
        "part": row["part"],
        "exact": row["exact"],
        "prefix": row["prefix"],
        "suffix": row["suffix"],
        "start": row["start"],
        "end": row["end"],
    }


def quotes(links: Links, rows: list[dict]) -> list[dict]:
    about, tags, memberships = quote_extras(rows)
    out = []
    for r in rows:
        pk, day = r["id"], r["article__published_on"]
        speaker = prefixed_ref(links, r, "speaker")
        held = memberships.get(r["speaker_id"])
        out.append(
            {
                "id": pk,
                "url": links.quote_api(pk),
                "page": links.quote_page(pk),
                "text": r["exact"],
                "mode": r["mode"],
                "speaker": speaker,
                "affiliation": (
                    affiliation(
                        links,
                        affiliation_on(
                            held, day, ordered=True, precision=r["article__published_precision"]
                        ),
                    )
                    if held
                    else None
                ),
                "said_to": prefixed_ref(links, r, "said_to"),
                "about": [ref(links, *about_row) for about_row in about.get(pk, ())],
                "answers": (
                    {
                        "id": r["answers_id"],
                        "url": links.quote_api(r["answers_id"]),
                        "page": links.quote_page(r["answers_id"]),
                    }
                    if answered_is_public(r)
                    else None
                ),
                "tags": [
                    {"name": name, "slug": slug, "url": links.tag_api(slug)}
                    for name, slug in tags.get(pk, ())
                ],
                "article": {
                    "id": r["article_id"],
                    "headline": r["article__headline"],
                    **published(day, r["article__published_precision"]),
                    "url": links.article_api(r["article_id"]),
                    "page": links.article_page(
                        day, r["article__slug"], r["article__published_precision"]
                    ),
                },
                "anchor": anchor(r),
                "updated_at": r["updated_at"].isoformat(),
            }
        )
    return out


# ---------------------------------------------------------------- articles

ARTICLE_FIELDS = [
    "id",
    "headline",
    "slug",
    "standfirst",
    "published_on",
    "published_precision",
    "byline",
    "language",
    "source_url",
    "updated_at",
    "publisher_id",
    "publisher__name",
    "publisher__slug",
    "dateline_place_id",
    "dateline_place__name",
    "dateline_place__slug",
]


def article(links: Links, r: dict) -> dict:
    pk, day = r["id"], r["published_on"]
    return {
        "id": pk,
        "url": links.article_api(pk),
        "page": links.article_page(day, r["slug"], r["published_precision"]),
        "headline": r["headline"],
        "standfirst": r["standfirst"],
        **published(day, r["published_precision"]),
        "byline": r["byline"],
        "language": r["language"],
        "source_url": r["source_url"],
        "publisher": prefixed_ref(links, r, "publisher", EntityKind.ORGANIZATION),
        "dateline": prefixed_ref(links, r, "dateline_place", EntityKind.PLACE),
        "annotations": links.annotations_api(pk),
        "updated_at": r["updated_at"].isoformat(),
    }


# ---------------------------------------------------------------- entities

ENTITY_FIELDS = ["id", "kind", "name", "slug", "sort_name", "description", "updated_at"]
KIND_FIELDS = {
    EntityKind.PERSON: ["person__given_name", "person__family_name"],
    EntityKind.ORGANIZATION: [
        "organization__org_kind",
        "organization__parent_id",
        "organization__parent__name",
        "organization__parent__slug",
        "organization__based_in_id",
        "organization__based_in__name",
        "organization__based_in__slug",
    ],
    EntityKind.PLACE: [
        "place__place_kind",
        "place__located_in_id",
        "place__located_in__name",
        "place__located_in__slug",
        "place__latitude",
        "place__longitude",
    ],
    EntityKind.EVENT: [
        "event__event_kind",
        "event__start",
        "event__start_precision",
        "event__end",
        "event__end_precision",
        "event__location_id",
        "event__location__name",
        "event__location__slug",
    ],
}


def entity_fields(kind: str) -> list[str]:
    return ENTITY_FIELDS + KIND_FIELDS[kind]


def _coordinate(value):
    return None if value is None else float(value)


def entity(links: Links, r: dict) -> dict:
    kind, pk = r["kind"], r["id"]
    out = {
        "id": pk,
        "kind": kind,
        "url": links.entity_api(kind, pk),
        "page": links.entity_page(kind, r["slug"]),
        "name": r["name"],
        "sort_name": r["sort_name"],
        "description": r["description"],
    }
    if kind == EntityKind.PERSON:
        out["given_name"] = r["person__given_name"]
        out["family_name"] = r["person__family_name"]
        out["quotes"] = f"{links.api}quotes/?speaker={pk}"
    elif kind == EntityKind.ORGANIZATION:
        out["organization_kind"] = r["organization__org_kind"]
        out["parent"] = prefixed_ref(links, r, "organization__parent", EntityKind.ORGANIZATION)
        out["based_in"] = prefixed_ref(links, r, "organization__based_in", EntityKind.PLACE)
        out["quotes"] = f"{links.api}quotes/?organization={pk}"
    elif kind == EntityKind.PLACE:
        out["place_kind"] = r["place__place_kind"]
        out["located_in"] = prefixed_ref(links, r, "place__located_in", EntityKind.PLACE)
        out["latitude"] = _coordinate(r["place__latitude"])
        out["longitude"] = _coordinate(r["place__longitude"])
    else:
        out["event_kind"] = r["event__event_kind"]
        out["start"] = partial(r["event__start"], r["event__start_precision"])
        out["end"] = partial(r["event__end"], r["event__end_precision"])
        out["location"] = prefixed_ref(links, r, "event__location", EntityKind.PLACE)
    out["popolo"] = links.popolo_api(kind, pk)
    out["updated_at"] = r["updated_at"].isoformat()
    return out


# ---------------------------------------------------------------- memberships

MEMBERSHIP_FIELDS = [
    "id",
    "role",
    "category",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "source_url",
    "person_id",
    "person__name",
    "person__slug",
    "organization_id",
    "organization__name",
    "organization__slug",
    "on_behalf_of_id",
    "on_behalf_of__name",
    "on_behalf_of__slug",
    "source_article_id",
    "source_article__status",
    "source_article__headline",
    "source_article__slug",
    "source_article__published_on",
    "source_article__published_precision",
]


def membership(links: Links, r: dict) -> dict:
    source = None
    if r["source_article_id"] and r["source_article__status"] == ArticleStatus.PUBLISHED:
        source = {
            "id": r["source_article_id"],
            "headline": r["source_article__headline"],
            **published(
                r["source_article__published_on"], r["source_article__published_precision"]
            ),
            "url": links.article_api(r["source_article_id"]),
            "page": links.article_page(
                r["source_article__published_on"],
                r["source_article__slug"],
                r["source_article__published_precision"],
            ),
        }
    return {
        "id": r["id"],
        "url": links.membership_api(r["id"]),
        "person": prefixed_ref(links, r, "person", EntityKind.PERSON),
        "organization": prefixed_ref(links, r, "organization", EntityKind.ORGANIZATION),
        "role": r["role"],
        "category": r["category"],
        "on_behalf_of": prefixed_ref(links, r, "on_behalf_of", EntityKind.ORGANIZATION),
        "start": partial(r["start"], r["start_precision"]),
        "end": partial(r["end"], r["end_precision"]),
        "source_article": source,
        "source_url": r["source_url"],
    }


# ---------------------------------------------------------------- tags


def public_tags():
    """Tags on at least one public quote, with `quotes`: on how many (the tag index's rule)."""
    return Quote.objects.public().tag_counts()


def tag(links: Links, r: dict) -> dict:
    return {
        "name": r["name"],
        "slug": r["slug"],
        "url": links.tag_api(r["slug"]),
        "page": links.tag_page(r["slug"]),
        "quotes": r["quotes"],
        "quote_list": f"{links.api}quotes/?tag={r['slug']}",
    }
