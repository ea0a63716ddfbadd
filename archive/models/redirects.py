"""Addresses that outlive their entity or tag: a merged duplicate's slug points at the
survivor, a renamed or merged tag's old slug at the tag that now carries its quotes."""

from __future__ import annotations

from django.db import models

from archive.models.entities import Entity, EntityKind


class EntityRedirect(models.Model):
    """The slug of an entity that was merged into another; its pages answer 301 to the
    survivor's, so links and bookmarks made before the merge keep working."""

    kind = models.CharField(max_length=12, choices=EntityKind.choices)
    old_slug = models.SlugField(max_length=200, help_text="The merged duplicate's slug.")
    entity = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        related_name="redirects",
        help_text="The survivor the old address now leads to.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "old_slug"]
        constraints = [
            # Also the index of the lookup a missed slug makes: WHERE kind = %s AND old_slug = %s.
            models.UniqueConstraint(fields=["kind", "old_slug"], name="entity_redirect_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.old_slug} → {self.entity}"


class TagRedirect(models.Model):
    """A tag address that no longer names a tag: the slug before a rename, or of a tag merged
    into another. Its pages answer 301 to the tag that carries those quotes now."""

    old_slug = models.SlugField(max_length=100, unique=True, help_text="The old address.")
    tag = models.ForeignKey(
        "taggit.Tag",
        on_delete=models.CASCADE,
        related_name="redirects",
        help_text="The tag the old address now leads to.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"tags/{self.old_slug} → {self.tag}"
