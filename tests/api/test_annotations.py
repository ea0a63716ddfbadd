"""W3C Web Annotation export, checked the way an independent client would use it: with
nothing but HTTP and JSON, from the article's address to every annotation's exact words."""

import json

import pytest

from archive.models import Mention, Quote

pytestmark = pytest.mark.django_db
PROFILE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
ORIGIN = "http://testserver"


def fetch(client, url, **headers):
    response = client.get(url.removeprefix(ORIGIN), **headers)
    assert response.status_code == 200, url
    return response


def all_annotations(client, collection_url):
    collection = json.loads(fetch(client, collection_url).content)
    assert "http://www.w3.org/ns/anno.jsonld" in collection["@context"]
    assert "AnnotationCollection" in collection["type"]
    page, items = collection["first"], []
    while True:
        assert page["type"] == "AnnotationPage"
        assert page["partOf"]["id"] == collection["id"]
        assert page["startIndex"] == len(items)
        items += page["items"]
        if "next" not in page:
            break
        page = json.loads(fetch(client, page["next"]).content)
    assert page["id"] == collection["last"]
    assert len(items) == collection["total"]
    return items


def reattach(text, selectors):
    """An independent re-attachment: the position selector if it still holds, otherwise the
    quote selector (prefix + exact + suffix, then exact alone if it is unique)."""
    by_type = {s["type"]: s for s in selectors}
    quote, position = by_type["TextQuoteSelector"], by_type.get("TextPositionSelector")
    if position and text[position["start"] : position["end"]] == quote["exact"]:
        return position["start"]
    whole = quote["prefix"] + quote["exact"] + quote["suffix"]
    if text.count(whole) == 1:
        return text.index(whole) + len(quote["prefix"])
    if text.count(quote["exact"]) == 1:
        return text.index(quote["exact"])
    return None


def test_every_annotation_of_the_seed_article_finds_its_exact_words(client, seed):
    article = json.loads(fetch(client, f"/api/articles/{seed.pk}/").content)
    items = all_annotations(client, article["annotations"])
    expected = (
        Quote.objects.public().filter(article=seed).count()
        + Mention.objects.public().filter(article=seed).count()
    )
    assert len(items) == expected > 100  # more than one page
    assert len({a["id"] for a in items}) == len(items)
    texts = {}
    for annotation in items:
        assert annotation["type"] == "Annotation"
        target = annotation["target"]
        source = target["source"]
        if source not in texts:
            response = fetch(client, source)
            assert response["Content-Type"] == "text/plain; charset=utf-8"
            texts[source] = response.content.decode("utf-8")
        text = texts[source]
        exact = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")["exact"]
        start = reattach(text, target["selector"])
        assert start is not None and text[start : start + len(exact)] == exact
        # The quote selector alone finds the same place.
        quote_only = [s for s in target["selector"] if s["type"] == "TextQuoteSelector"]
        assert reattach(text, quote_only) == start
        # The text served is the text the article's JSON carries.
        part = source.rsplit("/", 1)[1].removesuffix(".txt")
        assert article[part] == text
    assert set(texts) == {
        f"{ORIGIN}/api/articles/{seed.pk}/{p}.txt" for p in ("headline", "standfirst", "body")
    }


def test_reattaching_after_the_text_moves(client, seed):
    """Positions go stale when text is added before; the quote selector still finds it."""
    items = all_annotations(client, f"/api/articles/{seed.pk}/annotations/")
    body = fetch(client, f"/api/articles/{seed.pk}/body.txt").content.decode()
    moved = "An editor's note added later.\n\n" + body
    quotes = [a for a in items if a["target"]["source"].endswith("/body.txt")]
    found = 0
    for annotation in quotes:
        selectors = annotation["target"]["selector"]
        exact = selectors[0]["exact"]
        start = reattach(moved, selectors)
        if start is not None:
            assert moved[start : start + len(exact)] == exact
            found += 1
    assert found == len(quotes)


def test_media_type_bodies_and_protocol_headers(client, seed):
    quote = Quote.objects.public().filter(article=seed, speaker__isnull=False).first()
    response = fetch(client, f"/api/annotations/quote-{quote.pk}/")
    assert response["Content-Type"].startswith(PROFILE)
    assert 'ldp#Resource>; rel="type"' in response["Link"]
    assert response["ETag"]
    annotation = json.loads(response.content)
    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
    bodies = annotation["body"]
    speaker = next(b for b in bodies if b.get("purpose") == "identifying")
    assert speaker["source"]["id"] == ORIGIN + quote.speaker.get_absolute_url()
    tags = {b["value"] for b in bodies if b.get("purpose") == "tagging"}
    assert tags == set(quote.tags.values_list("name", flat=True))
    collection = fetch(client, f"/api/articles/{seed.pk}/annotations/")
    assert collection["Content-Type"].startswith(PROFILE)
    assert 'ldp#BasicContainer>; rel="type"' in collection["Link"]
    # A client that asks for plain JSON gets it.
    plain = fetch(client, f"/api/annotations/quote-{quote.pk}/", HTTP_ACCEPT="application/json")
    assert plain["Content-Type"].startswith("application/json")
    mention = Mention.objects.public().filter(article=seed).first()
    data = json.loads(fetch(client, f"/api/annotations/mention-{mention.pk}/").content)
    assert data["motivation"] == "identifying"
    assert data["body"]["source"]["id"] == ORIGIN + mention.entity.get_absolute_url()


def test_bad_pages_and_hidden_annotations(client, hidden):
    article = hidden["article"]
    assert client.get(f"/api/articles/{article.pk}/annotations/?page=99").status_code == 400
    assert client.get(f"/api/articles/{article.pk}/annotations/?page=x").status_code == 400
    assert client.get(f"/api/articles/{article.pk}/annotations/?colour=1").status_code == 400
    assert client.get(f"/api/articles/{hidden['draft'].pk}/annotations/").status_code == 404
    assert client.get(f"/api/articles/{hidden['draft'].pk}/body.txt").status_code == 404
    for quote in Quote.objects.exclude(pk__in=Quote.objects.public().values("pk")):
        assert client.get(f"/api/annotations/quote-{quote.pk}/").status_code == 404
    for mention in Mention.objects.exclude(pk__in=Mention.objects.public().values("pk")):
        assert client.get(f"/api/annotations/mention-{mention.pk}/").status_code == 404
