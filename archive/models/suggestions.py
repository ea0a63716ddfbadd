"""Entities the importer proposes but the archive does not know yet.

A proposed person, organization, place or event is not an `Entity` until an editor accepts it:
entity pages, indexes, the timeline and search read `Entity` rows, so keeping proposals in
their own table keeps them out of every public page without a filter in each query.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from archive.dates import precision_constraint, precision_field
from archive.models.annotations import ReviewStatus, TextPart
from archive.models.articles import Article


class SuggestedKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    PLACE = "place", "place"
    EVENT = "event", "event"


class HeaderField(models.TextChoices):
    DATELINE = "dateline", "the file's Dateline:"
    PUBLISHER = "publisher", "the file's Publisher:"


class EntitySuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReviewStatus.SUGGESTED)


class EntitySuggestion(models.Model):
    """A person, organization, place or dated event the importer found in an article."""

    article = models.ForeignKey(
        "archive.Article", on_delete=models.CASCADE, related_name="entity_suggestions"
    )
    kind = models.CharField(max_length=12, choices=SuggestedKind.choices)
    name = models.CharField(
        max_length=300,
        help_text="The name as the article spells it; for an event, a short noun phrase "
        '("the parliamentary elections").',
    )
    key = models.CharField(
        max_length=300,
        help_text="The folded name (people, organizations) or the dated phrase and its place "
        "(events); one suggestion per key and article.",
    )
    part = models.CharField(max_length=10, choices=TextPart.choices, default=TextPart.BODY)
    spans = models.JSONField(
        default=list,
        blank=True,
        help_text="Where the article names it: [start, end] offsets in the part.",
    )
    header_field = models.CharField(
        max_length=10,
        blank=True,
        choices=HeaderField.choices,
        help_text="The file's header named it (its dateline place or publisher); accepting it "
        "fills that field of the article.",
    )
    phrase = models.CharField(
        max_length=200, blank=True, help_text='For an event, the date words, e.g. "last May".'
    )
    date_start = models.DateField(null=True, blank=True)
    date_start_precision = precision_field("date start")
    date_end = models.DateField(null=True, blank=True)
    date_end_precision = precision_field("date end")
    quotes = models.ManyToManyField(
        "archive.Quote",
        blank=True,
        related_name="proposed_speakers",
        help_text="Suggested quotes this proposed person or organization speaks; accepting "
        "the suggestion makes it their speaker.",
    )
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.SUGGESTED
    )
    confidence = models.FloatField(
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="How sure the importer was, from 0 to 1.",
    )
    entity = models.ForeignKey(
        "archive.Entity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The entity made from this suggestion once an editor accepted it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EntitySuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "kind", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "key"], name="entity_suggestion_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0, confidence__lte=1),
                name="entity_suggestion_confidence_range",
            ),
            precision_constraint("date_start", "entity_suggestion_start_precision"),
            precision_constraint("date_end", "entity_suggestion_end_precision"),
        ]
        indexes = [
            # The review queue: WHERE status = 'suggested' AND article_id = %s.
            models.Index(fields=["status", "article"], name="entity_sugg_status_article_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class ArticleImport(Article):
    """The admin's upload form for article files hangs on this proxy; it has no rows of
    its own (every import is an Article)."""

    class Meta:
        proxy = True
        verbose_name = "article import"
        verbose_name_plural = "article imports"
