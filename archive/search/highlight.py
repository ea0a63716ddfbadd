"""Highlighted text from the engines, made safe to show.

Both engines mark matches with two private-use characters (never left in indexed text);
the text is escaped piece by piece and the marks become <mark> elements, so nothing from
an article ever reaches the page unescaped.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

START, STOP = "\ue000", "\ue001"
ELLIPSIS = "…"


def strip_marks(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def has_marks(text: str | None) -> bool:
    return bool(text) and START in text


def to_html(marked: str) -> SafeString:
    """Escape `marked` and turn START…STOP spans into <mark>…</mark>."""
    pieces = []
    for i, chunk in enumerate(marked.split(START)):
        if i == 0:
            pieces.append((chunk, ""))
            continue
        inside, _, after = chunk.partition(STOP)
        pieces.append(("", inside))
        pieces.append((strip_marks(after), ""))
    return format_html_join(
        "",
        "{}{}",
        (
            (plain, format_html("<mark>{}</mark>", marked) if marked else "")
            for plain, marked in pieces
        ),
    )


def shorten(text: str, words: int = 40) -> str:
    split = text.split()
    if len(split) <= words:
        return " ".join(split)
    return " ".join(split[:words]) + " " + ELLIPSIS
