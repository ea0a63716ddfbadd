"""First versions of generated rows, written in bulk: one history entry per batch.

A generated article enters the archive like any other and gets its first version (issue 10,
item 5), so "revert to the first version" can restore its generated text. Each batch of
articles becomes one django-reversion Revision, commented "Generated batch N", holding one
Version row per article, contributor, quote, quote tag and mention of the batch.

The Version rows hold exactly the JSON document `django.core.serializers` writes for each
object (tests compare them), but it is put together here from the row tuples the fast writer
already has, and written through the same bulk path as the rows themselves: serializing some
200,000 model instances one by one would cost more than generating them.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS
from reversion.models import Revision, Version

from archive import history
from archive.corpus import bulk
from archive.models import (
    Article,
    ArticleContributor,
    Entity,
    Event,
    Membership,
    Mention,
    Organization,
    Person,
    Place,
    Quote,
    TaggedQuote,
)

VERSION_COLUMNS = (
    "revision_id",
    "object_id",
    "content_type_id",
    "db",
    "format",
    "serialized_data",
    "object_repr",
)


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


class Serialized:
    """Django's JSON serialization of one model's rows, given as tuples of `given` columns
    (attnames, the primary key first); every other column holds its default, as written by
    bulk.Table with the same `now`."""

    def __init__(self, model, given: tuple[str, ...], now):
        opts = model._meta
        by_attname = {f.attname: f for f in opts.concrete_fields}
        self.names = [by_attname[a].name for a in given[1:]]
        defaults = {}
        for field in opts.concrete_fields:
            if field.primary_key or field.attname in given:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                defaults[field.name] = now
            else:
                defaults[field.name] = field.get_default()
        tail = _dumps(defaults)[1:-1]
        self.tail = f", {tail}" if tail else ""
        self.head = '[{"model": "' + opts.label_lower + '", "pk": %d, "fields": {'
        # As django-reversion looks it up (proxy models keep their own content type).
        self.content_type_id = (
            ContentType.objects.db_manager(DEFAULT_DB_ALIAS)
            .get_for_model(model, for_concrete_model=False)
            .pk
        )

    def document(self, row: tuple, **extra) -> str:
        fields = dict(zip(self.names, row[1:], strict=True))
        fields.update(extra)
        return f"{self.head % row[0]}{_dumps(fields)[1:-1]}{self.tail}}}}}]"


class BatchHistory:
    """Writes the Revision and Version rows of each batch the fast writer stores."""

    def __init__(self, tables: dict[str, tuple[type, tuple[str, ...]]], names: dict, now):
        self.kinds = {key: Serialized(model, given, now) for key, (model, given) in tables.items()}
        self.now = now
        self.names = names  # entity id -> name, tag id -> name: for the versions' labels
        self.table = bulk.Table.of(Version, VERSION_COLUMNS)
        self.number = Revision.objects.filter(comment__startswith="Generated batch ").count()

    def write(self, written: dict[str, list[tuple]], about: dict[int, list[int]]) -> None:
        """`written`: the rows stored, by table key (ids first); `about`: quote id -> the
        ids of the entities it is about (an automatic many-to-many, serialized in the quote)."""
        self.number += 1
        revision = Revision.objects.create(
            date_created=self.now, comment=f"Generated batch {self.number}"
        )
        self.revision_id = revision.pk
        bulk.load(self.table, self._versions(written, about))

    def _row(self, key: str, pk: int, document: str, label: str) -> tuple:
        kind = self.kinds[key]
        return (self.revision_id, str(pk), kind.content_type_id, "default", "json", document, label)

    def _versions(self, written, about):
        names, kinds = self.names, self.kinds
        for row in written["articles"]:
            # Labels are the models' own __str__, on the values at hand (no query).
            label = Article.__str__(SimpleNamespace(headline=row[1]))
            yield self._row("articles", row[0], kinds["articles"].document(row), label)
        for row in written["contributors"]:
            label = str(ArticleContributor(entity=Entity(name=names.get(row[2], ""))))
            yield self._row("contributors", row[0], kinds["contributors"].document(row), label)
        quote_labels = {}
        for row in written["quotes"]:
            speaker = row[8]
            quote = SimpleNamespace(
                exact=row[3],
                mode=row[10],
                speaker_id=speaker,
                speaker=SimpleNamespace(name=names.get(speaker)),
            )
            label = quote_labels[row[0]] = Quote.__str__(quote)
            document = kinds["quotes"].document(row, about=about.get(row[0], []))
            yield self._row("quotes", row[0], document, label)
        for row in written["tags"]:
            tag = names[("tag", row[2])]
            tagged = SimpleNamespace(content_object=quote_labels[row[1]], tag=tag)
            label = TaggedQuote.__str__(tagged)
            yield self._row("tags", row[0], kinds["tags"].document(row), label)
        for row in written["mentions"]:
            label = Mention.__str__(SimpleNamespace(exact=row[3], entity=names.get(row[8], "")))
            yield self._row("mentions", row[0], kinds["mentions"].document(row), label)


def entity_names(cast) -> dict:
    """Entity id -> name and ("tag", id) -> name, for the versions' labels."""
    names = {("tag", tag.pk): tag.name for tag in cast.tags}
    for group in ("countries", "cities", "orgs", "news_orgs", "people", "journalists", "events"):
        names.update((draft.pk, draft.name) for draft in getattr(cast, group))
    return names


PREFETCH_SLICE = 500


def record_cast(cast, after_entity: int) -> None:
    """The first versions of the generated entities (and their aliases, memberships and
    event roles) above id `after_entity`, as one revision. They are few next to the
    articles, so reversion's own serializer writes them, with what it follows prefetched."""

    objects = []
    for model in (Person, Organization, Place, Event):
        related = ["aliases", "identifiers", "sources"]
        related += ["roles__entity"] if model is Event else []
        ids = list(
            model.objects.filter(pk__gt=after_entity).order_by("pk").values_list("pk", flat=True)
        )
        # In slices: a prefetch for tens of thousands of entities at once is one SQL
        # expression too deep for SQLite ("Expression tree is too large").
        for start in range(0, len(ids), PREFETCH_SLICE):
            chunk = ids[start : start + PREFETCH_SLICE]
            objects.extend(
                model.objects.filter(pk__in=chunk).order_by("pk").prefetch_related(*related)
            )
    memberships = Membership.objects.filter(person_id__gt=after_entity)
    objects.extend(memberships.select_related("person", "organization"))
    objects.extend(cast.tags)
    history.record(objects, comment="Generated entities")
