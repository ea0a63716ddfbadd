"""Stored summaries (archive.models.summaries): how they are computed, refreshed and rebuilt.

Everything is derived per article. `source_facts(ids)` reads what readers may see of those
articles from the annotated rows; `stored_facts(ids)` reads what the summary tables hold for
them. A refresh compares the two, writes the difference to the fact tables, and adds the
difference of their contributions (`contributions`) to the figures with one upsert per table,
so an edit costs in proportion to the articles it touches, never to the archive.
`rebuild()` refills everything from the annotated rows (the facts in article batches, the
figures by SQL aggregates over the facts): a second, independent route to the same figures,
which tests/test_summaries.py compares with the incremental one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, islice

from django.db import connections, transaction
from django.db.models import Count, F, Q

from archive import pagecache
from archive.dates import month_of
from archive.models import Article, ArticleStatus, Entity, Mention, Quote, TaggedQuote, TextPart
from archive.models.articles import PARAGRAPH_BREAK
from archive.models.summaries import (
    FACT_MODELS,
    FIGURE_MODELS,
    ArticleFact,
    CoMention,
    EntityArticle,
    EntityFigures,
    EntityParagraph,
    MonthFigures,
    QuoteAboutFact,
    QuoteFact,
    QuotePair,
    SummaryLock,
    TagFigures,
    TagPair,
    TagQuoteFact,
    TagSpeaker,
)

CHUNK = 500
_PART_RANK = {part: rank for rank, part in enumerate(sorted(TextPart.values))}
CO_COUNTS = ("together", "quotes", "quotes_by", "paragraphs", "mentions")
ENTITY_COUNTS = (
    "articles",
    "quotes_by",
    "quotes_about",
    "replies",
    "answers",
    "datelined",
    "said_to",
)


# The paragraph numbers of the headline and the standfirst (the body's count from 0).
PART_PARAGRAPH = {TextPart.HEADLINE: -2, TextPart.STANDFIRST: -1}


def paragraph_of(part: str, start: int, body: str) -> int:
    """Which paragraph of its article a mention at `start` of `part` stands in."""
    if part != TextPart.BODY:
        return PART_PARAGRAPH.get(part, -3)
    return body.count(PARAGRAPH_BREAK, 0, start)


def place(part: str, start: int) -> int:
    """One sortable number for (part, start), in the order quote lists have always used."""
    return (_PART_RANK.get(part, len(_PART_RANK)) << 32) | start


@dataclass
class Facts:
    """Fact rows as tuples, in the column order of FIELDS."""

    articles: set = field(default_factory=set)
    entity_articles: set = field(default_factory=set)
    paragraphs: set = field(default_factory=set)
    quotes: set = field(default_factory=set)
    about: set = field(default_factory=set)
    tags: set = field(default_factory=set)
    ids: dict = field(default_factory=dict)  # stored rows only: (model, tuple) -> row id


FIELDS = {
    ArticleFact: (
        "articles",
        ("article_id", "published_on", "dateline_id", "published_precision"),
    ),
    EntityArticle: ("entity_articles", ("entity_id", "article_id", "published_on")),
    EntityParagraph: ("paragraphs", ("entity_id", "article_id", "paragraph", "mentions")),
    QuoteFact: (
        "quotes",
        (
            "quote_id",
            "article_id",
            "published_on",
            "place",
            "speaker_id",
            "answers_id",
            "answering_id",
            "replied_to_id",
            "said_to_id",
        ),
    ),
    QuoteAboutFact: (
        "about",
        ("quote_id", "entity_id", "speaker_id", "article_id", "published_on", "place"),
    ),
    TagQuoteFact: (
        "tags",
        ("tag_id", "quote_id", "speaker_id", "article_id", "published_on", "place"),
    ),
}


def _chunks(values: Iterable, size: int = CHUNK):
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


def source_facts(article_ids, using: str = "default") -> Facts:
    """What readers may see of these articles, read from the annotated rows."""
    facts = Facts()
    rows = (
        Article.objects.using(using)
        .filter(pk__in=article_ids, status=ArticleStatus.PUBLISHED)
        .values_list("pk", "published_on", "dateline_place_id", "published_precision")
    )
    facts.articles = set(rows)
    published = {pk: day for pk, day, _dateline, _precision in facts.articles}
    if not published:
        return facts
    ids = list(published)
    mentions = Mention.objects.using(using).shown().filter(article_id__in=ids)
    bodies = dict(Article.objects.using(using).filter(pk__in=ids).values_list("pk", "body"))
    paragraphs = Counter()
    for entity, article, part, start in mentions.values_list(
        "entity_id", "article_id", "part", "start"
    ):
        paragraphs[(entity, article, paragraph_of(part, start, bodies[article]))] += 1
    facts.entity_articles = {(e, a, published[a]) for e, a, _p in paragraphs}
    facts.paragraphs = {(e, a, p, n) for (e, a, p), n in paragraphs.items()}
    quotes, rows = {}, []
    for pk, article, speaker, said_to, answers, answered_speaker, part, start in (
        Quote.objects.using(using)
        .shown()
        .filter(article_id__in=ids)
        .with_public_answer()
        .values_list(
            "pk",
            "article_id",
            "speaker_id",
            "said_to_id",
            "public_answers",
            "public_answers_speaker",
            "part",
            "start",
        )
    ):
        quotes[pk] = (article, published[article], place(part, start), speaker)
        rows.append((pk, said_to, answers, answered_speaker))
    if not quotes:
        return facts
    about_sets = defaultdict(set)
    for quote, entity in (
        Quote.about.through.objects.using(using)
        .filter(quote_id__in=quotes)
        .values_list("quote_id", "entity_id")
    ):
        about_sets[quote].add(entity)
        article, day, where, speaker = quotes[quote]
        if entity != speaker:
            facts.about.add((quote, entity, speaker, article, day, where))
    for pk, said_to, answers, answered_speaker in rows:
        article, day, where, speaker = quotes[pk]
        # Each quote is listed once on a person's page, in the first list it belongs to:
        # quotes by them, quotes about them, answers to them, said to them.
        replied = answered_speaker if answered_speaker != speaker else None
        if replied in about_sets[pk]:
            replied = None
        if said_to in (speaker, replied) or said_to in about_sets[pk]:
            said_to = None
        facts.quotes.add(
            (
                pk,
                article,
                day,
                where,
                speaker,
                answers,
                speaker if answers else None,
                replied,
                said_to,
            )
        )
    for quote, tag in (
        TaggedQuote.objects.using(using)
        .filter(content_object_id__in=quotes)
        .values_list("content_object_id", "tag_id")
    ):
        article, day, where, speaker = quotes[quote]
        facts.tags.add((tag, quote, speaker, article, day, where))
    return facts


def stored_facts(article_ids, quote_ids=(), using: str = "default") -> Facts:
    """What the fact tables hold for these articles, and for these quotes wherever they
    were (a quote moved to another article leaves its old facts behind)."""
    facts = Facts()
    for model, (attr, columns) in FIELDS.items():
        rows = model.objects.using(using).filter(article_id__in=article_ids)
        if quote_ids and "quote_id" in columns:
            rows = model.objects.using(using).filter(
                Q(article_id__in=article_ids) | Q(quote_id__in=quote_ids)
            )
        target = getattr(facts, attr)
        for pk, *values in rows.values_list("pk", *columns):
            row = tuple(values)
            target.add(row)
            facts.ids[(model, row)] = pk
    return facts


def contributions(facts: Facts) -> dict:
    """What these facts add to each figure table: {model: Counter(key -> amount)}; for
    EntityFigures the amount is a tuple in ENTITY_COUNTS order."""
    entity = defaultdict(lambda: [0] * len(ENTITY_COUNTS))
    by_article = defaultdict(set)
    for entity_id, article, _day in facts.entity_articles:
        by_article[article].add(entity_id)
        entity[entity_id][0] += 1
    co = defaultdict(lambda: [0] * len(CO_COUNTS))
    for entities in by_article.values():
        for a, b in combinations(sorted(entities), 2):
            co[(a, b)][0] += 1
            co[(b, a)][0] += 1
    # How closely: paragraphs naming both, and how often each is named where both are.
    named = defaultdict(dict)  # article -> entity -> {paragraph: mentions}
    for entity_id, article, paragraph, n in facts.paragraphs:
        named[article].setdefault(entity_id, {})[paragraph] = n
    for in_article in named.values():
        for a, b in combinations(sorted(in_article), 2):
            shared = len(in_article[a].keys() & in_article[b].keys())
            co[(a, b)][3] += shared
            co[(b, a)][3] += shared
            co[(a, b)][4] += sum(in_article[b].values())
            co[(b, a)][4] += sum(in_article[a].values())
    # Quotes linking two entities: by one about or to the other, or answering the other's.
    linked = defaultdict(set)  # (quote, speaker) -> the others it links the speaker to
    for quote, about, speaker, *_ in facts.about:
        if speaker:
            linked[(quote, speaker)].add(about)
    for (
        quote,
        _article,
        _day,
        _place,
        speaker,
        _answers,
        _answering,
        replied,
        said_to,
    ) in facts.quotes:
        if speaker:
            linked[(quote, speaker)] |= {other for other in (replied, said_to) if other}
    for (_quote, speaker), others in linked.items():
        for other in others - {speaker}:
            co[(speaker, other)][1] += 1
            co[(speaker, other)][2] += 1
            co[(other, speaker)][1] += 1
    for _pk, _article, _day, _place, speaker, _answers, answering, replied, said_to in facts.quotes:
        if speaker:
            entity[speaker][1] += 1
        if said_to:
            entity[said_to][6] += 1
        if answering:
            entity[answering][4] += 1
        if replied:
            entity[replied][3] += 1
    pairs = Counter()
    for _quote, about, speaker, *_ in facts.about:
        entity[about][2] += 1
        if speaker:
            pairs[(speaker, about)] += 1
    tags, tag_speakers, by_quote = Counter(), Counter(), defaultdict(set)
    for tag, quote, speaker, *_ in facts.tags:
        tags[(tag,)] += 1
        by_quote[quote].add(tag)
        if speaker:
            tag_speakers[(tag, speaker)] += 1
    tag_pairs = Counter()
    for quote_tags in by_quote.values():
        for a, b in combinations(sorted(quote_tags), 2):
            tag_pairs[(a, b)] += 1
            tag_pairs[(b, a)] += 1
    months = Counter(
        (day.year, month_of(day, precision)) for _pk, day, _dateline, precision in facts.articles
    )
    for _article, _day, dateline, _precision in facts.articles:
        if dateline:
            entity[dateline][5] += 1
    return {
        EntityFigures: {(k,): tuple(v) for k, v in entity.items()},
        CoMention: {key: tuple(v) for key, v in co.items()},
        QuotePair: pairs,
        TagFigures: tags,
        TagSpeaker: tag_speakers,
        TagPair: tag_pairs,
        MonthFigures: months,
    }


# Figure tables: (key columns, summed columns).
FIGURE_COLUMNS = {
    EntityFigures: (("entity_id",), ENTITY_COUNTS),
    CoMention: (("entity_id", "other_id"), CO_COUNTS),
    QuotePair: (("speaker_id", "about_id"), ("quotes",)),
    TagFigures: (("tag_id",), ("quotes",)),
    TagSpeaker: (("tag_id", "speaker_id"), ("quotes",)),
    TagPair: (("tag_id", "other_id"), ("quotes",)),
    MonthFigures: (("year", "month"), ("articles",)),
}


def _difference(new: dict, old: dict) -> dict:
    result = {}
    for key in new.keys() | old.keys():
        a, b = new.get(key, 0), old.get(key, 0)
        if isinstance(a, tuple) or isinstance(b, tuple):
            width = len(a) if isinstance(a, tuple) else len(b)
            a = a if isinstance(a, tuple) else (0,) * width
            b = b if isinstance(b, tuple) else (0,) * width
            delta = tuple(x - y for x, y in zip(a, b, strict=True))
            if any(delta):
                result[key] = delta
        elif a != b:
            result[key] = (a - b,)
    return result


def _bump(model, deltas: dict, using: str) -> None:
    """Add `deltas` ({key tuple: amounts tuple}) to the figure table in upserts, then drop the
    touched rows that fell to zero."""
    if not deltas:
        return
    keys, values = FIGURE_COLUMNS[model]
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    extra = ()
    rows = list(deltas.items())
    if model is CoMention:
        extra = ("other_kind",)
        kinds = {}
        for chunk in _chunks({key[1] for key in deltas}):
            kinds.update(Entity.objects.using(using).filter(pk__in=chunk).values_list("pk", "kind"))
        rows = [(key, (kinds.get(key[1], ""), *amounts)) for key, amounts in rows]
    columns = (*keys, *extra, *values)
    sets = ", ".join(f"{quote(v)} = {table}.{quote(v)} + excluded.{quote(v)}" for v in values)
    width = len(columns)
    batch = max(1, 900 // width)
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, batch):
            placeholders = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(chunk))
            params = [value for key, amounts in chunk for value in (*key, *amounts)]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES {placeholders} ON CONFLICT ({', '.join(quote(k) for k in keys)}) "
                f"DO UPDATE SET {sets}",
                params,
            )
        zero = " AND ".join(f"{quote(v)} = 0" for v in values)
        first = quote(keys[0])
        for chunk in _chunks(sorted({key[0] for key in deltas})):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {zero} AND {first} IN ({marks})", chunk)


def _write_facts(old: Facts, new: Facts, using: str) -> None:
    for model, (attr, columns) in FIELDS.items():
        before, after = getattr(old, attr), getattr(new, attr)
        gone = [old.ids[(model, row)] for row in before - after]
        for chunk in _chunks(gone):
            model.objects.using(using).filter(pk__in=chunk).delete()
        added = after - before
        model.objects.using(using).bulk_create(
            (model(**dict(zip(columns, row, strict=True))) for row in added), batch_size=CHUNK
        )


def _lock(using: str) -> None:
    """Refreshes run one at a time: two reading the same old facts would count twice."""
    locks = SummaryLock.objects.using(using)
    if not locks.filter(pk=1).update(refreshes=F("refreshes") + 1):
        locks.get_or_create(pk=1)


def affected_articles(
    articles=(), quotes=(), entities=(), tags=(), using: str = "default"
) -> tuple[set, set]:
    """The articles whose facts may have changed, and the quotes among them that may have
    moved, from what a transaction touched (read both from the rows as they are now and
    from the facts as they were)."""
    articles, quotes = set(articles), set(quotes)
    db = Quote.objects.using(using)
    for chunk in _chunks(list(entities)):
        for model, column in (
            (EntityArticle, "entity_id"),
            (QuoteFact, "speaker_id"),
            (QuoteFact, "replied_to_id"),
            (QuoteFact, "said_to_id"),
            (QuoteAboutFact, "entity_id"),
            (QuoteAboutFact, "speaker_id"),
            (TagQuoteFact, "speaker_id"),
            (ArticleFact, "dateline_id"),
        ):
            articles |= set(
                model.objects.using(using)
                .filter(**{f"{column}__in": chunk})
                .values_list("article_id", flat=True)
            )
        articles |= set(
            Mention.objects.using(using)
            .filter(entity_id__in=chunk)
            .values_list("article_id", flat=True)
        )
        quotes |= set(
            db.filter(
                Q(speaker_id__in=chunk) | Q(about__in=chunk) | Q(said_to_id__in=chunk)
            ).values_list("pk", flat=True)
        )
    for chunk in _chunks(list(tags)):
        articles |= set(
            TagQuoteFact.objects.using(using)
            .filter(tag_id__in=chunk)
            .values_list("article_id", flat=True)
        )
        quotes |= set(
            TaggedQuote.objects.using(using)
            .filter(tag_id__in=chunk)
            .values_list("content_object_id", flat=True)
        )
    for chunk in _chunks(list(quotes)):
        articles |= set(db.filter(pk__in=chunk).values_list("article_id", flat=True))
        articles |= set(
            QuoteFact.objects.using(using).filter(pk__in=chunk).values_list("article_id", flat=True)
        )
    # A quote's speaker is shown on the replies to it ("answers to them").
    answered = set()
    for chunk in _chunks(list(articles)):
        answered |= set(db.filter(article_id__in=chunk).values_list("pk", flat=True))
        answered |= set(
            QuoteFact.objects.using(using)
            .filter(article_id__in=chunk)
            .values_list("quote_id", flat=True)
        )
    for chunk in _chunks(list(answered)):
        articles |= set(db.filter(answers_id__in=chunk).values_list("article_id", flat=True))
        articles |= set(
            QuoteFact.objects.using(using)
            .filter(answers_id__in=chunk)
            .values_list("article_id", flat=True)
        )
    return articles, quotes


def refresh(articles=(), quotes=(), entities=(), tags=(), using: str = "default") -> int:
    """Bring the summaries in line with the database for what a transaction touched;
    returns how many articles were compared."""
    shown = Shown()
    with transaction.atomic(using=using):
        _lock(using)
        ids, moved = affected_articles(articles, quotes, entities, tags, using)
        for chunk in _chunks(sorted(ids)):
            new = source_facts(chunk, using)
            new_quotes = {row[0] for row in new.quotes} & moved
            old = stored_facts(chunk, new_quotes, using)
            # Pages show the articles' text too, not only what the facts hold.
            shown.add(chunk, old, new)
            if old.articles == new.articles and all(
                getattr(old, attr) == getattr(new, attr) for attr, _ in FIELDS.values()
            ):
                continue
            _write_facts(old, new, using)
            before, after = contributions(old), contributions(new)
            for model in FIGURE_MODELS:
                _bump(model, _difference(after[model], before[model]), using)
    if ids:
        names = shown.page_names(using)
        if transaction.get_connection(using).in_atomic_block:
            # Run before a commit: bumped earlier, a reader could cache the old page under
            # the new version.
            transaction.on_commit(lambda: pagecache.bump(names), using=using)
        else:
            pagecache.bump(names)
    return len(ids)


@dataclass
class Shown:
    """The pages a refresh's articles appear on (for the page cache)."""

    articles: set = field(default_factory=set)
    entities: set = field(default_factory=set)
    tags: set = field(default_factory=set)

    def add(self, chunk, *facts: Facts) -> None:
        self.articles |= set(chunk)
        for f in facts:
            if not f.articles:
                continue
            self.entities |= {row[0] for row in f.entity_articles}
            self.entities |= {row[2] for row in f.articles}
            for row in f.quotes:
                self.entities |= {row[4], row[7], row[8]}
            self.entities |= {row[1] for row in f.about} | {row[2] for row in f.about}
            self.tags |= {row[0] for row in f.tags}
            self.entities |= {row[2] for row in f.tags}
        self.entities.discard(None)

    def page_names(self, using: str) -> set[str]:
        from taggit.models import Tag

        from archive.models import Membership

        names = {pagecache.LISTS}
        entities = set(self.entities)
        for chunk in _chunks(sorted(entities)):
            # A person's quotes are shown on their organizations' pages.
            entities |= set(
                Membership.objects.using(using)
                .filter(person_id__in=chunk)
                .values_list("organization_id", flat=True)
            )
        for chunk in _chunks(sorted(entities)):
            for pk, kind, slug in (
                Entity.objects.using(using).filter(pk__in=chunk).values_list("pk", "kind", "slug")
            ):
                names |= {pagecache.entity_name(kind, slug), pagecache.entity_id_name(pk)}
        for chunk in _chunks(sorted(self.tags)):
            slugs = Tag.objects.using(using).filter(pk__in=chunk).values_list("slug", flat=True)
            names |= {pagecache.tag_name(slug) for slug in slugs}
        for chunk in _chunks(sorted(self.articles)):
            for day, slug in (
                Article.objects.using(using)
                .filter(pk__in=chunk)
                .values_list("published_on", "slug")
            ):
                names.add(pagecache.article_name(day, slug))
        return names


def comention_sql(comention, entity_article, entity_paragraph, quote_fact, about_fact, entity):
    """CoMention from the facts (contributions() computes the same per article): articles
    naming both, quotes linking them, paragraphs naming both, mentions of the other where
    both are named. Migration 0026 keeps a copy of this statement."""
    links = (
        f"SELECT quote_id, speaker_id, entity_id AS other_id FROM {about_fact} "
        "WHERE speaker_id IS NOT NULL "
        f"UNION SELECT quote_id, speaker_id, said_to_id FROM {quote_fact} "
        "WHERE speaker_id IS NOT NULL AND said_to_id IS NOT NULL "
        f"UNION SELECT quote_id, speaker_id, replied_to_id FROM {quote_fact} "
        "WHERE speaker_id IS NOT NULL AND replied_to_id IS NOT NULL"
    )
    return (
        f"INSERT INTO {comention} (entity_id, other_id, other_kind, together, quotes, "
        "quotes_by, paragraphs, mentions) "
        "SELECT x.entity_id, x.other_id, e.kind, SUM(x.together), SUM(x.quotes), "
        "SUM(x.quotes_by), SUM(x.paragraphs), SUM(x.mentions) FROM ("
        "SELECT a.entity_id, b.entity_id AS other_id, COUNT(*) AS together, 0 AS quotes, "
        "0 AS quotes_by, 0 AS paragraphs, 0 AS mentions "
        f"FROM {entity_article} a JOIN {entity_article} b "
        "ON b.article_id = a.article_id AND b.entity_id <> a.entity_id "
        "GROUP BY a.entity_id, b.entity_id "
        "UNION ALL SELECT a.entity_id, b.entity_id, 0, 0, 0, COUNT(*), 0 "
        f"FROM {entity_paragraph} a JOIN {entity_paragraph} b ON b.article_id = a.article_id "
        "AND b.paragraph = a.paragraph AND b.entity_id <> a.entity_id "
        "GROUP BY a.entity_id, b.entity_id "
        "UNION ALL SELECT a.entity_id, b.entity_id, 0, 0, 0, 0, SUM(b.mentions) "
        f"FROM {entity_article} a JOIN {entity_paragraph} b "
        "ON b.article_id = a.article_id AND b.entity_id <> a.entity_id "
        "GROUP BY a.entity_id, b.entity_id "
        f"UNION ALL SELECT l.speaker_id, l.other_id, 0, COUNT(*), COUNT(*), 0, 0 FROM ({links}) l "
        "WHERE l.speaker_id <> l.other_id GROUP BY l.speaker_id, l.other_id "
        f"UNION ALL SELECT l.other_id, l.speaker_id, 0, COUNT(*), 0, 0, 0 FROM ({links}) l "
        "WHERE l.speaker_id <> l.other_id GROUP BY l.other_id, l.speaker_id"
        f") x JOIN {entity} e ON e.id = x.other_id GROUP BY x.entity_id, x.other_id, e.kind"
    )


def _aggregate_sql(using: str) -> list[str]:
    """The figures that are too many to build in Python, as INSERT … SELECT over the facts."""
    quote = connections[using].ops.quote_name

    def t(model):
        return quote(model._meta.db_table)

    return [
        comention_sql(
            t(CoMention),
            t(EntityArticle),
            t(EntityParagraph),
            t(QuoteFact),
            t(QuoteAboutFact),
            t(Entity),
        ),
        f"INSERT INTO {t(QuotePair)} (speaker_id, about_id, quotes) "
        f"SELECT speaker_id, entity_id, COUNT(*) FROM {t(QuoteAboutFact)} "
        "WHERE speaker_id IS NOT NULL GROUP BY speaker_id, entity_id",
        f"INSERT INTO {t(TagPair)} (tag_id, other_id, quotes) "
        f"SELECT a.tag_id, b.tag_id, COUNT(*) FROM {t(TagQuoteFact)} a "
        f"JOIN {t(TagQuoteFact)} b ON b.quote_id = a.quote_id AND b.tag_id <> a.tag_id "
        "GROUP BY a.tag_id, b.tag_id",
        f"INSERT INTO {t(TagSpeaker)} (tag_id, speaker_id, quotes) "
        f"SELECT tag_id, speaker_id, COUNT(*) FROM {t(TagQuoteFact)} "
        "WHERE speaker_id IS NOT NULL GROUP BY tag_id, speaker_id",
        f"INSERT INTO {t(TagFigures)} (tag_id, quotes) "
        f"SELECT tag_id, COUNT(*) FROM {t(TagQuoteFact)} GROUP BY tag_id",
    ]


def _entity_figures(using: str) -> list[EntityFigures]:
    counts = defaultdict(lambda: [0] * len(ENTITY_COUNTS))
    sources = (
        (EntityArticle, "entity_id", 0),
        (QuoteFact, "speaker_id", 1),
        (QuoteAboutFact, "entity_id", 2),
        (QuoteFact, "replied_to_id", 3),
        (QuoteFact, "answering_id", 4),
        (ArticleFact, "dateline_id", 5),
        (QuoteFact, "said_to_id", 6),
    )
    for model, column, index in sources:
        rows = (
            model.objects.using(using)
            .filter(**{f"{column}__isnull": False})
            .values_list(column)
            .annotate(n=Count("pk"))
            .order_by()
        )
        for entity, n in rows:
            counts[entity][index] = n
    return [
        EntityFigures(entity_id=entity, **dict(zip(ENTITY_COUNTS, values, strict=True)))
        for entity, values in counts.items()
    ]


def rebuild(using: str = "default", progress: Callable[[str], None] | None = None) -> dict:
    """Empty every summary table and refill it from the annotated rows."""
    say = progress or (lambda message: None)
    with transaction.atomic(using=using):
        _lock(using)
        for model in (*FACT_MODELS, *FIGURE_MODELS):
            model.objects.using(using).all().delete()
        ids = (
            Article.objects.using(using)
            .filter(status=ArticleStatus.PUBLISHED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        total = done = 0
        empty = Facts()
        for chunk in _chunks(ids.iterator(chunk_size=5000), 2000):
            _write_facts(empty, source_facts(chunk, using), using)
            done += len(chunk)
            if done // 20000 != (done - len(chunk)) // 20000:
                say(f"  facts of {done:,} articles")
        total = done
        with connections[using].cursor() as cursor:
            for statement in _aggregate_sql(using):
                cursor.execute(statement)
        say("  figures aggregated")
        EntityFigures.objects.using(using).bulk_create(_entity_figures(using), batch_size=2000)
        MonthFigures.objects.using(using).bulk_create(
            [
                MonthFigures(year=year, month=month, articles=n)
                for (year, month), n in _month_counts(using).items()
            ]
        )
    return {
        model._meta.verbose_name_plural: model.objects.using(using).count()
        for model in (*FACT_MODELS, *FIGURE_MODELS)
    } | {"articles": total}


def _month_counts(using: str) -> dict:
    """{(year, month): articles}, month as archive.dates.month_of gives it."""
    months = Counter()
    for day, precision, n in (
        ArticleFact.objects.using(using)
        .values_list("published_on", "published_precision")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        months[(day.year, month_of(day, precision))] += n
    return months
