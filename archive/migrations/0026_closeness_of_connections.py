"""How closely two entities named in the same articles are linked, stored beside the
articles they share (CoMention): the quotes linking them, the paragraphs naming both and how
often the other is named there, from a new fact table of the paragraphs each entity is named
in (EntityParagraph). The backfill reads the public mentions of the published articles in
batches, then recomputes CoMention from the facts with the statement rebuild_summaries uses
(a copy: the code may change, this migration must not), so an archive needs no rebuild."""

from collections import Counter

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def fill_paragraphs(apps, schema_editor):
    db = schema_editor.connection.alias
    Article = apps.get_model("archive", "Article")
    Mention = apps.get_model("archive", "Mention")
    EntityParagraph = apps.get_model("archive", "EntityParagraph")
    ids = list(
        Article.objects.using(db)
        .filter(status="published")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        bodies = dict(Article.objects.using(db).filter(pk__in=chunk).values_list("pk", "body"))
        counts = Counter()
        for entity, article, part, start in (
            Mention.objects.using(db)
            .filter(article_id__in=chunk, status="confirmed", orphaned=False)
            .values_list("entity_id", "article_id", "part", "start")
        ):
            if part == "body":
                paragraph = bodies[article].count("\n\n", 0, start)
            else:
                paragraph = {"headline": -2, "standfirst": -1}.get(part, -3)
            counts[(entity, article, paragraph)] += 1
        EntityParagraph.objects.using(db).bulk_create(
            [
                EntityParagraph(entity_id=e, article_id=a, paragraph=p, mentions=n)
                for (e, a, p), n in counts.items()
            ],
            batch_size=1000,
        )


LINKS = (
    "SELECT quote_id, speaker_id, entity_id AS other_id FROM archive_quoteaboutfact "
    "WHERE speaker_id IS NOT NULL "
    "UNION SELECT quote_id, speaker_id, said_to_id FROM archive_quotefact "
    "WHERE speaker_id IS NOT NULL AND said_to_id IS NOT NULL "
    "UNION SELECT quote_id, speaker_id, replied_to_id FROM archive_quotefact "
    "WHERE speaker_id IS NOT NULL AND replied_to_id IS NOT NULL"
)
REFILL = [
    "DELETE FROM archive_comention",
    "INSERT INTO archive_comention (entity_id, other_id, other_kind, together, quotes, "
    "quotes_by, paragraphs, mentions) "
    "SELECT x.entity_id, x.other_id, e.kind, SUM(x.together), SUM(x.quotes), "
    "SUM(x.quotes_by), SUM(x.paragraphs), SUM(x.mentions) FROM ("
    "SELECT a.entity_id, b.entity_id AS other_id, COUNT(*) AS together, 0 AS quotes, "
    "0 AS quotes_by, 0 AS paragraphs, 0 AS mentions "
    "FROM archive_entityarticle a JOIN archive_entityarticle b "
    "ON b.article_id = a.article_id AND b.entity_id <> a.entity_id "
    "GROUP BY a.entity_id, b.entity_id "
    "UNION ALL SELECT a.entity_id, b.entity_id, 0, 0, 0, COUNT(*), 0 "
    "FROM archive_entityparagraph a JOIN archive_entityparagraph b "
    "ON b.article_id = a.article_id "
    "AND b.paragraph = a.paragraph AND b.entity_id <> a.entity_id "
    "GROUP BY a.entity_id, b.entity_id "
    "UNION ALL SELECT a.entity_id, b.entity_id, 0, 0, 0, 0, SUM(b.mentions) "
    "FROM archive_entityarticle a JOIN archive_entityparagraph b "
    "ON b.article_id = a.article_id AND b.entity_id <> a.entity_id "
    "GROUP BY a.entity_id, b.entity_id "
    f"UNION ALL SELECT l.speaker_id, l.other_id, 0, COUNT(*), COUNT(*), 0, 0 FROM ({LINKS}) l "
    "WHERE l.speaker_id <> l.other_id GROUP BY l.speaker_id, l.other_id "
    f"UNION ALL SELECT l.other_id, l.speaker_id, 0, COUNT(*), 0, 0, 0 FROM ({LINKS}) l "
    "WHERE l.speaker_id <> l.other_id GROUP BY l.other_id, l.speaker_id"
    ") x JOIN archive_entity e ON e.id = x.other_id GROUP BY x.entity_id, x.other_id, e.kind",
]


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0025_search_entry_period"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntityParagraph",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("paragraph", models.IntegerField()),
                ("mentions", models.IntegerField()),
            ],
        ),
        migrations.RemoveIndex(
            model_name="comention",
            name="sumcm_rank_idx",
        ),
        migrations.AddField(
            model_name="comention",
            name="mentions",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="comention",
            name="paragraphs",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="comention",
            name="quotes",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="comention",
            name="quotes_by",
            field=models.IntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="comention",
            index=models.Index(
                fields=["entity", "-together", "-quotes", "-paragraphs", "-mentions"],
                name="sumcm_rank_idx",
            ),
        ),
        migrations.AddField(
            model_name="entityparagraph",
            name="article",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="archive.article",
            ),
        ),
        migrations.AddField(
            model_name="entityparagraph",
            name="entity",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="archive.entity",
            ),
        ),
        migrations.AddIndex(
            model_name="entityparagraph",
            index=models.Index(fields=["article"], name="sumep_article_idx"),
        ),
        migrations.AddConstraint(
            model_name="entityparagraph",
            constraint=models.UniqueConstraint(
                fields=("entity", "article", "paragraph"), name="sumep_unique"
            ),
        ),
        migrations.RunPython(fill_paragraphs, migrations.RunPython.noop),
        *(migrations.RunSQL(sql, migrations.RunSQL.noop) for sql in REFILL),
    ]
