"""Turn an editor's decision on a proposed entity into archive rows."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from archive import anchoring
from archive.models import (
    Entity,
    EntitySuggestion,
    Event,
    Mention,
    Organization,
    Person,
    ReviewStatus,
    SuggestedKind,
)

MODELS = {
    SuggestedKind.PERSON: Person,
    SuggestedKind.ORGANIZATION: Organization,
    SuggestedKind.EVENT: Event,
}


def _free_slug(kind: str, name: str) -> str:
    base = (slugify(name) or kind)[:190].strip("-")
    slug, n = base, 2
    while Entity.objects.filter(kind=kind, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def accept(suggestion: EntitySuggestion) -> Entity:
    """Create the entity, make it the speaker of its quotes that have none, and suggest
    mentions where the article names it. Accepting twice returns the same entity."""
    if suggestion.entity_id:
        return suggestion.entity
    model = MODELS[suggestion.kind]
    fields = {}
    if suggestion.kind == SuggestedKind.EVENT:
        fields = {
            "start": suggestion.date_start,
            "start_precision": suggestion.date_start_precision,
            "end": suggestion.date_end,
            "end_precision": suggestion.date_end_precision,
        }
    name = suggestion.name[:200]
    entity = model(name=name, slug=_free_slug(model.KIND, name), **fields)
    entity.full_clean()
    entity.save()
    if suggestion.kind != SuggestedKind.EVENT:
        suggestion.quotes.filter(speaker__isnull=True).update(speaker=entity)
    text = suggestion.article.text_of(suggestion.part)
    for start, end in suggestion.spans:
        if (
            text[start:end]
            and not Mention.objects.filter(
                article=suggestion.article,
                part=suggestion.part,
                start=start,
                end=end,
                entity=entity,
            ).exists()
        ):
            mention = Mention(
                article=suggestion.article,
                part=suggestion.part,
                entity=entity,
                status=ReviewStatus.SUGGESTED,
                confidence=suggestion.confidence,
            )
            mention.set_anchor(anchoring.describe(text, start, end))
            mention.save()
    suggestion.entity = entity
    suggestion.status = ReviewStatus.CONFIRMED
    suggestion.save(update_fields=["entity", "status"])
    return entity
