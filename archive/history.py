"""Which changes are kept in the history (django-reversion).

Registering here, rather than decorating the model classes, keeps the models free of history
concerns. Child rows of multi-table inheritance follow their `entity_ptr`, so a person's version
holds the name and slug as well; quotes follow their tag rows, so reverting a quote restores
its tags; articles follow their contributors.
"""

import json

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from reversion.models import Revision, Version
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


# What each model's label (its __str__) reads, so labelling a row costs no query.
LABEL_RELATIONS = {
    models.Quote: ("speaker",),
    models.Mention: ("entity",),
    models.TaggedQuote: ("content_object__speaker", "tag"),
    models.ArticleContributor: ("entity",),
    models.Membership: ("person", "organization"),
    models.EventParticipant: ("entity", "event"),
    models.EntityRedirect: ("entity",),
}
CHUNK = 2_000


def record_all(comment: str) -> int:
    """The first version of every row of the tracked models, as one revision, written in
    bulk: for a whole archive loaded at once (import_archive), where adding objects one by
    one would cost a query per followed relation. Each version holds what reversion's
    add_to_revision would (Django's serializer, one object per row). Returns the count."""
    revision = Revision.objects.create(date_created=timezone.now(), comment=comment)
    count = 0
    for model, _follow in TRACKED:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        queryset = model._default_manager.order_by("pk")
        queryset = queryset.select_related(*LABEL_RELATIONS.get(model, ()))
        if model is models.Quote:
            queryset = queryset.prefetch_related("about")  # the serializer's m2m list
        last = None
        while True:
            chunk = list((queryset if last is None else queryset.filter(pk__gt=last))[:CHUNK])
            if not chunk:
                break
            last = chunk[-1].pk
            documents = serializers.serialize("python", chunk)
            Version.objects.bulk_create(
                Version(
                    revision=revision,
                    object_id=str(obj.pk),
                    content_type=content_type,
                    db="default",
                    format="json",
                    serialized_data=json.dumps([document], cls=DjangoJSONEncoder),
                    object_repr=str(obj),
                )
                for obj, document in zip(chunk, documents, strict=True)
            )
            count += len(chunk)
    return count
