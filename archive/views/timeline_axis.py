"""Placing events with partial dates on a time axis.

An event dated "2001" is drawn across the whole of 2001 and one dated "autumn 2004" across
September–November 2004: the bar covers every day the event may have happened on, so the
page never suggests a precision the source does not give.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_WIDTH = 0.6  # per cent of the axis: a single day stays visible as a tick


@dataclass
class Row:
    event: object
    first_day: dt.date
    last_day: dt.date
    left: float
    width: float
    exact: bool  # one known day

    @property
    def dates(self) -> str:
        start, end = self.event.start_partial, self.event.end_partial
        if start and end and end != start:
            return f"{start} – {end}"
        return str(start) if start else "date unknown"


@dataclass
class Tick:
    year: int
    left: float


def layout(events) -> tuple[list[Row], list[Tick]]:
    dated = [e for e in events if e.start_partial]
    if not dated:
        return [], []
    firsts = [e.start_partial.start for e in dated]
    lasts = [(e.end_partial or e.start_partial).end for e in dated]
    first_year, last_year = min(firsts).year, max(lasts).year
    origin = dt.date(first_year, 1, 1)
    total = (dt.date(last_year + 1, 1, 1) - origin).days

    def percent(day: dt.date) -> float:
        return round(100 * (day - origin).days / total, 3)

    rows = []
    for event, first, last in zip(dated, firsts, lasts, strict=True):
        left = percent(first)
        width = max(percent(last + dt.timedelta(days=1)) - left, MIN_WIDTH)
        left = min(left, 100 - width)
        # A dot is one known day; a range of known days ("last week") is a bar like any span.
        exact = event.start_precision == "day" and first == last
        rows.append(Row(event, first, last, left, round(width, 3), exact))
    step = max(1, (last_year - first_year + 1) // 12)
    ticks = [
        Tick(year, percent(dt.date(year, 1, 1))) for year in range(first_year, last_year + 1, step)
    ]
    return rows, ticks
