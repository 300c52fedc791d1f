"""Small synthetic report.json dicts for compare and HTML tests."""

from __future__ import annotations

import copy
from typing import Any

METRICS = [
    {
        "key": "case_pass",
        "label": "Case pass",
        "description": "",
        "unit": "ratio",
        "higher_is_better": True,
        "gate": True,
    },
    {
        "key": "checks",
        "label": "All checks pass",
        "description": "",
        "unit": "ratio",
        "higher_is_better": True,
        "gate": True,
    },
    {
        "key": "checks:policy",
        "label": "policy",
        "description": "",
        "unit": "ratio",
        "higher_is_better": True,
        "gate": True,
    },
    {
        "key": "chrf",
        "label": "chrF vs gold",
        "description": "",
        "unit": "ratio",
        "higher_is_better": True,
        "gate": True,
    },
    {
        "key": "judge",
        "label": "Judge",
        "description": "",
        "unit": "score",
        "higher_is_better": True,
        "gate": True,
    },
    {
        "key": "latency_ms",
        "label": "Latency (ms)",
        "description": "",
        "unit": "ms",
        "higher_is_better": False,
        "gate": False,
    },
]


def row(case_id: str, passed: bool = True, **values: float) -> dict[str, Any]:
    base = {
        "case_pass": 1.0 if passed else 0.0,
        "checks": 1.0,
        "checks:policy": 1.0,
        "chrf": 0.5,
        "latency_ms": 10.0,
    }
    base.update(values)
    return {
        "id": case_id,
        "passed": passed,
        "error": None,
        "status": "ready",
        "technique": "mirror",
        "attempts": 1,
        "draft": "text",
        "values": base,
        "failures": [],
        "skipped": {},
    }


def report(
    rows: list[dict[str, Any]], key: str = "calm/playbook · system@1", model: str = "calm/playbook"
) -> dict[str, Any]:
    return {
        "schema": "calm-eval-report/1",
        "complete": True,
        "metrics": copy.deepcopy(METRICS),
        "runs": [{"key": key, "model": model, "cases": copy.deepcopy(rows)}],
        "meta": {},
    }
