"""Quotes and mentions: spans of article text, anchored with W3C Web Annotation selectors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Greatest, Substr
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from archive import anchoring
from archive.models.articles import ArticleStatus, SummarizedQuerySet
from archive.models.entities import SPEAKER_KINDS, Entity, EntityKind, affiliation_on


class TextPart(models.TextChoices):
    HEADLINE = "headline", "headline"
    STANDFIRST = "standfirst", "standfirst"
    BODY = "body", "body"


class ReviewStatus(models.TextChoices):
    SUGGESTED = "suggested", "suggested"
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"


class TextAnchor(models.Model):
    """A TextQuoteSelector (exact, prefix, suffix) plus a TextPositionSelector (start, end).

    The quote selector finds the span again after the text is corrected; the positions make
    the usual case, an unchanged text, a single comparison.
    """

    part = models.CharField(max_length=10, choices=TextPart.choices, default=TextPart.BODY)
    exact = models.TextField(help_text="The words exactly as they stand in the article.")
    prefix = models.CharField(max_length=64, blank=True, help_text="The text just before.")
    suffix = models.CharField(max_length=64, blank=True, help_text="The text just after.")
    start = models.PositiveIntegerField(help_text="Offset of the first character in the part.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    orphaned = models.BooleanField(
        default=False,
        help_text="Set when the article text was edited and the span cannot be found.",
    )
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.CONFIRMED
    )
    confidence = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="For machine suggestions: how sure the extractor was, from 0 to 1.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def anchor(self) -> anchoring.Anchor:
        return anchoring.Anchor(self.exact, self.prefix, self.suffix, self.start, self.end)

    def set_anchor(self, anchor: anchoring.Anchor) -> None:
        self.exact, self.prefix, self.suffix = anchor.exact, anchor.prefix, anchor.suffix
        self.start, self.end = anchor.start, anchor.end

    def anchor_to(self, exact: str, occurrence: int = 0) -> None:
        """Point at the `occurrence`-th appearance of `exact` in this annotation's part."""
        self.set_anchor(
            anchoring.describe_exact(self.article.text_of(self.part), exact, occurrence)
        )

    def clean(self):
        super().clean()
        if not self.exact:
            raise ValidationError({"exact": "Give the words exactly as they stand in the article."})
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise ValidationError({"end": "The span must end after it starts."})
        if not self.article_id:
            return
        text = self.article.text_of(self.part)
        what = self._meta.verbose_name
        if self.exact not in text:
            raise ValidationError(
                {"exact": f"This {what}'s text is not in the article's {self.get_part_display()}."}
            )
        try:
            match = anchoring.locate(text, self.anchor)
        except anchoring.AnchorLost as lost:
            raise ValidationError({"exact": str(lost)}) from None
        if text[match.start : match.end] != self.exact:
            raise ValidationError(
                {"exact": f"This {what}'s text is not in the article at that place."}
            )
        # Normalise the selectors to where the words really are.
        self.set_anchor(anchoring.describe(text, match.start, match.end))


class QuoteMode(models.TextChoices):
    DIRECT = "direct", "direct (in quotation marks)"
    INDIRECT = "indirect", "indirect (reported speech)"


class AnnotationQuerySet(SummarizedQuerySet):
    """What quotes and mentions share: which of them readers may see."""

    def shown(self):
        """Confirmed, anchored annotations whatever the article's status (a staff preview of
        a draft); public pages add the published filter through public()."""
        return self.filter(status=ReviewStatus.CONFIRMED, orphaned=False)

    def public(self):
        """What readers see: confirmed, still anchored, in published articles."""
        return self.filter(
            status=ReviewStatus.CONFIRMED, orphaned=False, article__status=ArticleStatus.PUBLISHED
        )


# The quote a reply answers is one readers may see (AnnotationQuerySet.public, one hop away).
ANSWERS_PUBLIC = models.Q(
    answers__status=ReviewStatus.CONFIRMED,
    answers__orphaned=False,
    answers__article__status=ArticleStatus.PUBLISHED,
)


class QuoteQuerySet(AnnotationQuerySet):
    def by(self, entity):
        return self.filter(speaker=entity)

    def about(self, entity):
        return self.filter(about=entity)

    def answering_quotes_by(self, entity):
        """Replies and rebuttals to what `entity` said, where readers may see what was said."""
        return self.answering_public().filter(answers__speaker=entity)

    def answering_public(self):
        """Replies to a quote readers may see: a reply to a suggestion, a rejection, an orphan
        or a draft answers nothing as far as the public is concerned."""
        return self.filter(ANSWERS_PUBLIC)

    def with_public_answer(self):
        """`public_answers` and `public_answers_speaker`: what the quote answers, or None when
        readers may not see it (one join, no extra query)."""
        return self.annotate(
            public_answers=models.Case(
                models.When(ANSWERS_PUBLIC, then=models.F("answers_id")), default=None
            ),
            public_answers_speaker=models.Case(
                models.When(ANSWERS_PUBLIC, then=models.F("answers__speaker_id")), default=None
            ),
        )

    def by_members_of(self, organization):
        """Quotes by the organization itself or by anyone who ever belonged to it."""
        from archive.models.entities import Membership

        members = Membership.objects.filter(organization=organization).values("person_id")
        return self.filter(models.Q(speaker=organization) | models.Q(speaker__in=members))

    def with_tag(self, tag):
        return self.filter(tagged_items__tag=tag)

    def tag_counts(self):
        """The tags on these quotes, each with `quotes`: on how many of them."""
        from taggit.models import Tag

        return Tag.objects.filter(
            archive_taggedquote_items__content_object__in=self.values("pk")
        ).annotate(quotes=models.Count("archive_taggedquote_items", distinct=True))

    def speaker_counts(self):
        """The speakers of these quotes, each with `quotes`: how many of them they said."""
        return Entity.objects.filter(quotes_spoken__in=self.values("pk")).annotate(
            quotes=models.Count("quotes_spoken", distinct=True)
        )

    def latest_first(self):
        return self.order_by("-article__published_on", "article_id", "part", "start", "pk")

    def with_context(self):
        """Everything a quote card shows, in a fixed number of queries."""
        return (
            self.select_related(
                "article", "speaker", "said_to", "answers__speaker", "answers__article"
            )
            .prefetch_related("tags", "about", "speaker__person__memberships__organization")
            .with_cue()
        )

    def with_cue(self):
        """`cue_before` and `cue_after`: the article text just before and after each quote
        (archive.quoting.CUE_WINDOW characters), read in SQL so that the attributing
        sentence never needs the whole article."""
        from archive.quoting import CUE_WINDOW

        def part_text(pos, length=None):
            args = (pos,) if length is None else (pos, length)
            return models.Case(
                *(
                    models.When(part=part, then=Substr(f"article__{part}", *args))
                    for part in (TextPart.BODY, TextPart.STANDFIRST)
                ),
                default=Substr("article__headline", *args),
                output_field=models.TextField(),
            )

        first = Greatest(models.F("start") - (CUE_WINDOW - 1), models.Value(1))
        return self.annotate(
            cue_before=part_text(first, models.F("start") + 1 - first),
            cue_after=part_text(models.F("end") + 1, models.Value(CUE_WINDOW)),
        )


class Quote(TextAnchor):
    """Words someone said, as an article reports them."""

    article = models.ForeignKey("archive.Article", on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes_spoken",
        limit_choices_to={"kind__in": SPEAKER_KINDS},
        help_text="A person or an organization. Leave empty when the article names no speaker.",
    )
    said_to = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes_heard",
        help_text='Whom it was said to, e.g. RFE/RL for "she told RFE/RL".',
    )
    about = models.ManyToManyField(
        Entity,
        blank=True,
        related_name="quotes_about",
        help_text="Whom or what the words are about.",
    )
    answers = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_by",
        help_text="The quote this one replies to, e.g. a denial answering an accusation.",
    )
    mode = models.CharField(max_length=8, choices=QuoteMode.choices, default=QuoteMode.DIRECT)
    tags = TaggableManager(through="archive.TaggedQuote", blank=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "part", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="quote_span_not_empty"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__isnull=True)
                | models.Q(confidence__gte=0, confidence__lte=1),
                name="quote_confidence_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(answers=models.F("id")), name="quote_not_answering_itself"
            ),
        ]
        indexes = [
            # A speaker's page: WHERE speaker_id = %s ORDER BY article.
            models.Index(fields=["speaker", "status"], name="quote_speaker_status_idx"),
            # The review queue: WHERE status = 'suggested'.
            models.Index(fields=["status", "article"], name="quote_status_article_idx"),
            # Last-Modified of the API's answers: MAX(updated_at) (archive.api.conditional).
            models.Index(fields=["updated_at"], name="quote_updated_idx"),
            # The API's quote list: WHERE status = 'confirmed' ORDER BY id, read in key order.
            models.Index(fields=["status", "id"], name="quote_status_id_idx"),
        ]

    def __str__(self) -> str:
        from archive import quoting

        return quoting.line(self, limit=14)

    def get_absolute_url(self) -> str:
        return reverse("archive:quote", kwargs={"pk": self.pk})

    @property
    def text(self) -> str:
        return self.exact

    @property
    def is_public(self) -> bool:
        """What QuoteQuerySet.public() selects, for a quote already in hand (e.g. the one a
        reply answers): never link readers to a suggestion, a rejection or a draft."""
        return (
            self.status == ReviewStatus.CONFIRMED
            and not self.orphaned
            and self.article.status == "published"
        )

    @property
    def anchor_id(self) -> str:
        """The fragment that finds the quote in its article page."""
        return f"quote-{self.pk}"

    def affiliation(self):
        """The speaker's membership in force on the article's date, derived from dated
        memberships; use with QuoteQuerySet.with_context() so it costs no query."""
        if not self.speaker_id or self.speaker.kind != EntityKind.PERSON:
            return None
        memberships = self.speaker.person.memberships.all()
        return affiliation_on(
            memberships, self.article.published_on, precision=self.article.published_precision
        )

    def clean(self):
        super().clean()
        if self.speaker_id and self.speaker.kind not in SPEAKER_KINDS:
            raise ValidationError(
                {"speaker": f"A speaker is a person or an organization, not a {self.speaker.kind}."}
            )
        if self.answers_id and self.pk and self.answers_id == self.pk:
            raise ValidationError({"answers": "A quote cannot answer itself."})


class TaggedQuoteManager(models.Manager):
    def get_by_natural_key(self, quote_id, tag_name):
        return self.get(content_object_id=quote_id, tag__name=tag_name)


class TaggedQuote(TaggedItemBase):
    """Tags on quotes through a real foreign key, so tag queries join instead of matching ids.
    Its natural key (quote id, tag name) lets `dumpdata --natural-foreign --natural-primary`
    output load again (taggit's base class names fields this model does not have)."""

    content_object = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="tagged_items")

    objects = TaggedQuoteManager()

    def natural_key(self):
        return (self.content_object_id, self.tag.name)

    natural_key.dependencies = ["archive.quote", "taggit.tag"]

    class Meta:
        verbose_name = "quote tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_quote_unique"),
        ]


class MentionQuerySet(AnnotationQuerySet):
    def shown(self):
        """Mentions drawn as links in an article's text, with the entity each one links to."""
        return super().shown().select_related("entity")


class Mention(TextAnchor):
    """A span of article text that names an entity."""

    article = models.ForeignKey(
        "archive.Article", on_delete=models.CASCADE, related_name="mentions"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "part", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="mention_span_not_empty"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__isnull=True)
                | models.Q(confidence__gte=0, confidence__lte=1),
                name="mention_confidence_range",
            ),
            # Orphans keep their last place, which re-anchored mentions may now occupy.
            models.UniqueConstraint(
                fields=["article", "part", "start", "end", "entity"],
                condition=models.Q(orphaned=False),
                name="mention_unique",
                violation_error_message="This mention already exists: these words at this "
                "place already name this entity.",
            ),
        ]
        indexes = [
            # An entity's articles: WHERE entity_id = %s.
            models.Index(fields=["entity", "article"], name="mention_entity_article_idx"),
            models.Index(fields=["updated_at"], name="mention_updated_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.exact} → {self.entity}"
