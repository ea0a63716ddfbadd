"""SearchEntry.filters: the kind, year and facet values of an entry as words, so that on
SQLite narrowing a search is part of the full-text query (an AND of doclists) rather than a
lookup of every matched row. The FTS5 table gains a fifth column, `filters`, and its
triggers copy it; the column is filled here in SQL that spells what
archive.search.backends.filter_words does in Python (the tests check they agree), and the
FTS5 table is rebuilt from its content table once. On PostgreSQL the tokens get a GIN
index of their own (archive_search_filters_idx), which the planner ANDs with the text's.

The column is added with ALTER TABLE ADD COLUMN … DEFAULT '' (Django would copy the whole
table on SQLite to add a NOT NULL column), so the migration takes about a minute at 100,000
articles on SQLite, most of it the FTS5 rebuild.
"""

from django.db import migrations, models

# A migration keeps its own copy of the SQL it runs, so later edits elsewhere cannot change it.
FILTERS_INDEX = (
    "CREATE INDEX archive_search_filters_idx ON archive_searchentry"
    " USING GIN (to_tsvector('simple'::regconfig, filters))"
)

ADD_COLUMN = "ALTER TABLE archive_searchentry ADD COLUMN filters text NOT NULL DEFAULT ''"
DROP_COLUMN = "ALTER TABLE archive_searchentry DROP COLUMN filters"

SQLITE_FILL = """
    UPDATE archive_searchentry SET filters =
        'xk' || kind || '0'
        || CASE WHEN year IS NULL THEN '' ELSE ' xy' || year || '0' END
        || COALESCE((
            SELECT group_concat(token, '') FROM (
                SELECT ' x' || substr(f.facet, 1, 1) || lower(hex(f.key)) || '0' AS token
                FROM archive_searchfacet f WHERE f.entry_id = archive_searchentry.id
                ORDER BY f.facet, f.key
            )
        ), '')
"""
POSTGRES_FILL = """
    UPDATE archive_searchentry e SET filters =
        'xk' || e.kind || '0'
        || CASE WHEN e.year IS NULL THEN '' ELSE ' xy' || e.year || '0' END
        || COALESCE((
            SELECT string_agg(
                ' x' || left(f.facet, 1) || encode(convert_to(f.key, 'UTF8'), 'hex') || '0', ''
                ORDER BY f.facet COLLATE "C", f.key COLLATE "C"
            )
            FROM archive_searchfacet f WHERE f.entry_id = e.id
        ), '')
"""

FTS_TRIGGERS = (
    "archive_search_fts_insert",
    "archive_search_fts_delete",
    "archive_search_fts_update",
)


def _fts(columns: str) -> list[str]:
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    return [
        f"""CREATE VIRTUAL TABLE archive_search_fts USING fts5(
            {columns},
            content='archive_searchentry', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        f"""CREATE TRIGGER archive_search_fts_insert AFTER INSERT ON archive_searchentry BEGIN
            INSERT INTO archive_search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER archive_search_fts_delete AFTER DELETE ON archive_searchentry BEGIN
            INSERT INTO archive_search_fts(archive_search_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER archive_search_fts_update AFTER UPDATE ON archive_searchentry BEGIN
            INSERT INTO archive_search_fts(archive_search_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
            INSERT INTO archive_search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        "INSERT INTO archive_search_fts(archive_search_fts) VALUES ('rebuild')",
    ]


def _drop_fts() -> list[str]:
    return [f"DROP TRIGGER {name}" for name in FTS_TRIGGERS] + ["DROP TABLE archive_search_fts"]


FORWARD = {
    "sqlite": [*_drop_fts(), ADD_COLUMN, SQLITE_FILL, *_fts("title, lead, body, folded, filters")],
    # The text's GIN index is set aside while every row is rewritten, then built once.
    "postgresql": [
        "DROP INDEX archive_search_vector_idx",
        ADD_COLUMN,
        POSTGRES_FILL,
        "CREATE INDEX archive_search_vector_idx ON archive_searchentry USING GIN (vector)",
        FILTERS_INDEX,
    ],
}
BACKWARD = {
    "sqlite": [*_drop_fts(), DROP_COLUMN, *_fts("title, lead, body, folded")],
    "postgresql": ["DROP INDEX archive_search_filters_idx", DROP_COLUMN],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0007_search_facet_entry_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(_run(FORWARD), _run(BACKWARD))],
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="filters",
                    field=models.TextField(
                        blank=True,
                        default="",
                        help_text="Filter tokens (kind, year, facet keys) that the full-text "
                        "index also holds, so that narrowing is a full-text AND "
                        "(archive.search.backends.filter_words).",
                    ),
                )
            ],
        ),
    ]
