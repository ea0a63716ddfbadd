import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the whole archive while it is in use: SQLite with "
        "VACUUM INTO (a .sqlite3 file), PostgreSQL with pg_dump --format=custom (a .dump "
        "file). Restore it with restore_archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output",
            nargs="?",
            type=Path,
            help="the backup file (default: backups/archive-<UTC time>.sqlite3 or .dump)",
        )

    def handle(self, *args, output: Path | None, **options):
        if output is None:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
            output = Path("backups") / f"archive-{stamp}.{suffix}"
        try:
            backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = output.stat().st_size / 1_000_000
        self.stdout.write(self.style.SUCCESS(f"Backed up the archive to {output} ({size:.1f} MB)."))
