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
