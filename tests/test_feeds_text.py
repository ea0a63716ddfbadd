"""Feeds send editors' text as text; a tag with no public quote has no page or feed; reading
pages answer only GET and HEAD."""

import xml.etree.ElementTree as ET

import pytest

from archive.models import Article, Quote, ReviewStatus

ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = '<img src=x onerror="alert(1)"> & <b>bold</b>'


def summaries(response):
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [e.find(f"{ATOM}summary") for e in root.iter(f"{ATOM}entry")]


def test_article_feed_summary_is_text_with_the_markup_shown_not_run(client, seed):
    Article.objects.filter(pk=seed.pk).update(standfirst=MARKUP)
    (summary,) = summaries(client.get("/feeds/articles.atom"))
    assert summary.get("type") == "text"
    # A feed reader displays exactly what the editor typed, angle brackets included.
    assert summary.text == MARKUP
    assert 'type="html"' not in client.get("/feeds/articles.atom").content.decode()


@pytest.mark.parametrize("feed", ["/people/vanessa-saenen/quotes.atom", "/tags/denial/quotes.atom"])
def test_quote_feed_summaries_are_text(client, seed, feed):
    Article.objects.filter(pk=seed.pk).update(headline="Watchdog <script>alert(1)</script>")
    found = summaries(client.get(feed))
    assert found
    for summary in found:
        assert summary.get("type") == "text"
    assert any("<script>alert(1)</script>" in s.text for s in found)


def test_a_tag_on_no_public_quote_has_no_page_or_feed(client, seed):
    denial = Quote.objects.filter(tagged_items__tag__slug="denial")
    assert client.get("/tags/denial/").status_code == 200
    for status in (ReviewStatus.SUGGESTED, ReviewStatus.REJECTED):
        denial.update(status=status)
        assert client.get("/tags/denial/").status_code == 404
        assert client.get("/tags/denial/quotes.atom").status_code == 404
    denial.update(status=ReviewStatus.CONFIRMED)
    Article.objects.filter(pk=seed.pk).update(status="draft")
    assert client.get("/tags/denial/").status_code == 404
    assert client.get("/tags/denial/quotes.atom").status_code == 404


@pytest.mark.parametrize("method", ["trace", "options", "post", "put", "delete"])
@pytest.mark.parametrize(
    "path", ["/", "/people/vanessa-saenen/", "/tags/denial/", "/feeds/articles.atom", "/search/"]
)
def test_reading_pages_answer_only_get_and_head(client, seed, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"Vanessa" not in response.content
    assert client.head(path).status_code == 200
