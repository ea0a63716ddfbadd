"""The home page and the minimal detail pages the foundation serves."""

import pytest
from django.contrib.auth.models import User
from django.utils.html import strip_tags

from archive.models import Article, ArticleStatus


def test_home_lists_published_articles_only(client, seed):
    Article.objects.create(
        headline="An unpublished draft", slug="draft", body="Text.", published_on=seed.published_on
    )
    response = client.get("/")
    assert response.status_code == 200
    assert seed.headline in response.text
    assert seed.get_absolute_url() in response.text
    assert "An unpublished draft" not in response.text


def test_home_with_no_articles_says_so(client, db):
    assert "no published articles yet" in client.get("/").text


def test_article_page_shows_the_text(client, seed):
    response = client.get(seed.get_absolute_url())
    assert response.status_code == 200
    # Mentions are links now, so compare the text without its markup.
    assert "Vanessa Saenen is a spokeswoman for HRW in Brussels." in strip_tags(response.text)


def test_draft_article_is_404_for_the_public_and_visible_to_staff(client, seed):
    Article.objects.filter(pk=seed.pk).update(status=ArticleStatus.DRAFT)
    assert client.get(seed.get_absolute_url()).status_code == 404
    client.force_login(User.objects.create_user("editor", is_staff=True))
    response = client.get(seed.get_absolute_url())
    assert response.status_code == 200
    assert "Draft: only staff can see this article." in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/people/vanessa-saenen/",
        "/organizations/human-rights-watch/",
        "/places/almaty/",
        "/events/abliyazov-released/",
    ],
)
def test_entity_pages_exist(client, seed, path):
    assert client.get(path).status_code == 200


def test_unknown_or_wrong_kind_slug_is_404_in_the_site_design(client, seed):
    response = client.get("/people/nobody/")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.text
    assert client.get("/organizations/vanessa-saenen/").status_code == 404
    assert client.get("/articles/2004/13/06/nope/").status_code == 404


def test_quote_permalink(client, quote):
    response = client.get(quote.get_absolute_url())
    assert response.status_code == 200
    assert "We are concerned about the elections" in response.text
    assert client.get("/quotes/999999/").status_code == 404


def test_markup_in_article_text_is_escaped(client, article):
    Article.objects.filter(pk=article.pk).update(
        headline="<script>alert(1)</script>", body="<b>bold</b> & co"
    )
    article.refresh_from_db()
    response = client.get(article.get_absolute_url())
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in response.text
