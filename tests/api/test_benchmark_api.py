"""The API benchmark script runs and reports what the README quotes (figures are measured
outside the suite; here only that it works and what it reports)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_benchmark_api_reports_pages_and_csv(seed, tmp_path):
    out = StringIO()
    report_file = tmp_path / "report.json"
    call_command(
        "benchmark_api", "--repeat=2", "--page-size=5", f"--json={report_file}", stdout=out
    )
    report = json.loads(report_file.read_text())
    assert set(report["pages"]) == {
        "bare (/api/, no query)",
        "quotes, first page",
        "quotes, middle page",
        "quotes, last page",
    }
    assert report["csv"]["rows"] == report["quotes"] > 0
    assert report["csv"]["rows_per_second"] > 0
    assert "rows/s" in out.getvalue()
