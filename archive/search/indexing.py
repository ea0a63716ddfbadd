"""Turning articles, quotes and entities into search index rows.

`reindex(keys)` brings the index in line with the database for the given (kind, id) keys,
whatever happened to those objects (created, edited, unpublished, deleted); it reads the
objects in bulk, so its number of queries does not grow with the number of keys.
`rebuild_all()` refills the whole index (archive.search.bulk_index, or row by row).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Prefetch

from archive.dates import period_end
from archive.models import (
    Article,
    ArticleStatus,
    Entity,
    EntityKind,
    Event,
    FacetKind,
    Membership,
    Mention,
    Quote,
    ReviewStatus,
    SearchEntry,
    SearchFacet,
    SearchKind,
    SearchName,
)
from archive.names import fold, fold_words
from archive.search.backends import filter_words
from archive.search.highlight import strip_marks

BATCH = 500
_WORD = re.compile(r"[^\W_]+")
_ENTITY_FACET = {
    EntityKind.PERSON: FacetKind.PERSON,
    EntityKind.ORGANIZATION: FacetKind.ORGANIZATION,
}


@dataclass
class Row:
    entry: SearchEntry
    facets: dict[tuple[str, str], str] = field(default_factory=dict)

    def add_entity_facet(self, entity: Entity) -> None:
        facet = _ENTITY_FACET.get(entity.kind)
        if facet:
            self.facets[(facet, str(entity.pk))] = entity.name


def _text(value: str) -> str:
    return strip_marks(value or "")


def capitalised_keys(*texts: str) -> list[str]:
    """Folded keys of the capitalised words: in English text, names are capitalised, and
    keeping only those keeps the folded column small."""
    words = [w for text in texts for w in _WORD.findall(text or "") if w[:1].isupper()]
    return fold_words(" ".join(words))


def name_keys(entity: Entity) -> list[str]:
    """The folded keys of an entity's name and every alias (aliases prefetched)."""
    names = [entity.name, *(alias.name for alias in entity.aliases.all())]
    return [fold(name) for name in names]


def _folded(*parts: Iterable[str]) -> str:
    # Order is kept (phrases of names match in the folded column); repeats are not needed.
    return " ".join(dict.fromkeys(k for part in parts for k in part if k))


# --- articles -----------------------------------------------------------------------------


def _article_rows(ids: list[int], using: str = "default") -> Iterator[Row]:
    mentions = (
        Mention.objects.using(using)
        .filter(status=ReviewStatus.CONFIRMED, orphaned=False)
        .select_related("entity")
    )
    quotes = (
        Quote.objects.using(using)
        .filter(status=ReviewStatus.CONFIRMED, orphaned=False)
        .prefetch_related("tags")
    )
    articles = (
        Article.objects.using(using)
        .filter(pk__in=ids, status=ArticleStatus.PUBLISHED)
        .order_by()
        .prefetch_related(
            Prefetch("mentions", queryset=mentions),
            "mentions__entity__aliases",
            Prefetch("quotes", queryset=quotes),
        )
    )
    for article in articles:
        entities = {m.entity_id: m.entity for m in article.mentions.all()}
        entry = SearchEntry(
            kind=SearchKind.ARTICLE,
            object_id=article.pk,
            title=_text(article.headline),
            lead=_text(article.standfirst),
            body=_text(article.body),
            folded=_folded(
                capitalised_keys(article.headline, article.standfirst, article.body),
                *(name_keys(e) for e in entities.values()),
            ),
            # An undated article has no date or year to sort or facet on.
            date=article.published_on if article.is_dated else None,
            date_end=period_end(article.published_on, article.published_precision),
            year=article.published_on.year if article.is_dated else None,
            path=article.get_absolute_url(),
            context="",
        )
        row = Row(entry)
        for entity in entities.values():
            row.add_entity_facet(entity)
        for quote in article.quotes.all():
            for tag in quote.tags.all():
                row.facets[(FacetKind.TAG, tag.slug)] = tag.name
        yield row


# --- quotes -------------------------------------------------------------------------------


def _quote_rows(ids: list[int], using: str = "default") -> Iterator[Row]:
    quotes = (
        Quote.objects.using(using)
        .public()
        .filter(pk__in=ids)
        .order_by()
        .select_related("article", "speaker")
        .prefetch_related("tags", "speaker__aliases", "about__aliases")
    )
    for quote in quotes:
        article = quote.article
        about = list(quote.about.all())
        speaker = quote.speaker
        involved = ([speaker] if speaker else []) + about
        speaker_name = speaker.name if speaker else ""
        context = (
            f"{speaker_name} in “{article.headline}”" if speaker else f"In “{article.headline}”"
        )
        entry = SearchEntry(
            kind=SearchKind.QUOTE,
            object_id=quote.pk,
            title=_text(quote.exact),
            lead=_text(speaker_name),
            body=_text(" · ".join(e.name for e in about)),
            folded=_folded(capitalised_keys(quote.exact), *(name_keys(e) for e in involved)),
            # An undated article has no date or year to sort or facet on.
            date=article.published_on if article.is_dated else None,
            date_end=period_end(article.published_on, article.published_precision),
            year=article.published_on.year if article.is_dated else None,
            path=f"{article.get_absolute_url()}#{quote.anchor_id}",
            context=_text(context)[:500],
        )
        row = Row(entry)
        for entity in involved:
            row.add_entity_facet(entity)
        for tag in quote.tags.all():
            row.facets[(FacetKind.TAG, tag.slug)] = tag.name
        yield row


# --- entities -----------------------------------------------------------------------------


def _entity_rows(ids: list[int], using: str = "default") -> Iterator[Row]:
    entities = list(
        Entity.objects.using(using).filter(pk__in=ids).order_by().prefetch_related("aliases")
    )
    people = [e.pk for e in entities if e.kind == EntityKind.PERSON]
    events = [e.pk for e in entities if e.kind == EntityKind.EVENT]
    memberships: dict[int, list] = {}
    for membership in (
        Membership.objects.using(using).filter(person_id__in=people).select_related("organization")
    ):
        memberships.setdefault(membership.person_id, []).append(membership.organization)
    spans = {
        event.pk: event for event in Event.objects.using(using).filter(pk__in=events).order_by()
    }
    for entity in entities:
        aliases = [alias.name for alias in entity.aliases.all()]
        event = spans.get(entity.pk)
        start = event.start if event else None
        # The last day of the event (of its end, or of its start period): a date range finds
        # the events that overlap it.
        last = (event.end_partial or event.start_partial) if event else None
        date_end = last.end if last and last.end != start else None
        entry = SearchEntry(
            kind=entity.kind,
            object_id=entity.pk,
            title=_text(entity.name),
            lead=_text(
                " · ".join([*aliases, entity.description] if entity.description else aliases)
            ),
            body=_text(entity.summary),
            folded=_folded(name_keys(entity), capitalised_keys(entity.description, entity.summary)),
            date=start,
            date_end=date_end,
            year=start.year if start else None,
            path=entity.get_absolute_url(),
            context=_text(entity.description)[:500],
        )
        row = Row(entry)
        row.add_entity_facet(entity)
        for organization in memberships.get(entity.pk, []):
            row.add_entity_facet(organization)
        yield row


def name_rows(entities: Iterable[Entity]) -> Iterator[SearchName]:
    """SearchName rows for every word suffix and every word of each name and alias."""
    for entity in entities:
        seen = set()
        for name in [entity.name, *(alias.name for alias in entity.aliases.all())]:
            keys = fold_words(name)
            spelled = _WORD.findall(name)
            if len(spelled) != len(keys):
                spelled = keys  # folding split the words differently: show the keys
            pairs = [(" ".join(keys[i:]), " ".join(spelled[i:])) for i in range(len(keys))]
            pairs += [(k, s) for k, s in zip(keys, spelled, strict=True) if len(k) > 1]
            for key, text in pairs:
                if (key, text) not in seen and key:
                    seen.add((key, text))
                    yield SearchName(
                        entity=entity,
                        key=key[:200],
                        text=text[:200],
                        name=name[:200],
                        canonical=name == entity.name,
                    )


# --- writing ------------------------------------------------------------------------------

BUILDERS = {
    SearchKind.ARTICLE: _article_rows,
    SearchKind.QUOTE: _quote_rows,
    "entity": _entity_rows,
}
ENTITY_KINDS = [SearchKind.PERSON, SearchKind.ORGANIZATION, SearchKind.PLACE, SearchKind.EVENT]


def _write(rows: list[Row], using: str = "default") -> None:
    for row in rows:
        row.entry.filters = filter_words(row.entry.kind, row.entry.year, row.facets)
    entries = SearchEntry.objects.using(using).bulk_create(
        [row.entry for row in rows], batch_size=BATCH
    )
    SearchFacet.objects.using(using).bulk_create(
        [
            SearchFacet(entry=entry, facet=facet, key=key, label=label[:200])
            for entry, row in zip(entries, rows, strict=True)
            for (facet, key), label in row.facets.items()
        ],
        batch_size=BATCH,
    )


def reindex(articles=(), quotes=(), entities=(), using: str = "default") -> None:
    """Make the index rows of these objects match database `using` (ids; any may be gone)."""
    articles, quotes, entities = sorted(set(articles)), sorted(set(quotes)), sorted(set(entities))
    entries = SearchEntry.objects.using(using)
    rows: list[Row] = []
    if articles:
        entries.filter(kind=SearchKind.ARTICLE, object_id__in=articles).delete()
        rows += _article_rows(articles, using)
    if quotes:
        entries.filter(kind=SearchKind.QUOTE, object_id__in=quotes).delete()
        rows += _quote_rows(quotes, using)
    if entities:
        entries.filter(kind__in=ENTITY_KINDS, object_id__in=entities).delete()
        entity_rows = list(_entity_rows(entities, using))
        rows += entity_rows
        SearchName.objects.using(using).filter(entity_id__in=entities).delete()
        SearchName.objects.using(using).bulk_create(
            name_rows(
                Entity.objects.using(using)
                .filter(pk__in=entities)
                .order_by()
                .prefetch_related("aliases")
            ),
            batch_size=BATCH,
        )
        # Other entries show these entities as facet values: keep their labels current, and
        # drop the values of entities that are gone.
        present = {row.entry.object_id: row.entry.title for row in entity_rows}
        entity_facets = [FacetKind.PERSON, FacetKind.ORGANIZATION]
        gone = [str(pk) for pk in entities if pk not in present]
        facets = SearchFacet.objects.using(using).filter(facet__in=entity_facets)
        if gone:
            facets.filter(key__in=gone).delete()
        for pk, name in present.items():
            facets.filter(key=str(pk)).exclude(label=name[:200]).update(label=name[:200])
    _write(rows, using)


def _chunks(queryset, size: int = BATCH) -> Iterator[list[int]]:
    """Primary keys in ascending chunks, read by key range so memory stays bounded."""
    last = 0
    while True:
        ids = list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def rebuild_all(progress=None, fast: bool = True, workers: int | None = None) -> dict[str, int]:
    """Empty the index and fill it again from the database, in one transaction.

    `fast` builds the article and quote rows from plain SQL reads and writes them by COPY or
    executemany (archive.search.bulk_index); otherwise every row is built through the ORM,
    BATCH objects at a time (the reference the fast path is tested against).
    `progress(label, done, total)` is called after each chunk; `workers` (fast only): how
    many processes build rows (default: the CPUs, at most 4)."""
    from archive.search import bulk_index
    from archive.search.backends import current

    if fast:
        return bulk_index.rebuild(progress, workers)
    with current().bulk_loading():
        return _rebuild_row_by_row(progress)


def _rebuild_row_by_row(progress=None) -> dict[str, int]:
    counts = {"articles": 0, "quotes": 0, "entities": 0}
    SearchFacet.objects.all()._raw_delete(SearchFacet.objects.db)
    SearchEntry.objects.all()._raw_delete(SearchEntry.objects.db)
    SearchName.objects.all()._raw_delete(SearchName.objects.db)
    sources = [
        ("articles", Article.objects.published(), _article_rows),
        ("quotes", Quote.objects.public(), _quote_rows),
        ("entities", Entity.objects.all(), _entity_rows),
    ]
    for label, queryset, build in sources:
        total = queryset.count()
        for ids in _chunks(queryset):
            _write(list(build(ids)))
            if label == "entities":
                SearchName.objects.bulk_create(
                    name_rows(
                        Entity.objects.filter(pk__in=ids).order_by().prefetch_related("aliases")
                    ),
                    batch_size=BATCH,
                )
            counts[label] += len(ids)
            if progress:
                progress(label, counts[label], total)
    return counts
