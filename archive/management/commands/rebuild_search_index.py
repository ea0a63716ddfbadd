import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.search.indexing import BATCH, rebuild_all


class Command(BaseCommand):
    help = (
        "Empty the search index and rebuild it from the articles, quotes and entities, "
        f"{BATCH} at a time, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        quiet = options["no_progress"] or options["verbosity"] == 0
        bars = {}

        def progress(label, done):
            if quiet:
                return
            if label not in bars:
                for bar in bars.values():
                    bar.close()
                bars[label] = tqdm(
                    desc=label, unit=f" {label}", unit_scale=True, file=self.stderr._out
                )
            bar = bars[label]
            bar.update(done - bar.n)

        try:
            counts = rebuild_all(progress)
        finally:
            for bar in bars.values():
                bar.close()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Indexed {summary} in {elapsed:.1f} s."))
