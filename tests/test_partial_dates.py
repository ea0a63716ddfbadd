import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from archive.dates import PartialDate, Precision, validate_partial_date


@pytest.mark.parametrize(
    ("text", "start", "precision", "shown"),
    [
        ("2004", dt.date(2004, 1, 1), Precision.YEAR, "2004"),
        ("autumn 2004", dt.date(2004, 9, 1), Precision.SEASON, "autumn 2004"),
        ("Fall 2004", dt.date(2004, 9, 1), Precision.SEASON, "autumn 2004"),
        ("2004-23", dt.date(2004, 9, 1), Precision.SEASON, "autumn 2004"),
        ("winter 2004", dt.date(2004, 12, 1), Precision.SEASON, "winter 2004"),
        ("May 2003", dt.date(2003, 5, 1), Precision.MONTH, "May 2003"),
        ("2003-05", dt.date(2003, 5, 1), Precision.MONTH, "May 2003"),
        ("6 April 2004", dt.date(2004, 4, 6), Precision.DAY, "6 April 2004"),
        ("April 6, 2004", dt.date(2004, 4, 6), Precision.DAY, "6 April 2004"),
        ("2004-04-06", dt.date(2004, 4, 6), Precision.DAY, "6 April 2004"),
    ],
)
def test_parse_and_display(text, start, precision, shown):
    value = PartialDate.parse(text)
    assert (value.start, value.precision) == (start, precision)
    assert str(value) == shown
    assert PartialDate.parse(value.edtf()) == value


@pytest.mark.parametrize(
    ("value", "last_day"),
    [
        (PartialDate.year(2004), dt.date(2004, 12, 31)),
        (PartialDate.season(2004, "autumn"), dt.date(2004, 11, 30)),
        (PartialDate.season(2004, "winter"), dt.date(2005, 2, 28)),
        (PartialDate.month(2004, 2), dt.date(2004, 2, 29)),
        (PartialDate.day(2004, 4, 6), dt.date(2004, 4, 6)),
    ],
)
def test_end_is_last_day_of_period(value, last_day):
    assert value.end == last_day
    assert value.contains(last_day)
    assert not value.contains(last_day + dt.timedelta(days=1))


def test_ordering_puts_coarser_period_first_on_the_same_start():
    dates = [
        PartialDate.day(2004, 4, 6),
        PartialDate.year(2004),
        PartialDate.month(2003, 5),
        PartialDate.season(2004, "autumn"),
        PartialDate.month(2004, 1),
    ]
    assert [str(d) for d in sorted(dates)] == [
        "May 2003",
        "2004",
        "January 2004",
        "6 April 2004",
        "autumn 2004",
    ]


@pytest.mark.parametrize(
    "text", ["", "2004-13", "31 February 2004", "someday 2004", "2004-25", "04/06/2004", "spring"]
)
def test_malformed_text_is_rejected_with_a_message(text):
    with pytest.raises(ValueError, match=r"2004|date|season"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "precision", "message"),
    [
        (dt.date(2004, 5, 2), Precision.MONTH, "first day of the month"),
        (dt.date(2004, 10, 1), Precision.SEASON, "season must start"),
        (dt.date(2004, 3, 1), Precision.YEAR, "1 January"),
        (dt.date(2004, 3, 1), "week", "Unknown precision"),
    ],
)
def test_misaligned_start_is_rejected(start, precision, message):
    with pytest.raises(ValueError, match=message):
        PartialDate(start, precision)
    with pytest.raises(ValidationError, match=message):
        validate_partial_date(start, precision, "start")


def test_precision_without_date_is_rejected():
    with pytest.raises(ValidationError, match="Give a date"):
        validate_partial_date(None, Precision.YEAR, "start")
    validate_partial_date(None, "", "start")
