"""Find the entities an article names: known ones by name, alias or folded spelling, and
unknown people and organizations, proposed as new.

Matching is on the transliteration-folding key of `archive.names` (the one search uses), word
by word, so "Zhakiyanov" finds Zhaqiyanov and "Kazakhstan's" finds Kazakhstan. A name ends at
a possessive or at a hyphen before a lower-case word ("New York-based"). A person's surname
alone links only after the article has named them in full; an organization's initials link
when the archive records them as an alias, when they are its initials, or when the article
defines them in brackets ("Human Rights Watch (HRW)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS

from archive.importer import text as words
from archive.importer.found import Found, Ref
from archive.importer.places import place_proposals
from archive.importer.proposals import proposals
from archive.importer.text import Token
from archive.models import Entity, EntityKind
from archive.names import fold

LINKED_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)


@dataclass
class EntityIndex:
    """Every known name form, by folded key; built once per import."""

    forms: dict[str, list[tuple[Ref, str]]] = field(default_factory=dict)
    surnames: dict[int, str] = field(default_factory=dict)
    exact: set[tuple[str, int]] = field(default_factory=set)
    longest: int = 1
    # A known person by surname alone, where only one known person has it (None: several).
    by_surname: dict[str, Ref | None] = field(default_factory=dict)

    def add(self, ref: Ref, name: str, how: str) -> None:
        key = fold(name)
        if not key:
            return
        entries = self.forms.setdefault(key, [])
        if all(r != ref for r, _ in entries):
            entries.append((ref, how))
        self.exact.add((name, ref.entity_id or 0))
        self.longest = max(self.longest, len(key.split()))

    @classmethod
    def from_database(cls, using: str = DEFAULT_DB_ALIAS) -> EntityIndex:
        index = cls()
        entities = (
            Entity.objects.using(using)
            .filter(kind__in=LINKED_KINDS)
            .select_related("person")
            .prefetch_related("aliases")
            .order_by("pk")
        )
        for entity in entities:
            ref = Ref(entity.kind, fold(entity.name), entity.name, entity.pk)
            index.add(ref, entity.name, "name")
            for alias in entity.aliases.all():
                index.add(ref, alias.name, "alias")
            if entity.kind == EntityKind.ORGANIZATION:
                initials = "".join(w[0] for w in entity.name.split() if w[:1].isupper())
                if len(initials) >= 3:
                    index.add(ref, initials, "acronym")
            if entity.kind == EntityKind.PERSON:
                family = entity.person.family_name or entity.name.split()[-1]
                if len(entity.name.split()) > 1:
                    index.surnames[entity.pk] = fold(family)
                    taken = fold(family) in index.by_surname
                    index.by_surname[fold(family)] = None if taken else ref
        return index


def _run_key(toks: list[Token]) -> str:
    return " ".join(t.key for t in toks)


def _connected(text: str, toks: list[Token], i: int, n: int) -> bool:
    return all(words.joinable(text, toks[j], toks[j + 1]) for j in range(i, i + n - 1))


def link(text: str, index: EntityIndex, propose: bool = True) -> list[Found]:
    """Every entity named in `text`, longest names first, spans never overlapping.

    `propose=False` links known entities only: headlines are in title case, where every
    capitalized run would look like a name."""
    toks = words.tokens(text)
    found: list[Found] = []
    covered = [False] * len(toks)

    # Pass 1: known names, aliases and initials.
    i = 0
    while i < len(toks):
        hit = _known_at(text, toks, i, index)
        if hit:
            n, ref, how = hit
            found.append(Found(toks[i].start, toks[i + n - 1].end, ref, _confidence(how), how))
            covered[i : i + n] = [True] * n
            i += n
        else:
            i += 1

    # Pass 2: unknown people and organizations.
    if propose:
        found.extend(proposals(text, toks, covered, found))
        found.extend(place_proposals(text, toks, covered, found, index.by_surname))

    # Pass 3: surnames after a full mention; initials defined in brackets.
    later = _local_forms(text, found, index)
    found[:] = [_as_defined(f, later) for f in found]
    for i, tok in enumerate(toks):
        if covered[i] or not tok.capitalized:
            continue
        for ref, first, how in later.get(tok.key, []):
            if tok.start >= first and (how != "acronym" or tok.all_caps):
                given = toks[i - 1] if i > 0 else None
                if (
                    how == "surname"
                    and given is not None
                    and not covered[i - 1]
                    and given.capitalized
                    and text[given.end : tok.start] == " "
                    and given.key not in ref.key.split()
                    and given.text.lower() not in words.NOT_NAME
                    and given.text.lower() not in words.TITLES
                    and given.text.lower() not in words.ORG_WORDS
                    and given.text.isalpha()
                    and not given.all_caps
                ):
                    # "Nana Kvaratskhelia" after "Zurab Kvaratskhelia": a relative, not him.
                    name = text[given.start : tok.end]
                    person = Ref(EntityKind.PERSON, fold(name), name)
                    found.append(Found(given.start, tok.end, person, 0.6, "proposed"))
                    covered[i - 1] = covered[i] = True
                    break
                found.append(Found(tok.start, tok.end, ref, _confidence(how), how))
                covered[i] = True
                break
    found.sort(key=lambda f: f.start)
    return found


def _as_defined(f: Found, later) -> Found:
    """A name proposed in pass 2 that the article defined before: initials in brackets
    ("the DNA said" after "National Anticorruption Directorate (DNA)"), a company without
    its suffix ("Westhaven Gold" after "Westhaven Gold Corp.")."""
    if f.how != "proposed":
        return f
    for ref, first, how in later.get(f.ref.key, []):
        if how in {"acronym", "company"} and first <= f.start and ref != f.ref:
            return Found(f.start, f.end, ref, _confidence(how), how)
    return f


def _confidence(how: str) -> float:
    return {"name": 0.95, "alias": 0.95, "acronym": 0.9, "variant": 0.85, "surname": 0.85}.get(
        how, 0.6
    )


def _known_at(text: str, toks: list[Token], i: int, index: EntityIndex):
    if not toks[i].capitalized:
        return None
    for n in range(min(index.longest, len(toks) - i), 0, -1):
        if not _connected(text, toks, i, n):
            continue
        key = _run_key(toks[i : i + n])
        entries = index.forms.get(key)
        if not entries:
            continue
        surface = text[toks[i].start : toks[i + n - 1].end]
        # A name does not end inside a hyphenated word ("Kazakh-born" is not "Kazakh").
        after = text[toks[i + n - 1].end : toks[i + n - 1].end + 2]
        if re.match(r"-[A-Z]", after):
            continue
        ref, how = entries[0]
        if how == "acronym" and not toks[i].all_caps:
            continue
        if n == 1 and how != "acronym" and toks[i].all_caps and not surface.isupper():
            continue
        if (surface, ref.entity_id or 0) not in index.exact and how in {"name", "alias"}:
            how = "variant"
        return n, ref, how
    return None


def _local_forms(text: str, found: list[Found], index: EntityIndex):
    """Surnames and bracketed initials this article introduces, with where they start to count."""
    forms: dict[str, list[tuple[Ref, int, str]]] = {}
    for f in found:
        if f.ref.kind == EntityKind.PERSON and f.how in {"name", "alias", "variant", "proposed"}:
            surface = text[f.start : f.end].split()
            if len(surface) > 1:
                key = index.surnames.get(f.ref.entity_id) if f.ref.entity_id else None
                key = key or fold(surface[-1])
                forms.setdefault(key, []).append((f.ref, f.end, "surname"))
                if len(surface) == 2 and surface[0].lower() in words.SURNAME_FIRST:
                    forms.setdefault(fold(surface[0]), []).append((f.ref, f.end, "surname"))
        if f.ref.kind == EntityKind.ORGANIZATION and f.how == "proposed":
            # "The Yabloko party …. Yabloko said": a one-word name proposed from a sign
            # ("party") is the same organization wherever it recurs without the sign.
            surface = text[f.start : f.end]
            if " " not in surface and surface.isalpha():
                forms.setdefault(fold(surface), []).append((f.ref, f.end, "repeat"))
            # "Westhaven Gold Corp … Westhaven Gold said": the name without its suffix.
            keys = f.ref.key.split()
            if len(keys) > 2 and keys[-1] in words.CORPORATE_SUFFIXES:
                forms.setdefault(" ".join(keys[:-1]), []).append((f.ref, f.end, "company"))
        if f.ref.kind == EntityKind.ORGANIZATION:
            m = re.match(r"\s*\(([A-Z][A-Za-z/&-]*[A-Z])\)", text[f.end : f.end + 20])
            if m:
                forms.setdefault(fold(m[1]), []).append((f.ref, f.end, "acronym"))
    return forms
