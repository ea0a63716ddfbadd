import time

from django.core.management.base import BaseCommand

from archive import summaries


class Command(BaseCommand):
    help = (
        "Empty the stored summaries (the facts public pages list and the figures they show: "
        "counts, co-mentions, tag counts, articles per month) and recompute them all from the "
        "articles, quotes, mentions and tags, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="The database to rebuild.")

    def handle(self, *args, database, verbosity, **options):
        started = time.monotonic()
        counts = summaries.rebuild(
            using=database, progress=self.stdout.write if verbosity >= 1 else None
        )
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n:,} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Summarized {summary} in {elapsed:.1f} s."))
