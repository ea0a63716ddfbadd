"""Partial dates: a day, month, season or year, stored as the first day of the period.

News gives dates at many precisions: "6 April 2004", "last May", "autumn", "in 2001". A
PartialDate keeps the precision so pages can say "May 2003" instead of inventing 1 May 2003,
and so a timeline can draw the whole period. Seasons follow the meteorological
(northern-hemisphere) convention: spring is March–May, summer June–August, autumn
September–November, winter December–February (winter 2004 starts 1 December 2004).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

from django.core.exceptions import ValidationError
from django.db import models


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    SEASON = "season", "season"
    YEAR = "year", "year"


# Finer precisions sort after coarser ones that start on the same day ("2004" before "6 April").
# Read once: TextChoices.values builds a new list on every access, and every PartialDate
# checks its precision (an export builds hundreds of thousands of them).
PRECISIONS = frozenset(Precision.values)
PRECISION_RANK = {Precision.YEAR: 0, Precision.SEASON: 1, Precision.MONTH: 2, Precision.DAY: 3}

SEASON_STARTS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
SEASON_MONTHS = {name: month for month, name in SEASON_STARTS.items()}
SEASON_ALIASES = {"fall": "autumn"}
# ISO 8601-2 / EDTF level 1 season codes.
EDTF_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A period named by its first day and its precision."""

    start: dt.date
    precision: str

    def __post_init__(self):
        problem = alignment_problem(self.start, self.precision)
        if problem:
            raise ValueError(problem)

    @classmethod
    def day(cls, year: int, month: int, day: int) -> PartialDate:
        return cls(dt.date(year, month, day), Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        return cls(dt.date(year, month, 1), Precision.MONTH)

    @classmethod
    def season(cls, year: int, season: str) -> PartialDate:
        season = SEASON_ALIASES.get(season.lower(), season.lower())
        if season not in SEASON_MONTHS:
            raise ValueError(f"Unknown season {season!r}: use spring, summer, autumn or winter.")
        return cls(dt.date(year, SEASON_MONTHS[season], 1), Precision.SEASON)

    @classmethod
    def year(cls, year: int) -> PartialDate:
        return cls(dt.date(year, 1, 1), Precision.YEAR)

    @classmethod
    def from_fields(cls, start: dt.date | None, precision: str) -> PartialDate | None:
        if start is None:
            return None
        return cls(start, precision)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "2004", "2004-05", "2004-23" (EDTF season), "2004-04-06", "May 2003",
        "autumn 2004" or "6 April 2004"."""
        raw = " ".join(str(text).split())
        value = raw.lower().replace(",", "")
        try:
            if m := re.fullmatch(r"(\d{4})", value):
                return cls.year(int(m[1]))
            if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
                year, part = int(m[1]), int(m[2])
                if part in EDTF_SEASONS:
                    return cls.season(year, EDTF_SEASONS[part])
                return cls.month(year, part)
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
                return cls.day(int(m[1]), int(m[2]), int(m[3]))
            if m := re.fullmatch(r"([a-z]+) (\d{4})", value):
                word, year = m[1], int(m[2])
                if word in MONTH_NAMES:
                    return cls.month(year, MONTH_NAMES[word])
                return cls.season(year, word)
            if m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", value) or re.fullmatch(
                r"([a-z]+) (\d{1,2}) (\d{4})", value
            ):
                day_part, month_part = (m[1], m[2]) if m[1].isdigit() else (m[2], m[1])
                if month_part in MONTH_NAMES:
                    return cls.day(int(m[3]), MONTH_NAMES[month_part], int(day_part))
        except ValueError as error:
            raise ValueError(f"{raw!r} is not a real date: {error}") from None
        raise ValueError(
            f"{raw!r} is not a date this archive understands; write e.g. 2004, May 2003, "
            "autumn 2004 or 6 April 2004."
        )

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        months = {Precision.DAY: 0, Precision.MONTH: 1, Precision.SEASON: 3, Precision.YEAR: 12}
        if self.precision == Precision.DAY:
            return self.start
        return _add_months(self.start, months[self.precision]) - dt.timedelta(days=1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def edtf(self) -> str:
        """ISO 8601-2 (EDTF) form: 2004, 2004-05, 2004-23, 2004-04-06."""
        if self.precision == Precision.YEAR:
            return f"{self.start.year:04d}"
        if self.precision == Precision.SEASON:
            code = {v: k for k, v in EDTF_SEASONS.items()}[SEASON_STARTS[self.start.month]]
            return f"{self.start.year:04d}-{code}"
        if self.precision == Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def __str__(self) -> str:
        if self.precision == Precision.YEAR:
            return str(self.start.year)
        if self.precision == Precision.SEASON:
            return f"{SEASON_STARTS[self.start.month]} {self.start.year}"
        if self.precision == Precision.MONTH:
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        return f"{self.start.day} {calendar.month_name[self.start.month]} {self.start.year}"

    def _key(self):
        return (self.start, PRECISION_RANK[Precision(self.precision)])

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()


# An article's publication date is a partial date too, or unknown ("Date: unknown"). Its
# column cannot be NULL (the day, the slug and every list are ordered on it), so an undated
# article stores UNDATED, the first day the calendar has: newest first, undated articles
# come after every dated one on every page, summary and API cursor, and first oldest first.
UNKNOWN = "unknown"
UNDATED = dt.date(1, 1, 1)
ARTICLE_PRECISION_CHOICES = [*Precision.choices, (UNKNOWN, "unknown")]


def article_partial(published_on: dt.date, precision: str) -> PartialDate | None:
    """An article's publication date as a PartialDate, or None when it is unknown."""
    if precision == UNKNOWN:
        return None
    return PartialDate(published_on, precision or Precision.DAY)


def publication_span(published_on: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day an article may have been published on: the day itself, its
    month, season or year, or all of time when its date is unknown."""
    partial = article_partial(published_on, precision)
    if partial is None:
        return dt.date.min, dt.date.max
    return partial.start, partial.end


def period_end(published_on: dt.date, precision: str) -> dt.date | None:
    """The last day of an article's date when it is a month, season or year (None for a day,
    or for an unknown date)."""
    partial = article_partial(published_on, precision)
    if partial is None or partial.precision == Precision.DAY:
        return None
    return partial.end


def span_partial(start: dt.date | None, end: dt.date | None) -> PartialDate | None:
    """The partial date whose period is start..end (None: a single day), as search entries
    store it; None when no month, season or year has exactly that period."""
    if start is None:
        return None
    if end is None or end == start:
        return PartialDate(start, Precision.DAY)
    for precision in (Precision.MONTH, Precision.SEASON, Precision.YEAR):
        if alignment_problem(start, precision) is None:
            partial = PartialDate(start, precision)
            if partial.end == end:
                return partial
    return None


def month_of(published_on: dt.date, precision: str) -> int:
    """The month an article is listed under: its own for a day or a month; 0 ("month not
    known") for a season, which spans months, a year, or an unknown date."""
    return published_on.month if precision in (Precision.DAY, Precision.MONTH) else 0


def article_address(published_on: dt.date, precision: str, slug: str) -> str:
    """An article's address below /articles/: 2004/04/06/<slug>/ for a day (every address
    the archive ever gave), 2002/05/<slug>/ for a month, 2002/spring/<slug>/ for a season,
    2002/<slug>/ for a year, undated/<slug>/ when the date is unknown (archive/urls.py)."""
    d = published_on
    if precision == UNKNOWN:
        return f"undated/{slug}/"
    if precision == Precision.YEAR:
        return f"{d.year:04d}/{slug}/"
    if precision == Precision.SEASON:
        return f"{d.year:04d}/{SEASON_STARTS[d.month]}/{slug}/"
    if precision == Precision.MONTH:
        return f"{d.year:04d}/{d.month:02d}/{slug}/"
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d}/{slug}/"


def iso_publication_date(published_on: dt.date, precision: str) -> str | None:
    """ISO 8601 at the date's precision for schema.org and feeds: 2004-04-06, 2002-05,
    2002; a season is given as its year (ISO 8601-1 has no seasons); None when unknown."""
    if precision == UNKNOWN:
        return None
    if precision == Precision.SEASON:
        return f"{published_on.year:04d}"
    return PartialDate(published_on, precision).edtf()


def parse_publication_date(text: str) -> PartialDate | None:
    """An article's date as written in an import: any PartialDate.parse form, or "unknown"
    (also "undated", "n.d.") for None. Raises ValueError."""
    value = " ".join(str(text).split()).lower()
    if value in {"unknown", "undated", "n.d.", "n.d", "nd", "date unknown", "no date"}:
        return None
    return PartialDate.parse(text)


def alignment_problem(start: dt.date | None, precision: str) -> str | None:
    """Why (start, precision) is not a partial date, or None when it is one."""
    if not isinstance(start, dt.date):
        return "A partial date needs a start day."
    if precision not in PRECISIONS:
        return f"Unknown precision {precision!r}: use day, month, season or year."
    if precision == Precision.MONTH and start.day != 1:
        return "A month-precision date must be stored as the first day of the month."
    if precision == Precision.SEASON and (start.day != 1 or start.month not in SEASON_STARTS):
        return "A season must start on 1 March, 1 June, 1 September or 1 December."
    if precision == Precision.YEAR and (start.month, start.day) != (1, 1):
        return "A year-precision date must be stored as 1 January."
    return None


def validate_partial_date(start: dt.date | None, precision: str, field: str) -> None:
    """Model-level check for a (date, precision) pair stored in two columns."""
    if start is None:
        if precision:
            raise ValidationError({f"{field}_precision": "Give a date, or leave precision empty."})
        return
    problem = alignment_problem(start, precision)
    if problem:
        raise ValidationError({field: problem})


def precision_constraint(field: str, name: str) -> models.CheckConstraint:
    """Database guard: a date has a known precision, and no precision stands without a date."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True, f"{field}_precision": ""})
        | models.Q(**{f"{field}__isnull": False, f"{field}_precision__in": Precision.values}),
        name=name,
        violation_error_message="A partial date needs both a day and a precision.",
    )


def precision_field(verbose: str) -> models.CharField:
    return models.CharField(
        f"{verbose} precision",
        max_length=6,
        choices=Precision.choices,
        blank=True,
        help_text="How much of the date is known: the day, the month, the season or the year.",
    )
