"""/api/search/ answers with the search page's engine, and refuses what the page would drop."""

import datetime as dt

import pytest

from archive.db import run_pending
from archive.models import Article, Quote
from archive.search import params, service

pytestmark = pytest.mark.django_db


def page_of(query):
    return service.run(params.read(query))


@pytest.mark.parametrize(
    "query",
    [
        {"q": "Saenen"},
        {"q": "elections"},
        {"q": "elections", "kind": "quote"},
        {"q": '"free and fair"'},
        {"q": "Kazakhstan -elections", "sort": "date"},
        {"q": "Zhakiyanov"},  # another spelling of a name the archive has
    ],
)
def test_same_results_facets_and_order_as_the_search_page(client, search_seed, query):
    data = client.get("/api/search/", query).json()
    page = page_of(query)
    assert data["total"] == page.total > 0
    assert [r["page"] for r in data["results"]] == [
        "http://testserver" + r.path for r in page.results
    ]
    assert [r["title_html"] for r in data["results"]] == [str(r.title) for r in page.results]
    for name, values in page.facets.items():
        assert [(f["label"], f["count"]) for f in data["facets"][name]] == [
            (v.label, v.count) for v in values
        ]
    for hit in data["results"]:
        assert client.get(hit["url"]).status_code == 200


def test_facet_links_narrow_the_search(client, search_seed):
    data = client.get("/api/search/", {"q": "elections"}).json()
    quotes = next(f for f in data["facets"]["kind"] if f["value"] == "quote")
    narrowed = client.get(quotes["url"]).json()
    assert narrowed["total"] == quotes["count"]
    assert {r["kind"] for r in narrowed["results"]} == {"quote"}


def test_paging(client, search_seed, settings):
    settings.PAGE_SIZE = 3
    first = client.get("/api/search/", {"q": "Kazakhstan"}).json()
    assert first["pages"] > 1 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2
    assert client.get(second["previous"]).json()["results"] == first["results"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({}, "q"),
        ({"q": "  "}, "q"),
        ({"q": "-elections"}, "q"),
        ({"q": "x", "kind": "planet"}, "kind"),
        ({"q": "x", "person": "abc"}, "person"),
        ({"q": "x", "person": "999999"}, "person"),
        ({"q": "x", "tag": "no-such-tag"}, "tag"),
        ({"q": "x", "year": "20"}, "year"),
        ({"q": "x", "from": "soon"}, "from"),
        ({"q": "x", "to": "2004-13"}, "to"),
        ({"q": "x", "sort": "random"}, "sort"),
        ({"q": "x", "page": "0"}, "page"),
        ({"q": "elections", "page": "999"}, "page"),
        ({"q": "x", "colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, search_seed, query, parameter):
    response = client.get("/api/search/", query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_search_finds_no_draft(client, search_seed):
    draft = Article.objects.create(
        headline="Axolotlword draft",
        slug="d",
        body="The axolotlword remark.",
        published_on=dt.date(2004, 5, 1),
        status="draft",
    )
    quote = Quote(article=draft)
    quote.anchor_to("axolotlword remark")
    quote.save()
    run_pending()  # what its commit would index
    assert client.get("/api/search/", {"q": "axolotlword"}).json()["total"] == 0
