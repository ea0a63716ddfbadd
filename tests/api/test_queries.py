"""Every API list and object costs the same number of queries with 1 item as with 50."""

import datetime as dt

import pytest

from archive.models import Event, Membership, Organization, Person, Quote
from tests.page_helpers import add_articles, article_with_quotes

SIZES = [1, 50]
# Last-Modified: one query of four MAX()es (archive.api.conditional).
FRESHNESS = 1
# A page of quotes: the rows (article, speaker, said_to and answered quote joined), their
# `about` entities, their tags, their speakers' memberships.
QUOTES = 4
# The filters whose entity must exist (about_by_others, answers_to) look it up: one query.
KNOWN_ENTITY = 1


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
        ("/api/quotes/?page_size=100&about_by_others={org}", QUOTES + KNOWN_ENTITY),
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
    if "about_by_others" in path:
        # The person is one of the organization's people, whose quotes about it its page
        # lists among theirs: the quotes about it by others are an outsider's.
        outsider = Person.objects.create(name="Out Sider", slug="out-sider")
        rival = Organization.objects.create(name="Rival", slug="rival")
        Membership.objects.create(person=outsider, organization=rival, role="head")
        add_articles(n, outsider, about=org, start_day=2000)
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
@pytest.mark.parametrize("path", ["/api/quotes/?page_size=2", "/api/quotes.csv"])
def test_answers_to(client, cast, organization, django_assert_num_queries, n, path):
    """The answers to a person: the same queries for 1 answer as for 50 (a CSV: one batch)."""
    person, org = cast
    other = Person.objects.create(name="Other Speaker", slug="other-speaker")
    first = add_articles(1, person)[0].quotes.get()
    replies = []
    for article in add_articles(n, other, about=org, start_day=500):
        reply = article.quotes.get()
        reply.answers = first
        reply.save()
        replies.append(reply)
    separator = "&" if "?" in path else "?"
    url = f"{path}{separator}answers_to={person.pk}"
    # A CSV (no Last-Modified): the rows, their about entities, their tags, the speakers'
    # memberships (one batch).
    queries = 4 + KNOWN_ENTITY if "csv" in path else QUOTES + KNOWN_ENTITY + FRESHNESS
    with django_assert_num_queries(queries):
        response = client.get(url)
        if "csv" in path:
            body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    if "csv" in path:
        assert body.count("Other Speaker") == n
    else:
        assert response.json()["results"]
        cursor = response.json()["next"]
        if cursor:
            with django_assert_num_queries(QUOTES + KNOWN_ENTITY + FRESHNESS):
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
