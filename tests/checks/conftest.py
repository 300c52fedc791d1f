"""Shared helpers for the check tests: contexts, flagged text, and scoring labelled sets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from evals.check_accuracy import LABELLED_DIR, Score, read_rows
from service.pipeline.checks.base import CheckContext, CheckFn, Windows
from service.pipeline.prompt import resolve_windows
from service.schemas import CheckResult, Policy, Thread

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
    return read_rows(LABELLED_DIR / "three.jsonl")


def row_ctx(row: dict[str, Any]) -> CheckContext:
    """The context a labelled row describes (validates its thread and policy)."""
    policy = Policy.model_validate(row["policy"]) if row["policy"] is not None else None
    return CheckContext(
        thread=Thread.model_validate(row["thread"]),
        policy=policy,
        facts=tuple(row["facts"]),
        windows=resolve_windows(policy, first_update="30 minutes", resolution="1 business day"),
    )


def measure(check_fn: CheckFn, check_id: str, rows: Iterable[dict[str, Any]]) -> Score:
    """Run ``check_fn`` on every row that labels ``check_id``; score it like a classifier.

    Every failing result must be well formed: spans inside the draft, a message and a hint.
    """
    score = Score()
    for row in rows:
        if check_id not in row["expected"]:
            continue
        draft = row["draft"]
        result = check_fn(draft, row_ctx(row))
        if not result.passed:
            assert result.spans and result.message and result.hint, (check_id, draft)
            assert all(0 <= s < e <= len(draft) for s, e in result.spans), (check_id, draft)
        why = result.message if not result.passed else row.get("why", "")
        score.add(
            expected_pass=row["expected"][check_id],
            actual_pass=result.passed,
            label=f"{draft[:90]!r} ({why})",
        )
    return score


LABELLED_KEYS = {"draft", "thread", "policy", "facts", "expected", "why"}
MIN_SCORE = 0.9


def assert_labelled_file(rows: list[dict[str, Any]], check_id: str, min_each: int = 25) -> None:
    """A per-check labelled file: big, unique, valid, balanced, and across all four channels."""
    assert len(rows) >= 60
    assert len({row["draft"] for row in rows}) == len(rows), "duplicate drafts"
    for row in rows:
        assert set(row) == LABELLED_KEYS, row["draft"][:60]
        assert set(row["expected"]) == {check_id}
        assert isinstance(row["expected"][check_id], bool) and row["why"].strip()
        row_ctx(row)  # thread and policy validate
    assert sum(not row["expected"][check_id] for row in rows) >= min_each
    assert sum(row["expected"][check_id] for row in rows) >= min_each
    assert {row["thread"]["channel"] for row in rows} == {"chat", "email", "phone", "social"}


def assert_scores(score: Score, check_id: str) -> None:
    """Print the figures and every miss; fail below MIN_SCORE precision or recall."""
    print(
        f"\n{check_id}: precision {score.precision:.3f} recall {score.recall:.3f} "
        f"(TP {score.tp} FP {score.fp} FN {score.fn} TN {score.tn})"
    )
    for line in score.misses:
        print("  " + line)
    misses = "\n".join(score.misses)
    assert score.precision >= MIN_SCORE, misses
    assert score.recall >= MIN_SCORE, misses
