"""The admin upload form and the review of proposed entities."""

import json

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.importer import formats
from archive.models import Article, Entity, EntitySuggestion, Mention, Person

UPLOAD = reverse("admin:archive_articleimport_changelist")
BODY = (
    'John Smith, a spokesman for the Interior Ministry, said: "Nothing is wrong here."\n\n'
    '"We will go on," Smith added. Abliyazov was released last May.'
)


def article_file(name="one.json", **fields):
    data = {"headline": "Ministry answers critics", "published": "2004-04-06", "body": BODY}
    data.update(fields)
    return SimpleUploadedFile(name, json.dumps(data).encode(), content_type="application/json")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["add_article", "view_entitysuggestion", "change_entitysuggestion"]
        )
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_upload_page_shows_the_form(editor_client):
    response = editor_client.get(UPLOAD)
    assert response.status_code == 200
    assert b'<label class="required" for="id_files">Article files:</label>' in response.content
    assert b'enctype="multipart/form-data"' in response.content


def test_staff_without_permission_is_refused(client, db):
    client.force_login(User.objects.create_user("clerk", is_staff=True))
    assert client.get(UPLOAD).status_code == 403


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_uploading_files_imports_each_on_its_own(seed, editor_client):
    bad = SimpleUploadedFile("bad.json", b'{"headline": "x"', content_type="application/json")
    response = editor_client.post(UPLOAD, {"files": [bad, article_file()]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rejected: bad.json: not valid JSON" in page
    article = Article.objects.get(headline="Ministry answers critics")
    assert reverse("admin:archive_article_change", args=[article.pk]) in page
    assert "1 of 2 files imported." in page
    assert article.quotes.filter(status="suggested").count() == 2


def test_text_is_escaped_in_the_results(seed, editor_client):
    upload = article_file(headline="<script>alert(1)</script>")
    page = editor_client.post(UPLOAD, {"files": [upload]}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_no_file_is_a_form_error(editor_client):
    response = editor_client.post(UPLOAD, {})
    assert response.status_code == 200
    assert "Choose at least one file." in response.content.decode()


def test_oversized_upload_is_rejected_without_reading(seed, editor_client, monkeypatch):
    monkeypatch.setattr(formats, "MAX_BYTES", 100)
    page = editor_client.post(UPLOAD, {"files": [article_file()]}).content.decode()
    assert "over the limit of 100" in page
    assert not Article.objects.filter(headline="Ministry answers critics").exists()


def test_accepting_a_proposed_person_creates_them_and_attributes_their_quotes(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    smith = EntitySuggestion.objects.get(kind="person", name="John Smith")
    changelist = reverse("admin:archive_entitysuggestion_changelist")
    response = editor_client.post(
        changelist, {"action": "accept_selected", "_selected_action": [smith.pk]}, follow=True
    )
    page = response.content.decode()
    assert "“John Smith” (person) accepted: John Smith is now in the archive." in page
    assert "1 of 1 suggestion accepted." in page
    person = Person.objects.get(name="John Smith")
    smith.refresh_from_db()
    assert smith.status == "confirmed" and smith.entity_id == person.pk
    assert set(smith.quotes.values_list("speaker", flat=True)) == {person.pk}
    assert Mention.objects.filter(entity=person).count() == 2
    # Accepting again changes nothing.
    editor_client.post(changelist, {"action": "accept_selected", "_selected_action": [smith.pk]})
    assert Person.objects.filter(name="John Smith").count() == 1


def test_accepting_an_event_keeps_its_partial_date(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    event = EntitySuggestion.objects.get(kind="event", phrase="last May")
    editor_client.post(
        reverse("admin:archive_entitysuggestion_changelist"),
        {"action": "accept_selected", "_selected_action": [event.pk]},
    )
    created = Entity.objects.get(pk=EntitySuggestion.objects.get(pk=event.pk).entity_id).event
    assert str(created.start_partial) == "May 2003"


def test_rejecting_keeps_a_suggestion_from_coming_back(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    org = EntitySuggestion.objects.get(kind="organization")
    editor_client.post(
        reverse("admin:archive_entitysuggestion_changelist"),
        {"action": "reject_selected", "_selected_action": [org.pk]},
    )
    editor_client.post(UPLOAD, {"files": [article_file(name="again.json")]})
    org.refresh_from_db()
    assert org.status == "rejected"
    assert EntitySuggestion.objects.filter(kind="organization").count() == 1


def test_suggestion_pages_render(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    changelist = reverse("admin:archive_entitysuggestion_changelist")
    page = editor_client.get(changelist)
    assert page.status_code == 200 and "John Smith" in page.content.decode()
    smith = EntitySuggestion.objects.get(name="John Smith")
    change = editor_client.get(reverse("admin:archive_entitysuggestion_change", args=[smith.pk]))
    assert change.status_code == 200


def test_an_empty_file_is_rejected_by_name_and_the_good_files_are_imported(seed, editor_client):
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    blank = SimpleUploadedFile("blank.txt", b"\r\n  \r\n", content_type="text/plain")
    response = editor_client.post(UPLOAD, {"files": [empty, article_file(), blank]})
    page = response.content.decode()
    assert "Rejected: empty.txt: the file is empty." in page
    assert "Rejected: blank.txt: the file holds only blank space." in page
    assert "1 of 3 files imported." in page
    assert Article.objects.filter(headline="Ministry answers critics").exists()


def _change(suggestion):
    return reverse("admin:archive_entitysuggestion_change", args=[suggestion.pk])


def _change_data(suggestion, **changes):
    data = {
        "name": suggestion.name,
        "part": suggestion.part,
        "phrase": suggestion.phrase,
        "date_start": suggestion.date_start or "",
        "date_start_precision": suggestion.date_start_precision,
        "date_end": suggestion.date_end or "",
        "date_end_precision": suggestion.date_end_precision,
        "status": suggestion.status,
        "confidence": suggestion.confidence,
    }
    data.update(changes)
    return data


def test_confirming_on_the_change_page_accepts_like_the_action(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    smith = EntitySuggestion.objects.get(kind="person", name="John Smith")
    response = editor_client.post(
        _change(smith), _change_data(smith, status="confirmed"), follow=True
    )
    assert "“John Smith” (person) accepted" in response.content.decode()
    person = Person.objects.get(name="John Smith")
    smith.refresh_from_db()
    assert (smith.status, smith.entity_id) == ("confirmed", person.pk)
    assert set(smith.quotes.values_list("speaker", flat=True)) == {person.pk}
    assert (person.given_name, person.family_name, person.sort_name) == (
        "John",
        "Smith",
        "Smith, John",
    )


def test_a_refusal_says_why_on_the_page_and_in_the_action(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    event = EntitySuggestion.objects.get(kind="event", phrase="last May")
    EntitySuggestion.objects.filter(pk=event.pk).update(date_start=None, date_start_precision="")
    event.refresh_from_db()
    page = editor_client.post(_change(event), _change_data(event, status="confirmed"))
    assert page.status_code == 200  # the form again, with the reason on the status field
    assert "It cannot be accepted: it has no date" in page.content.decode()
    event.refresh_from_db()
    assert event.status == "suggested" and event.entity_id is None
    changelist = reverse("admin:archive_entitysuggestion_changelist")
    smith = EntitySuggestion.objects.get(kind="person", name="John Smith")
    response = editor_client.post(
        changelist,
        {"action": "accept_selected", "_selected_action": [event.pk, smith.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "cannot be accepted: it has no date, and a proposed event is its date." in page
    assert "1 of 2 suggestions accepted." in page
    response = editor_client.post(
        changelist, {"action": "accept_selected", "_selected_action": [smith.pk]}, follow=True
    )
    assert "“John Smith” (person) was accepted already, as John Smith." in response.text


def test_a_suggestion_confirmed_before_without_an_entity_can_be_accepted(seed, editor_client):
    """Rows left "confirmed" with no entity by the old change page are accepted now."""
    editor_client.post(UPLOAD, {"files": [article_file()]})
    smith = EntitySuggestion.objects.get(kind="person", name="John Smith")
    EntitySuggestion.objects.filter(pk=smith.pk).update(status="confirmed")
    editor_client.post(
        reverse("admin:archive_entitysuggestion_changelist"),
        {"action": "accept_selected", "_selected_action": [smith.pk]},
    )
    smith.refresh_from_db()
    assert smith.entity_id == Person.objects.get(name="John Smith").pk


def test_a_name_already_in_the_archive_is_linked_not_duplicated(seed, editor_client):
    editor_client.post(UPLOAD, {"files": [article_file()]})
    editor_client.post(UPLOAD, {"files": [article_file("two.json", headline="A second story")]})
    first, second = EntitySuggestion.objects.filter(kind="person", name="John Smith")
    changelist = reverse("admin:archive_entitysuggestion_changelist")
    editor_client.post(changelist, {"action": "accept_selected", "_selected_action": [first.pk]})
    response = editor_client.post(
        changelist, {"action": "accept_selected", "_selected_action": [second.pk]}, follow=True
    )
    assert "is John Smith, already in the archive; linked to it." in response.text
    assert Person.objects.filter(name="John Smith").count() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.entity_id == first.entity_id
