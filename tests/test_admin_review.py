"""The review queue: suggestions listed with counts per article; accept, correct, reject."""

import datetime as dt

import pytest
from django.urls import reverse

from archive.models import Article, Mention, Quote, ReviewStatus
from tests.admin_forms import change_form_data

QUEUE = reverse("admin:archive_review")
DECIDE = reverse("admin:archive_review_decide")


def _suggest_quote(article, words, speaker=None, confidence=0.6):
    quote = Quote(
        article=article, speaker=speaker, status=ReviewStatus.SUGGESTED, confidence=confidence
    )
    quote.anchor_to(words)
    quote.save()
    return quote


def _suggest_mention(article, words, entity, confidence=0.9):
    mention = Mention(
        article=article, entity=entity, status=ReviewStatus.SUGGESTED, confidence=confidence
    )
    mention.anchor_to(words)
    mention.save()
    return mention


@pytest.fixture
def suggestions(article, person, organization):
    second = Article.objects.create(
        headline="Second story",
        slug="second-story",
        body="Officials said nothing.",
        published_on=dt.date(2004, 5, 1),
    )
    return {
        "quote": _suggest_quote(article, "The government denied it.", person),
        "mention": _suggest_mention(article, "spokeswoman", person),
        "other": _suggest_quote(second, "Officials said nothing."),
        "second": second,
    }


def test_queue_lists_suggestions_with_counts_per_article(reviewer_client, suggestions, quote):
    response = reviewer_client.get(QUEUE)
    assert response.status_code == 200
    rows = {
        a.headline: (a.suggested_quotes, a.suggested_mentions) for a in response.context["page"]
    }
    assert rows == {"Watchdog criticises government": (1, 1), "Second story": (1, 0)}
    assert {q.pk for q in response.context["quotes"]} == {
        suggestions["quote"].pk,
        suggestions["other"].pk,
    }
    assert "confidence 0.60" in response.text
    assert "We are concerned about the elections" not in response.text  # confirmed already


def test_queue_for_one_article(reviewer_client, suggestions):
    response = reviewer_client.get(QUEUE, {"article": suggestions["second"].pk})
    assert [q.pk for q in response.context["quotes"]] == [suggestions["other"].pk]
    assert list(response.context["mentions"]) == []


@pytest.mark.parametrize("query", [{"article": "x"}, {"page": "-1"}, {"article": "0"}])
def test_bad_parameters_are_a_400(reviewer_client, suggestions, query):
    assert reviewer_client.get(QUEUE, query).status_code == 400


def test_unknown_article_is_a_404(reviewer_client, suggestions):
    assert reviewer_client.get(QUEUE, {"article": 999}).status_code == 404


def test_queue_query_count_is_constant(
    reviewer_client, suggestions, article, person, django_assert_num_queries
):
    # 1 session, 2 user, 3-4 permissions (user's and groups'), 5 count of articles with
    # suggestions, 6 the page of articles with their counts, 7-8 totals of quotes and
    # mentions, 9 suggested quotes with article and speaker, 10 mentions with article and entity.
    with django_assert_num_queries(10):
        reviewer_client.get(QUEUE)
    for words in ["We are concerned", "the elections", "the spokeswoman said"]:
        _suggest_quote(article, words, person)
        _suggest_mention(article, words, person)
    with django_assert_num_queries(10):
        reviewer_client.get(QUEUE)


def test_accept_and_reject(reviewer_client, suggestions):
    quote, mention = suggestions["quote"], suggestions["mention"]
    response = reviewer_client.post(
        DECIDE, {"kind": "quote", "pk": quote.pk, "decision": "confirmed"}
    )
    assert response.status_code == 302 and response["Location"] == QUEUE
    response = reviewer_client.post(
        DECIDE,
        {
            "kind": "mention",
            "pk": mention.pk,
            "decision": "rejected",
            "article": mention.article_id,
        },
    )
    assert response["Location"] == f"{QUEUE}?article={mention.article_id}"
    quote.refresh_from_db()
    mention.refresh_from_db()
    assert (quote.status, mention.status) == ("confirmed", "rejected")
    page = reviewer_client.get(QUEUE)
    assert {q.pk for q in page.context["quotes"]} == {suggestions["other"].pk}


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "quote", "pk": "abc", "decision": "confirmed"},
        {"kind": "article", "pk": "1", "decision": "confirmed"},
        {"kind": "quote", "pk": "1", "decision": "deleted"},
        {},
    ],
)
def test_bad_decisions_are_a_400_and_change_nothing(reviewer_client, suggestions, data):
    assert reviewer_client.post(DECIDE, data).status_code == 400
    assert Quote.objects.filter(status="suggested").count() == 2


def test_deciding_needs_post_and_an_existing_suggestion(reviewer_client, suggestions):
    assert reviewer_client.get(DECIDE).status_code == 405
    data = {"kind": "quote", "pk": 9999, "decision": "confirmed"}
    assert reviewer_client.post(DECIDE, data).status_code == 404


def test_users_without_rights_cannot_decide(client, django_user_model, suggestions):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    assert client.get(QUEUE).status_code == 403
    data = {"kind": "quote", "pk": suggestions["quote"].pk, "decision": "confirmed"}
    assert client.post(DECIDE, data).status_code == 403
    suggestions["quote"].refresh_from_db()
    assert suggestions["quote"].status == "suggested"


def test_correct_then_save_confirms(editor_client, suggestions, organization):
    quote = suggestions["quote"]
    url = reverse("admin:archive_quote_change", args=[quote.pk]) + "?_review=1"
    data = change_form_data(editor_client.get(url))
    data["speaker"] = organization.pk
    response = editor_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == QUEUE
    quote.refresh_from_db()
    assert (quote.speaker_id, quote.status) == (organization.pk, "confirmed")


def test_reviewer_corrects_tags_and_confirms(reviewer_client, suggestions):
    quote = suggestions["quote"]
    url = reverse("admin:archive_quote_change", args=[quote.pk]) + "?_review=1"
    response = reviewer_client.post(url, {"status": "suggested", "tags": "denial"})
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == "confirmed" and list(quote.tags.names()) == ["denial"]
