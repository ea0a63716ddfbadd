"""Relative dates resolved against the article's date, with their precision."""

import datetime as dt

import pytest

from archive.importer.relative_dates import find_dates

ARTICLE_DAY = dt.date(2004, 4, 6)  # a Tuesday


def resolved(text, day=ARTICLE_DAY):
    (phrase,) = find_dates(text, day)
    return str(phrase.begins), (str(phrase.ends) if phrase.ends else None)


@pytest.mark.parametrize(
    ("text", "begins", "ends"),
    [
        ("He was released last May.", "May 2003", None),
        ("It happened last March.", "March 2004", None),  # the most recent March
        ("He was imprisoned last year.", "2003", None),
        ("Elections are due later this year.", "2004", None),
        ("They met earlier this year.", "2004", None),
        ("A letter sent last week.", "29 March 2004", "4 April 2004"),
        ("Prices rose last month.", "March 2004", None),
        ("They vote next month.", "May 2004", None),
        ("It froze last winter.", "winter 2003", None),
        ("It rained last autumn.", "autumn 2003", None),
        ("The talks resume next spring.", "spring 2005", None),
        ("ahead of autumn parliamentary elections", "autumn 2004", None),
        ("He spoke on Monday.", "5 April 2004", None),
        ("He left last Friday.", "2 April 2004", None),
        ("It closed two years ago.", "2002", None),
        ("They were arrested yesterday.", "5 April 2004", None),
        ("The party was formed in 2001.", "2001", None),
        ("a July 2002 law", "July 2002", None),
        ("on 6 April 2004", "6 April 2004", None),
    ],
)
def test_resolution_and_precision(text, begins, ends):
    assert resolved(text) == (begins, ends)


def test_last_may_in_june_is_the_same_year():
    assert resolved("released last May", dt.date(2004, 6, 20)) == ("May 2004", None)


def test_precision_is_stored_as_the_archive_expects():
    (phrase,) = find_dates("He was released last May.", ARTICLE_DAY)
    assert phrase.begins.precision == "month"
    assert phrase.begins.start == dt.date(2003, 5, 1)
    (phrase,) = find_dates("a letter sent last week", ARTICLE_DAY)
    assert phrase.begins.precision == "day" and phrase.ends.precision == "day"


def test_impossible_day_is_ignored():
    assert find_dates("on 31 February 2004", ARTICLE_DAY) == []
