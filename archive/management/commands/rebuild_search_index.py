import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.search.bulk_index import default_workers
from archive.search.indexing import rebuild_all


def not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Empty the search index and rebuild it from the articles, quotes and entities, in one "
        "transaction: read by plain SQL in chunks (in worker processes) and written by COPY "
        "(PostgreSQL) or executemany (SQLite), or with --row-by-row through the ORM."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--row-by-row",
            action="store_true",
            help="Build every row through the ORM, 500 objects at a time (the slow reference).",
        )
        parser.add_argument(
            "--workers",
            type=not_negative,
            default=default_workers(),
            help="Processes building the article and quote rows while this one writes them "
            "(0: build them here). Default: the number of CPUs, at most 4.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        quiet = options["no_progress"] or options["verbosity"] == 0
        bars = {}

        def progress(label, done, total):
            if quiet:
                return
            if label not in bars:
                for bar in bars.values():
                    bar.close()
                bars[label] = tqdm(
                    desc=label,
                    total=total,
                    unit=f" {label}",
                    unit_scale=True,
                    smoothing=0.05,
                    file=self.stderr._out,
                    dynamic_ncols=True,
                )
            bar = bars[label]
            bar.update(done - bar.n)

        try:
            counts = rebuild_all(
                progress, fast=not options["row_by_row"], workers=options["workers"]
            )
        finally:
            for bar in bars.values():
                bar.close()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Indexed {summary} in {elapsed:.1f} s."))
