import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from archive.corpus.generate import DEFAULT_BATCH_SIZE, generate
from archive.models import Article

INDEX_COMMAND = "rebuild_search_index"


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
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
            help="Articles written per transaction (memory grows with it).",
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

    def handle(self, *args, articles, seed, batch_size, append, skip_index, **options):
        existing = Article.objects.count()
        if existing and not append:
            raise CommandError(
                f"The database already holds {existing:,} article(s); generate_corpus only fills "
                "an empty archive. Use another database (SQLITE_PATH or DATABASE_URL), or pass "
                "--append to add the synthetic articles to these."
            )
        started = time.monotonic()
        totals = generate(articles, seed, batch_size, progress=self.stdout.write)
        summary = ", ".join(f"{value:,} {key}" for key, value in totals.items())
        self.stdout.write(
            self.style.SUCCESS(f"Generated {summary} in {time.monotonic() - started:.1f} s.")
        )
        if skip_index:
            return
        if INDEX_COMMAND in get_commands():
            index_started = time.monotonic()
            self.stdout.write(f"Running {INDEX_COMMAND}…")
            call_command(INDEX_COMMAND, stdout=self.stdout, stderr=self.stderr)
            self.stdout.write(f"Search index rebuilt in {time.monotonic() - index_started:.1f} s.")
        else:
            self.stdout.write(f"No `{INDEX_COMMAND}` command in this project; no index built.")
