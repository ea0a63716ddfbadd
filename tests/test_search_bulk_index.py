"""The fast rebuild (plain SQL reads, COPY / executemany, indexes set aside) builds exactly
the index the row-by-row rebuild builds: every entry, facet, name key and full-text row."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from archive.models import (
    Alias,
    Article,
    Mention,
    Person,
    Quote,
    SearchEntry,
    SearchFacet,
    SearchName,
)
from archive.search import bulk_index, params, service
from archive.search.indexing import capitalised_keys


def index_snapshot():
    """The whole index by what it describes, not by its own ids."""
    entries = sorted(
        # Every column the fast path writes but the entry's own id.
        SearchEntry.objects.values_list(*bulk_index.ENTRY_COLUMNS[1:])
    )
    facets = sorted(
        SearchFacet.objects.values_list("entry__kind", "entry__object_id", "facet", "key", "label")
    )
    names = sorted(SearchName.objects.values_list("entity_id", "key", "text", "name", "canonical"))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT kind, object_id, vector::text FROM archive_searchentry")
            text_index = sorted(cursor.fetchall())
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
                "('archive_searchentry', 'archive_searchfacet', 'archive_searchname')"
            )
            schema = sorted(cursor.fetchall())
        else:
            # What FTS5 holds: each indexed row's tokens per column (fts5vocab over the index).
            cursor.execute(
                "CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, archive_search_fts,"
                " 'instance')"
            )
            cursor.execute(
                "SELECT e.kind, e.object_id, v.term, v.col, v.offset FROM temp.search_vocab v "
                "JOIN archive_searchentry e ON e.id = v.doc"
            )
            text_index = sorted(cursor.fetchall())
            cursor.execute("DROP TABLE temp.search_vocab")
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name LIKE 'archive_search%'"
            )
            schema = sorted(cursor.fetchall(), key=repr)
    return {
        "entries": entries,
        "facets": facets,
        "names": names,
        "text": text_index,
        "schema": schema,
    }


def rebuild(*flags):
    out = StringIO()
    call_command("rebuild_search_index", *flags, stdout=out, stderr=StringIO())
    return out.getvalue()


def assert_same_index():
    rebuild("--row-by-row")
    reference = index_snapshot()
    assert reference["entries"] and reference["text"]
    assert "Indexed" in rebuild()
    fast = index_snapshot()
    for part in reference:
        assert fast[part] == reference[part], part


@pytest.mark.django_db
def test_the_fast_rebuild_equals_the_row_by_row_one_on_a_generated_corpus():
    call_command(
        "generate_corpus",
        "--articles=120",
        "--seed=index",
        "--skip-index",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    # Cases the generator does not make: an orphaned mention, an unpublished article's quote,
    # a Cyrillic name with an alias, a speaker who is also what the quote is about.
    Mention.objects.filter(pk__in=Mention.objects.values("pk")[:5]).update(orphaned=True)
    Article.objects.filter(pk=3).update(status="draft")
    person = Person.objects.create(name="Ёлкин Жанат", slug="yolkin")
    Alias.objects.create(entity=person, name="Yolkin Zhanat", kind="transliteration")
    quote = Quote.objects.filter(article__status="published", status="confirmed").first()
    quote.about.add(quote.speaker, person)
    assert_same_index()
    assert SearchEntry.objects.filter(kind="quote").count() == Quote.objects.public().count()


def test_the_fast_rebuild_equals_the_row_by_row_one_on_the_seed(search_seed):
    assert_same_index()
    hits = service.run(params.read({"q": "Zhakiyanov"})).results
    assert ("article", search_seed.get_absolute_url()) in {(r.kind, r.path) for r in hits}


def test_folding_word_by_word_equals_folding_the_whole_text():
    text = (
        "Галымжан Жакиянов met Nazarbayev, «Ақорда» PASSY-Khan’s Ølberg and Zhaqiyanov x2 "
        "x_Yz _Abc 2Abc école ÉCOLE naïve Ñu a·B “Quoted” ёлка"
    )
    assert bulk_index.Folder().keys(text, "Ürümqi") == capitalised_keys(text, "Ürümqi")


def test_article_paths_are_the_ones_reverse_gives(search_seed):
    url = bulk_index.article_url()
    assert url(search_seed.published_on, search_seed.slug) == search_seed.get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_the_rows_built_in_worker_processes_are_the_same():
    """Workers need committed rows and a database they can open (on SQLite's in-memory test
    database the rows are built in-process; the next test runs them on a file)."""
    call_command(
        "generate_corpus",
        "--articles=80",
        "--seed=workers",
        "--skip-index",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    rebuild("--row-by-row")
    reference = index_snapshot()
    rebuild("--workers=2")
    assert index_snapshot() == reference


SNAPSHOT = (
    "import hashlib; from tests.test_search_bulk_index import index_snapshot; "
    "print(hashlib.sha256(repr(index_snapshot()).encode()).hexdigest())"
)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite on a file")
def test_workers_on_a_sqlite_file(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "archive.sqlite3"), "SECRET_KEY": "x"}
    env.pop("DATABASE_URL", None)

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "-v0")
    manage("generate_corpus", "--articles=60", "--seed=file", "--skip-index", "--no-progress")
    manage("rebuild_search_index", "--row-by-row", "--no-progress")
    reference = manage("shell", "-c", SNAPSHOT)
    manage("rebuild_search_index", "--workers=2", "--no-progress")
    assert manage("shell", "-c", SNAPSHOT) == reference
    assert len(reference.split()[-1]) == 64  # the digest (after the shell's own line)
