"""The lists' filters (django-filter), read strictly: an unknown parameter, a malformed id or
date, a value out of range, is a 400 naming the parameter."""

from __future__ import annotations

from functools import cache

import django_filters as df
from django import forms
from django.db.models import Q

from archive.api.errors import BadParameter
from archive.models import Membership, QuoteMode
from archive.models.entities import EventKind, MembershipCategory, OrganizationKind, PlaceKind
from archive.search.params import _parse_date

# Parameters every list takes besides its filters.
PAGING = {"cursor", "page_size"}
MAX_ID = 2**63 - 1


class IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class IdFilter(df.Filter):
    """An object's id, checked as a number in range but not looked up (no query)."""

    field_class = IdField


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
        day = _parse_date(value, self.end)
        if day is None:
            raise forms.ValidationError("Give a date like 2004, 2004-04 or 2004-04-06.")
        return day


class PartialDateFilter(df.Filter):
    field_class = PartialDateField


def date_range(field: str, lookup_from="gte", lookup_to="lte") -> dict:
    return {
        "from": PartialDateFilter(field_name=field, lookup_expr=lookup_from),
        "to": PartialDateFilter(field_name=field, lookup_expr=lookup_to, end=True),
    }


def by_members_of(queryset, name, value):
    """Quotes by the organization itself or by anyone who ever belonged to it."""
    members = Membership.objects.filter(organization_id=value).values("person_id")
    return queryset.filter(Q(speaker_id=value) | Q(speaker_id__in=members))


def members_of(queryset, name, value):
    return queryset.filter(
        pk__in=Membership.objects.filter(organization_id=value).values("person_id")
    )


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
            "tag": df.CharFilter(field_name="tagged_items__tag__slug", max_length=100),
            "mode": df.ChoiceFilter(choices=QuoteMode.choices),
            **date_range("article__published_on"),
        },
    )


def answering(queryset, name, value):
    """Replies to a public quote (a reply to a hidden one names nothing it answers)."""
    from archive.models import Quote

    return queryset.filter(answers__in=Quote.objects.public().filter(pk=value))


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
            **date_range("published_on"),
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
