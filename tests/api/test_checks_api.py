"""POST /v1/checks: drafts the agent edited by hand, checked over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.main import create_app


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_edited_draft_is_checked(client: TestClient, example_request: dict[str, Any]) -> None:
    body = {k: example_request[k] for k in ("thread", "policy", "facts")}
    text = "Sorry if that was confusing. We'll sort it out shortly."
    response = client.post("/v1/checks", json={**body, "draft": text})
    assert response.status_code == 200
    report = response.json()
    assert report["passed"] is False
    failing = {c["id"]: c for c in report["checks"] if not c["passed"]}
    assert {"apology-action", "time-frame"} <= set(failing)
    start, end = failing["time-frame"]["spans"][0]
    assert text[start:end] == "shortly"
    assert failing["time-frame"]["hint"]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"draft": ""}, "draft"), ({"draft": None}, "draft"), ({"thread": {}}, "thread.customer")],
)
def test_bad_input_names_the_field(
    client: TestClient, example_request: dict[str, Any], change: dict[str, Any], field: str
) -> None:
    body = {"draft": "Thanks, Dana.", "thread": example_request["thread"], **change}
    response = client.post("/v1/checks", json=body)
    assert response.status_code == 422
    assert field in [row["field"] for row in response.json()["detail"]]
