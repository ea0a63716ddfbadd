"""Write a synthetic corpus to the database, fast enough for a million articles.

The articles are composed in worker processes (each article depends only on the seed, its
number and the cast, so any number of workers gives the same archive), turned there into
plain row tuples with their anchors, and written by this process straight through the
database's bulk path (`archive.corpus.bulk`: PostgreSQL COPY, SQLite executemany), all in
one transaction, with the secondary indexes and foreign keys of empty tables set aside and
built once at the end. Articles and quotes get their ids here (after the highest stored), so
mentions, tags, "about" links and answers can point at them without reading anything back.

`write_batch()` is the reference: the same drafts through the ORM's bulk_create, one
transaction per batch. Tests compare the two archives row for row.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from archive import anchoring, history
from archive.corpus import bulk, versions
from archive.corpus.composer import ArticleDraft, Composer
from archive.corpus.population import Cast, Populator
from archive.models import (
    Article,
    ArticleContributor,
    Entity,
    Mention,
    Quote,
    TaggedQuote,
)
from archive.models.fields import NormalizedField
from archive.normalizing import normalize_text

DEFAULT_BATCH_SIZE = 1_000
COUNTED = ("articles", "mentions", "quotes", "tags")

# --- the reference writer: the ORM ---------------------------------------------------------


def _anchored(model, article: Article, text: str, mark, **fields):
    anchor = anchoring.describe(text, mark.start, mark.end)
    return model(
        article=article,
        part=mark.part,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        start=anchor.start,
        end=anchor.end,
        **fields,
    )


def write_batch(drafts: list[ArticleDraft], number: int = 1) -> dict[str, int]:
    """Insert one batch of composed articles with everything anchored in them (ORM), and
    their first versions as one revision, "Generated batch `number`"."""
    with transaction.atomic():
        articles = Article.objects.bulk_create([Article(**d.fields) for d in drafts])
        contributors, mentions, quotes, links = [], [], [], []
        for article, draft in zip(articles, drafts, strict=True):
            if draft.author:
                contributors.append(ArticleContributor(article=article, entity_id=draft.author.pk))
            for mark in draft.mentions:
                text = draft.fields[mark.part]
                mentions.append(_anchored(Mention, article, text, mark, entity_id=mark.entity.pk))
            made = []
            for mark in draft.quotes:
                quote = _anchored(
                    Quote,
                    article,
                    draft.fields[mark.part],
                    mark,
                    speaker_id=mark.speaker.pk if mark.speaker else None,
                    said_to_id=mark.said_to.pk if mark.said_to else None,
                    mode=mark.mode,
                    status=mark.status,
                    confidence=mark.confidence,
                )
                made.append(quote)
                links.append((quote, mark, made))
            quotes.extend(made)
        ArticleContributor.objects.bulk_create(contributors)
        Mention.objects.bulk_create(mentions, batch_size=2_000)
        Quote.objects.bulk_create(quotes, batch_size=2_000)
        about, tagged, answering = [], [], []
        Through = Quote.about.through
        for quote, mark, siblings in links:
            about.extend(Through(quote_id=quote.pk, entity_id=e.pk) for e in mark.about)
            tagged.extend(TaggedQuote(content_object_id=quote.pk, tag=t) for t in mark.tags)
            if mark.answers is not None:
                quote.answers_id = siblings[mark.answers].pk
                answering.append(quote)
        Through.objects.bulk_create(about, batch_size=2_000)
        TaggedQuote.objects.bulk_create(tagged, batch_size=2_000)
        Quote.objects.bulk_update(answering, ["answers"], batch_size=500)
        history.record([*articles, *mentions, *quotes], comment=f"Generated batch {number}")
    return {
        "articles": len(articles),
        "mentions": len(mentions),
        "quotes": len(quotes),
        "tags": len(tagged),
    }


# --- the fast writer: rows as tuples ------------------------------------------------------

ARTICLE_COLUMNS = (
    "id",
    "headline",
    "slug",
    "standfirst",
    "body",
    "published_on",
    "status",
    "publisher_id",
    "dateline_place_id",
    "byline",
    "language",
    "pull_quote",
    "pull_quote_after",
)
NORMALIZED = [
    (f.attname, f.multiline)
    for f in Article._meta.concrete_fields
    if isinstance(f, NormalizedField)
]
ANCHOR_COLUMNS = ("article_id", "part", "exact", "prefix", "suffix", "start", "end")
MENTION_COLUMNS = (*ANCHOR_COLUMNS, "entity_id")
# The quote's id and answers_id are filled in by the writer (see Rows.quotes).
QUOTE_COLUMNS = (
    "id",
    *ANCHOR_COLUMNS,
    "speaker_id",
    "said_to_id",
    "mode",
    "status",
    "confidence",
    "answers_id",
)


@dataclass
class Rows:
    """One batch of articles as row tuples. Quotes are numbered within the batch: a quote
    row ends with the batch number of the quote it answers (or None), and `about` and
    `tags` pairs start with the quote's batch number; the writer turns them into ids."""

    articles: list[tuple] = field(default_factory=list)
    contributors: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    about: list[tuple] = field(default_factory=list)
    tags: list[tuple] = field(default_factory=list)


def _anchor(article_id: int, text: str, mark) -> tuple:
    a = anchoring.describe(text, mark.start, mark.end)
    return (article_id, mark.part, a.exact, a.prefix, a.suffix, a.start, a.end)


def _normalized(fields: dict) -> dict:
    """The text fields in the normal form saving would give them (archive.models.fields;
    the composer writes it already, so this changes nothing but keeps the promise)."""
    out = dict(fields)
    for name, multiline in NORMALIZED:
        if name in out:
            out[name] = normalize_text(out[name], multiline)
    return out


def rows_of(drafts: list[ArticleDraft], first_id: int) -> Rows:
    """The rows of composed articles, the first of which gets id `first_id`."""
    rows = Rows()
    for offset, draft in enumerate(drafts):
        article_id = first_id + offset
        f = _normalized(draft.fields)
        rows.articles.append(
            (
                article_id,
                f["headline"],
                f["slug"],
                f["standfirst"],
                f["body"],
                f["published_on"].isoformat(),
                f["status"],
                f["publisher_id"],
                f["dateline_place_id"],
                f["byline"],
                f["language"],
                f.get("pull_quote", ""),
                f.get("pull_quote_after"),
            )
        )
        if draft.author:
            rows.contributors.append((article_id, draft.author.pk))
        for mark in draft.mentions:
            rows.mentions.append((*_anchor(article_id, f[mark.part], mark), mark.entity.pk))
        first_quote = len(rows.quotes)
        for mark in draft.quotes:
            number = len(rows.quotes)
            rows.quotes.append(
                (
                    *_anchor(article_id, f[mark.part], mark),
                    mark.speaker.pk if mark.speaker else None,
                    mark.said_to.pk if mark.said_to else None,
                    mark.mode,
                    mark.status,
                    mark.confidence,
                    None if mark.answers is None else first_quote + mark.answers,
                )
            )
            rows.about.extend((number, e.pk) for e in mark.about)
            rows.tags.extend((number, t.pk) for t in mark.tags)
    return rows


# Set in the parent before the workers fork, so they inherit it instead of unpickling it.
_composer: Composer | None = None


def _compose(task: tuple[int, int, int]) -> Rows:
    start, stop, first_id = task
    return rows_of([_composer.compose(i) for i in range(start, stop)], first_id)


class Writer:
    """Writes batches of Rows in order, numbering the quotes after the highest stored id."""

    def __init__(self, names: dict):
        now = timezone.now()
        given = {
            "articles": (Article, ARTICLE_COLUMNS),
            "contributors": (ArticleContributor, ("id", "article_id", "entity_id")),
            "mentions": (Mention, ("id", *MENTION_COLUMNS)),
            "quotes": (Quote, QUOTE_COLUMNS),
            "tags": (TaggedQuote, ("id", "content_object_id", "tag_id")),
        }
        self.tables = {key: bulk.Table.of(model, cols, now) for key, (model, cols) in given.items()}
        self.tables["about"] = bulk.Table.of(Quote.about.through, ("quote_id", "entity_id"))
        # Rows get their ids here, so their first versions can name them (versions.py).
        self.next_id = {
            key: (given[key][0].objects.aggregate(last=Max("id"))["last"] or 0) + 1
            for key in ("contributors", "mentions", "quotes", "tags")
        }
        self.history = versions.BatchHistory(given, names, now)

    def _numbered(self, key: str, rows: list[tuple]) -> list[tuple]:
        base = self.next_id[key]
        self.next_id[key] += len(rows)
        return [(base + n, *row) for n, row in enumerate(rows)]

    def write(self, rows: Rows) -> dict[str, int]:
        base = self.next_id["quotes"]
        quotes = self._numbered("quotes", rows.quotes)
        quotes = [(*q[:-1], None if q[-1] is None else base + q[-1]) for q in quotes]
        about: dict[int, list[int]] = {}
        for n, entity in rows.about:
            about.setdefault(base + n, []).append(entity)
        written = {
            "articles": rows.articles,
            "contributors": self._numbered("contributors", rows.contributors),
            "mentions": self._numbered("mentions", rows.mentions),
            "quotes": quotes,
            "tags": self._numbered("tags", [(base + n, t) for n, t in rows.tags]),
        }
        tables = self.tables
        for key, table_rows in written.items():
            bulk.load(tables[key], table_rows)
        bulk.load(tables["about"], ((base + n, e) for n, e in rows.about))
        self.history.write(written, about)
        return {
            "articles": len(rows.articles),
            "mentions": len(rows.mentions),
            "quotes": len(rows.quotes),
            "tags": len(rows.tags),
        }


BULK_TABLES = [
    Article._meta.db_table,
    ArticleContributor._meta.db_table,
    Mention._meta.db_table,
    Quote._meta.db_table,
    Quote.about.through._meta.db_table,
    TaggedQuote._meta.db_table,
]


def _batches(composer: Composer, tasks: list[tuple[int, int, int]], workers: int):
    """Rows of each task, in order; with workers, composed in that many forked processes
    (which inherit the composer and never touch the database)."""
    global _composer
    _composer = composer
    try:
        with bulk.forked_pool(workers if len(tasks) > 1 else 0) as pool:
            yield from bulk.ordered(_compose, tasks, pool)
    finally:
        _composer = None


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def generate(
    articles: int,
    seed: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int, dict[str, int]], None] = lambda n, totals: None,
    workers: int | None = None,
    fast: bool = True,
    cast_done: Callable[[Cast], None] = lambda cast: None,
) -> dict[str, int]:
    """Create `articles` articles and their cast; return the number of rows of each kind.
    `progress(n, totals)` is called after each batch of n articles.

    Article numbers continue after the highest article id already stored, so an --append run
    never repeats the slugs of an earlier one; article i gets id i + 1.
    """
    first = Article.objects.aggregate(last=Max("id"))["last"] or 0
    with transaction.atomic():
        after_entity = Entity.objects.aggregate(last=Max("id"))["last"] or 0
        cast: Cast = Populator(seed, articles).run()
        versions.record_cast(cast, after_entity)
    cast_done(cast)
    totals = {"entities": cast.entity_count, **dict.fromkeys(COUNTED, 0)}
    composer = Composer(seed, cast)
    tasks = [
        (start, min(start + batch_size, first + articles), start + 1)
        for start in range(first, first + articles, batch_size)
    ]

    def add(counts: dict[str, int]) -> None:
        for key, value in counts.items():
            totals[key] += value
        progress(counts["articles"], totals)

    if not fast:
        for number, (start, stop, _) in enumerate(tasks, 1):
            add(write_batch([composer.compose(i) for i in range(start, stop)], number))
        return totals
    if workers is None:
        workers = default_workers()
    with bulk.sqlite_tuned(), transaction.atomic():
        with bulk.indexes_set_aside(BULK_TABLES):
            writer = Writer(versions.entity_names(cast))
            for rows in _batches(composer, tasks, workers):
                add(writer.write(rows))
        bulk.reset_sequences([Article, ArticleContributor, Mention, Quote, TaggedQuote])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in BULK_TABLES:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return totals
