"""One module per database engine, with the same functions; `current()` picks the one in use.

What both share lives here: the filters (kind, year, date range, facet values) as SQL over
archive_searchentry `e`, and the shape of the facet-count query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType

from django.db import connection

FACET_LIMIT = 10  # values shown per person/organization/tag facet
# Past this many matches, facet counts and relevance ranking look at this many of them (the
# newest entries on SQLite, the first found on PostgreSQL) and the page says so: counting
# and ranking every match of a common word at 100,000 articles would blow the time budget.
CANDIDATES = 2000


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    person: str | None = None
    organization: str | None = None
    tag: str | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.kind:
            clauses.append("e.kind = %s")
            params.append(self.kind)
        if self.year is not None:
            clauses.append("e.year = %s")
            params.append(self.year)
        if self.date_from:
            clauses.append("e.date >= %s")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("e.date <= %s")
            params.append(self.date_to)
        for facet in ("person", "organization", "tag"):
            value = getattr(self, facet)
            if value is not None:
                clauses.append(
                    "e.id IN (SELECT entry_id FROM archive_searchfacet"
                    " WHERE facet = %s AND key = %s)"
                )
                params += [facet, value]
        return "".join(f" AND {c}" for c in clauses), params


def facet_sql(matched: str, candidates: str) -> str:
    """The total over `matched`, then kind, year and the top values of each entity/tag facet
    over `candidates` (at most CANDIDATES of the matches; both select e.id, e.kind, e.year),
    as rows of (facet, key, label, count). Parameters: matched's, then candidates'.
    CROSS JOIN keeps the few candidates as the outer loop on SQLite, which would otherwise
    scan every facet row and probe the unindexed CTE."""
    return f"""
        WITH m AS MATERIALIZED ({candidates})
        SELECT 'total', '', '', COUNT(*) FROM ({matched}) everything
        UNION ALL
        SELECT 'kind', kind, '', COUNT(*) FROM m GROUP BY kind
        UNION ALL
        SELECT 'year', CAST(year AS TEXT), '', COUNT(*) FROM m WHERE year IS NOT NULL GROUP BY year
        UNION ALL
        SELECT facet, key, label, n FROM (
            SELECT facet, key, label, n,
                   ROW_NUMBER() OVER (PARTITION BY facet ORDER BY n DESC, label) AS place
            FROM (
                SELECT sf.facet, sf.key, MAX(sf.label) AS label, COUNT(*) AS n
                FROM m CROSS JOIN archive_searchfacet sf WHERE sf.entry_id = m.id
                GROUP BY sf.facet, sf.key
            ) counted
        ) ranked WHERE place <= {FACET_LIMIT}
    """


def current() -> ModuleType:
    if connection.vendor == "postgresql":
        from archive.search.backends import postgres

        return postgres
    from archive.search.backends import sqlite

    return sqlite
