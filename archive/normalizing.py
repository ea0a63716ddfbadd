"""One normal form for an article's text, whichever path writes it.

Browsers send a textarea's line breaks as CRLF, files arrive with CR or CRLF, text pasted from
web pages brings trailing spaces, no-break spaces on otherwise blank lines and zero-width
characters. None of that is visible to a reader, but each changes where paragraphs break and
where annotations point. So every write of an article's headline, standfirst, body or pull
quote passes through `normalize_text` (see `archive.models.fields`, which applies it in the
form field, on model validation, on save, on bulk_create and on update), and a database
CHECK constraint refuses any CR that some other path might still try to store.

The normal form of a multi-line text:

* line breaks are LF: CRLF, a lone CR and U+2028 become LF; U+2029 (paragraph separator)
  becomes a blank line;
* zero-width characters that carry no meaning in prose (U+200B, U+2060, U+FEFF) are removed;
  zero-width joiners and non-joiners (U+200C, U+200D), which spell some languages, are kept;
* spaces, tabs, no-break spaces and the other Unicode space separators at the end of a line
  are removed, so a line of only such spaces is an empty line;
* paragraphs are separated by exactly one blank line (three or more line breaks become two);
* the text has no leading or trailing whitespace.

No-break spaces *inside* a line are kept: they are deliberate ("10 000", "6 April").
A single-line text (the headline) has its line breaks replaced by spaces instead.

`normalize_with_map` also returns, for every offset of the original text, the offset of the
same place in the normal form, so annotations anchored in un-normalized text can follow it
(the CRLF repair migration and the fixture loader use it).
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|[\u200b\u2060\ufeff]")
_BREAK_AS = {"\u2029": "\n\n", "\u200b": "", "\u2060": "", "\ufeff": ""}
_SPACE = "[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]"
_TRAILING = re.compile(_SPACE + r"+(?=\n|\Z)")
_BLANK_RUN = re.compile(r"\n{3,}")
_ENDS = re.compile(r"\A\s+|\s+\Z")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def _substitute(text: str, pattern: re.Pattern, replace, mapping: list[int] | None):
    """re.sub that also maps each offset of `text` to the offset in the result."""
    out: list[str] = []
    new_map: list[int] = []
    pos = size = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(text[pos:start])
        new_map.extend(range(size, size + start - pos))
        size += start - pos
        replacement = replace(match)
        # Offsets inside the replaced run go to the start of its replacement, clamped to it.
        new_map.extend(min(size + i, size + len(replacement)) for i in range(end - start))
        out.append(replacement)
        size += len(replacement)
        pos = end
    if pos == 0 and not out:
        return text, mapping
    out.append(text[pos:])
    new_map.extend(range(size, size + len(text) - pos + 1))
    if mapping is not None:
        new_map = [new_map[i] for i in mapping]
    return "".join(out), new_map


def normalize_with_map(text: str, multiline: bool = True) -> tuple[str, list[int]]:
    """The normal form of `text` and, for each offset 0..len(text), where it went."""
    mapping = list(range(len(text) + 1))
    if multiline:
        steps = [
            (_BREAKS, lambda m: _BREAK_AS.get(m.group(), "\n")),
            (_TRAILING, lambda m: ""),
            (_BLANK_RUN, lambda m: "\n\n"),
            (_ENDS, lambda m: ""),
        ]
    else:
        steps = [
            (_BREAKS, lambda m: _BREAK_AS.get(m.group(), "\n")),
            (_LINE_BREAKS, lambda m: " "),
            (_ENDS, lambda m: ""),
        ]
    for pattern, replace in steps:
        text, mapping = _substitute(text, pattern, replace, mapping)
    return text, mapping


def normalize_text(text, multiline: bool = True):
    """The normal form of `text` (None and non-strings pass through unchanged)."""
    if not isinstance(text, str):
        return text
    # The common case, already normal, without building the offset map.
    plain = not (_BREAKS.search(text) or _TRAILING.search(text) or _BLANK_RUN.search(text))
    if multiline and plain:
        return text.strip() if text[:1].isspace() or text[-1:].isspace() else text
    return normalize_with_map(text, multiline)[0]


def normalize_line_breaks(text):
    """CRLF and CR as LF, nothing else: for words an editor types to find in the text."""
    if not isinstance(text, str):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
