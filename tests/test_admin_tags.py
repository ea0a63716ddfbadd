"""Tags: rename through the change form, merge several into one, and tag suggestions."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from archive.merging import MergeError, merge_tags
from archive.models import Quote, TaggedQuote

CHANGELIST = reverse("admin:taggit_tag_changelist")


@pytest.fixture
def tagged(quote, article):
    """Two quotes: one tagged "vote" and "elections", the other "election" only."""
    other = Quote(article=article)
    other.anchor_to("The government denied it.")
    other.save()
    quote.tags.add("vote", "elections")
    other.tags.add("election")
    return quote, other


def test_rename_a_tag(editor_client, tagged):
    tag = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    response = editor_client.post(url, {"name": "voting", "slug": "voting"})
    assert response.status_code == 302
    assert "voting" in tagged[0].tags.names()


def test_rename_onto_an_existing_name_is_refused(editor_client, tagged):
    tag = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    response = editor_client.post(url, {"name": "Elections", "slug": "elections-2"})
    assert response.status_code == 200
    assert "There is already a tag “elections”" in response.text
    tag.refresh_from_db()
    assert tag.name == "vote"


def test_merge_tags_moves_every_quote_in_one_go(editor_client, tagged):
    quote, other = tagged
    ids = list(
        Tag.objects.filter(name__in=["vote", "elections", "election"]).values_list("pk", flat=True)
    )
    survivor = Tag.objects.get(name="elections")
    data = {"action": "merge_tags", "_selected_action": ids}
    form = editor_client.post(CHANGELIST, data)
    assert form.status_code == 200 and "Which tag remains?" in form.text
    done = editor_client.post(CHANGELIST, {**data, "apply": "1", "survivor": survivor.pk})
    assert done.status_code == 302
    assert list(Tag.objects.values_list("name", flat=True)) == ["elections"]
    assert list(quote.tags.names()) == ["elections"]  # had two of them: keeps one
    assert list(other.tags.names()) == ["elections"]
    assert TaggedQuote.objects.count() == 2


def test_merging_one_tag_is_refused(editor_client, tagged):
    tag = Tag.objects.get(name="vote")
    data = {"action": "merge_tags", "_selected_action": [tag.pk], "apply": "1", "survivor": tag.pk}
    response = editor_client.post(CHANGELIST, data, follow=True)
    assert "Select at least two tags to merge." in response.text
    assert Tag.objects.count() == 3


def test_merging_a_tag_into_itself_is_refused(tagged):
    tag = Tag.objects.get(name="vote")
    with pytest.raises(MergeError, match="into itself"):
        merge_tags(tag, [tag])
    assert Tag.objects.filter(pk=tag.pk).exists()


def test_a_failed_tag_merge_changes_nothing(tagged, monkeypatch):
    survivor, other = Tag.objects.get(name="elections"), Tag.objects.get(name="election")

    def broken(self, *args, **kwargs):
        raise RuntimeError("simulated failure after the tagged quotes moved")

    monkeypatch.setattr(Tag, "delete", broken)
    with pytest.raises(RuntimeError):
        merge_tags(survivor, [other])
    assert list(tagged[1].tags.names()) == ["election"]


def test_reviewers_cannot_merge_or_rename_tags(reviewer_client, tagged):
    tag = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    assert reviewer_client.post(url, {"name": "x", "slug": "x"}).status_code == 403
    tag.refresh_from_db()
    assert tag.name == "vote"


def test_suggestions_complete_the_name(reviewer_client, tagged):
    url = reverse("admin:taggit_tag_suggest")
    assert reviewer_client.get(url, {"q": "ele"}).json() == {"tags": ["election", "elections"]}
    assert reviewer_client.get(url, {"q": ""}).json() == {"tags": []}


def test_suggestions_need_a_login(client, tagged):
    response = client.get(reverse("admin:taggit_tag_suggest"), {"q": "ele"})
    assert response.status_code == 302


def test_a_rename_gives_the_new_slug_and_the_old_address_answers_301(editor_client, tagged):
    tag = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    # The browser sends the slug field as it stands: still "vote".
    response = editor_client.post(url, {"name": "court verdicts", "slug": "vote"}, follow=True)
    assert "address is now /tags/court-verdicts/; /tags/vote/ leads there." in response.text
    tag.refresh_from_db()
    assert tag.slug == "court-verdicts"
    old = editor_client.get("/tags/vote/")
    assert old.status_code == 301 and old["Location"] == "/tags/court-verdicts/"
    assert editor_client.get("/tags/vote/quotes.atom")["Location"] == (
        "/tags/court-verdicts/quotes.atom"
    )
    assert editor_client.get("/tags/court-verdicts/").status_code == 200
    # Renamed again, both old addresses lead to the tag; the name given back frees its slug.
    editor_client.post(url, {"name": "verdicts", "slug": "court-verdicts"})
    assert editor_client.get("/tags/vote/")["Location"] == "/tags/verdicts/"
    assert editor_client.get("/tags/court-verdicts/")["Location"] == "/tags/verdicts/"
    editor_client.post(url, {"name": "vote", "slug": "verdicts"})
    assert editor_client.get("/tags/vote/").status_code == 200
    assert editor_client.get("/tags/verdicts/")["Location"] == "/tags/vote/"


def test_an_edited_slug_is_kept_and_the_old_one_redirects(editor_client, tagged):
    tag = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    editor_client.post(url, {"name": "voting", "slug": "ballots"})
    tag.refresh_from_db()
    assert tag.slug == "ballots"
    assert editor_client.get("/tags/vote/")["Location"] == "/tags/ballots/"


def test_a_merged_tags_address_answers_301_to_the_survivor(editor_client, tagged):
    vote = Tag.objects.get(name="vote")
    url = reverse("admin:taggit_tag_change", args=[vote.pk])
    editor_client.post(url, {"name": "ballot", "slug": "vote"})  # renamed before the merge
    survivor = Tag.objects.get(name="elections")
    ids = list(Tag.objects.values_list("pk", flat=True))
    editor_client.post(
        CHANGELIST,
        {"action": "merge_tags", "_selected_action": ids, "apply": "1", "survivor": survivor.pk},
    )
    for old in ["vote", "ballot", "election"]:
        response = editor_client.get(f"/tags/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/tags/elections/")
    assert editor_client.get("/tags/never-was/").status_code == 404
