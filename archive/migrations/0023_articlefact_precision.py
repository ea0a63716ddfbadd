"""ArticleFact keeps the article's date precision, and a year's articles dated only to the
year, a season or not at all are counted under month 0 ("month not known") instead of the
first month of their period, so that /articles/2002/01/ no longer lists an article of "2002"."""

from collections import Counter

from django.db import migrations, models

COARSE = ("season", "year", "unknown")


def backfill(apps, schema_editor):
    db = schema_editor.connection.alias
    Article = apps.get_model("archive", "Article")
    ArticleFact = apps.get_model("archive", "ArticleFact")
    MonthFigures = apps.get_model("archive", "MonthFigures")
    moved = Counter()
    coarse = Article.objects.using(db).exclude(published_precision="day")
    for pk, precision in coarse.values_list("pk", "published_precision").iterator():
        fact = ArticleFact.objects.using(db).filter(article_id=pk).first()
        if fact is None:  # not published
            continue
        fact.published_precision = precision
        fact.save(update_fields=["published_precision"])
        if precision in COARSE:
            moved[(fact.published_on.year, fact.published_on.month)] += 1
    for (year, month), n in moved.items():
        row = MonthFigures.objects.using(db).get(year=year, month=month)
        row.articles -= n
        if row.articles:
            row.save(update_fields=["articles"])
        else:
            row.delete()
        unknown, _ = MonthFigures.objects.using(db).get_or_create(
            year=year, month=0, defaults={"articles": 0}
        )
        unknown.articles += n
        unknown.save(update_fields=["articles"])


def restore(apps, schema_editor):
    db = schema_editor.connection.alias
    MonthFigures = apps.get_model("archive", "MonthFigures")
    for row in MonthFigures.objects.using(db).filter(month=0):
        # Back to the first month of the periods: January for a year or UNDATED, and for the
        # seasons their own first months, which only the facts know.
        ArticleFact = apps.get_model("archive", "ArticleFact")
        firsts = Counter(
            day.month
            for day in ArticleFact.objects.using(db)
            .filter(published_on__year=row.year)
            .exclude(published_precision__in=("day", "month"))
            .values_list("published_on", flat=True)
        )
        for month, n in firsts.items():
            figure, _ = MonthFigures.objects.using(db).get_or_create(
                year=row.year, month=month, defaults={"articles": 0}
            )
            figure.articles += n
            figure.save(update_fields=["articles"])
        row.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0022_article_date_precision"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlefact",
            name="published_precision",
            field=models.CharField(db_default="day", default="day", max_length=7),
        ),
        migrations.RunPython(backfill, restore),
    ]
