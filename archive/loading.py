"""Load fixtures all-or-nothing, validating every object as an editor's form would."""

from __future__ import annotations

from pathlib import Path

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from archive.models.annotations import TextAnchor


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
            for obj in objects:
                obj.save(using=using)
            for obj in objects:
                if obj.deferred_fields:
                    obj.save_deferred_fields(using=using)
            loaded.extend(obj.object for obj in objects)
        problems = [p for obj in _reloaded(loaded, using) for p in _problems(obj)]
        if problems:
            raise FixtureInvalid(problems)
        models = {type(obj) for obj in loaded}
        connection = connections[using]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return len(loaded)


__all__ = ["FixtureInvalid", "load_fixtures"]
