"""Merging duplicates: everything that points at the duplicates moves to one survivor.

The relations are found by introspection rather than listed by hand, so a model added later
(say, by the importer) that points at an entity or a tag is carried along without anyone
remembering to update this module. Rows that would break a unique constraint once moved
(the survivor already has the same alias, mention, participation, tag...) are dropped as the
duplicates they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.db import models, transaction
from django.utils.text import slugify
from taggit.models import Tag

from archive.models import Alias, Entity, EntityKind, EntityRedirect, TagRedirect
from archive.summaries import tracking

MERGEABLE_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)


class MergeError(ValueError):
    """A merge that must not happen; nothing was changed."""


# What an editor calls the rows a merge moves, by (model, foreign key); None for rows that
# are the archive's own bookkeeping (the search index), which are moved but not reported.
EDITOR_WORDS = {
    ("articlecontributor", "entity"): "bylines",
    ("alias", "entity"): "other names",
    ("identifier", "entity"): "identifiers",
    ("entitysource", "entity"): "sources",
    ("eventparticipant", "entity"): "event participations",
    ("quote_about", "entity"): "quotes about them",
    ("quote", "speaker"): "quotes spoken",
    ("quote", "said_to"): "quotes heard",
    ("mention", "entity"): "mentions",
    ("entityredirect", "entity"): "earlier addresses",
    ("entitysuggestion", "entity"): "accepted import suggestions",
    ("membership", "person"): "memberships",
    ("membership", "organization"): "members",
    ("membership", "on_behalf_of"): "memberships on its behalf",
    ("article", "publisher"): "articles published",
    ("organization", "parent"): "parts of the organization",
    ("taggedquote", "tag"): "tagged quotes",
    ("taggeditem", "tag"): "tagged items",
    ("tagredirect", "tag"): "earlier addresses",
    ("searchname", "entity"): None,
    ("searchentry", "entity"): None,
    ("searchfacet", "entity"): None,
}


def editor_words(model, fk) -> str | None:
    """How the merge report names rows of `model` pointing by `fk`; None to leave them out."""
    key = (model._meta.model_name, fk.name)
    if key in EDITOR_WORDS:
        return EDITOR_WORDS[key]
    if model._meta.app_label == "archive" and model._meta.model_name.startswith("search"):
        return None
    return str(model._meta.verbose_name_plural)


@dataclass
class MergeReport:
    survivor: Entity
    merged: list[str] = field(default_factory=list)
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], label: str, n: int) -> None:
        if n:
            bucket[label] = bucket.get(label, 0) + n

    def summary(self) -> str:
        """In the editor's words: "Merged V. Saenen into Vanessa Saenen: 3 quotes spoken and
        2 mentions now belong to Vanessa Saenen; 1 other name she already had was dropped."."""
        merged = ", ".join(self.merged)
        moved = _listing(self.moved)
        text = f"Merged {merged} into {self.survivor}: "
        text += f"{moved} now belong to {self.survivor}" if moved else "there was nothing to move"
        if self.dropped:
            text += f"; {_listing(self.dropped)} that {self.survivor} already had were dropped"
        return text + "."


def _listing(counts: dict[str, int]) -> str:
    """ "3 quotes spoken, 1 mention and 2 other names"."""
    items = [f"{n} {label}" for label, n in sorted(counts.items())]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def check_merge(survivor: Entity, duplicates: list[Entity]) -> None:
    """Raise MergeError saying why these entities cannot be merged."""
    if not duplicates:
        raise MergeError("Choose at least one duplicate to merge into the survivor.")
    if any(d.pk == survivor.pk for d in duplicates):
        raise MergeError(f"{survivor} cannot be merged into itself.")
    if survivor.kind not in MERGEABLE_KINDS:
        raise MergeError(f"Only people and organizations can be merged, not a {survivor.kind}.")
    for duplicate in duplicates:
        if duplicate.kind != survivor.kind:
            raise MergeError(
                f"{duplicate} is a {duplicate.get_kind_display()} and {survivor} is a "
                f"{survivor.get_kind_display()}: only entities of the same kind can be merged."
            )


def merge_entities(survivor: Entity, duplicates: list[Entity], *, user=None) -> MergeReport:
    """Move aliases, quotes (spoken, heard, about), mentions, memberships, participations and
    everything else that points at `duplicates` to `survivor`, keep each duplicate's name as
    an alias and its slug as a redirect, then delete the duplicates. All or nothing."""
    survivor = Entity.objects.get(pk=survivor.pk)
    duplicates = list(Entity.objects.filter(pk__in=[d.pk for d in duplicates]))
    check_merge(survivor, duplicates)
    report = MergeReport(survivor=survivor)
    with transaction.atomic():
        # Reversion keeps only rows that still exist at the end of a revision, so the
        # duplicates are snapshotted in a revision of their own: "Recover deleted" uses it.
        snapshot(duplicates, user, f"Before merging into {survivor}.")
        with reversion.create_revision():
            if user is not None:
                reversion.set_user(user)
            _merge(survivor, duplicates, report)
            reversion.set_comment(report.summary())
    return report


def snapshot(objects, user, comment: str) -> None:
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)
        for obj in objects:
            reversion.add_to_revision(getattr(obj, "specific", obj))


def _merge(survivor, duplicates, report) -> None:
    specific_model = type(survivor.specific)
    # Rows are repointed by UPDATE, which sends no signals: the stored summaries learn from
    # the duplicates' facts which articles to recount.
    tracking.mark(tracking.ENTITIES, [d.pk for d in duplicates])
    for duplicate in duplicates:
        old_name, old_slug = duplicate.name, duplicate.slug
        for model in (Entity, specific_model):
            repoint(model, duplicate.pk, survivor.pk, report)
        if old_name != survivor.name and not survivor.aliases.filter(name=old_name).exists():
            Alias.objects.create(entity=survivor, name=old_name, note="Merged duplicate.")
        # The duplicate's own row goes first, so its slug is free for the redirect.
        specific_model.objects.filter(pk=duplicate.pk).delete()
        EntityRedirect.objects.update_or_create(
            kind=survivor.kind, old_slug=old_slug, defaults={"entity": survivor}
        )
        report.merged.append(old_name)
    reversion.add_to_revision(survivor.specific)


def repoint(model: type[models.Model], old_pk, new_pk, report: MergeReport | None = None) -> None:
    """Point every foreign key (and many-to-many row) aimed at `model` row `old_pk` at
    `new_pk` instead, dropping the rows that would then duplicate one of `new_pk`'s."""
    # Parents' relations are handled when the parent model is repointed.
    for relation in model._meta.get_fields(include_parents=False, include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue  # only reverse relations: the fields of other models that point here
        if getattr(relation.related_model, "DERIVED", False):
            continue  # stored summaries: the refresh on commit recomputes them
        if relation.many_to_many:
            if not relation.through._meta.auto_created:
                continue  # a declared through model has its own foreign key, handled as such
            through = relation.through
            fk = through._meta.get_field(relation.field.m2m_reverse_field_name())
            _move_rows(through, fk, old_pk, new_pk, report)
        elif relation.one_to_many or relation.one_to_one:
            fk = relation.field
            if getattr(fk.remote_field, "parent_link", False):
                continue  # the child row of multi-table inheritance is the entity itself
            _move_rows(fk.model, fk, old_pk, new_pk, report)


def _move_rows(model, fk, old_pk, new_pk, report: MergeReport | None) -> None:
    rows = model._base_manager.filter(**{fk.attname: old_pk})
    label = editor_words(model, fk)
    dropped = 0
    for fields in _unique_sets(model, fk):
        others = [f for f in fields if f != fk.attname]
        taken = model._base_manager.filter(**{fk.attname: new_pk}).values_list(*others)
        if not others:
            clash = rows if taken.exists() else rows.none()
        else:
            # A handful of rows per merge, so a lookup per taken combination is cheap.
            clash = rows.none()
            for values in taken:
                clash |= rows.filter(**dict(zip(others, values, strict=True)))
        dropped += clash.count()
        clash.delete()
    moved = rows.update(**{fk.attname: new_pk})
    if report is not None and label is not None:
        report.count(report.moved, label, moved)
        report.count(report.dropped, label, dropped)


def _unique_sets(model, fk) -> list[list[str]]:
    """Every unique constraint of `model` that includes `fk`, as lists of column attnames."""
    opts = model._meta
    sets = []
    if fk.unique and not fk.primary_key:
        sets.append([fk.attname])
    for together in opts.unique_together:
        sets.append([opts.get_field(name).attname for name in together])
    for constraint in opts.total_unique_constraints:
        sets.append([opts.get_field(name).attname for name in constraint.fields])
    return [s for s in sets if fk.attname in s]


def merge_tags(survivor, others, *, user=None) -> int:
    """Move every use of the `others` tags to `survivor` and delete them, all or nothing.
    Returns how many quotes moved to the survivor (a quote that had both keeps one)."""
    if any(tag.pk == survivor.pk for tag in others):
        raise MergeError(f"The tag {survivor} cannot be merged into itself.")
    if not others:
        raise MergeError("Choose at least one tag to merge into the survivor.")
    report = MergeReport(survivor=survivor)
    with transaction.atomic():
        snapshot(others, user, f"Before merging into the tag {survivor}.")
        with reversion.create_revision():
            if user is not None:
                reversion.set_user(user)
            _merge_tags(survivor, others, report)
    return report.moved.get("tagged quotes", 0)


def free_tag_slug(name: str, exclude_pk=None) -> str:
    """The slug a tag named `name` gets: the name's, made unique among live tags."""
    base = (slugify(name) or "tag")[:90].strip("-")
    slug, n = base, 2
    while Tag.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def remember_old_slug(old_slug: str, tag) -> None:
    """The tag's old address leads to `tag`; an address a live tag has again leads nowhere."""
    TagRedirect.objects.update_or_create(old_slug=old_slug, defaults={"tag": tag})
    TagRedirect.objects.filter(old_slug=tag.slug).delete()


def _merge_tags(survivor, others, report) -> None:
    tracking.mark(tracking.TAGS, [tag.pk for tag in others])
    for tag in others:
        old_slug = tag.slug
        # Redirects to the merged tag (earlier renames) move to the survivor with the rest.
        repoint(Tag, tag.pk, survivor.pk, report)
        tag.delete()
        remember_old_slug(old_slug, survivor)
    reversion.add_to_revision(survivor)
    names = ", ".join(tag.name for tag in others)
    reversion.set_comment(f"Merged the tags {names} into {survivor}.")
