"""Keep quotes and mentions on their words when an article's text is edited.

Whenever an article is saved with a changed headline, standfirst or body (from the admin, a
revert, a loader or a shell), every annotation on a changed part is looked for again, and an
annotation is either kept on exactly the same words or orphaned. It is never moved to other
words, and never deleted: orphans are listed to the editor, who re-anchors them by hand, and
readers do not see them until then.

What "found" means, precisely. The old and the new text are split into tokens (runs of letters
and digits, runs of whitespace, single other characters) and compared with difflib's
longest-matching-block diff (no junk heuristic). An annotation is found when

1. every token it covers, including a word it only partly covers, lies in one stretch the
   diff reports unchanged: no character inside the annotation was changed, added or
   removed, and nothing was glued to its first or last word ("HRW" becoming "HRWs" is a
   change of that word); and
2. that mapping is unambiguous: no deletion or insertion beside it could slide over it
   (when the same words stand on both sides of what was deleted, which copy survived is not
   known), and the unchanged stretch also keeps at least one whole word
   next to the annotation on one side or the other, or the annotation's words occur exactly
   once in the old text and once in the new. (An annotation whose neighbours on both sides
   were rewritten, on words that occur more than once, could have been matched to another
   occurrence by chance; it is orphaned.)

Its new offsets are then those of the same tokens in the new text, and its prefix and suffix
are read afresh. Text that occurs twice cannot capture an annotation: the diff only pairs
tokens in order, inside unchanged stretches, so when the annotated sentence is deleted its
words are deleted with it, even if the same words stand elsewhere.

An orphan comes back (is "recovered") only when its words occur in the new text with both
its stored prefix and suffix around them, at exactly one place: for example when an editor
undoes the edit that lost it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import reversion
from django.db.models.signals import post_save, pre_save

from archive import anchoring
from archive.models import Article, Mention, Quote, TextPart

ANCHOR_FIELDS = ["exact", "prefix", "suffix", "start", "end", "orphaned"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """The tokens re-anchoring compares: runs of letters and digits, runs of whitespace,
    single other characters (the history's word diff uses them too)."""
    return _TOKEN.findall(text)


@dataclass
class ReanchorReport:
    moved: list = field(default_factory=list)
    orphaned: list = field(default_factory=list)
    recovered: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned or self.recovered)


class TextDiff:
    """The unchanged stretches between two versions of a text, token by token."""

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        a = [m.span() for m in _TOKEN.finditer(old)]
        b = [m.span() for m in _TOKEN.finditer(new)]
        self._a_starts = [s for s, _ in a]
        self._a, self._b = a, b
        at = [old[s:e] for s, e in a]
        bt = [new[s:e] for s, e in b]
        self._words = [t[:1].isalnum() or t[:1] == "_" for t in at]
        # Most edits are local: the common head and tail need no diff.
        head = 0
        limit = min(len(at), len(bt))
        while head < limit and at[head] == bt[head]:
            head += 1
        tail = 0
        while tail < limit - head and at[-1 - tail] == bt[-1 - tail]:
            tail += 1
        runs = [(0, 0, head)] if head else []
        matcher = SequenceMatcher(
            None, at[head : len(at) - tail], bt[head : len(bt) - tail], autojunk=False
        )
        for i, j, size in matcher.get_matching_blocks():
            if size:
                runs.append((head + i, head + j, size))
        if tail:
            runs.append((len(at) - tail, len(bt) - tail, tail))
        self._runs = runs
        self._run_starts = [i for i, _, _ in runs]
        self._ambiguous = self._sliding_zones(at, bt)

    def _sliding_zones(self, at, bt) -> list[tuple[int, int]]:
        """Old tokens whose pairing the diff chose arbitrarily: beside a pure deletion or
        insertion that could slide over them (deleting "HRW said. " from "HRW said. HRW said
        more." gives the same text as deleting ". HRW said"), so which copy survived is
        unknown."""
        zones = []
        ends = [(0, 0, 0), *self._runs, (len(at), len(bt), 0)]
        for (i0, j0, n0), (i1, j1, _) in zip(ends, ends[1:], strict=False):
            gap_a, gap_b = (i0 + n0, i1), (j0 + n0, j1)
            if (gap_a[0] == gap_a[1]) == (gap_b[0] == gap_b[1]):
                continue  # nothing between the runs, or a replacement: nothing slides
            seq, (g0, g1) = (at, gap_a) if gap_a[0] < gap_a[1] else (bt, gap_b)
            left = 0
            while left < n0 and seq[g0 - 1 - left] == seq[g1 - 1 - left]:
                left += 1
            right = 0
            limit = len(seq) - g1
            while right < limit and seq[g0 + right] == seq[g1 + right]:
                right += 1
            if left:
                zones.append((gap_a[0] - left, gap_a[0]))
            if right:
                zones.append((gap_a[1], gap_a[1] + right))
        return zones

    def map_span(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """(new start, new end, whether a whole unchanged word stands beside it) for the old
        span, or None when a token of it was changed or its tokens are not in one stretch."""
        if not 0 <= start < end <= len(self.old) or not self._a:
            return None
        first = bisect_right(self._a_starts, start) - 1
        last = bisect_right(self._a_starts, end - 1) - 1
        index = bisect_right(self._run_starts, first) - 1
        if index < 0:
            return None
        i, j, size = self._runs[index]
        if last >= i + size:
            return None
        if any(first < z1 and z0 <= last for z0, z1 in self._ambiguous):
            return None
        new_first, new_last = j + (first - i), j + (last - i)
        new_start = self._b[new_first][0] + (start - self._a[first][0])
        new_end = self._b[new_last][0] + (end - self._a[last][0])
        beside = any(self._words[i:first]) or any(self._words[last + 1 : i + size])
        return new_start, new_end, beside


def _count(text: str, words: str) -> int:
    return len(anchoring._occurrences(text, words))


def recover(text: str, anchor: anchoring.Anchor) -> anchoring.Anchor | None:
    """Fresh selectors for an orphan whose words stand, with its whole stored prefix and
    suffix, at exactly one place in `text`; otherwise None."""
    if not anchor.exact:
        return None
    places = [
        at
        for at in anchoring._occurrences(text, anchor.exact)
        if text[max(0, at - len(anchor.prefix)) : at] == anchor.prefix
        and text[at + len(anchor.exact) : at + len(anchor.exact) + len(anchor.suffix)]
        == anchor.suffix
    ]
    if len(places) != 1:
        return None
    return anchoring.describe(text, places[0], places[0] + len(anchor.exact))


def follow(diff: TextDiff | None, text: str, anchor: anchoring.Anchor) -> anchoring.Anchor | None:
    """The annotation's selectors in the new `text`, or None if it is not found (see above).
    Without a diff (the old text is not known) it is found only where it stands unchanged."""
    if diff is None:
        if text[anchor.start : anchor.end] == anchor.exact:
            return anchoring.describe(text, anchor.start, anchor.end)
        return recover(text, anchor)
    if diff.old[anchor.start : anchor.end] != anchor.exact:
        return recover(text, anchor)  # selectors that did not match the old text either
    mapped = diff.map_span(anchor.start, anchor.end)
    if mapped is None:
        return None
    start, end, beside = mapped
    if not beside and not (_count(diff.old, anchor.exact) == 1 == _count(text, anchor.exact)):
        return None
    return anchoring.describe(text, start, end)


def reanchor_article(article: Article, parts=None, before: dict | None = None) -> ReanchorReport:
    """Re-anchor the article's quotes and mentions in `parts` (default: all parts), from the
    texts `before` the edit (part -> text) when known."""
    parts = list(TextPart.values if parts is None else parts)
    diffs = {
        part: TextDiff(before[part], article.text_of(part)) if before else None for part in parts
    }
    report = ReanchorReport()
    for model in (Quote, Mention):
        changed = []
        for annotation in model.objects.filter(article=article, part__in=parts):
            text = article.text_of(annotation.part)
            if annotation.orphaned:
                anchor = recover(text, annotation.anchor)
                if anchor is not None:
                    report.recovered.append(annotation)
            else:
                anchor = follow(diffs[annotation.part], text, annotation.anchor)
                if anchor is None:
                    annotation.orphaned = True
                    changed.append(annotation)
                    report.orphaned.append(annotation)
                    continue
                if anchor == annotation.anchor:
                    continue
                if (anchor.start, anchor.end) != (annotation.start, annotation.end):
                    report.moved.append(annotation)  # else only its context was refreshed
            if anchor is None:
                continue
            annotation.set_anchor(anchor)
            annotation.orphaned = False
            changed.append(annotation)
        _write(model, changed)
        if reversion.is_active():
            for annotation in changed:
                reversion.add_to_revision(annotation)
    return report


def _write(model, changed) -> None:
    """Store the new selectors in two steps: the rows are first marked orphaned, which takes
    them out of the mentions' uniqueness (article, part, start, end, entity), then given their
    final values. Written at once, a mention moving to where another one of the same entity
    stood a moment before would collide with it in mid-update. Orphans keep their last
    offsets, outside that uniqueness, so they never collide either."""
    if not changed:
        return
    model.objects.filter(pk__in=[a.pk for a in changed]).update(orphaned=True)
    model.objects.bulk_update(changed, ANCHOR_FIELDS)


def _remember_old_text(sender, instance, raw=False, **kwargs):
    # Raw saves (a revert, a fixture) skip the fields' own normalizing, but not this: the
    # instance then holds the text exactly as stored.
    instance.normalize_text_fields()
    if instance.pk is None:
        instance._text_before_save = None
        return
    instance._text_before_save = (
        Article.objects.filter(pk=instance.pk).values(*TextPart.values).first()
    )


def _reanchor_changed_parts(sender, instance, created=False, **kwargs):
    before = getattr(instance, "_text_before_save", None)
    instance._text_before_save = None
    if created or not before:
        return
    parts = [part for part in TextPart.values if before[part] != instance.text_of(part)]
    if parts:
        # Callers (the admin) read the report to tell the editor what was lost.
        instance.reanchor_report = reanchor_article(instance, parts, before)


def connect() -> None:
    pre_save.connect(_remember_old_text, sender=Article, dispatch_uid="reanchor-pre")
    post_save.connect(_reanchor_changed_parts, sender=Article, dispatch_uid="reanchor-post")
