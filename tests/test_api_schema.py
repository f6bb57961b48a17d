"""Schemathesis drives every route with inputs generated from the OpenAPI schema: no input
may produce a server error, and every response must match its documented schema."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error, response_schema_conformance  # noqa: E402

from tests._api_app import make_app  # noqa: E402

schema = schemathesis.openapi.from_asgi("/openapi.json", make_app())


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_schema_no_server_error(case) -> None:
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
