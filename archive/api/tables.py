"""CSV: one row per public quote, or per entity of a kind, streamed in batches read by key.

Each batch of BATCH rows is one query for the rows and one per related list, whatever the
size of the export, so memory stays flat and the database does the same work per row at the
millionth as at the first. Every cell that a spreadsheet would read as a formula (starting
with =, +, - or @, or a tab or carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from archive.api import rows
from archive.api.links import Links
from archive.api.paging import Order
from archive.dates import UNKNOWN
from archive.models import EntityKind, Quote, TaggedQuote
from archive.models.entities import affiliation_on

BATCH = 2000
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ID_ORDER = Order("id", (("id", False),))
NAME_ORDER = Order("entities", (("sort_name", False), ("id", False)))

QUOTE_COLUMNS = [
    "id",
    "text",
    "mode",
    "speaker",
    "speaker_id",
    "speaker_role",
    "speaker_organization",
    "said_to",
    "about",
    "article_headline",
    "publisher",
    "date",
    "date_precision",
    "tags",
    "page_url",
]
# What the columns need and nothing more: the API's fields cost twice as long to read (the
# anchor and the answered quote's joins).
QUOTE_FIELDS = [
    "id",
    "exact",
    "mode",
    "article_id",
    "article__headline",
    "article__published_on",
    "article__published_precision",
    "article__publisher__name",
    "speaker_id",
    "speaker__kind",
    "speaker__name",
    "said_to__name",
]

ENTITY_COLUMNS = ["id", "kind", "name", "sort_name", "description"]
KIND_COLUMNS = {
    EntityKind.PERSON: ["given_name", "family_name"],
    EntityKind.ORGANIZATION: ["organization_kind", "parent", "based_in"],
    EntityKind.PLACE: ["place_kind", "located_in", "latitude", "longitude"],
    EntityKind.EVENT: [
        "event_kind",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "location",
    ],
}
KIND_SOURCES = {
    EntityKind.PERSON: ["person__given_name", "person__family_name"],
    EntityKind.ORGANIZATION: [
        "organization__org_kind",
        "organization__parent__name",
        "organization__based_in__name",
    ],
    EntityKind.PLACE: [
        "place__place_kind",
        "place__located_in__name",
        "place__latitude",
        "place__longitude",
    ],
    EntityKind.EVENT: [
        "event__event_kind",
        "event__start",
        "event__start_precision",
        "event__end",
        "event__end_precision",
        "event__location__name",
    ],
}


def cell(value) -> str:
    """A value as a spreadsheet-safe cell."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def batches(queryset, fields: list[str], order: Order, size: int = BATCH) -> Iterator[list]:
    """`queryset` as lists of `.values(*fields)` rows, `size` at a time, each read by key."""
    key = None
    ordered = queryset.order_by(*order.order_by())
    while True:
        batch = ordered.filter(order.after(key)) if key is not None else ordered
        found = list(batch.values(*fields)[:size])
        if not found:
            return
        yield found
        if len(found) < size:
            return
        key = [found[-1][f] for f, _ in order.fields]


class _Line:
    """A file-like buffer that csv.writer writes one batch into."""

    def __init__(self):
        self.buffer = io.StringIO()

    def write(self, text):
        self.buffer.write(text)

    def take(self) -> str:
        value = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return value


def _csv(header: list[str], row_batches: Iterator[list[list]], bom: bool) -> Iterator[str]:
    out = _Line()
    writer = csv.writer(out)
    writer.writerow(header)
    yield (BOM if bom else "") + out.take()
    for batch in row_batches:
        writer.writerows(batch)
        yield out.take()


def _joined(pairs) -> dict:
    """{quote id: "a; b"} from (quote id, name) pairs in the order the names are listed."""
    out = {}
    for quote_id, name in pairs:
        out[quote_id] = f"{out[quote_id]}; {name}" if quote_id in out else name
    return out


def quote_rows(links: Links, batch: list[dict]) -> list[list]:
    """A batch of quotes (in id order) as CSV rows: three queries. The about and tag names
    are read for the batch's id range (a range scan of the link tables' indexes, three times
    quicker than a list of 2,000 ids; names of hidden quotes in the range are read and never
    looked up, and the ranges of successive batches do not overlap)."""
    first, last = batch[0]["id"], batch[-1]["id"]
    about = _joined(
        Quote.about.through.objects.filter(quote_id__gte=first, quote_id__lte=last)
        .order_by("entity__sort_name", "entity_id")
        .values_list("quote_id", "entity__name")
    )
    tags = _joined(
        TaggedQuote.objects.filter(content_object_id__gte=first, content_object_id__lte=last)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    )
    memberships = rows.speaker_memberships(batch)
    out = []
    # Ids, the mode, the ISO date and the page address are ours and never start like a
    # formula; only text that people typed goes through cell().
    for r in batch:
        pk, speaker = r["id"], r["speaker_id"]
        held = memberships.get(speaker)
        membership = (
            affiliation_on(
                held,
                r["article__published_on"],
                ordered=True,
                precision=r["article__published_precision"],
            )
            if held
            else None
        )
        out.append(
            [
                pk,
                cell(r["exact"]),
                r["mode"],
                cell(r["speaker__name"]),
                "" if speaker is None else speaker,
                cell(membership.role) if membership else "",
                cell(membership.org_name) if membership else "",
                cell(r["said_to__name"]),
                cell(about.get(pk)),
                cell(r["article__headline"]),
                cell(r["article__publisher__name"]),
                # The first day of the article's date at its precision; blank when unknown.
                ""
                if r["article__published_precision"] == UNKNOWN
                else r["article__published_on"].isoformat(),
                r["article__published_precision"],
                cell(tags.get(pk)),
                links.quote_page(pk),
            ]
        )
    return out


def quotes_csv(links: Links, queryset=None, bom: bool = False) -> Iterator[str]:
    queryset = Quote.objects.public() if queryset is None else queryset
    return _csv(
        QUOTE_COLUMNS,
        (quote_rows(links, b) for b in batches(queryset, QUOTE_FIELDS, ID_ORDER)),
        bom,
    )


def entity_rows(links: Links, kind: str, batch: list[dict]) -> list[list[str]]:
    sources = KIND_SOURCES[kind]
    return [
        [cell(r["id"]), kind, cell(r["name"]), cell(r["sort_name"]), cell(r["description"])]
        + [cell(r[s]) for s in sources]
        + [cell(links.entity_page(kind, r["slug"])), cell(links.entity_api(kind, r["id"]))]
        for r in batch
    ]


def entities_csv(links: Links, kind: str, queryset, bom: bool = False) -> Iterator[str]:
    fields = ["id", "name", "slug", "sort_name", "description"] + KIND_SOURCES[kind]
    header = ENTITY_COLUMNS + KIND_COLUMNS[kind] + ["page_url", "api_url"]
    return _csv(
        header,
        (entity_rows(links, kind, b) for b in batches(queryset, fields, NAME_ORDER)),
        bom,
    )
