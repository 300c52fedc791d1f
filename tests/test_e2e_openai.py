"""End to end through a real OpenAI-compatible HTTP server on 127.0.0.1.

Calm drafts with ``openai/<name>`` and ``api_base`` pointing at the loopback server, exactly as it
would with a hosted model or a LiteLLM proxy: the server must receive the technique prompt and the
thread; its reply must come back as the draft; bad replies are re-asked, then flagged; HTTP errors,
timeouts and garbage are retried or fall back, and the draft says which.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from service.config import REPO_ROOT, Settings
from service.main import create_app
from service.pipeline.drafting import Drafter
from service.schemas import DraftRequest
from tests.support.openai_server import Garbage, OpenAIServer, Slow, Status

GOOD = (
    "Dana, thank you for sticking with this. I'm sorry the export failed at 92% again.\n\n"
    "I'm re-running it on our side now, and I'll send you the file within 30 minutes."
)
BAD = "Sorry for any inconvenience. We'll look into it soon."
MODEL = "openai/calm-loopback"


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    srv = OpenAIServer().start()
    yield srv
    srv.stop()


def _drafter(settings: Settings, server: OpenAIServer, **overrides: Any) -> Drafter:
    values = {
        "default_model": MODEL,
        "api_base": server.base_url,
        "api_key": "sk-loopback",
        "fallback_models": [],
        "max_reasks": 1,
        **overrides,
    }
    return Drafter.from_settings(settings.model_copy(update=values))


async def test_hosted_model_receives_prompt_and_its_reply_is_the_draft(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any]
) -> None:
    server.script(GOOD)
    draft = await _drafter(settings, server).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "ready", draft.checks
    assert draft.draft == GOOD and draft.model == MODEL
    assert draft.usage.prompt_tokens == 321 and draft.usage.completion_tokens == 45
    (sent,) = server.requests
    assert sent["model"] == "calm-loopback"
    system, user = sent["messages"][0], sent["messages"][1]
    assert system["role"] == "system" and f"({draft.technique.id})" in system["content"]
    assert "## Structure" in system["content"]  # the technique file itself went to the model
    assert user["role"] == "user" and "The export died at 92% AGAIN." in user["content"]
    assert "finance says no refunds" in user["content"]  # notes inform the model ...
    assert 'role="note"' in user["content"]  # ... marked internal


async def test_bad_reply_is_reasked_then_flagged(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any]
) -> None:
    server.script(BAD, BAD)
    draft = await _drafter(settings, server).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "flagged" and draft.attempts == 2
    assert draft.draft == BAD
    first, second = server.requests
    assert second["messages"][:2] == first["messages"]
    assert second["messages"][2] == {"role": "assistant", "content": BAD}
    assert '<check id="time-frame">' in second["messages"][3]["content"]
    failing = [c for c in draft.checks if not c.passed]
    assert {"apology-action", "time-frame"} <= {c.id for c in failing}
    assert all(c.spans for c in failing)


async def test_bad_reply_then_good_reply_is_ready(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any]
) -> None:
    server.script(BAD, GOOD)
    draft = await _drafter(settings, server).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "ready" and draft.attempts == 2 and draft.draft == GOOD


async def test_server_error_is_retried(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any]
) -> None:
    server.script(Status(503, "overloaded"), GOOD)
    drafter = _drafter(settings, server, num_retries=1)
    draft = await drafter.draft(DraftRequest.model_validate(example_request))
    assert draft.status == "ready" and len(server.requests) == 2
    assert draft.notices and "succeeded on retry" in draft.notices[0]


@pytest.mark.parametrize(
    "failure",
    [Status(401, "bad key"), Status(400, "bad request"), Slow(3.0, GOOD), Garbage()],
    ids=["auth", "bad-request", "timeout", "garbage"],
)
async def test_failures_fall_back_to_the_offline_drafter(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any], failure: Any
) -> None:
    server.script(failure)
    drafter = _drafter(settings, server, fallback_models=["calm/playbook"], timeout_s=1.0)
    draft = await drafter.draft(DraftRequest.model_validate(example_request))
    assert draft.model == "calm/playbook"
    assert draft.status == "ready"
    assert draft.notices and f"because {MODEL} failed" in draft.notices[0]
    assert draft.trace[0].outcome == "model-error"


def test_model_string_in_the_request_goes_through_the_http_api(
    settings: Settings, server: OpenAIServer, example_request: dict[str, Any]
) -> None:
    server.script(GOOD)
    configured = settings.model_copy(update={"api_base": server.base_url, "api_key": "sk-loopback"})
    example_request["model"] = MODEL
    with TestClient(create_app(configured)) as client:
        body = client.post("/v1/drafts", json=example_request).json()
    assert body["model"] == MODEL and body["draft"] == GOOD and body["status"] == "ready"


def test_calm_serve_is_a_real_http_server(tmp_path: Any, example_request: dict[str, Any]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "CALM_DATABASE_URL": f"sqlite:///{tmp_path / 'calm.db'}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.time() < deadline and proc.poll() is None, "calm serve did not start"
            time.sleep(0.2)
        response = httpx.post(f"{base}/v1/drafts", json=example_request, timeout=30)
        assert response.status_code == 200
        assert response.json()["status"] == "ready"
        bad = httpx.post(
            f"{base}/v1/drafts",
            content=json.dumps({"thread": {}}),
            timeout=30,
            headers={"content-type": "application/json"},
        )
        assert bad.status_code == 422 and "thread.customer" in bad.json()["message"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
