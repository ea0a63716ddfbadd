"""Likely duplicates: entities of one kind whose name or an alias folds to the same key
(archive.names.fold) as a name being added, so "Zhakiyanov" meets "Zhakianov"."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from archive.models import Entity, SearchName
from archive.names import fold


def likely_duplicates(kind: str, names: Iterable[str], exclude_pk: int | None = None):
    """Entities of `kind` named (by name or alias) like any of `names`, by name. Two queries:
    candidates by the search index's folded keys and by case-insensitive name or alias, then
    the whole name's fold compared (a key row may be a suffix of a longer name)."""
    keys = {fold(n) for n in names if n and n.strip()} - {""}
    if not keys:
        return []
    plain = Q()
    for name in names:
        if name and name.strip():
            plain |= Q(name__iexact=name.strip()) | Q(aliases__name__iexact=name.strip())
    by_key = SearchName.objects.filter(key__in=keys, entity__kind=kind).values_list(
        "entity_id", "name"
    )
    ids = {pk for pk, name in by_key if fold(name) in keys}
    candidates = Entity.objects.filter(Q(pk__in=ids) | plain, kind=kind).distinct()
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    return list(candidates.order_by("sort_name", "pk")[:10])
