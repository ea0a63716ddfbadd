"""The quotes list, its filters and search, the quote form, and every bulk action."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from archive.models import Alias, Person, Quote, ReviewStatus
from tests.admin_forms import change_form_data

CHANGELIST = reverse("admin:archive_quote_changelist")


@pytest.fixture
def quotes(quote, article, organization):
    """Three quotes: the spokeswoman's (tagged), a suggestion by HRW, and a rejected one."""
    quote.tags.add("elections")
    second = Quote(article=article, speaker=organization, status=ReviewStatus.SUGGESTED)
    second.anchor_to("The government denied it.")
    second.save()
    third = Quote(article=article, status=ReviewStatus.REJECTED, part="standfirst")
    third.anchor_to("A report says the government harasses its critics.")
    third.save()
    return [quote, second, third]


def _shown(response):
    return {q.pk for q in response.context["cl"].result_list}


def test_list_shows_speaker_article_tags_and_status(editor_client, quotes):
    response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    text = response.text
    assert "We are concerned about the elections" in text
    assert "Vanessa Saenen" in text and "Watchdog criticises government" in text
    assert '<td class="field-tag_list">elections</td>' in text
    assert _shown(response) == {q.pk for q in quotes}


def test_list_query_count_does_not_grow(editor_client, quotes, django_assert_num_queries):
    # 1 session, 2 user, 3 savepoint (the history's revision), 4-5 the user's and the groups'
    # permissions, 6 the tag filter's tags, 7 the speaker filter's speakers, 8-9 counts (all,
    # filtered), 10 the page of quotes with speaker and article, 11 their tags, 12 release.
    with django_assert_num_queries(12):
        editor_client.get(CHANGELIST)
    for n in range(10):
        extra = Quote(article=quotes[0].article, speaker=quotes[0].speaker)
        extra.anchor_to("The government")
        extra.save()
        extra.tags.add(f"tag {n}")
    with django_assert_num_queries(12):
        editor_client.get(CHANGELIST)


def test_filters_by_tag_speaker_status_and_article_date(editor_client, quotes, person):
    assert _shown(editor_client.get(CHANGELIST, {"tag": "elections"})) == {quotes[0].pk}
    assert _shown(editor_client.get(CHANGELIST, {"speaker__id__exact": person.pk})) == {
        quotes[0].pk
    }
    assert _shown(editor_client.get(CHANGELIST, {"status__exact": "suggested"})) == {quotes[1].pk}
    in_2004 = {
        "article__published_on__gte": "2004-01-01",
        "article__published_on__lt": "2005-01-01",
    }
    assert len(_shown(editor_client.get(CHANGELIST, in_2004))) == 3
    in_2010 = {
        "article__published_on__gte": "2010-01-01",
        "article__published_on__lt": "2011-01-01",
    }
    assert _shown(editor_client.get(CHANGELIST, in_2010)) == set()


def test_search_covers_text_speaker_names_and_aliases(editor_client, quotes, person):
    Alias.objects.create(entity=person, name="Saenenova")
    assert _shown(editor_client.get(CHANGELIST, {"q": "denied"})) == {quotes[1].pk}
    assert _shown(editor_client.get(CHANGELIST, {"q": "Human Rights"})) == {quotes[1].pk}
    assert _shown(editor_client.get(CHANGELIST, {"q": "Saenenova"})) == {quotes[0].pk}


def test_tagging_with_an_existing_and_a_new_tag(editor_client, quote):
    Tag.objects.create(name="accusation", slug="accusation")
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    page = editor_client.get(url)
    assert 'data-tag-suggest="' + reverse("admin:taggit_tag_suggest") in page.text
    data = change_form_data(page)
    data["tags"] = "accusation, brand new tag"
    assert editor_client.post(url, data).status_code == 302
    assert sorted(quote.tags.names()) == ["accusation", "brand new tag"]
    assert Tag.objects.count() == 2  # "accusation" reused, not duplicated


def test_words_not_in_the_article_are_refused(editor_client, quote):
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    data = change_form_data(editor_client.get(url))
    data["exact"] = "We are delighted about the elections"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "These words are not in the article&#x27;s body." in response.text
    quote.refresh_from_db()
    assert quote.exact == "We are concerned about the elections"


def test_a_missing_occurrence_is_refused(editor_client, quote):
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    data = change_form_data(editor_client.get(url))
    data.update(exact="government", part="standfirst", occurrence="2")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "These words occur 1 time in the standfirst" in response.text
    quote.refresh_from_db()
    assert quote.part == "body"


def test_adding_a_quote_by_its_words(editor_client, article, person):
    data = {
        "article": article.pk,
        "part": "body",
        "exact": "The government denied it.",
        "occurrence": "1",
        "speaker": person.pk,
        "mode": "indirect",
        "status": "confirmed",
        "tags": "denial",
    }
    response = editor_client.post(reverse("admin:archive_quote_add"), data)
    assert response.status_code == 302, response.context["errors"]
    quote = Quote.objects.get(exact="The government denied it.")
    assert article.body[quote.start : quote.end] == quote.exact
    assert quote.suffix == "" and quote.prefix.endswith("said.\n\n")
    assert list(quote.tags.names()) == ["denial"]


def _action(client, action, quotes, **extra):
    data = {"action": action, "_selected_action": [q.pk for q in quotes], **extra}
    return client.post(CHANGELIST, data)


def test_bulk_add_tags_asks_then_tags(editor_client, quotes):
    form = _action(editor_client, "add_tags", quotes[:2])
    assert form.status_code == 200
    assert "The 2 selected quotes" in form.text
    assert not Tag.objects.filter(name="protest").exists()
    done = _action(editor_client, "add_tags", quotes[:2], apply="1", tags="protest, elections")
    assert done.status_code == 302
    assert sorted(quotes[0].tags.names()) == ["elections", "protest"]
    assert sorted(quotes[1].tags.names()) == ["elections", "protest"]
    assert list(quotes[2].tags.names()) == []


def test_bulk_add_tags_without_a_tag_is_an_error_and_changes_nothing(editor_client, quotes):
    response = _action(editor_client, "add_tags", quotes, apply="1", tags=" ")
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert Quote.tags.through.objects.count() == 1


def test_bulk_remove_tag(editor_client, quotes):
    quotes[1].tags.add("elections", "denial")
    form = _action(editor_client, "remove_tag", quotes)
    assert form.status_code == 200
    assert sorted(c[1] for c in form.context["form"].fields["tag"].choices) == [
        "denial",
        "elections",
    ]
    elections = Tag.objects.get(name="elections")
    done = _action(editor_client, "remove_tag", quotes, apply="1", tag=elections.pk)
    assert done.status_code == 302
    assert list(quotes[0].tags.names()) == []
    assert list(quotes[1].tags.names()) == ["denial"]
    assert Tag.objects.filter(pk=elections.pk).exists()  # the tag itself stays


def test_bulk_remove_a_tag_the_quotes_do_not_have_is_refused(editor_client, quotes):
    other = Tag.objects.create(name="unused", slug="unused")
    response = _action(editor_client, "remove_tag", quotes[:1], apply="1", tag=other.pk)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert list(quotes[0].tags.names()) == ["elections"]


def test_bulk_confirm_and_reject(editor_client, quotes):
    assert _action(editor_client, "confirm", quotes[1:]).status_code == 302
    assert set(Quote.objects.values_list("status", flat=True)) == {"confirmed"}
    assert _action(editor_client, "reject", quotes[:2]).status_code == 302
    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert statuses == {
        quotes[0].pk: "rejected",
        quotes[1].pk: "rejected",
        quotes[2].pk: "confirmed",
    }


def test_reviewer_may_use_the_bulk_actions(reviewer_client, quotes):
    assert _action(reviewer_client, "confirm", quotes[1:2]).status_code == 302
    quotes[1].refresh_from_db()
    assert quotes[1].status == "confirmed"
    done = _action(reviewer_client, "add_tags", quotes[1:2], apply="1", tags="protest")
    assert done.status_code == 302
    assert list(quotes[1].tags.names()) == ["protest"]


def test_speaker_autocomplete_offers_only_people_and_organizations(
    editor_client, person, organization, place
):
    url = reverse("admin:autocomplete")
    params = {"app_label": "archive", "model_name": "quote", "field_name": "speaker", "term": ""}
    names = {r["text"] for r in editor_client.get(url, params).json()["results"]}
    # Each name with its description, or its kind when it has none (autocomplete.py).
    assert names == {
        "Vanessa Saenen — person, no description yet",
        "Human Rights Watch — organization, no description yet",
    }
    Person.objects.create(name="Zhaqiyanov", slug="zhaqiyanov").aliases.create(name="Zhakiyanov")
    params["term"] = "Zhakiyanov"
    names = {r["text"] for r in editor_client.get(url, params).json()["results"]}
    assert names == {"Zhaqiyanov — person, no description yet"}


def test_a_failed_bulk_action_changes_nothing(editor_client, quotes, monkeypatch):
    from archive.admin import quotes as quote_admin

    def broken(objects, comment):
        raise RuntimeError("simulated failure after the rows changed")

    monkeypatch.setattr(quote_admin, "record_in_history", broken)
    with pytest.raises(RuntimeError):
        _action(editor_client, "add_tags", quotes, apply="1", tags="protest")
    with pytest.raises(RuntimeError):
        _action(editor_client, "confirm", quotes)
    assert not Tag.objects.filter(name="protest").exists()
    assert Quote.tags.through.objects.count() == 1
    assert sorted(Quote.objects.values_list("status", flat=True)) == [
        "confirmed",
        "rejected",
        "suggested",
    ]


def test_bulk_actions_are_recorded_in_the_history(editor_client, editor, quotes):
    from reversion.models import Version

    _action(editor_client, "confirm", quotes[1:2])
    revision = Version.objects.get_for_object(quotes[1]).get().revision
    assert (revision.user, revision.comment) == (editor, "Marked confirmed in bulk.")


def test_mention_bulk_confirm_and_reject(editor_client, article, person):
    from archive.models import Mention

    mentions = []
    for words in ["spokeswoman", "The government"]:
        mention = Mention(article=article, entity=person, status=ReviewStatus.SUGGESTED)
        mention.anchor_to(words)
        mention.save()
        mentions.append(mention)
    url = reverse("admin:archive_mention_changelist")
    data = {"action": "confirm", "_selected_action": [mentions[0].pk]}
    assert editor_client.post(url, data).status_code == 302
    data = {"action": "reject", "_selected_action": [mentions[1].pk]}
    assert editor_client.post(url, data).status_code == 302
    assert [m.status for m in Mention.objects.order_by("start")] == ["confirmed", "rejected"]
