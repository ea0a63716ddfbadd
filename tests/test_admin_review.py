"""The review queue: suggestions listed with counts per article; accept, correct, reject."""

import datetime as dt

import pytest
from django.urls import reverse

from archive.models import Article, Entity, Mention, Quote, ReviewStatus
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
    assert {q.pk for q, _ in response.context["quotes"]} == {
        suggestions["quote"].pk,
        suggestions["other"].pk,
    }
    assert "confidence 0.60" in response.text
    listed = {q.pk for q, _ in response.context["quotes"]}
    assert quote.pk not in listed  # confirmed already
    # Each suggestion stands in its sentence.
    assert (
        '<p class="in-context"><span class="context-text">&quot;We are concerned about the '
        'elections,&quot; the </span><mark>spokeswoman</mark><span class="context-text"> '
        "said.</span></p>" in response.text
    )


def test_queue_for_one_article(reviewer_client, suggestions):
    response = reviewer_client.get(QUEUE, {"article": suggestions["second"].pk})
    assert [q.pk for q, _ in response.context["quotes"]] == [suggestions["other"].pk]
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
    # mentions, 9 suggested quotes with article and speaker, 10 their proposed speakers,
    # 11 mentions with article and entity.
    with django_assert_num_queries(11):
        reviewer_client.get(QUEUE)
    for words in ["We are concerned", "the elections", "the spokeswoman said"]:
        _suggest_quote(article, words, person)
        _suggest_mention(article, words, person)
    with django_assert_num_queries(11):
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
    assert {q.pk for q, _ in page.context["quotes"]} == {suggestions["other"].pk}


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
    data = {"status": "suggested", "tags": "denial", "speaker": quote.speaker_id}
    response = reviewer_client.post(url, data)
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == "confirmed" and list(quote.tags.names()) == ["denial"]


def test_reviewer_corrects_the_speaker_with_the_speaker_search(
    reviewer_client, suggestions, organization
):
    quote = suggestions["quote"]
    url = reverse("admin:archive_quote_change", args=[quote.pk]) + "?_review=1"
    # The speaker field's search (the admin's autocomplete) answers a reviewer.
    search = reviewer_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Human",
            "app_label": "archive",
            "model_name": "quote",
            "field_name": "speaker",
        },
    )
    assert search.status_code == 200
    assert [r["id"] for r in search.json()["results"]] == [str(organization.pk)]
    data = change_form_data(reviewer_client.get(url))
    data["speaker"] = organization.pk
    response = reviewer_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == QUEUE
    quote.refresh_from_db()
    assert (quote.speaker_id, quote.status, quote.exact) == (
        organization.pk,
        "confirmed",
        "The government denied it.",
    )


BULK = reverse("admin:archive_review_bulk")
IMPORTED = (
    'John Smith, a spokesman for the Interior Ministry, said: "Nothing is wrong here."\n\n'
    '"We will go on," Smith added. Mukhtabar Abliyazov was released last May.'
)


@pytest.fixture
def imported(seed):
    import json

    from archive.importer.importing import import_bytes

    data = {"headline": "Ministry answers critics", "published": "2004-04-06", "body": IMPORTED}
    return import_bytes("one.json", json.dumps(data).encode()).article


def test_the_queue_shows_a_proposed_speaker_and_accepts_it_with_the_quote(editor_client, imported):
    page = editor_client.get(QUEUE, {"article": imported.pk})
    assert "<strong>John Smith</strong> (proposed person, not yet in the archive)" in page.text
    assert "Speaker: none given" not in page.text
    quote, _ = page.context["quotes"][0]
    smith = quote.pending_speakers[0]
    response = editor_client.post(
        DECIDE, {"kind": "quote", "pk": quote.pk, "with_speaker": smith.pk}, follow=True
    )
    assert "“John Smith” (person) accepted" in response.text
    quote.refresh_from_db()
    person = Entity.objects.get(name="John Smith")
    assert (quote.status, quote.speaker_id) == ("confirmed", person.pk)
    # The other quote he speaks has him as its speaker too, still waiting for review.
    other = Quote.objects.get(article=imported, exact="We will go on")
    assert (other.status, other.speaker_id) == ("suggested", person.pk)


def test_a_reviewer_sees_the_proposed_speaker_but_cannot_accept_people(reviewer_client, imported):
    page = reviewer_client.get(QUEUE, {"article": imported.pk})
    assert "<strong>John Smith</strong> (proposed person" in page.text
    assert "Accept with John Smith" not in page.text
    quote, _ = page.context["quotes"][0]
    smith = quote.pending_speakers[0]
    data = {"kind": "quote", "pk": quote.pk, "with_speaker": smith.pk}
    assert reviewer_client.post(DECIDE, data).status_code == 403
    assert not Entity.objects.filter(name="John Smith").exists()


def test_decisions_answer_json_for_the_page_script(reviewer_client, suggestions):
    quote = suggestions["quote"]
    response = reviewer_client.post(
        DECIDE,
        {"kind": "quote", "pk": quote.pk, "decision": "rejected"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "message": f"Rejected: {quote}",
        "decided": "rejected",
    }
    bad = reviewer_client.post(DECIDE, {"kind": "quote"}, headers={"Accept": "application/json"})
    assert bad.status_code == 400 and bad.json()["ok"] is False


def test_the_paragraph_is_there_on_demand(reviewer_client, article, person):
    article.body = "First sentence here. The spokeswoman spoke. Last one.\n\nNext paragraph."
    article.save()
    _suggest_mention(article, "spokeswoman", person)
    page = reviewer_client.get(QUEUE, {"article": article.pk})
    _, context = page.context["mentions"][0]
    assert (context["before"], context["words"], context["after"]) == (
        "The ",
        "spokeswoman",
        " spoke.",
    )
    assert context["paragraph"] == {
        "before": "First sentence here. The ",
        "after": " spoke. Last one.",
    }
    assert "<summary>Show the paragraph</summary>" in page.text


def test_bulk_accept_an_articles_suggestions_above_a_confidence(editor_client, imported):
    quotes = {q.exact: q for q in Quote.objects.filter(article=imported)}
    assert len(quotes) == 2
    Quote.objects.filter(exact="We will go on").update(confidence=0.5)
    Quote.objects.filter(exact="Nothing is wrong here.").update(confidence=0.9)
    Mention.objects.filter(article=imported).update(confidence=0.95)
    response = editor_client.post(
        BULK,
        {
            "article": imported.pk,
            "which": "both",
            "side": "at_least",
            "minimum": "0.8",
            "with_speakers": "on",
            "decision": "confirmed",
        },
        follow=True,
    )
    mentions = Mention.objects.filter(article=imported).count()
    assert f"Accepted 1 quote and {mentions} mention" in response.text
    smith = Entity.objects.get(name="John Smith")
    high = Quote.objects.get(exact="Nothing is wrong here.")
    low = Quote.objects.get(exact="We will go on")
    assert (high.status, high.speaker_id) == ("confirmed", smith.pk)
    assert low.status == "suggested"
    # And reject the rest, below the same mark.
    editor_client.post(
        BULK,
        {
            "article": imported.pk,
            "which": "quote",
            "side": "below",
            "minimum": "0.8",
            "decision": "rejected",
        },
    )
    low.refresh_from_db()
    assert low.status == "rejected"


@pytest.mark.parametrize(
    "data",
    [
        {"which": "both", "side": "at_least", "minimum": "2", "decision": "confirmed"},
        {"which": "both", "side": "at_least", "minimum": "x", "decision": "confirmed"},
        {"which": "tags", "side": "at_least", "minimum": "0.5", "decision": "confirmed"},
        {"which": "both", "side": "at_least", "minimum": "0.5", "decision": "deleted"},
    ],
)
def test_bad_bulk_decisions_are_a_400(editor_client, imported, data):
    response = editor_client.post(BULK, {"article": imported.pk, **data})
    assert response.status_code == 400
    assert not Quote.objects.filter(article=imported).exclude(status="suggested").exists()


def test_a_reviewer_cannot_bulk_accept_speakers(reviewer_client, imported):
    data = {
        "article": imported.pk,
        "which": "quote",
        "side": "at_least",
        "minimum": "0",
        "with_speakers": "on",
        "decision": "confirmed",
    }
    assert reviewer_client.post(BULK, data).status_code == 403
    data.pop("with_speakers")
    assert reviewer_client.post(BULK, data).status_code == 302
    assert not Quote.objects.filter(article=imported, status="suggested").exists()


def test_the_desk_links_to_entity_suggestions(editor_client):
    page = editor_client.get(reverse("admin:index"))
    url = reverse("admin:archive_entitysuggestion_changelist")
    assert f'<a href="{url}?status__exact=suggested">Entity suggestions</a>' in page.text


def test_correct_then_save_unchanged_still_confirms(reviewer_client, suggestions):
    quote = suggestions["quote"]
    url = reverse("admin:archive_quote_change", args=[quote.pk]) + "?_review=1"
    data = change_form_data(reviewer_client.get(url))
    response = reviewer_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == QUEUE
    quote.refresh_from_db()
    assert quote.status == "confirmed"
