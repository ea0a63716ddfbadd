"""Time the API's quote list (first, middle and last cursor pages) beside a bare API answer
in the same run, and stream the whole quote CSV, reporting rows a second and the process's
memory as it goes. Runs in-process through Django's test client, like benchmark_search."""

import json as jsonlib
import os
import statistics
import time

from django.core.management.base import BaseCommand
from django.test import Client, override_settings

from archive.api.paging import make_cursor
from archive.api.views import QUOTE_ORDER
from archive.management.commands.benchmark_search import positive, request_settings
from archive.models import Quote


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc), in MB."""
    with open(f"/proc/{os.getpid()}/statm") as stream:
        pages = int(stream.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=positive, default=50, help="Timed passes.")
        parser.add_argument("--page-size", type=positive, default=25)
        parser.add_argument("--skip-csv", action="store_true")
        parser.add_argument("--json", help="Also write the figures as JSON to this file.")

    def handle(self, *args, repeat, page_size, skip_csv, json, **options):
        with override_settings(**request_settings(), API_THROTTLE_RATE=None):
            report = self.run(repeat, page_size, skip_csv)
        if json:
            with open(json, "w") as out:
                jsonlib.dump(report, out, indent=2)

    def cursor_at(self, offset: int) -> str:
        """The cursor that walking `next` links reaches the page starting at `offset` with."""
        key = Quote.objects.public().order_by("id").values_list("id", flat=True)[offset - 1]
        return make_cursor(QUOTE_ORDER, [key], False)

    def run(self, repeat, size, skip_csv):
        client = Client()
        total = Quote.objects.public().count()
        last_start = ((total - 1) // size) * size
        urls = {
            "bare (/api/, no query)": "/api/",
            "quotes, first page": f"/api/quotes/?page_size={size}",
            "quotes, middle page": f"/api/quotes/?page_size={size}&cursor="
            + self.cursor_at(max(1, (total // size // 2) * size)),
            "quotes, last page": f"/api/quotes/?page_size={size}&cursor="
            + self.cursor_at(max(1, last_start)),
        }
        self.stdout.write(f"{total:,} public quotes; page size {size}; {repeat} timed passes.")
        times = {name: [] for name in urls}
        for url in urls.values():  # warm up
            assert client.get(url).status_code == 200, url
        for _ in range(repeat):
            for name, url in urls.items():  # interleaved, so load hits every URL alike
                started = time.perf_counter()
                response = client.get(url)
                times[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
        report = {"quotes": total, "page_size": size, "repeat": repeat, "pages": {}}
        self.stdout.write(f"{'request':28s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
        for name, values in times.items():
            row = {
                "p50": statistics.median(values),
                "p95": percentile(values, 0.95),
                "max": max(values),
            }
            report["pages"][name] = row
            self.stdout.write(f"{name:28s} {row['p50']:8.1f} {row['p95']:8.1f} {row['max']:8.1f}")
        if not skip_csv:
            report["csv"] = self.csv(client, total)
        return report

    def csv(self, client, total):
        before = rss_mb()
        samples, size = [], 0
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get("/api/quotes.csv?bom=false")
        for number, chunk in enumerate(response.streaming_content, 1):
            size += len(chunk)
            if number % 10 == 0:
                samples.append(rss_mb())
        seconds = time.perf_counter() - started
        # This process's own CPU time: on SQLite that includes the database's work, so it
        # says what the stream costs whatever else the machine is doing (the wall-clock rate
        # falls as the load average rises); on PostgreSQL the server's share is not in it.
        cpu = time.process_time() - cpu_started
        samples.append(rss_mb())
        rate = total / seconds
        quarter = max(1, len(samples) // 4)
        marks = [samples[min(len(samples) - 1, i * quarter)] for i in range(4)] + [samples[-1]]
        self.stdout.write(
            f"CSV of all quotes: {total:,} rows, {size / 2**20:.1f} MB in {seconds:.1f} s = "
            f"{rate:,.0f} rows/s ({cpu:.1f} s of this process's CPU = {total / cpu:,.0f} rows "
            f"per CPU second); memory before {before:.0f} MB, at 0/25/50/75/100% "
            + " / ".join(f"{m:.0f}" for m in marks)
            + f" MB, peak {max(samples):.0f} MB"
        )
        return {
            "rows": total,
            "seconds": seconds,
            "rows_per_second": rate,
            "cpu_seconds": cpu,
            "rows_per_cpu_second": total / cpu,
            "rss_before_mb": before,
            "rss_marks_mb": marks,
            "rss_peak_mb": max(samples),
        }
