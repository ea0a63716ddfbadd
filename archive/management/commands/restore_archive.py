from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the whole archive with a backup made by backup_archive, then migrate it to "
        "this version of the code. Stop the web server first. On PostgreSQL the restore is "
        "one transaction: if it fails, nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="do not ask before replacing the archive"
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="leave the restored schema as it was"
        )

    def handle(self, *args, backup: Path, yes: bool, no_migrate: bool, **options):
        if not backup.is_file():
            raise CommandError(f"No backup at {backup}.")
        if not yes and options.get("interactive", True):
            answer = input("Replace everything in the archive with this backup? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing was restored.")
        try:
            kind = restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Restored the archive from {backup} ({kind})."))
