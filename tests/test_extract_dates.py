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


# 8-14 March 2004 ran Monday to Sunday, so every weekday meets every article weekday once.
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ARTICLE_DAYS = [dt.date(2004, 3, 8) + dt.timedelta(days=n) for n in range(7)]


def _one_date(text, day):
    (phrase,) = find_dates(text, day)
    assert phrase.begins.precision == "day" and phrase.ends is None
    return phrase.begins.start


@pytest.mark.parametrize("article_day", ARTICLE_DAYS, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("weekday", range(7), ids=lambda w: WEEKDAY_NAMES[w])
def test_a_weekday_is_the_most_recent_one_on_or_before_the_article(weekday, article_day):
    name = WEEKDAY_NAMES[weekday]
    on = _one_date(f"The minister spoke on {name}.", article_day)
    assert on.weekday() == weekday
    assert article_day - dt.timedelta(days=6) <= on <= article_day
    if weekday == article_day.weekday():
        assert on == article_day  # "on Friday" in Friday's paper is that Friday
    # "last Friday" is strictly before, even when the article is dated a Friday.
    last = _one_date(f"The minister spoke last {name}.", article_day)
    assert last.weekday() == weekday
    assert article_day - dt.timedelta(days=7) <= last < article_day
    # The future tense looks forward: on or after the article's day; "next" strictly after.
    will = _one_date(f"The court will rule on {name}.", article_day)
    assert will.weekday() == weekday
    assert article_day <= will <= article_day + dt.timedelta(days=6)
    following = _one_date(f"The talks resume next {name}.", article_day)
    assert following.weekday() == weekday
    assert article_day < following <= article_day + dt.timedelta(days=7)


def test_friday_in_an_article_of_friday_14_march_is_that_day():
    friday = dt.date(2008, 3, 14)
    assert _one_date("Police detained him on Friday.", friday) == friday
    assert _one_date("The vote took place on Tuesday.", friday) == dt.date(2008, 3, 11)
    assert _one_date("He was questioned on Wednesday.", friday) == dt.date(2008, 3, 12)
    assert _one_date("He left last Friday.", friday) == dt.date(2008, 3, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Thursday, the court is due to announce its verdict.", dt.date(2004, 4, 8)),
        ("Officials said the court will rule on Thursday.", dt.date(2004, 4, 8)),
        ("He will be released on Thursday.", dt.date(2004, 4, 8)),
        ("The hearing is scheduled for this Thursday.", dt.date(2004, 4, 8)),
        ("The court, which will sit again soon, ruled on Thursday.", dt.date(2004, 4, 1)),
        ("He has been released on Thursday, his lawyer said.", dt.date(2004, 4, 1)),
    ],
)
def test_the_nearest_verb_decides_the_tense(text, expected):
    assert _one_date(text, ARTICLE_DAY) == expected
