"""Property-based requests generated from the OpenAPI schema (schemathesis), run against the
seed archive in-process: no answer may be a server error, and every answer must match what
the schema documents (status, content type, body). The suite runs this on SQLite and on
PostgreSQL. Examples are bounded so the suite stays short."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from archive.wsgi import application

SCHEMA = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))
schema = schemathesis.openapi.from_dict(SCHEMA)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_seed(seed, settings):
    """The seed, and the WSGI application called in-process inside the test's transaction.
    Django closes a connection at the end of a request when its autocommit differs from the
    configured one, as it does inside the test's transaction; on PostgreSQL that closed the
    connection under the next request. The test client keeps connections open the same way."""
    settings.ALLOWED_HOSTS = ["*"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield seed
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_documented(case, api_seed):
    case.call_and_validate(app=application, checks=CHECKS)
