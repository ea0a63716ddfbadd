"""The stored summaries equal a fresh computation after any sequence of edits, merges and
imports.

Two checks after every sequence: the incrementally maintained tables equal what
`rebuild_summaries` computes from scratch, and the figures equal the queries the pages ran
before there were summaries (Entity.objects.co_mentioned_with and friends), so the stored
figures mean what the pages always said.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from taggit.models import Tag

from archive.importer.importing import import_bytes
from archive.merging import merge_entities, merge_tags
from archive.models import (
    FACT_MODELS,
    FIGURE_MODELS,
    Article,
    ArticleStatus,
    Entity,
    Mention,
    Organization,
    Person,
    Place,
    Quote,
    ReviewStatus,
    TaggedQuote,
)
from archive.models.summaries import (
    CoMention,
    EntityFigures,
    MonthFigures,
    QuotePair,
    TagFigures,
    TagPair,
    TagSpeaker,
)
from archive.summaries import tracking

PEOPLE = ["Ann Arlen", "Bob Brand", "Cat Cole", "Dan Dorn"]
ORGS = ["Watch Group", "Press Office"]
PHRASES = ["one small step", "two large steps", "three more steps"]
TAGS = ["vote", "court", "press"]
BODY = (
    " ".join(PEOPLE + ORGS)
    + " met. "
    + " ".join(f'Someone said "{phrase}".' for phrase in PHRASES)
    + "\n\nThe end."
)


def snapshot() -> dict:
    """Every summary table as a sorted list of rows, surrogate ids left out."""
    tables = {}
    for model in (*FACT_MODELS, *FIGURE_MODELS):
        columns = [
            f.attname for f in model._meta.concrete_fields if not (f.primary_key and f.name == "id")
        ]
        tables[model.__name__] = sorted(model.objects.values_list(*columns))
    return tables


def figures_by_query() -> dict:
    """The figures as the pages computed them before they were stored."""
    public = Quote.objects.public()
    expected = {
        "co": {},
        "pairs": {},
        "entity": {},
        "tags": {},
        "tag_speakers": {},
        "tag_pairs": {},
    }
    for entity in Entity.objects.all():
        for other in Entity.objects.co_mentioned_with(entity):
            expected["co"][(entity.pk, other.pk)] = other.together
        for other in Entity.objects.spoken_about_by(entity):
            expected["pairs"][(entity.pk, other.pk)] = other.quotes
        counts = (
            Article.objects.mentioning(entity).count(),
            public.by(entity).count(),
            public.about(entity).exclude(speaker=entity).count(),
            # Answers to them, unless also about them (listed once on the page).
            public.answering_quotes_by(entity)
            .exclude(speaker=entity)
            .exclude(about=entity)
            .count(),
            public.by(entity).answering_public().count(),
            Article.objects.published().filter(dateline_place=entity).count(),
            # Said to them, unless said by them, also about them or answering them.
            public.filter(said_to=entity)
            .exclude(about=entity)
            .exclude(speaker=entity)
            .exclude(pk__in=public.answering_quotes_by(entity).values("pk"))
            .count(),
        )
        if any(counts):
            expected["entity"][entity.pk] = counts
    for tag in Tag.objects.all():
        quotes = public.with_tag(tag)
        if quotes.exists():
            expected["tags"][tag.pk] = quotes.count()
        for speaker in quotes.speaker_counts():
            expected["tag_speakers"][(tag.pk, speaker.pk)] = speaker.quotes
        for other in quotes.tag_counts().exclude(pk=tag.pk):
            expected["tag_pairs"][(tag.pk, other.pk)] = other.quotes
    expected["closeness"] = closeness_by_query()
    expected["months"] = {
        (row["year"], row["month"]): row["count"] for row in Article.objects.counts_by_month()
    }
    return expected


def closeness_by_query() -> dict:
    """(entity, other) -> (quotes linking them, of those by entity, paragraphs naming both,
    mentions of other in the articles naming both), read from the annotated rows."""
    from collections import Counter, defaultdict

    from archive.summaries import paragraph_of

    named = defaultdict(lambda: defaultdict(Counter))  # article -> entity -> paragraph -> n
    for mention in Mention.objects.public().select_related("article"):
        where = paragraph_of(mention.part, mention.start, mention.article.body)
        named[mention.article_id][mention.entity_id][where] += 1
    found = defaultdict(lambda: [0, 0, 0, 0])
    for in_article in named.values():
        for a in in_article:
            for b in in_article:
                if a != b:
                    found[(a, b)][2] += len(in_article[a].keys() & in_article[b].keys())
                    found[(a, b)][3] += sum(in_article[b].values())
    for quote in Quote.objects.public().exclude(speaker=None):
        others = set(quote.about.values_list("pk", flat=True)) | {quote.said_to_id}
        if quote.answers_id and Quote.objects.public().filter(pk=quote.answers_id).exists():
            others.add(quote.answers.speaker_id)
        for other in others - {None, quote.speaker_id}:
            found[(quote.speaker_id, other)][0] += 1
            found[(quote.speaker_id, other)][1] += 1
            found[(other, quote.speaker_id)][0] += 1
    return {key: tuple(v) for key, v in found.items() if any(v)}


def figures_stored() -> dict:
    return {
        "co": {
            (a, b): n
            for a, b, n in CoMention.objects.filter(together__gt=0).values_list(
                "entity_id", "other_id", "together"
            )
        },
        "closeness": {
            (a, b): tuple(rest)
            for a, b, *rest in CoMention.objects.values_list(
                "entity_id", "other_id", "quotes", "quotes_by", "paragraphs", "mentions"
            )
            if any(rest)
        },
        "pairs": {
            (a, b): n
            for a, b, n in QuotePair.objects.values_list("speaker_id", "about_id", "quotes")
        },
        "entity": {
            f.entity_id: (
                f.articles,
                f.quotes_by,
                f.quotes_about,
                f.replies,
                f.answers,
                f.datelined,
                f.said_to,
            )
            for f in EntityFigures.objects.all()
        },
        "tags": dict(TagFigures.objects.values_list("tag_id", "quotes")),
        "tag_speakers": {
            (a, b): n
            for a, b, n in TagSpeaker.objects.values_list("tag_id", "speaker_id", "quotes")
        },
        "tag_pairs": {
            (a, b): n for a, b, n in TagPair.objects.values_list("tag_id", "other_id", "quotes")
        },
        "months": {
            (y, m): n for y, m, n in MonthFigures.objects.values_list("year", "month", "articles")
        },
    }


def assert_fresh():
    tracking.settle()
    kept = snapshot()
    stored = figures_stored()
    assert stored == figures_by_query()
    call_command("rebuild_summaries", verbosity=0)
    assert snapshot() == kept


class World:
    """A small archive that operations change; indices wrap around what exists."""

    def __init__(self):
        self.people = [
            Person.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in PEOPLE
        ]
        self.orgs = [
            Organization.objects.create(name=name, slug=name.lower().replace(" ", "-"))
            for name in ORGS
        ]
        self.places = [
            Place.objects.create(name=name, slug=name.lower()) for name in ("Almaty", "Prague")
        ]
        self.articles, self.quotes, self.days = [], [], 0

    @property
    def entities(self):
        return [*self.people, *self.orgs]

    def pick(self, items, index):
        return items[index % len(items)] if items else None

    def new_article(self, published):
        self.days += 17
        article = Article.objects.create(
            headline=f"Report {self.days}",
            slug=f"report-{self.days}",
            body=BODY,
            published_on=dt.date(2004, 1, 1) + dt.timedelta(days=self.days),
            status=ArticleStatus.PUBLISHED if published else ArticleStatus.DRAFT,
        )
        self.articles.append(article)

    def publish(self, i, published):
        article = self.pick(self.articles, i)
        if article:
            article.status = ArticleStatus.PUBLISHED if published else ArticleStatus.DRAFT
            article.save()

    def dateline(self, i, p):
        article = self.pick(self.articles, i)
        if article:
            article.dateline_place = None if p is None else self.pick(self.places, p)
            article.save()

    def delete_place(self, p):
        place = self.pick(self.places, p)
        if place and place.pk:
            self.places.remove(place)
            place.delete()

    def mention(self, i, e):
        article, entity = self.pick(self.articles, i), self.pick(self.entities, e)
        if article is None or entity.name not in article.body:
            return
        if not Mention.objects.filter(article=article, entity=entity).exists():
            mention = Mention(article=article, entity=entity)
            mention.anchor_to(entity.name)
            mention.save()

    def unmention(self, i, e):
        article, entity = self.pick(self.articles, i), self.pick(self.entities, e)
        if article:
            Mention.objects.filter(article=article, entity=entity).delete()

    def orphan(self, i, flag):
        article = self.pick(self.articles, i)
        if article:
            Mention.objects.filter(article=article).update(orphaned=flag)

    def quote(self, i, p, s, about, tags):
        article, phrase = self.pick(self.articles, i), PHRASES[p % len(PHRASES)]
        if article is None or phrase not in article.body:
            return
        quote = Quote(article=article, speaker=None if s is None else self.pick(self.entities, s))
        quote.anchor_to(phrase)
        quote.save()
        quote.about.set([self.pick(self.entities, a) for a in about])
        quote.tags.add(*(TAGS[t % len(TAGS)] for t in tags))
        self.quotes.append(quote)

    def live_quote(self, q):
        quote = self.pick(self.quotes, q)
        if quote is None:
            return None
        return Quote.objects.filter(pk=quote.pk).first()

    def requote(self, q, s):
        quote = self.live_quote(q)
        if quote:
            quote.speaker = None if s is None else self.pick(self.entities, s)
            quote.save()

    def status(self, q, status):
        quote = self.live_quote(q)
        if quote:  # as the admin's bulk action does it
            quote.status = status
            Quote.objects.bulk_update([quote], ["status"])

    def tag(self, q, t, add):
        quote = self.live_quote(q)
        if quote:
            name = TAGS[t % len(TAGS)]
            if add:
                quote.tags.add(name)
            else:
                TaggedQuote.objects.filter(content_object=quote, tag__name=name).delete()

    def about(self, q, e, add):
        quote, entity = self.live_quote(q), self.pick(self.entities, e)
        if quote:
            if add:
                quote.about.add(entity)
            else:
                entity.quotes_about.remove(quote)

    def tell(self, q, e):
        quote = self.live_quote(q)
        if quote:
            quote.said_to = None if e is None else self.pick(self.entities, e)
            quote.save()

    def answer(self, q, r):
        quote, answered = self.live_quote(q), self.live_quote(r)
        if quote and answered and quote.pk != answered.pk:
            quote.answers = answered
            quote.save()

    def delete_quote(self, q):
        quote = self.live_quote(q)
        if quote:
            quote.delete()

    def delete_article(self, i):
        article = self.pick(self.articles, i)
        if article:
            self.articles.remove(article)
            article.delete()

    def merge(self, a, b):
        survivor, duplicate = self.pick(self.people, a), self.pick(self.people, b)
        if len(self.people) > 1 and survivor.pk != duplicate.pk:
            merge_entities(survivor, [duplicate])
            self.people.remove(duplicate)

    def merge_tags(self, a, b):
        tags = list(Tag.objects.order_by("pk"))
        if len(tags) > 1 and a % len(tags) != b % len(tags):
            merge_tags(tags[a % len(tags)], [tags[b % len(tags)]])

    def delete_tag(self, t):
        Tag.objects.filter(name=TAGS[t % len(TAGS)]).delete()

    def import_article(self, published):
        self.days += 17
        day = dt.date(2004, 1, 1) + dt.timedelta(days=self.days)
        text = (
            f"Headline: Imported {self.days}\nDate: {day.isoformat()}\n\n"
            f'"We will appeal," Ann Arlen said. Watch Group agreed with Bob Brand.\n'
        )
        outcome = import_bytes(f"import-{self.days}.txt", text.encode())
        assert outcome.problem is None, outcome.problem
        article = outcome.article
        if published:  # an editor accepts the suggestions and publishes
            Quote.objects.filter(article=article).update(status=ReviewStatus.CONFIRMED)
            Mention.objects.filter(article=article).update(status=ReviewStatus.CONFIRMED)
            article.status = ArticleStatus.PUBLISHED
            article.save()
        self.articles.append(article)


small = st.integers(0, 7)
OPERATIONS = st.one_of(
    st.tuples(st.just("new_article"), st.booleans()),
    st.tuples(st.just("publish"), small, st.booleans()),
    st.tuples(st.just("mention"), small, small),
    st.tuples(st.just("mention"), small, small),
    st.tuples(st.just("dateline"), small, st.none() | small),
    st.tuples(st.just("delete_place"), small),
    st.tuples(st.just("unmention"), small, small),
    st.tuples(st.just("orphan"), small, st.booleans()),
    st.tuples(
        st.just("quote"),
        small,
        small,
        st.none() | small,
        st.lists(small, max_size=3),
        st.lists(small, max_size=3),
    ),
    st.tuples(st.just("requote"), small, st.none() | small),
    st.tuples(st.just("status"), small, st.sampled_from(ReviewStatus.values)),
    st.tuples(st.just("tag"), small, small, st.booleans()),
    st.tuples(st.just("about"), small, small, st.booleans()),
    st.tuples(st.just("answer"), small, small),
    st.tuples(st.just("tell"), small, st.none() | small),
    st.tuples(st.just("delete_quote"), small),
    st.tuples(st.just("delete_article"), small),
    st.tuples(st.just("merge"), small, small),
    st.tuples(st.just("merge_tags"), small, small),
    st.tuples(st.just("delete_tag"), small),
    st.tuples(st.just("import_article"), st.booleans()),
)


class TestStoredEqualsFresh(TestCase):
    @settings(
        max_examples=20,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        setup=st.lists(OPERATIONS, min_size=3, max_size=12),
        edits=st.lists(OPERATIONS, min_size=1, max_size=12),
    )
    # A reply in one article to a quote in another, then the answered quote hidden: the
    # reply stays public but answers nothing readers may see (no "answers" for its speaker,
    # no "answers to them" for the other).
    @example(
        setup=[("quote", 1, 0, 0, [], []), ("quote", 0, 1, 1, [], []), ("answer", 1, 0)],
        edits=[("status", 0, ReviewStatus.REJECTED)],
    )
    @example(
        setup=[("quote", 1, 0, 0, [], []), ("quote", 0, 1, 1, [], []), ("answer", 1, 0)],
        edits=[("publish", 1, False)],
    )
    @example(
        setup=[
            ("quote", 1, 0, 0, [], []),
            ("quote", 0, 1, 1, [], []),
            ("answer", 1, 0),
            ("status", 0, ReviewStatus.SUGGESTED),
        ],
        edits=[("status", 0, ReviewStatus.CONFIRMED)],
    )
    # Said to someone who is also what it is about, or who said it: their page lists it once,
    # among the quotes about them or by them, not again as said to them.
    @example(setup=[("quote", 0, 0, 0, [], []), ("tell", 0, 1)], edits=[("about", 0, 1, True)])
    @example(setup=[("quote", 0, 0, 0, [], []), ("tell", 0, 1)], edits=[("requote", 0, 1)])
    def test_any_sequence(self, setup, edits):
        world = World()
        for _ in range(3):
            world.new_article(True)
        for operation in setup:
            getattr(world, operation[0])(*operation[1:])
        # Settled in the middle too: later edits start from stored figures.
        assert_fresh()
        for operation in edits:
            getattr(world, operation[0])(*operation[1:])
        assert_fresh()


@pytest.mark.django_db(transaction=True)
def test_maintained_on_commit(person, organization):
    """Outside a test transaction the refresh runs on commit, with no settle() needed."""
    article = Article.objects.create(
        headline="A report",
        slug="a-report",
        body='Vanessa Saenen of Human Rights Watch said "we are worried".',
        published_on=dt.date(2004, 4, 6),
        status=ArticleStatus.PUBLISHED,
    )
    for entity in (person, organization):
        mention = Mention(article=article, entity=entity)
        mention.anchor_to(entity.name)
        mention.save()
    assert CoMention.objects.get(entity=person, other=organization).together == 1
    assert EntityFigures.objects.get(entity=person).articles == 1
    article.status = ArticleStatus.DRAFT
    article.save()
    assert not CoMention.objects.exists()
    assert not EntityFigures.objects.exists()


def test_rebuild_of_the_seed(seed):
    """The seed archive: the command's figures equal the pages' old queries."""
    call_command("rebuild_summaries", verbosity=0)
    assert figures_stored() == figures_by_query()
    assert EntityFigures.objects.aggregate(n=Count("pk"))["n"] > 0


def test_generated_corpus_is_summarized(db):
    """generate_corpus writes in bulk (no signals) and rebuilds the summaries at the end."""
    call_command("generate_corpus", "--articles=30", "--skip-index", stdout=StringIO())
    assert figures_stored() == figures_by_query()
    assert CoMention.objects.exists() and TagFigures.objects.exists()
