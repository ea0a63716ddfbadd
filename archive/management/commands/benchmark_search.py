import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import NoReverseMatch, reverse

from archive.corpus.benchmark import Case, baseline_search, build_cases, measure
from archive.models import Article, Quote

SEARCH_ROUTE = "archive:search"
SIDES = ("engine", "baseline")


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def request_settings() -> dict:
    """Settings under which the test client may call the site outside the test runner."""
    overrides = {"ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, "testserver"]}
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        # Without collectstatic the hashed-name storage cannot resolve {% static %}; the plain
        # storage costs the same per lookup, so the timing does not change.
        overrides["STORAGES"] = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    return overrides


class Command(BaseCommand):
    help = (
        "Time the whole search request (p50/p95 per query class) on the configured database, "
        "next to a naive icontains baseline over the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repeat", type=positive, default=10, help="Timed passes over the query mix."
        )
        parser.add_argument(
            "--baseline-repeat",
            type=positive,
            default=3,
            help="Timed passes for the icontains baseline (each query scans every article).",
        )
        parser.add_argument("--skip-baseline", action="store_true")
        parser.add_argument(
            "--json", metavar="FILE", help="Also write the figures as JSON to FILE ('-': stdout)."
        )

    def handle(self, *args, repeat, baseline_repeat, skip_baseline, json: str | None, **options):
        out = self.stderr if json == "-" else self.stdout
        cases = build_cases()
        report = {
            "database": connection.vendor,
            "articles": Article.objects.count(),
            "quotes": Quote.objects.count(),
            "queries": [{"class": case.label, "params": case.params} for case in cases],
            "engine": None,
            "baseline": None,
        }
        out.write(
            f"{report['articles']:,} articles, {report['quotes']:,} quotes on "
            f"{connection.vendor}; {len(cases)} queries in the mix."
        )
        if settings.DEBUG:
            out.write("Note: DEBUG is on, so Django records every SQL query; figures run high.")
        try:
            url = reverse(SEARCH_ROUTE)
        except NoReverseMatch:
            url = None
            out.write(
                self.style.WARNING(
                    f"There is no search page ({SEARCH_ROUTE}) in this project yet: only the "
                    "icontains baseline is measured."
                )
            )
        if url:
            client = Client(raise_request_exception=False)

            def engine(case: Case) -> str | None:
                response = client.get(url, case.params)
                if response.status_code != 200:
                    return f"{response.status_code} for {case.params}"
                return None

            with override_settings(**request_settings()):
                timings = measure(cases, engine, repeat, lambda n: out.write(f"engine pass {n}"))
            report["engine"] = {label: t.summary() for label, t in timings.items()}
            for problem in sorted({p for t in timings.values() for p in t.errors})[:5]:
                out.write(self.style.ERROR(f"Search request failed: {problem}"))
        if not skip_baseline:
            hits = {}

            def baseline(case: Case) -> None:
                page = baseline_search(case.params)
                hits[id(case)] = {
                    "articles": page.articles,
                    "quotes": page.quotes,
                    "entities": page.entities,
                }

            timings = measure(
                cases, baseline, baseline_repeat, lambda n: out.write(f"baseline pass {n}")
            )
            report["baseline"] = {label: t.summary() for label, t in timings.items()}
            for case, entry in zip(cases, report["queries"], strict=True):
                entry["baseline_hits"] = hits[id(case)]
                out.write(f"  {case.label:<20} {case.params} → {hits[id(case)]}")
        out.write(table(report))
        if json == "-":
            self.stdout.write(_json(report), ending="")
        elif json:
            Path(json).write_text(_json(report), encoding="utf-8")
            out.write(f"Figures written to {json}.")


def _json(report: dict) -> str:
    return json.dumps(report, indent=2) + "\n"


def table(report: dict) -> str:
    """Per query class: p50 and p95 in milliseconds of the engine and of the baseline."""
    labels = list((report["engine"] or report["baseline"] or {}).keys())
    header = f"{'query class':<22}{'engine p50':>12}{'engine p95':>12}{'icontains p50':>15}"
    header += f"{'icontains p95':>15}{'failed':>8}"
    lines = [header, "-" * len(header)]

    def cell(side: str, label: str, key: str, width: int) -> str:
        figures = (report[side] or {}).get(label) or {}
        return f"{figures[key]:>{width}.1f}" if key in figures else f"{'—':>{width}}"

    def failed(label: str) -> int:
        return sum(((report[side] or {}).get(label) or {}).get("errors", 0) for side in SIDES)

    for label in sorted(labels, key=lambda x: (x == "overall", x)):
        lines.append(
            f"{label:<22}{cell('engine', label, 'p50_ms', 12)}"
            f"{cell('engine', label, 'p95_ms', 12)}{cell('baseline', label, 'p50_ms', 15)}"
            f"{cell('baseline', label, 'p95_ms', 15)}{failed(label):>8}"
        )
    lines.append("(milliseconds per whole request; — not measured; failed: requests not 200)")
    return "\n".join(lines)
