"""Property-based check of the live API against its own OpenAPI description (schemathesis).

Every operation gets a few generated requests (valid and invalid, deterministic):
no response may be a server error, and every status, content type and body
must be what /openapi.json declares.  Bounded to keep the suite fast.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from test_server_support import live_server

from dateline.server import ServerSettings

TOKEN = "schema-token"
SEED_ARTICLE = {"id": "seed-1", "source": "Reuters", "published": "2017-06-20",
                "text": "MOSUL, Iraq (Reuters) - Iraqi forces attacked Islamic State fighters in Mosul on "
                        "Tuesday, a commander said. \"We will win,\" he told Reuters."}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("schema") / "corpus.db"
    with live_server(ServerSettings(db=db, token=TOKEN, max_request_bytes=200_000, max_batch=4,
                                    analysis_timeout=10)) as url:
        import httpx

        httpx.post(f"{url}/api/articles", json=SEED_ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"},
                   timeout=60).raise_for_status()
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_matches_its_openapi(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
                           checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_schema_conformance])
