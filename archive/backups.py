"""Backups of the whole archive that are consistent while editors and imports write.

SQLite: `VACUUM INTO` writes a compacted copy of the database as one read transaction, so
the copy holds exactly the transactions committed before it began, whatever is written
meanwhile (copying the file under WAL loses the commits still in the -wal file). Restoring
copies it back page by page with SQLite's online backup API, under the write lock.

PostgreSQL: `pg_dump --format=custom` reads one snapshot. Restoring replays it with psql in
ONE transaction that first empties the schema: if anything fails, nothing changes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    pass


def kind_of(path: Path) -> str:
    with open(path, "rb") as stream:
        head = stream.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is neither a SQLite database nor a pg_dump archive.")


def _pg_env() -> dict:
    settings = connection.settings_dict
    env = {**os.environ, "PGDATABASE": settings["NAME"]}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings.get(key):
            env[var] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def _check_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
        tables = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'django_migrations'"
        ).fetchone()[0]
    if result != "ok" or not tables:
        raise BackupError(f"{path} is not a sound archive database ({result}).")


def backup(output: Path) -> str:
    """Write a backup of the configured database to `output` (replaced atomically only once
    the backup is complete). Returns the engine's name."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=".backup-", dir=output.parent)
    os.close(handle)
    partial = Path(partial)
    try:
        if connection.vendor == "sqlite":
            partial.unlink()  # VACUUM INTO wants to create the file itself
            with connection.cursor() as cursor:
                cursor.execute("VACUUM INTO %s", [str(partial)])
            _check_sqlite(partial)
        elif connection.vendor == "postgresql":
            result = subprocess.run(
                [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
                + ["--file", str(partial)],
                env=_pg_env(),
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        else:
            raise BackupError(f"No backup for the {connection.vendor} engine.")
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return connection.vendor


def restore(source: Path) -> str:
    """Replace the configured database's contents with the backup at `source`."""
    kind = kind_of(source)
    if kind != connection.vendor:
        raise BackupError(
            f"{source} is a {kind} backup and the archive runs on {connection.vendor}. To move "
            "between engines use dumpdata --natural-foreign --natural-primary and loaddata."
        )
    if kind == "sqlite":
        _check_sqlite(source)
        connection.ensure_connection()
        with sqlite3.connect(source) as backup_db:
            backup_db.backup(connection.connection)
        connection.close()
    else:
        listing = subprocess.run(
            [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file", "-", str(source)],
            capture_output=True,
            env=_pg_env(),
        )
        if listing.returncode:
            raise BackupError(f"pg_restore failed: {listing.stderr.decode().strip()}")
        script = b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n" + listing.stdout
        connection.close()  # our own session must not hold locks on what is dropped
        result = subprocess.run(
            [_tool("psql"), "--quiet", "--no-psqlrc", "--single-transaction"]
            + ["--set", "ON_ERROR_STOP=1", "--file", "-"],
            input=script,
            capture_output=True,
            env=_pg_env(),
        )
        if result.returncode:
            raise BackupError(
                "The restore failed and nothing was changed: " + result.stderr.decode().strip()
            )
    return kind
