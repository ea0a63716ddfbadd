"""Loading many rows fast, on either engine: PostgreSQL `COPY`, SQLite `executemany`.

`Table` describes the rows of one model as plain tuples: the columns a writer gives, then
every other concrete column with its default (and `auto_now`/`auto_now_add` stamps), prepared
for the database once rather than once per row. `load()` writes tuples through the raw
DB-API cursor, bypassing the ORM's per-object work.

`indexes_set_aside(tables)` drops the secondary indexes (and on PostgreSQL the foreign keys)
of tables that are empty, for the duration of a load, and builds them again from their saved
definitions afterwards: one sort per index instead of millions of random index inserts, and on
PostgreSQL one validating join per foreign key instead of a trigger per row. Everything runs
inside the caller's transaction, so a violated constraint rolls the whole load back.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import OperationalError, connection
from django.utils import timezone


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # given columns, then the defaulted ones
    tail: tuple  # the defaulted columns' values, ready for the database

    @classmethod
    def of(cls, model, given: Sequence[str], now=None) -> Table:
        """The table of `model`, with `given` columns (attnames) supplied by the writer; the
        primary key is left to the database unless it is among them."""
        now = now or timezone.now()
        rest, values = [], []
        for field in model._meta.concrete_fields:
            if field.attname in given or field.primary_key:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            elif field.has_default() or field.null or not field.is_relation:
                value = field.get_default()
            else:
                raise ValueError(f"{model.__name__}.{field.attname} needs a value")
            rest.append(field.column)
            values.append(field.get_db_prep_save(value, connection))
        given_columns = [model._meta.get_field(_field_name(model, a)).column for a in given]
        return cls(model._meta.db_table, (*given_columns, *rest), tuple(values))

    def rows(self, given: Iterable[tuple]) -> Iterable[tuple]:
        tail = self.tail
        return (row + tail for row in given)


def _field_name(model, attname: str) -> str:
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field.name
    raise LookupError(f"{model.__name__} has no column {attname}")


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def load(table: Table, given: Iterable[tuple]) -> None:
    """Write rows (the given columns' values, in order) into `table`."""
    rows = table.rows(given)
    columns = ", ".join(_quoted(c) for c in table.columns)
    raw = connection.connection  # the DB-API connection under Django's wrapper
    if connection.vendor == "postgresql":
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {_quoted(table.name)} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(table.columns))
    cursor = raw.cursor()
    try:
        cursor.executemany(f"INSERT INTO {_quoted(table.name)} ({columns}) VALUES ({marks})", rows)
    finally:
        cursor.close()


def is_empty(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {_quoted(table)} LIMIT 1")
        return cursor.fetchone() is None


def _sqlite_set_aside(cursor, tables: list[str]) -> list[str]:
    # Indexes written as CREATE INDEX (Django's indexes, the foreign keys' indexes, unique
    # constraints with a condition); those inside CREATE TABLE have no SQL and stay.
    marks = ", ".join("%s" for _ in tables)
    cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    )
    found = cursor.fetchall()
    for name, _ in found:
        cursor.execute(f"DROP INDEX {_quoted(name)}")
    return [sql for _, sql in found]


def _postgres_set_aside(cursor, tables: list[str]) -> list[str]:
    cursor.execute(
        """SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
           FROM pg_constraint c
           WHERE c.contype = 'f' AND c.conrelid = ANY(%s::regclass[])
           ORDER BY c.conname""",
        [tables],
    )
    keys = cursor.fetchall()
    # Django's foreign keys are checked at commit; ALTER TABLE refuses to run while such
    # checks are pending (rows written earlier in the transaction), so run them now.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(
        """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
           FROM pg_index i
           WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
           ORDER BY 1""",
        [tables],
    )
    indexes = cursor.fetchall()
    for table, name, _ in keys:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {_quoted(name)}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    # Indexes first: the foreign keys' validating joins can then use them.
    return [sql for _, sql in indexes] + [
        f"ALTER TABLE {table} ADD CONSTRAINT {_quoted(name)} {definition}"
        for table, name, definition in keys
    ]


@contextmanager
def indexes_set_aside(tables: Sequence[str]):
    """Drop the secondary indexes (PostgreSQL: and foreign keys) of those `tables` that are
    empty, and create them again when the block ends. Use inside a transaction."""
    empty = [t for t in tables if is_empty(t)]
    if not empty:
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            restore = _postgres_set_aside(cursor, empty)
        else:
            restore = _sqlite_set_aside(cursor, empty)
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in restore:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def sqlite_tuned():
    """SQLite PRAGMAs for one big load on this connection: no fsync, a large page cache, a
    rollback journal instead of WAL; restored afterwards. Outside a transaction (SQLite
    refuses journal changes inside one); a no-op on PostgreSQL."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size")
        cache_size = cursor.fetchone()[0]
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -262144")  # 256 MB
        if journal == "wal":
            # A rollback journal records only the pages a transaction changes that existed
            # before it; WAL would write every new page twice (log, then checkpoint).
            try:
                cursor.execute("PRAGMA journal_mode = DELETE")
            except OperationalError:  # another connection has the file open: stay in WAL
                journal = None
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if journal == "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute(f"PRAGMA synchronous = {int(synchronous)}")
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")


def reset_sequences(models) -> None:
    """After rows were written with explicit ids: PostgreSQL's sequences continue after them
    (SQLite's AUTOINCREMENT keeps track by itself)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def ordered(func: Callable, tasks: Iterable, pool=None, ahead: int = 2) -> Iterator:
    """func(task) for each task, in order: in `pool`'s forked processes when there is one
    (at most `ahead` results per process wait for the caller, so memory stays bounded),
    else here."""
    if pool is None:
        for task in tasks:
            yield func(task)
        return
    pending: deque = deque()
    queue = iter(tasks)
    limit = ahead * pool._processes
    for task in queue:
        pending.append(pool.apply_async(func, (task,)))
        if len(pending) >= limit:
            break
    while pending:
        result = pending.popleft().get()
        task = next(queue, None)
        if task is not None:
            pending.append(pool.apply_async(func, (task,)))
        yield result


@contextmanager
def forked_pool(workers: int):
    """A pool of `workers` forked processes (None when workers < 1). Children inherit the
    parent's memory, including its database connections: whoever forks must make sure they
    never use those (close them first, or give the children no database work)."""
    if workers < 1:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield pool
