"""Load fixtures all-or-nothing, validating every object as an editor's form would."""

from __future__ import annotations

from pathlib import Path

import reversion
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from archive import anchoring, history
from archive.models.annotations import TextAnchor
from archive.models.articles import Article
from archive.normalizing import normalize_with_map

TEXT_FIELDS = {"headline": False, "standfirst": True, "body": True, "pull_quote": True}


class FixtureInvalid(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _problems(obj) -> list[str]:
    label = f"{obj._meta.label} {obj.pk}"
    problems = []
    try:
        # Uniqueness and constraints are the database's job; it enforces them on save.
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            problems.extend(f"{label}: {field}: {m}" for m in messages)
    if isinstance(obj, TextAnchor) and not problems:
        text = obj.article.text_of(obj.part)
        if text[obj.start : obj.end] != obj.exact:
            problems.append(f"{label}: its positions do not point at its exact text")
    return problems


def normalize(objects) -> None:
    """Put the fixture's article texts in their normal form (archive/normalizing.py), moving
    the fixture's annotations on them to the same characters. Raw saves skip the fields' own
    normalizing, which would otherwise leave those offsets pointing at the old text."""
    maps = {}
    for obj in objects:
        article = obj.object
        if not isinstance(article, Article):
            continue
        for name, multiline in TEXT_FIELDS.items():
            old = getattr(article, name)
            if not isinstance(old, str):
                continue
            new, mapping = normalize_with_map(old, multiline)
            if new != old:
                setattr(article, name, new)
                maps[article.pk, name] = new, mapping
    if not maps:
        return
    for obj in objects:
        annotation = obj.object
        if not isinstance(annotation, TextAnchor):
            continue
        moved = maps.get((annotation.article_id, annotation.part))
        if moved is None or annotation.start is None or annotation.end is None:
            continue
        text, mapping = moved
        last = len(mapping) - 1
        start, end = mapping[min(annotation.start, last)], mapping[min(annotation.end, last)]
        if start < end:
            annotation.set_anchor(anchoring.describe(text, start, end))


def _reloaded(objects, using):
    """The saved rows as full instances: a deserialized child of a multi-table model carries
    only its own table's fields, and validation needs the parent's too."""
    pks_by_model: dict[type, list] = {}
    for obj in objects:
        pks_by_model.setdefault(type(obj), []).append(obj.pk)
    for model, pks in pks_by_model.items():
        queryset = model._default_manager.using(using)
        if issubclass(model, TextAnchor):
            queryset = queryset.select_related("article")
        yield from queryset.in_bulk(pks).values()


def load_fixtures(paths: list[Path], using: str = DEFAULT_DB_ALIAS) -> int:
    """Load JSON fixtures in one transaction; raise FixtureInvalid and write nothing if any
    object is invalid. Returns the number of objects loaded."""
    loaded = []
    with transaction.atomic(using=using):
        for path in paths:
            with open(path, encoding="utf-8") as stream:
                try:
                    objects = list(
                        serializers.deserialize(
                            "json", stream, using=using, handle_forward_references=True
                        )
                    )
                except serializers.base.DeserializationError as error:
                    raise FixtureInvalid([f"{path}: {error}"]) from None
            normalize(objects)
            for obj in objects:
                obj.save(using=using)
            for obj in objects:
                if obj.deferred_fields:
                    obj.save_deferred_fields(using=using)
            loaded.extend(obj.object for obj in objects)
        reloaded = list(_reloaded(loaded, using))
        problems = [p for obj in reloaded for p in _problems(obj)]
        if problems:
            raise FixtureInvalid(problems)
        # Their first versions, so what was loaded can always be restored (one revision).
        history.record(
            [obj for obj in reloaded if reversion.is_registered(type(obj))],
            comment="Loaded from " + ", ".join(Path(p).name for p in paths),
            using=using,
        )
        models = {type(obj) for obj in loaded}
        connection = connections[using]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return len(loaded)


__all__ = ["FixtureInvalid", "load_fixtures"]
