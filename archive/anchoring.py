"""Anchor annotations to article text and find them again after the text is corrected.

Selectors follow the W3C Web Annotation model: a TextQuoteSelector (``exact``, ``prefix``,
``suffix``) plus a TextPositionSelector (``start``, ``end``: offsets into a Python ``str``, end
exclusive). ``locate`` tries, in order: the stored position, every exact occurrence of the quote
ranked by surrounding context, then an approximate search; if nothing is close enough it raises
``AnchorLost`` rather than guessing.

Complexity, for a text of n characters and a quote of m characters (rapidfuzz runs in C with
bit-parallel Indel, about m/64 machine words per text character):

* position check: O(m + CONTEXT_CHARS);
* exact quote: O(n) for ``str.find``, plus O(CONTEXT_CHARS) per occurrence (so a quote that
  occurs thousands of times, such as a run of spaces, costs tens of milliseconds);
* approximate: one ``partial_ratio_alignment`` over the whole text (~O(n * m / 64)), rough
  guesses from the old offsets and from up to 2 * _SEEDS places where the surviving context
  occurs, then up to 4 rounds of start and end sweeps over +-64 positions for each of
  _REFINED candidates; quotes over _HEAD characters compare only their ends while sweeping.

On a 100 KB text a locate takes 1-5 ms for quotes up to 500 characters, ~20 ms at 3000.
To check by hand (not a test, because timings are machine-dependent)::

    text = article * 20; anchor = describe_exact(text, phrase, occurrence=10)
    timeit.timeit(lambda: locate(text.replace(phrase, fixed), anchor), number=20) / 20
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from os.path import commonprefix

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

CONTEXT_CHARS = 32

_SHORT = 8  # shorter quotes match too much by chance, so their context must confirm them
_SEED = 12  # prefix tail / suffix head length used to find where the quote should now be
_AGREE = 4  # context characters that must agree on some side to trust an exact quote
_SEEDS = 5  # occurrences of each seed (nearest to the old position) that are tried
_REFINED = 3  # candidates that get the (costlier) boundary refinement
_SLACK = 64  # how far refinement may move a boundary in one sweep
_HEAD = 256  # longer quotes are refined by their ends only
_W_SIM, _W_CTX, _W_POS, _W_WORD = 0.7, 0.25, 0.05, 0.2


@dataclass(frozen=True)
class Anchor:
    """TextQuoteSelector + TextPositionSelector for one annotated span."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


class Method(enum.StrEnum):
    """How a match was found: stored offsets, exact quote elsewhere, or approximate quote."""

    POSITION = "position"
    QUOTE = "quote"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class Match:
    """Where an anchor was found: ``text[start:end]``, how, and how similar (1.0 = exact)."""

    start: int
    end: int
    method: Method
    score: float


class AnchorLost(LookupError):
    """The annotated passage can no longer be found in the text."""


def describe(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Build the selectors for ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"invalid span [{start}, {end}) for a text of {len(text)} characters")
    if context < 0:
        raise ValueError(f"context must be >= 0, not {context}")
    prefix = text[max(0, start - context) : start]
    return Anchor(text[start:end], prefix, text[end : end + context], start, end)


def describe_exact(
    text: str, exact: str, occurrence: int = 0, context: int = CONTEXT_CHARS
) -> Anchor:
    """Describe the ``occurrence``-th (0-based) occurrence of ``exact`` in ``text``."""
    if not exact:
        raise ValueError("cannot anchor an empty phrase")
    found = _occurrences(text, exact)
    if not 0 <= occurrence < len(found):
        which = "" if occurrence == 0 else f" (occurrence {occurrence}, {len(found)} found)"
        raise ValueError(f'Could not find "{exact}" in the text{which}')
    return describe(text, found[occurrence], found[occurrence] + len(exact), context)


def locate(text: str, anchor: Anchor, *, threshold: float = 0.75) -> Match:
    """Find ``anchor`` in ``text`` (possibly corrected since); raise ``AnchorLost`` if gone."""
    exact, m = anchor.exact, len(anchor.exact)
    if not exact:
        raise ValueError("anchor has an empty quote")
    full = len(anchor.prefix), len(anchor.suffix)
    start = anchor.start
    unchanged = start >= 0 and text[start : start + m] == exact
    trusted = unchanged and _context_hits(text, anchor, start) == full
    if trusted and not _bad_edges(text, anchor, start):
        return Match(start, start + m, Method.POSITION, 1.0)
    found = _occurrences(text, exact)
    if not found:
        return _approximate(text, anchor, threshold)
    # Context decides; distance to the old offset (always < 0.5) only breaks ties.
    spread = 2.0 * (len(text) + 1)
    best = max(found, key=lambda o: sum(_context_hits(text, anchor, o)) - abs(o - start) / spread)
    quote = Match(best, best + m, Method.POSITION if best == start else Method.QUOTE, 1.0)
    pre, suf = _context_hits(text, anchor, best)
    # Context that disagrees on both sides suggests another mention of the phrase, while the
    # annotated one was corrected ("Zelensky" to "Zelenskyy"); a quote cutting through a word
    # may be that corrected word. Then a close approximate match in the old context wins.
    elsewhere = pre < min(_AGREE, full[0]) and suf < min(_AGREE, full[1])
    if not elsewhere and not _bad_edges(text, anchor, best):
        return quote
    try:
        near = _approximate(text, anchor, threshold)
    except AnchorLost:
        return quote
    better = _score(text, anchor, near.start, near.end) > _score(text, anchor, best, best + m)
    return near if better else quote


def relocate(
    text: str, anchor: Anchor, *, threshold: float = 0.75, context: int = CONTEXT_CHARS
) -> Anchor:
    """Locate ``anchor`` and return fresh selectors for the span found in ``text``."""
    found = locate(text, anchor, threshold=threshold)
    return describe(text, found.start, found.end, context)


def _occurrences(text: str, needle: str, limit: int | None = None) -> list[int]:
    found: list[int] = []
    pos = text.find(needle)
    while pos >= 0 and (limit is None or len(found) < limit):
        found.append(pos)
        pos = text.find(needle, pos + 1)  # overlapping matches count too
    return found


def _context_hits(text: str, anchor: Anchor, start: int) -> tuple[int, int]:
    """Characters of prefix (backwards) and of suffix (forwards) that agree around ``start``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    end = start + len(anchor.exact)
    after = text[end : end + len(anchor.suffix)]
    pre = commonprefix([anchor.prefix[::-1], before[::-1]])
    return len(pre), len(commonprefix([anchor.suffix, after]))


def _approximate(text: str, anchor: Anchor, threshold: float) -> Match:
    exact, m, n = anchor.exact, len(anchor.exact), len(text)
    # Rough guesses at the span: refinement below fixes their boundaries.
    spans = {(anchor.start, anchor.start + m)}
    if tail := anchor.prefix[-_SEED:]:
        spans.update((p + len(tail), p + len(tail) + m) for p in _nearest(text, tail, anchor.start))
    if head := anchor.suffix[:_SEED]:
        spans.update((p - m, p) for p in _nearest(text, head, anchor.end))
    if m >= _SHORT and n > m:
        # Best match anywhere, for text that moved far. Not for short quotes: they match by chance.
        found = fuzz.partial_ratio_alignment(exact, text)
        if found is not None:
            spans.add((found.dest_start, found.dest_end))
    spans = {(max(0, s), min(n, e)) for s, e in spans}
    rough = sorted((_score(text, anchor, s, e), s, e) for s, e in spans if s < e)
    if not rough:
        raise AnchorLost(f'Could not find "{_clip(exact)}" in the text (no candidate span)')
    (_, sim, ctx), s, e = max(_refine(text, anchor, s, e) for _, s, e in rough[-_REFINED:])
    if sim < threshold or (m < _SHORT and ctx < 0.5):
        why = f"below {threshold:.2f}" if sim < threshold else "but its context does not match"
        raise AnchorLost(
            f'Could not find "{_clip(exact)}" in the text '
            f'(best candidate "{_clip(text[s:e])}" scored {sim:.2f}, {why})'
        )
    return Match(s, e, Method.FUZZY, sim)


def _nearest(text: str, needle: str, around: int) -> list[int]:
    found = _occurrences(text, needle, limit=1000)
    return sorted(found, key=lambda p: abs(p - around))[:_SEEDS]


def _score(text: str, anchor: Anchor, s: int, e: int) -> tuple[float, float, float]:
    """(ranking objective, similarity of the span to the quote, context similarity)."""
    sim = Indel.normalized_similarity(anchor.exact, text[s:e])
    lp, ls = len(anchor.prefix), len(anchor.suffix)
    ctx = 1.0
    if lp + ls:
        pre = Indel.normalized_similarity(anchor.prefix, text[max(0, s - lp) : s]) if lp else 0.0
        suf = Indel.normalized_similarity(anchor.suffix, text[e : e + ls]) if ls else 0.0
        ctx = (lp * pre + ls * suf) / (lp + ls)
    pos = 1.0 - min(1.0, abs(s - anchor.start) / max(1, len(text)))
    # A quote of whole words must stay whole words: otherwise "HRW" would match "HR" in "HRV".
    bad = _bad_edges(text, anchor, s, e)
    return _W_SIM * sim + _W_CTX * ctx + _W_POS * pos - _W_WORD * bad, sim, ctx


def _bad_edges(text: str, anchor: Anchor, s: int, e: int | None = None) -> int:
    """How many ends of ``text[s:e]`` differ from the quote's in cutting a word or being a space."""
    e = s + len(anchor.exact) if e is None else e
    got = _edges(text[max(0, s - 1) : s], text[s:e], text[e : e + 1])
    want = _edges(anchor.prefix[-1:], anchor.exact, anchor.suffix[:1])
    return (got[0] != want[0]) + (got[1] != want[1])


def _edges(before: str, span: str, after: str) -> tuple[tuple[bool, bool], tuple[bool, bool]]:
    """For each end of ``span``: does it cut through a word, and is its end character a space?"""
    cut_start = before[-1:].isalnum() and span[:1].isalnum()
    cut_end = span[-1:].isalnum() and after[:1].isalnum()
    return (cut_start, span[:1].isspace()), (cut_end, span[-1:].isspace())


def _refine(
    text: str, anchor: Anchor, s: int, e: int
) -> tuple[tuple[float, float, float], int, int]:
    """Sweep the start, then the end, to the best position nearby, until neither moves."""
    slack = min(_SLACK, max(16, len(anchor.exact)))
    # Moving one boundary only changes how the quote's near end aligns: for long quotes,
    # score just that end, so each sweep costs O(_HEAD**2 / 64) rather than O(m**2 / 64).
    long = len(anchor.exact) > _HEAD
    head = replace(anchor, exact=anchor.exact[:_HEAD], suffix="") if long else anchor
    tail = replace(anchor, exact=anchor.exact[-_HEAD:], prefix="") if long else anchor
    for _ in range(4):
        before = s, e
        fixed = min(e, s + _HEAD) if long else e
        s = max(
            range(max(0, s - slack), min(fixed, s + slack + 1)) or [s],
            key=lambda x: _score(text, head, x, fixed),
        )
        fixed = max(s, e - _HEAD) if long else s
        e = max(
            range(max(s + 1, e - slack), min(len(text), e + slack) + 1) or [e],
            key=lambda x: _score(text, tail, fixed, x),
        )
        if (s, e) == before:
            break
    return _score(text, anchor, s, e), s, e


def _clip(phrase: str, limit: int = 80) -> str:
    return phrase if len(phrase) <= limit else phrase[: limit - 1] + "…"
