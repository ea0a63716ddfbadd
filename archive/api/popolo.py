"""Popolo JSON (popoloproject.com): people, organizations, memberships, posts, areas and
events, as the whole archive (streamed) or one entity at a time.

Dates take Popolo's forms, YYYY, YYYY-MM or YYYY-MM-DD, at the precision the archive knows
them; a season, which Popolo cannot say, is given as its year (the year it starts in for a
start date, the year it ends in for an end date), never as an invented month.
Posts are what the data has: an office-holder's, leader's or spokesperson's role in an
organization ("spokeswoman" of Human Rights Watch) is a post, and memberships in it name it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

from django.utils.text import slugify

from archive.api.links import Links
from archive.api.tables import ID_ORDER, NAME_ORDER, batches
from archive.dates import PartialDate, Precision
from archive.models import Alias, ArticleStatus, Entity, EntityKind, EntitySource, Identifier
from archive.models import Membership as MembershipModel
from archive.models.entities import MembershipCategory

POST_CATEGORIES = {
    MembershipCategory.OFFICEHOLDER,
    MembershipCategory.LEADER,
    MembershipCategory.SPOKESPERSON,
}
COLLECTION_OF = {
    EntityKind.PERSON: "persons",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.PLACE: "areas",
    EntityKind.EVENT: "events",
}


def popolo_id(kind: str, pk) -> str:
    return f"{'area' if kind == EntityKind.PLACE else kind}/{pk}"


def date(start, precision, end: bool = False) -> str | None:
    """A partial date in Popolo's forms."""
    if start is None:
        return None
    if precision == Precision.DAY:
        return start.isoformat()
    if precision == Precision.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if precision == Precision.SEASON and end:
        return f"{PartialDate(start, precision).end.year:04d}"
    return f"{start.year:04d}"


def post_id(organization_id, role: str) -> str:
    return f"post/{organization_id}/{slugify(role) or 'member'}"


def _extras(ids: list[int], links: Links):
    """Other names, identifiers and sources of a batch of entities: three queries."""
    other_names, identifiers, sources = defaultdict(list), defaultdict(list), defaultdict(list)
    if not ids:
        return other_names, identifiers, sources
    for entity_id, name, kind, note in Alias.objects.filter(entity_id__in=ids).values_list(
        "entity_id", "name", "kind", "note"
    ):
        item = {"name": name, "note": note or kind}
        other_names[entity_id].append(item)
    for entity_id, scheme, value in Identifier.objects.filter(entity_id__in=ids).values_list(
        "entity_id", "scheme", "value"
    ):
        identifiers[entity_id].append({"identifier": value, "scheme": scheme})
    for r in EntitySource.objects.filter(entity_id__in=ids).values(
        "entity_id",
        "url",
        "note",
        "article_id",
        "article__status",
        "article__published_on",
        "article__slug",
        "article__published_precision",
    ):
        if r["article_id"] and r["article__status"] == ArticleStatus.PUBLISHED:
            url = links.article_page(
                r["article__published_on"], r["article__slug"], r["article__published_precision"]
            )
            sources[r["entity_id"]].append({"url": url, "note": r["note"] or "article"})
        elif r["url"]:
            sources[r["entity_id"]].append({"url": r["url"], "note": r["note"]})
    return other_names, identifiers, sources


ENTITY_FIELDS = {
    EntityKind.PERSON: ["person__given_name", "person__family_name"],
    EntityKind.ORGANIZATION: ["organization__org_kind", "organization__parent_id"],
    EntityKind.PLACE: ["place__place_kind", "place__located_in_id"],
    EntityKind.EVENT: [
        "event__event_kind",
        "event__start",
        "event__start_precision",
        "event__end",
        "event__end_precision",
        "event__location__name",
    ],
}
BASE_FIELDS = ["id", "kind", "name", "slug", "sort_name", "description", "summary"]


def _drop_empty(item: dict) -> dict:
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def entity(links: Links, r: dict, other_names, identifiers, sources) -> dict:
    kind, pk = r["kind"], r["id"]
    out = {"id": popolo_id(kind, pk), "name": r["name"]}
    if kind == EntityKind.PERSON:
        out.update(
            sort_name=r["sort_name"],
            given_name=r["person__given_name"],
            family_name=r["person__family_name"],
            summary=r["description"],
            biography=r["summary"],
        )
    elif kind == EntityKind.ORGANIZATION:
        parent = r["organization__parent_id"]
        out.update(
            classification=r["organization__org_kind"],
            parent_id=popolo_id(EntityKind.ORGANIZATION, parent) if parent else None,
            description=r["description"] or r["summary"],
        )
    elif kind == EntityKind.PLACE:
        parent = r["place__located_in_id"]
        out.update(
            classification=r["place__place_kind"],
            parent_id=popolo_id(EntityKind.PLACE, parent) if parent else None,
        )
    else:
        out.update(
            description=r["description"] or r["summary"],
            classification=r["event__event_kind"],
            start_date=date(r["event__start"], r["event__start_precision"]),
            end_date=date(r["event__end"], r["event__end_precision"], end=True),
            location=r["event__location__name"],
        )
    out["other_names"] = other_names.get(pk, [])
    out["identifiers"] = identifiers.get(pk, [])
    out["links"] = [
        {"url": links.entity_page(kind, r["slug"]), "note": "page in the archive"},
        {"url": links.entity_api(kind, pk), "note": "JSON in the archive's API"},
    ]
    out["sources"] = sources.get(pk, [])
    return _drop_empty(out)


MEMBERSHIP_FIELDS = [
    "id",
    "person_id",
    "organization_id",
    "on_behalf_of_id",
    "role",
    "category",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "source_url",
    "source_article_id",
    "source_article__status",
    "source_article__published_on",
    "source_article__slug",
    "source_article__published_precision",
]


def membership(links: Links, r: dict) -> dict:
    sources = []
    if r["source_article_id"] and r["source_article__status"] == ArticleStatus.PUBLISHED:
        url = links.article_page(
            r["source_article__published_on"],
            r["source_article__slug"],
            r["source_article__published_precision"],
        )
        sources.append({"url": url, "note": "article"})
    if r["source_url"]:
        sources.append({"url": r["source_url"]})
    out = {
        "id": f"membership/{r['id']}",
        "person_id": popolo_id(EntityKind.PERSON, r["person_id"]),
        "organization_id": popolo_id(EntityKind.ORGANIZATION, r["organization_id"]),
        "role": r["role"],
        "label": r["category"],
        "start_date": date(r["start"], r["start_precision"]),
        "end_date": date(r["end"], r["end_precision"], end=True),
        "links": [{"url": links.membership_api(r["id"]), "note": "JSON in the archive's API"}],
        "sources": sources,
    }
    if r["on_behalf_of_id"]:
        out["on_behalf_of_id"] = popolo_id(EntityKind.ORGANIZATION, r["on_behalf_of_id"])
    if r["category"] in POST_CATEGORIES and r["role"]:
        out["post_id"] = post_id(r["organization_id"], r["role"])
    return _drop_empty(out)


def posts(membership_rows) -> dict[str, dict]:
    found = {}
    for r in membership_rows:
        if r["category"] in POST_CATEGORIES and r["role"]:
            pid = post_id(r["organization_id"], r["role"])
            found.setdefault(
                pid,
                {
                    "id": pid,
                    "label": r["role"],
                    "role": r["role"],
                    "organization_id": popolo_id(EntityKind.ORGANIZATION, r["organization_id"]),
                },
            )
    return found


def entities_of(links: Links, kind: str, queryset=None) -> Iterator[dict]:
    queryset = Entity.objects.filter(kind=kind) if queryset is None else queryset
    fields = BASE_FIELDS + ENTITY_FIELDS[kind]
    for batch in batches(queryset, fields, NAME_ORDER):
        extras = _extras([r["id"] for r in batch], links)
        for r in batch:
            yield entity(links, r, *extras)


def memberships_of(links: Links, queryset=None) -> Iterator[tuple[dict, dict]]:
    queryset = MembershipModel.objects.all() if queryset is None else queryset
    for batch in batches(queryset, MEMBERSHIP_FIELDS, ID_ORDER):
        for r in batch:
            yield r, membership(links, r)


def stream(links: Links) -> Iterator[str]:
    """The whole archive as one Popolo JSON object, written as it is read."""
    yield "{"
    for number, kind in enumerate(
        [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.EVENT]
    ):
        yield from _array(COLLECTION_OF[kind], entities_of(links, kind), first=number == 0)
    found_posts: dict[str, dict] = {}

    def memberships():
        for r, item in memberships_of(links):
            if "post_id" in item:
                found_posts.update(posts([r]))
            yield item

    yield from _array("memberships", memberships(), first=False)
    yield from _array("posts", iter(list(found_posts.values())), first=False)
    yield "}\n"


def _array(name: str, items: Iterator[dict], first: bool) -> Iterator[str]:
    yield ("" if first else ",") + json.dumps(name) + ":["
    chunk, count = [], 0
    for item in items:
        chunk.append(json.dumps(item, ensure_ascii=False))
        count += 1
        if len(chunk) == 500:
            yield ("," if count > 500 else "") + ",".join(chunk)
            chunk = []
    if chunk:
        yield ("," if count > len(chunk) else "") + ",".join(chunk)
    yield "]"


def one(links: Links, kind: str, pk: int) -> dict | None:
    """One entity in Popolo JSON; people and organizations with their memberships (and an
    organization with its posts)."""
    found = list(entities_of(links, kind, Entity.objects.filter(kind=kind, pk=pk)))
    if not found:
        return None
    item = found[0]
    if kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):
        side = "person_id" if kind == EntityKind.PERSON else "organization_id"
        pairs = list(memberships_of(links, MembershipModel.objects.filter(**{side: pk})))
        item["memberships"] = [m for _, m in pairs]
        if kind == EntityKind.ORGANIZATION:
            item["posts"] = list(posts(r for r, _ in pairs).values())
    return item
