"""The OpenAPI description of the API's answers (drf-spectacular).

The views build their JSON with the flat functions of archive.api.rows, not with these
serializers; these only describe it, and schemathesis (tests/api/test_schemathesis.py)
checks every answer against them, so a field added to one and not the other fails a test.
"""

from __future__ import annotations

from functools import cache

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers as s

from archive.api import filters
from archive.models import (
    Article as ArticleModel,
)
from archive.models import (
    Entity,
    EntityKind,
    QuoteMode,
    TextPart,
)
from archive.models import (
    Membership as MembershipModel,
)
from archive.models import (
    Quote as QuoteModel,
)
from archive.models.entities import MembershipCategory


class ApiSchema(AutoSchema):
    def get_operation_id(self):
        from archive.api.views import KeysetList

        operation = super().get_operation_id()
        if isinstance(self.view, KeysetList):
            return operation.replace("_retrieve", "_list")
        return operation


class Error(s.Serializer):
    detail = s.CharField()
    errors = s.DictField(
        child=s.ListField(child=s.CharField()),
        required=False,
        help_text="For a 400: each bad parameter with what is wrong with it.",
    )


class Ref(s.Serializer):
    """An entity as other objects name it."""

    id = s.IntegerField()
    kind = s.ChoiceField(choices=EntityKind.choices)
    name = s.CharField()
    url = s.URLField(help_text="Its API address.")
    page = s.URLField(help_text="Its page on the site.")


class PartialDate(s.Serializer):
    start = s.DateField(help_text="The first day of the period.")
    precision = s.ChoiceField(choices=["day", "month", "season", "year"])
    end = s.DateField(help_text="The last day of the period.")
    edtf = s.CharField(help_text="ISO 8601-2 (EDTF): 2004, 2004-05, 2004-23 (autumn), 2004-04-06.")
    text = s.CharField()


class ArticleRef(s.Serializer):
    id = s.IntegerField()
    headline = s.CharField()
    published_on = s.DateField(
        allow_null=True, help_text="The first day of its date's period; null when unknown."
    )
    published = PartialDate(allow_null=True, help_text="Its date at its precision.")
    url = s.URLField()
    page = s.URLField()


class QuoteRef(s.Serializer):
    id = s.IntegerField()
    url = s.URLField()
    page = s.URLField()


class TagRef(s.Serializer):
    name = s.CharField()
    slug = s.CharField()
    url = s.URLField()


class Anchor(s.Serializer):
    """Where the words stand: a W3C TextQuoteSelector (exact, prefix, suffix) and a
    TextPositionSelector (start, end: code points in the article's `part`)."""

    part = s.ChoiceField(choices=TextPart.choices)
    exact = s.CharField()
    prefix = s.CharField(allow_blank=True)
    suffix = s.CharField(allow_blank=True)
    start = s.IntegerField(min_value=0)
    end = s.IntegerField(min_value=0)


class Affiliation(s.Serializer):
    membership = s.URLField()
    role = s.CharField(allow_blank=True)
    category = s.ChoiceField(choices=MembershipCategory.choices)
    organization = Ref()


class Quote(s.Serializer):
    id = s.IntegerField()
    url = s.URLField()
    page = s.URLField()
    text = s.CharField(help_text="The words exactly as the article prints them.")
    mode = s.ChoiceField(choices=QuoteMode.choices)
    speaker = Ref(allow_null=True)
    affiliation = Affiliation(
        allow_null=True, help_text="The speaker's membership in force on the article's date."
    )
    said_to = Ref(allow_null=True)
    about = Ref(many=True)
    answers = QuoteRef(allow_null=True, help_text="The public quote this one replies to.")
    tags = TagRef(many=True)
    article = ArticleRef()
    anchor = Anchor()
    updated_at = s.DateTimeField()


class Article(s.Serializer):
    id = s.IntegerField()
    url = s.URLField()
    page = s.URLField()
    headline = s.CharField()
    standfirst = s.CharField(allow_blank=True)
    published_on = s.DateField(
        allow_null=True, help_text="The first day of its date's period; null when unknown."
    )
    published = PartialDate(allow_null=True, help_text="Its date at its precision.")
    byline = s.CharField(allow_blank=True)
    language = s.CharField()
    source_url = s.CharField(allow_blank=True)
    publisher = Ref(allow_null=True)
    dateline = Ref(allow_null=True)
    annotations = s.URLField(help_text="Its W3C Web Annotation collection.")
    updated_at = s.DateTimeField()


class Contributor(Ref):
    role = s.CharField()


class Mention(s.Serializer):
    id = s.IntegerField()
    entity = Ref()
    anchor = Anchor()


class ArticleDetail(Article):
    body = s.CharField(help_text="Paragraphs separated by one blank line; anchors count in it.")
    pull_quote = s.CharField(allow_blank=True)
    pull_quote_after = s.IntegerField(allow_null=True)
    contributors = Contributor(many=True)
    quotes = Quote(many=True)
    mentions = Mention(many=True)


class EntityBase(s.Serializer):
    id = s.IntegerField()
    kind = s.ChoiceField(choices=EntityKind.choices)
    url = s.URLField()
    page = s.URLField()
    name = s.CharField()
    sort_name = s.CharField()
    description = s.CharField(allow_blank=True)
    popolo = s.URLField(help_text="The same in Popolo JSON.")


class Person(EntityBase):
    given_name = s.CharField(allow_blank=True)
    family_name = s.CharField(allow_blank=True)
    quotes = s.URLField(help_text="Their quotes in the API.")
    updated_at = s.DateTimeField()


class Organization(EntityBase):
    organization_kind = s.CharField()
    parent = Ref(allow_null=True)
    based_in = Ref(allow_null=True)
    quotes = s.URLField(help_text="Quotes by it and by its members.")
    updated_at = s.DateTimeField()


class Place(EntityBase):
    place_kind = s.CharField()
    located_in = Ref(allow_null=True)
    latitude = s.FloatField(allow_null=True)
    longitude = s.FloatField(allow_null=True)
    updated_at = s.DateTimeField()


class Event(EntityBase):
    event_kind = s.CharField()
    start = PartialDate(allow_null=True)
    end = PartialDate(allow_null=True)
    location = Ref(allow_null=True)
    updated_at = s.DateTimeField()


class OtherName(s.Serializer):
    name = s.CharField()
    kind = s.CharField()
    language = s.CharField(allow_blank=True)
    note = s.CharField(allow_blank=True)


class IdentifierOut(s.Serializer):
    scheme = s.CharField()
    value = s.CharField()


class Membership(s.Serializer):
    id = s.IntegerField()
    url = s.URLField()
    person = Ref()
    organization = Ref()
    role = s.CharField(allow_blank=True)
    category = s.ChoiceField(choices=MembershipCategory.choices)
    on_behalf_of = Ref(allow_null=True)
    start = PartialDate(allow_null=True)
    end = PartialDate(allow_null=True)
    source_article = ArticleRef(allow_null=True)
    source_url = s.CharField(allow_blank=True)


class Tag(s.Serializer):
    name = s.CharField()
    slug = s.CharField()
    url = s.URLField()
    page = s.URLField()
    quotes = s.IntegerField(help_text="How many public quotes carry it.")
    quote_list = s.URLField()


@cache
def page_of(item) -> type[s.Serializer]:
    """A page of a list: the addresses of the next and previous pages, and the items."""
    return type(
        f"{item.__name__}Page",
        (s.Serializer,),
        {
            "next": s.URLField(allow_null=True),
            "previous": s.URLField(allow_null=True),
            "results": item(many=True),
        },
    )


@cache
def detail_of(item, kind: str) -> type[s.Serializer]:
    fields = {
        "summary": s.CharField(allow_blank=True),
        "other_names": OtherName(many=True),
        "identifiers": IdentifierOut(many=True),
    }
    if kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):
        fields["memberships"] = Membership(many=True)
    return type(f"{item.__name__}Detail", (item,), fields)


def _filterset(name: str):
    return {
        "quote": lambda: filters.quote_filters(QuoteModel),
        "article": lambda: filters.article_filters(ArticleModel),
        "membership": lambda: filters.membership_filters(MembershipModel),
        EntityKind.PERSON: lambda: filters.person_filters(Entity),
        EntityKind.ORGANIZATION: lambda: filters.organization_filters(Entity),
        EntityKind.PLACE: lambda: filters.place_filters(Entity),
        EntityKind.EVENT: lambda: filters.event_filters(Entity),
    }[name]()


DESCRIPTIONS = {
    "speaker": "Quotes said by this person or organization (its id).",
    "about": "Quotes about this entity (its id).",
    "said_to": "Quotes said to this entity (its id).",
    "organization": "By this organization or anyone who belonged to it (its id).",
    "article": "Quotes in this article (its id).",
    "answers": "Quotes answering this quote (its id).",
    "about_by_others": (
        "Quotes about this entity said by anyone else or by nobody named, and for an "
        "organization by none of its people (its id; `about` also lists what it says about "
        'itself): the "Quotes about" list of its page. An id no entity has is a 400.'
    ),
    "answers_to": (
        "Quotes answering a public quote by this person or organization, said by anyone "
        'else and not also about them (its id): the "Answers to" list of a person\'s page. '
        "An id no person or organization has is a 400."
    ),
    "tag": "A tag's slug.",
    "from": "On or after: 2004, 2004-04 or 2004-04-06.",
    "to": "On or before: 2004, 2004-04 or 2004-04-06.",
    "publisher": "Articles this organization published (its id).",
    "dateline": "Articles datelined at this place (its id).",
    "mentions": "Articles with a public mention of this entity (its id).",
    "person": "This person's memberships (its id).",
}


def filter_parameters(name: str) -> list[OpenApiParameter]:
    out = []
    for param, flt in _filterset(name).base_filters.items():
        choices = getattr(flt, "extra", {}).get("choices")
        if choices:
            kind, enum = str, [value for value, _ in choices]
        elif isinstance(flt, filters.IdFilter):
            kind, enum = int, None
        else:
            kind, enum = str, None
        out.append(
            OpenApiParameter(
                param, kind, enum=enum, description=DESCRIPTIONS.get(param, param.replace("_", " "))
            )
        )
    return out
