import time

from django.core.management.base import BaseCommand

from archive.search.indexing import BATCH, rebuild_all


class Command(BaseCommand):
    help = (
        "Empty the search index and rebuild it from the articles, quotes and entities, "
        f"{BATCH} at a time, in one transaction."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        verbosity = options["verbosity"]

        def progress(label, done):
            if verbosity >= 2 or (verbosity >= 1 and done % (BATCH * 20) == 0):
                self.stdout.write(f"  {label}: {done}")

        counts = rebuild_all(progress)
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Indexed {summary} in {elapsed:.1f} s."))
