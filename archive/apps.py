from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "News archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # History, re-anchoring and the permission groups hook into every save and migrate,
        # not only the admin's.
        from archive import history, permissions, reanchoring

        history.register()
        reanchoring.connect()
        permissions.connect()

        from archive.search import signals

        signals.connect()

        from archive.summaries import tracking

        tracking.connect()
