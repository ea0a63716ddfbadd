"""PostgreSQL: a persistent connection that the server dropped costs no request. The server
(gunicorn with deploy/gunicorn.conf.py) keeps its connection between requests; terminating
that backend, as a database restart or failover does, used to answer the next request with
a 500. With CONN_HEALTH_CHECKS (the default) the connection is tested and reopened first."""

import pytest
from django.db import connection

from archive.loading import load_fixtures
from archive.seed.build import FIXTURE
from tests.concurrency import file_database_env, get_status, gunicorn

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="persistent connections are a PostgreSQL matter"
)


def terminate_other_backends() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            # The timeout makes pg_terminate_backend wait until the backend has gone, so the
            # next request cannot reach it before the signal does.
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return len(cursor.fetchall())


@pytest.mark.parametrize(("health_checks", "after"), [("true", 200), ("false", 500)])
def test_a_terminated_backend_costs_no_request(transactional_db, tmp_path, health_checks, after):
    load_fixtures([FIXTURE])
    # The page cache is off: a page served from it would never reach the database.
    env = file_database_env(
        tmp_path, CONN_HEALTH_CHECKS=health_checks, CONN_MAX_AGE="600", PAGE_CACHE="false"
    )
    with gunicorn(env) as base:
        for _ in range(3):
            assert get_status(base + "/people/vanessa-saenen/") == 200
        assert terminate_other_backends() >= 1
        # Without health checks the worker finds out on the first query: 500 (the control
        # case, which shows this test can fail); with them the request never notices.
        assert get_status(base + "/people/vanessa-saenen/") == after
        assert get_status(base + "/people/vanessa-saenen/") == 200
