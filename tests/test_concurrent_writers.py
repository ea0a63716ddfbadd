"""Several writers at once on one database: two import runs, an editor saving in the admin and
a search-index rebuild, each a process of its own, all at the same time. On SQLite every
write transaction begins IMMEDIATE and waits (busy timeout) for the one before it, so none of
them fails with "database is locked"; on PostgreSQL row locks do the same."""

import json

import pytest

from archive.loading import load_fixtures
from archive.seed.build import FIXTURE
from tests.concurrency import file_database_env, finish, integrity_ok, manage, worker

FILES_PER_RUN = 30
ADMIN_SAVES = 12

BODY = (
    "Vanessa Saenen of Human Rights Watch spoke in Almaty on the {n}th day. "
    '"The elections must be free, and the count number {n} must be open," she said.\n\n'
    '"We will publish our findings," Saenen added.'
)


def _write_articles(folder, run):
    folder.mkdir()
    for n in range(FILES_PER_RUN):
        (folder / f"{run}-{n:03}.txt").write_text(
            f"Headline: Observers report {run} number {n}\n"
            f"Date: 2005-03-{n % 28 + 1:02}\n"
            f"Source: https://example.org/{run}/{n}\n\n" + BODY.format(n=n) + "\n",
            encoding="utf-8",
        )


@pytest.fixture
def archive_env(transactional_db, django_user_model, tmp_path):
    load_fixtures([FIXTURE])
    django_user_model.objects.create_superuser("ada", "ada@example.org", "pw-ada-long-enough")
    return file_database_env(tmp_path)


def test_imports_admin_saves_and_reindexing_all_succeed_at_once(archive_env, tmp_path):
    for run in ("first", "second"):
        _write_articles(tmp_path / run, run)
    processes = {
        "import 1": manage("import_articles", str(tmp_path / "first"), env=archive_env),
        "import 2": manage("import_articles", str(tmp_path / "second"), env=archive_env),
        "admin": worker("admin-saves", str(ADMIN_SAVES), env=archive_env),
        "reindex": manage("rebuild_search_index", env=archive_env),
    }
    results = {name: finish(process) for name, process in processes.items()}

    for name, (code, _out, err) in results.items():
        assert code == 0, f"{name} failed:\n{err[-3000:]}"
        assert "database is locked" not in err, name
    for name in ("import 1", "import 2"):
        out = results[name][1]
        assert f"{FILES_PER_RUN} of {FILES_PER_RUN} files imported, 0 rejected." in out, out
    statuses = results["admin"][1].split()
    # Every save is accepted and redirects back to the list: no 500, no form error.
    assert statuses == ["302"] * ADMIN_SAVES, results["admin"][1] + results["admin"][2][-3000:]

    code, out, err = finish(worker("counts", env=archive_env))
    assert code == 0, err
    counts = json.loads(out)
    assert counts["articles"] == 1 + 2 * FILES_PER_RUN
    assert counts["byline"] == f"Byline saved by editor, version {ADMIN_SAVES - 1}"
    assert counts["search_entries"] > 0
    assert integrity_ok(archive_env)


def test_two_rebuilds_and_an_import_at_once(archive_env, tmp_path):
    """Long write transactions queue behind each other instead of failing."""
    _write_articles(tmp_path / "only", "only")
    processes = [
        manage("rebuild_search_index", env=archive_env),
        manage("rebuild_search_index", env=archive_env),
        manage("import_articles", str(tmp_path / "only"), env=archive_env),
    ]
    for process in processes:
        code, _out, err = finish(process)
        assert code == 0, err[-3000:]
    assert integrity_ok(archive_env)
