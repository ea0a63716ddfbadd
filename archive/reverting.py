"""Revert an object to one of its versions: always possible, never silent (issue 10, item 7).

django-reversion reverts a whole revision: every object saved with the version. A revision can
hold a whole batch (a load, a generated batch of 1,000 articles), so reverting one article
would revert its neighbours too. Here a revert restores the object's own version and, from the
same revision, the versions of what it follows (archive/history.py: a quote's tag rows, an
entity's aliases, an article's contributors) and, for an article, those of its quotes and
mentions, which stand on the text being restored. Rows the object follows that the version
did not have are deleted, as reversion does; quotes and mentions are never deleted.

The revert goes through the same rules as an edit:

* text: the restored article passes the text normalizing (archive/normalizing.py) with the
  restored annotations moved to the same characters, as the fixture loader does (an old
  version may hold CRLF), and saving it re-anchors the annotations the version did not hold
  (archive/reanchoring.py): each stays on its words or is orphaned;
* anchors: every restored quote or mention is checked against the restored text. One that
  stands on its words is kept; one whose words are not at its offsets is looked for with its
  whole stored context (reanchoring.recover) and otherwise orphaned. Nothing is moved to
  other words, and the orphans are reported with the reason, so the editor is told what
  could not be restored exactly instead of the revert being refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from reversion.models import Version
from reversion.revisions import _follow_relations_recursive, _get_options

from archive import loading, reanchoring
from archive.models import Article, Entity, Mention, Quote, TextPart
from archive.models.annotations import TextAnchor

ANNOTATIONS = (Quote, Mention)


@dataclass
class RevertReport:
    # (annotation, why it is orphaned), in the order found
    orphaned: list[tuple[TextAnchor, str]] = field(default_factory=list)
    recovered: list[TextAnchor] = field(default_factory=list)
    annotations: list[TextAnchor] = field(default_factory=list)  # the restored ones
    not_restored: list[tuple[TextAnchor, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        lines = [f"{_label(a)}: {why}" for a, why in (*self.orphaned, *self.not_restored)]
        if self.recovered:
            lines.append(
                f"{len(self.recovered)} annotation(s) found again at their own words: "
                + "; ".join(_label(a) for a in self.recovered)
            )
        return lines


def _label(annotation) -> str:
    return f"{annotation._meta.verbose_name} “{annotation.exact}”"


def _content_type(model) -> int:
    return ContentType.objects.get_for_model(model, for_concrete_model=False).pk


def _fields(version) -> dict:
    return json.loads(version.serialized_data)[0]["fields"]


def _pointing_at(model, pk) -> list[tuple[type, str]]:
    """(child model, its foreign key's name) for each one-to-many relation `model` follows
    in the history, and for an article its quotes and mentions."""
    found = []
    for name in _get_options(model).follow:
        relation = model._meta.get_field(name)
        if relation.one_to_many:
            found.append((relation.related_model, relation.field.name))
    if issubclass(model, Article):
        found.extend((annotation, "article") for annotation in ANNOTATIONS)
    return found


def scoped_versions(version) -> list[Version]:
    """The versions a revert to `version` restores, from its revision (see the module's note):
    the object's own, its parents' (multi-table inheritance), and recursively those of the
    rows that point at it through a followed relation."""
    revision_versions = version.revision.version_set.all()
    by_type: dict[type, list[tuple[Version, dict]]] = {}  # a batch's rows, read once

    def of_type(model):
        if model not in by_type:
            rows = revision_versions.filter(content_type_id=_content_type(model))
            by_type[model] = [(v, _fields(v)) for v in rows]
        return by_type[model]

    chosen = {version.pk: version}
    queue = [(version._model, version.object_id)]
    while queue:
        model, pk = queue.pop()
        for parent in model._meta.get_parent_list():
            parent_version = revision_versions.filter(
                content_type_id=_content_type(parent), object_id=str(pk)
            ).first()
            if parent_version is not None and parent_version.pk not in chosen:
                chosen[parent_version.pk] = parent_version
        for child, fk in _pointing_at(model, pk):
            for candidate, fields in of_type(child):
                if candidate.pk in chosen or fields.get(fk) != int(pk):
                    continue
                chosen[candidate.pk] = candidate
                queue.append((child, candidate.object_id))
    return list(chosen.values())


def _save_order(version) -> int:
    model = version._model
    if issubclass(model, ANNOTATIONS):
        return 3  # after the article, whose save re-anchors the others
    if model is Article or model is Entity:
        return 0
    return 1 if issubclass(model, Entity) else 2


def revert(version) -> RevertReport:
    """Restore `version` (see the module's note); the caller holds a transaction."""
    versions = sorted(scoped_versions(version), key=_save_order)
    restored = [v._object_version for v in versions]
    loading.normalize(restored)
    skipped = _taken_places(restored)
    restored = [d for d in restored if d.object not in skipped]
    keys = {(type(d.object), str(d.object.pk)) for d in restored}
    current = version._model._default_manager.filter(pk=version.object_id).first()
    annotations = [d.object for d in restored if isinstance(d.object, ANNOTATIONS)]
    # Out of the mentions' uniqueness while they are written back one by one (as _write in
    # reanchoring does); they get their stored orphaned flag with the rest of their row.
    for model in ANNOTATIONS:
        model.objects.filter(pk__in=[a.pk for a in annotations if isinstance(a, model)]).update(
            orphaned=True
        )
    for deserialized in restored:
        deserialized.save()
    if current is not None:
        _delete_rows_the_version_did_not_have(current, keys)
    report = check_anchors(annotations, version)
    report.not_restored = [
        (m, "deleted since, and the same words now hold another mention of the same entity")
        for m in skipped
    ]
    return report


def _taken_places(restored) -> list[Mention]:
    """Restored mentions deleted since whose place (part, offsets, entity) another mention
    now holds: a mention stands once on its words, so they are not brought back."""
    mentions = [d.object for d in restored if isinstance(d.object, Mention)]
    if not mentions:
        return []
    existing = set(
        Mention.objects.filter(pk__in=[m.pk for m in mentions]).values_list("pk", flat=True)
    )
    gone = [m for m in mentions if m.pk not in existing and not m.orphaned]
    if not gone:
        return []
    taken = set(
        Mention.objects.filter(
            article_id__in={m.article_id for m in gone}, orphaned=False
        ).values_list("article_id", "part", "start", "end", "entity_id")
    )
    return [m for m in gone if (m.article_id, m.part, m.start, m.end, m.entity_id) in taken]


def _delete_rows_the_version_did_not_have(current, keys) -> None:
    for obj in _follow_relations_recursive(current):
        if isinstance(obj, (*ANNOTATIONS, Article, Entity)):
            continue
        if (type(obj), str(obj.pk)) not in keys and type(obj)._default_manager.filter(
            pk=obj.pk
        ).exists():
            obj.delete()


def check_anchors(restored, version) -> RevertReport:
    """Every restored annotation on its words, found again by its context, or orphaned; for a
    reverted article, also those re-anchoring orphaned when its text was restored."""
    report = RevertReport(annotations=list(restored))
    rows = {(type(a), a.pk) for a in restored}
    if issubclass(version._model, Article):
        for model in ANNOTATIONS:
            pks = model.objects.filter(article_id=version.object_id).values_list("pk", flat=True)
            rows |= {(model, pk) for pk in pks}
    by_model: dict[type, list[int]] = {}
    for model, pk in rows:
        by_model.setdefault(model, []).append(pk)
    restored_ids = {(type(a), a.pk): a.orphaned for a in restored}
    for model, pks in by_model.items():
        changed = []
        for annotation in model.objects.filter(pk__in=pks).select_related("article"):
            text = annotation.article.text_of(annotation.part)
            stands = text[annotation.start : annotation.end] == annotation.exact
            if stands and not annotation.orphaned:
                continue
            found = reanchoring.recover(text, annotation.anchor)
            if found is not None:
                annotation.set_anchor(found)
                annotation.orphaned = False
                report.recovered.append(annotation)
            else:
                was_orphaned = restored_ids.get((model, annotation.pk))
                part = TextPart(annotation.part).label
                if was_orphaned:
                    why = "was orphaned in that version, and its words are not found in the "
                    why += f"{part} with their context, so it stays orphaned"
                elif (model, annotation.pk) in restored_ids:
                    why = f"its words are not in the restored {part} where it stood, so it is "
                    why += "orphaned"
                else:
                    why = "not in that version (added or moved since), and its words are not "
                    why += f"in the restored {part} where it stood, so it is orphaned"
                annotation.orphaned = True
                report.orphaned.append((annotation, why))
            changed.append(annotation)
        reanchoring._write(model, changed)
    return report
