"""Indexes: people A–Z, organizations by kind, places, events, tags, the dated archive, home."""

import datetime as dt
import re
from html import unescape

from archive.models import Article, ArticleStatus, Person


def test_people_a_to_z(client, seed):
    html = client.get("/people/").text
    assert '<h2 id="letter-A" class="letter">A</h2>' in html
    assert (
        html.index("Abliyazov, Mukhtabar")
        < html.index("Saenen, Vanessa")
        < html.index("Zhaqiyanov, Galymzhan")
    )
    assert 'href="/people/vanessa-saenen/"' in html


def test_organizations_by_kind(client, seed):
    html = client.get("/organizations/").text
    assert "Non-governmental organization</h2>" in html
    ngo = html[html.index("Non-governmental organization</h2>") :]
    ngo = ngo[: ngo.index("</section>")]
    assert "Human Rights Watch" in ngo and "Adil Soz" in ngo and "OSCE" not in ngo


def test_places_and_events_indexes(client, seed):
    places = client.get("/places/").text
    assert 'href="/places/almaty/"' in places and "city in Kazakhstan" in places
    events = client.get("/events/").text
    assert events.index("1999") < events.index("autumn 2004")
    assert 'href="/events/abliyazov-released/"' in events


def test_article_archive_by_year_and_month(client, seed):
    Article.objects.create(
        headline="A draft of May", slug="draft", body="x", published_on=dt.date(2004, 5, 1)
    )
    html = client.get("/articles/").text
    assert 'href="/articles/2004/04/">April</a> <span class="count">1</span>' in html
    assert "May" not in html  # drafts are not counted
    assert seed.get_absolute_url() in client.get("/articles/2004/").text
    assert seed.get_absolute_url() in client.get("/articles/2004/04/").text
    assert client.get("/articles/2004/05/").status_code == 404
    assert client.get("/articles/2004/00/").status_code == 404
    assert client.get("/articles/1066/").status_code == 404


def test_home_invites_browsing(client, seed):
    html = client.get("/").text
    for path in ("/people/", "/organizations/", "/places/", "/timeline/", "/tags/"):
        assert f'href="{path}"' in html
    assert seed.get_absolute_url() in html
    assert 'href="/tags/elections/"' in html
    assert "Recent quotes" in html


def test_index_pagination_bad_numbers_are_404(client, db, settings):
    settings.PAGE_SIZE = 2
    for i in range(5):
        Article.objects.create(
            headline=f"A{i}",
            slug=f"a{i}",
            body="x",
            published_on=dt.date(2004, 1, 1 + i),
            status=ArticleStatus.PUBLISHED,
        )
    # The year pages by key: Older → walks the five articles, newest first, two a page.
    seen, link = [], "/articles/2004/"
    while link:
        html = client.get(link).text
        assert "5 in all" in html
        seen += re.findall(r'<a href="/articles/2004/01/0[0-9]/(a[0-9])/"', html)
        older = re.search(r'href="(\?page=after[^"]*)" rel="next"', html)
        link = "/articles/2004/" + unescape(older[1]) if older else None
    assert seen == ["a4", "a3", "a2", "a1", "a0"]
    for bad in ("4", "0", "two", "", "%00", "%C2%B2", "99999999999999999999", "after.2004"):
        assert client.get(f"/articles/2004/?page={bad}").status_code == 404
    Person.objects.create(name="Ann Example", slug="ann")
    assert client.get("/people/?page=2").status_code == 404


def test_impossible_dates_in_addresses_are_404(client, seed):
    for path in (
        "/articles/0000/",
        "/articles/0000/01/",
        "/articles/99999/",
        "/articles/2004/13/",
        "/articles/2004/02/30/anything/",
        "/articles/0000/01/01/anything/",
    ):
        assert client.get(path).status_code == 404, path
