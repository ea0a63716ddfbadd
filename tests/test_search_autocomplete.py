"""The names endpoint the search box uses, the OpenSearch description, and the header box."""

import pytest
from django.urls import reverse

NAMES = reverse("archive:search_names")


def names(client, q, **extra):
    response = client.get(NAMES, {"q": q, **extra})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Zhakiy", "Galymzhan Zhaqiyanov"),
        ("zhaqi", "Galymzhan Zhaqiyanov"),
        ("Galymzhan Zhak", "Galymzhan Zhaqiyanov"),
        ("Nazarbay", "Nursultan Nazarbaev"),
        ("Ablyaz", "Mukhtabar Abliyazov"),
        ("Passy", "Solomon Pasi"),
        ("Kaliuzh", "Vyacheslav Kalyuzhnyi"),
        ("Жакия", "Galymzhan Zhaqiyanov"),
        ("HRW", "Human Rights Watch"),
    ],
)
def test_names_complete_from_any_spelling(client, search_seed, typed, name):
    results = names(client, typed)["results"]
    assert name in [r["name"] for r in results]
    hit = next(r for r in results if r["name"] == name)
    assert hit["url"].startswith("/")
    assert hit["search"] == reverse("archive:search") + "?" + "q=" + name.replace(" ", "+")


def test_the_alias_that_matched_is_shown(client, search_seed):
    [hit] = [r for r in names(client, "Zhakiy")["results"] if r["kind"] == "person"]
    assert hit["matched"] in {"Zhakiyanov", "Galymzhan Zhakiyanov"}


def test_a_description_tells_names_apart(client, search_seed):
    from archive.models import Entity

    [hit] = [r for r in names(client, "Zhakiy")["results"] if r["kind"] == "person"]
    person = Entity.objects.get(name="Galymzhan Zhaqiyanov")
    assert person.description and hit["description"] == person.description


def test_too_short_or_empty_gives_nothing(client, search_seed):
    assert names(client, "z")["results"] == []
    assert names(client, "")["results"] == []
    assert names(client, "!!")["results"] == []


def test_one_entity_once_and_at_most_eight(client, search_seed):
    results = names(client, "ka")["results"]
    assert 0 < len(results) <= 8
    assert len({r["url"] for r in results}) == len(results)


def test_one_query(client, search_seed, django_assert_num_queries):
    # 1 name rows with their entities, in key order.
    with django_assert_num_queries(1):
        names(client, "Zhak")


def test_opensearch_suggestions_format(client, search_seed):
    typed, completions = names(client, "Nazarbay", format="opensearch")
    assert typed == "Nazarbay"
    assert completions[0] == "Nursultan Nazarbaev"  # the person, then events named after him
    assert "Solomon Pasi meets Nursultan Nazarbaev" in completions


def test_opensearch_description(client, db, settings):
    settings.SITE_URL = "https://archive.example"
    response = client.get(reverse("archive:opensearch"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    body = response.content.decode()
    assert 'template="https://archive.example/search/?q={searchTerms}"' in body
    assert "format=opensearch&amp;q={searchTerms}" in body


def test_every_page_has_the_search_box_and_the_opensearch_link(client, search_seed):
    html = client.get(reverse("archive:home")).content.decode()
    assert '<form class="search-box" role="search"' in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html
    assert f'action="{reverse("archive:search")}"' in html
