"""Store every article's text in its normal form (archive/normalizing.py), moving the quotes
and mentions anchored in it to the same words.

Articles saved from the admin before the text fields normalized their input hold CRLF line
breaks (and sometimes trailing spaces); their annotations' offsets count those characters.
Each annotation's offsets follow the offset map of the normalization, and its selectors are
rebuilt from the new text. One whose words were only whitespace, or which would now share
its place with another mention of the same entity, is marked orphaned (never deleted).
"""

from django.db import migrations

from archive.normalizing import normalize_with_map

PARTS = {"headline": False, "standfirst": True, "body": True}
CONTEXT = 32  # archive.anchoring.CONTEXT_CHARS when this was written


def repair(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    Quote = apps.get_model("archive", "Quote")
    Mention = apps.get_model("archive", "Mention")
    db = schema_editor.connection.alias
    fields = [*PARTS, "pull_quote"]
    for article in Article.objects.using(db).only("pk", *fields).iterator():
        texts, maps = {}, {}
        for name in fields:
            old = getattr(article, name)
            new, mapping = normalize_with_map(old, PARTS.get(name, True))
            if new != old:
                setattr(article, name, new)
                texts[name], maps[name] = new, mapping
        if not texts:
            continue
        Article.objects.using(db).filter(pk=article.pk).update(
            **{name: getattr(article, name) for name in texts}
        )
        for model in (Quote, Mention):
            taken = set()
            rows = list(
                model.objects.using(db)
                .filter(article_id=article.pk, part__in=list(texts))
                .order_by("orphaned", "start", "pk")
            )
            for annotation in rows:
                _move(annotation, texts[annotation.part], maps[annotation.part], taken)
            # Orphan first (orphans are outside the mentions' uniqueness), then write all.
            ids = [a.pk for a in rows]
            model.objects.using(db).filter(pk__in=ids).update(orphaned=True)
            for annotation in rows:
                annotation.save(
                    update_fields=["exact", "prefix", "suffix", "start", "end", "orphaned"]
                )


def _move(annotation, text, mapping, taken):
    if annotation.orphaned:
        # Lost before: its words are the editor's record of what it was; keep them.
        annotation.exact = annotation.exact.replace("\r\n", "\n").replace("\r", "\n")
        return
    start = mapping[min(annotation.start, len(mapping) - 1)]
    end = mapping[min(annotation.end, len(mapping) - 1)]
    key = (annotation.part, start, end, getattr(annotation, "entity_id", annotation.pk))
    if end <= start or key in taken:
        annotation.orphaned = True
        return
    taken.add(key)
    annotation.start, annotation.end = start, end
    annotation.exact = text[start:end]
    annotation.prefix = text[max(0, start - CONTEXT) : start]
    annotation.suffix = text[end : end + CONTEXT]


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0013_article_text_normal_form"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
