"""The two import formats, read into one `ArticleData`, or rejected with a reason.

Plain text: a header of `Field: value` lines, a blank line, then the body (paragraphs
separated by blank lines)::

    Headline: Kazakhstan: HRW Report Accuses Government Of Harassing Opposition
    Date: 2004-04-06
    Dateline: Prague
    Publisher: RFE/RL
    Byline: Jane Doe
    Source: https://www.rferl.org/a/1052186.html

    The body's first paragraph...

Headline and Date are required. The date is a day (2004-04-06, 6 April 2004), a month
(2002-05, May 2002), a season (spring 2002, 2002-21) or a year (2002), or `unknown` for an
undated clipping (archive.dates.parse_publication_date). Field names are case-insensitive,
unknown fields are ignored. JSON: one object with `headline`, `published` (a date as
above), `dateline_place`, `publisher`, `byline`, `source_url` and `body`; other fields are
ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from archive.dates import PartialDate, parse_publication_date

MAX_BYTES = 1_000_000  # a very long news article is ~100 KB; anything bigger is not one
MAX_HEADLINE = 300  # Article.headline's max_length

TEXT_FIELDS = {
    "headline": "headline",
    "title": "headline",
    "date": "published",
    "published": "published",
    "dateline": "dateline_place",
    "publisher": "publisher",
    "byline": "byline",
    "source": "source_url",
    "source url": "source_url",
    "url": "source_url",
}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z ]{0,20}):\s*(.*)$")


class ImportRejected(ValueError):
    """The file cannot be imported; the message names the file and the problem."""


@dataclass
class ArticleData:
    headline: str
    published: PartialDate | None  # None: the date is unknown
    body: str
    dateline_place: str = ""
    publisher: str = ""
    byline: str = ""
    source_url: str = ""


def normalize_body(text: str) -> str:
    """Paragraphs separated by exactly one blank line, each stripped; line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _decode(name: str, raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise ImportRejected(
            f"{name}: the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRejected(
            f"{name}: not UTF-8 text (bad byte at position {error.start})."
        ) from None
    if "\x00" in text:
        raise ImportRejected(f"{name}: not a text file (it contains NUL bytes).")
    if not text.strip():
        raise ImportRejected(
            f"{name}: the file is empty."
            if not raw
            else f"{name}: the file holds only blank space."
        )
    return text


def _date(name: str, value) -> PartialDate | None:
    if not isinstance(value, str) or not value.strip():
        raise ImportRejected(
            f"{name}: the publication date is missing (write 'Date: unknown' for an undated "
            "article)."
        )
    value = value.strip()
    try:
        date = parse_publication_date(value)
    except ValueError as error:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ImportRejected(f"{name}: the date {value!r} is impossible ({error}).") from None
        raise ImportRejected(
            f"{name}: the date {value!r} is not a date such as 2004-04-06, May 2002, "
            "spring 2002, 2002 or unknown."
        ) from None
    if date is not None and (
        date.start.year < 1800 or date.start > dt.date.today() + dt.timedelta(days=1)
    ):
        raise ImportRejected(f"{name}: the date {value!r} is not a plausible publication date.")
    return date


def _build(name: str, fields: dict) -> ArticleData:
    def text(key: str) -> str:
        value = fields.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ImportRejected(f"{name}: the field {key!r} must be text.")
        return " ".join(value.split())

    headline = text("headline")
    if not headline:
        raise ImportRejected(f"{name}: the headline is missing.")
    if len(headline) > MAX_HEADLINE:
        raise ImportRejected(f"{name}: the headline is longer than {MAX_HEADLINE} characters.")
    body = fields.get("body")
    if body is not None and not isinstance(body, str):
        raise ImportRejected(f"{name}: the body must be text.")
    body = normalize_body(body or "")
    if not body:
        raise ImportRejected(f"{name}: the body is missing.")
    source_url = text("source_url")
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise ImportRejected(f"{name}: the source URL {source_url!r} is not valid.") from None
    return ArticleData(
        headline=headline,
        published=_date(name, fields.get("published")),
        body=body,
        dateline_place=text("dateline_place"),
        publisher=text("publisher"),
        byline=text("byline"),
        source_url=source_url,
    )


def parse_json(name: str, text: str) -> ArticleData:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{name}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})."
        ) from None
    if not isinstance(data, dict):
        raise ImportRejected(f"{name}: the JSON must be one object with the article's fields.")
    return _build(name, data)


def parse_text(name: str, text: str) -> ArticleData:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n")
    header, _, body = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if not match:
            raise ImportRejected(
                f"{name}: the header line {line.strip()[:60]!r} is not 'Field: value'; "
                "start the file with Headline:, Date: and the other fields, then a blank line."
            )
        key = TEXT_FIELDS.get(match[1].strip().lower())
        if key:
            fields[key] = match[2]
    fields["body"] = body
    return _build(name, fields)


def parse(name: str, raw: bytes) -> tuple[ArticleData, dict]:
    """Read one file; JSON when the name ends in .json or the text starts with "{".

    Returns the article and the parsed JSON object (empty for text), which gold files use."""
    text = _decode(name, raw)
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        article = parse_json(name, text)
        return article, json.loads(text)
    return parse_text(name, text), {}
