import sys
from pathlib import Path

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

# Derived data the pages read, rebuilt after loading when the command exists.
REBUILD = ("rebuild_search_index", "rebuild_summaries")


class Command(BaseCommand):
    help = (
        "Load a JSON Lines dump written by `export_archive --format jsonl` into an empty "
        "archive, all or nothing, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path)
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument("--skip-index", action="store_true")

    def handle(self, *args, dump: Path, no_progress, skip_index, **options):
        from archive.api import dump as dumping

        if not dump.is_file():
            raise CommandError(f"No dump at {dump}.")
        with open(dump, encoding="utf-8") as stream:
            lines = sum(1 for _ in stream)
        bar = tqdm(total=lines, unit=" rows", disable=no_progress, file=sys.stderr, desc="import")
        try:
            count = dumping.read_jsonl(dump, bar.update)
        except dumping.DumpInvalid as invalid:
            lines = "\n  ".join(invalid.problems[:50])
            raise CommandError(f"Nothing was loaded:\n  {lines}") from None
        except DatabaseError as error:
            raise CommandError(f"Nothing was loaded; the database refused it: {error}") from None
        finally:
            bar.close()
        self.stdout.write(self.style.SUCCESS(f"Loaded {count:,} objects."))
        if not skip_index:
            for name in REBUILD:
                if name in get_commands():
                    call_command(name, stdout=self.stdout, stderr=self.stderr)
