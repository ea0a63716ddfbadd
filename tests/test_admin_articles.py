"""The article's admin page: quotes and mentions inline, at a constant number of queries."""

from django.urls import reverse

from archive.models import Mention, Quote
from tests.admin_forms import change_form_data


def _url(article):
    return reverse("admin:archive_article_change", args=[article.pk])


def test_quotes_and_mentions_are_inline(editor_client, article, quote):
    response = editor_client.get(_url(article))
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["contributions", "quotes", "mentions"]
    assert "We are concerned about the elections" in response.text
    assert reverse("admin:archive_article_annotate", args=[article.pk]) in response.text


def test_page_queries_do_not_grow_with_annotations(
    editor_client, article, quote, person, django_assert_num_queries
):
    editor_client.get(_url(article))  # content types are cached from here on
    # 1 session, 2 user, 3 savepoint (history), 4 article, 5-6 the user's and groups'
    # permissions, 7-8 the stored article for each annotation inline, 9 contributors,
    # 10-11 quotes and mentions (each with whom they name), 12 release; while rendering:
    # 13-14 orphaned quotes and mentions, 15-16 the publisher and dateline place.
    with django_assert_num_queries(16):
        editor_client.get(_url(article))
    for words in ["We are concerned", "the elections", "The government", "denied it"]:
        mention = Mention(article=article, entity=person)
        mention.anchor_to(words)
        mention.save()
        extra = Quote(article=article, speaker=person)
        extra.anchor_to(words)
        extra.save()
    with django_assert_num_queries(16):
        editor_client.get(_url(article))


def test_words_and_status_are_corrected_inline(editor_client, article, quote):
    data = change_form_data(editor_client.get(_url(article)))
    data["quotes-0-exact"] = "We are concerned"
    data["quotes-0-status"] = "rejected"
    assert editor_client.post(_url(article), data).status_code == 302
    quote.refresh_from_db()
    assert (quote.exact, quote.start, quote.end, quote.status) == (
        "We are concerned",
        1,
        17,
        "rejected",
    )


def test_inline_words_not_in_the_article_are_refused(editor_client, article, quote):
    data = change_form_data(editor_client.get(_url(article)))
    data["quotes-0-exact"] = "We are not concerned"
    response = editor_client.post(_url(article), data)
    assert response.status_code == 200
    assert "These words are not in the article&#x27;s body." in response.text
    quote.refresh_from_db()
    assert quote.exact == "We are concerned about the elections"


def test_body_edit_with_an_inline_change_keeps_the_quote_anchored(editor_client, article, quote):
    data = change_form_data(editor_client.get(_url(article)))
    data["body"] = "Brussels.\n\n" + article.body
    data["quotes-0-mode"] = "indirect"
    assert editor_client.post(_url(article), data).status_code == 302
    quote.refresh_from_db()
    article.refresh_from_db()
    assert quote.mode == "indirect"
    assert article.body[quote.start : quote.end] == quote.exact
    assert not quote.orphaned


def test_new_annotations_are_not_added_inline(editor_client, article):
    response = editor_client.get(_url(article))
    quotes = response.context["inline_admin_formsets"][1]
    assert quotes.has_add_permission is False
