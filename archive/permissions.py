"""The two editorial groups and what they may do.

- Editors edit everything in the archive: articles, entities, quotes, mentions, tags, merges.
- Reviewers see everything but only tag, confirm, correct the speaker of and reject quotes
  and mentions: they hold `change` on quotes and mentions (the admin then lets them edit only
  status, tags and a quote's speaker, see `can_edit_annotation_text`) and on tags, and
  nothing on articles or entities (so accepting a proposed person is an editor's step).

The groups are created by a data migration; `sync_groups` also runs after every `migrate`
(and after the test runner's flush), so models added later reach the Editors' group too.
Members must be marked "staff" to log in to the admin.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.db.models.signals import post_migrate

EDITORS = "Editors"
REVIEWERS = "Reviewers"

EDITOR_APPS = ("archive", "taggit")

# (app label, codename) beyond viewing everything in EDITOR_APPS.
REVIEWER_PERMISSIONS = [
    ("archive", "change_quote"),
    ("archive", "change_mention"),
    ("archive", "add_taggedquote"),
    ("archive", "change_taggedquote"),
    ("archive", "delete_taggedquote"),
    ("taggit", "add_tag"),
]


def can_edit_annotation_text(user) -> bool:
    """Whether the user may change what a quote or mention says and whom it names, as opposed
    to only reviewing it. Editors can create quotes; reviewers cannot."""
    return user.has_perm("archive.add_quote")


def sync_groups(apps=None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create or update both groups (idempotent) in database `using`. `apps` is a
    migration's app registry."""
    if apps is None:
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    in_apps = Permission.objects.using(using).filter(content_type__app_label__in=EDITOR_APPS)
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    editors.permissions.add(*in_apps)
    reviewer_rules = Q(codename__startswith="view_")
    for app_label, codename in REVIEWER_PERMISSIONS:
        reviewer_rules |= Q(content_type__app_label=app_label, codename=codename)
    reviewers, _ = Group.objects.using(using).get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*in_apps.filter(reviewer_rules))


def _after_migrate(sender, app_config, using=DEFAULT_DB_ALIAS, apps=None, **kwargs):
    # post_migrate fires once per app; the archive's turn comes after its permissions exist.
    if app_config.label == "archive":
        sync_groups(apps, using=using)


def connect() -> None:
    post_migrate.connect(_after_migrate, dispatch_uid="archive-sync-groups")
