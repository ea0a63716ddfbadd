"""Keep quotes and mentions anchored when an article's text is edited.

Whenever an article is saved with a changed headline, standfirst or body (from the admin, a
loader or a shell), each annotation on a changed part is looked for again with
`anchoring.relocate`. Found ones get fresh selectors; lost ones are marked orphaned, never
deleted, so an editor can re-anchor them by hand (they drop out of the public pages until then).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.db.models.signals import post_save, pre_save

from archive import anchoring
from archive.models import Article, Mention, Quote, TextPart

ANCHOR_FIELDS = ["exact", "prefix", "suffix", "start", "end", "orphaned"]


@dataclass
class ReanchorReport:
    moved: list = field(default_factory=list)
    orphaned: list = field(default_factory=list)
    recovered: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned or self.recovered)


def reanchor_article(article: Article, parts=None) -> ReanchorReport:
    """Re-anchor the article's quotes and mentions in `parts` (default: all parts)."""
    parts = list(TextPart.values if parts is None else parts)
    report = ReanchorReport()
    for model in (Quote, Mention):
        changed = []
        for annotation in model.objects.filter(article=article, part__in=parts):
            text = article.text_of(annotation.part)
            try:
                anchor = anchoring.relocate(text, annotation.anchor)
            except anchoring.AnchorLost:
                if not annotation.orphaned:
                    annotation.orphaned = True
                    changed.append(annotation)
                    report.orphaned.append(annotation)
                continue
            if annotation.orphaned:
                report.recovered.append(annotation)
            elif anchor != annotation.anchor:
                report.moved.append(annotation)
            else:
                continue
            annotation.set_anchor(anchor)
            annotation.orphaned = False
            changed.append(annotation)
        model.objects.bulk_update(changed, ANCHOR_FIELDS)
        if reversion.is_active():
            for annotation in changed:
                reversion.add_to_revision(annotation)
    return report


def _remember_old_text(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._text_before_save = None
        return
    instance._text_before_save = (
        Article.objects.filter(pk=instance.pk).values(*TextPart.values).first()
    )


def _reanchor_changed_parts(sender, instance, created=False, raw=False, **kwargs):
    before = getattr(instance, "_text_before_save", None)
    if raw or created or not before:
        return
    parts = [part for part in TextPart.values if before[part] != instance.text_of(part)]
    if parts:
        # Callers (the admin) read the report to tell the editor what was lost.
        instance.reanchor_report = reanchor_article(instance, parts)


def connect() -> None:
    pre_save.connect(_remember_old_text, sender=Article, dispatch_uid="reanchor-pre")
    post_save.connect(_reanchor_changed_parts, sender=Article, dispatch_uid="reanchor-post")
