"""Autocomplete of names: a prefix of any word of any name or alias, in any spelling."""

from __future__ import annotations

from dataclasses import dataclass

from archive.models import SearchName
from archive.names import fold
from archive.search.backends import current

MAX_PREFIX = 100


@dataclass(frozen=True)
class Completion:
    name: str
    kind: str
    matched: str
    url: str


def complete(text: str, limit: int = 8) -> list[Completion]:
    """Entities whose name or alias has a word sequence starting with `text` (folded). One
    query: up to 5×limit name rows in key order, then the first `limit` distinct entities."""
    prefix = fold(text[:MAX_PREFIX])
    if len(prefix) < 2:
        return []
    rows = current().prefix_filter(SearchName.objects.all(), prefix).select_related("entity")
    out, seen = [], set()
    for row in rows.order_by("key", "entity_id")[: limit * 5]:
        if row.entity_id in seen:
            continue
        seen.add(row.entity_id)
        entity = row.entity
        matched = row.name if row.name != entity.name else ""
        out.append(Completion(entity.name, entity.kind, matched, entity.get_absolute_url()))
        if len(out) == limit:
            break
    return out
