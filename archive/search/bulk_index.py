"""Rebuilding the whole search index fast enough for a million articles.

The same rows as `indexing._article_rows` and `indexing._quote_rows` build one object at a
time through the ORM, built here from a few plain SQL reads per chunk of ids: every entity's
name, kind, place in the default ordering and folded name keys are read once, up front (an
archive has thousands of entities and millions of mentions); the articles or quotes of a chunk
and their mentions, tags and "about" links come in one query each, by primary-key range. The
rows go to the database through `archive.corpus.bulk` (COPY on PostgreSQL, executemany on
SQLite) with ids given here, so the facets need not read the entries back; the secondary
indexes and foreign keys of the emptied tables are set aside and built once at the end.
Entities (few) still go through `indexing._entity_rows`.

`tests/test_search_bulk_index.py` checks that the result equals the row-by-row rebuild.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, connections
from django.db.models import Count, Max, Min
from django.urls import reverse

from archive.corpus import bulk
from archive.dates import UNDATED, UNKNOWN, Precision, article_address, period_end
from archive.models import (
    Article,
    ArticleStatus,
    Entity,
    Mention,
    Quote,
    ReviewStatus,
    SearchEntry,
    SearchFacet,
    SearchKind,
    SearchName,
    TaggedQuote,
)
from archive.names import fold_words
from archive.search.backends import filter_words
from archive.search.highlight import strip_marks
from archive.search.indexing import _ENTITY_FACET, name_keys

CHUNK = 2_000  # ids per read
ENTRY_COLUMNS = (
    "id",
    "kind",
    "object_id",
    "title",
    "lead",
    "body",
    "folded",
    "date",
    "year",
    "path",
    "context",
    "filters",
    "date_end",
)
FACET_COLUMNS = ("entry_id", "facet", "key", "label")


@dataclass(frozen=True)
class Known:
    """What the index needs of an entity, read once."""

    name: str
    facet: str | None  # the facet it is a value of (people and organizations)
    keys: tuple[str, ...]  # folded name and aliases (indexing.name_keys)
    place: int  # position in Entity's default ordering


def _facet(kind: str) -> str | None:
    facet = _ENTITY_FACET.get(kind)
    return facet.value if facet else None


def known_entities() -> dict[int, Known]:
    entities = Entity.objects.all().only("id", "name", "kind", "sort_name")
    return {
        e.pk: Known(e.name, _facet(e.kind), tuple(name_keys(e)), place)
        for place, e in enumerate(entities.prefetch_related("aliases"))
    }


# A word (indexing._WORD) that may be capitalised: where one starts, an ASCII capital or any
# non-ASCII letter (whose case isupper() then decides). Skipping the lower-case words in the
# regex spares a Python test for each of them.
_CAPITAL = re.compile(r"(?<![^\W_])(?=[A-Z]|[^\x00-\x7f])[^\W_]+")


class Folder:
    """indexing.capitalised_keys with each word folded once per run: folding is per word
    (romanization and case folding look at one character at a time, and words never start
    with a combining mark), so the keys of a text are the keys of its words in order."""

    def __init__(self):
        self.cache: dict[str, list[str]] = {}

    def keys(self, *texts: str) -> list[str]:
        cache, out = self.cache, []
        for text in texts:
            for word in _CAPITAL.findall(text or ""):
                if not word[:1].isupper():
                    continue
                keys = cache.get(word)
                if keys is None:
                    keys = cache[word] = fold_words(word)
                out.extend(keys)
        return out


def _folded(parts) -> str:
    return " ".join(dict.fromkeys(k for part in parts for k in part if k))


def article_url() -> Callable[[dt.date, str, str], str]:
    """Article.get_absolute_url without a reverse() per article: the list's address
    reversed once, the rest at the date's precision (archive.dates.article_address)."""
    prefix = reverse("archive:articles")

    def fast(date, slug, precision=Precision.DAY):
        return prefix + article_address(date, precision, slug)

    return fast


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _q(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


TAG_TABLE = connection.ops.quote_name(TaggedQuote.tag.field.related_model._meta.db_table)


class Builder:
    def __init__(self):
        self.known = known_entities()
        self.folder = Folder()
        self.url = article_url()

    # --- articles ---------------------------------------------------------------------

    def articles(self, low: int, high: int) -> list[tuple]:
        """The rows (entry without its id, facets) of the published articles with
        low <= id <= high."""
        found = _fetch(
            "SELECT id, headline, standfirst, body, published_on, slug, published_precision "
            f"FROM {_q(Article)} "
            "WHERE status = %s AND id BETWEEN %s AND %s ORDER BY id",
            [ArticleStatus.PUBLISHED, low, high],
        )
        if not found:
            return []
        entities = defaultdict(dict)
        for article_id, entity_id in _fetch(
            f"SELECT article_id, entity_id FROM {_q(Mention)} WHERE article_id BETWEEN %s AND %s"
            " AND status = %s AND orphaned = %s ORDER BY article_id, part, start, id",
            [low, high, ReviewStatus.CONFIRMED, False],
        ):
            entities[article_id][entity_id] = None
        tags = defaultdict(dict)
        for article_id, slug, name in _fetch(
            f"SELECT q.article_id, t.slug, t.name FROM {_q(Quote)} q "
            f"JOIN {_q(TaggedQuote)} tq ON tq.content_object_id = q.id "
            f"JOIN {TAG_TABLE} t ON t.id = tq.tag_id "
            "WHERE q.article_id BETWEEN %s AND %s AND q.status = %s AND q.orphaned = %s",
            [low, high, ReviewStatus.CONFIRMED, False],
        ):
            tags[article_id][slug] = name
        known, keys = self.known, self.folder.keys
        rows = []
        for pk, headline, standfirst, body, published_on, slug, precision in found:
            date = _date(published_on)
            url = self.url(date, slug, precision)
            date = date if precision != UNKNOWN else None
            involved = [known[e] for e in entities.get(pk, ())]
            facets = {
                (k.facet, str(e)): k.name
                for e, k in zip(entities.get(pk, ()), involved, strict=True)
                if k.facet
            }
            for tag_slug, tag_name in tags.get(pk, {}).items():
                facets[("tag", tag_slug)] = tag_name
            entry = (
                SearchKind.ARTICLE.value,
                pk,
                strip_marks(headline),
                strip_marks(standfirst or ""),
                strip_marks(body or ""),
                _folded([keys(headline, standfirst, body), *(k.keys for k in involved)]),
                date,
                date.year if date else None,
                url,
                "",
            )
            rows.append(_finished(entry, facets, period_end(date or UNDATED, precision)))
        return rows

    # --- quotes -----------------------------------------------------------------------

    def quotes(self, low: int, high: int) -> list[tuple]:
        """The rows of the public quotes with low <= id <= high."""
        found = _fetch(
            "SELECT q.id, q.exact, q.speaker_id, a.headline, a.published_on, a.slug, "
            "a.published_precision "
            f"FROM {_q(Quote)} q JOIN {_q(Article)} a ON a.id = q.article_id "
            "WHERE q.id BETWEEN %s AND %s AND q.status = %s AND q.orphaned = %s "
            "AND a.status = %s ORDER BY q.id",
            [low, high, ReviewStatus.CONFIRMED, False, ArticleStatus.PUBLISHED],
        )
        if not found:
            return []
        known, keys = self.known, self.folder.keys
        about = defaultdict(list)
        for quote_id, entity_id in _fetch(
            f"SELECT quote_id, entity_id FROM {_q(Quote.about.through)} "
            "WHERE quote_id BETWEEN %s AND %s",
            [low, high],
        ):
            about[quote_id].append(entity_id)
        tags = defaultdict(dict)
        for quote_id, slug, name in _fetch(
            f"SELECT tq.content_object_id, t.slug, t.name FROM {_q(TaggedQuote)} tq "
            f"JOIN {TAG_TABLE} t ON t.id = tq.tag_id "
            "WHERE tq.content_object_id BETWEEN %s AND %s",
            [low, high],
        ):
            tags[quote_id][slug] = name
        rows = []
        last_article = None
        for pk, exact, speaker_id, headline, published_on, slug, precision in found:
            if last_article != (published_on, slug):
                last_article = (published_on, slug)
                date = _date(published_on)
                url = self.url(date, slug, precision)
                date = date if precision != UNKNOWN else None
            subjects = sorted(about.get(pk, ()), key=lambda e: known[e].place)
            speaker = known[speaker_id] if speaker_id is not None else None
            involved_ids = ([speaker_id] if speaker else []) + subjects
            involved = [known[e] for e in involved_ids]
            speaker_name = speaker.name if speaker else ""
            context = f"{speaker_name} in “{headline}”" if speaker else f"In “{headline}”"
            facets = {
                (k.facet, str(e)): k.name
                for e, k in zip(involved_ids, involved, strict=True)
                if k.facet
            }
            for tag_slug, tag_name in tags.get(pk, {}).items():
                facets[("tag", tag_slug)] = tag_name
            entry = (
                SearchKind.QUOTE.value,
                pk,
                strip_marks(exact),
                strip_marks(speaker_name),
                strip_marks(" · ".join(known[e].name for e in subjects)),
                _folded([keys(exact), *(k.keys for k in involved)]),
                date,
                date.year if date else None,
                f"{url}#quote-{pk}",
                strip_marks(context)[:500],
            )
            rows.append(_finished(entry, facets, period_end(date or UNDATED, precision)))
        return rows


def _finished(entry: tuple, facets: dict, date_end: dt.date | None) -> tuple[tuple, list[tuple]]:
    """An entry's columns after its id (its date as text, its filter tokens added, then the
    last day of a partial date's period) and its facets as (facet, key, label) rows."""
    kind, date, year = entry[0], entry[6], entry[7]
    text = date.isoformat() if date else None  # an undated article has no date
    end = date_end.isoformat() if date_end else None
    columns = (*entry[:6], text, *entry[7:], filter_words(kind, year, facets), end)
    return columns, [(facet, key, label[:200]) for (facet, key), label in facets.items()]


# One per process: built where the rows are built (in each worker, or here without workers).
_builder: Builder | None = None


def _build(task: tuple[str, int, int]) -> list[tuple]:
    global _builder
    if _builder is None:
        _builder = Builder()
    label, low, high = task
    return getattr(_builder, label)(low, high)


class EntryWriter:
    def __init__(self, first_id: int):
        self.next_id = first_id
        self.entries = bulk.Table.of(SearchEntry, ENTRY_COLUMNS)
        self.facets = bulk.Table.of(SearchFacet, FACET_COLUMNS)

    def write(self, rows: list[tuple]) -> None:
        first = self.next_id
        self.next_id += len(rows)
        bulk.load(self.entries, ((n, *entry) for n, (entry, _) in enumerate(rows, first)))
        bulk.load(
            self.facets,
            ((n, *facet) for n, (_, facets) in enumerate(rows, first) for facet in facets),
        )


def _tasks(label: str, queryset) -> tuple[int, list[tuple[str, int, int]]]:
    """How many rows there are to index, and the id ranges (CHUNK ids each) to read them."""
    span = queryset.order_by().aggregate(low=Min("id"), high=Max("id"), n=Count("id"))
    if not span["n"]:
        return 0, []
    ranges = range(span["low"], span["high"] + 1, CHUNK)
    return span["n"], [(label, low, min(low + CHUNK - 1, span["high"])) for low in ranges]


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def rebuild(
    progress: Callable[[str, int, int], None] | None = None, workers: int | None = None
) -> dict[str, int]:
    """Empty the index and fill it again, in one transaction; `progress(label, done,
    total)` after each chunk. With workers, the article and quote rows are built in that
    many forked processes, each reading with its own connection while this one writes (and
    the database indexes the text: PostgreSQL computes the tsvector of each row copied in,
    SQLite's FTS5 trigger tokenizes each row inserted). Inside a transaction, or on an
    in-memory database, workers could not see the rows: they are built here then."""
    from archive.search import indexing
    from archive.search.backends import current

    global _builder
    if workers is None:
        workers = default_workers()
    if connection.in_atomic_block or (
        connection.vendor == "sqlite" and connection.is_in_memory_db()
    ):
        workers = 0
    progress = progress or (lambda label, done, total: None)
    counts = {"articles": 0, "quotes": 0, "entities": 0}
    if workers:
        connections.close_all()  # the workers open their own
    _builder = None
    with bulk.forked_pool(workers) as pool, current().bulk_loading(live=True):
        SearchFacet.objects.all()._raw_delete(SearchFacet.objects.db)
        SearchEntry.objects.all()._raw_delete(SearchEntry.objects.db)
        SearchName.objects.all()._raw_delete(SearchName.objects.db)
        tables = [SearchEntry._meta.db_table, SearchFacet._meta.db_table]
        # Not the name table: setting aside its foreign key would lock the entity table,
        # which the workers read (they would wait on this transaction, and it on them).
        with bulk.indexes_set_aside(tables):
            # Entities first, through the ORM (few); the entries after them get ids here.
            entities = Entity.objects.all()
            total = entities.count()
            for ids in indexing._chunks(entities):
                indexing._write(list(indexing._entity_rows(ids)))
                SearchName.objects.bulk_create(
                    indexing.name_rows(
                        Entity.objects.filter(pk__in=ids).order_by().prefetch_related("aliases")
                    ),
                    batch_size=indexing.BATCH,
                )
                counts["entities"] += len(ids)
                progress("entities", counts["entities"], total)
            writer = EntryWriter((SearchEntry.objects.aggregate(last=Max("id"))["last"] or 0) + 1)
            for label, queryset in (
                ("articles", Article.objects.published()),
                ("quotes", Quote.objects.public()),
            ):
                total, tasks = _tasks(label, queryset)
                for rows in bulk.ordered(_build, tasks, pool):
                    writer.write(rows)
                    counts[label] += len(rows)
                    progress(label, counts[label], total)
        bulk.reset_sequences([SearchEntry])
    _builder = None
    return counts
