"""The full-text machinery of the search index, for whichever database is in use.

SQLite: an FTS5 table over SearchEntry's text columns (external content, so the text is
stored once) kept in step by triggers, and a trigram FTS5 table over SearchName keys for
"did you mean". PostgreSQL: a stored generated tsvector with weights A–D and its GIN index,
and pg_trgm with a trigram GIN index over SearchName keys.

Note: Django rebuilds a SQLite table to alter it, which drops its triggers; a later migration
that alters archive_searchentry or archive_searchname must re-run SQLITE_FORWARD's triggers.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE archive_search_fts USING fts5(
        title, lead, body, folded,
        content='archive_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER archive_search_fts_insert AFTER INSERT ON archive_searchentry BEGIN
        INSERT INTO archive_search_fts(rowid, title, lead, body, folded)
        VALUES (new.id, new.title, new.lead, new.body, new.folded);
    END""",
    """CREATE TRIGGER archive_search_fts_delete AFTER DELETE ON archive_searchentry BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, title, lead, body, folded)
        VALUES ('delete', old.id, old.title, old.lead, old.body, old.folded);
    END""",
    """CREATE TRIGGER archive_search_fts_update AFTER UPDATE ON archive_searchentry BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, title, lead, body, folded)
        VALUES ('delete', old.id, old.title, old.lead, old.body, old.folded);
        INSERT INTO archive_search_fts(rowid, title, lead, body, folded)
        VALUES (new.id, new.title, new.lead, new.body, new.folded);
    END""",
    """CREATE VIRTUAL TABLE archive_search_name_trigram USING fts5(
        key, content='archive_searchname', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE TRIGGER archive_search_name_insert AFTER INSERT ON archive_searchname BEGIN
        INSERT INTO archive_search_name_trigram(rowid, key) VALUES (new.id, new.key);
    END""",
    """CREATE TRIGGER archive_search_name_delete AFTER DELETE ON archive_searchname BEGIN
        INSERT INTO archive_search_name_trigram(archive_search_name_trigram, rowid, key)
        VALUES ('delete', old.id, old.key);
    END""",
    """CREATE TRIGGER archive_search_name_update AFTER UPDATE ON archive_searchname BEGIN
        INSERT INTO archive_search_name_trigram(archive_search_name_trigram, rowid, key)
        VALUES ('delete', old.id, old.key);
        INSERT INTO archive_search_name_trigram(rowid, key) VALUES (new.id, new.key);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER archive_search_name_update",
    "DROP TRIGGER archive_search_name_delete",
    "DROP TRIGGER archive_search_name_insert",
    "DROP TABLE archive_search_name_trigram",
    "DROP TRIGGER archive_search_fts_update",
    "DROP TRIGGER archive_search_fts_delete",
    "DROP TRIGGER archive_search_fts_insert",
    "DROP TABLE archive_search_fts",
]

# Headline (A) above standfirst (B) above body (C); folded name keys (D) in the 'simple'
# configuration, because they are keys, not English words to stem.
POSTGRES_FORWARD = [
    """ALTER TABLE archive_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, lead), 'B')
        || setweight(to_tsvector('english'::regconfig, body), 'C')
        || setweight(to_tsvector('simple'::regconfig, folded), 'D')
    ) STORED""",
    # The search itself: WHERE vector @@ query.
    "CREATE INDEX archive_search_vector_idx ON archive_searchentry USING GIN (vector)",
    # "Did you mean": WHERE key % %s (trigram similarity).
    "CREATE INDEX archive_search_name_trgm_idx ON archive_searchname USING GIN (key gin_trgm_ops)",
    # Autocomplete: WHERE key LIKE 'prefix%' (the default collation's index cannot serve LIKE).
    "CREATE INDEX archive_search_name_prefix_idx ON archive_searchname (key varchar_pattern_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX archive_search_name_prefix_idx",
    "DROP INDEX archive_search_name_trgm_idx",
    "DROP INDEX archive_search_vector_idx",
    "ALTER TABLE archive_searchentry DROP COLUMN vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_search_index"),
    ]

    operations = [
        # CreateExtension does nothing on databases other than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
