"""Find direct quotations: the words between double quotation marks, straight or curly.

News conventions this follows: a quotation that runs over several paragraphs leaves its
closing mark off at the end of each paragraph but the last and opens the next paragraph with
a fresh mark; single marks inside double ones quote within the quotation and are part of it;
a trailing comma before the closing mark belongs to the sentence, not to the quotation.
Scare quotes and titles ("the so-called "reforms"", a report titled "Kazakhstan: …") are
found here too and told apart from speech by `attribution`, which knows whether anyone is
said to have said them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«‟"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT


@dataclass
class Span:
    """The words of one quotation within one paragraph (marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None where the paragraph ends open
    paragraph: int
    group: int  # spans of one quotation running over paragraphs share a group
    continued: bool = False  # True when this span continues the group's previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    result, offset = [], 0
    for part in text.split("\n\n"):
        result.append((offset, offset + len(part)))
        offset += len(part) + 2
    return result


def find_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    singles: list[Span] = []
    group = -1
    carry = False  # the previous paragraph ended inside a quotation
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        para = text[p_start:p_end]
        marks = [m.start() for m in re.finditer(f"[{MARKS}]", para)]
        open_at: int | None = None
        continued = False
        if carry and marks and para[: marks[0]].strip() == "":
            open_at, continued = marks.pop(0), True
        elif carry:
            carry = False
        for pos in marks:
            ch = para[pos]
            if open_at is None:
                if ch in CLOSING and pos > 0 and not para[pos - 1].isspace():
                    continue  # a stray closing mark: nothing to close
                open_at = pos
                if not continued:
                    group += 1
                continue
            if ch in OPENING and pos > open_at + 1 and para[pos - 1].isspace():
                # A new opening mark before the last one closed: the writer left one out.
                _add(spans, text, p_start, open_at, pos, index, group, continued, closed=False)
                group += 1
                open_at, continued = pos, False
                continue
            _add(spans, text, p_start, open_at, pos, index, group, continued, closed=True)
            open_at, continued = None, False
        if open_at is not None:
            if not continued and group < 0:
                group = 0
            _add(spans, text, p_start, open_at, len(para), index, group, continued, closed=False)
            carry = True
        else:
            carry = False
        singles.extend(_single_quoted(text, p_start, p_end, index, spans))
    return _renumbered([s for s in spans + singles if s.end > s.start])


def _single_quoted(text: str, p_start: int, p_end: int, index: int, spans: list[Span]):
    """Curly single marks outside double ones: ‘…’ quotes in British style, where ’ before a
    letter is an apostrophe (don’t, Kazakhstan’s) and so does not close."""
    inside = [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans if s.paragraph == index]
    found = []
    for m in re.finditer("‘", text[p_start:p_end]):
        start = p_start + m.start()
        if any(a <= start < b for a, b in inside):
            continue
        if start > p_start and not re.match(r"[\s(:—–-]", text[start - 1]):
            continue
        for c in re.finditer("’", text[start + 1 : p_end]):
            close = start + 1 + c.start()
            if close + 1 < p_end and text[close + 1].isalpha():
                continue
            if len(text[start + 1 : close].split()) >= 2:
                found.append(Span(start + 1, close, start, close, index, -1))
                _trim(text, found[-1])
            break
    return found


def _trim(text: str, span: Span) -> None:
    while span.start < span.end and text[span.start].isspace():
        span.start += 1
    while span.end > span.start and (text[span.end - 1].isspace() or text[span.end - 1] == ","):
        span.end -= 1


def _renumbered(spans: list[Span]) -> list[Span]:
    """Spans in reading order, their groups numbered in the order they begin."""
    spans.sort(key=lambda s: s.open_mark)
    numbers: dict[int, int] = {}
    for span in spans:
        if span.group < 0:
            span.group = len(numbers) + 10_000_000 + span.open_mark
        numbers.setdefault(span.group, len(numbers))
        span.group = numbers[span.group]
    return spans


def _add(spans, text, p_start, open_at, close_at, index, group, continued, closed):
    start, end = p_start + open_at + 1, p_start + close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    spans.append(
        Span(
            start,
            end,
            p_start + open_at,
            p_start + close_at if closed else None,
            index,
            group,
            continued,
        )
    )
