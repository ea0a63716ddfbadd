"""Score suggested annotations against gold files.

A gold file is the JSON import format plus a `gold` object::

    "gold": {
      "people": [{"name": "Vanessa Saenen", "variants_in_text": ["Saenen"]}],
      "organizations": [...], "places": [...],
      "quotes": [{"text": "the exact quoted words", "speaker": "Vanessa Saenen"}]
    }

Quotes are placed in the body by their text (the n-th gold quote with the same words takes
their n-th occurrence). A suggested quote matches a gold quote *exactly* when both cover the
same words (ignoring surrounding spaces, quotation marks and sentence punctuation) and
*by overlap* when their spans share at least one character. Precision is the share of
suggested quotes that match some gold quote, recall the share of gold quotes that some
suggestion matches, F1 their harmonic mean. Speaker accuracy is over the gold quotes matched
by overlap (each judged against its most-overlapping suggestion): right when the gold name
resolves by name, alias or folded key to the suggested entity, or has the same folded name as
the suggested (possibly proposed) speaker or with one of the other names accepting the
proposal records as aliases (an organization's initials defined in brackets, its name
without "Corp."; `accepting.other_names`); a gold speaker of null is right when none is
suggested. Entity links are scored per entity: a suggested entity (a linked mention's
entity, or a proposed person, organization or place) is right when some gold entity's name or
variant resolves to it or folds to its name or those aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS

from archive.importer.accepting import other_names
from archive.models import Alias, Entity, EntitySuggestion, Mention, Quote, ReviewStatus
from archive.names import fold

_EDGE = " \t\n\"'“”‘’„«».,;:!?…"


class GoldInvalid(ValueError):
    pass


@dataclass
class Counts:
    suggested: int = 0
    gold: int = 0
    exact_suggested_hits: int = 0
    exact_gold_hits: int = 0
    overlap_suggested_hits: int = 0
    overlap_gold_hits: int = 0
    speakers_judged: int = 0
    speakers_right: int = 0
    entities_suggested: int = 0
    entities_gold: int = 0
    entities_suggested_right: int = 0
    entities_gold_found: int = 0
    unplaced: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    @staticmethod
    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    def figures(self) -> dict[str, float | None]:
        def f1(p, r):
            if p is None or r is None:
                return None
            return 0.0 if p + r == 0 else 2 * p * r / (p + r)

        ep = self.ratio(self.exact_suggested_hits, self.suggested)
        er = self.ratio(self.exact_gold_hits, self.gold)
        op = self.ratio(self.overlap_suggested_hits, self.suggested)
        orr = self.ratio(self.overlap_gold_hits, self.gold)
        return {
            "exact precision": ep,
            "exact recall": er,
            "exact F1": f1(ep, er),
            "overlap precision": op,
            "overlap recall": orr,
            "overlap F1": f1(op, orr),
            "speaker accuracy": self.ratio(self.speakers_right, self.speakers_judged),
            "entity precision": self.ratio(self.entities_suggested_right, self.entities_suggested),
            "entity recall": self.ratio(self.entities_gold_found, self.entities_gold),
        }


def read_gold(name: str, data: dict) -> dict:
    gold = data.get("gold")
    if not isinstance(gold, dict):
        raise GoldInvalid(f"{name}: no `gold` object.")
    for key in ("people", "organizations", "places", "quotes"):
        value = gold.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise GoldInvalid(f"{name}: gold.{key} must be a list of objects.")
    for q in gold.get("quotes", []):
        if not isinstance(q.get("text"), str) or not q["text"].strip():
            raise GoldInvalid(f"{name}: every gold quote needs its text.")
        if q.get("speaker") is not None and not isinstance(q["speaker"], str):
            raise GoldInvalid(f"{name}: a gold speaker is a name or null.")
    return gold


def _core(text: str) -> str:
    return " ".join(text.strip(_EDGE).split())


def place_quotes(body: str, quotes: list[dict]) -> tuple[list[tuple[int, int, dict]], list[str]]:
    placed, unplaced, seen = [], [], {}
    for q in quotes:
        words = q["text"].strip()
        n = seen.get(words, 0)
        seen[words] = n + 1
        # The importer collapses spaces and line ends inside paragraphs; so does the search.
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        found = [(m.start(), m.end()) for m in re.finditer(pattern, body)]
        if len(found) > n:
            placed.append((*found[n], q))
        else:
            unplaced.append(words[:60])
    return placed, unplaced


class Resolver:
    """Which entity a gold name means, by name, alias or folded key, in one database."""

    def __init__(self, using: str):
        self.by_key: dict[str, set[int]] = {}
        for pk, name in Entity.objects.using(using).values_list("pk", "name"):
            self.by_key.setdefault(fold(name), set()).add(pk)
        for pk, name in Alias.objects.using(using).values_list("entity_id", "name"):
            self.by_key.setdefault(fold(name), set()).add(pk)
        self.names = dict(Entity.objects.using(using).values_list("pk", "name"))

    def entities(self, name: str) -> set[int]:
        return self.by_key.get(fold(name), set())

    def same(self, gold_name: str, entity_id: int | None, proposed_keys=frozenset()) -> bool:
        """`proposed_keys`: the folded names of a proposed speaker (`proposal_keys`)."""
        key = fold(gold_name)
        if entity_id is not None:
            return entity_id in self.entities(gold_name) or fold(self.names[entity_id]) == key
        return key in proposed_keys


def proposal_keys(suggestion: EntitySuggestion, article) -> frozenset[str]:
    """The folded names of a proposed entity: its own and the aliases accepting it creates."""
    text = article.text_of(suggestion.part)
    return frozenset(fold(name) for name in [suggestion.name, *other_names(suggestion, text)])


def score_article(article, gold: dict, using: str = DEFAULT_DB_ALIAS) -> Counts:
    counts = Counts()
    resolver = Resolver(using)
    placed, counts.unplaced = place_quotes(article.body, gold.get("quotes", []))
    counts.gold = len(gold.get("quotes", []))
    suggestions = list(
        Quote.objects.using(using)
        .filter(article=article, part="body", status=ReviewStatus.SUGGESTED)
        .prefetch_related("proposed_speakers")
    )
    counts.suggested = len(suggestions)
    body = article.body

    def overlap(q, g):
        return max(0, min(q.end, g[1]) - max(q.start, g[0]))

    def exact(q, g):
        return overlap(q, g) > 0 and _core(body[q.start : q.end]) == _core(body[g[0] : g[1]])

    counts.exact_suggested_hits = sum(any(exact(q, g) for g in placed) for q in suggestions)
    counts.overlap_suggested_hits = sum(any(overlap(q, g) for g in placed) for q in suggestions)
    counts.exact_gold_hits = sum(any(exact(q, g) for q in suggestions) for g in placed)
    for g in placed:
        best = max(suggestions, key=lambda q: overlap(q, g), default=None)
        if best is None or not overlap(best, g):
            continue
        counts.overlap_gold_hits += 1
        counts.speakers_judged += 1
        proposed = list(best.proposed_speakers.all())
        gold_speaker = g[2].get("speaker")
        if gold_speaker is None:
            right = best.speaker_id is None and not proposed
        else:
            keys = proposal_keys(proposed[0], article) if proposed else frozenset()
            right = resolver.same(gold_speaker, best.speaker_id, keys)
        if right:
            counts.speakers_right += 1
        else:
            said = (
                best.speaker.name if best.speaker_id else (proposed[0].name if proposed else None)
            )
            counts.wrong.append(f"“{_core(g[2]['text'])[:50]}…”: {said} for {gold_speaker}")
    _score_entities(article, gold, resolver, counts, using)
    return counts


def _score_entities(article, gold, resolver: Resolver, counts: Counts, using: str) -> None:
    gold_entities = [e for key in ("people", "organizations", "places") for e in gold.get(key, [])]
    names = [
        [e.get("name", "")] + [v for v in e.get("variants_in_text", []) if isinstance(v, str)]
        for e in gold_entities
    ]
    linked = set(
        Mention.objects.using(using)
        .filter(article=article, status=ReviewStatus.SUGGESTED)
        .values_list("entity_id", flat=True)
    )
    proposed = EntitySuggestion.objects.using(using).filter(
        article=article, kind__in=["person", "organization", "place"]
    )
    suggested = [(pk, frozenset()) for pk in linked] + [
        (None, proposal_keys(p, article)) for p in proposed
    ]
    counts.entities_suggested = len(suggested)
    counts.entities_gold = len(gold_entities)

    def match(forms, item):
        pk, keys = item
        return any(resolver.same(form, pk, keys) for form in forms if form)

    counts.entities_suggested_right = sum(
        any(match(forms, item) for forms in names) for item in suggested
    )
    counts.entities_gold_found = sum(
        any(match(forms, item) for item in suggested) for forms in names
    )


def format_figures(figures: dict[str, float | None]) -> str:
    def show(v):
        return "n/a" if v is None else f"{v:.3f}"

    return ", ".join(f"{k} {show(v)}" for k, v in figures.items())
