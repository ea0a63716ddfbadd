"""Loading data is all-or-nothing, and `make run` never loads the seed twice."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from archive.models import Article, Entity, Person, Quote
from archive.seed.build import FIXTURE


def fixture_with(tmp_path, change):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def first(data, model, **fields):
    return next(
        row
        for row in data
        if row["model"] == model and all(row["fields"].get(k) == v for k, v in fields.items())
    )


@pytest.mark.django_db
def test_a_quote_not_in_its_article_stops_the_whole_load(tmp_path):
    def change(data):
        first(data, "archive.quote", mode="direct")["fields"]["exact"] = "Words nobody said at all"

    path = fixture_with(tmp_path, change)
    with pytest.raises(CommandError, match=r"(?s)Nothing was loaded.*not in the article"):
        call_command("load_archive", str(path))
    assert not Article.objects.exists()
    assert not Entity.objects.exists()


@pytest.mark.django_db
def test_a_speaker_that_is_a_place_stops_the_whole_load(tmp_path):
    def change(data):
        prague = first(data, "archive.entity", slug="prague")
        first(data, "archive.quote", mode="direct")["fields"]["speaker"] = prague["pk"]

    with pytest.raises(CommandError, match="person or an organization, not a place"):
        call_command("load_archive", str(fixture_with(tmp_path, change)))
    assert not Quote.objects.exists()


@pytest.mark.django_db
def test_a_malformed_partial_date_stops_the_whole_load(tmp_path):
    def change(data):
        first(data, "archive.membership", start_precision="year")["fields"]["start"] = "2001-06-15"

    with pytest.raises(CommandError, match="1 January"):
        call_command("load_archive", str(fixture_with(tmp_path, change)))
    assert not Entity.objects.exists()


@pytest.mark.django_db
def test_loaddata_of_a_fixture_the_database_refuses_writes_nothing(tmp_path):
    def change(data):
        row = first(data, "archive.membership", start_precision="day")
        row["fields"]["end"], row["fields"]["end_precision"] = "1980-01-01", "day"

    with pytest.raises(IntegrityError):
        call_command("loaddata", str(fixture_with(tmp_path, change)), verbosity=0)
    assert not Entity.objects.exists()


@pytest.mark.django_db
def test_load_archive_reports_a_missing_file():
    with pytest.raises(CommandError, match="No fixture at"):
        call_command("load_archive", "/nonexistent/fixture.json")


@pytest.mark.django_db
def test_load_seed_loads_once_and_keeps_editors_changes(capsys):
    call_command("load_seed")
    assert Article.objects.count() == 1
    Person.objects.filter(slug="vanessa-saenen").update(summary="Edited by an editor.")
    call_command("load_seed")
    assert "already in the archive" in capsys.readouterr().out
    assert Article.objects.count() == 1
    assert Person.objects.get(slug="vanessa-saenen").summary == "Edited by an editor."


@pytest.mark.django_db
def test_load_seed_leaves_a_non_empty_archive_alone(capsys, person):
    call_command("load_seed")
    assert "only loaded into an empty archive" in capsys.readouterr().out
    assert not Article.objects.exists()
    assert Entity.objects.count() == 3  # the person, their organization and its place
