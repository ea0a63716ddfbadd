"""W3C Web Annotation: every public quote and mention as an Annotation, and each article's
as an AnnotationCollection of AnnotationPages (Web Annotation Data Model and Protocol).

The target of each annotation is the plain text of one part of the article (headline,
standfirst or body) as the API serves it at `/api/articles/<id>/<part>.txt`, the same text
as the article's JSON; its selectors are a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (start, end, in code points), so any client can find the words again.
"""

from __future__ import annotations

from archive.api import rows
from archive.api.links import Links
from archive.models import Mention, Quote, QuoteMode
from archive.quoting import REPORTED

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{CONTEXT}"'
PAGE_SIZE = 100
PARTS = ("headline", "standfirst", "body")
MODES = {QuoteMode.DIRECT: "direct quotation", QuoteMode.INDIRECT: REPORTED}

MENTION_FIELDS = [
    "id",
    "article_id",
    "part",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "created_at",
    "updated_at",
    "entity_id",
    "entity__kind",
    "entity__name",
    "entity__slug",
]


def _entity(links: Links, pk, kind, name, slug, purpose: str) -> dict:
    return {
        "type": "SpecificResource",
        "purpose": purpose,
        "source": {"id": links.entity_page(kind, slug), "label": name},
        "scope": links.entity_api(kind, pk),
    }


def target(links: Links, r: dict) -> dict:
    return {
        "type": "SpecificResource",
        "source": links.text_api(r["article_id"], r["part"]),
        "scope": links.article_api(r["article_id"]),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": r["exact"],
                "prefix": r["prefix"],
                "suffix": r["suffix"],
            },
            {"type": "TextPositionSelector", "start": r["start"], "end": r["end"]},
        ],
    }


def _dates(r: dict) -> dict:
    return {"created": r["created_at"].isoformat(), "modified": r["updated_at"].isoformat()}


def quote_annotations(links: Links, quote_rows: list[dict], context=True) -> list[dict]:
    about, tags, _ = rows.quote_extras(quote_rows, memberships_too=False)
    out = []
    for r in quote_rows:
        body = [
            {
                "type": "TextualBody",
                "purpose": "classifying",
                "value": MODES.get(r["mode"], r["mode"]),
                "format": "text/plain",
            }
        ]
        if r["speaker_id"]:
            body.append(
                _entity(
                    links,
                    r["speaker_id"],
                    r["speaker__kind"],
                    r["speaker__name"],
                    r["speaker__slug"],
                    "identifying",
                )
            )
        for pk, kind, name, slug in about.get(r["id"], ()):
            body.append(_entity(links, pk, kind, name, slug, "describing"))
        for name, _slug in tags.get(r["id"], ()):
            body.append({"type": "TextualBody", "purpose": "tagging", "value": name})
        annotation = {
            "id": links.annotation_api("quote", r["id"]),
            "type": "Annotation",
            "motivation": "describing",
            "body": body,
            "target": target(links, r),
            "canonical": links.quote_page(r["id"]),
            **_dates(r),
        }
        out.append({"@context": CONTEXT, **annotation} if context else annotation)
    return out


def mention_annotations(links: Links, mention_rows: list[dict], context=True) -> list[dict]:
    out = []
    for r in mention_rows:
        annotation = {
            "id": links.annotation_api("mention", r["id"]),
            "type": "Annotation",
            "motivation": "identifying",
            "body": _entity(
                links,
                r["entity_id"],
                r["entity__kind"],
                r["entity__name"],
                r["entity__slug"],
                "identifying",
            ),
            "target": target(links, r),
            **_dates(r),
        }
        out.append({"@context": CONTEXT, **annotation} if context else annotation)
    return out


QUOTE_FIELDS = rows.QUOTE_FIELDS + ["created_at"]


def _order(row: dict):
    return (PARTS.index(row["part"]), row["start"], row["end"])


def article_annotations(links: Links, article_pk: int) -> list[dict]:
    """All public annotations of one article, in reading order (part, then position)."""
    quotes = list(Quote.objects.public().filter(article_id=article_pk).values(*QUOTE_FIELDS))
    mentions = list(Mention.objects.public().filter(article_id=article_pk).values(*MENTION_FIELDS))
    items = [
        (_order(r), 0, r["id"], a)
        for r, a in zip(quotes, quote_annotations(links, quotes, context=False), strict=True)
    ]
    items += [
        (_order(r), 1, r["id"], a)
        for r, a in zip(mentions, mention_annotations(links, mentions, context=False), strict=True)
    ]
    items.sort(key=lambda item: item[:3])
    return [a for *_, a in items]


def collection(links: Links, article: dict, items: list[dict]) -> dict:
    """The AnnotationCollection, with its first page embedded (PreferContainedDescriptions)."""
    url = links.annotations_api(article["id"])
    pages = max(1, -(-len(items) // PAGE_SIZE))
    return {
        "@context": [CONTEXT, LDP_CONTEXT],
        "id": url,
        "type": ["BasicContainer", "AnnotationCollection"],
        "label": f"Annotations on “{article['headline']}”",
        "total": len(items),
        "first": page(links, article, items, 0, embedded=True),
        "last": f"{url}?page={pages - 1}",
    }


def page(links: Links, article: dict, items: list[dict], number: int, embedded=False) -> dict:
    url = links.annotations_api(article["id"])
    pages = max(1, -(-len(items) // PAGE_SIZE))
    start = number * PAGE_SIZE
    out = {} if embedded else {"@context": CONTEXT}
    out.update(
        {
            "id": f"{url}?page={number}",
            "type": "AnnotationPage",
            "partOf": {"id": url, "total": len(items)},
            "startIndex": start,
            "items": items[start : start + PAGE_SIZE],
        }
    )
    if number + 1 < pages:
        out["next"] = f"{url}?page={number + 1}"
    if number > 0:
        out["prev"] = f"{url}?page={number - 1}"
    return out


def pages_of(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))
