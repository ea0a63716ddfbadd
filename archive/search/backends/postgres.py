"""PostgreSQL: a stored tsvector (title A, lead B, body C in `english`; folded keys D in
`simple`) with a GIN index, ts_rank, ts_headline for the shown rows only, and pg_trgm
similarity over folded name keys for "did you mean"."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection, transaction

from archive.search import backends
from archive.search.backends import FILTERS_INDEX, Filters, facet_sql
from archive.search.highlight import START, STOP
from archive.search.query import AnyOf, Query, Words

# The expression of archive_search_filters_idx (migration 0008): written exactly so, or the
# planner does not see that the index serves it.
FILTERS_VECTOR = "to_tsvector('simple'::regconfig, e.filters)"
NEAR_ENOUGH = 0.4  # pg_trgm similarity for "did you mean"

HEADLINE_TITLE = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
HEADLINE_TEXT = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=32, MinWords=12, MaxFragments=2, "
    'FragmentDelimiter=" … "'
)


def _lexemes(tokens, weights: str) -> str:
    # Tokens are letters and digits only (query.py), so they cannot be tsquery operators;
    # the weight label confines a token to the columns it is meant for.
    return " <-> ".join(f"{token}:{weights}" for token in tokens)


def _words(words: Words) -> tuple[str, list]:
    sql, params = "to_tsquery('english', %s)", [_lexemes(words.tokens, "ABC")]
    if words.folded:
        sql = f"({sql} || to_tsquery('simple', %s))"
        params.append(_lexemes(words.folded, "D"))
    return sql, params


def _item(item) -> tuple[str, list]:
    if isinstance(item, AnyOf):
        parts = [_words(w) for w in item.options]
        return "(" + " || ".join(p[0] for p in parts) + ")", [x for p in parts for x in p[1]]
    return _words(item)


def compile_tsquery(query: Query) -> tuple[str, list]:
    """SQL for the tsquery of a parsed query, and its parameters: the same meaning as the
    FTS5 expression (a word or phrase as spelled, or its folded keys in the D column)."""
    parts = [_item(item) for item in query.must]
    sql = " && ".join(p[0] for p in parts)
    params = [x for p in parts for x in p[1]]
    for words in query.must_not:
        negated, more = _words(words)
        sql = f"({sql}) && !!{negated}"
        params += more
    return f"({sql})", params


def _filter_sql(filters: Filters) -> tuple[str, list]:
    """Kind, year and facet values as a match of the filter tokens (archive_search_filters_idx,
    which the planner ANDs with the text's GIN index), and the date range as SQL."""
    where, params = filters.range_sql()
    tokens = filters.tokens()
    if tokens:
        # Tokens are letters and digits only, so they cannot be tsquery operators.
        where += f" AND {FILTERS_VECTOR} @@ to_tsquery('simple', %s)"
        params.append(" & ".join(tokens))
    return where, params


def _matched(query: Query, filters: Filters, columns: str) -> tuple[str, list]:
    tsquery, params = compile_tsquery(query)
    where, more = _filter_sql(filters)
    return f"SELECT {columns} FROM archive_searchentry e WHERE e.vector @@ {tsquery}{where}", [
        *params,
        *more,
    ]


# Past CANDIDATES matches the total is "more than CANDIDATES": counting every match of a
# common word means reading every matched row's vector (GIN cannot check the weights), about
# 0.5 s for 75,000 rows; counting up to the cap reads what the facets read anyway.
CAPS_TOTAL = True
SAMPLE = "the first {} found"  # which matches the facets and the ranking cover when sampled


def first_matches(query: Query, filters: Filters) -> list[int]:
    """The ids of the first CANDIDATES + 1 matches found, in one pass over the index. The
    facets, the total and the relevance ranking all work from these ids, so a query whose
    matching is costly (a phrase: GIN knows no positions, so every row holding all its words
    is read to check their order) pays for it once per request, not once per use."""
    matched, params = _matched(query, filters, "e.id")
    # No ORDER BY: the planner may then stop the bitmap scan at the limit. Ordering by id made
    # it walk the primary key and test every row's vector, seconds for a rare phrase.
    with connection.cursor() as cursor:
        cursor.execute(f"{matched} LIMIT {backends.CANDIDATES + 1}", params)
        return [row[0] for row in cursor.fetchall()]


def facet_counts(query: Query, filters: Filters, found: list[int] | None = None) -> list[tuple]:
    """Facet counts over the first CANDIDATES matches found; the total counted up to
    CANDIDATES + 1 (`found`, from first_matches, when the caller has them)."""
    if found is None:
        found = first_matches(query, filters)
    candidates = "SELECT e.id, e.kind, e.year FROM archive_searchentry e WHERE e.id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(facet_sql("SELECT id FROM m", candidates), [found])
        return cursor.fetchall()


def page(
    query: Query,
    filters: Filters,
    sort: str,
    offset: int,
    limit: int,
    found: list[int] | None = None,
) -> list[int]:
    """One page of ids. With `found` (first_matches), relevance ranks those candidates by
    primary key instead of matching again; so does sorting by date when they are all the
    matches there are."""
    complete = found is not None and len(found) <= backends.CANDIDATES
    if sort == "date" and complete:
        sql = """SELECT id FROM archive_searchentry WHERE id = ANY(%s)
                 ORDER BY date DESC NULLS LAST, id DESC LIMIT %s OFFSET %s"""
        params = [found]
    elif sort == "date":
        matched, params = _matched(query, filters, "e.id")
        sql = f"{matched} ORDER BY e.date DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s"
    else:
        # ts_rank only for the candidates (all of them, when there are fewer).
        tsquery, rank_params = compile_tsquery(query)
        if found is None:
            found = first_matches(query, filters)
        sql = f"""SELECT id FROM archive_searchentry WHERE id = ANY(%s)
                  ORDER BY ts_rank(vector, {tsquery}) DESC, id LIMIT %s OFFSET %s"""
        params = [found[: backends.CANDIDATES], *rank_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


def marked(ids: list[int], words: list[Words]) -> dict[int, tuple[str, str, str]]:
    """Title, lead and body with the words marked (ts_headline), for the shown rows only;
    rows in which none of the words appear as spelled are left out."""
    if not ids or not words:
        return {}
    highlight = " | ".join(f"({_lexemes(w.tokens, 'ABC')})" for w in words)
    sql = """
        SELECT e.id, ts_headline('english', e.title, q, %s), ts_headline('english', e.lead, q, %s),
               ts_headline('english', e.body, q, %s)
        FROM archive_searchentry e, to_tsquery('english', %s) q
        WHERE e.id = ANY(%s) AND e.vector @@ q
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [HEADLINE_TITLE, HEADLINE_TEXT, HEADLINE_TEXT, highlight, list(ids)])
        return {row[0]: row[1:] for row in cursor.fetchall()}


def near_names(keys: list[str]) -> dict[str, tuple[str, float]]:
    """For each folded key, the most similar single-word name key (pg_trgm) and how close."""
    if not keys:
        return {}
    sql = """
        SELECT wanted.key, best.text, best.score
        FROM unnest(%s::text[]) AS wanted(key)
        CROSS JOIN LATERAL (
            SELECT n.text, similarity(n.key, wanted.key) AS score
            FROM archive_searchname n
            WHERE n.key %% wanted.key AND position(' ' in n.key) = 0
            ORDER BY score DESC, n.canonical DESC, n.text ~ '^[ -~]*$' DESC, n.text
            LIMIT 1
        ) best
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(keys)])
        return {key: (text, score) for key, text, score in cursor.fetchall()}


def prefix_filter(queryset, prefix: str):
    # LIKE 'prefix%' uses archive_search_name_prefix_idx (varchar_pattern_ops).
    return queryset.filter(key__startswith=prefix)


@contextmanager
def bulk_loading(live: bool = False):
    """Refill the index with its GIN index set aside: building it once at the end is much
    faster than updating it row by row. All in one transaction. (`live` changes nothing
    here: the stored tsvector is computed as each row goes in, whatever the caller does.)"""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP INDEX archive_search_vector_idx")
        cursor.execute("DROP INDEX archive_search_filters_idx")
        yield
        # Django's foreign keys are checked at commit; CREATE INDEX refuses to run while
        # such checks are pending, so run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "CREATE INDEX archive_search_vector_idx ON archive_searchentry USING GIN (vector)"
        )
        cursor.execute(FILTERS_INDEX)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
