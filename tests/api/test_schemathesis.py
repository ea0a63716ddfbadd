"""Property-based requests generated from the OpenAPI schema (schemathesis), run against the
seed archive in-process: no answer may be a server error, and every answer must match what
the schema documents (status, content type, body). The suite runs this on SQLite and on
PostgreSQL. Examples are bounded so the suite stays short."""

import json

import pytest
import schemathesis
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
    settings.ALLOWED_HOSTS = ["*"]
    return seed


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_documented(case, api_seed):
    case.call_and_validate(app=application, checks=CHECKS)
