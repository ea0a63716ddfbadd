"""Impossible data is refused: by model validation with a clear message, and where the
database can say so, by a named constraint as well."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Alias, Membership, Mention, Person, Place, Quote


def test_membership_ending_before_it_starts_fails_validation(person, organization):
    membership = Membership(
        person=person,
        organization=organization,
        start=dt.date(2004, 1, 1),
        start_precision="year",
        end=dt.date(2003, 5, 1),
        end_precision="month",
    )
    with pytest.raises(ValidationError, match=r"cannot end \(May 2003\) before it starts \(2004\)"):
        membership.full_clean()


def test_membership_ending_within_its_start_year_is_allowed(person, organization):
    membership = Membership(
        person=person,
        organization=organization,
        start=dt.date(2004, 5, 1),
        start_precision="month",
        end=dt.date(2004, 1, 1),
        end_precision="year",
    )
    membership.full_clean()  # "from May 2004 until some time in 2004" is possible


def test_database_refuses_day_end_before_start(person, organization):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person,
            organization=organization,
            start=dt.date(2004, 5, 1),
            start_precision="month",
            end=dt.date(2004, 4, 30),
            end_precision="day",
        )


def test_malformed_partial_date_fails_validation_and_database(person, organization):
    membership = Membership(
        person=person,
        organization=organization,
        start=dt.date(2004, 5, 17),
        start_precision="month",
    )
    with pytest.raises(ValidationError, match="first day of the month"):
        membership.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person, organization=organization, start=dt.date(2004, 5, 1), start_precision=""
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person,
            organization=organization,
            start=dt.date(2004, 5, 1),
            start_precision="week",
        )


def test_quote_whose_text_is_not_in_the_article_is_refused(article, person):
    quote = Quote(article=article, speaker=person, exact="We never said this", start=0, end=18)
    with pytest.raises(ValidationError, match="not in the article's body"):
        quote.full_clean()


def test_quote_with_wrong_positions_is_moved_to_where_its_words_are(article, person):
    words = "We are concerned about the elections"
    quote = Quote(article=article, speaker=person, exact=words, start=10, end=10 + len(words))
    quote.full_clean()
    assert article.body[quote.start : quote.end] == words


def test_speaker_must_be_a_person_or_an_organization(article, place):
    quote = Quote(article=article, speaker=place)
    quote.anchor_to("We are concerned about the elections")
    with pytest.raises(ValidationError, match="person or an organization, not a place"):
        quote.full_clean()


def test_quote_without_speaker_is_allowed(article):
    quote = Quote(article=article)
    quote.anchor_to("The government denied it.")
    quote.full_clean()


def test_quote_cannot_answer_itself(quote):
    quote.answers = quote
    with pytest.raises(ValidationError, match="cannot answer itself"):
        quote.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        quote.save()


def test_empty_span_is_refused_by_database(article, place):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, entity=place, exact="x", start=5, end=5)


def test_confidence_outside_zero_to_one_is_refused(quote):
    quote.confidence = 1.5
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        quote.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        quote.save()


def test_slug_is_unique_within_a_kind_but_not_across_kinds(person, place):
    Place.objects.create(name="Vanessa Saenen", slug="vanessa-saenen")  # another kind: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="Another Saenen", slug="vanessa-saenen")


def test_alias_is_unique_per_entity(person):
    Alias.objects.create(entity=person, name="V. Saenen")
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(entity=person, name="V. Saenen")


def test_kind_is_set_by_the_model_not_by_the_caller(person, place):
    assert person.kind == "person"
    assert place.kind == "place"
    assert person.entity_ptr.specific == person
