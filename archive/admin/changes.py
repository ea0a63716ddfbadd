"""What changed between two versions in the history: a word-level difference of each field.

Both values are split into the re-anchoring's tokens (words, runs of whitespace, single
punctuation marks: archive.reanchoring.tokens) and compared with difflib; deleted words are
marked <del>, inserted words <ins>, and unchanged text between changes is kept only for a few
words either side, so a one-word edit in a long body shows that word in its context, not the
whole body (nor, as before, its first 120 characters twice). All text is escaped.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from archive.reanchoring import tokens

# Unchanged words kept on each side of a change; longer unchanged stretches are cut to "…".
CONTEXT_WORDS = 8
# A first version is shown whole up to this many characters, then cut.
SHOWN_CHARS = 300
GAP = "…"


def _context(run: list[str], keep_head: bool, keep_tail: bool) -> str:
    """An unchanged run of tokens, with only CONTEXT_WORDS words kept next to the changes
    on its `keep_head` (a change before it) and `keep_tail` (a change after it) sides."""
    words = [i for i, t in enumerate(run) if t[:1].isalnum()]
    if len(words) <= CONTEXT_WORDS * (keep_head + keep_tail) + 1:
        return "".join(run)
    # The head ends on a word and the tail starts on one; the space around the gap stays.
    head = "".join(run[: words[CONTEXT_WORDS - 1] + 1]) + " " if keep_head else ""
    tail = " " + "".join(run[words[-CONTEXT_WORDS] :]) if keep_tail else ""
    return f"{head}{GAP}{tail}"


def _segments(old: list[str], new: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(unchanged?, old tokens, new tokens) runs; a lone space between two changes is made
    part of them ("<del>last week</del><ins>on Monday</ins>", not word by word)."""
    segments: list[tuple[bool, list[str], list[str]]] = []
    ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        equal = tag == "equal"
        between = 0 < index < len(ops) - 1
        if equal and between and all(t.isspace() for t in old[i1:i2]):
            equal = False
        if segments and not equal and not segments[-1][0]:
            _, was, now = segments.pop()
            segments.append((False, was + old[i1:i2], now + new[j1:j2]))
        else:
            segments.append((equal, old[i1:i2], new[j1:j2]))
    return segments


def word_diff(before: str, after: str) -> SafeString:
    """HTML: `after` compared with `before`, word by word (see the module's note)."""
    segments = _segments(tokens(before), tokens(after))
    html = []
    for index, (equal, old, new) in enumerate(segments):
        if equal:
            text = _context(old, keep_head=index > 0, keep_tail=index < len(segments) - 1)
            html.append(escape(text))
            continue
        if old:
            html.append(format_html("<del>{}</del>", "".join(old)))
        if new:
            html.append(format_html("<ins>{}</ins>", "".join(new)))
    return mark_safe("".join(html))  # noqa: S308 (every piece is escaped above)


def shown(value) -> str:
    """A field's value as text, cut to SHOWN_CHARS (for a first version, with no diff)."""
    text = "" if value is None else str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + GAP
