"""Each page names its machine-readable forms, and lists offer "API" and "Download CSV"."""

import csv
import io
import re

import pytest

from archive.models import Entity, Quote

pytestmark = pytest.mark.django_db
ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">')
DATA = re.compile(
    r'<p class="meta data-links">.*?<a href="([^"]+)">API \(JSON\)</a> · '
    r'<a href="([^"]+)" download>Download CSV</a></p>'
)


def alternates(html):
    return {
        kind.replace("&quot;", '"'): href.replace("&amp;", "&")
        for kind, href in ALTERNATE.findall(html)
    }


def test_entity_article_quote_and_tag_pages_link_their_json(client, seed):
    quote = Quote.objects.public().filter(article=seed).first()
    pages = [seed.get_absolute_url(), quote.get_absolute_url(), "/tags/elections/"] + [
        e.get_absolute_url() for e in Entity.objects.all()[:8]
    ]
    for page in pages:
        found = alternates(client.get(page).text)
        assert "application/json" in found, page
        assert client.get(found["application/json"]).status_code == 200, page
    article = alternates(client.get(seed.get_absolute_url()).text)
    annotations = article['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"']
    assert client.get(annotations).json()["type"] == ["BasicContainer", "AnnotationCollection"]


def test_a_persons_page_offers_their_quotes_as_api_and_csv(client, seed):
    speaker = Quote.objects.public().filter(speaker__kind="person").first().speaker
    html = client.get(speaker.get_absolute_url()).text
    api, download = (u.replace("&amp;", "&") for u in DATA.search(html).groups())
    quotes = Quote.objects.public().filter(speaker=speaker).count()
    assert len(client.get(api).json()["results"]) == quotes
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(client.get(download).streaming_content).decode("utf-8-sig"))
        )
    )
    assert len(rows) == quotes and {r["speaker"] for r in rows} == {speaker.name}
    assert alternates(html)["text/csv"] == download


@pytest.mark.parametrize(
    "page", ["/people/", "/organizations/", "/places/", "/events/", "/tags/elections/"]
)
def test_lists_offer_api_and_csv(client, seed, page):
    api, download = DATA.search(client.get(page).text).groups()
    assert client.get(api.replace("&amp;", "&")).status_code == 200
    response = client.get(download.replace("&amp;", "&"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_drafts_previewed_by_staff_link_no_api(client, hidden, editor):
    client.force_login(editor)
    html = client.get(hidden["draft"].get_absolute_url()).text
    assert "application/json" not in alternates(html)


SECTION = re.compile(
    r'<span class="count">\((\d+)\)</span></h2>\s*<p class="meta data-links">Open data for '
    r'[^:<]+: <a href="([^"]+)">API \(JSON\)</a>(?: · <a href="([^"]+)" download>Download '
    r"CSV</a>)?</p>"
)
ANY_DATA = re.compile(
    r'<p class="meta data-links">Open data for [^:<]+: <a href="([^"]+)">API \(JSON\)</a>'
    r'(?: · <a href="([^"]+)" download>Download CSV</a>)?</p>'
)


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def entity_pages():
    return [e.get_absolute_url() for e in Entity.objects.order_by("kind", "pk")]


def test_each_list_section_links_the_same_list_in_the_api_and_as_csv(client, seed):
    """A section's API link and CSV hold what the section counts, on every entity page, the
    article and the tag pages."""
    pages = [seed.get_absolute_url(), "/tags/elections/", *entity_pages()]
    kinds = set()
    for page in pages:
        html = client.get(page).text
        assert "#}" not in html and "{%" not in html, page  # no template comment shows
        for count, api, download in SECTION.findall(html):
            api = api.replace("&amp;", "&")
            kinds.add(api.split("?")[0])
            data = client.get(api).json()
            assert len(data["results"]) == min(int(count), 25) or data.get("next"), (page, api)
            if download:
                assert len(csv_rows(client, download.replace("&amp;", "&"))) == int(count), page
    # Quotes by speaker, by organization, about, by tag and in an article; articles by mention
    # and dateline all appeared in the seed.
    assert {"/api/quotes/", "/api/articles/"} <= kinds


def test_place_and_event_pages_offer_quotes_about_them(client, seed):
    about = Quote.objects.public().filter(about__kind__in=["place", "event"]).first()
    assert about is not None, "the seed has a quote about a place or an event"
    entity = about.about.filter(kind__in=["place", "event"]).first()
    html = client.get(entity.get_absolute_url()).text
    found = alternates(html)
    assert found["text/csv"].endswith(f"quotes.csv?about={entity.pk}")
    rows = csv_rows(client, found["text/csv"])
    expected = Quote.objects.public().filter(about=entity).exclude(speaker=entity).count()
    assert len(rows) == expected > 0


def test_a_quote_page_offers_its_answers(client, seed):
    reply = Quote.objects.public().filter(answers__in=Quote.objects.public()).first()
    if reply is None:  # the seed has no reply: make one from two of its quotes
        first, second = Quote.objects.public().filter(article=seed)[:2]
        second.answers = first
        second.save()
        reply = second
    html = client.get(reply.answers.get_absolute_url()).text
    api, download = (u.replace("&amp;", "&") for u in DATA.search(html).groups())
    assert api.endswith(f"quotes/?answers={reply.answers_id}")
    assert [q["id"] for q in client.get(api).json()["results"]] == [reply.pk]
    assert [int(r["id"]) for r in csv_rows(client, download)] == [reply.pk]


def test_month_and_year_pages_link_their_period_in_the_api(client, seed):
    day = seed.published_on
    for page, period in [
        (f"/articles/{day:%Y}/{day:%m}/", f"{day:%Y-%m}"),
        (f"/articles/{day:%Y}/", f"{day:%Y}"),
    ]:
        html = client.get(page).text
        json_url = alternates(html)["application/json"]
        assert json_url == f"/api/articles/?from={period}&to={period}"
        (api, download) = ANY_DATA.search(html).groups()
        assert api.replace("&amp;", "&") == json_url and download is None
        ids = [a["id"] for a in client.get(json_url).json()["results"]]
        assert seed.pk in ids


def test_tag_index_and_timeline_link_their_lists(client, seed):
    api, download = ANY_DATA.search(client.get("/tags/").text).groups()
    assert api == "/api/tags/" and download is None
    assert client.get(api).status_code == 200
    api, download = ANY_DATA.search(client.get("/timeline/").text).groups()
    assert api == "/api/events/" and download == "/api/events.csv"


def test_search_links_the_same_search_in_the_api_escaped(client, search_seed):
    """The API link carries the page's query, filters and page; the query's own characters
    are escaped in the page and reach the API intact."""
    query = 'Kazakhstan "<b>" & opposition'
    html = client.get("/search/", {"q": query, "sort": "date"}).text
    assert '"<b>"' not in html  # escaped wherever the page shows the query, the link too
    link = alternates(html)["application/json"]
    assert link.startswith("/api/search/?") and "sort=date" in link and "%3Cb%3E" in link
    assert client.get(link).json()["query"] == query
    page = client.get("/search/", {"q": "Kazakhstan", "kind": "quote"})
    api, download = ANY_DATA.search(page.text).groups()
    assert download is None  # search results are of every kind: no CSV
    answer = client.get(api.replace("&amp;", "&")).json()
    assert answer["total"] == page.context["search"].total > 0
    assert {hit["kind"] for hit in answer["results"]} == {"quote"}
