"""One module per database engine, with the same functions; `current()` picks the one in use.

What both share lives here: the filters (kind, year and facet values as filter tokens, the
date range as SQL over archive_searchentry `e`), and the shape of the facet-count query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType

from django.db import connection

# PostgreSQL: narrowing by kind, year or facet value, `to_tsvector('simple', e.filters) @@
# to_tsquery('simple', 'token & token')` (backends/postgres.py); created by migration 0008
# and again after a bulk load.
FILTERS_INDEX = (
    "CREATE INDEX archive_search_filters_idx ON archive_searchentry"
    " USING GIN (to_tsvector('simple'::regconfig, filters))"
)
FACET_LIMIT = 10  # values shown per person/organization/tag facet
# Past this many matches, facet counts and relevance ranking look at this many of them (the
# newest entries on SQLite, the first found on PostgreSQL) and the page says so: counting
# and ranking every match of a common word at 100,000 articles would blow the time budget.
CANDIDATES = 2000


def filter_token(name: str, value) -> str:
    """The word standing for "kind/year/facet = value" in SearchEntry.filters.

    Letters and digits only, so every full-text tokenizer keeps it whole; facet keys (entity
    ids, tag slugs with hyphens) are spelled in hex. The final 0 keeps the porter stemmer,
    which only strips letter suffixes, from touching it, and no English word looks like it.
    """
    name, value = str(name), str(value)
    if name == "kind":
        return f"xk{value}0"
    if name == "year":
        return f"xy{value}0"
    return f"x{name[0]}{value.encode('utf-8').hex()}0"


def filter_words(kind: str, year: int | None, facets) -> str:
    """SearchEntry.filters: the filter tokens of an entry, from its kind, year and the
    (facet, key) pairs it carries. The SQL that fills the column in migration 0008 spells
    the same thing; tests/test_search_index.py checks that they agree."""
    tokens = [filter_token("kind", kind)]
    if year is not None:
        tokens.append(filter_token("year", year))
    tokens += [filter_token(facet, key) for facet, key in sorted(facets)]
    return " ".join(tokens)


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    person: str | None = None
    organization: str | None = None
    tag: str | None = None

    def tokens(self) -> list[str]:
        """The filter tokens every match must carry (kind, year, facet values): on SQLite
        they are ANDed into the full-text query, so narrowing never reads the rows."""
        tokens = []
        for name in ("kind", "year", "person", "organization", "tag"):
            value = getattr(self, name)
            if value is not None and value != "":
                tokens.append(filter_token(name, value))
        return tokens

    def range_sql(self) -> tuple[str, list]:
        """The date range alone, as SQL over `e` (the part tokens cannot say)."""
        clauses, params = [], []
        # Overlap: an article of "2002" is within "from 2002-06" (it may be of June or later),
        # as an event that began before the range and ended in it.
        if self.date_from:
            clauses.append("COALESCE(e.date_end, e.date) >= %s")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("e.date <= %s")
            params.append(self.date_to)
        return "".join(f" AND {c}" for c in clauses), params


def facet_sql(counted: str, candidates: str) -> str:
    """The total (`counted` selects the rows to count; it may read the CTE `m`), then kind,
    year and the top values of each entity/tag facet over `candidates` (e.id, e.kind, e.year
    of the matches, newest first; only the first CANDIDATES are counted), as rows of
    (facet, key, label, count). Parameters: candidates', then counted's.

    The facet values are found from the candidates through search_facet_entry_idx, which
    holds every column the count needs: CROSS JOIN keeps SQLite from starting at the facet
    table instead and reading all of it."""
    return f"""
        WITH m AS MATERIALIZED ({candidates}),
        s AS MATERIALIZED (SELECT * FROM m LIMIT {CANDIDATES})
        SELECT 'total', '', '', COUNT(*) FROM ({counted}) everything
        UNION ALL
        SELECT 'kind', kind, '', COUNT(*) FROM s GROUP BY kind
        UNION ALL
        SELECT 'year', CAST(year AS TEXT), '', COUNT(*) FROM s WHERE year IS NOT NULL GROUP BY year
        UNION ALL
        SELECT facet, key, label, n FROM (
            SELECT facet, key, label, n,
                   ROW_NUMBER() OVER (PARTITION BY facet ORDER BY n DESC, label) AS place
            FROM (
                SELECT sf.facet, sf.key, MAX(sf.label) AS label, COUNT(*) AS n
                FROM s CROSS JOIN archive_searchfacet sf WHERE sf.entry_id = s.id
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
