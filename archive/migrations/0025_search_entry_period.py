"""A search entry keeps the last day of the period its date stands for (an article of "2002",
its quotes, an event's span), so that results show "2002" rather than 1 January 2002 and a
date range finds what overlaps it. The row index that SQLite's search reads instead of the
rows (INDEXED BY search_entry_row_idx) carries it too."""

from django.db import migrations, models

from archive.dates import PartialDate, period_end


def backfill(apps, schema_editor):
    db = schema_editor.connection.alias
    Article = apps.get_model("archive", "Article")
    Quote = apps.get_model("archive", "Quote")
    Event = apps.get_model("archive", "Event")
    SearchEntry = apps.get_model("archive", "SearchEntry")
    entries = SearchEntry.objects.using(db)
    coarse = Article.objects.using(db).filter(published_precision__in=("month", "season", "year"))
    for pk, day, precision in coarse.values_list("pk", "published_on", "published_precision"):
        end = period_end(day, precision)
        entries.filter(kind="article", object_id=pk).update(date_end=end)
        quotes = list(Quote.objects.using(db).filter(article_id=pk).values_list("pk", flat=True))
        for i in range(0, len(quotes), 500):
            entries.filter(kind="quote", object_id__in=quotes[i : i + 500]).update(date_end=end)
    spans = Event.objects.using(db).exclude(start=None)
    spans = spans.exclude(start_precision="day", end=None).exclude(
        start_precision="day", end_precision="day", end=models.F("start")
    )
    for pk, start, start_precision, end, end_precision in spans.values_list(
        "pk", "start", "start_precision", "end", "end_precision"
    ).iterator():
        last = PartialDate(end, end_precision) if end else PartialDate(start, start_precision)
        if last.end != start:
            entries.filter(kind="event", object_id=pk).update(date_end=last.end)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0024_quotes_listed_once"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="searchentry",
            name="search_entry_row_idx",
        ),
        migrations.AddField(
            model_name="searchentry",
            name="date_end",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["id", "kind", "year", "date", "date_end"], name="search_entry_row_idx"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
