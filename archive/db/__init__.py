"""Work that must commit in the same transaction as the writes that call for it.

The search index and the stored summaries are derived from the rows an edit writes. Run on
commit (`transaction.on_commit`), they would be a second transaction: a reader, a backup
(`VACUUM INTO`, `pg_dump`) or a crash between the two sees an article without its search
entries or its summaries, and a restored backup keeps that difference for good. So they run
*before* commit instead, inside the transaction: `before_commit(func)` registers `func`
(once) on the connection, and the database backends below (`archive.db.sqlite3`,
`archive.db.postgresql`, Django's own with one method more) run what is registered just
before the outermost atomic block commits. If it fails, the transaction rolls back: the
writes and what is derived from them commit together or not at all.

What must only happen once the data is visible to others (the page cache's version bumps)
stays `on_commit`: a bump before the commit would let a reader cache the old page under the
new version.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

_ATTR = "archive_before_commit"


def _hooks(connection) -> list[Callable[[], None]]:
    hooks = getattr(connection, _ATTR, None)
    if hooks is None:
        hooks = []
        setattr(connection, _ATTR, hooks)
    return hooks


def before_commit(func: Callable[[], None], using: str = "default") -> None:
    """Run `func` before the current transaction commits; outside a transaction (autocommit:
    each statement has already committed) run it now."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        func()
        return
    hooks = _hooks(connection)
    if not any(hook is func for hook in hooks):
        hooks.append(func)


def is_registered(func, using: str = "default") -> bool:
    return any(hook is func for hook in _hooks(transaction.get_connection(using)))


def run_before_commit_hooks(connection) -> None:
    """Run (and forget) what is registered, in order; a hook may register more. Tests, whose
    transaction never commits, call it through `run_pending` to do what a commit would."""
    hooks = _hooks(connection)
    while hooks:
        hook = hooks.pop(0)
        # An atomic block of its own: the hooks' on_commit callbacks are kept for the
        # commit, and their errors roll back to a savepoint before reaching the commit.
        with transaction.atomic(using=connection.alias):
            hook()


def run_pending(using: str = "default") -> None:
    run_before_commit_hooks(transaction.get_connection(using))


class BeforeCommitMixin:
    """For a DatabaseWrapper: run the before-commit hooks inside the transaction, then
    commit; a failing hook rolls the whole transaction back."""

    def commit(self):
        if getattr(self, _ATTR, None):
            try:
                run_before_commit_hooks(self)
            except BaseException:
                self.rollback()
                raise
        super().commit()

    def rollback(self):
        setattr(self, _ATTR, [])
        super().rollback()

    def close(self):
        setattr(self, _ATTR, [])
        super().close()
