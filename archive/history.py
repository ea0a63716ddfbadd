"""Which changes are kept in the history (django-reversion).

Registering here, rather than decorating the model classes, keeps the models free of history
concerns. Child rows of multi-table inheritance follow their `entity_ptr`, so a person's version
holds the name and slug as well; quotes follow their tag rows, so reverting a quote restores
its tags; articles follow their contributors.
"""

import reversion
from taggit.models import Tag

from archive import models

ENTITY_FOLLOW = ("entity_ptr", "aliases", "identifiers", "sources")

# (model, the relations whose rows are saved and restored with it)
TRACKED = [
    (models.Entity, ()),
    (models.Person, ENTITY_FOLLOW),
    (models.Organization, ENTITY_FOLLOW),
    (models.Place, ENTITY_FOLLOW),
    (models.Event, (*ENTITY_FOLLOW, "roles")),
    (models.Alias, ()),
    (models.Identifier, ()),
    (models.EntitySource, ()),
    (models.EventParticipant, ()),
    (models.Membership, ()),
    (models.Article, ("contributions",)),
    (models.ArticleContributor, ()),
    (models.Quote, ("tagged_items",)),
    (models.TaggedQuote, ()),
    (models.Mention, ()),
    (models.EntityRedirect, ()),
    (Tag, ()),
]


def register() -> None:
    for model, follow in TRACKED:
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)


def record(objects, *, user=None, comment: str = "", using=None) -> None:
    """Add `objects` to the history as one change, outside the admin's own views: how
    loaded, imported and generated objects get their first version."""
    with reversion.create_revision(using=using):
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)
        for obj in objects:
            reversion.add_to_revision(obj, model_db=using)
