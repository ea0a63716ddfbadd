"""History: every change in the admin is recorded with who, when and what, and can be
viewed and reverted."""

import html
import re

from django.urls import reverse
from reversion.models import Version

from archive.admin.changes import CONTEXT_WORDS, word_diff
from archive.models import Membership, Person
from tests.admin_forms import as_browser_sends, change_form_data


def _edit_quote(client, quote, **changes):
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]


def test_admin_changes_are_recorded_with_who_and_what(editor_client, editor, quote):
    _edit_quote(editor_client, quote, mode="indirect", tags="elections")
    versions = Version.objects.get_for_object(quote)
    assert versions.count() == 1
    revision = versions[0].revision
    assert revision.user == editor
    assert "Changed Mode and tags." in revision.comment
    page = editor_client.get(reverse("admin:archive_quote_history", args=[quote.pk]))
    assert page.status_code == 200
    assert "Changed Mode and tags." in page.text
    assert "edna" in page.text
    _edit_quote(editor_client, quote, mode="direct")
    page = editor_client.get(reverse("admin:archive_quote_history", args=[quote.pk]))
    assert "<del>indirect</del><ins>direct</ins>" in page.text


def test_revert_restores_fields_and_tags(editor_client, quote, person):
    _edit_quote(editor_client, quote, tags="elections")  # version 1: mode direct, one tag
    other = Person.objects.create(name="Somebody Else", slug="somebody-else")
    _edit_quote(editor_client, quote, speaker=str(other.pk), mode="indirect", tags="denial, x")
    quote.refresh_from_db()
    assert (quote.speaker_id, quote.mode) == (other.pk, "indirect")

    first = Version.objects.get_for_object(quote).order_by("pk").first()
    url = reverse("admin:archive_quote_revision", args=[quote.pk, first.pk])
    preview = editor_client.get(url)
    assert preview.status_code == 200
    quote.refresh_from_db()
    assert quote.mode == "indirect"  # viewing an old version changes nothing
    data = change_form_data(preview)
    response = editor_client.post(url, data)
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker_id, quote.mode) == (person.pk, "direct")
    assert sorted(t.name for t in quote.tags.all()) == ["elections"]
    latest = Version.objects.get_for_object(quote).first().revision
    assert latest.comment.startswith("Reverted to previous version")


def test_entity_and_membership_changes_are_recorded(editor_client, person):
    url = reverse("admin:archive_person_change", args=[person.pk])
    data = change_form_data(editor_client.get(url))
    data["description"] = "HRW spokeswoman in Brussels"
    assert editor_client.post(url, data).status_code == 302
    assert Version.objects.get_for_object(person).count() == 1
    membership = Membership.objects.get(person=person)
    url = reverse("admin:archive_membership_change", args=[membership.pk])
    data = change_form_data(editor_client.get(url))
    data["role"] = "spokesperson"
    assert editor_client.post(url, data).status_code == 302
    assert Version.objects.get_for_object(membership).count() == 1


def test_article_changes_are_recorded(editor_client, article):
    url = reverse("admin:archive_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["headline"] = "A better headline"
    assert editor_client.post(url, data).status_code == 302
    version = Version.objects.get_for_object(article).get()
    assert version.field_dict["headline"] == "A better headline"


def test_revert_a_person_restores_the_shared_entity_fields(editor_client, person):
    url = reverse("admin:archive_person_change", args=[person.pk])
    data = change_form_data(editor_client.get(url))
    data["description"] = "first description"
    assert editor_client.post(url, data).status_code == 302
    data["name"] = "Vanessa Saenen-Smith"
    data["description"] = "second description"
    assert editor_client.post(url, data).status_code == 302
    first = Version.objects.get_for_object(person).order_by("pk").first()
    revert = reverse("admin:archive_person_revision", args=[person.pk, first.pk])
    assert (
        editor_client.post(revert, change_form_data(editor_client.get(revert))).status_code == 302
    )
    person.refresh_from_db()
    assert (person.name, person.description) == ("Vanessa Saenen", "first description")


# "What changed": a word-level difference of every changed field (issue 10, item 6).


def _history(client, name, pk):
    page = client.get(reverse(f"admin:archive_{name}_history", args=[pk]))
    assert page.status_code == 200
    return page.text


def test_a_body_edit_in_the_middle_shows_the_changed_words(editor_client, seed):
    url = reverse("admin:archive_article_change", args=[seed.pk])
    data = change_form_data(editor_client.get(url))
    body = seed.body
    sentence = "In a letter sent last week to Kazakh President"
    assert len(body) // 3 < body.index(sentence) < 2 * len(body) // 3
    edited = body.replace(sentence, "In a letter sent on Monday to President")
    data["body"] = as_browser_sends(edited)
    assert editor_client.post(url, data).status_code == 302
    text = _history(editor_client, "article", seed.pk)
    change = (
        "In a letter sent <del>last week</del><ins>on Monday</ins> to<del> Kazakh</del> President"
    )
    rows = text[text.index("<tbody>") :]
    newest = rows[: rows.index("</tr>")]  # the edit's row
    assert "Changed Body." in newest
    assert change in newest
    # Only a few words of context each side, not the body's first 120 characters twice.
    assert body[:120] not in newest
    before, after = newest.split(change)
    assert before.count("…") == 1 and after.count("…") == 1
    # CONTEXT_WORDS words each side, counting those of `change` outside <del> and <ins>.
    before_words = re.findall(r"\w+", html.unescape(before.split("…")[1]) + "In a letter sent")
    after_words = re.findall(r"\w+", "President" + html.unescape(after.split("…")[0]))
    assert len(before_words) == len(after_words) == CONTEXT_WORDS


def test_word_diff_marks_insertions_and_deletions_and_escapes():
    assert word_diff("The court met.", "The <b>court</b> met & left.") == (
        "The <ins>&lt;b&gt;</ins>court<ins>&lt;/b&gt;</ins> met<ins> &amp; left</ins>."
    )
    assert word_diff("a b c", "a c") == "a <del>b </del>c"
    long = " ".join(f"w{i}" for i in range(100))
    diff = word_diff(long, long.replace("w50", "W50"))
    kept = re.sub(r"<(del|ins)>.*?</\1>", " ", diff).split()[1:-1]  # between the two gaps
    assert len(kept) == 2 * CONTEXT_WORDS
    assert diff.startswith("… w42 ") and diff.endswith(" w58 …")


def test_quote_and_entity_changes_show_word_diffs(editor_client, quote, person):
    _edit_quote(editor_client, quote, exact=quote.exact)  # a first version to compare with
    _edit_quote(editor_client, quote, mode="indirect")
    assert "<del>direct</del><ins>indirect</ins>" in _history(editor_client, "quote", quote.pk)
    url = reverse("admin:archive_person_change", args=[person.pk])
    data = change_form_data(editor_client.get(url))
    data["description"] = "HRW spokeswoman in Brussels"
    assert editor_client.post(url, data).status_code == 302
    data["description"] = "HRW spokeswoman in <Geneva>"
    assert editor_client.post(url, data).status_code == 302
    text = _history(editor_client, "person", person.pk)
    assert "<del>Brussels</del><ins>&lt;Geneva&gt;</ins>" in text
