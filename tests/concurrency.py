"""Helpers for tests that run real processes against a real database file or server.

`file_database_env` gives the environment a subprocess needs to use the same database as the
test: on PostgreSQL the test database itself (the test must use `transactional_db` so that
its rows are committed); on SQLite, whose test database lives in memory, a file copied from it
with `VACUUM INTO` (which carries the schema, the migrations' rows and whatever the test
loaded).

Run as a module, this file is a worker (`python -m tests.concurrency COMMAND`): `admin-saves
N` logs in as the superuser `ada` through Django's test client and saves the seed article's
change form N times, printing one status code a line; `counts` prints the archive's counts as
JSON; `publish N` publishes N articles one transaction each; `trim K` deletes those from
number K on; `soak-count` counts them; `pages` prints a digest of every public page and of
some searches.
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


SOAK_HEADLINE = "Backup soak article"


def _publish(count: int) -> None:
    """Publish `count` articles, each with a confirmed, tagged quote, one transaction each,
    printing "committed K" after each commit."""
    import datetime as dt

    from django.db import transaction

    from archive.models import Article, ArticleStatus, Person, Quote, ReviewStatus

    speaker = Person.objects.get(slug="vanessa-saenen")
    for k in range(count):
        with transaction.atomic():
            article = Article.objects.create(
                headline=f"{SOAK_HEADLINE} {k}",
                slug=f"backup-soak-article-{k}",
                standfirst=f"Observers count ballot box {k}.",
                body=f'"We counted ballot box {k} twice," Saenen said.\n\nObservers agreed.',
                published_on=dt.date(2006, 1, 1) + dt.timedelta(days=k),
                status=ArticleStatus.PUBLISHED,
            )
            quote = Quote(article=article, speaker=speaker, status=ReviewStatus.CONFIRMED)
            quote.anchor_to(f"We counted ballot box {k} twice")
            quote.full_clean()
            quote.save()
            quote.tags.add("elections", f"box-{k % 7}")
        print(f"committed {k + 1}", flush=True)


def _trim(keep: int) -> None:
    """Delete the published soak articles from number `keep` on."""
    from archive.models import Article

    doomed = [
        a.pk
        for a in Article.objects.filter(headline__startswith=SOAK_HEADLINE)
        if int(a.headline.rsplit(" ", 1)[1]) >= keep
    ]
    Article.objects.filter(pk__in=doomed).delete()


def _pages() -> None:
    """Every public page that the archive's contents decide, with search results, as a
    digest of its HTML (per-response tokens and nonces taken out), keyed by address."""
    import hashlib
    import re

    from django.test import Client
    from django.test.utils import setup_test_environment
    from taggit.models import Tag

    from archive.models import Article, Entity

    setup_test_environment()
    paths = ["/", "/articles/", "/people/", "/tags/", "/timeline/", "/sitemap-articles.xml"]
    paths += [a.get_absolute_url() for a in Article.objects.published()]
    paths += [e.specific.get_absolute_url() for e in Entity.objects.all()]
    paths += [f"/tags/{t.slug}/" for t in Tag.objects.all()]
    for query in ("ballot", "ballot box 3", "elections", "Saenen", "Observers count"):
        paths.append(f"/search/?q={query.replace(' ', '+')}")
        paths.append(f"/search/?q={query.replace(' ', '+')}&kind=quote")
    client = Client()
    digests = {}
    for path in paths:
        response = client.get(path)
        html = response.content.decode()
        html = re.sub(r'nonce="[^"]*"', "", html)
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
        digest = hashlib.sha256(html.encode()).hexdigest()
        digests[path] = f"{response.status_code} {digest}"
    print(json.dumps(digests))


def _soak_count() -> None:
    from archive.models import Article

    print(Article.objects.filter(headline__startswith=SOAK_HEADLINE).count())


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    command = sys.argv[1]
    if command == "admin-saves":
        _admin_saves(int(sys.argv[2]))
    elif command == "counts":
        _counts()
    elif command == "publish":
        _publish(int(sys.argv[2]))
    elif command == "trim":
        _trim(int(sys.argv[2]))
    elif command == "pages":
        _pages()
    elif command == "soak-count":
        _soak_count()
    else:
        raise SystemExit(f"unknown command {command!r}")
