from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.loading import FixtureInvalid, load_fixtures


class Command(BaseCommand):
    help = (
        "Load JSON fixtures all-or-nothing, validating every object; nothing is written on error."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="+", type=Path)

    def handle(self, *args, fixtures, **options):
        for path in fixtures:
            if not path.is_file():
                raise CommandError(f"No fixture at {path}.")
        try:
            count = load_fixtures(fixtures)
        except FixtureInvalid as invalid:
            lines = "\n  ".join(invalid.problems[:50])
            raise CommandError(
                f"Nothing was loaded; the fixture has problems:\n  {lines}"
            ) from None
        except DatabaseError as error:
            raise CommandError(f"Nothing was loaded; the database refused it: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Loaded {count} objects."))
