"""Create the Editors and Reviewers groups (see archive/permissions.py)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from archive.permissions import EDITORS, REVIEWERS, sync_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    using = schema_editor.connection.alias
    for label in ("archive", "taggit"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps, using=using)
    sync_groups(apps, using=using)


def delete_groups(apps, schema_editor):
    using = schema_editor.connection.alias
    apps.get_model("auth", "Group").objects.using(using).filter(
        name__in=[EDITORS, REVIEWERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_entity_redirect"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
