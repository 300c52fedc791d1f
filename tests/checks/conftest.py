"""Shared helpers for the apology-action / time-frame / no-blame check tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service.pipeline.checks.base import CheckContext, Windows
from service.schemas import CheckResult, Thread

DATA = Path(__file__).parent / "data"
THREE = ("apology-action", "time-frame", "no-blame")


def make_ctx(first_update: str = "30 minutes", resolution: str = "1 business day") -> CheckContext:
    thread = Thread.model_validate(
        {
            "channel": "chat",
            "customer": {"name": "Dana Reyes"},
            "agent": {"name": "Sam"},
            "messages": [{"role": "customer", "text": "Third time asking. The export died again."}],
        }
    )
    return CheckContext(thread=thread, windows=Windows(first_update, resolution))


@pytest.fixture
def ctx() -> CheckContext:
    return make_ctx()


def flagged(draft: str, result: CheckResult) -> list[str]:
    """The draft text under each reported span (what a reviewer would look at)."""
    return [draft[start:end] for start, end in result.spans]


def labelled() -> list[dict[str, Any]]:
    lines = (DATA / "labelled" / "three.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
