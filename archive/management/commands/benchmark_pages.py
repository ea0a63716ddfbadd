import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from archive.corpus.benchmark import Timing
from archive.corpus.pages import BARE_URL, build_page_cases
from archive.management.commands.benchmark_search import positive, request_settings
from archive.models import Article, Entity, Mention, Quote


class Command(BaseCommand):
    help = (
        "Time every page type at its busiest instance (p50/p95 over repeated requests through "
        "the test client, and the queries per page) on the configured database, beside a bare "
        "one-query page in the same run; with --gunicorn, also requests per second of the "
        "busiest person page and of the bare page served by gunicorn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=positive, default=30, help="Timed requests per page.")
        parser.add_argument("--only", help="Time only pages whose label contains this text.")
        parser.add_argument(
            "--gunicorn",
            action="store_true",
            help="Also serve the site with gunicorn and measure requests per second.",
        )
        parser.add_argument("--workers", type=positive, default=2)
        parser.add_argument("--connections", type=positive, default=16)
        parser.add_argument("--seconds", type=positive, default=20)
        parser.add_argument("--port", type=positive, default=8613)
        parser.add_argument("--json", metavar="FILE", help="Also write the figures as JSON.")

    def handle(self, *args, repeat, only, json, **options):
        report = {
            "database": connection.vendor,
            "articles": Article.objects.count(),
            "quotes": Quote.objects.count(),
            "mentions": Mention.objects.count(),
            "entities": Entity.objects.count(),
            "load_average": os.getloadavg(),
            "cache": settings.CACHES["default"]["BACKEND"],
            "pages": [],
        }
        self.stdout.write(
            f"{report['articles']:,} articles, {report['mentions']:,} mentions, "
            f"{report['quotes']:,} quotes, {report['entities']:,} entities on "
            f"{connection.vendor}; load average {report['load_average'][0]:.2f}."
        )
        if settings.DEBUG:
            self.stdout.write("Note: DEBUG is on, so Django records every SQL query.")
        cases = build_page_cases()
        if only:
            cases = [c for c in cases if c.label == cases[0].label or only in c.label]
        client = Client(raise_request_exception=False)
        overrides = {**request_settings(), "ROOT_URLCONF": "archive.corpus.pages"}
        with override_settings(**overrides):
            for case in cases:
                report["pages"].append(self._time(client, case, repeat))
        report["load_average_after"] = os.getloadavg()
        self.stdout.write(table(report))
        if options["gunicorn"]:
            person = next((c for c in cases if c.label == "busiest person"), None)
            if person is None:
                raise CommandError("No person in this archive to serve.")
            report["gunicorn"] = self._serve(person.url, options)
        if json:
            Path(json).write_text(_json(report), encoding="utf-8")
            self.stdout.write(f"Figures written to {json}.")

    def _time(self, client, case, repeat) -> dict:
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(case.url)  # also warms the caches
        timing = Timing(case.label)
        for _ in range(repeat):
            started = time.perf_counter()
            status = client.get(case.url).status_code
            elapsed = time.perf_counter() - started
            if status == 200:
                timing.seconds.append(elapsed)
            else:
                timing.errors.append(str(status))
        row = {
            "page": case.label,
            "url": case.url,
            "note": case.note,
            "status": response.status_code,
            "queries": len(queries),
            "bytes": len(response.content),
            **timing.summary(),
        }
        self.stdout.write(
            f"  {case.label}: {row.get('p50_ms', '—')} ms p50, {row.get('p95_ms', '—')} ms p95, "
            f"{row['queries']} queries"
        )
        return row

    def _serve(self, person_url: str, options) -> dict:
        """Start gunicorn on this database, load it with `connections` clients for `seconds`
        per page (bare page, then the busiest person), stop it."""
        port = options["port"]
        env = {**os.environ, "BENCHMARK_URLS": "true"}
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "archive.wsgi",
            "--workers",
            str(options["workers"]),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ]
        server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(base + BARE_URL, timeout=5).read()
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                raise CommandError("gunicorn did not answer within a minute.")
            results = {"workers": options["workers"], "connections": options["connections"]}
            for label, url in (("bare page", BARE_URL), ("busiest person", person_url)):
                results[label] = load(base + url, options["connections"], options["seconds"])
                self.stdout.write(
                    f"  gunicorn, {label}: {results[label]['requests_per_second']:.1f} "
                    f"requests/s ({results[label]['ok']} ok, {results[label]['failed']} failed)"
                )
            bare = results["bare page"]["requests_per_second"]
            person = results["busiest person"]["requests_per_second"]
            results["person_to_bare"] = round(person / bare, 3) if bare else None
            self.stdout.write(f"  busiest person / bare page: {results['person_to_bare']}")
            return results
        finally:
            server.terminate()
            server.wait(timeout=30)


def load(url: str, connections: int, seconds: float) -> dict:
    """`connections` threads requesting `url` back to back for `seconds`."""
    ok, failed, lock = [0], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    response.read()
                    good = response.status == 200
            except OSError:
                good = False
            with lock:
                (ok if good else failed)[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {"ok": ok[0], "failed": failed[0], "requests_per_second": round(ok[0] / elapsed, 2)}


def _json(report: dict) -> str:
    return json.dumps(report, indent=2) + "\n"


def table(report: dict) -> str:
    pages = report["pages"]
    bare = next((p for p in pages if p["url"] == BARE_URL), None)
    header = f"{'page':<38}{'p50 ms':>9}{'p95 ms':>9}{'× bare':>8}{'queries':>9}  note"
    lines = [header, "-" * len(header)]
    for page in pages:
        p50, p95 = page.get("p50_ms"), page.get("p95_ms")
        ratio = f"{p50 / bare['p50_ms']:.1f}" if bare and p50 and bare.get("p50_ms") else "—"
        cells = f"{p50 if p50 is not None else '—':>9}{p95 if p95 is not None else '—':>9}"
        lines.append(f"{page['page']:<38}{cells}{ratio:>8}{page['queries']:>9}  {page['note']}")
    return "\n".join(lines)
