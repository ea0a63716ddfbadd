"""Every object gets its first version when it enters the archive (issue 10, item 5): the
loaders, the importer, the admin's add form and the corpus generator all record one, so the
original text can be restored from the history."""

import io
import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

from archive.models import (
    Alias,
    Article,
    ArticleContributor,
    Entity,
    Membership,
    Mention,
    Person,
    Quote,
    TaggedQuote,
)
from archive.seed.build import FIXTURE
from tests.admin_forms import as_browser_sends, change_form_data


def _first(obj) -> Version:
    versions = Version.objects.get_for_object(obj).order_by("pk")
    assert versions.exists(), f"{type(obj).__name__} {obj.pk} has no version"
    return versions.first()


def _assert_first_versions(article, comment: str):
    """The article, its quotes and mentions and the entities they name have a first version
    in a revision commented `comment`, holding their values as stored."""
    version = _first(article)
    assert version.revision.comment == comment
    assert version.field_dict["body"] == article.body
    assert version.field_dict["headline"] == article.headline
    quotes = list(Quote.objects.filter(article=article))
    mentions = list(Mention.objects.filter(article=article).select_related("entity"))
    assert quotes and mentions
    for annotation in (*quotes, *mentions):
        fields = _first(annotation).field_dict
        assert (fields["exact"], fields["start"], fields["end"]) == (
            annotation.exact,
            annotation.start,
            annotation.end,
        )
    return {m.entity for m in mentions}


def test_load_seed_records_the_first_versions(db):
    call_command("load_seed", stdout=io.StringIO())
    article = Article.objects.get()
    entities = _assert_first_versions(article, "Loaded from seed.json")
    for entity in entities:
        assert _first(entity).field_dict["name"] == entity.name
    for model in (Person, Alias, Membership, ArticleContributor):
        for obj in model.objects.all():
            _first(obj)
    # One revision for the whole load.
    assert Revision.objects.count() == 1


def test_load_archive_records_the_first_versions(db, tmp_path):
    path = tmp_path / "archive.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    call_command("load_archive", str(path), stdout=io.StringIO())
    _assert_first_versions(Article.objects.get(), "Loaded from archive.json")


def test_a_refused_fixture_records_nothing(db, tmp_path):
    objects = json.loads(FIXTURE.read_text(encoding="utf-8"))
    quote = next(o for o in objects if o["model"] == "archive.quote")
    quote["fields"]["exact"] = "words that are not where it says"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(objects), encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 (CommandError; nothing loaded either way)
        call_command("load_archive", str(path), stdout=io.StringIO())
    assert not Version.objects.exists() and not Article.objects.exists()


IMPORTED = (
    "Headline: Ardavian court jails reporter\nDate: 2004-04-06\n\n"
    "The court in Almaty sentenced the reporter on Monday.  \r\n\r\n"
    '"We are concerned," said Vanessa Saenen of Human Rights Watch.\n'
)


def test_import_articles_records_the_first_versions(seed, tmp_path):
    path = tmp_path / "court.txt"
    path.write_bytes(IMPORTED.encode())
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    article = Article.objects.get(headline="Ardavian court jails reporter")
    assert article.body.startswith("The court in Almaty sentenced the reporter on Monday.\n\n")
    _assert_first_versions(article, "Imported from court.txt")
    versions = Version.objects.count()
    # Importing the same file again adds no version: nothing new entered the archive.
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Version.objects.count() == versions


def test_the_admin_add_form_records_the_first_version(editor_client):
    url = reverse("admin:archive_article_add")
    data = change_form_data(editor_client.get(url))
    body = "First paragraph.\n\nSecond paragraph."
    data.update(
        headline="Added in the admin",
        slug="added-in-the-admin",
        body=as_browser_sends(body),
        published_on="2004-04-06",
        language="en",
        status="draft",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="added-in-the-admin")
    version = Version.objects.get_for_object(article).get()
    assert version.field_dict["body"] == body
    assert version.revision.user.username == "edna"


def _serialized(obj) -> dict:
    (document,) = json.loads(serializers.serialize("json", [obj]))
    return document


def _versions_equal_the_serializer(model):
    objects = list(model.objects.order_by("pk"))
    assert objects
    by_id = {
        v.object_id: v for v in Version.objects.get_for_model(model).select_related("revision")
    }
    assert len(by_id) == len(objects)
    for obj in objects:
        version = by_id[str(obj.pk)]
        (stored,) = json.loads(version.serialized_data)
        expected = _serialized(obj)
        if model is Quote:  # a many-to-many list's order is not the table's
            stored["fields"]["about"].sort()
            expected["fields"]["about"].sort()
        assert stored == expected, (model.__name__, obj.pk)
        assert version.object_repr == str(obj)
    return by_id


@pytest.mark.parametrize("writer", [[], ["--orm"]], ids=["fast", "orm"])
def test_generate_corpus_records_one_revision_per_batch(db, writer, monkeypatch):
    # Entities are read back in slices (one prefetch for all the entities of a
    # 500,000-article corpus is too deep an expression for SQLite): slices of 3 here, so
    # the test crosses many of them and still finds a first version for every entity.
    from archive.corpus import versions

    monkeypatch.setattr(versions, "PREFETCH_SLICE", 3)
    call_command(
        "generate_corpus",
        "--articles=25",
        "--batch-size=10",
        "--seed=versions",
        "--skip-index",
        "--no-progress",
        *writer,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    comments = set(Revision.objects.values_list("comment", flat=True))
    assert {"Generated batch 1", "Generated batch 2", "Generated batch 3"} <= comments
    by_id = _versions_equal_the_serializer(Article)
    first = Article.objects.order_by("pk").first()
    assert by_id[str(first.pk)].revision.comment == "Generated batch 1"
    for model in (Quote, Mention):
        _versions_equal_the_serializer(model)
    _versions_equal_the_serializer(ArticleContributor)
    _versions_equal_the_serializer(TaggedQuote)
    for model in (Entity, Person, Alias):
        for obj in model.objects.all():
            _first(obj)
    # The first version restores the generated text after an edit.
    original = first.body
    first.body = "Edited away."
    first.save()
    _first(first).revert()
    first.refresh_from_db()
    assert first.body == original


def test_import_archive_records_the_first_versions(db, tmp_path):
    call_command("load_seed", stdout=io.StringIO())
    dump = tmp_path / "archive.jsonl"
    call_command(
        "export_archive", "--format=jsonl", str(dump), "--no-progress", stdout=io.StringIO()
    )
    exported = {
        (model, tuple(model.objects.order_by("pk").values_list("pk", flat=True)))
        for model in (Article, Quote, Mention, Person)
    }
    from tests.api.test_dump import wipe

    wipe()
    Revision.objects.all().delete()
    call_command("import_archive", str(dump), "--no-progress", "--skip-index", stdout=io.StringIO())
    assert exported == {
        (model, tuple(model.objects.order_by("pk").values_list("pk", flat=True)))
        for model in (Article, Quote, Mention, Person)
    }
    _assert_first_versions(Article.objects.get(), "Loaded from archive.jsonl")
    for model in (Entity, Alias, TaggedQuote, Quote, Mention):
        _versions_equal_the_serializer(model)
    for person in Person.objects.all():
        assert _first(person).field_dict["name"] == person.name
    assert Revision.objects.count() == 1
