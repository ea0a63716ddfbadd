"""People, organizations, places and events: one entity identity, four kinds (Popolo)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from archive.dates import (
    PartialDate,
    Precision,
    precision_constraint,
    precision_field,
    publication_span,
    validate_partial_date,
)
from archive.links import http_url_condition, safe_url, validate_http_url
from archive.names import person_sort_name


class EntityKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    PLACE = "place", "place"
    EVENT = "event", "event"


SPEAKER_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)


class EntityQuerySet(models.QuerySet):
    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def speakers(self):
        return self.filter(kind__in=SPEAKER_KINDS)

    def co_mentioned_with(self, entity):
        """Entities named in the same published articles as `entity`, with `together`: the
        number of such articles, most first."""
        from archive.models.annotations import Mention

        articles = Mention.objects.public().filter(entity=entity).values("article_id")
        return (
            self.exclude(pk=entity.pk)
            .filter(
                mentions__article__in=articles,
                mentions__status="confirmed",
                mentions__orphaned=False,
            )
            .annotate(together=models.Count("mentions__article", distinct=True))
            .order_by("-together", "sort_name", "pk")
        )

    def spoken_about_by(self, entity):
        """What `entity`'s public quotes are about, with `quotes`: how many."""
        from archive.models.annotations import Quote

        quotes = Quote.objects.public().filter(speaker=entity).values("pk")
        return (
            self.exclude(pk=entity.pk)
            .filter(quotes_about__in=quotes)
            .annotate(quotes=models.Count("quotes_about", distinct=True))
            .order_by("-quotes", "sort_name", "pk")
        )

    def speaking_about(self, entity):
        """Who speaks about `entity` in public quotes, with `quotes`: how many."""
        from archive.models.annotations import Quote

        quotes = Quote.objects.public().filter(about=entity).values("pk")
        return (
            self.exclude(pk=entity.pk)
            .filter(quotes_spoken__in=quotes)
            .annotate(quotes=models.Count("quotes_spoken", distinct=True))
            .order_by("-quotes", "sort_name", "pk")
        )


class Entity(models.Model):
    """What every person, organization, place and event has.

    Mentions, aliases, quote speakers and search hits point here, so one relation reaches
    any kind; the kind-specific row (multi-table inheritance) holds the rest.
    """

    kind = models.CharField(max_length=12, choices=EntityKind.choices, editable=False)
    name = models.CharField(
        max_length=200,
        help_text="The canonical name, spelled as the archive's first source spells it.",
    )
    slug = models.SlugField(
        max_length=200, help_text="The name in the page address; unique within the kind."
    )
    sort_name = models.CharField(
        max_length=200,
        blank=True,
        help_text='How the name sorts in indexes, e.g. "Saenen, Vanessa". Empty means the name.',
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text='One line that tells this entity apart, e.g. "HRW spokeswoman in Brussels".',
    )
    summary = models.TextField(blank=True, help_text="A few sentences for the entity's page.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["sort_name", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="entity_kind_slug_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=EntityKind.values), name="entity_kind_known"
            ),
        ]
        indexes = [
            # The A–Z index of one kind: WHERE kind = %s ORDER BY sort_name.
            models.Index(fields=["kind", "sort_name"], name="entity_kind_sort_idx"),
            # Last-Modified of the API's answers: MAX(updated_at) (archive.api.conditional).
            models.Index(fields=["updated_at"], name="entity_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"archive:{self.kind}", kwargs={"slug": self.slug})

    @property
    def specific(self) -> Entity:
        """The Person, Organization, Place or Event row behind this entity (one query)."""
        return getattr(self, self.kind)

    @property
    def is_speaker_kind(self) -> bool:
        return self.kind in SPEAKER_KINDS


class KindedEntity(Entity):
    """Base of the four kinds: fixes `kind` so callers never set it by hand."""

    KIND: str = ""

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = self.KIND


class AliasKind(models.TextChoices):
    SPELLING = "spelling", "spelling variant"
    TRANSLITERATION = "transliteration", "transliteration"
    ABBREVIATION = "abbreviation", "abbreviation"
    SHORT = "short", "short form"
    TRANSLATION = "translation", "translation"
    FORMER = "former", "former name"


class Alias(models.Model):
    """Another name the entity goes by (Popolo other_names)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=AliasKind.choices, default=AliasKind.SPELLING)
    language = models.CharField(
        max_length=12, blank=True, help_text="BCP 47 code, e.g. en, ru, kk."
    )
    note = models.CharField(max_length=300, blank=True, help_text="Where the spelling is used.")

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "name"], name="alias_entity_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class IdentifierScheme(models.TextChoices):
    WIKIDATA = "wikidata", "Wikidata"
    GEONAMES = "geonames", "GeoNames"
    VIAF = "viaf", "VIAF"
    ISNI = "isni", "ISNI"
    WEBSITE = "website", "official website"


# How each scheme's ids are written, and the canonical address of an id (always https).
IDENTIFIER_FORMATS = {
    IdentifierScheme.WIKIDATA: (r"^Q[1-9]\d*$", "A Wikidata id looks like Q42."),
    IdentifierScheme.GEONAMES: (r"^[1-9]\d*$", "A GeoNames id is a number, like 1526384."),
    IdentifierScheme.VIAF: (r"^[1-9]\d*$", "A VIAF id is a number, like 113230702."),
    IdentifierScheme.ISNI: (
        r"^\d{4} ?\d{4} ?\d{4} ?\d{3}[\dX]$",
        "An ISNI is 16 characters, like 0000 0001 2103 2683.",
    ),
}
IDENTIFIER_URLS = {
    IdentifierScheme.WIKIDATA: "https://www.wikidata.org/wiki/{}",
    IdentifierScheme.GEONAMES: "https://www.geonames.org/{}",
    IdentifierScheme.VIAF: "https://viaf.org/viaf/{}",
    IdentifierScheme.ISNI: "https://isni.org/isni/{}",
}


class Identifier(models.Model):
    """An id of the entity in another database (Popolo identifiers). Ids of the known schemes
    link to their canonical https address; a website is stored as its http(s) address."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=12, choices=IdentifierScheme.choices)
    value = models.CharField(max_length=300)

    class Meta:
        ordering = ["scheme", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"], name="identifier_scheme_value_unique"
            ),
            models.UniqueConstraint(
                fields=["entity", "scheme"], name="identifier_entity_scheme_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(scheme=IdentifierScheme.WEBSITE)
                | http_url_condition("value", blank=False),
                name="identifier_website_http",
                violation_error_message="A website is an http:// or https:// address.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()}: {self.value}"

    def clean(self):
        if self.scheme == IdentifierScheme.WEBSITE:
            try:
                validate_http_url(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from None
        elif self.scheme in IDENTIFIER_FORMATS:
            pattern, message = IDENTIFIER_FORMATS[self.scheme]
            try:
                RegexValidator(pattern, message)(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from None

    def is_well_formed(self) -> bool:
        try:
            self.clean()
        except ValidationError:
            return False
        return True

    @property
    def url(self) -> str:
        """The id's canonical https address; "" for a value that is not well formed, which
        pages then print as text."""
        if not self.is_well_formed():
            return ""
        if self.scheme == IdentifierScheme.WEBSITE:
            return safe_url(self.value)
        if self.scheme in IDENTIFIER_URLS:
            return IDENTIFIER_URLS[self.scheme].format(quote(self.value.replace(" ", ""), safe=""))
        return ""


class EntitySource(models.Model):
    """Where a fact about the entity comes from (Popolo sources)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(
        "archive.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(blank=True, max_length=500, validators=[validate_http_url])
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(article__isnull=True, url=""),
                name="entity_source_has_target",
                violation_error_message="A source is an article in the archive or a URL.",
            ),
            models.CheckConstraint(
                condition=http_url_condition("url"),
                name="entity_source_url_http",
                violation_error_message="A source URL is an http:// or https:// address.",
            ),
        ]

    def __str__(self) -> str:
        return self.url or f"article {self.article_id}"


class Person(KindedEntity):
    KIND = EntityKind.PERSON

    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name_plural = "people"
        ordering = ["sort_name", "name", "id"]

    def save(self, *args, **kwargs):
        # Family name first, so the A-Z index of people is in one order.
        if not self.sort_name:
            self.sort_name = person_sort_name(self.name, self.given_name, self.family_name)[:200]
        super().save(*args, **kwargs)


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", "government"
    GOVERNMENT_BODY = "government_body", "government body"
    NGO = "ngo", "non-governmental organization"
    PARTY = "party", "political party or movement"
    NEWS = "news", "news organization"
    INTERGOVERNMENTAL = "intergovernmental", "intergovernmental organization"
    OTHER = "other", "other"


class Organization(KindedEntity):
    KIND = EntityKind.ORGANIZATION

    org_kind = models.CharField(
        "kind of organization",
        max_length=20,
        choices=OrganizationKind.choices,
        default=OrganizationKind.OTHER,
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The organization this one is part of, e.g. a ministry's government.",
    )
    based_in = models.ForeignKey(
        "archive.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations_based",
    )

    class Meta:
        ordering = ["sort_name", "name", "id"]

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "An organization cannot be part of itself."})
            ancestor = ancestor.parent


class PlaceKind(models.TextChoices):
    COUNTRY = "country", "country"
    REGION = "region", "region"
    CITY = "city", "city"
    OTHER = "other", "other"


class Place(KindedEntity):
    KIND = EntityKind.PLACE

    place_kind = models.CharField(
        "kind of place", max_length=10, choices=PlaceKind.choices, default=PlaceKind.OTHER
    )
    located_in = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="contains"
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        ordering = ["sort_name", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]


class PartialSpan(models.Model):
    """A start and an optional end, each a partial date stored as (first day, precision)."""

    start = models.DateField(null=True, blank=True, help_text="The first day of the start period.")
    start_precision = precision_field("start")
    end = models.DateField(null=True, blank=True, help_text="The first day of the end period.")
    end_precision = precision_field("end")

    class Meta:
        abstract = True

    @property
    def start_partial(self) -> PartialDate | None:
        return PartialDate.from_fields(self.start, self.start_precision)

    @property
    def end_partial(self) -> PartialDate | None:
        return PartialDate.from_fields(self.end, self.end_precision)

    def clean(self):
        super().clean()
        validate_partial_date(self.start, self.start_precision, "start")
        validate_partial_date(self.end, self.end_precision, "end")
        start, end = self.start_partial, self.end_partial
        if start and end and end.end < start.start:
            raise ValidationError({"end": f"It cannot end ({end}) before it starts ({start})."})

    def active_on(self, day: dt.date) -> bool:
        start, end = self.start_partial, self.end_partial
        return (start is None or start.start <= day) and (end is None or day <= end.end)

    @staticmethod
    def span_constraints(prefix: str) -> list[models.BaseConstraint]:
        return [
            precision_constraint("start", f"{prefix}_start_precision"),
            precision_constraint("end", f"{prefix}_end_precision"),
            # A day-precision end that falls before the start period begins is impossible
            # whatever the start's precision; coarser ends are checked by clean().
            models.CheckConstraint(
                condition=~models.Q(end_precision="day", end__lt=models.F("start")),
                name=f"{prefix}_end_not_before_start",
                violation_error_message="It cannot end before it starts.",
            ),
        ]


class EventKind(models.TextChoices):
    PUBLICATION = "publication", "publication"
    ELECTION = "election", "election"
    FOUNDING = "founding", "founding"
    ARREST = "arrest", "arrest or imprisonment"
    RELEASE = "release", "release"
    LEGISLATION = "legislation", "legislation"
    LETTER = "letter", "letter"
    PRESS_CONFERENCE = "press_conference", "news conference"
    MEETING = "meeting", "meeting"
    MONITORING = "monitoring", "monitoring or assessment"
    OTHER = "other", "other"


class Event(KindedEntity, PartialSpan):
    KIND = EntityKind.EVENT

    event_kind = models.CharField(
        "kind of event", max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    location = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events_held"
    )
    participants = models.ManyToManyField(
        Entity, through="EventParticipant", related_name="events_taken_part"
    )

    class Meta:
        ordering = ["start", "sort_name", "id"]
        constraints = PartialSpan.span_constraints("event")
        indexes = [
            # The timeline: ORDER BY start.
            models.Index(fields=["start"], name="event_start_idx"),
        ]


class EventParticipant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="roles")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(
        max_length=100, blank=True, help_text='e.g. "author", "prisoner", "speaker".'
    )

    class Meta:
        ordering = ["event", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "entity", "role"], name="participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.entity} in {self.event}" + (f" ({self.role})" if self.role else "")

    def clean(self):
        if self.entity_id and self.event_id and self.entity_id == self.event_id:
            raise ValidationError({"entity": "An event cannot take part in itself."})


class MembershipQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("person", "organization", "on_behalf_of")


class MembershipCategory(models.TextChoices):
    MEMBER = "member", "member"
    LEADER = "leader", "leader"
    FOUNDER = "founder", "founder"
    SPOKESPERSON = "spokesperson", "spokesperson"
    STAFF = "staff", "staff"
    OFFICEHOLDER = "officeholder", "office-holder"


class Membership(PartialSpan):
    """A person's dated role in an organization (Popolo membership), with its source."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        max_length=200, blank=True, help_text='As the source words it, e.g. "spokeswoman".'
    )
    category = models.CharField(
        max_length=12, choices=MembershipCategory.choices, default=MembershipCategory.MEMBER
    )
    on_behalf_of = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships_on_behalf",
        help_text="The organization the person represents in this role, if not the one above.",
    )
    source_article = models.ForeignKey(
        "archive.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_facts",
    )
    source_url = models.URLField(
        blank=True,
        max_length=500,
        validators=[validate_http_url],
        help_text="Where the fact comes from, outside the archive.",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["person", "start", "id"]
        constraints = [
            *PartialSpan.span_constraints("membership"),
            models.CheckConstraint(
                condition=http_url_condition("source_url"),
                name="membership_source_url_http",
                violation_error_message="A source URL is an http:// or https:// address.",
            ),
        ]

    def __str__(self) -> str:
        role = f"{self.role}, " if self.role else ""
        return f"{self.person} ({role}{self.organization})"

    def dates_display(self) -> str:
        start, end = self.start_partial, self.end_partial
        if start and end:
            # A span within one period ("2004 – 2004") is that period.
            return str(start) if str(start) == str(end) else f"{start} – {end}"
        if start:
            return f"since {start}"
        if end:
            return f"until {end}"
        return ""


AFFILIATION_RANK = {
    MembershipCategory.SPOKESPERSON: 0,
    MembershipCategory.OFFICEHOLDER: 1,
    MembershipCategory.STAFF: 2,
}


def affiliation_order(membership) -> tuple:
    """Spokesperson roles first, then office, then staff, then the rest; the latest start first."""
    return (
        AFFILIATION_RANK.get(membership.category, 3),
        -(membership.start or dt.date.min).toordinal(),
    )


def affiliation_on(
    memberships, day: dt.date | None, ordered: bool = False, precision: str = Precision.DAY
):
    """The membership a speaker acted in on `day`: the active one, spokesperson roles first.
    `ordered`: the memberships are sorted by affiliation_order already (a caller asking about
    many days sorts once; the sort is stable, so the first active one is the same).

    `day` with a coarser `precision` is an article dated only to a month, season or year
    (or 'unknown', on UNDATED): then the membership must be in force over the whole period,
    since a role that began or ended within it may not be the one they spoke in; better no
    affiliation than a wrong one."""
    if day is None:
        first = last = None
    else:
        first, last = publication_span(day, precision)
    for membership in memberships if ordered else sorted(memberships, key=affiliation_order):
        if first is None or (membership.active_on(first) and membership.active_on(last)):
            return membership
    return None
