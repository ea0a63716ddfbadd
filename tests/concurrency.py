"""Helpers for tests that run real processes against a real database file or server.

`file_database_env` gives the environment a subprocess needs to use the same database as the
test: on PostgreSQL the test database itself (the test must use `transactional_db` so that
its rows are committed); on SQLite, whose test database lives in memory, a file copied from it
with `VACUUM INTO` (which carries the schema, the migrations' rows and whatever the test
loaded).

Run as a module, this file is a worker: `python -m tests.concurrency admin-saves N` logs in as
the superuser `ada` through Django's test client and saves the seed article's change form N
times, printing one status code a line; `python -m tests.concurrency counts` prints the
archive's counts as JSON.
"""

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def file_database_env(tmp_path: Path, **extra) -> dict:
    env = {
        **os.environ,
        "SECRET_KEY": "tests-only-not-secret",
        "DEBUG": "true",
        "PYTHONPATH": str(ROOT),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "archive.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(path)
    else:
        user = settings["USER"] or "postgres"
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        host = settings["HOST"] or "127.0.0.1"
        port = settings["PORT"] or 5432
        env["DATABASE_URL"] = f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"
    return env


def manage(*args: str, env: dict, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def worker(*args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.concurrency", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 900) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def sqlite_path(env: dict) -> str | None:
    return env.get("SQLITE_PATH")


def integrity_ok(env: dict) -> bool:
    path = sqlite_path(env)
    if path is None:
        return True
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 1, threads: int = 1):
    """A gunicorn server with deploy/gunicorn.conf.py on a free loopback port; yields its
    base URL once it answers, and stops it afterwards."""
    port = free_port()
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_THREADS": str(threads),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start:\n" + server.stderr.read()) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def get_status(url: str, timeout: float = 30) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _admin_saves(count: int) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from archive.models import Article
    from tests.admin_forms import change_form_data

    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(username="ada"))
    article = Article.objects.get(source_url="https://www.rferl.org/a/1052186.html")
    url = reverse("admin:archive_article_change", args=[article.pk])
    for n in range(count):
        page = client.get(url)
        if page.status_code != 200:
            print(f"GET {page.status_code}", flush=True)
            continue
        data = change_form_data(page)
        data["byline"] = f"Byline saved by editor, version {n}"
        answer = client.post(url, data)
        print(answer.status_code, flush=True)
        if answer.status_code == 200:
            form = answer.context["adminform"].form
            print(form.errors.as_json(), file=sys.stderr)


def _counts() -> None:
    from archive.models import Article, Quote
    from archive.models.search import SearchEntry

    article = Article.objects.get(source_url="https://www.rferl.org/a/1052186.html")
    print(
        json.dumps(
            {
                "articles": Article.objects.count(),
                "quotes": Quote.objects.count(),
                "search_entries": SearchEntry.objects.count(),
                "byline": article.byline,
            }
        )
    )


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    command = sys.argv[1]
    if command == "admin-saves":
        _admin_saves(int(sys.argv[2]))
    elif command == "counts":
        _counts()
    else:
        raise SystemExit(f"unknown command {command!r}")
