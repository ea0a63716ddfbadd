"""Write a synthetic corpus to the database in batches, with bounded memory.

Each batch is one transaction: the articles (bulk_create returns their ids on SQLite and
PostgreSQL), then their contributors, mentions and quotes, then the quotes' tags, "about"
links and answers. No per-row full_clean: the composer places every span itself, and
the tests check the anchors against the text.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import transaction
from django.db.models import Max

from archive import anchoring
from archive.corpus.composer import ArticleDraft, Composer
from archive.corpus.population import Cast, Populator
from archive.models import (
    Article,
    ArticleContributor,
    Mention,
    Quote,
    TaggedQuote,
)

DEFAULT_BATCH_SIZE = 1_000


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


def write_batch(drafts: list[ArticleDraft]) -> dict[str, int]:
    """Insert one batch of composed articles with everything anchored in them."""
    counts = dict.fromkeys(("articles", "mentions", "quotes", "tags"), 0)
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
    counts.update(
        articles=len(articles), mentions=len(mentions), quotes=len(quotes), tags=len(tagged)
    )
    return counts


def generate(
    articles: int,
    seed: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[str], None] = lambda line: None,
) -> dict[str, int]:
    """Create `articles` articles and their cast; return the number of rows of each kind.

    Article numbers continue after the highest article id already stored, so an --append run
    never repeats the slugs of an earlier one.
    """
    started = time.monotonic()
    first = Article.objects.aggregate(last=Max("id"))["last"] or 0
    with transaction.atomic():
        cast: Cast = Populator(seed, articles).run()
    totals = {"entities": cast.entity_count, "articles": 0, "mentions": 0, "quotes": 0, "tags": 0}
    progress(f"{cast.entity_count:,} entities in {time.monotonic() - started:.1f} s")
    composer = Composer(seed, cast)
    for batch_start in range(first, first + articles, batch_size):
        batch_end = min(batch_start + batch_size, first + articles)
        drafts = [composer.compose(i) for i in range(batch_start, batch_end)]
        for key, value in write_batch(drafts).items():
            totals[key] += value
        elapsed = time.monotonic() - started
        done = totals["articles"]
        progress(
            f"{done:,}/{articles:,} articles, {totals['quotes']:,} quotes, "
            f"{totals['mentions']:,} mentions ({elapsed:.0f} s, {done / elapsed:.0f} articles/s)"
        )
    return totals
