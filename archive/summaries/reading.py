"""What the public pages read from the stored summaries: each call one query on one index,
its cost bounded by what the page shows."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Exists, OuterRef, Subquery, Sum

from archive.dates import UNDATED, Precision
from archive.models import Article, Quote
from archive.models.summaries import (
    CLOSENESS_ORDER,
    QUOTE_ORDER,
    ArticleFact,
    CoMention,
    EntityArticle,
    EntityFigures,
    MonthFigures,
    QuoteAboutFact,
    QuoteFact,
    QuotePair,
    TagFigures,
    TagPair,
    TagQuoteFact,
    TagSpeaker,
)
from archive.summaries import ENTITY_COUNTS, place, tracking
from archive.views.paging import page_by_key

ARTICLE_ORDER = ("-published_on", "-article_id")
SPEAKER_KINDS = ("person", "organization")


def settled():
    """Summaries include what this very transaction wrote (a script, a test)."""
    tracking.settle()


class NoFigures:
    def __getattr__(self, name):
        if name in ENTITY_COUNTS:
            return 0
        raise AttributeError(name)


def entity_figures(entity):
    settled()
    return EntityFigures.objects.filter(entity_id=entity.pk).first() or NoFigures()


def quotes_by_speakers(speaker_ids) -> int:
    """How many public quotes these entities said between them (each quote has one
    speaker, so the sum is exact)."""
    total = EntityFigures.objects.filter(entity_id__in=speaker_ids).aggregate(n=Sum("quotes_by"))
    return total["n"] or 0


def _quote_key(quote):
    return (quote.article.published_on, quote.article_id, place(quote.part, quote.start))


def _load_quotes(rows):
    return Quote.objects.filter(pk__in=rows).with_context().latest_first()


def quote_page(request, facts, count, param="page", per_page=None):
    """A page of quote cards from fact rows (QuoteFact, QuoteAboutFact, TagQuoteFact)."""
    return page_by_key(
        request,
        facts.values("quote_id"),
        QUOTE_ORDER,
        _load_quotes,
        _quote_key,
        count,
        param,
        per_page,
    )


def quotes_by(request, speaker_ids, count, param="page", per_page=None):
    facts = QuoteFact.objects.filter(speaker_id__in=speaker_ids)
    return quote_page(request, facts, count, param, per_page)


def replies_to(request, entity, count, param, per_page=None):
    facts = QuoteFact.objects.filter(replied_to_id=entity.pk)
    return quote_page(request, facts, count, param, per_page)


def answers_by(request, entity, count, param, per_page=None):
    facts = QuoteFact.objects.filter(answering_id=entity.pk)
    return quote_page(request, facts, count, param, per_page)


def said_to(request, entity, count, param, per_page=None, not_by=()):
    """Quotes said to the entity; `not_by`: speakers whose quotes another list of the page
    owns (an organization's people), left out of the list and of its count."""
    facts = QuoteFact.objects.filter(said_to_id=entity.pk)
    if not_by and count:
        facts = facts.exclude(speaker_id__in=not_by)
        # The left-out quotes: a probe on the speakers' own lists, as long as theirs are.
        count -= QuoteFact.objects.filter(said_to_id=entity.pk, speaker_id__in=not_by).count()
    return quote_page(request, facts, count, param, per_page)


def quotes_about(request, entity, count, param, per_page=None, not_by=()):
    """Quotes about the entity by others; `not_by` as for said_to (the count from the stored
    speaker–subject pairs)."""
    facts = QuoteAboutFact.objects.filter(entity_id=entity.pk)
    if not_by and count:
        facts = facts.exclude(speaker_id__in=not_by)
        theirs = QuotePair.objects.filter(about_id=entity.pk, speaker_id__in=not_by)
        count -= theirs.aggregate(n=Sum("quotes"))["n"] or 0
    return quote_page(request, facts, count, param, per_page)


def tagged(request, tag, param="page", per_page=None):
    settled()
    figures = TagFigures.objects.filter(tag_id=tag.pk).first()
    facts = TagQuoteFact.objects.filter(tag_id=tag.pk)
    return quote_page(request, facts, figures.quotes if figures else 0, param, per_page)


def quote_index(request, filters, param="page", per_page=None):
    """A page of the quotes index (archive.views.quote_index): the public quotes that pass
    every filter, newest first. The list is walked on the index of the shortest stored list
    the filters name (a tag's quotes, the quotes about an entity, a speaker's or an
    organization's people's, else all quotes) and each other filter is checked per row on
    its own index, so a page costs at most the length of that one list, never the archive.
    The total is a stored figure when a single filter has one; otherwise there is none
    (None): the page says only whether more follow."""
    settled()
    lists = {}  # filter → how many quotes its stored list holds
    figures_of = [e.pk for e in (filters.about,) if e is not None] + (filters.speaker_ids or [])
    figures = {row.entity_id: row for row in EntityFigures.objects.filter(entity_id__in=figures_of)}
    if filters.speaker_ids is not None:
        lists["speaker"] = sum(figures[pk].quotes_by for pk in filters.speaker_ids if pk in figures)
    if filters.about is not None:
        lists["about"] = (
            figures[filters.about.pk].quotes_about if filters.about.pk in figures else 0
        )
    if filters.tag is not None:
        stored = TagFigures.objects.filter(tag_id=filters.tag.pk).values_list("quotes", flat=True)
        lists["tag"] = next(iter(stored), 0)
    driver = min(lists, key=lists.get) if lists else None
    if driver == "tag":
        facts = TagQuoteFact.objects.filter(tag_id=filters.tag.pk)
    elif driver == "about":
        facts = QuoteAboutFact.objects.filter(entity_id=filters.about.pk)
    else:
        facts = QuoteFact.objects.all()
    # Every fact table carries the speaker, the date and the quote: the rest is a probe.
    if filters.speaker_ids is not None:
        facts = facts.filter(speaker_id__in=filters.speaker_ids)
    if filters.about is not None and driver != "about":
        about = QuoteAboutFact.objects.filter(
            entity_id=filters.about.pk, quote_id=OuterRef("quote_id")
        )
        facts = facts.filter(Exists(about))
    if filters.tag is not None and driver != "tag":
        tagged = TagQuoteFact.objects.filter(tag_id=filters.tag.pk, quote_id=OuterRef("quote_id"))
        facts = facts.filter(Exists(tagged))
    if filters.mode:
        # A probe by primary key per fact row, not a join: joined, SQLite walks every quote
        # of that mode and sorts them (100 ms at 100,000 articles) instead of the list.
        mode = Quote.objects.filter(pk=OuterRef("quote_id"), mode=filters.mode)
        facts = facts.filter(Exists(mode))
    if filters.date_from:
        facts = facts.filter(published_on__gte=filters.date_from)
    if filters.date_to:
        facts = facts.filter(published_on__lte=filters.date_to)
    if filters.date_from or filters.date_to:
        facts = facts.filter(published_on__gt=UNDATED)  # an undated quote is in no range
    if lists and min(lists.values()) == 0:
        count = 0  # one of the lists is empty: so is their intersection
    elif driver is not None and len(filters.raw) == 1:
        count = lists[driver]  # the one filter given is that list
    else:
        count = None
    return quote_page(request, facts, count, param, per_page)


def articles_mentioning(request, entity, count, param, per_page=None):
    def load(rows):
        return Article.objects.filter(pk__in=rows).with_byline().order_by("-published_on", "-pk")

    facts = EntityArticle.objects.filter(entity_id=entity.pk).values("article_id")
    return page_by_key(
        request,
        facts,
        ARTICLE_ORDER,
        load,
        lambda article: (article.published_on, article.pk),
        count,
        param,
        per_page,
    )


def articles_datelined(request, place, count, param, per_page=None):
    """The published articles datelined at a place, newest first, by key."""

    def load(rows):
        return Article.objects.filter(pk__in=rows).with_byline().order_by("-published_on", "-pk")

    return page_by_key(
        request,
        ArticleFact.objects.filter(dateline_id=place.pk).values("article_id"),
        ARTICLE_ORDER,
        load,
        lambda article: (article.published_on, article.pk),
        count,
        param,
        per_page,
    )


def _annotated(rows, relation, attribute):
    """The related rows, each carrying the figure it is listed with."""
    found = []
    for row in rows:
        other = getattr(row, relation)
        setattr(other, attribute, getattr(row, attribute))
        found.append(other)
    return found


def co_mentioned(entity, limit, speakers=False):
    """The entities named in most of the same published articles, then the most closely
    linked in them (CLOSENESS_ORDER): each with `together` and `link`, its CoMention row
    (the quotes linking the two, the paragraphs naming both, the other's mentions in the
    articles they share). One range scan of the entity's rank index."""
    settled()
    rows = CoMention.objects.filter(entity_id=entity.pk, together__gt=0)
    if speakers:
        rows = rows.filter(other_kind__in=SPEAKER_KINDS)
    rows = rows.select_related("other").order_by(*CLOSENESS_ORDER, "other__sort_name", "other_id")
    found = []
    for row in rows[:limit]:
        row.other.together, row.other.link = row.together, row
        found.append(row.other)
    return found


def spoken_about_by(entity, limit):
    """What the entity's public quotes are about, with `quotes`: how many."""
    rows = QuotePair.objects.filter(speaker_id=entity.pk).select_related("about")
    return _annotated(
        rows.order_by("-quotes", "about__sort_name", "about_id")[:limit], "about", "quotes"
    )


def speaking_about(entity, limit):
    """Who is quoted about the entity, with `quotes`: how many."""
    rows = QuotePair.objects.filter(about_id=entity.pk).select_related("speaker")
    return _annotated(
        rows.order_by("-quotes", "speaker__sort_name", "speaker_id")[:limit], "speaker", "quotes"
    )


def tag_speakers(tag, limit):
    rows = TagSpeaker.objects.filter(tag_id=tag.pk).select_related("speaker")
    return _annotated(
        rows.order_by("-quotes", "speaker__sort_name", "speaker_id")[:limit], "speaker", "quotes"
    )


def related_tags(tag, limit):
    rows = TagPair.objects.filter(tag_id=tag.pk).select_related("other")
    return _annotated(rows.order_by("-quotes", "other__name")[:limit], "other", "quotes")


def top_tags(limit):
    """The most used tags on public quotes, with `quotes`."""
    settled()
    rows = TagFigures.objects.select_related("tag").order_by("-quotes", "tag__name")[:limit]
    return _annotated(rows, "tag", "quotes")


def tags_by_name():
    """The tags on public quotes, A–Z, with `quotes` (a few thousand rows at most)."""
    from taggit.models import Tag

    quotes = TagFigures.objects.filter(tag_id=OuterRef("pk")).values("quotes")
    return Tag.objects.annotate(quotes=Subquery(quotes)).filter(quotes__gt=0).order_by("name")


def latest_quotes(limit):
    """The newest public quotes, from the stored list."""
    settled()
    ids = QuoteFact.objects.order_by(*QUOTE_ORDER).values("quote_id")[:limit]
    return list(Quote.objects.filter(pk__in=ids).with_context().latest_first())


RELATED_WINDOW = 25  # articles per entity on each side of the article's date


def related_articles(article, entity_ids, limit):
    """Other published articles naming the article's entities, most shared first, then the
    nearest in time. Candidates are, for each entity, the RELATED_WINDOW articles naming it
    just before and just after this one (all of them for an entity named in few articles),
    so the cost is bounded by the article's own entities, not by how busy they are."""
    settled()
    entity_ids = sorted(set(entity_ids))
    if not entity_ids:
        return []
    table = connection.ops.quote_name(EntityArticle._meta.db_table)
    windows, params = [], []
    for entity in entity_ids:
        for compare, order in (("<=", "DESC"), (">=", "ASC")):
            windows.append(
                f"SELECT article_id FROM (SELECT article_id FROM {table} WHERE entity_id = %s "
                f"AND published_on {compare} %s ORDER BY published_on {order}, article_id "
                f"{order} LIMIT {RELATED_WINDOW}) AS w{len(windows)}"
            )
            params += [entity, article.published_on]
    marks = ", ".join(["%s"] * len(entity_ids))
    sql = (
        f"SELECT s.article_id, COUNT(*) AS shared, MAX(s.published_on) AS day FROM {table} s "
        f"WHERE s.entity_id IN ({marks}) AND s.article_id <> %s "
        f"AND s.article_id IN ({' UNION ALL '.join(windows)}) "
        f"GROUP BY s.article_id ORDER BY shared DESC, day DESC, s.article_id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*entity_ids, article.pk, *params, limit])
        ranked = {row[0]: row[1] for row in cursor.fetchall()}
    found = Article.objects.filter(pk__in=ranked).with_byline().in_bulk()
    related = []
    for pk, shared in ranked.items():
        if pk in found:
            found[pk].shared = shared
            related.append(found[pk])
    return related


def counts_by_month():
    """(year, month, count) rows of the published archive, newest first."""
    settled()
    rows = MonthFigures.objects.order_by("-year", "-month").values("year", "month", "articles")
    return [{"year": r["year"], "month": r["month"], "count": r["articles"]} for r in rows]


def articles_of(request, year, month=None, param="page"):
    """A page of the published articles of a year or a month, newest first, by key."""
    settled()
    months = MonthFigures.objects.filter(year=year)
    if month is not None:
        months = months.filter(month=month)
        start, following = dt.date(year, month, 1), (year + month // 12, month % 12 + 1)
    else:
        start, following = dt.date(year, 1, 1), (year + 1, 1)
    end = dt.date(*following, 1) if following[0] <= dt.MAXYEAR else None
    count = months.aggregate(n=Sum("articles"))["n"] or 0
    facts = ArticleFact.objects.filter(published_on__gte=start)
    if end is not None:
        facts = facts.filter(published_on__lt=end)
    if month is not None:
        # A month lists what is known to be of it, as its figure counts (dates.month_of):
        # an article of "2002" or "spring 2002" is on the year's list, not January's or March's.
        facts = facts.filter(published_precision__in=(Precision.DAY, Precision.MONTH))

    def load(rows):
        return Article.objects.filter(pk__in=rows).with_byline().order_by("-published_on", "-pk")

    return page_by_key(
        request,
        facts.values("article_id"),
        ARTICLE_ORDER,
        load,
        lambda article: (article.published_on, article.pk),
        count,
        param,
    )
