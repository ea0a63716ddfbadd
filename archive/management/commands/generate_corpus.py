import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.corpus.generate import DEFAULT_BATCH_SIZE, default_workers, generate
from archive.models import Article

INDEX_COMMAND = "rebuild_search_index"


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Build a reproducible synthetic archive (articles, people with transliterated aliases, "
        "organizations, places, events, quotes, mentions, tags) for load and search tests. "
        f"Then runs `{INDEX_COMMAND}` if that command exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=positive, required=True, help="How many articles.")
        parser.add_argument(
            "--seed", default="2004", help="The same seed always gives the same archive."
        )
        parser.add_argument(
            "--batch-size",
            type=positive,
            default=DEFAULT_BATCH_SIZE,
            help="Articles composed per task (memory grows with it).",
        )
        parser.add_argument(
            "--workers",
            type=not_negative,
            default=default_workers(),
            help="Processes composing articles while this one writes them (0: compose here). "
            "Default: the number of CPUs, at most 4.",
        )
        parser.add_argument(
            "--orm",
            action="store_true",
            help="Write through the ORM's bulk_create, one transaction per batch (the slow "
            "reference path) instead of COPY / executemany in one transaction.",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add to an archive that already has articles (otherwise the command refuses).",
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help=f"Do not run `{INDEX_COMMAND}` afterwards.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )

    def handle(self, *args, articles, seed, batch_size, workers, orm, append, skip_index, **opts):
        existing = Article.objects.count()
        if existing and not append:
            raise CommandError(
                f"The database already holds {existing:,} article(s); generate_corpus only fills "
                "an empty archive. Use another database (SQLITE_PATH or DATABASE_URL), or pass "
                "--append to add the synthetic articles to these."
            )
        started = time.monotonic()
        bar = tqdm(
            total=articles,
            unit=" articles",
            unit_scale=True,
            smoothing=0.05,
            file=self.stderr._out,
            disable=opts["no_progress"] or opts["verbosity"] == 0,
            dynamic_ncols=True,
        )

        def cast_done(cast):
            bar.write(f"{cast.entity_count:,} entities in {time.monotonic() - started:.1f} s")
            bar.set_description("articles")

        def progress(done, totals):
            bar.set_postfix_str(f"{totals['quotes']:,} quotes, {totals['mentions']:,} mentions")
            bar.update(done)

        bar.set_description("entities")
        with bar:
            totals = generate(
                articles,
                seed,
                batch_size,
                progress=progress,
                workers=workers,
                fast=not orm,
                cast_done=cast_done,
            )
        summary = ", ".join(f"{value:,} {key}" for key, value in totals.items())
        self.stdout.write(
            self.style.SUCCESS(f"Generated {summary} in {time.monotonic() - started:.1f} s.")
        )
        summaries_started = time.monotonic()
        call_command("rebuild_summaries", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(f"Summaries rebuilt in {time.monotonic() - summaries_started:.1f} s.")
        if skip_index:
            return
        if INDEX_COMMAND in get_commands():
            index_started = time.monotonic()
            self.stdout.write(f"Running {INDEX_COMMAND}…")
            call_command(
                INDEX_COMMAND,
                stdout=self.stdout,
                stderr=self.stderr,
                **{k: opts[k] for k in ("verbosity", "no_progress") if k in opts},
            )
            self.stdout.write(f"Search index rebuilt in {time.monotonic() - index_started:.1f} s.")
        else:
            self.stdout.write(f"No `{INDEX_COMMAND}` command in this project; no index built.")
