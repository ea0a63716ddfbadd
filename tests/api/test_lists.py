"""The lists: keyset paging, filters, bad input, links, conditional GET, CORS, throttling."""

import datetime as dt

import pytest
from django.core.signing import Signer
from django.test import Client
from taggit.models import Tag

from archive.api.links import Links
from archive.models import Article, Entity, Membership, Quote
from tests.page_helpers import add_articles

pytestmark = pytest.mark.django_db


def walk(client, url, key="next"):
    items, pages = [], 0
    while url:
        data = client.get(url).json()
        items += data["results"]
        url, pages = data[key], pages + 1
    return items, pages


@pytest.fixture
def many(person, organization):
    add_articles(30, person, about=organization)
    return person


def test_cursor_pages_go_through_every_quote_once_either_way(client, many):
    forward, pages = walk(client, "/api/quotes/?page_size=7")
    ids = [q["id"] for q in forward]
    assert ids == sorted(Quote.objects.public().values_list("pk", flat=True))
    assert pages == 5
    # Back from the last page by the `previous` links gives the same pages in reverse.
    data = client.get("/api/quotes/?page_size=7").json()
    while data["next"]:
        data = client.get(data["next"]).json()
    back = [q["id"] for q in data["results"]]
    while data["previous"]:
        data = client.get(data["previous"]).json()
        back = [q["id"] for q in data["results"]] + back
    assert back == ids


def test_articles_page_newest_first_with_ties_broken_by_id(client, many):
    for i in range(3):  # three articles on one day
        Article.objects.create(
            headline=f"Same day {i}",
            slug=f"same-{i}",
            body="x",
            status="published",
            published_on=dt.date(2005, 1, 10),
        )
    found, _ = walk(client, "/api/articles/?page_size=4")
    keys = [(a["published_on"], a["id"]) for a in found]
    assert keys == sorted(keys, reverse=True)
    assert len(found) == Article.objects.published().count()


def test_people_page_a_to_z(client, many):
    for name in ["Zed Last", "Abe First", "Mid Dle"]:
        Entity.objects.create(kind="person", name=name, slug=name.lower().replace(" ", "-"))
    found, _ = walk(client, "/api/people/?page_size=2")
    assert [p["sort_name"] for p in found] == sorted(p["sort_name"] for p in found)
    assert len(found) == Entity.objects.filter(kind="person").count()


def test_filters(client, many, organization):
    speaker = many.pk
    by = client.get(f"/api/quotes/?speaker={speaker}&page_size=100").json()["results"]
    assert len(by) == 30 and all(q["speaker"]["id"] == speaker for q in by)
    about = client.get(f"/api/quotes/?about={organization.pk}&page_size=100").json()["results"]
    assert len(about) == 30
    members = client.get(f"/api/quotes/?organization={organization.pk}&page_size=100").json()
    assert len(members["results"]) == 30
    tagged = client.get("/api/quotes/?tag=elections&page_size=100").json()["results"]
    assert len(tagged) == 30 and tagged[0]["tags"][0]["slug"] == "elections"
    dated = client.get("/api/quotes/?from=2005-01-05&to=2005-01-09").json()["results"]
    assert sorted(q["article"]["published_on"] for q in dated) == [
        f"2005-01-0{d}" for d in range(5, 10)
    ]
    assert len(client.get("/api/quotes/?from=2005-01&to=2005-01").json()["results"]) == 25
    assert client.get("/api/quotes/?mode=indirect").json()["results"] == []
    people = client.get(f"/api/people/?organization={organization.pk}").json()["results"]
    assert [p["id"] for p in people] == [speaker]
    ngos = client.get("/api/organizations/?kind=ngo").json()["results"]
    assert [o["id"] for o in ngos] == [organization.pk]
    memberships = client.get(f"/api/memberships/?person={speaker}").json()["results"]
    assert [m["organization"]["id"] for m in memberships] == [organization.pk]


def test_filters_survive_paging(client, many):
    first = client.get(f"/api/quotes/?speaker={many.pk}&page_size=10").json()
    assert f"speaker={many.pk}" in first["next"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("speaker=abc", "speaker"),
        ("speaker=0", "speaker"),
        ("speaker=99999999999999999999999", "speaker"),
        ("from=2004-13-01", "from"),
        ("to=yesterday", "to"),
        ("mode=shouted", "mode"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=²", "page_size"),
        ("colour=red", "colour"),
        ("cursor=abc", "cursor"),
        ("speaker=1&speaker=2", "speaker"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, many, query, parameter):
    response = client.get(f"/api/quotes/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["errors"] and body["errors"][parameter][0]


def test_tampered_cursors_are_a_400(client, many):
    cursor = client.get("/api/quotes/?page_size=5").json()["next"].split("cursor=")[1]
    value, signature = cursor.rsplit("%3A", 1)
    forged = Signer(salt="archive.api.cursor").sign_object({"o": "quotes", "k": ["x"], "b": 0})
    for bad in [value + "A%3A" + signature, value, forged, cursor.replace("%3A", "%3AX")]:
        response = client.get(f"/api/quotes/?cursor={bad}")
        assert response.status_code == 400, bad
        assert "cursor" in response.json()["errors"]
    # A cursor of another list is not accepted either.
    other = client.get("/api/articles/?page_size=1").json()["next"].split("cursor=")[1]
    assert client.get(f"/api/quotes/?cursor={other}").status_code == 400


def test_unknown_ids_are_a_404_with_json(client, many):
    for path in [
        "/api/quotes/999999/",
        "/api/people/999999/",
        "/api/articles/999999/",
        "/api/memberships/999999/",
        "/api/tags/no-such-tag/",
        f"/api/organizations/{many.pk}/",
    ]:  # a person is not an organization
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["detail"]


def test_every_object_links_to_its_page_and_its_api_address(client, many):
    quote = client.get("/api/quotes/?page_size=1").json()["results"][0]
    model = Quote.objects.get(pk=quote["id"])
    assert quote["page"] == "http://testserver" + model.get_absolute_url()
    assert quote["url"] == f"http://testserver/api/quotes/{model.pk}/"
    assert quote["article"]["page"] == "http://testserver" + model.article.get_absolute_url()
    assert quote["speaker"]["page"] == "http://testserver" + model.speaker.get_absolute_url()
    assert client.get(quote["url"]).json() == quote
    for key in ("article", "speaker"):
        assert client.get(quote[key]["url"]).status_code == 200
        assert client.get(quote[key]["page"]).status_code == 200


def test_link_builders_agree_with_the_pages(seed):
    links = Links("http://example.org")
    for entity in Entity.objects.all():
        assert links.entity_page(entity.kind, entity.slug) == (
            "http://example.org" + entity.get_absolute_url()
        )
    for article in Article.objects.all():
        assert links.article_page(article.published_on, article.slug) == (
            "http://example.org" + article.get_absolute_url()
        )
    for quote in Quote.objects.all():
        assert links.quote_page(quote.pk) == "http://example.org" + quote.get_absolute_url()
    for tag in Tag.objects.all():
        assert links.tag_page(tag.slug) == f"http://example.org/tags/{tag.slug}/"


def test_quote_carries_speaker_affiliation_about_tags_and_anchor(client, seed):
    quote = Quote.objects.public().filter(speaker__kind="person", said_to__isnull=False).first()
    data = client.get(f"/api/quotes/{quote.pk}/").json()
    membership = quote.affiliation()
    assert data["affiliation"]["organization"]["id"] == membership.organization_id
    assert data["affiliation"]["role"] == membership.role
    assert data["said_to"]["id"] == quote.said_to_id
    assert {a["id"] for a in data["about"]} == set(quote.about.values_list("pk", flat=True))
    assert {t["slug"] for t in data["tags"]} == set(quote.tags.values_list("slug", flat=True))
    text = quote.article.text_of(quote.part)
    anchor = data["anchor"]
    assert text[anchor["start"] : anchor["end"]] == anchor["exact"] == data["text"]


def test_article_detail_has_body_quotes_and_mentions(client, seed):
    data = client.get(f"/api/articles/{seed.pk}/").json()
    assert data["body"] == seed.body
    assert len(data["quotes"]) == Quote.objects.public().filter(article=seed).count()
    assert data["mentions"]
    for item in data["quotes"] + data["mentions"]:
        anchor = item["anchor"]
        assert data[anchor["part"]][anchor["start"] : anchor["end"]] == anchor["exact"]


def test_conditional_get(client, many):
    response = client.get("/api/quotes/")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get("/api/quotes/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/quotes/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    quote = Quote.objects.order_by("pk").first()
    quote.mode = "indirect"
    quote.save()
    fresh = client.get("/api/quotes/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    # Deleting a quote leaves no timestamp, but the ETag still tells the page changed.
    etag = fresh["ETag"]
    Quote.objects.filter(pk=quote.pk).delete()
    assert client.get("/api/quotes/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cors_allows_reading_from_anywhere(client, many):
    response = client.get("/api/quotes/", HTTP_ORIGIN="https://research.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/quotes/",
        HTTP_ORIGIN="https://research.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/people/", HTTP_ORIGIN="https://research.example")
    assert "Access-Control-Allow-Origin" not in page


def test_the_api_is_read_only(client, many):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/quotes/").status_code == 405


def test_anonymous_throttling_answers_429_with_retry_after(settings, many):
    settings.API_THROTTLE_RATE = "3/minute"
    client = Client()
    assert [client.get("/api/quotes/").status_code for _ in range(3)] == [200] * 3
    response = client.get("/api/quotes/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many requests" in response.json()["detail"]
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/api/quotes/").status_code == 200


def test_memberships_hide_draft_sources(client, hidden):
    membership = Membership.objects.get(source_article=hidden["draft"])
    assert client.get(f"/api/memberships/{membership.pk}/").json()["source_article"] is None


def test_schema_and_reference_page(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    text = schema.content.decode()
    assert text.startswith("openapi: 3")
    for path in ["/api/quotes/:", "/api/articles/{id}/:", "/api/people/:", "/api/tags/{slug}/:"]:
        assert path in text
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "<style" not in html and "style=" not in html
    assert "<script>" not in html  # every script is a file (CSP)
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/api/quotes/abc/",
        "/api/quotes/-1/",
        "/api/nothing/here",
        "/api/articles/1/foo.txt",
        "/api/annotations/x-1/",
        "/api/annotations/quote-x/",
        "/api/popolo/votes/1.json",
        "/api/people/99999999999999999999999/",
    ],
)
def test_malformed_addresses_are_a_json_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    if response["Content-Type"].startswith("text/plain"):  # the texts answer in their kind
        assert response.content
    else:
        assert response.json()["detail"]


def test_every_quote_in_the_api_names_the_affiliation_its_page_names(client, seed):
    """The API sorts each speaker's memberships once per page (affiliation_on, ordered); the
    quote's own affiliation() sorts them per quote: both pick the same membership."""
    speaker = Quote.objects.public().filter(speaker__kind="person").first().speaker
    # Both in force on every date of the seed; the staff one comes first in the query's order
    # (by start), the spokesperson one must win.
    organization = Entity.objects.filter(kind="organization").first()
    for category, year in (("staff", 1990), ("spokesperson", 2000)):
        Membership.objects.create(
            person_id=speaker.pk,
            organization_id=organization.pk,
            category=category,
            start=dt.date(year, 1, 1),
            start_precision="year",
        )
    found = client.get(f"/api/quotes/?page_size=100&speaker={speaker.pk}").json()["results"]
    found += client.get("/api/quotes/?page_size=100").json()["results"]
    quotes = {q.pk: q for q in Quote.objects.public().select_related("article", "speaker")}
    for item in found:
        expected = quotes[item["id"]].affiliation()
        got = item["affiliation"]
        assert (got and got["membership"].rstrip("/").rsplit("/", 1)[-1]) == (
            expected and str(expected.pk)
        ), item["id"]
    theirs = [item for item in found if item["speaker"] and item["speaker"]["id"] == speaker.pk]
    assert theirs and all(item["affiliation"]["category"] == "spokesperson" for item in theirs)
