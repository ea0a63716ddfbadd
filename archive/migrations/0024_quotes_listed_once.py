"""Each quote once on an entity's page: a reply that is also about the person it answers is
listed among the quotes about them, not again among the answers to them, and a quote said to
the person it answers among the answers, not again among the quotes said to them. The same
rule as archive.summaries.source_facts, in SQL over the stored facts (an answered speaker
is stored as replied_to), so an existing archive needs no rebuild_summaries."""

from django.db import migrations

STATEMENTS = [
    # Said to the person it answers: the answers list owns it.
    "UPDATE archive_quotefact SET said_to_id = NULL "
    "WHERE said_to_id IS NOT NULL AND said_to_id = replied_to_id",
    # Answering someone it is also about: the quotes-about list owns it.
    "UPDATE archive_quotefact SET replied_to_id = NULL "
    "WHERE replied_to_id IS NOT NULL AND EXISTS ("
    " SELECT 1 FROM archive_quoteaboutfact a"
    " WHERE a.quote_id = archive_quotefact.quote_id AND a.entity_id = archive_quotefact.replied_to_id)",
    "UPDATE archive_entityfigures SET "
    "replies = (SELECT COUNT(*) FROM archive_quotefact f"
    " WHERE f.replied_to_id = archive_entityfigures.entity_id), "
    "said_to = (SELECT COUNT(*) FROM archive_quotefact f"
    " WHERE f.said_to_id = archive_entityfigures.entity_id)",
    "DELETE FROM archive_entityfigures WHERE articles = 0 AND quotes_by = 0 AND quotes_about = 0"
    " AND replies = 0 AND answers = 0 AND datelined = 0 AND said_to = 0",
]


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0023_articlefact_precision"),
    ]

    operations = [migrations.RunSQL(sql, migrations.RunSQL.noop) for sql in STATEMENTS]
