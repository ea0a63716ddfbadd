"""backup_archive / restore_archive: a backup taken while an editor keeps publishing restores
to an archive with the same public pages and search results (the search index and the stored
summaries commit with the rows, archive/db; every list has a unique tie-break, so a restore's
new physical order changes nothing); TaggedQuote has a natural key,
so dumpdata --natural-foreign --natural-primary loads again."""

import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from archive.loading import load_fixtures
from archive.models import Quote
from archive.seed.build import FIXTURE
from tests.concurrency import ROOT, file_database_env, finish, integrity_ok, manage, worker

WRITES = 120
BEFORE_BACKUP = 15


@pytest.fixture
def restore_target(transactional_db, tmp_path):
    """What points a subprocess at a second, empty database to restore into."""
    if connection.vendor == "sqlite":
        yield {"SQLITE_PATH": str(tmp_path / "restored.sqlite3")}
        return
    settings = connection.settings_dict
    name = settings["NAME"] + "_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    user, host = settings["USER"] or "postgres", settings["HOST"] or "127.0.0.1"
    yield {"DATABASE_URL": f"postgres://{user}@{host}:{settings['PORT'] or 5432}/{name}"}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def output(*args, env):
    code, out, err = finish(worker(*args, env=env))
    assert code == 0, err[-3000:]
    return out


def test_a_backup_taken_during_writes_restores_the_same_pages_and_search(restore_target, tmp_path):
    load_fixtures([FIXTURE])
    source = file_database_env(tmp_path)
    restored = {**source, **restore_target}
    backup_file = tmp_path / ("backup.sqlite3" if connection.vendor == "sqlite" else "b.dump")

    writer = worker("publish", str(WRITES), env=source)
    for line in writer.stdout:
        if line.strip() == f"committed {BEFORE_BACKUP}":
            break
    code, out, err = finish(manage("backup_archive", str(backup_file), env=source))
    assert code == 0, err
    assert "Backed up the archive" in out
    rest, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err[-3000:]
    last = rest.split()[-1] if rest.split() else ""
    assert last == str(WRITES), "the writer was to keep writing during the backup"

    code, out, err = finish(manage("restore_archive", str(backup_file), "--yes", env=restored))
    assert code == 0, err
    assert integrity_ok(restored)
    kept = int(output("soak-count", env=restored))
    # Everything committed before the backup began is in it; it is a moment of the writes.
    assert BEFORE_BACKUP <= kept <= WRITES

    # Bring the source back to that moment, then every page and search must be the same.
    output("trim", str(kept), env=source)
    assert int(output("soak-count", env=source)) == kept
    pages_source = json.loads(output("pages", env=source))
    pages_restored = json.loads(output("pages", env=restored))
    assert len(pages_source) > 30
    assert all(value.startswith("200 ") for value in pages_source.values()), pages_source
    # The addresses first, for a readable failure: summaries or search entries missing from
    # the backup, or a list whose order the restore changed (no unique tie-break).
    differ = sorted(p for p in pages_source if pages_restored.get(p) != pages_source[p])
    assert not differ
    assert pages_restored == pages_source


def test_restore_refuses_what_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    with pytest.raises(Exception, match="neither a SQLite database nor a pg_dump"):
        call_command("restore_archive", str(bogus), yes=True)


def test_dumpdata_with_natural_keys_loads_into_an_empty_archive(transactional_db, tmp_path):
    load_fixtures([FIXTURE])
    tagged = Quote.objects.filter(tagged_items__isnull=False).count()
    assert tagged
    dump = tmp_path / "dump.json"
    env = file_database_env(tmp_path)
    excluded = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "reversion"]
    code, out, err = finish(
        manage(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            *[arg for app in excluded for arg in ("-e", app)],
            "-o",
            str(dump),
            env=env,
        )
    )
    assert code == 0, err
    empty = dict(env)
    if connection.vendor == "sqlite":
        empty["SQLITE_PATH"] = str(tmp_path / "empty.sqlite3")
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=empty, check=True
        )
        code, out, err = finish(manage("loaddata", str(dump), env=empty))
        assert code == 0, err
        assert "Installed" in out
    else:
        # Flush the test database and load the dump back into it.
        call_command("flush", interactive=False)
        assert not Quote.objects.exists()
        code, out, err = finish(manage("loaddata", str(dump), env=env))
        assert code == 0, err
        assert Quote.objects.filter(tagged_items__isnull=False).count() == tagged
