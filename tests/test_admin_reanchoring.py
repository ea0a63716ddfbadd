"""Editing an article's text re-anchors its quotes and mentions; lost ones become orphans,
are listed for the editor and hidden from readers, and are never deleted."""

from django.urls import reverse

from archive.models import Mention, Quote
from archive.reanchoring import reanchor_article
from tests.admin_forms import change_form_data


def _mention(article, words):
    mention = Mention(article=article, entity=article.publisher)
    mention.anchor_to(words)
    mention.full_clean()
    mention.save()
    return mention


def test_any_save_reanchors_moved_text(article, quote):
    mention = _mention(article, "The government")
    article.body = "Prague, 6 April 2004.\n\n" + article.body
    article.save()
    quote.refresh_from_db()
    mention.refresh_from_db()
    shift = len("Prague, 6 April 2004.\n\n")
    assert (quote.start, quote.orphaned) == (1 + shift, False)
    assert article.body[quote.start : quote.end] == "We are concerned about the elections"
    assert article.body[mention.start : mention.end] == "The government"
    assert quote.prefix.startswith("Prague")


def test_corrected_words_inside_a_quote_orphan_it_with_its_words_kept(article, quote):
    # The quote's words changed: it is not moved to the new words but listed for the editor.
    article.body = article.body.replace("concerned about", "concerned over")
    article.save()
    quote.refresh_from_db()
    assert quote.exact == "We are concerned about the elections"
    assert quote.orphaned
    assert article.reanchor_report.orphaned == [quote]


def test_lost_annotations_are_orphaned_not_deleted_and_hidden(article, quote):
    mention = _mention(article, "The government denied it.")
    article.body = "An entirely rewritten story about something else."
    article.save()
    quote.refresh_from_db()
    mention.refresh_from_db()
    assert quote.orphaned and mention.orphaned
    assert quote.exact == "We are concerned about the elections"  # kept for the editor
    assert not Quote.objects.public().filter(pk=quote.pk).exists()
    assert report_of(article).orphaned == []  # nothing newly lost on a second pass


def report_of(article):
    return reanchor_article(article)


def test_restoring_the_text_recovers_orphans(article, quote):
    original = article.body
    article.body = "Rewritten."
    article.save()
    article.body = original
    article.save()
    quote.refresh_from_db()
    assert not quote.orphaned
    assert article.reanchor_report.recovered == [quote]


def test_saving_without_text_changes_does_not_touch_annotations(
    article, quote, django_assert_num_queries
):
    article.status = "draft"
    # 1. SELECT the old headline, standfirst and body; 2. UPDATE the article.
    with django_assert_num_queries(2):
        article.save()


def test_editor_sees_what_was_lost_in_the_admin(editor_client, article, quote):
    url = reverse("admin:archive_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["body"] = "Nothing of the old text remains.\n\nThe government denied it."
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    text = response.text
    assert "1 annotation(s) could no longer be found" in text
    quote.refresh_from_db()
    assert quote.orphaned
    page = editor_client.get(url).text
    assert "No longer found in the text" in page
    assert reverse("admin:archive_quote_change", args=[quote.pk]) in page
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_editor_reanchors_an_orphan_by_fixing_its_words(editor_client, article, quote):
    article.body = '"We were worried about the vote," the spokeswoman said.'
    article.save()
    quote.refresh_from_db()
    assert quote.orphaned
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    data = change_form_data(editor_client.get(url))
    data["exact"] = "We were worried about the vote"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    quote.refresh_from_db()
    assert (quote.orphaned, quote.start, quote.exact) == (
        False,
        1,
        "We were worried about the vote",
    )
