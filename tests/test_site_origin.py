"""One origin for every absolute link (archive/site.py): SITE_URL when it is set, the
request's own scheme and host when it is not; the same on pages, JSON-LD, feeds, sitemaps,
the OpenSearch description and the API. Also robots.txt and the favicon."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

PERSON = "/people/vanessa-saenen/"


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["archive.test", "mirror.test", "testserver"]
    settings.SITE_URL = ""


def absolute_links(html: str) -> dict[str, str]:
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1)
    ld = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    return {"canonical": canonical, "og:url": og_url, "@id": ld["@id"]}


def test_without_site_url_every_link_is_on_the_host_served(client, seed, hosts):
    for host in ("archive.test", "mirror.test"):
        html = client.get(PERSON, HTTP_HOST=host).content.decode()
        # A page cached for one host is not served to the other: each names its own.
        assert absolute_links(html) == {
            "canonical": f"http://{host}{PERSON}",
            "og:url": f"http://{host}{PERSON}",
            "@id": f"http://{host}{PERSON}",
        }
    feed = client.get("/feeds/articles.atom", HTTP_HOST="mirror.test").content.decode()
    assert "http://mirror.test/articles/" in feed
    assert "archive.test" not in feed and "127.0.0.1" not in feed
    index = client.get("/sitemap.xml", HTTP_HOST="mirror.test").content.decode()
    assert "<loc>http://mirror.test/sitemap-articles.xml</loc>" in index
    api = client.get("/api/people/", HTTP_HOST="mirror.test").json()
    assert api["results"][0]["url"].startswith("http://mirror.test/api/people/")


def test_the_secure_scheme_comes_from_the_request(client, seed, hosts):
    html = client.get(PERSON, HTTP_HOST="archive.test", secure=True).content.decode()
    assert absolute_links(html)["canonical"] == f"https://archive.test{PERSON}"


def test_site_url_is_the_origin_everywhere_whatever_the_host(client, seed, hosts, settings):
    settings.SITE_URL = "https://news.example.org"
    html = client.get(PERSON, HTTP_HOST="mirror.test").content.decode()
    assert set(absolute_links(html).values()) == {f"https://news.example.org{PERSON}"}
    assert 'cite="https://news.example.org/articles/' in html
    for path in (
        "/feeds/articles.atom",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/opensearch.xml",
    ):
        body = client.get(path, HTTP_HOST="mirror.test").content.decode()
        assert "https://news.example.org/" in body, path
        assert "mirror.test" not in body, path
    robots = client.get("/robots.txt", HTTP_HOST="mirror.test").content.decode()
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots
    api = client.get("/api/people/", HTTP_HOST="mirror.test").json()
    assert api["results"][0]["url"].startswith("https://news.example.org/api/people/")


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db, hosts):
    response = client.get("/robots.txt", HTTP_HOST="archive.test")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://archive.test/sitemap.xml" in lines
    # The sitemap it names exists and is an index.
    root = ET.fromstring(client.get("/sitemap.xml", HTTP_HOST="archive.test").content)
    assert root.tag.endswith("sitemapindex")


def test_the_favicon_is_linked_and_served(client, seed):
    html = client.get(reverse("archive:home")).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html).group(1)
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == icon


def test_the_favicon_file_exists():
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg")
