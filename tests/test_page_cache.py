"""The page cache serves readers a stored copy until what the page shows changes: a
correction, a publication or a merge reaches the next reader at once; editors always see the
live page; drafts are never stored."""

import datetime as dt
import re

import pytest
from django.core.cache import cache

from archive.db import run_pending
from archive.merging import merge_entities
from archive.models import Article, ArticleStatus, Mention, Person, Quote
from archive.pagecache import HEADER, NONCE_SLOT


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what a commit runs (the summaries' refresh and the cache's version bumps)."""

    def run(change):
        # The test's transaction never commits: run what a real commit would, the
        # before-commit refresh, then the cache's on-commit version bumps.
        with django_capture_on_commit_callbacks(execute=True):
            change()
            run_pending()

    return run


def without_nonces(html: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", html)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.headers.get(HEADER), response.text


def published_quote(on_commit, person, words="We are concerned about the elections"):
    holder = {}

    def make():
        article = Article.objects.create(
            headline="Watchdog report",
            slug="watchdog-report",
            body=f'"{words}," the spokeswoman said.',
            published_on=dt.date(2004, 4, 6),
            status=ArticleStatus.PUBLISHED,
        )
        quote = Quote(article=article, speaker=person)
        quote.anchor_to(words)
        quote.save()
        mention = Mention(article=article, entity=person)
        mention.anchor_to("spokeswoman")
        mention.save()
        holder["quote"] = quote

    on_commit(make)
    return holder["quote"]


def test_second_reader_gets_the_stored_page(client, cached, on_commit, person):
    published_quote(on_commit, person)
    url = person.get_absolute_url()
    first, html = page(client, url)
    second, again = page(client, url)
    assert (first, second) == ("miss", "hit")
    # The same page but for its CSP nonce, which is each response's own (see below).
    assert without_nonces(again) == without_nonces(html) and "We are concerned" in html


def test_a_correction_reaches_the_next_reader(client, cached, on_commit, person):
    quote = published_quote(on_commit, person)
    urls = [person.get_absolute_url(), quote.article.get_absolute_url(), "/tags/", "/"]
    for url in urls:
        page(client, url)
        assert page(client, url)[0] == "hit"

    def correct():
        article = Article.objects.get(pk=quote.article_id)
        article.body = article.body.replace("elections", "election")
        article.save()
        fixed = Quote.objects.get(pk=quote.pk)
        fixed.anchor_to("We are concerned about the election")  # the editor re-attaches it
        fixed.orphaned = False
        fixed.save()

    on_commit(correct)
    state, html = page(client, person.get_absolute_url())
    assert state == "miss"
    assert "concerned about the election" in html and "about the elections" not in html
    assert page(client, quote.article.get_absolute_url())[0] == "miss"


def test_publishing_and_unpublishing(client, cached, on_commit, person):
    quote = published_quote(on_commit, person)
    article = quote.article
    url = article.get_absolute_url()
    page(client, url)
    assert page(client, url)[0] == "hit"

    def unpublish():
        article.status = ArticleStatus.DRAFT
        article.save()

    on_commit(unpublish)
    assert client.get(url).status_code == 404  # never the stored copy of a withdrawn article
    state, html = page(client, person.get_absolute_url())
    assert state == "miss" and "We are concerned" not in html
    assert client.get(url).status_code == 404  # and a 404 is not stored

    def publish():
        article.status = ArticleStatus.PUBLISHED
        article.save()

    on_commit(publish)
    assert "We are concerned" in page(client, person.get_absolute_url())[1]


def test_a_merge_reaches_both_pages(client, cached, on_commit, person):
    double = Person.objects.create(name="V. Saenen", slug="v-saenen")
    published_quote(on_commit, double, "Words of the double")
    page(client, person.get_absolute_url())
    page(client, double.get_absolute_url())
    on_commit(lambda: merge_entities(person, [double]))
    state, html = page(client, person.get_absolute_url())
    assert state == "miss" and "Words of the double" in html
    assert client.get(double.get_absolute_url()).status_code == 301  # the old address redirects


def test_a_rename_shows_everywhere(client, cached, on_commit, person, organization):
    published_quote(on_commit, person)
    page(client, organization.get_absolute_url())

    def rename():
        person.name = "Vanessa Saenen-Renamed"
        person.save()

    on_commit(rename)
    state, html = page(client, organization.get_absolute_url())
    assert state == "miss" and "Saenen-Renamed" in html


def test_editors_see_live_pages(client, cached, on_commit, person, admin_user):
    published_quote(on_commit, person)
    url = person.get_absolute_url()
    page(client, url)
    client.force_login(admin_user)
    for _ in range(2):
        state, _html = page(client, url)
        assert state is None  # neither served from nor stored in the cache


def test_drafts_are_never_stored(client, cached, admin_user):
    draft = Article.objects.create(
        headline="Unpublished draft",
        slug="unpublished-draft",
        body="Secret text.",
        published_on=dt.date(2004, 4, 7),
    )
    client.force_login(admin_user)
    assert "Secret text" in client.get(draft.get_absolute_url()).text
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_off_when_disabled(client, settings, on_commit, person):
    settings.PAGE_CACHE = False
    published_quote(on_commit, person)
    assert page(client, person.get_absolute_url())[0] is None


def csp_nonce(response) -> str:
    found = re.findall(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    assert len(found) == 1, response.headers["Content-Security-Policy"]
    return found[0]


def test_each_reader_of_a_stored_page_gets_its_own_nonce(client, cached, on_commit, person):
    """The JSON-LD blocks' nonce matches the response's own Content-Security-Policy header,
    on the page that was rendered and on every copy served from the cache."""
    published_quote(on_commit, person)
    url = person.get_absolute_url()
    nonces = []
    for expected in ("miss", "hit", "hit"):
        response = client.get(url)
        assert response.headers[HEADER] == expected
        in_page = set(re.findall(r'nonce="([^"]*)"', response.text))
        assert in_page == {csp_nonce(response)}
        nonces.append(csp_nonce(response))
    assert len(set(nonces)) == 3
    assert NONCE_SLOT.decode() not in response.text
