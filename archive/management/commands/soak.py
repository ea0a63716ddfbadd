"""A bounded soak test of a running server, loopback only.

`python manage.py soak --url http://127.0.0.1:8000 --connections 64 --duration 60` opens that
many keep-alive connections, each a thread sending GET requests one after another for the
duration, over a mix of public pages taken from the configured database (run it with the
same settings as the server, so the pages exist): the home page, the busiest person's and
organization's pages, articles, tags, indexes, searches. It then prints the number of
requests, the errors (any answer but 200, and refused or broken connections), the time-outs
(no complete answer within --timeout seconds), and p50/p95/p99/max latency, overall and per
kind of page; with --json it also writes them to a file. It exits with an error when there
was any error or time-out.

Limits: only loopback addresses are accepted as targets; at most 256 connections and 600 s.
"""

import http.client
import ipaddress
import json
import threading
import time
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.urls import reverse

MAX_CONNECTIONS = 256
MAX_DURATION = 600


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Linear interpolation between closest ranks; 0 for no values."""
    if not sorted_values:
        return 0.0
    rank = fraction * (len(sorted_values) - 1)
    low = int(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


def page_mix(per_kind: int = 5) -> list[tuple[str, str]]:
    """(kind, path) pairs of public pages in this archive, the heaviest included."""
    from taggit.models import Tag

    from archive.models import Article, Entity, Quote

    paths = [("home", reverse("archive:home")), ("index", reverse("archive:people"))]
    paths.append(("index", reverse("archive:articles")))
    paths.append(("index", reverse("archive:tags")))
    speakers = (
        Quote.objects.public()
        .values("speaker")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("speaker", flat=True)[: per_kind * 2]
    )
    entities = Entity.objects.filter(pk__in=list(speakers))
    for entity in entities:
        kind = "person" if entity.kind == "person" else "organization"
        paths.append((kind, entity.specific.get_absolute_url()))
    latest = Article.objects.published().order_by("-published_on")[:per_kind]
    paths.extend(("article", a.get_absolute_url()) for a in latest)
    ids = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    spread = ids[len(ids) // (2 * per_kind) :: max(1, len(ids) // per_kind)][:per_kind]
    older = Article.objects.filter(pk__in=spread)
    paths.extend(("article", a.get_absolute_url()) for a in older)
    tags = Tag.objects.order_by("name")[:per_kind]
    paths.extend(("tag", reverse("archive:tag", kwargs={"slug": t.slug})) for t in tags)
    quotes = Quote.objects.public().order_by("-pk")[:per_kind]
    paths.extend(("quote", q.get_absolute_url()) for q in quotes)
    search = reverse("archive:search")
    for query in ("president", "police+minister", "election"):
        paths.append(("search", f"{search}?q={query}"))
    return paths


class Soak:
    def __init__(self, host, port, paths, connections, duration, timeout):
        self.host, self.port, self.paths = host, port, paths
        self.connections, self.duration, self.timeout = connections, duration, timeout
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = Counter()
        self.failures = Counter()
        self.timeouts = 0

    def _record(self, kind, started, status=None, failure=None):
        elapsed = time.monotonic() - started
        with self.lock:
            if failure == "timeout":
                self.timeouts += 1
            elif failure:
                self.failures[failure] += 1
            else:
                self.statuses[status] += 1
                self.latencies[kind].append(elapsed)

    def _client(self, number, deadline):
        connection = None
        # Clients start spread over the mix, so every kind of page is asked for at once.
        n = number * len(self.paths) // self.connections
        while time.monotonic() < deadline:
            kind, path = self.paths[n % len(self.paths)]
            n += 1
            if connection is None:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Accept": "text/html"})
                response = connection.getresponse()
                response.read()
                self._record(kind, started, status=response.status)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except TimeoutError:
                self._record(kind, started, failure="timeout")
                connection.close()
                connection = None
            except (OSError, http.client.HTTPException) as error:
                self._record(kind, started, failure=type(error).__name__)
                connection.close()
                connection = None
                time.sleep(0.05)
        if connection is not None:
            connection.close()

    def run(self) -> dict:
        deadline = time.monotonic() + self.duration
        started = time.monotonic()
        threads = [
            threading.Thread(target=self._client, args=(i, deadline), daemon=True)
            for i in range(self.connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            # A request in flight at the deadline may take up to the time-out to end.
            thread.join(self.duration + self.timeout + 30)
        elapsed = time.monotonic() - started
        return self.report(elapsed)

    def report(self, elapsed) -> dict:
        every = sorted(v for values in self.latencies.values() for v in values)
        answered = sum(self.statuses.values())
        errors = sum(n for status, n in self.statuses.items() if status != 200)
        errors += sum(self.failures.values())

        def summary(values):
            values = sorted(values)
            return {
                "requests": len(values),
                "p50_ms": round(percentile(values, 0.50) * 1000, 1),
                "p95_ms": round(percentile(values, 0.95) * 1000, 1),
                "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                "max_ms": round((values[-1] if values else 0) * 1000, 1),
            }

        return {
            "connections": self.connections,
            "duration_s": round(elapsed, 1),
            "requests": answered + sum(self.failures.values()) + self.timeouts,
            "requests_per_s": round(answered / elapsed, 1) if elapsed else 0,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "connection_errors": dict(self.failures),
            "errors": errors,
            "timeouts": self.timeouts,
            "timeout_s": self.timeout,
            "overall": summary(every),
            "by_kind": {kind: summary(values) for kind, values in sorted(self.latencies.items())},
        }


def loopback_target(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise CommandError("--url must be an http:// address, such as http://127.0.0.1:8000.")
    # Names are not resolved: only "localhost" or a loopback address literal is a target.
    try:
        loopback = parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise CommandError("The soak test only targets this machine (a loopback address).")
    return parts.hostname, parts.port or 80


class Command(BaseCommand):
    help = (
        "Soak a running server on this machine with N keep-alive connections for D seconds "
        "over the archive's public pages; report errors, time-outs and latency percentiles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument("--duration", type=float, default=60.0, help="seconds")
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="seconds a request may take"
        )
        parser.add_argument("--json", dest="json_path", help="also write the report here")

    def handle(self, *args, url, connections, duration, timeout, json_path, **options):
        if not 1 <= connections <= MAX_CONNECTIONS:
            raise CommandError(f"--connections must be 1 to {MAX_CONNECTIONS}.")
        if not 0 < duration <= MAX_DURATION:
            raise CommandError(f"--duration must be more than 0 and at most {MAX_DURATION}.")
        host, port = loopback_target(url)
        paths = page_mix()
        self.stdout.write(
            f"Soaking {url} with {connections} connections for {duration:g} s over "
            f"{len(paths)} pages (time-out {timeout:g} s)…"
        )
        report = Soak(host, port, paths, connections, duration, timeout).run()
        report["url"] = url
        self._print(report)
        if json_path:
            with open(json_path, "w", encoding="utf-8") as out:
                out.write(json.dumps(report, indent=2) + "\n")
        if report["errors"] or report["timeouts"]:
            raise CommandError(
                f"{report['errors']} errors and {report['timeouts']} time-outs "
                f"in {report['requests']} requests."
            )

    def _print(self, report):
        overall = report["overall"]
        self.stdout.write(
            f"{report['requests']} requests in {report['duration_s']} s "
            f"({report['requests_per_s']}/s); errors {report['errors']}, "
            f"time-outs {report['timeouts']}; statuses {report['statuses']}"
            + (f"; connection errors {report['connection_errors']}" if report["errors"] else "")
        )
        self.stdout.write(
            f"latency p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms, "
            f"p99 {overall['p99_ms']} ms, max {overall['max_ms']} ms"
        )
        for kind, row in report["by_kind"].items():
            self.stdout.write(
                f"  {kind:<13} {row['requests']:>6} requests  p50 {row['p50_ms']:>8} ms  "
                f"p99 {row['p99_ms']:>8} ms  max {row['max_ms']:>8} ms"
            )
