"""Turn an editor's decision on a proposed entity into archive rows.

There is one way to accept: `accept_and_report`, used by the suggestions' Accept action, by
their change page (setting the status to "confirmed") and by the review queue. It either
accepts or says why not, in a sentence that names the suggestion.
"""

from __future__ import annotations

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from archive import anchoring
from archive.duplicates import likely_duplicates
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
from archive.models.entities import OrganizationKind
from archive.names import fold, split_person_name

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


def _new_entity(suggestion: EntitySuggestion) -> Entity:
    """The unsaved entity the suggestion describes, validated (ValidationError says why not)."""
    if suggestion.kind == SuggestedKind.EVENT and not suggestion.date_start:
        raise ValidationError("it has no date, and a proposed event is its date.")
    name = " ".join(suggestion.name.split())
    if not name:
        raise ValidationError("it has no name.")
    if len(name) > 200:
        raise ValidationError(
            f"its name is {len(name)} characters long, over the limit of 200; "
            "shorten it on its page first."
        )
    model = MODELS[suggestion.kind]
    fields = {}
    if suggestion.kind == SuggestedKind.EVENT:
        fields = {
            "start": suggestion.date_start,
            "start_precision": suggestion.date_start_precision,
            "end": suggestion.date_end,
            "end_precision": suggestion.date_end_precision,
        }
    elif suggestion.kind == SuggestedKind.PERSON:
        fields = dict(zip(["given_name", "family_name"], split_person_name(name), strict=True))
    elif suggestion.header_field == "publisher":
        fields = {"org_kind": OrganizationKind.NEWS}
    entity = model(name=name, slug=_free_slug(model.KIND, name), **fields)
    entity.full_clean()
    return entity


def refusal(suggestion: EntitySuggestion) -> str | None:
    """Why the suggestion cannot be accepted as it stands, or None if it can."""
    if suggestion.entity_id:
        return None
    try:
        if suggestion.kind != SuggestedKind.EVENT and _existing(suggestion):
            return None
        _new_entity(suggestion)
    except ValidationError as error:
        return reasons(error)
    return None


def reasons(error: ValidationError) -> str:
    """A validation error as one sentence, each field's problem named."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _existing(suggestion: EntitySuggestion) -> Entity | None:
    """A person, organization or place of the same kind already named so (accepted from
    another article, or added since): accepting links to it instead of making a twin."""
    found = likely_duplicates(suggestion.kind, [suggestion.name])
    return found[0] if len(found) == 1 else None


@transaction.atomic
def accept(suggestion: EntitySuggestion) -> Entity:
    """Create the entity (or find the one already named so), with the other names the article
    gives it; make it the speaker of its quotes that have none; suggest mentions where the
    article names it; fill the article's dateline or publisher it came from. Accepting twice
    returns the same entity. Raises ValidationError saying why it cannot."""
    if suggestion.entity_id:
        return suggestion.entity
    with reversion.create_revision():
        reversion.set_comment(
            f"Accepted from the importer's suggestion in article {suggestion.article_id}."
        )
        entity = _existing(suggestion) if suggestion.kind != SuggestedKind.EVENT else None
        suggestion.linked_to_existing = entity is not None
        if entity is None:
            entity = _new_entity(suggestion)
            entity.save()
    if suggestion.kind != SuggestedKind.EVENT:
        suggestion.quotes.filter(speaker__isnull=True).update(speaker=entity)
    article = suggestion.article
    if suggestion.header_field == "dateline" and article.dateline_place_id is None:
        article.dateline_place_id = entity.pk
        article.save(update_fields=["dateline_place"])
    elif suggestion.header_field == "publisher" and article.publisher_id is None:
        article.publisher_id = entity.pk
        article.save(update_fields=["publisher"])
    text = article.text_of(suggestion.part)
    for alias, kind in other_names(suggestion, text).items():
        Alias.objects.get_or_create(entity=entity, name=alias, defaults={"kind": kind})
    for start, end in suggestion.spans:
        if (
            text[start:end]
            and not Mention.objects.filter(
                article=article,
                part=suggestion.part,
                start=start,
                end=end,
                entity=entity,
            ).exists()
        ):
            mention = Mention(
                article=article,
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


def accept_and_report(suggestion: EntitySuggestion) -> tuple[bool, str]:
    """Accept the suggestion; (True, what happened) or (False, why not), both naming it."""
    label = f"“{suggestion.name}” ({suggestion.get_kind_display()})"
    if suggestion.entity_id:
        return False, f"{label} was accepted already, as {suggestion.entity}."
    try:
        entity = accept(suggestion)
    except ValidationError as error:
        return False, f"{label} cannot be accepted: {reasons(error)}"
    if getattr(suggestion, "linked_to_existing", False):
        return True, f"{label} is {entity.name}, already in the archive; linked to it."
    return True, f"{label} accepted: {entity.name} is now in the archive."
