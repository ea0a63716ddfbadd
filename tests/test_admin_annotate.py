"""The annotate screen: the text with its annotations, and turning a selection into a quote
or a mention, with the selectors computed and checked by the server."""

import re

import pytest
from django.urls import reverse

from archive.models import Mention, Quote


@pytest.fixture
def url(article):
    return reverse("admin:archive_article_annotate", args=[article.pk])


def test_text_is_rendered_in_runs_with_offsets(editor_client, url, article, quote):
    response = editor_client.get(url)
    assert response.status_code == 200
    body = re.search(r'data-part="body"[^>]*>(.*?)</div>', response.text, re.S).group(1)
    runs = re.findall(r'<span data-start="(\d+)"( class="[^"]*")?[^>]*>(.*?)</span>', body, re.S)
    # The runs put together are the body, and each starts where it says.
    text = "".join(t for _, _, t in runs).replace("&quot;", '"')
    assert text == article.body
    starts = [int(s) for s, _, _ in runs]
    assert starts[0] == 0 and starts[1] == quote.start
    assert "is-quote" in runs[1][1] and runs[1][2] == quote.exact


def test_select_offsets_make_a_quote(editor_client, url, article, person):
    start = article.body.index("The government denied it.")
    data = {
        "kind": "quote",
        "part": "body",
        "exact": "The government denied it.",
        "start": start,
        "end": start + 25,
        "speaker": person.pk,
        "mode": "indirect",
        "tags": "denial, new one",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    quote = Quote.objects.get(exact="The government denied it.")
    assert (quote.start, quote.end, quote.suffix, quote.status) == (
        start,
        start + 25,
        "",
        "confirmed",
    )
    assert quote.prefix == article.body[start - 32 : start]
    assert sorted(quote.tags.names()) == ["denial", "new one"]
    # Back to the place in the text, not the list at the bottom of the page.
    assert response["Location"].endswith(f"#at-body-{start}")
    page = editor_client.get(response["Location"])
    assert re.search(
        rf'<span data-start="{start}" class="is-quote"[^>]* id="at-body-{start}">', page.text
    )


def test_about_and_new_entities_from_the_screen(editor_client, url, article, person, place):
    page = editor_client.get(url)
    assert 'name="about"' in page.text
    person_add = reverse("admin:archive_person_add")
    link = (
        f'<a href="{person_add}" target="_blank" rel="noopener" data-add-entity-for="id_speaker">'
    )
    assert link + "New person" in page.text
    assert 'data-add-entity-for="id_about"' in page.text
    assert 'data-add-entity-for="id_entity"' in page.text
    start = article.body.index("The government denied it.")
    data = {
        "kind": "quote",
        "part": "body",
        "exact": "The government denied it.",
        "start": start,
        "end": start + 25,
        "speaker": person.pk,
        "mode": "indirect",
        "about": [person.pk, place.pk],
    }
    assert editor_client.post(url, data).status_code == 302
    quote = Quote.objects.get(exact="The government denied it.")
    assert set(quote.about.values_list("pk", flat=True)) == {person.pk, place.pk}


def test_a_reviewer_is_offered_no_new_entities(reviewer_client, url):
    assert "data-add-entity-for" not in reviewer_client.get(url).text


def test_typed_words_and_occurrence_make_a_mention(editor_client, url, article, organization):
    article.body += "\n\nThe government said so again."
    article.save()
    data = {
        "kind": "mention",
        "part": "body",
        "exact": "The government",
        "occurrence": "2",
        "entity": organization.pk,
    }
    assert editor_client.post(url, data).status_code == 302
    mention = Mention.objects.get()
    assert mention.start == article.body.rindex("The government")


def test_offsets_that_do_not_cut_out_the_words_are_refused(editor_client, url, article):
    data = {"kind": "quote", "part": "body", "exact": "The government", "start": 3, "end": 17}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "The selection does not match the article&#x27;s text" in response.text
    assert not Quote.objects.exists()


def test_offsets_outside_the_text_are_refused(editor_client, url, article):
    data = {"kind": "quote", "part": "headline", "exact": "x", "start": 500, "end": 501}
    response = editor_client.post(url, data)
    assert response.status_code == 200 and not Quote.objects.exists()


def test_words_not_in_the_article_are_refused(editor_client, url):
    data = {"kind": "quote", "part": "body", "exact": "The government accepted it."}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "These words are not in the article&#x27;s body." in response.text
    assert not Quote.objects.exists()


def test_a_mention_needs_an_entity(editor_client, url):
    data = {"kind": "mention", "part": "body", "exact": "The government"}
    response = editor_client.post(url, data)
    assert "Say whom or what the mention names." in response.text
    assert not Mention.objects.exists()


def test_a_duplicate_mention_is_refused(editor_client, url, organization):
    data = {"kind": "mention", "part": "body", "exact": "The government", "entity": organization.pk}
    assert editor_client.post(url, data).status_code == 302
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "already exists" in response.text
    assert Mention.objects.count() == 1


def test_a_place_cannot_be_a_speaker(editor_client, url, place):
    data = {"kind": "quote", "part": "body", "exact": "The government", "speaker": place.pk}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Quote.objects.exists()


def test_reviewer_sees_the_text_but_cannot_annotate(reviewer_client, url, person):
    page = reviewer_client.get(url)
    assert page.status_code == 200 and 'id="annotate-form"' not in page.text
    data = {"kind": "quote", "part": "body", "exact": "The government", "speaker": person.pk}
    assert reviewer_client.post(url, data).status_code == 403
    assert not Quote.objects.exists()


def test_missing_article_is_a_404(editor_client):
    assert (
        editor_client.get(reverse("admin:archive_article_annotate", args=[999])).status_code == 404
    )


def test_query_count_does_not_grow_with_annotations(
    editor_client, url, article, person, django_assert_num_queries
):
    # 1 session, 2 user, 3-4 permissions, 5 article, 6 quotes with speakers, 7 mentions with
    # entities, 8-9 orphaned quotes and mentions.
    with django_assert_num_queries(9):
        editor_client.get(url)
    for words in ["We are concerned", "the elections", "The government", "denied it"]:
        mention = Mention(article=article, entity=person)
        mention.anchor_to(words)
        mention.save()
        quote = Quote(article=article, speaker=person)
        quote.anchor_to(words)
        quote.save()
    with django_assert_num_queries(9):
        editor_client.get(url)


def test_orphans_are_listed_on_the_annotate_screen(editor_client, url, article, quote):
    article.body = "Rewritten."
    article.save()
    page = editor_client.get(url).text
    assert "No longer found in the text" in page
    assert reverse("admin:archive_quote_change", args=[quote.pk]) in page
