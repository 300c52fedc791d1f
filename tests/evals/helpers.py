"""Hand-made cases and drafts for scorer, runner and report tests."""

from __future__ import annotations

from typing import Any

from evals.cases import Case
from service.schemas import CHECK_IDS, CheckResult, Draft, TechniqueChoice, Usage

GOLD = (
    "Dana, you lost two hours of work when the export stopped at 92%, with your report due "
    "tomorrow. I'm sorry it happened again.\n\n"
    "I'm re-running the export on our side now, and I'll send you the file within 30 minutes."
)


def make_case(**overrides: Any) -> Case:
    body: dict[str, Any] = {
        "id": "hand-made-export",
        "source": {"kind": "written"},
        "request": {
            "thread": {
                "channel": "chat",
                "customer": {"name": "Dana Reyes"},
                "agent": {"name": "Sam"},
                "messages": [
                    {
                        "role": "customer",
                        "text": "The export died at 92% again. I lost two hours of work.",
                    }
                ],
            },
            "policy": {"full_refund": False, "max_credit_months": 2},
        },
        "acceptable_techniques": ["mirror", "apology-plus-action"],
        "must_mention": ["92%|ninety-two", "two hours|2 hours", "export"],
        "must_never": [r"re:\b(?:I'll|I will|we'll) (?:\w+ ){0,3}(?:a |your )?full refund"],
        "gold": GOLD,
    }
    body.update(overrides)
    return Case.model_validate(body)


def make_draft(
    text: str = GOLD,
    *,
    technique: str = "mirror",
    failing: dict[str, tuple[str, list[tuple[int, int]]]] | None = None,
    latency_ms: float = 12.5,
    prompt_tokens: int = 800,
    completion_tokens: int = 90,
    cost: float = 0.0,
    attempts: int = 1,
) -> Draft:
    """A Draft as the pipeline would return it; ``failing`` maps check id -> (message, spans)."""
    failing = failing or {}
    checks = [
        CheckResult(
            id=cid,
            passed=cid not in failing,
            message=failing.get(cid, ("", []))[0],
            spans=failing.get(cid, ("", []))[1],
        )
        for cid in CHECK_IDS
    ]
    return Draft(
        id="drf_TEST",
        status="flagged" if failing else "ready",
        draft=text,
        technique=TechniqueChoice(id=technique, why="test"),
        signals=[],
        commitments=[],
        checks=checks,
        attempts=attempts,
        model="calm/fake",
        prompt_version=f"{technique}@1",
        usage=Usage(
            prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, cost_usd=cost
        ),
        latency_ms=latency_ms,
    )
