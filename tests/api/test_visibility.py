"""Nothing the public pages hide leaves through the API: drafts, suggested, rejected and
orphaned annotations, and anything that names them."""

import json

import pytest

from archive.models import Mention, Quote
from tests.api.conftest import DRAFT_WORDS, HIDDEN_ANNOTATIONS
from tests.api.crawl import crawl

pytestmark = pytest.mark.django_db
ANNOTATION_KEYS = {"text", "exact", "value"}


def annotation_words(responses):
    """Every quote's and selector's words in the JSON answers."""

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ANNOTATION_KEYS and isinstance(item, str):
                    yield item
                else:
                    yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for response in responses.values():
        if "json" in response.get("Content-Type", ""):
            yield from walk(json.loads(response.text_body))


def test_crawling_the_whole_api_finds_no_hidden_thing(client, hidden):
    responses = crawl(client)
    # The crawl reached every kind of resource, following the links the API gives out.
    for part in [
        "quotes/",
        "articles/",
        "people/",
        "organizations/",
        "places/",
        "events/",
        "memberships/",
        "tags/",
    ]:
        assert any(p.startswith(f"/api/{part}") and p != f"/api/{part}" for p in responses), part
    assert all(r.status_code == 200 for r in responses.values()), [
        (p, r.status_code) for p, r in responses.items() if r.status_code != 200
    ]
    everything = "\n".join(r.text_body for r in responses.values())
    for secret in DRAFT_WORDS + ["secrettag"]:
        assert secret not in everything, secret
    annotated = "\n".join(annotation_words(responses))
    assert "Then a reply followed" in annotated
    for secret in HIDDEN_ANNOTATIONS:
        assert secret not in annotated, secret
    hidden_quotes = Quote.objects.exclude(pk__in=Quote.objects.public().values("pk"))
    hidden_mentions = Mention.objects.exclude(pk__in=Mention.objects.public().values("pk"))
    assert hidden_quotes.count() == 4 and hidden_mentions.count() == 4
    for pk in hidden_quotes.values_list("pk", flat=True):
        assert f"/api/quotes/{pk}/" not in everything
        assert f"/quotes/{pk}/" not in everything
    assert f"/api/articles/{hidden['draft'].pk}/" not in everything


def test_hidden_objects_are_not_found(client, hidden):
    for quote in Quote.objects.exclude(pk__in=Quote.objects.public().values("pk")):
        assert client.get(f"/api/quotes/{quote.pk}/").status_code == 404
    assert client.get(f"/api/articles/{hidden['draft'].pk}/").status_code == 404
    assert client.get("/api/tags/secrettag/").status_code == 404


def test_a_reply_to_a_hidden_quote_does_not_link_to_it(client, hidden):
    data = client.get(f"/api/quotes/{hidden['reply'].pk}/").json()
    assert data["text"] == "Then a reply followed"
    assert data["answers"] is None
    assert client.get(f"/api/quotes/?answers={hidden['suggested'].pk}").json()["results"] == []


def test_filters_cannot_reach_hidden_things(client, hidden):
    draft, seed = hidden["draft"], hidden["article"]
    assert client.get(f"/api/quotes/?article={draft.pk}").json()["results"] == []
    assert client.get("/api/quotes/?tag=secrettag").json()["results"] == []
    entity = Mention.objects.filter(article=draft).get().entity_id
    found = client.get(f"/api/articles/?mentions={entity}").json()["results"]
    assert [a["id"] for a in found] == [seed.pk]


def test_staff_sessions_see_the_same_as_everyone(client, hidden, editor):
    anonymous = client.get("/api/quotes/?page_size=100").content
    client.force_login(editor)
    assert client.get("/api/quotes/?page_size=100").content == anonymous


def test_a_persons_page_counts_no_answer_to_a_hidden_quote(client, hidden):
    """The dump leaves out what answers point at when it is hidden; the pages must agree:
    neither the speaker's page nor the reply's own says it answers anything."""
    reply, suggested = hidden["reply"], hidden["suggested"]
    person_page = client.get(reply.speaker.get_absolute_url()).text
    reply_page = client.get(reply.get_absolute_url()).text
    assert "Then a reply followed" in reply_page
    for html in (person_page, reply_page):
        assert suggested.get_absolute_url() not in html
        assert 'id="answers-h"' not in html
