"""The index follows the data: creating, editing and deleting articles, quotes, entities,
aliases, mentions and tags, on commit; and `rebuild_search_index` rebuilds it."""

import datetime as dt
from contextlib import contextmanager
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from archive.db import run_pending
from archive.models import (
    Alias,
    Article,
    ArticleStatus,
    Mention,
    Person,
    Quote,
    SearchEntry,
    SearchFacet,
    SearchName,
)
from archive.search import params, service
from archive.search.backends import filter_words


def found(text, **filters):
    return {(r.kind, r.path) for r in service.run(params.read({"q": text, **filters})).results}


@pytest.fixture
def commit():
    """Index what the block changed, as its commit would (changes made before the block, by
    fixtures, are indexed with it)."""

    @contextmanager
    def committed():
        yield
        run_pending()

    return committed


def test_creating_editing_and_deleting_an_article(commit, organization, place):
    with commit():
        article = Article.objects.create(
            headline="Zhaqiyanov moved to a prison colony",
            slug="zhaqiyanov-moved",
            body="The opposition leader was moved on Tuesday.",
            published_on=dt.date(2004, 5, 1),
            status=ArticleStatus.PUBLISHED,
        )
    assert ("article", article.get_absolute_url()) in found("Zhakiyanov")
    with commit():
        article.headline = "Opposition leader moved to a prison colony"
        article.save()
    assert found("Zhakiyanov") == set()
    assert ("article", article.get_absolute_url()) in found("colony")
    with commit():
        article.status = ArticleStatus.DRAFT
        article.save()
    assert found("colony") == set()
    with commit():
        article.status = ArticleStatus.PUBLISHED
        article.save()
    with commit():
        article.delete()
    assert found("colony") == set()
    assert not SearchEntry.objects.filter(kind="article").exists()


def test_nothing_is_indexed_when_the_transaction_rolls_back(commit, article):
    with commit():
        pass  # the fixture's article, committed
    before = SearchEntry.objects.count()
    with commit(), pytest.raises(RuntimeError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(headline="Never")
        article.headline = "Never saved"
        article.save()
        raise RuntimeError
    assert SearchEntry.objects.count() == before
    assert found("never") == set()


def test_quotes_tags_and_their_facets(commit, quote):
    with commit():
        quote.tags.add("accusation")
    path = f"{quote.article.get_absolute_url()}#quote-{quote.pk}"
    assert ("quote", path) in found("concerned", tag="accusation")
    facets = SearchFacet.objects.filter(facet="tag", key="accusation")
    assert {f.entry.kind for f in facets} == {"quote", "article"}
    with commit():
        quote.tags.remove("accusation")
    assert not SearchFacet.objects.filter(facet="tag", key="accusation").exists()
    with commit():
        quote.delete()
    assert found("concerned", kind="quote") == set()


def test_an_alias_reaches_the_person_and_the_articles_that_mention_them(commit, article, person):
    with commit():
        mention = Mention(article=article, entity=person)
        mention.anchor_to("spokeswoman")
        mention.save()
    assert ("article", article.get_absolute_url()) not in found("Sanen")
    with commit():
        Alias.objects.create(entity=person, name="Vanessa Sanen")
    assert {("person", person.get_absolute_url()), ("article", article.get_absolute_url())} <= (
        found("Sanen")
    )
    assert SearchName.objects.filter(entity=person, key="sanen").exists()
    with commit():
        mention.delete()
    assert ("article", article.get_absolute_url()) not in found("Sanen")


def test_renaming_a_person_updates_facet_labels_and_quotes(commit, quote, person):
    with commit():
        pass
    with commit():
        person.name = "Vanessa Saenen-Smith"
        person.save()
    labels = set(SearchFacet.objects.filter(key=str(person.pk)).values_list("label", flat=True))
    assert labels == {"Vanessa Saenen-Smith"}
    quote_entry = SearchEntry.objects.get(kind="quote", object_id=quote.pk)
    assert quote_entry.lead == "Vanessa Saenen-Smith"


def test_deleting_a_person_removes_them_from_the_index(commit, db):
    with commit():
        person = Person.objects.create(name="Sergei Duvanov", slug="sergei-duvanov")
        Alias.objects.create(entity=person, name="Sergey Duvanov")
    assert found("Sergey")
    with commit():
        person.delete()
    assert found("Sergey") == set()
    assert not SearchName.objects.exists()


def test_rebuild_search_index_matches_the_incremental_index(search_seed, capsys):
    def snapshot():
        entries = {
            (e.kind, e.object_id, e.title, e.lead, e.body, e.folded, e.filters, e.path)
            for e in SearchEntry.objects.all()
        }
        facets = set(
            SearchFacet.objects.values_list("entry__kind", "entry__object_id", "facet", "key")
        )
        names = set(SearchName.objects.values_list("entity_id", "key", "text"))
        return entries, facets, names

    incremental = snapshot()
    SearchEntry.objects.all().delete()
    assert found("Zhakiyanov") == set()
    call_command("rebuild_search_index")
    assert "Indexed 1 articles" in capsys.readouterr().out
    assert snapshot() == incremental
    assert ("article", search_seed.get_absolute_url()) in found("Zhakiyanov")
    assert Quote.objects.public().count() == SearchEntry.objects.filter(kind="quote").count()


def test_filter_tokens_agree_with_the_facets_and_with_the_migration_sql(search_seed):
    def stored():
        return dict(SearchEntry.objects.values_list("pk", "filters"))

    expected = {
        entry.pk: filter_words(
            entry.kind, entry.year, [(f.facet, f.key) for f in entry.facets.all()]
        )
        for entry in SearchEntry.objects.prefetch_related("facets")
    }
    assert any(" xt" in words and " xp" in words for words in expected.values())
    assert stored() == expected
    # Migration 0008 fills the column of an existing index in SQL: it must spell the same.
    migration = import_module("archive.migrations.0008_search_entry_filters")
    SearchEntry.objects.update(filters="")
    with connection.cursor() as cursor:
        cursor.execute(
            migration.SQLITE_FILL if connection.vendor == "sqlite" else migration.POSTGRES_FILL
        )
    assert stored() == expected


@pytest.mark.django_db(transaction=True)
def test_writes_to_another_database_are_indexed_there(seed):
    """The evaluation's scratch database (a second connection) keeps its own index; the
    default database's index is neither read nor written."""
    from archive.management.commands.evaluate_annotations import scratch_database

    default_entries = SearchEntry.objects.count()
    with scratch_database() as using:
        with transaction.atomic(using=using):
            article = Article.objects.using(using).create(
                headline="Zhaqiyanov moved to a scratch colony",
                slug="scratch-colony",
                published_on=dt.date(2004, 5, 1),
                body="A body about the colony.",
                status=ArticleStatus.PUBLISHED,
            )
        indexed = SearchEntry.objects.using(using).filter(kind="article", object_id=article.pk)
        assert list(indexed.values_list("title", flat=True)) == [article.headline]
        assert SearchName.objects.using(using).filter(text="Zhaqiyanov").exists()
    assert SearchEntry.objects.count() == default_entries
    assert not SearchEntry.objects.filter(title=article.headline).exists()
