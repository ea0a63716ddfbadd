"""The lists' filters (django-filter), read strictly: an unknown parameter, a malformed id or
date, a value out of range, is a 400 naming the parameter."""

from __future__ import annotations

from functools import cache

import django_filters as df
from django import forms
from django.db.models import Q

from archive.api.errors import BadParameter
from archive.dates import UNDATED
from archive.models import Membership, QuoteMode
from archive.models.entities import (
    SPEAKER_KINDS,
    EventKind,
    MembershipCategory,
    OrganizationKind,
    PlaceKind,
)
from archive.search.params import parse_date

# Parameters every list takes besides its filters.
PAGING = {"cursor", "page_size"}
MAX_ID = 2**63 - 1


class IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class IdFilter(df.Filter):
    """An object's id, checked as a number in range but not looked up (no query)."""

    field_class = IdField


class EntityIdField(IdField):
    """An entity's id that must exist (one query), of one of `kinds` when given: for the
    filters whose list is defined by the entity itself (the quotes about it by others, the
    answers to it), where an unknown id is a mistake rather than an empty list."""

    def __init__(self, *, kinds=(), **kwargs):
        self.kinds = tuple(kinds)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return None
        from archive.models import Entity

        found = Entity.objects.filter(pk=value)
        if self.kinds:
            found = found.filter(kind__in=self.kinds)
        if not found.exists():
            raise forms.ValidationError(
                f"No {' or '.join(self.kinds) if self.kinds else 'entity'} has this id."
            )
        return value


class EntityIdFilter(IdFilter):
    field_class = EntityIdField


class PartialDateField(forms.CharField):
    """2004, 2004-04 or 2004-04-06, as on the search page: the first day of the period for a
    start, its last day for an end."""

    def __init__(self, *, end: bool = False, **kwargs):
        self.end = end
        super().__init__(max_length=10, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        day = parse_date(value, self.end)
        if day is None:
            raise forms.ValidationError("Give a date like 2004, 2004-04 or 2004-04-06.")
        return day


class PartialDateFilter(df.Filter):
    field_class = PartialDateField


class PublicationDateFilter(PartialDateFilter):
    """A bound on an article's publication date (its period's first day, as lists sort it).
    An undated article is stored at UNDATED, before every real day: a date range never
    holds it, whichever bound is given."""

    def filter(self, qs, value):
        if value is None:
            return qs
        return super().filter(qs, value).filter(**{f"{self.field_name}__gt": UNDATED})


def date_range(field: str, lookup_from="gte", lookup_to="lte", *, publication=False) -> dict:
    kind = PublicationDateFilter if publication else PartialDateFilter
    return {
        "from": kind(field_name=field, lookup_expr=lookup_from),
        "to": kind(field_name=field, lookup_expr=lookup_to, end=True),
    }


def _members(organization_id):
    """Everyone who ever belonged to the organization (a subquery of person ids)."""
    return Membership.objects.filter(organization_id=organization_id).values("person_id")


def by_members_of(queryset, name, value):
    """Quotes by the organization itself or by anyone who ever belonged to it."""
    return queryset.filter(Q(speaker_id=value) | Q(speaker_id__in=_members(value)))


def members_of(queryset, name, value):
    return queryset.filter(pk__in=_members(value))


def _filterset(name: str, model, filters: dict) -> type[df.FilterSet]:
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(name, (df.FilterSet,), {**filters, "Meta": meta})


@cache
def quote_filters(model):
    return _filterset(
        "QuoteFilter",
        model,
        {
            "speaker": IdFilter(field_name="speaker_id"),
            "about": IdFilter(field_name="about__id"),
            "said_to": IdFilter(field_name="said_to_id"),
            "organization": IdFilter(method=by_members_of),
            "article": IdFilter(field_name="article_id"),
            "answers": IdFilter(method=answering),
            "about_by_others": EntityIdFilter(method=about_by_others),
            "answers_to": EntityIdFilter(method=answers_to, kinds=SPEAKER_KINDS),
            "tag": df.CharFilter(field_name="tagged_items__tag__slug", max_length=100),
            "mode": df.ChoiceFilter(choices=QuoteMode.choices),
            **date_range("article__published_on", publication=True),
        },
    )


def answering(queryset, name, value):
    """Replies to a public quote (a reply to a hidden one names nothing it answers)."""
    from archive.models import Quote

    return queryset.filter(answers__in=Quote.objects.public().filter(pk=value))


def about_by_others(queryset, name, value):
    """Quotes about the entity said by anyone else or by nobody named: the "Quotes about"
    section of its page (QuoteAboutFact), where `about` also has its quotes about itself.
    An organization's page lists its people's quotes about it among theirs, not here."""
    return (
        queryset.filter(about__id=value)
        .exclude(speaker_id=value)
        .exclude(speaker_id__in=_members(value))
    )


def answers_to(queryset, name, value):
    """Quotes answering a public quote by the entity, said by anyone else or by nobody
    named: the "Answers to" section of a person's page (QuoteFact.replied_to). A reply also
    about them is listed among the quotes about them, not here."""
    from archive.models.annotations import ANSWERS_PUBLIC

    return (
        queryset.filter(ANSWERS_PUBLIC, answers__speaker_id=value)
        .exclude(speaker_id=value)
        .exclude(about__id=value)
    )


def mentioning(queryset, name, value):
    from archive.models import Mention

    return queryset.filter(
        pk__in=Mention.objects.public().filter(entity_id=value).values("article_id")
    )


@cache
def article_filters(model):
    return _filterset(
        "ArticleFilter",
        model,
        {
            "publisher": IdFilter(field_name="publisher_id"),
            "dateline": IdFilter(field_name="dateline_place_id"),
            "mentions": IdFilter(method=mentioning),
            **date_range("published_on", publication=True),
        },
    )


@cache
def person_filters(model):
    return _filterset("PersonFilter", model, {"organization": IdFilter(method=members_of)})


@cache
def organization_filters(model):
    return _filterset(
        "OrganizationFilter",
        model,
        {
            "kind": df.ChoiceFilter(
                field_name="organization__org_kind", choices=OrganizationKind.choices
            ),
            "parent": IdFilter(field_name="organization__parent_id"),
            "based_in": IdFilter(field_name="organization__based_in_id"),
        },
    )


@cache
def place_filters(model):
    return _filterset(
        "PlaceFilter",
        model,
        {
            "kind": df.ChoiceFilter(field_name="place__place_kind", choices=PlaceKind.choices),
            "located_in": IdFilter(field_name="place__located_in_id"),
        },
    )


@cache
def event_filters(model):
    return _filterset(
        "EventFilter",
        model,
        {
            "kind": df.ChoiceFilter(field_name="event__event_kind", choices=EventKind.choices),
            "location": IdFilter(field_name="event__location_id"),
            **date_range("event__start"),
        },
    )


@cache
def membership_filters(model):
    return _filterset(
        "MembershipFilter",
        model,
        {
            "person": IdFilter(field_name="person_id"),
            "organization": IdFilter(field_name="organization_id"),
            "category": df.ChoiceFilter(choices=MembershipCategory.choices),
        },
    )


def check_known(params, allowed: set[str]) -> None:
    unknown = sorted(set(params) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed))
        raise BadParameter(
            {name: [f"This list has no such parameter; it takes {known}."] for name in unknown}
        )


def apply(filterset_class, params, queryset, extra: set[str] = PAGING):
    """`queryset` narrowed by the filters in `params`; 400 for anything it cannot use."""
    check_known(params, set(filterset_class.base_filters) | extra)
    for name in params:
        if len(params.getlist(name)) > 1:
            raise BadParameter({name: ["Give this parameter once."]})
    if not set(params) - extra:
        return queryset  # nothing to filter by: no form to build
    filterset = filterset_class(data=params, queryset=queryset)
    if not filterset.is_valid():
        raise BadParameter({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset.qs


@cache
def empty_filters():
    """A list that takes no filters, only paging."""
    from taggit.models import Tag

    return _filterset("NoFilter", Tag, {})
