from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.importer.formats import __doc__ as FORMATS
from archive.importer.importing import import_path
from archive.importer.linking import EntityIndex


class Command(BaseCommand):
    help = (
        "Import articles from text or JSON files (see archive/importer/formats.py) and suggest "
        "their annotations. Each file is imported on its own: a bad file is reported and "
        "skipped, and nothing from it is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders of files.")

    def handle(self, *args, paths, **options):
        files = []
        for path in paths:
            if path.is_dir():
                files.extend(sorted(p for p in path.iterdir() if p.suffix in {".txt", ".json"}))
            else:
                files.append(path)
        index = EntityIndex.from_database()
        rejected = 0
        for path in files:
            outcome = import_path(path, index=index)
            if outcome.problem:
                rejected += 1
                self.stderr.write(self.style.ERROR(outcome.report()))
            else:
                self.stdout.write(outcome.report())
        imported = len(files) - rejected
        self.stdout.write(f"{imported} of {len(files)} files imported, {rejected} rejected.")
        if rejected and not imported:
            raise CommandError("No file could be imported. The formats:\n" + FORMATS)
