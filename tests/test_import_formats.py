"""Reading the two import formats, and rejecting bad files with a reason."""

import json

import pytest

from archive.dates import PartialDate
from archive.importer.formats import MAX_BYTES, ImportRejected, parse

TEXT = """Headline: Watchdog accuses government
Date: 2004-04-06
Dateline: Prague
Publisher: RFE/RL
Byline: Jane Doe
Source: https://example.org/a/1
Colour: ignored

First paragraph
continues on this line.


Second paragraph.
"""


def test_text_format_reads_the_header_and_normalizes_paragraphs():
    article, extra = parse("a.txt", TEXT.encode())
    assert article.headline == "Watchdog accuses government"
    assert article.published == PartialDate.day(2004, 4, 6)
    assert (article.dateline_place, article.publisher, article.byline) == (
        "Prague",
        "RFE/RL",
        "Jane Doe",
    )
    assert article.source_url == "https://example.org/a/1"
    assert article.body == "First paragraph continues on this line.\n\nSecond paragraph."
    assert extra == {}


def test_json_format_ignores_other_fields_and_keeps_them_for_gold_files():
    data = {
        "headline": "H",
        "published": "2004-04-06",
        "dateline_place": "Almaty",
        "publisher": "RFE/RL",
        "byline": "",
        "source_url": "https://example.org/b",
        "body": "One.\r\n\r\nTwo.",
        "gold": {"quotes": []},
    }
    article, extra = parse("b.json", json.dumps(data).encode())
    assert article.body == "One.\n\nTwo."
    assert article.dateline_place == "Almaty"
    assert extra["gold"] == {"quotes": []}


@pytest.mark.parametrize(
    ("name", "raw", "problem"),
    [
        ("c.json", b'{"headline": "x"', "not valid JSON"),
        ("d.json", b"[1, 2]", "one object"),
        ("e.json", b'{"published": "2004-04-06", "body": "B"}', "headline is missing"),
        ("f.json", b'{"headline": "H", "published": "2004-04-06"}', "body is missing"),
        ("g.json", b'{"headline": "H", "published": "2004-02-30", "body": "B"}', "impossible"),
        ("h.json", b'{"headline": "H", "published": "6 April", "body": "B"}', "not a date such as"),
        ("i.json", b'{"headline": "H", "body": "B"}', "date is missing"),
        ("j.json", b'{"headline": 5, "published": "2004-04-06", "body": "B"}', "must be text"),
        (
            "k.json",
            b'{"headline": "H", "published": "2004-04-06", "body": "B", "source_url": "not a url"}',
            "source URL",
        ),
        ("l.txt", b"\xff\xfe\x00bad", "not UTF-8"),
        ("m.txt", b"This file has no header\n\nBody", "not 'Field: value'"),
        ("n.txt", b"Headline: H\nDate: 2999-01-01\n\nBody", "not a plausible"),
        ("o.txt", b"Headline: H\n\nBody", "date is missing"),
        ("p.txt", b"Headline: H\nDate: 2004-04-06\n\n   \n", "body is missing"),
    ],
)
def test_bad_files_are_rejected_naming_the_file_and_the_problem(name, raw, problem):
    with pytest.raises(ImportRejected) as rejected:
        parse(name, raw)
    assert str(rejected.value).startswith(f"{name}: ")
    assert problem in str(rejected.value)


def test_over_the_size_limit_is_rejected():
    raw = b"Headline: H\nDate: 2004-04-06\n\n" + b"x" * MAX_BYTES
    with pytest.raises(ImportRejected, match="over the limit"):
        parse("big.txt", raw)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2002", PartialDate.year(2002)),
        ("spring 2002", PartialDate.season(2002, "spring")),
        ("Winter 2001", PartialDate.season(2001, "winter")),
        ("2002-05", PartialDate.month(2002, 5)),
        ("May 2002", PartialDate.month(2002, 5)),
        ("6 April 2004", PartialDate.day(2004, 4, 6)),
        ("unknown", None),
        ("Undated", None),
    ],
)
def test_partial_and_unknown_publication_dates_read_in_both_formats(written, expected):
    text = f"Headline: H\nDate: {written}\n\nBody.".encode()
    doc = json.dumps({"headline": "H", "published": written, "body": "Body."}).encode()
    assert parse("a.txt", text)[0].published == expected
    assert parse("a.json", doc)[0].published == expected


@pytest.mark.parametrize("written", ["", "sometime", "spring", "2002-13", "1750", "3000"])
def test_a_missing_or_unreadable_publication_date_is_still_refused(written):
    with pytest.raises(ImportRejected, match="a.txt: "):
        parse("a.txt", f"Headline: H\nDate: {written}\n\nBody.".encode())
