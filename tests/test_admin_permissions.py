"""The Editors and Reviewers groups: made by the data migration, and what each may do."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from archive.models import Article, ReviewStatus
from tests.admin_forms import change_form_data


@pytest.mark.django_db
def test_the_data_migration_created_both_groups():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    reviewers = set(
        Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True)
    )
    assert {"change_article", "delete_article", "add_quote", "delete_person", "add_tag"} <= editors
    assert {"change_quote", "change_mention", "add_taggedquote", "view_article"} <= reviewers
    assert not reviewers & {"change_article", "delete_article", "add_quote", "delete_quote"}
    assert not reviewers & {"change_person", "add_mention", "delete_tag"}


def test_reviewer_cannot_edit_an_article(client, editor, reviewer, article):
    url = reverse("admin:archive_article_change", args=[article.pk])
    client.force_login(editor)
    data = change_form_data(client.get(url))
    client.force_login(reviewer)
    data["headline"] = "Changed by a reviewer"
    response = client.post(url, data)
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Watchdog criticises government"


def test_reviewer_cannot_delete_or_add_an_article(reviewer_client, article):
    delete = reverse("admin:archive_article_delete", args=[article.pk])
    assert reviewer_client.get(delete).status_code == 403
    assert reviewer_client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
    assert reviewer_client.get(reverse("admin:archive_article_add")).status_code == 403


def test_reviewer_may_read_an_article(reviewer_client, article):
    response = reviewer_client.get(reverse("admin:archive_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "Watchdog criticises government" in response.text


def test_reviewer_changes_only_status_tags_and_speaker_of_a_quote(reviewer_client, quote, person):
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    page = reviewer_client.get(url)
    assert page.status_code == 200
    form_fields = set(page.context["adminform"].form.fields)
    assert form_fields == {"status", "tags", "speaker"}
    response = reviewer_client.post(
        url,
        {
            "status": "rejected",
            "tags": "elections",
            "speaker": quote.speaker_id,
            "exact": "the spokeswoman said",
        },
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == ReviewStatus.REJECTED
    assert quote.exact == "We are concerned about the elections"
    assert [t.name for t in quote.tags.all()] == ["elections"]


def test_reviewer_cannot_add_or_delete_quotes(reviewer_client, quote):
    assert reviewer_client.get(reverse("admin:archive_quote_add")).status_code == 403
    delete = reverse("admin:archive_quote_delete", args=[quote.pk])
    assert reviewer_client.post(delete, {"post": "yes"}).status_code == 403


def test_reviewer_cannot_edit_people(reviewer_client, person):
    url = reverse("admin:archive_person_change", args=[person.pk])
    assert reviewer_client.post(url, {"name": "Someone else"}).status_code == 403


def test_editor_edits_an_article(editor_client, article):
    url = reverse("admin:archive_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["headline"] = "Watchdog criticises the government"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    article.refresh_from_db()
    assert article.headline == "Watchdog criticises the government"


def test_admin_home_leads_to_the_review_queue(reviewer_client):
    page = reviewer_client.get(reverse("admin:index"))
    assert reverse("admin:archive_review") in page.text
    assert "News archive" in page.text  # the app list still follows
