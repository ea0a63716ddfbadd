"""Fixtures that compose: place → organization → person → article → quote; `seed` loads the
seed archive exactly as `make run` does."""

import datetime as dt

import pytest

from archive.db import run_pending
from archive.loading import load_fixtures
from archive.models import Article, ArticleStatus, Membership, Organization, Person, Place, Quote
from archive.seed.build import FIXTURE


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed-name storage needs collectstatic first; tests do not need hashed names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Tests see live pages; tests/test_page_cache.py turns the cache on.
    settings.PAGE_CACHE = False


@pytest.fixture
def seed(db):
    load_fixtures([FIXTURE])
    return Article.objects.get(source_url="https://www.rferl.org/a/1052186.html")


@pytest.fixture
def place(db):
    return Place.objects.create(name="Almaty", slug="almaty", place_kind="city")


@pytest.fixture
def organization(place):
    return Organization.objects.create(
        name="Human Rights Watch", slug="human-rights-watch", org_kind="ngo", based_in=place
    )


@pytest.fixture
def person(organization):
    person = Person.objects.create(name="Vanessa Saenen", slug="vanessa-saenen")
    Membership.objects.create(person=person, organization=organization, role="spokeswoman")
    return person


@pytest.fixture
def article(organization, place):
    return Article.objects.create(
        headline="Watchdog criticises government",
        slug="watchdog-criticises-government",
        standfirst="A report says the government harasses its critics.",
        body='"We are concerned about the elections," the spokeswoman said.\n\n'
        "The government denied it.",
        published_on=dt.date(2004, 4, 6),
        publisher=organization,
        dateline_place=place,
        status=ArticleStatus.PUBLISHED,
    )


@pytest.fixture
def quote(article, person):
    quote = Quote(article=article, speaker=person)
    quote.anchor_to("We are concerned about the elections")
    quote.full_clean()
    quote.save()
    return quote


@pytest.fixture
def search_seed(db):
    """The seed archive with its search index, built as its commit builds it in production
    (the test's own transaction never commits, so what a commit runs is run here)."""
    load_fixtures([FIXTURE])
    run_pending()
    return Article.objects.get(source_url="https://www.rferl.org/a/1052186.html")


# The editors' workbench: a small named cast, members of the groups the data migration made.
def _staff(django_user_model, username, group):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, password="pw-" + username)
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _staff(django_user_model, "edna", "Editors")


@pytest.fixture
def reviewer(db, django_user_model):
    return _staff(django_user_model, "rex", "Reviewers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client
