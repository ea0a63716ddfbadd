"""Dates an article gives relative to its own date: "last May", "last year", "later this
year", "last week", resolved with the precision the words carry.

Conventions: "last May" is the most recent May before the article's month (in an article of
6 April 2004, May 2003; in one of 20 June 2004, May 2004); "this May" and a bare "in May" are
the May of the article's year; "next May" the first May after the article's month. Weeks run
Monday to Sunday, so "last week" is the whole previous week as a day-precision range.

A weekday ("on Friday", "this Friday") names the most recent such day on or before the
article's date (news says "on Friday" of the day it is published), unless the sentence's
verb nearest the weekday is in the future ("will meet on Friday", "is due to rule on
Friday"): then the first such day on or after it. "last Friday" is always strictly before
the article's date and "next Friday" strictly after.
Seasons are the archive's meteorological ones (`archive.dates`).

An article dated only to a month, season or year, or not at all, gives its relative dates
only as precisely as its own date allows (`find_dates` with a PartialDate or None): each
phrase is resolved against the first and the last day of the article's period (every
resolution moves forward with the article's day, so all of them lie between those two), and
kept when both agree; otherwise it becomes the smallest month, season or year holding both,
or is left out when none does. An undated article keeps only dates that name themselves
("6 April 2004", "May 2003", "in 2001").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from archive.dates import SEASON_ALIASES, PartialDate
from archive.importer.text import sentence_end_after, sentence_starts

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = "|".join(MONTHS)
_SEASON = "spring|summer|autumn|fall|winter"
_WEEKDAY = "|".join(WEEKDAYS)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}

PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<rel>last|this|next|later this|earlier this|late last|early last|early next|"
    rf"late next|this past|past)\s+(?P<unit>year|month|week|{_MONTH}|{_SEASON}|{_WEEKDAY})"
    rf"|(?:in|on|by|since|until)\s+(?P<bare>{_MONTH}|{_WEEKDAY})(?!\s+\d)"
    rf"|(?:in\s+(?:the\s+)?)?(?P<season_this>{_SEASON})(?=\s+(?:parliamentary|presidential|"
    rf"local|general|elections?|polls?|vote))"
    rf"|(?P<count>\d+|{'|'.join(_NUMBERS)})\s+(?P<ago_unit>years?|months?|weeks?|days?)\s+ago"
    rf"|(?P<day_word>yesterday|today|tomorrow)"
    rf"|(?P<dmy_day>\d{{1,2}})\s+(?P<dmy_month>{_MONTH})\s+(?P<dmy_year>\d{{4}})"
    rf"|(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>\d{{1,2}}),?\s+(?P<mdy_year>\d{{4}})"
    rf"|(?P<month_year>{_MONTH})\s+(?P<year_of_month>\d{{4}})"
    rf"|\bin\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\d)"
    rf")",
    re.I,
)


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    phrase: str
    begins: PartialDate
    ends: PartialDate | None = None


def _month_shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _season_of(day: dt.date) -> PartialDate:
    month = (day.month // 3) * 3 if day.month >= 3 else 12
    year = day.year if day.month >= 3 else day.year - 1
    return PartialDate(dt.date(year, month, 1), "season")


def resolve(
    m: re.Match, today: dt.date, future_tense: bool = False
) -> tuple[PartialDate, PartialDate | None] | None:
    """The dates `m` names in an article of `today`; `future_tense` when its verb is future
    (only a bare or "this" weekday depends on it)."""
    rel = (m["rel"] or "").lower()
    if m["unit"]:
        unit = m["unit"].lower()
        past = rel in {"last", "late last", "early last", "this past", "past"}
        future = rel in {"next", "early next", "late next"}
        if unit == "year":
            year = today.year - 1 if past else today.year + 1 if future else today.year
            return PartialDate.year(year), None
        if unit == "month":
            step = -1 if past else 1 if future else 0
            return PartialDate(_month_shift(today, step), "month"), None
        if unit == "week":
            monday = today - dt.timedelta(days=today.weekday())
            step = -7 if past else 7 if future else 0
            first = monday + dt.timedelta(days=step)
            return (
                PartialDate(first, "day"),
                PartialDate(first + dt.timedelta(days=6), "day"),
            )
        if unit in MONTHS:
            month = MONTHS[unit]
            if past:
                year = today.year if month < today.month else today.year - 1
            elif future:
                year = today.year if month > today.month else today.year + 1
            else:
                year = today.year
            return PartialDate.month(year, month), None
        if unit in WEEKDAYS:
            if past or future:
                return _weekday(today, WEEKDAYS[unit], "before" if past else "after"), None
            return _weekday(today, WEEKDAYS[unit], _tense(future_tense)), None
        season = SEASON_ALIASES.get(unit, unit)
        this = PartialDate.season(today.year, season)
        current = _season_of(today)
        if past:
            year = today.year - 1 if this.start >= current.start else today.year
            if season == "winter" and today.month <= 2:
                year = today.year - 2
            elif season == "winter":
                year = today.year - 1
        elif future:
            year = today.year + 1 if this.start <= current.start else today.year
        else:
            year = today.year
        return PartialDate.season(year, season), None
    if m["bare"]:
        word = m["bare"].lower()
        if word in WEEKDAYS:
            return _weekday(today, WEEKDAYS[word], _tense(future_tense)), None
        return PartialDate.month(today.year, MONTHS[word]), None
    if m["season_this"]:
        return PartialDate.season(today.year, m["season_this"].lower()), None
    if m["count"]:
        count = _NUMBERS.get(m["count"].lower()) or int(m["count"])
        unit = m["ago_unit"].lower().rstrip("s")
        if unit == "year":
            return PartialDate.year(today.year - count), None
        if unit == "month":
            return PartialDate(_month_shift(today, -count), "month"), None
        days = count * (7 if unit == "week" else 1)
        return PartialDate(today - dt.timedelta(days=days), "day"), None
    if m["day_word"]:
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m["day_word"].lower()]
        return PartialDate(today + dt.timedelta(days=shift), "day"), None
    if m["dmy_day"] or m["mdy_day"]:
        day, month, year = (
            (m["dmy_day"], m["dmy_month"], m["dmy_year"])
            if m["dmy_day"]
            else (m["mdy_day"], m["mdy_month"], m["mdy_year"])
        )
        try:
            return PartialDate.day(int(year), MONTHS[month.lower()], int(day)), None
        except ValueError:
            return None  # "31 February 2004" names no day
    if m["month_year"]:
        return PartialDate.month(int(m["year_of_month"]), MONTHS[m["month_year"].lower()]), None
    if m["year"]:
        return PartialDate.year(int(m["year"])), None
    return None


def _tense(future: bool) -> str:
    return "on or after" if future else "on or before"


def _weekday(today: dt.date, weekday: int, relation: str) -> PartialDate:
    """The weekday nearest the article's day in `relation` to it: "before" ("last Friday"),
    "on or before" ("on Friday"), "on or after" ("will meet on Friday"), "after" ("next
    Friday")."""
    if relation in {"after", "on or after"}:
        days = (weekday - today.weekday()) % 7
        if relation == "after":
            days = days or 7
        return PartialDate(today + dt.timedelta(days=days), "day")
    days = (today.weekday() - weekday) % 7
    if relation == "before":
        days = days or 7
    return PartialDate(today - dt.timedelta(days=days), "day")


# The verb nearest a weekday decides its tense: a future marker ("will", "is due to") or a
# past one ("was", "said", a verb in -ed that is not after "be"/"been"/"being", which would
# make it passive: "will be released").
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|is to|are to|is due|are due|due to|is set to|are set to|"
    r"scheduled|expected to|plans? to|planning to|going to|intends? to|is expected|"
    r"are expected)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|spoke|left|came|went|took|gave|held|began|"
    r"wrote|sent|made|got|saw|found|(?<!\bbe )(?<!\bbeen )(?<!\bbeing )[a-z]+ed)\b",
    re.I,
)


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the verb nearest text[start:end], in its sentence, is in the future."""
    starts = sentence_starts(text)
    sentence_start = max(s for s in starts if s <= start)
    sentence_end = sentence_end_after(text, end)
    nearest = None  # (distance, is_future)
    for pattern, future in ((_FUTURE, True), (_PAST, False)):
        for m in pattern.finditer(text, sentence_start, sentence_end):
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if nearest is None or distance < nearest[0]:
                nearest = (distance, future)
    return bool(nearest and nearest[1])


def _absolute(m: re.Match) -> bool:
    return bool(m["dmy_day"] or m["mdy_day"] or m["month_year"] or m["year"])


def _covering(first: dt.date, last: dt.date) -> PartialDate | None:
    """The smallest month, season or year holding first..last, if any."""
    for candidate in (
        PartialDate.month(first.year, first.month),
        _season_of(first),
        PartialDate.year(first.year),
    ):
        if candidate.contains(last):
            return candidate
    return None


def _resolve_within(
    m: re.Match, period: PartialDate | None, future: bool
) -> tuple[PartialDate, PartialDate | None] | None:
    """`resolve` for an article dated `period` (None: unknown)."""
    if period is None:
        # Any day stands in: a date that names itself does not depend on it.
        return resolve(m, dt.date(2000, 1, 1), future) if _absolute(m) else None
    if period.precision == "day":
        return resolve(m, period.start, future)
    early = resolve(m, period.start, future)
    late = resolve(m, period.end, future)
    if early is None or late is None:
        return None
    if early == late:
        return early
    first = early[0].start
    last = (late[1] or late[0]).end
    covering = _covering(first, last)
    return (covering, None) if covering else None


def find_dates(text: str, today: dt.date | PartialDate | None) -> list[DatePhrase]:
    """The dates `text` names, resolved against its article's date: a day, a PartialDate
    (the article's date at its precision) or None (unknown)."""
    period = PartialDate(today, "day") if isinstance(today, dt.date) else today
    found = []
    for m in PATTERN.finditer(text):
        weekday = (m["bare"] or m["unit"] or "").lower() in WEEKDAYS
        future = weekday and _is_future(text, m.start(), m.end())
        resolved = _resolve_within(m, period, future)
        if resolved:
            begins, ends = resolved
            found.append(DatePhrase(m.start(), m.end(), m[0], begins, ends))
    return found
