"""Likely duplicates are pointed out when a person is added, and the admin's searches tell
people with one name apart by their description."""

from django.urls import reverse

from archive.models import Alias, Person
from tests.admin_forms import change_form_data

ADD = reverse("admin:archive_person_add")


def _add(client, name, alias="", slug=None):
    data = change_form_data(client.get(ADD))
    data.update({"name": name, "slug": slug or name.lower().replace(" ", "-") + "-2"})
    if alias:
        prefix = next(k for k in data if k.endswith("-TOTAL_FORMS") and "alias" in k)
        inline = prefix.removesuffix("-TOTAL_FORMS")
        data[prefix] = "1"
        data[f"{inline}-0-name"] = alias
        data[f"{inline}-0-kind"] = "spelling"
    return client.post(ADD, data, follow=True)


def test_adding_a_person_with_an_existing_name_warns(editor_client, person):
    response = _add(editor_client, "Vanessa Saenen")
    assert response.status_code == 200
    assert Person.objects.filter(name="Vanessa Saenen").count() == 2  # a warning, not a refusal
    url = reverse("admin:archive_person_change", args=[person.pk])
    assert f'Possible duplicate: <a href="{url}">Vanessa Saenen</a>' in response.text


def test_a_transliterated_name_or_an_alias_warns_too(editor_client, person):
    Alias.objects.create(entity=person, name="V. Saenen")
    response = _add(editor_client, "Vanesa Saenen", alias="V. Saenen")
    assert "Possible duplicate:" in response.text
    response = _add(editor_client, "Wanessa Sajenen")
    assert "Possible duplicate:" not in response.text


def test_an_unrelated_name_gives_no_warning(editor_client, person):
    response = _add(editor_client, "Aigul Zhunusova")
    assert "Possible duplicate" not in response.text


def test_a_taken_address_is_a_form_error_not_a_500(editor_client, person):
    response = _add(editor_client, "Vanessa Saenen", slug="vanessa-saenen")
    assert response.status_code == 200
    assert "Another person already has the address …/vanessa-saenen/" in response.text
    assert Person.objects.filter(name="Vanessa Saenen").count() == 1


def test_the_autocomplete_shows_a_description_beside_each_name(editor_client, person, article):
    twin = Person.objects.create(name="Vanessa Saenen", slug="vanessa-saenen-2")
    person.description = "Human Rights Watch spokeswoman in Brussels"
    person.save()
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Saenen", "app_label": "archive", "model_name": "quote", "field_name": "speaker"},
    )
    texts = {r["id"]: r["text"] for r in response.json()["results"]}
    assert texts == {
        str(person.pk): "Vanessa Saenen — Human Rights Watch spokeswoman in Brussels",
        str(twin.pk): "Vanessa Saenen — person, no description yet",
    }
    articles = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Watchdog",
            "app_label": "archive",
            "model_name": "quote",
            "field_name": "article",
        },
    )
    assert [r["text"] for r in articles.json()["results"]] == [
        "Watchdog criticises government — 6 Apr 2004"
    ]
