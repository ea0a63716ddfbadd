import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.api import dump
from archive.api.links import Links
from archive.models import Entity, Mention, Quote
from archive.site import FALLBACK, origin

FORMATS = ("jsonl", "csv", "popolo", "annotations")


class Command(BaseCommand):
    help = (
        "Write the whole public archive: jsonl (Django JSON Lines, which import_archive loads "
        "back), csv (a folder of quotes.csv and one CSV per entity kind), popolo (one Popolo "
        "JSON document) or annotations (one W3C AnnotationCollection). Reads in batches: "
        "memory stays flat whatever the archive's size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("out", type=Path, help="The file to write (a folder for csv).")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--site-url",
            default=origin(),
            help=f"Origin of the addresses written (default SITE_URL, or {FALLBACK}).",
        )

    def handle(self, *args, format, out, no_progress, site_url, **options):
        links = Links(site_url)
        if format != "csv" and out.is_dir():
            raise CommandError(f"{out} is a folder; give a file name.")
        totals = {
            "jsonl": dump.count,
            "csv": lambda: Quote.objects.public().count() + Entity.objects.count(),
            "popolo": lambda: Entity.objects.count(),
            "annotations": lambda: (
                Quote.objects.public().count() + Mention.objects.public().count()
            ),
        }
        bar = tqdm(
            total=totals[format](),
            unit=" rows",
            disable=no_progress,
            file=sys.stderr,
            desc=f"export {format}",
        )
        started = time.monotonic()
        if format == "csv":
            paths = dump.write_csv(out, links, bar.update)
            what = ", ".join(str(p) for p in paths)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "w", encoding="utf-8") as stream:
                if format == "jsonl":
                    dump.write_jsonl(stream, bar.update)
                elif format == "popolo":
                    dump.write_popolo(stream, links, bar.update)
                else:
                    dump.write_annotations(stream, links, bar.update)
            what = str(out)
        bar.close()
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {what} in {time.monotonic() - started:.1f} s.")
        )
