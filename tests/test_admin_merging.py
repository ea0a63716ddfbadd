"""Merging duplicate people and organizations: everything moves, the old slug redirects,
and a merge that must not happen (or fails half-way) changes nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse

from archive.merging import MergeError, merge_entities
from archive.models import (
    Alias,
    Entity,
    EntityRedirect,
    Event,
    EventParticipant,
    Membership,
    Mention,
    Organization,
    Person,
    Quote,
)


@pytest.fixture
def duplicate(person, article, organization, quote):
    """A second record of Vanessa Saenen with something of every kind pointing at it."""
    dup = Person.objects.create(name="V. Saenen", slug="v-saenen")
    Alias.objects.create(entity=dup, name="Vanesa Saenen")
    Alias.objects.create(entity=person, name="Vanesa Saenen")  # both have it: one survives
    Membership.objects.create(person=dup, organization=organization, role="press officer")
    spoken = Quote(article=article, speaker=dup)
    spoken.anchor_to("The government denied it.")
    spoken.save()
    quote.about.add(dup, person)  # about both: one row survives
    quote.said_to = dup
    quote.save()
    mention = Mention(article=article, entity=dup)
    mention.anchor_to("spokeswoman")
    mention.save()
    event = Event.objects.create(name="Report release", slug="report-release")
    EventParticipant.objects.create(event=event, entity=dup, role="speaker")
    EventParticipant.objects.create(event=event, entity=person, role="speaker")
    return dup


def test_merge_moves_everything_to_the_survivor(duplicate, person, quote):
    report = merge_entities(person, [duplicate])

    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    assert set(person.aliases.values_list("name", flat=True)) == {"Vanesa Saenen", "V. Saenen"}
    assert Quote.objects.filter(speaker=person).count() == 2
    quote.refresh_from_db()
    assert quote.said_to_id == person.pk
    assert list(quote.about.all()) == [person.entity_ptr]
    assert Mention.objects.get(exact="spokeswoman").entity_id == person.pk
    assert sorted(person.memberships.values_list("role", flat=True)) == [
        "press officer",
        "spokeswoman",
    ]
    assert EventParticipant.objects.filter(entity=person).count() == 1
    assert EntityRedirect.objects.get(old_slug="v-saenen").entity_id == person.pk
    assert "V. Saenen" in report.summary()


def test_the_merged_slug_redirects_permanently(client, duplicate, person):
    merge_entities(person, [duplicate])
    response = client.get(reverse("archive:person", kwargs={"slug": "v-saenen"}) + "?x=1")
    assert response.status_code == 301
    assert response["Location"] == reverse("archive:person", kwargs={"slug": person.slug}) + "?x=1"
    assert client.get(response["Location"]).status_code == 200
    # The old slug is a person's: under organizations it stays unknown.
    assert (
        client.get(reverse("archive:organization", kwargs={"slug": "v-saenen"})).status_code == 404
    )
    assert client.get(reverse("archive:person", kwargs={"slug": "nobody"})).status_code == 404


def test_merging_into_itself_is_refused(person):
    with pytest.raises(MergeError, match="cannot be merged into itself"):
        merge_entities(person, [person])
    assert Person.objects.filter(pk=person.pk).exists()


def test_merging_a_person_into_an_organization_is_refused(person, organization):
    with pytest.raises(MergeError, match="only entities of the same kind"):
        merge_entities(organization, [person])
    assert Person.objects.filter(pk=person.pk).exists()
    assert not EntityRedirect.objects.exists()


def test_a_merge_that_fails_half_way_changes_nothing(duplicate, person, monkeypatch):
    def broken(*args, **kwargs):
        raise IntegrityError("simulated failure after the rows moved")

    monkeypatch.setattr(EntityRedirect.objects, "update_or_create", broken)
    with pytest.raises(IntegrityError):
        merge_entities(person, [duplicate])
    assert Entity.objects.filter(pk=duplicate.pk).exists()
    assert Quote.objects.filter(speaker=duplicate).count() == 1
    assert Mention.objects.filter(entity=duplicate).count() == 1
    assert not person.aliases.filter(name="V. Saenen").exists()


def _action(client, changelist, action, pks, **extra):
    data = {"action": action, "_selected_action": [str(pk) for pk in pks], **extra}
    return client.post(reverse(changelist), data)


def test_merge_action_asks_for_the_survivor_then_merges(editor_client, duplicate, person):
    page = _action(
        editor_client,
        "admin:archive_person_changelist",
        "merge_selected",
        [person.pk, duplicate.pk],
    )
    assert page.status_code == 200
    assert "Which record survives?" in page.text
    assert "V. Saenen (person; 1 quotes, 1 mentions, 1 aliases)" in page.text
    assert Entity.objects.filter(pk=duplicate.pk).exists()  # nothing happens before confirming

    done = _action(
        editor_client,
        "admin:archive_person_changelist",
        "merge_selected",
        [person.pk, duplicate.pk],
        apply="Merge",
        survivor=str(person.pk),
    )
    assert done.status_code == 302
    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    follow = editor_client.get(done["Location"])
    assert "Merged V. Saenen into Vanessa Saenen" in follow.text


def test_merge_action_refuses_a_person_and_an_organization(editor_client, person, organization):
    response = _action(
        editor_client,
        "admin:archive_entity_changelist",
        "merge_selected",
        [person.pk, organization.pk],
        apply="Merge",
        survivor=str(organization.pk),
    )
    assert response.status_code == 200
    assert "only entities of the same kind can be merged" in response.text
    assert Person.objects.filter(pk=person.pk).exists()
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_merge_action_needs_two_records(editor_client, person):
    response = _action(
        editor_client,
        "admin:archive_person_changelist",
        "merge_selected",
        [person.pk],
        apply="Merge",
        survivor=str(person.pk),
    )
    assert response.status_code == 302
    assert "Select at least two records" in editor_client.get(response["Location"]).text
    assert Person.objects.filter(pk=person.pk).exists()


def test_merge_action_refuses_a_survivor_outside_the_selection(editor_client, duplicate, person):
    other = Person.objects.create(name="Someone", slug="someone")
    response = _action(
        editor_client,
        "admin:archive_person_changelist",
        "merge_selected",
        [person.pk, duplicate.pk],
        apply="Merge",
        survivor=str(other.pk),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert Entity.objects.filter(pk=duplicate.pk).exists()


def test_reviewers_cannot_merge(reviewer_client, duplicate, person):
    response = _action(
        reviewer_client,
        "admin:archive_person_changelist",
        "merge_selected",
        [person.pk, duplicate.pk],
        apply="Merge",
        survivor=str(person.pk),
    )
    # No action is offered to reviewers here, so Django ignores it and shows the list.
    assert response.status_code == 200
    assert response.context["action_form"] is None
    assert Entity.objects.filter(pk=duplicate.pk).exists()


def test_merge_is_recorded_and_the_duplicate_can_be_recovered(editor, duplicate, person):
    from reversion.models import Version

    merge_entities(person, [duplicate], user=editor)
    deleted = Version.objects.get_deleted(Person)
    assert [v.object_repr for v in deleted] == ["V. Saenen"]
    assert deleted[0].revision.user == editor
    assert deleted[0].revision.comment == "Before merging into Vanessa Saenen."
    merge = Version.objects.get_for_object(person).first().revision
    assert merge.user == editor
    assert merge.comment.startswith("Merged V. Saenen into Vanessa Saenen: ")


def test_merge_keeps_dated_memberships(person, organization):
    dup = Person.objects.create(name="Vanessa Sanen", slug="vanessa-sanen")
    Membership.objects.create(
        person=dup,
        organization=organization,
        role="researcher",
        start=dt.date(2001, 1, 1),
        start_precision="year",
    )
    merge_entities(person, [dup])
    membership = person.memberships.get(role="researcher")
    assert str(membership.start_partial) == "2001"


def test_a_merged_duplicate_is_offered_for_recovery(editor_client, editor, duplicate, person):
    merge_entities(person, [duplicate], user=editor)
    page = editor_client.get(reverse("admin:archive_person_recoverlist"))
    assert page.status_code == 200
    assert "V. Saenen" in page.text


def test_merging_organizations_moves_members_children_and_articles(
    editor_client, organization, person, article
):
    dup = Organization.objects.create(name="HRW", slug="hrw", org_kind="ngo")
    Membership.objects.create(person=person, organization=dup, role="researcher")
    Membership.objects.create(person=person, organization=organization, on_behalf_of=dup)
    child = Organization.objects.create(name="HRW Europe", slug="hrw-europe", parent=dup)
    article.publisher = dup
    article.save()
    done = _action(
        editor_client,
        "admin:archive_organization_changelist",
        "merge_selected",
        [organization.pk, dup.pk],
        apply="Merge",
        survivor=str(organization.pk),
    )
    assert done.status_code == 302
    assert not Organization.objects.filter(pk=dup.pk).exists()
    assert organization.memberships.count() == 3
    assert Membership.objects.filter(on_behalf_of=organization).count() == 1
    child.refresh_from_db()
    article.refresh_from_db()
    assert child.parent_id == organization.pk and article.publisher_id == organization.pk
    assert (
        editor_client.get("/organizations/hrw/")["Location"] == "/organizations/human-rights-watch/"
    )


def test_follow_merged_decorator_redirects_without_the_middleware(rf, duplicate, person):
    from django.http import Http404
    from django.urls import resolve

    from archive.views.lookup import follow_merged, get_entity_or_404

    merge_entities(person, [duplicate])

    def person_page(request, slug, **kwargs):
        get_entity_or_404(Person, slug)

    path = reverse("archive:person", kwargs={"slug": "v-saenen"})
    request = rf.get(path)
    request.resolver_match = resolve(path)
    response = follow_merged(person_page)(request, slug="v-saenen")
    assert response.status_code == 301
    assert response["Location"] == reverse("archive:person", kwargs={"slug": person.slug})
    with pytest.raises(Http404):  # undecorated, and no middleware: "not found", not a crash
        person_page(request, slug="v-saenen")


def test_the_merge_message_speaks_the_editors_language(duplicate, person):
    summary = merge_entities(person, [duplicate]).summary()
    assert summary.startswith("Merged V. Saenen into Vanessa Saenen: ")
    assert "1 quotes spoken" in summary and "1 quotes heard" in summary
    assert "1 mentions" in summary and "1 memberships" in summary
    assert "now belong to Vanessa Saenen" in summary
    assert "that Vanessa Saenen already had were dropped" in summary
    for table_words in ["relationship", "search name", "entity", "participants"]:
        assert table_words not in summary


def test_the_delete_confirmation_lists_no_search_index_rows(editor_client, organization):
    from archive.models import SearchName
    from archive.search.indexing import name_rows

    person = Person.objects.create(name="Aigul Zhunusova", slug="aigul-zhunusova")
    Membership.objects.create(person=person, organization=organization, role="lawyer")
    if not SearchName.objects.filter(entity=person).exists():
        SearchName.objects.bulk_create(name_rows([person]))
    assert SearchName.objects.filter(entity=person).exists()
    page = editor_client.get(reverse("admin:archive_person_delete", args=[person.pk]))
    assert page.status_code == 200
    assert "Search name" not in page.text and "search name" not in page.text.lower()
    assert "Memberships: 1" in page.text
    response = editor_client.post(
        reverse("admin:archive_person_delete", args=[person.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not SearchName.objects.filter(entity_id=person.pk).exists()
