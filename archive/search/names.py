"""Autocomplete of names: a prefix of any word of any name or alias, in any spelling."""

from __future__ import annotations

from dataclasses import dataclass

from archive.models import EntityKind, SearchName
from archive.names import fold
from archive.search.backends import current

MAX_PREFIX = 100
KIND_ORDER = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.EVENT]


@dataclass(frozen=True)
class Completion:
    name: str
    kind: str
    matched: str
    url: str
    description: str = ""  # told apart from others of one name
    slug: str = ""  # the name in page addresses, as the quotes index's filters take it


def prefix_key(text: str) -> str:
    """The folded key of a typed prefix. A final y after a vowel may be the y that folding
    drops between vowels once the next letter comes (Nazarbay|ev), so it is left off."""
    key = fold(text)
    typed = text.rstrip().casefold()
    if len(typed) >= 2 and typed[-1] == "y" and typed[-2] in "aeiou" and key.endswith("i"):
        key = key[:-1]
    return key


def complete(text: str, limit: int = 8, kinds: tuple[str, ...] = ()) -> list[Completion]:
    """Entities (of `kinds`, when given) whose name or alias has a word sequence starting
    with `text` (folded). One query: up to 5×limit name rows in key order, then the first
    `limit` distinct entities, each shown with the spelling that matches what was typed."""
    text = text[:MAX_PREFIX]
    prefix = prefix_key(text)
    if len(prefix) < 2:
        return []
    typed = text.strip().casefold()
    rows = current().prefix_filter(SearchName.objects.all(), prefix).select_related("entity")
    if kinds:
        rows = rows.filter(entity__kind__in=kinds)
    by_entity: dict[int, list[SearchName]] = {}
    for row in rows.order_by("key", "entity_id")[: limit * 5]:
        by_entity.setdefault(row.entity_id, []).append(row)
    out = []
    for found in list(by_entity.values())[:limit]:
        best = max(found, key=lambda r: (r.text.casefold().startswith(typed), r.canonical))
        entity = best.entity
        matched = best.name if best.name != entity.name else ""
        out.append(
            Completion(
                entity.name,
                entity.kind,
                matched,
                entity.get_absolute_url(),
                entity.description,
                entity.slug,
            )
        )
    # People and organizations are what a name is usually typed for; events come last.
    return sorted(out, key=lambda c: KIND_ORDER.index(c.kind))
