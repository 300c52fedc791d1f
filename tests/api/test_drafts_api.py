"""HTTP API: drafts, techniques, health, and clear 4xx errors naming the field."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.main import create_app
from service.schemas import TECHNIQUE_IDS


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_draft_on_the_offline_default(client: TestClient, example_request: dict[str, Any]) -> None:
    response = client.post("/v1/drafts", json=example_request)
    assert response.status_code == 200, response.text
    body = response.json()
    for key in (
        "id",
        "status",
        "draft",
        "technique",
        "signals",
        "commitments",
        "checks",
        "attempts",
        "model",
        "prompt_version",
        "usage",
        "latency_ms",
    ):
        assert key in body
    assert body["status"] == "ready", body["checks"]
    assert body["model"] == "calm/playbook"
    assert "Dana" in body["draft"]
    assert body["usage"]["cost_usd"] == 0.0


def test_techniques_and_health(client: TestClient) -> None:
    techniques = client.get("/v1/techniques").json()
    assert [t["id"] for t in techniques] == list(TECHNIQUE_IDS)
    assert all(t["summary"] and "@" in t["version"] for t in techniques)
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["default_model"] == "calm/playbook"
    assert client.get("/openapi.json").json()["paths"]["/v1/drafts"]["post"]
    assert client.get("/docs").status_code == 200


def _mutate(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    body = copy.deepcopy(base)
    target: Any = body
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if value is _DELETE:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return body


_DELETE = object()

BAD_INPUTS = [
    ("thread.messages", [], "thread.messages"),
    ("thread.messages", [{"role": "agent", "text": "hello"}], "thread.messages"),
    ("thread.messages.0.role", "robot", "thread.messages.0.role"),
    ("thread.channel", "fax", "thread.channel"),
    ("technique", "hug-it-out", "technique"),
    ("thread.messages.0.text", "x" * 20_001, "thread.messages.0.text"),
    ("thread.messages.0.text", "   ", "thread.messages.0.text"),
    ("thread.messages", "not a list", "thread.messages"),
    ("policy.max_credit_months", "two", "policy.max_credit_months"),
    ("thread.customer", _DELETE, "thread.customer"),
    ("thread.mesages", [], "thread.mesages"),
    ("facts", "Outage", "facts"),
]


@pytest.mark.parametrize(("path", "value", "field"), BAD_INPUTS)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient, example_request: dict[str, Any], path: str, value: Any, field: str
) -> None:
    response = client.post("/v1/drafts", json=_mutate(example_request, path, value))
    assert response.status_code == 422, response.text
    body = response.json()
    assert field in [row["field"] for row in body["detail"]], body
    assert field in body["message"]
    assert "Traceback" not in response.text


def test_malformed_json_and_oversized_body(client: TestClient) -> None:
    response = client.post(
        "/v1/drafts", content=b'{"thread": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"
    huge = b'{"pad": "' + b"x" * 2_100_000 + b'"}'
    response = client.post("/v1/drafts", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413
