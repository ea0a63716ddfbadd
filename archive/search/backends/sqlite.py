"""SQLite: FTS5 with the porter stemmer, bm25 with column weights, snippet() and highlight(),
and a trigram FTS5 table over folded name keys for "did you mean"."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection, transaction
from rapidfuzz import fuzz

from archive.search import backends
from archive.search.backends import Filters, facet_sql
from archive.search.highlight import START, STOP
from archive.search.query import AnyOf, Query, Words

NEAR_ENOUGH = 0.75  # rapidfuzz ratio / 100 for "did you mean"

# bm25 weights of title, lead, body, folded and filters, in that order: a headline hit counts
# most; the filter tokens only narrow, they never rank.
RANK = "bm25(archive_search_fts, 10.0, 4.0, 1.0, 2.0, 0.0)"
CONTENT = "{title lead body}"


def _phrase(tokens) -> str:
    # Tokens are letters and digits only (query.py); quoting makes each a literal string.
    return '"' + " ".join(tokens) + '"'


def _words(words: Words) -> str:
    folded = words.folded
    alternatives = [f"{CONTENT} : {_phrase(words.tokens)}"]
    if folded:
        alternatives.append(f"folded : {_phrase(folded)}")
    return "(" + " OR ".join(alternatives) + ")"


def _item(item) -> str:
    if isinstance(item, AnyOf):
        return "(" + " OR ".join(_words(w) for w in item.options) + ")"
    return _words(item)


def compile_match(query: Query, filters: Filters | None = None) -> str:
    """The FTS5 MATCH expression for a parsed query (which has at least one positive item),
    with the filters' tokens ANDed in: narrowing by kind, year or facet value is a merge of
    doclists inside FTS5, never a lookup of every matched row."""
    expression = " AND ".join(_item(item) for item in query.must)
    for words in query.must_not:
        expression = f"({expression}) NOT {_words(words)}"
    tokens = filters.tokens() if filters else []
    if tokens:
        expression = f"({expression}) AND " + " AND ".join(
            f"filters : {_phrase([t])}" for t in tokens
        )
    return expression


def _matched(query: Query, filters: Filters, columns: str) -> tuple[str, list]:
    """The matches as `SELECT columns`, which may use e.id, e.kind, e.year and e.date: they
    are read from search_entry_row_idx, not from rows that carry the whole text."""
    # CROSS JOIN keeps the full-text table as the outer loop: SQLite would otherwise start
    # from a filter and run the MATCH once per candidate row.
    where, params = filters.range_sql()
    sql = f"""
        SELECT {columns} FROM archive_search_fts
        CROSS JOIN archive_searchentry e INDEXED BY search_entry_row_idx
        ON e.id = archive_search_fts.rowid
        WHERE archive_search_fts MATCH %s{where}
    """
    return sql, [compile_match(query, filters), *params]


CAPS_TOTAL = False  # the total is exact: FTS5 counts a doclist without reading rows
SAMPLE = "the {} newest"  # which matches the facets and the ranking cover when sampled


# FTS5 walks its doclists newest row first for ORDER BY rowid DESC, so a LIMIT stops early.
def _newest() -> str:
    return f"ORDER BY archive_search_fts.rowid DESC LIMIT {backends.CANDIDATES}"


def first_matches(query: Query, filters: Filters) -> None:
    """FTS5 counts and samples within one cheap pass each; nothing is worth carrying over."""
    return None


def facet_counts(query: Query, filters: Filters, found=None) -> list[tuple]:
    matched, params = _matched(query, filters, "e.id, e.kind, e.year")
    counted, count_params = matched, params
    if not filters.range_sql()[0]:
        # Without a date range the total is the full-text table's alone: no row lookups.
        counted = "SELECT rowid FROM archive_search_fts WHERE archive_search_fts MATCH %s"
        count_params = [compile_match(query, filters)]
    with connection.cursor() as cursor:
        cursor.execute(facet_sql(counted, f"{matched} {_newest()}"), params + count_params)
        return cursor.fetchall()


def page(
    query: Query, filters: Filters, sort: str, offset: int, limit: int, found=None
) -> list[int]:
    if sort == "date":
        matched, params = _matched(query, filters, "e.id")
        sql = f"{matched} ORDER BY e.date DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s"
    else:
        # bm25 only for the candidates (all of them, when there are fewer).
        matched, params = _matched(query, filters, f"e.id, {RANK} AS score")
        sql = f"""SELECT id FROM ({matched} {_newest()}) candidates
                  ORDER BY score, id LIMIT %s OFFSET %s"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


SEEK_WORDS = 2  # up to this many words, marked() seeks each shown row; past it, it scans


def marked(ids: list[int], words: list[Words]) -> dict[int, tuple[str, str, str]]:
    """Title, lead and body excerpts with the words marked, for the shown rows only. A row
    whose text has none of the words as spelled (it matched a folded key) comes back with
    nothing marked, and the caller shows it plainly.

    The MATCH has no column filter (one costs several times more per row; highlight() and
    snippet() only read the text columns anyway). With a word or two, FTS5 seeks each row
    (`rowid IN`); with more (a name and its spellings), a seek per word per row costs more
    than one pass over the words' doclists, so `+rowid` keeps the rowids out of the index."""
    if not ids or not words:
        return {}
    match = " OR ".join(_phrase(w.tokens) for w in words)
    marks = f"'{START}', '{STOP}'"
    placeholders = ", ".join(["%s"] * len(ids))
    rowid = "rowid" if len(words) <= SEEK_WORDS else "+rowid"
    sql = f"""
        SELECT rowid, highlight(archive_search_fts, 0, {marks}),
               snippet(archive_search_fts, 1, {marks}, '…', 32),
               snippet(archive_search_fts, 2, {marks}, '…', 32)
        FROM archive_search_fts
        WHERE archive_search_fts MATCH %s AND {rowid} IN ({placeholders})
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *ids])
        return {row[0]: row[1:] for row in cursor.fetchall()}


def near_names(keys: list[str], limit: int = 20) -> dict[str, tuple[str, float]]:
    """For each folded key, the closest single-word name key and how close (0–1): candidates
    share trigrams with it (the trigram index), the closest is picked by edit similarity."""
    candidates: dict[str, list[tuple[str, str]]] = {}
    parts, params = [], []
    for key in keys:
        trigrams = {key[i : i + 3] for i in range(len(key) - 2)}
        if not trigrams:
            continue
        parts.append(
            f"""SELECT * FROM (
                SELECT %s, n.key, n.text, n.canonical FROM archive_search_name_trigram t
                JOIN archive_searchname n ON n.id = t.rowid
                WHERE archive_search_name_trigram MATCH %s AND instr(n.key, ' ') = 0
                ORDER BY t.rank LIMIT {limit})"""
        )
        params += [key, " OR ".join(_phrase([t]) for t in sorted(trigrams))]
    if not parts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for key, name_key, text, canonical in cursor.fetchall():
            candidates.setdefault(key, []).append((name_key, text, canonical))
    best = {}
    for key, found in candidates.items():
        # The closest key; of its spellings, the entity's own, else one in Latin letters.
        name_key, text, _ = max(
            found, key=lambda c: (fuzz.ratio(key, c[0]), c[2], c[1].isascii(), c[1])
        )
        best[key] = (text, fuzz.ratio(key, name_key) / 100)
    return best


def prefix_filter(queryset, prefix: str):
    # Keys are [0-9a-z ] only, so "{" sorts after every key that starts with the prefix; a
    # range lets SQLite use the index on key, which LIKE with Django's ESCAPE clause cannot.
    return queryset.filter(key__gte=prefix, key__lt=prefix + "{")


@contextmanager
def bulk_loading(live: bool = False):
    """Refill the index without per-row trigger work: set the triggers aside (their SQL is
    read back from sqlite_master), load, put them back and rebuild both FTS5 tables from
    their content tables in one pass each. All in one transaction.

    `live`: the caller deletes every index row without triggers (`_raw_delete`) and inserts
    them all again: both FTS5 tables are emptied at once and only their insert triggers put
    back for the load, so the text is tokenized as each row goes in (while other processes
    build the next rows) and nothing is rebuilt at the end."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('archive_searchentry', 'archive_searchname')"
        )
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        tables = ("archive_search_fts", "archive_search_name_trigram")
        inserts = [(n, sql) for n, sql in triggers if "AFTER INSERT" in sql.upper()] if live else []
        if live:
            for table in tables:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
            for _, sql in inserts:
                cursor.execute(sql)
        yield
        for name, sql in triggers:
            if (name, sql) not in inserts:
                cursor.execute(sql)
        if not live:
            for table in tables:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
