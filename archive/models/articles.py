"""Articles: the texts everything else is annotated on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse

from archive.dates import (
    ARTICLE_PRECISION_CHOICES,
    UNDATED,
    UNKNOWN,
    PartialDate,
    Precision,
    alignment_problem,
    article_address,
    article_partial,
)
from archive.links import http_url_condition, validate_http_url
from archive.models.fields import NormalizedField, NormalizedLineField, NormalizedTextField
from archive.normalizing import normalize_text

PARAGRAPH_BREAK = "\n\n"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"


class SummarizedQuerySet(models.QuerySet):
    """Bulk writes skip the signals the stored summaries listen to, so articles, quotes and
    mentions say what they touch themselves (archive.summaries.tracking)."""

    def _touched(self, objs=None) -> None:
        from archive.summaries import tracking

        name = self.model._meta.model_name
        kind = tracking.QUOTES if name == "quote" else tracking.ARTICLES
        column = "article_id" if name == "mention" else "pk"
        if objs is None:
            ids = list(self.values_list(column, flat=True))
        else:
            ids = [getattr(obj, column) for obj in objs]
        tracking.mark(kind, ids, self.db)

    def update(self, **kwargs):
        self._touched()
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        self._touched(objs)
        return super().bulk_update(objs, fields, batch_size=batch_size)


class ArticleQuerySet(SummarizedQuerySet):
    def published(self):
        """What the public may see; every public view, feed and sitemap starts here."""
        return self.filter(status=ArticleStatus.PUBLISHED)

    def visible_to(self, user):
        return self if user.is_staff else self.published()

    def with_byline(self):
        return self.select_related("publisher", "dateline_place")

    def mentioning(self, entity):
        """Published articles with a public mention of `entity`, newest first."""
        from archive.models.annotations import Mention

        mentions = Mention.objects.public().filter(article=models.OuterRef("pk"), entity=entity)
        return self.published().filter(models.Exists(mentions))

    def related_to(self, article):
        """Other published articles naming the same entities, most shared entities first."""
        from archive.models.annotations import Mention

        entities = Mention.objects.public().filter(article=article).values("entity_id")
        return (
            self.published()
            .exclude(pk=article.pk)
            .filter(
                mentions__entity__in=entities,
                mentions__status="confirmed",
                mentions__orphaned=False,
            )
            .annotate(shared=models.Count("mentions__entity", distinct=True))
            .order_by("-shared", "-published_on", "-pk")
        )

    def counts_by_month(self):
        """(year, month, count) rows of the published archive, for the date index; month 0
        for the articles whose month is not known (archive.dates.month_of)."""
        return (
            self.published()
            .annotate(
                year=ExtractYear("published_on"),
                month=models.Case(
                    models.When(
                        published_precision__in=(Precision.DAY, Precision.MONTH),
                        then=ExtractMonth("published_on"),
                    ),
                    default=models.Value(0),
                ),
            )
            .values("year", "month")
            .annotate(count=models.Count("id"))
            .order_by("-year", "-month")
        )


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


class Article(models.Model):
    headline = NormalizedLineField(max_length=300)
    slug = models.SlugField(max_length=200, help_text="Unique among the articles of the same day.")
    standfirst = NormalizedTextField(
        blank=True, help_text="The summary paragraph under the headline."
    )
    body = NormalizedTextField(
        help_text="The article text, paragraphs separated by one blank line. Quotes and mentions "
        "are anchored in this text: after editing it, check the orphaned annotations."
    )
    pull_quote = NormalizedTextField(
        blank=True, help_text="Words repeated from the body and set apart as a display quote."
    )
    pull_quote_after = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The number of body paragraphs that come before the pull quote.",
    )
    published_on = models.DateField(
        db_index=True,
        blank=True,  # left empty when the precision is 'unknown' (clean() fills it in)
        help_text="The first day of the publication date's period (1 January for a year, the "
        "first day of the month or season); 0001-01-01 when the date is unknown.",
    )
    published_precision = models.CharField(
        "publication date precision",
        max_length=7,
        choices=ARTICLE_PRECISION_CHOICES,
        default=Precision.DAY,
        # Also in the database, for the writers that insert rows themselves (the corpus
        # generator's fast path, raw restores of older dumps).
        db_default=Precision.DAY,
        help_text="How much of the publication date is known: the day, the month, the season, "
        "the year, or nothing.",
    )
    dateline_place = models.ForeignKey(
        "archive.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="datelined_articles",
    )
    publisher = models.ForeignKey(
        "archive.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_articles",
    )
    byline = models.CharField(
        max_length=300, blank=True, help_text="The byline as printed, if any."
    )
    contributors = models.ManyToManyField(
        "archive.Entity",
        through="ArticleContributor",
        related_name="contributed_articles",
        blank=True,
    )
    source_url = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_http_url],
        help_text="The original's address (http:// or https://).",
    )
    language = models.CharField(
        max_length=12, default="en", help_text="BCP 47 code, e.g. en, ru, kk."
    )
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "headline", "id"]
        get_latest_by = "published_on"
        constraints = [
            # The text fields store their normal form (archive/normalizing.py); this catches
            # any path that bypasses the model, such as raw SQL.
            models.CheckConstraint(
                condition=~models.Q(headline__contains="\r")
                & ~models.Q(standfirst__contains="\r")
                & ~models.Q(body__contains="\r")
                & ~models.Q(pull_quote__contains="\r"),
                name="article_text_without_cr",
                violation_error_message="An article's text cannot contain a carriage return.",
            ),
            # A partial date is stored as its first day, so (published_on, slug) stays unique
            # per address: 2002's "budget" and 1 January 2002's "budget" cannot both exist
            # (the importer's slugs step around it), and no two undated articles share one.
            models.UniqueConstraint(
                fields=["published_on", "slug"], name="article_date_slug_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(published_precision=UNKNOWN, published_on=UNDATED)
                | (
                    models.Q(published_precision__in=Precision.values)
                    & ~models.Q(published_on=UNDATED)
                ),
                name="article_published_precision",
                violation_error_message="An article's date is a day, month, season or year, "
                "or unknown.",
            ),
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~models.Q(source_url=""),
                name="article_source_url_unique",
                violation_error_message="This source URL is already in the archive.",
            ),
            models.CheckConstraint(
                condition=http_url_condition("source_url"),
                name="article_source_url_http",
                violation_error_message="A source URL is an http:// or https:// address.",
            ),
        ]
        indexes = [
            # The public archive: WHERE status = 'published' ORDER BY published_on DESC.
            models.Index(fields=["status", "-published_on"], name="article_status_date_idx"),
            # Last-Modified of the API's answers: MAX(updated_at) (archive.api.conditional).
            models.Index(fields=["updated_at"], name="article_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return article_path(self.published_on, self.published_precision, self.slug)

    @property
    def published(self) -> PartialDate | None:
        """The publication date at its precision; None when it is unknown."""
        return article_partial(self.published_on, self.published_precision)

    @property
    def is_dated(self) -> bool:
        return self.published_precision != UNKNOWN

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED

    def text_of(self, part: str) -> str:
        """The text an annotation's part refers to: headline, standfirst or body."""
        return getattr(self, part)

    def paragraphs(self) -> list[Paragraph]:
        """The body's paragraphs with their character offsets in `body`."""
        result, offset = [], 0
        for index, text in enumerate(self.body.split(PARAGRAPH_BREAK)):
            result.append(Paragraph(index, offset, offset + len(text), text))
            offset += len(text) + len(PARAGRAPH_BREAK)
        return result

    def normalize_text_fields(self) -> None:
        """Put the headline, standfirst, body and pull quote in their normal form (saving
        does it too; validation needs it first, to count the paragraphs the reader will see)."""
        for field in self._meta.concrete_fields:
            if isinstance(field, NormalizedField):
                value = getattr(self, field.attname)
                setattr(self, field.attname, normalize_text(value, field.multiline))

    def clean(self):
        self.normalize_text_fields()
        self.clean_publication_date()
        if self.pull_quote and self.pull_quote_after is None:
            raise ValidationError(
                {"pull_quote_after": "Say after which paragraph the pull quote stands."}
            )
        if self.pull_quote_after is not None and self.pull_quote_after > len(self.paragraphs()):
            raise ValidationError({"pull_quote_after": "The body has fewer paragraphs than that."})

    def clean_publication_date(self) -> None:
        precision = self.published_precision or Precision.DAY
        if precision == UNKNOWN:
            self.published_on = UNDATED
        elif self.published_on is None:
            raise ValidationError(
                {"published_on": "Give the date, or choose the precision 'unknown'."}
            )
        else:
            if self.published_on == UNDATED:
                raise ValidationError({"published_on": "Choose the precision 'unknown'."})
            problem = alignment_problem(self.published_on, precision)
            if problem:
                raise ValidationError({"published_on": problem})
        if precision == Precision.YEAR and re.fullmatch(r"[0-9]{2}", self.slug or ""):
            # /articles/2002/05/ is May 2002's list, not a year-dated article's address.
            raise ValidationError({"slug": "A year-dated article's slug cannot be two digits."})


def article_path(published_on, precision: str, slug: str) -> str:
    """An article's address at its date's precision (archive.dates.article_address)."""
    return reverse("archive:articles") + article_address(published_on, precision, slug)


class ContributorRole(models.TextChoices):
    AUTHOR = "author", "author"
    CONTRIBUTOR = "contributor", "contributor"
    TRANSLATOR = "translator", "translator"
    PHOTOGRAPHER = "photographer", "photographer"


class ArticleContributor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="contributions")
    entity = models.ForeignKey(
        "archive.Entity", on_delete=models.CASCADE, related_name="contributions"
    )
    role = models.CharField(
        max_length=12, choices=ContributorRole.choices, default=ContributorRole.AUTHOR
    )

    class Meta:
        ordering = ["article", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "entity", "role"], name="contributor_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.get_role_display()})"

    def clean(self):
        if self.entity_id and not self.entity.is_speaker_kind:
            raise ValidationError({"entity": "A contributor is a person or an organization."})
