"""Stored summaries: what the public pages show of many rows, kept so that a page reads a few.

Two layers, both maintained by archive.summaries (on commit, for the articles a transaction
touched) and rebuilt from scratch by `manage.py rebuild_summaries`:

- facts: one row per public thing a page lists, in the order the page lists it (the
  published articles, each entity's articles, the quotes by, about and tagged), so a long
  list pages by key on one index;
- figures: counts over the facts (quotes and articles per entity, co-mention weights, who is
  quoted about whom, tag counts, tags used together, articles per month).

The foreign keys carry no database constraint and do nothing on delete: a fact outlives its
row until the commit's refresh compares it with what the row has become, which is how the
figures learn what a deletion took away.
"""

from django.db import models
from taggit.models import Tag


def _ref(to, primary_key=False, **kwargs):
    field = models.OneToOneField if primary_key else models.ForeignKey
    if primary_key:
        kwargs["primary_key"] = True
    return field(to, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **kwargs)


class Summary(models.Model):
    DERIVED = True  # merges leave these rows alone; the refresh recomputes them

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__} {self.pk}"


# The order of quote lists: newest article first, then the article's text order.
QUOTE_ORDER = ("-published_on", "article_id", "place")


class ArticleFact(Summary):
    """A published article."""

    article = _ref("archive.Article", primary_key=True)
    published_on = models.DateField()
    dateline = _ref("archive.Entity", null=True)
    # The article's date precision: a month's list holds only the articles known to be of
    # that month (archive.dates.month_of).
    published_precision = models.CharField(max_length=7, default="day", db_default="day")

    class Meta:
        indexes = [
            models.Index(fields=["-published_on", "-article"], name="sumart_list_idx"),
            models.Index(
                fields=["dateline", "-published_on", "-article"], name="sumart_dateline_idx"
            ),
        ]


class EntityArticle(Summary):
    """A published article with a public mention of the entity."""

    entity = _ref("archive.Entity")
    article = _ref("archive.Article")
    published_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entity", "article"], name="sumea_unique"),
        ]
        indexes = [
            models.Index(fields=["entity", "-published_on", "-article"], name="sumea_list_idx"),
            models.Index(fields=["article"], name="sumea_article_idx"),
        ]


class EntityParagraph(Summary):
    """A paragraph of a published article with public mentions of the entity, and how many
    (the headline is paragraph -2, the standfirst -1, the body's paragraphs 0, 1, …): what
    tells apart entities named in the same articles, by how close they stand."""

    entity = _ref("archive.Entity")
    article = _ref("archive.Article")
    paragraph = models.IntegerField()
    mentions = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entity", "article", "paragraph"], name="sumep_unique"),
        ]
        indexes = [models.Index(fields=["article"], name="sumep_article_idx")]


class QuoteFact(Summary):
    """A public quote. `answering` is its speaker when it answers another quote (their
    answers); `replied_to` is the speaker of the quote it answers, when that is someone else
    and the quote is not also about them (answers to them); `said_to` whom it was said to,
    unless they said it, it is also about them or it answers them. Their page lists each
    quote once, in the first list it belongs to: by them, about them, answers, said to."""

    quote = _ref("archive.Quote", primary_key=True)
    article = _ref("archive.Article")
    published_on = models.DateField()
    place = models.BigIntegerField(help_text="The quote's place in its article's text.")
    speaker = _ref("archive.Entity", null=True)
    answers = _ref("archive.Quote", null=True)
    answering = _ref("archive.Entity", null=True)
    replied_to = _ref("archive.Entity", null=True)
    said_to = _ref("archive.Entity", null=True)

    class Meta:
        indexes = [
            models.Index(fields=["-published_on", "article", "place"], name="sumq_list_idx"),
            models.Index(fields=["speaker", *QUOTE_ORDER], name="sumq_speaker_idx"),
            models.Index(fields=["answering", *QUOTE_ORDER], name="sumq_answering_idx"),
            models.Index(fields=["replied_to", *QUOTE_ORDER], name="sumq_replied_idx"),
            models.Index(fields=["said_to", *QUOTE_ORDER], name="sumq_said_to_idx"),
            models.Index(fields=["article"], name="sumq_article_idx"),
            models.Index(fields=["answers"], name="sumq_answers_idx"),
        ]


class QuoteAboutFact(Summary):
    """A public quote about the entity, said by someone else (or by nobody named)."""

    quote = _ref("archive.Quote")
    entity = _ref("archive.Entity")
    speaker = _ref("archive.Entity", null=True)
    article = _ref("archive.Article")
    published_on = models.DateField()
    place = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quote", "entity"], name="sumqa_unique"),
        ]
        indexes = [
            models.Index(fields=["entity", *QUOTE_ORDER], name="sumqa_list_idx"),
            models.Index(fields=["article"], name="sumqa_article_idx"),
            models.Index(fields=["speaker"], name="sumqa_speaker_idx"),
        ]


class TagQuoteFact(Summary):
    """A public quote with the tag."""

    tag = _ref(Tag)
    quote = _ref("archive.Quote")
    speaker = _ref("archive.Entity", null=True)
    article = _ref("archive.Article")
    published_on = models.DateField()
    place = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "quote"], name="sumtq_unique"),
        ]
        indexes = [
            models.Index(fields=["tag", *QUOTE_ORDER], name="sumtq_list_idx"),
            models.Index(fields=["article"], name="sumtq_article_idx"),
            models.Index(fields=["speaker"], name="sumtq_speaker_idx"),
        ]


class EntityFigures(Summary):
    """An entity's counts as its page shows them."""

    entity = _ref("archive.Entity", primary_key=True)
    articles = models.IntegerField(default=0)
    quotes_by = models.IntegerField(default=0)
    quotes_about = models.IntegerField(default=0)
    replies = models.IntegerField(default=0, help_text="Public quotes answering theirs.")
    answers = models.IntegerField(default=0, help_text="Their public quotes answering others.")
    datelined = models.IntegerField(default=0, help_text="Published articles datelined here.")
    said_to = models.IntegerField(default=0, help_text="Public quotes said to them.")

    class Meta:
        verbose_name_plural = "entity figures"


class CoMention(Summary):
    """How two entities are linked (both directions): in how many published articles both
    are named, then, to tell apart those that share as many, how closely: the public quotes
    by one about or to the other or answering the other's (`quotes`; `quotes_by`: those by
    `entity`), the paragraphs naming both, and how often `other` is named in the articles
    they share. A row may hold quotes and no shared article (then `together` is 0)."""

    entity = _ref("archive.Entity")
    other = _ref("archive.Entity")
    other_kind = models.CharField(max_length=12)
    together = models.IntegerField()
    quotes = models.IntegerField(default=0)
    quotes_by = models.IntegerField(default=0)
    paragraphs = models.IntegerField(default=0)
    mentions = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entity", "other"], name="sumcm_unique"),
        ]
        indexes = [
            models.Index(
                fields=["entity", "-together", "-quotes", "-paragraphs", "-mentions"],
                name="sumcm_rank_idx",
            )
        ]


# How "appears most with" ranks the entities named with one (CoMention).
CLOSENESS_ORDER = ("-together", "-quotes", "-paragraphs", "-mentions")


class QuotePair(Summary):
    """How many public quotes by `speaker` are about `about` (never themselves)."""

    speaker = _ref("archive.Entity")
    about = _ref("archive.Entity")
    quotes = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["speaker", "about"], name="sumqp_unique"),
        ]
        indexes = [
            models.Index(fields=["speaker", "-quotes"], name="sumqp_speaker_idx"),
            models.Index(fields=["about", "-quotes"], name="sumqp_about_idx"),
        ]


class TagFigures(Summary):
    tag = _ref(Tag, primary_key=True)
    quotes = models.IntegerField()

    class Meta:
        verbose_name_plural = "tag figures"
        indexes = [models.Index(fields=["-quotes"], name="sumtag_rank_idx")]


class TagSpeaker(Summary):
    """How many public quotes with the tag each speaker said."""

    tag = _ref(Tag)
    speaker = _ref("archive.Entity")
    quotes = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "speaker"], name="sumts_unique"),
        ]
        indexes = [models.Index(fields=["tag", "-quotes"], name="sumts_rank_idx")]


class TagPair(Summary):
    """On how many public quotes two tags stand together (both directions)."""

    tag = _ref(Tag)
    other = _ref(Tag)
    quotes = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "other"], name="sumtp_unique"),
        ]
        indexes = [models.Index(fields=["tag", "-quotes"], name="sumtp_rank_idx")]


class MonthFigures(Summary):
    """Published articles per month; month 0 counts a year's articles whose month is not known
    (dated to the year or a season; on UNDATED's year, the undated ones)."""

    year = models.IntegerField()
    month = models.IntegerField()
    articles = models.IntegerField()

    class Meta:
        verbose_name_plural = "month figures"
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="summonth_unique"),
        ]


class SummaryLock(Summary):
    """One row every refresh updates first, so refreshes run one at a time on either engine
    (a row lock on PostgreSQL, the write lock on SQLite)."""

    refreshes = models.BigIntegerField(default=0)


FACT_MODELS = (
    ArticleFact,
    EntityArticle,
    EntityParagraph,
    QuoteFact,
    QuoteAboutFact,
    TagQuoteFact,
)
FIGURE_MODELS = (EntityFigures, CoMention, QuotePair, TagFigures, TagSpeaker, TagPair, MonthFigures)
