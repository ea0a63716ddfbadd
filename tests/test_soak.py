"""The soak command: bounded, loopback only, and it counts what goes wrong."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.loading import load_fixtures
from archive.management.commands.soak import percentile
from archive.seed.build import FIXTURE
from tests.concurrency import file_database_env, free_port, gunicorn, manage


def test_percentiles_interpolate():
    assert percentile([], 0.99) == 0
    assert percentile([1.0], 0.5) == 1.0
    assert percentile([0.0, 10.0], 0.99) == pytest.approx(9.9)


@pytest.mark.parametrize(
    "url", ["http://example.org/", "http://10.0.0.1:8000/", "https://127.0.0.1/", "ftp://x/"]
)
def test_only_loopback_http_targets(db, url):
    with pytest.raises(CommandError, match="loopback|http://"):
        call_command("soak", url=url, duration=1, connections=1)


@pytest.mark.parametrize(
    ("option", "value"), [("connections", 0), ("connections", 257), ("duration", 601)]
)
def test_bounded(db, option, value):
    with pytest.raises(CommandError, match=option):
        call_command("soak", **{option: value})


def test_soak_against_gunicorn_reports_requests_and_no_errors(transactional_db, tmp_path):
    load_fixtures([FIXTURE])
    env = file_database_env(tmp_path)
    report_file = tmp_path / "report.json"
    with gunicorn(env, workers=1, threads=2) as base:
        soak = manage(
            "soak",
            "--url",
            base,
            "--connections",
            "4",
            "--duration",
            "3",
            "--timeout",
            "60",
            "--json",
            str(report_file),
            env=env,
        )
        out, err = soak.communicate(timeout=120)
    assert soak.returncode == 0, out + err
    report = json.loads(report_file.read_text())
    assert report["requests"] >= 4, out
    assert report["errors"] == report["timeouts"] == 0, out
    assert report["statuses"] == {"200": report["requests"]}
    assert sum(row["requests"] for row in report["by_kind"].values()) == report["requests"]
    assert "p99" in out


def test_soak_counts_refused_connections_as_errors(db):
    with pytest.raises(CommandError, match="errors"):
        call_command(
            "soak", url=f"http://127.0.0.1:{free_port()}", duration=1, connections=2, timeout=1
        )
