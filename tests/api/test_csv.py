"""CSV of quotes and entities: streamed, spreadsheet-safe, the lists' filters, public only."""

import csv
import datetime as dt
import io

import pytest

from archive.api import tables
from archive.models import Article, Entity, Person, Quote
from tests.api.conftest import DRAFT_WORDS, HIDDEN_ANNOTATIONS
from tests.page_helpers import add_articles

pytestmark = pytest.mark.django_db


def read(response):
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_quotes_csv_has_one_row_per_public_quote_with_its_context(client, seed):
    raw, found = read(client.get("/api/quotes.csv"))
    assert raw.startswith("\ufeff".encode())  # for Excel
    assert list(found[0]) == tables.QUOTE_COLUMNS
    assert [int(r["id"]) for r in found] == sorted(
        Quote.objects.public().values_list("pk", flat=True)
    )
    quote = Quote.objects.public().filter(speaker__kind="person", said_to__isnull=False).first()
    row = next(r for r in found if r["id"] == str(quote.pk))
    membership = quote.affiliation()
    assert row["text"] == quote.exact
    assert row["speaker"] == quote.speaker.name
    assert row["speaker_role"] == membership.role
    assert row["speaker_organization"] == membership.organization.name
    assert row["said_to"] == quote.said_to.name
    assert row["publisher"] == quote.article.publisher.name
    assert row["date"] == "2004-04-06" and row["date_precision"] == "day"
    assert set(row["tags"].split("; ")) == set(quote.tags.values_list("name", flat=True))
    assert set(row["about"].split("; ")) == set(quote.about.values_list("name", flat=True))
    assert row["page_url"] == "http://testserver" + quote.get_absolute_url()
    assert b"\r\n" in raw  # RFC 4180 line ends


def test_csv_without_bom_for_programs_and_bad_values(client, seed):
    raw, _ = read(client.get("/api/quotes.csv?bom=false"))
    assert raw.startswith(b"id,text,")
    assert client.get("/api/quotes.csv?bom=maybe").status_code == 400
    assert client.get("/api/quotes.csv?speaker=x").json()["errors"]["speaker"]
    assert client.get("/api/people.csv?colour=red").status_code == 400


def test_csv_takes_the_lists_filters(client, person, organization):
    add_articles(5, person, about=organization)
    other = Person.objects.create(name="Other Speaker", slug="other")
    add_articles(3, other, start_day=100)
    _, by = read(client.get(f"/api/quotes.csv?speaker={other.pk}"))
    api = client.get(f"/api/quotes/?speaker={other.pk}").json()["results"]
    assert [r["id"] for r in by] == [str(q["id"]) for q in api] and len(by) == 3
    _, dated = read(client.get("/api/quotes.csv?from=2005-01-02&to=2005-01-03"))
    assert len(dated) == 2
    _, people = read(client.get(f"/api/people.csv?organization={organization.pk}"))
    assert [r["name"] for r in people] == [person.name]


def test_formula_injection_is_neutralized(client, db):
    body = '"=HYPERLINK(1) is bad," said @someone.\n\n"-1 or +1," said @someone.'
    article = Article.objects.create(
        headline="+Headline",
        slug="h",
        body=body,
        published_on=dt.date(2005, 1, 1),
        status="published",
    )
    speaker = Person.objects.create(name="@someone", slug="someone")
    for words in ["=HYPERLINK(1) is bad", "-1 or +1"]:
        quote = Quote(article=article, speaker=speaker)
        quote.anchor_to(words)
        quote.save()
        quote.tags.add("=cmd")
    _, found = read(client.get("/api/quotes.csv"))
    assert [r["text"] for r in found] == ["'=HYPERLINK(1) is bad", "'-1 or +1"]
    assert {r["speaker"] for r in found} == {"'@someone"}
    assert {r["article_headline"] for r in found} == {"'+Headline"}
    assert {r["tags"] for r in found} == {"'=cmd"}
    _, people = read(client.get("/api/people.csv"))
    assert people[0]["name"] == "'@someone"
    assert tables.cell("\tx") == "'\tx" and tables.cell("a=b") == "a=b"


def test_csv_leaves_out_hidden_annotations_and_drafts(client, hidden):
    raw, found = read(client.get("/api/quotes.csv"))
    text = raw.decode("utf-8-sig")
    for secret in DRAFT_WORDS + HIDDEN_ANNOTATIONS + ["secrettag"]:
        assert secret not in text
    assert len(found) == Quote.objects.public().count()


def test_entities_csv_for_every_kind(client, seed):
    for kind, plural in [
        ("person", "people"),
        ("organization", "organizations"),
        ("place", "places"),
        ("event", "events"),
    ]:
        response = client.get(f"/api/{plural}.csv")
        assert response["Content-Disposition"] == f'attachment; filename="{plural}.csv"'
        _, found = read(response)
        assert len(found) == Entity.objects.filter(kind=kind).count()
        assert list(found[0])[-2:] == ["page_url", "api_url"]


@pytest.mark.parametrize("n", [1, 50])
def test_csv_queries_are_per_batch_not_per_row(
    client, person, organization, django_assert_num_queries, n
):
    add_articles(n, person, about=organization)
    # quotes; their about entities; tags; speakers' memberships (one batch).
    with django_assert_num_queries(4):
        _, found = read(client.get("/api/quotes.csv"))
    assert len(found) == n


def test_batches_cover_everything_once(person, organization):
    add_articles(7, person, about=organization)
    seen = [
        r["id"]
        for b in tables.batches(Quote.objects.public(), ["id"], tables.ID_ORDER, 3)
        for r in b
    ]
    assert seen == sorted(Quote.objects.values_list("pk", flat=True))
