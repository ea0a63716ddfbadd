"""Every API list and object costs the same number of queries with 1 item as with 50."""

import datetime as dt

import pytest

from archive.models import Event, Membership, Quote
from tests.page_helpers import add_articles, article_with_quotes

SIZES = [1, 50]
# Last-Modified: one query of four MAX()es (archive.api.conditional).
FRESHNESS = 1
# A page of quotes: the rows (article, speaker, said_to and answered quote joined), their
# `about` entities, their tags, their speakers' memberships.
QUOTES = 4


@pytest.fixture
def cast(person, organization):
    return person, organization


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize(
    "path, queries",
    [
        ("/api/quotes/?page_size=100", QUOTES),
        ("/api/quotes/?page_size=100&speaker={speaker}", QUOTES),
        ("/api/quotes/?page_size=100&organization={org}", QUOTES),
        ("/api/quotes/?page_size=100&tag=elections&from=2005", QUOTES),
        ("/api/articles/?page_size=100", 1),
        ("/api/people/?page_size=100", 1),
        ("/api/organizations/?page_size=100", 1),
        ("/api/places/?page_size=100", 1),
        ("/api/events/?page_size=100", 1),
        ("/api/memberships/?page_size=100", 1),
        ("/api/tags/?page_size=100", 1),
    ],
)
def test_lists(client, cast, django_assert_num_queries, n, path, queries):
    person, org = cast
    add_articles(n, person, about=org, tag="elections")
    for i in range(n):
        add_articles(1, person, tag=f"tag-{i}", start_day=1000 + i)
        Membership.objects.create(person=person, organization=org, role=f"role {i}")
        Event.objects.create(
            name=f"Event {i}",
            slug=f"e{i}",
            start=dt.date(2004, 1, 1),
            start_precision="year",
            location=org.based_in,
        )
    path = path.format(speaker=person.pk, org=org.pk)
    with django_assert_num_queries(queries + FRESHNESS):
        response = client.get(path)
    assert response.status_code == 200
    assert response.json()["results"]
    cursor = response.json()["next"]
    if cursor:  # the next page costs the same
        with django_assert_num_queries(queries + FRESHNESS):
            assert client.get(cursor).status_code == 200


@pytest.mark.parametrize("n", SIZES)
def test_article_detail(client, cast, django_assert_num_queries, n):
    person, org = cast
    article = article_with_quotes(n, person)
    # the article with publisher and dateline; contributors; its quotes (QUOTES); mentions.
    with django_assert_num_queries(1 + 1 + QUOTES + 1 + FRESHNESS):
        response = client.get(f"/api/articles/{article.pk}/")
    assert len(response.json()["quotes"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_quote_and_person_detail(client, cast, django_assert_num_queries, n):
    person, org = cast
    article_with_quotes(n, person)
    for i in range(n):
        Membership.objects.create(person=person, organization=org, role=f"role {i}")
    quote = Quote.objects.last()
    with django_assert_num_queries(QUOTES + FRESHNESS):
        assert client.get(f"/api/quotes/{quote.pk}/").status_code == 200
    # the person; aliases; identifiers; memberships.
    with django_assert_num_queries(4 + FRESHNESS):
        response = client.get(f"/api/people/{person.pk}/")
    assert len(response.json()["memberships"]) == n + 1


@pytest.mark.parametrize("n", SIZES)
def test_annotation_collection(client, cast, django_assert_num_queries, n):
    person, org = cast
    article = article_with_quotes(n, person)
    # the article; its quotes; their about entities and tags; its mentions.
    with django_assert_num_queries(1 + 1 + 2 + 1 + FRESHNESS):
        response = client.get(f"/api/articles/{article.pk}/annotations/")
    assert response.json()["total"] == 2 * n
