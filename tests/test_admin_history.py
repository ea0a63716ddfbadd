"""History: every change in the admin is recorded with who, when and what, and can be
viewed and reverted."""

from django.urls import reverse
from reversion.models import Version

from archive.models import Membership, Person
from tests.admin_forms import change_form_data


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
    assert "<del>indirect</del> → <ins>direct</ins>" in page.text


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
