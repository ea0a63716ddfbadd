"""Finding the entity a URL names. Every entity page looks its entity up here, so that
whatever later changes how slugs resolve (merged duplicates redirecting to the survivor)
changes it for every page at once."""

from django.shortcuts import get_object_or_404


def get_entity_or_404(model, slug, queryset=None):
    """The `model` (Person, Organization, Place, Event or Entity) row with this slug, or 404."""
    queryset = model._default_manager.all() if queryset is None else queryset
    return get_object_or_404(queryset, slug=slug)
