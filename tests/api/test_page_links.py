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
