"""The whole public archive written out, and a JSON Lines dump read back into an empty one.

Writing reads every table in batches by key (iterator with chunk_size, prefetches per
chunk), so memory stays flat whatever the archive's size. Only what the public pages show is
written: published articles, confirmed and anchored quotes and mentions of them, their tags,
and the entities; a membership or entity source that points at a draft loses that pointer,
and a quote answering a hidden quote answers nothing.

The JSON Lines form is Django's serialization (`jsonl`), one object a line, with primary
keys kept so that every page address stays the same; `read_jsonl` loads it in one
transaction, checks every quote's and mention's selectors against its article, and writes
nothing if anything is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from taggit.models import Tag

from archive import history
from archive.api import annotations, popolo, tables
from archive.api.links import Links
from archive.models import (
    Alias,
    Article,
    ArticleContributor,
    ArticleStatus,
    Entity,
    EntityKind,
    EntityRedirect,
    EntitySource,
    Event,
    EventParticipant,
    Identifier,
    Membership,
    Mention,
    Organization,
    Person,
    Place,
    Quote,
    TaggedQuote,
)

CHUNK = 2000


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a dump keeps every microsecond, so that
    `updated_at` (and the ETags and feeds made from it) comes back the same."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat()
        return super().default(o)


Progress = Callable[[int], None]


class DumpInvalid(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems[:20]))


def public_querysets():
    """(label, queryset, fix) in loading order; `fix` takes a batch of objects and clears
    their pointers at hidden things, with one query per batch: memory stays bounded by the
    batch, not by the archive (no set of every public id is held)."""
    public_quotes = Quote.objects.public()
    published = Article.objects.published()

    def clear_hidden(field: str, visible):
        def fix(batch):
            pointed = {getattr(obj, field) for obj in batch} - {None}
            if not pointed:
                return
            shown = set(visible.filter(pk__in=pointed).values_list("pk", flat=True))
            for obj in batch:
                if getattr(obj, field) not in shown:
                    setattr(obj, field, None)

        return fix

    source_article_if_published = clear_hidden("source_article_id", published)
    answers_if_public = clear_hidden("answers_id", public_quotes)

    return [
        (
            "tags",
            Tag.objects.filter(
                pk__in=TaggedQuote.objects.filter(content_object__in=public_quotes).values("tag_id")
            ),
            None,
        ),
        ("entities", Entity.objects.all(), None),
        ("places", Place.objects.all(), None),
        ("organizations", Organization.objects.all(), None),
        ("people", Person.objects.all(), None),
        ("events", Event.objects.all(), None),
        ("aliases", Alias.objects.all(), None),
        ("identifiers", Identifier.objects.all(), None),
        ("redirects", EntityRedirect.objects.all(), None),
        ("event participants", EventParticipant.objects.all(), None),
        ("articles", published, None),
        ("contributors", ArticleContributor.objects.filter(article__in=published), None),
        (
            "entity sources",
            EntitySource.objects.exclude(
                article__isnull=False, article__status=ArticleStatus.DRAFT
            ),
            None,
        ),
        ("memberships", Membership.objects.all(), source_article_if_published),
        ("quotes", public_quotes.prefetch_related("about"), answers_if_public),
        ("quote tags", TaggedQuote.objects.filter(content_object__in=public_quotes), None),
        ("mentions", Mention.objects.public(), None),
    ]


def _batches(queryset, fix) -> Iterator[list]:
    """The queryset in key order, CHUNK objects at a time, each batch fixed."""
    batch = []
    for obj in queryset.order_by("pk").iterator(chunk_size=CHUNK):
        batch.append(obj)
        if len(batch) == CHUNK:
            if fix is not None:
                fix(batch)
            yield batch
            batch = []
    if batch:
        if fix is not None:
            fix(batch)
        yield batch


def count() -> int:
    return sum(qs.count() for _, qs, _ in public_querysets())


def write_jsonl(out, progress: Progress = lambda n: None) -> int:
    """The public archive as Django JSON Lines; returns the number of objects."""
    serializer = serializers.get_serializer("jsonl")()
    written = 0
    for _label, queryset, fix in public_querysets():
        for batch in _batches(queryset, fix):
            serializer.serialize(batch, stream=out, cls=ExactEncoder)
            written += len(batch)
            progress(len(batch))
    return written


def write_csv(folder: Path, links: Links, progress: Progress = lambda n: None) -> list[Path]:
    """quotes.csv and one CSV per entity kind, without a byte order mark (for programs)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    targets = [("quotes", None)] + [
        ("people", EntityKind.PERSON),
        ("organizations", EntityKind.ORGANIZATION),
        ("places", EntityKind.PLACE),
        ("events", EntityKind.EVENT),
    ]
    for name, kind in targets:
        path = folder / f"{name}.csv"
        if kind is None:
            chunks = tables.quotes_csv(links)
        else:
            chunks = tables.entities_csv(links, kind, Entity.objects.filter(kind=kind))
        with open(path, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
                progress(chunk.count("\n"))
        written.append(path)
    return written


def write_popolo(out, links: Links, progress: Progress = lambda n: None) -> None:
    for chunk in popolo.stream(links):
        out.write(chunk)
        progress(chunk.count('"id":'))


def write_annotations(out, links: Links, progress: Progress = lambda n: None) -> int:
    """Every public quote and mention as one W3C AnnotationCollection with one page."""
    total = Quote.objects.public().count() + Mention.objects.public().count()
    head = {
        "@context": [annotations.CONTEXT, annotations.LDP_CONTEXT],
        "id": links.api + "annotations/",
        "type": ["BasicContainer", "AnnotationCollection"],
        "label": "Every public quote and mention in the archive",
        "total": total,
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1])
    out.write(', "first": {"type": "AnnotationPage", "startIndex": 0, "items": [')
    first = True
    sources = [
        (Quote.objects.public(), annotations.QUOTE_FIELDS, annotations.quote_annotations),
        (Mention.objects.public(), annotations.MENTION_FIELDS, annotations.mention_annotations),
    ]
    for queryset, fields, build in sources:
        for batch in tables.batches(queryset, fields, tables.ID_ORDER):
            items = build(links, batch, context=False)
            text = ",".join(json.dumps(a, ensure_ascii=False) for a in items)
            out.write(("" if first else ",") + text)
            first = False
            progress(len(items))
    out.write("]}}\n")
    return total


# ---------------------------------------------------------------- reading a dump back


def archive_is_empty() -> bool:
    return not (Article.objects.exists() or Entity.objects.exists())


def read_jsonl(path: Path, progress: Progress = lambda n: None) -> int:
    """Load a JSON Lines dump into an empty archive, all or nothing."""
    if not archive_is_empty():
        raise DumpInvalid(["The archive is not empty; a dump loads only into an empty one."])
    models, loaded = set(), 0
    anchors: dict[type, list] = {Quote: [], Mention: []}
    with transaction.atomic():
        with open(path, encoding="utf-8") as stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    for obj in serializers.deserialize("jsonl", [line]):
                        obj.save()
                        models.add(type(obj.object))
                        if type(obj.object) in anchors:
                            anchors[type(obj.object)].append(obj.object.pk)
                        loaded += 1
                except (serializers.base.DeserializationError, ValueError) as error:
                    raise DumpInvalid([f"line {number}: {error}"]) from None
                if number % CHUNK == 0:
                    progress(CHUNK)
        problems = []
        for model, pks in anchors.items():
            for start in range(0, len(pks), CHUNK):
                chunk = model.objects.filter(pk__in=pks[start : start + CHUNK]).select_related(
                    "article"
                )
                for obj in chunk:
                    text = obj.article.text_of(obj.part)
                    if text[obj.start : obj.end] != obj.exact:
                        problems.append(
                            f"{model._meta.verbose_name} {obj.pk}: its positions do not point "
                            "at its exact text"
                        )
        if problems:
            raise DumpInvalid(problems)
        history.record_all(f"Loaded from {path.name}")  # every object's first version
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return loaded
