"""schema.org JSON-LD: present on every page, parses, has the right type, stays escaped."""

import pytest

from archive.models import Article, Quote
from tests.page_helpers import jsonld_blocks, nesting_problems, skipped_heading_levels


@pytest.mark.parametrize(
    "path, schema_type",
    [
        ("/people/vanessa-saenen/", "Person"),
        ("/organizations/human-rights-watch/", "Organization"),
        ("/places/almaty/", "Place"),
        ("/events/kazakhstan-parliamentary-elections-2004/", "Event"),
        ("/people/", "CollectionPage"),
        ("/organizations/", "CollectionPage"),
        ("/places/", "CollectionPage"),
        ("/events/", "CollectionPage"),
        ("/timeline/", "CollectionPage"),
        ("/tags/", "CollectionPage"),
        ("/tags/denial/", "CollectionPage"),
        ("/articles/", "CollectionPage"),
        ("/articles/2004/04/", "CollectionPage"),
        ("/", "WebSite"),
    ],
)
def test_every_page_has_jsonld_of_its_type(client, seed, path, schema_type):
    html = client.get(path).text
    (data,) = jsonld_blocks(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    # Without SITE_URL the origin is the request's (archive/site.py): the test client's.
    assert '<link rel="canonical" href="http://testserver' + path + '">' in html
    assert '<meta property="og:title"' in html


def test_article_and_quote_jsonld(client, seed):
    (article,) = jsonld_blocks(client.get(seed.get_absolute_url()).text)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == seed.headline
    assert article["datePublished"] == "2004-04-06"
    assert article["publisher"]["name"] == "RFE/RL"
    assert {"Person", "Organization", "Place", "Event"} <= {m["@type"] for m in article["mentions"]}
    quote = Quote.objects.get(exact__startswith="Our main concern")
    (data,) = jsonld_blocks(client.get(quote.get_absolute_url()).text)
    assert data["@type"] == "Quotation"
    assert data["text"] == quote.exact
    assert data["spokenByCharacter"]["name"] == "Vanessa Saenen"
    assert "accusation" in data["keywords"]


def test_event_dates_keep_their_precision(client, seed):
    (data,) = jsonld_blocks(client.get("/events/kazakhstan-parliamentary-elections-2004/").text)
    assert data["startDate"] == "2004-23"  # EDTF autumn 2004, not an invented day


def test_jsonld_escapes_a_closing_script_tag(client, seed):
    headline = 'Bad </script><script>alert("x")</script> & more'
    Article.objects.filter(pk=seed.pk).update(headline=headline)
    html = client.get(seed.get_absolute_url()).text
    assert '</script><script>alert("x")' not in html
    assert "\\u003C/script\\u003E" in html
    (data,) = jsonld_blocks(html)
    assert data["headline"] == headline


ALL_PAGES = [
    "/",
    "/articles/",
    "/articles/2004/",
    "/articles/2004/04/",
    "/people/",
    "/people/vanessa-saenen/",
    "/people/galymzhan-zhaqiyanov/",
    "/organizations/",
    "/organizations/human-rights-watch/",
    "/organizations/kazakh-government/",
    "/places/",
    "/places/almaty/",
    "/events/",
    "/events/cpj-letter-to-nazarbaev/",
    "/timeline/",
    "/tags/",
    "/tags/elections/",
    "/people/nobody/",
]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_is_well_formed(client, seed, path):
    html = client.get(path).text
    assert nesting_problems(html) == []
    assert html.count("<h1") == 1
    assert skipped_heading_levels(html) == []


def test_article_and_quote_pages_are_well_formed(client, seed):
    for path in [seed.get_absolute_url()] + [q.get_absolute_url() for q in Quote.objects.all()]:
        html = client.get(path).text
        assert nesting_problems(html) == [], path
        assert skipped_heading_levels(html) == [], path
