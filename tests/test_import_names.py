"""What an editor notices in an import's proposals: events named by a short noun phrase,
the header's publisher and dateline proposed, and people sorted by family name."""

import datetime as dt
import importlib
import json
from types import SimpleNamespace

import pytest
from django.apps import apps as global_apps
from django.db import connection

from archive.importer.accepting import accept
from archive.importer.event_names import event_name
from archive.importer.importing import import_bytes
from archive.importer.relative_dates import find_dates
from archive.models import Article, Entity, EntitySuggestion, Organization, Person, Place
from archive.names import person_sort_name, split_person_name


def named(sentence, day=dt.date(2004, 4, 6)):
    (phrase,) = find_dates(sentence, day)
    return event_name(sentence, phrase.start, phrase.end)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ('"Our concern is the elections later this year," she said.', "the elections"),
        ("Talks ahead of autumn parliamentary elections began.", "the parliamentary elections"),
        ("Last year's elections were flawed.", "the elections"),
        ("A letter sent last week urged restraint.", "a letter"),
        ("The CPJ letter of last week went unanswered.", "the CPJ letter"),
        ("He was charged under a July 2002 law.", "the July 2002 law"),
        ("Mukhtabar Abliyazov was released last May.", "the release of Mukhtabar Abliyazov"),
        ("The party was founded in 2001.", "the founding of the party"),
        ("Smith resigned last year.", "the resignation of Smith"),
    ],
)
def test_an_event_is_named_by_its_noun_phrase(sentence, name):
    assert named(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose last month.",
        "He was imprisoned last year.",  # a pronoun: whose imprisonment?
        "The minister spoke on Monday.",
        "It closed two years ago.",
    ],
)
def test_no_noun_phrase_no_event(sentence):
    assert named(sentence) is None


def _import(body, **fields):
    data = {"headline": "Miners strike", "published": "2004-04-06", "body": body, **fields}
    outcome = import_bytes("one.json", json.dumps(data).encode())
    assert outcome.problem is None, outcome.problem
    return outcome.article


def test_event_suggestions_are_never_sentences(db):
    article = _import(
        "Mukhtabar Abliyazov was released last May. Prices rose last month. "
        '"Our concern is the elections later this year," said John Smith, a lawyer.'
    )
    events = EntitySuggestion.objects.filter(article=article, kind="event")
    assert sorted(events.values_list("name", flat=True)) == [
        "the elections",
        "the release of Mukhtabar Abliyazov",
    ]
    event = accept(events.get(name="the elections"))
    assert (event.name, str(event.start_partial)) == ("the elections", "2004")


def test_an_unknown_publisher_and_dateline_are_proposed_and_fill_the_article(db):
    article = _import(
        "Workers walked out on Monday.", publisher="Steppe Daily News", dateline_place="Ridder"
    )
    assert article.publisher is None and article.dateline_place is None
    publisher = EntitySuggestion.objects.get(article=article, kind="organization")
    place = EntitySuggestion.objects.get(article=article, kind="place")
    assert (publisher.name, publisher.header_field) == ("Steppe Daily News", "publisher")
    assert (place.name, place.header_field) == ("Ridder", "dateline")
    assert publisher.confidence == place.confidence == 0.9
    organization = accept(publisher)
    accept(place)
    article.refresh_from_db()
    assert article.publisher == Organization.objects.get(pk=organization.pk)
    assert organization.org_kind == "news"
    assert article.dateline_place == Place.objects.get(name="Ridder")
    # Imported again, the known names are found and nothing is proposed for them.
    _import("Workers walked out on Monday.", publisher="Steppe Daily News", dateline_place="Ridder")
    assert EntitySuggestion.objects.filter(article=article, status="suggested").count() == 0


def test_a_known_publisher_is_not_proposed(seed):
    article = _import("Workers walked out on Monday.", publisher="RFE/RL")
    assert article.publisher.name == "RFE/RL"
    assert not EntitySuggestion.objects.filter(article=article, header_field="publisher").exists()


@pytest.mark.parametrize(
    ("name", "given", "family", "sort_name"),
    [
        ("Vanessa Saenen", "Vanessa", "Saenen", "Saenen, Vanessa"),
        ("Galymzhan Zhakiyanov", "Galymzhan", "Zhakiyanov", "Zhakiyanov, Galymzhan"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven", "van Beethoven, Ludwig"),
        ("Martin Luther King Jr.", "Martin Luther", "King Jr.", "King Jr., Martin Luther"),
        ("Madonna", "", "Madonna", "Madonna"),
    ],
)
def test_sort_names_put_the_family_name_first(name, given, family, sort_name):
    assert split_person_name(name) == (given, family)
    assert person_sort_name(name) == sort_name


def test_a_person_saved_without_a_sort_name_sorts_by_family_name(db):
    zed = Person.objects.create(name="Aigul Zhunusova", slug="aigul-zhunusova")
    abe = Person.objects.create(name="Yerlan Abenov", slug="yerlan-abenov")
    kept = Person.objects.create(name="Kim Su", slug="kim-su", sort_name="Kim Su")
    assert zed.sort_name == "Zhunusova, Aigul" and kept.sort_name == "Kim Su"
    assert list(Person.objects.order_by("sort_name")) == [abe, kept, zed]
    # The recorded family name wins over the split.
    person = Person.objects.create(
        name="Mao Zedong", slug="mao", given_name="Zedong", family_name="Mao"
    )
    assert person.sort_name == "Mao, Zedong"


def test_the_data_migration_sorts_existing_people_by_family_name(db):
    left = Person.objects.create(name="Aigul Zhunusova", slug="a", sort_name="x")
    Entity.objects.filter(pk=left.pk).update(sort_name="Aigul Zhunusova")  # as stored before
    by_hand = Person.objects.create(name="Kim Su", slug="k", sort_name="Kim Su")
    org = Organization.objects.create(name="Steppe Daily News", slug="s")
    migration = importlib.import_module(
        "archive.migrations.0012_suggestion_header_field_and_sort_names"
    )
    migration.family_name_first(global_apps, SimpleNamespace(connection=connection))
    left.refresh_from_db()
    by_hand.refresh_from_db()
    org.refresh_from_db()
    assert left.sort_name == "Zhunusova, Aigul"
    assert by_hand.sort_name == "Su, Kim"  # equal to the name, so it was the default
    assert org.sort_name == "Steppe Daily News"


def test_accepted_people_get_their_names_split(db):
    article = _import('"We will go on," said John Smith, a lawyer.')
    person = accept(EntitySuggestion.objects.get(article=article, kind="person"))
    assert (person.given_name, person.family_name, person.sort_name) == (
        "John",
        "Smith",
        "Smith, John",
    )
    assert Article.objects.count() == 1
