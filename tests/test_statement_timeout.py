"""PostgreSQL: readers' queries stop at ANON_STATEMENT_TIMEOUT_MS and the page answers 503
with Retry-After; editors' requests have no limit."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from archive.middleware import ReaderStatementTimeout

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"
)


@pytest.fixture(autouse=True)
def _reset_timeout(transactional_db):
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
    connection.archive_statement_timeout = None


def slow_page(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.5)")
    return HttpResponse("done")


def current_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def run(middleware, user):
    request = RequestFactory().get("/people/someone/")
    request.user = user
    try:
        return middleware(request)
    except Exception as error:  # what Django's handler does with process_exception
        return middleware.process_exception(request, error)


def test_a_readers_slow_query_answers_503_and_an_editors_does_not(
    transactional_db, settings, django_user_model
):
    settings.ANON_STATEMENT_TIMEOUT_MS = 100
    middleware = ReaderStatementTimeout(slow_page)

    answer = run(middleware, AnonymousUser())
    assert answer.status_code == 503
    assert answer["Retry-After"] == "30"
    assert current_timeout() == "100ms"

    editor = django_user_model.objects.create_user("edna", is_staff=True)
    answer = run(middleware, editor)
    assert answer.status_code == 200
    assert current_timeout() == "0"


def test_off_by_default_and_pages_still_answer(transactional_db, client, settings):
    settings.ANON_STATEMENT_TIMEOUT_MS = 0
    assert run(ReaderStatementTimeout(slow_page), AnonymousUser()).status_code == 200
    settings.ANON_STATEMENT_TIMEOUT_MS = 5000
    assert client.get("/").status_code == 200
    assert current_timeout() == "5s"
