"""Quotes said to an entity, stored like the other summaries: a said_to column on the quote
facts (empty when the quote is also about them or was said by them, so their page lists it
once) and a count on the entity figures. The backfill is the same rule in SQL, so an
existing archive needs no rebuild_summaries."""

import django.db.models.deletion
from django.db import migrations, models

FILL_FACTS = """
UPDATE archive_quotefact SET said_to_id = (
    SELECT q.said_to_id FROM archive_quote q
    WHERE q.id = archive_quotefact.quote_id
      AND q.said_to_id IS NOT NULL
      AND (q.speaker_id IS NULL OR q.speaker_id <> q.said_to_id)
      AND NOT EXISTS (
          SELECT 1 FROM archive_quote_about a
          WHERE a.quote_id = q.id AND a.entity_id = q.said_to_id
      )
)
"""
FILL_FIGURES = """
UPDATE archive_entityfigures SET said_to = (
    SELECT COUNT(*) FROM archive_quotefact f WHERE f.said_to_id = archive_entityfigures.entity_id
)
"""
ADD_FIGURES = """
INSERT INTO archive_entityfigures
    (entity_id, articles, quotes_by, quotes_about, replies, answers, datelined, said_to)
SELECT f.said_to_id, 0, 0, 0, 0, 0, 0, COUNT(*) FROM archive_quotefact f
WHERE f.said_to_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM archive_entityfigures e WHERE e.entity_id = f.said_to_id)
GROUP BY f.said_to_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0019_http_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="entityfigures",
            name="said_to",
            field=models.IntegerField(default=0, help_text="Public quotes said to them."),
        ),
        migrations.AddField(
            model_name="quotefact",
            name="said_to",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="archive.entity",
            ),
        ),
        migrations.AddIndex(
            model_name="quotefact",
            index=models.Index(
                fields=["said_to", "-published_on", "article_id", "place"], name="sumq_said_to_idx"
            ),
        ),
        migrations.RunSQL(FILL_FACTS, migrations.RunSQL.noop),
        migrations.RunSQL(FILL_FIGURES, migrations.RunSQL.noop),
        migrations.RunSQL(ADD_FIGURES, migrations.RunSQL.noop),
    ]
