"""Turn an editor's decision on a proposed entity into archive rows."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from archive import anchoring
from archive.models import (
    Alias,
    AliasKind,
    Entity,
    EntitySuggestion,
    Event,
    Mention,
    Organization,
    Person,
    Place,
    ReviewStatus,
    SuggestedKind,
)
from archive.names import fold

MODELS = {
    SuggestedKind.PERSON: Person,
    SuggestedKind.ORGANIZATION: Organization,
    SuggestedKind.PLACE: Place,
    SuggestedKind.EVENT: Event,
}


def _free_slug(kind: str, name: str) -> str:
    base = (slugify(name) or kind)[:190].strip("-")
    slug, n = base, 2
    while Entity.objects.filter(kind=kind, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def other_names(suggestion: EntitySuggestion, text: str) -> dict[str, str]:
    """The other names the article gives a proposed organization, with their alias kind:
    initials it defined ("Office for Democratic Institutions and Human Rights (ODIHR)")
    and shorter forms ("Westhaven Gold" for "Westhaven Gold Corp"). A person's surname
    alone is not an alias. `text` is the suggestion's part of its article."""
    if suggestion.kind != SuggestedKind.ORGANIZATION:
        return {}
    names: dict[str, str] = {}
    for start, end in suggestion.spans:
        surface = " ".join(text[start:end].split())
        if surface and fold(surface) != fold(suggestion.name) and len(surface) <= 200:
            names[surface] = AliasKind.ABBREVIATION if surface.isupper() else AliasKind.SHORT
    return names


@transaction.atomic
def accept(suggestion: EntitySuggestion) -> Entity:
    """Create the entity with the other names the article gives it, make it the speaker of
    its quotes that have none, and suggest mentions where the article names it. Accepting
    twice returns the same entity."""
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
    for alias, kind in other_names(suggestion, text).items():
        Alias.objects.get_or_create(entity=entity, name=alias, defaults={"kind": kind})
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
