import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.utils import load_backend

from archive.importer.evaluation import (
    Counts,
    GoldInvalid,
    format_figures,
    read_gold,
    score_article,
)
from archive.importer.importing import import_path
from archive.importer.linking import EntityIndex
from archive.loading import load_fixtures
from archive.models import Article
from archive.seed.build import FIXTURE

SCRATCH = "evaluation_scratch"


@contextmanager
def scratch_database():
    """A temporary SQLite database holding the seed fixture's entities and no articles, so
    the archive's own annotations can neither help nor block the suggestions scored."""
    folder = tempfile.mkdtemp(prefix="evaluate-annotations-")
    # Not registered in settings.DATABASES: a connection made for this run only, with the
    # before-commit hooks that keep its own search index and summaries (archive/db).
    configured = connections.configure_settings(
        {"default": {"ENGINE": "archive.db.sqlite3", "NAME": str(Path(folder) / "db")}}
    )["default"]
    connections[SCRATCH] = load_backend(configured["ENGINE"]).DatabaseWrapper(configured, SCRATCH)
    try:
        call_command("migrate", database=SCRATCH, verbosity=0, interactive=False)
        load_fixtures([FIXTURE], using=SCRATCH)
        Article.objects.using(SCRATCH).all().delete()
        yield SCRATCH
    finally:
        connections[SCRATCH].close()
        del connections[SCRATCH]
        shutil.rmtree(folder, ignore_errors=True)


class Command(BaseCommand):
    help = (
        "Import gold files into a scratch database that knows the seed's entities, suggest "
        "annotations, and print quote precision, recall and F1 (exact and overlap), speaker "
        "accuracy and entity-link precision and recall, per file and in total."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--verbose-errors", action="store_true", help="List every wrongly attributed quote."
        )

    def handle(self, *args, files, verbose_errors=False, **options):
        total, scored = Counts(), 0
        with scratch_database() as using:
            index = EntityIndex.from_database(using)
            for path in files:
                outcome = import_path(path, using=using, index=index)
                if outcome.problem:
                    self.stderr.write(self.style.ERROR(f"SKIPPED {outcome.problem}"))
                    continue
                try:
                    gold = read_gold(str(path), outcome.extra or {})
                except GoldInvalid as invalid:
                    self.stderr.write(self.style.ERROR(f"SKIPPED {invalid}"))
                    continue
                counts = score_article(outcome.article, gold, using)
                total.add(counts)
                scored += 1
                self.stdout.write(
                    f"{path}: {counts.suggested} suggested, {counts.gold} gold quotes; "
                    + format_figures(counts.figures())
                )
                for words in counts.unplaced:
                    self.stdout.write(f"  gold quote not found in the body: “{words}…”")
                if verbose_errors:
                    for line in counts.wrong:
                        self.stdout.write(f"  wrong speaker: {line}")
        if not scored:
            raise CommandError("No gold file could be scored.")
        self.stdout.write(
            f"TOTAL over {scored} files: {total.suggested} suggested, {total.gold} gold quotes; "
            + format_figures(total.figures())
        )
