"""Precision and recall of the three checks on a hand-labelled set of agent drafts.

tests/checks/data/labelled/three.jsonl: drafts written in the voices real agents use (chat, email,
phone talk tracks, social replies), each labelled by hand, as a QA reviewer would, with whether
each check should pass. The positive class is "the check fails" (it caught a bad draft):
precision = caught / flagged, recall = caught / bad.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from service.pipeline.checks import apology_action, no_blame, time_frame
from service.pipeline.checks.base import CheckFn
from tests.checks.conftest import THREE, labelled, make_ctx

CHECKS: dict[str, CheckFn] = {
    apology_action.CHECK_ID: apology_action.check,
    time_frame.CHECK_ID: time_frame.check,
    no_blame.CHECK_ID: no_blame.check,
}
MIN_SCORE = 0.9


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _score() -> tuple[dict[str, Score], list[str]]:
    ctx = make_ctx()
    scores = {check_id: Score() for check_id in THREE}
    misses: list[str] = []
    for row in labelled():
        for check_id, fn in CHECKS.items():
            expected_pass = row["expected"][check_id]
            result = fn(row["draft"], ctx)
            s = scores[check_id]
            if not result.passed and not expected_pass:
                s.tp += 1
            elif not result.passed:
                s.fp += 1
                misses.append(f"{check_id} false alarm: {row['draft'][:90]!r} ({result.message})")
            elif not expected_pass:
                s.fn += 1
                misses.append(f"{check_id} missed: {row['draft'][:90]!r}")
            else:
                s.tn += 1
    return scores, misses


def test_labelled_set_is_big_and_well_formed() -> None:
    rows = labelled()
    assert len(rows) >= 90
    assert len({row["draft"] for row in rows}) == len(rows), "duplicate drafts"
    for row in rows:
        assert set(row["expected"]) == set(THREE)
        assert all(isinstance(v, bool) for v in row["expected"].values())
    for check_id in THREE:  # enough bad drafts per check for recall to mean something
        assert sum(not row["expected"][check_id] for row in rows) >= 20


def test_precision_and_recall_per_check() -> None:
    scores, misses = _score()
    print("\n\ncheck            precision  recall   TP  FP  FN   TN")
    for check_id, s in scores.items():
        print(
            f"{check_id:<16} {s.precision:>9.3f} {s.recall:>7.3f} "
            f"{s.tp:>4} {s.fp:>3} {s.fn:>3} {s.tn:>4}"
        )
    for line in misses:
        print("  " + line)
    for check_id, s in scores.items():
        assert s.precision >= MIN_SCORE, f"{check_id} precision {s.precision:.3f}"
        assert s.recall >= MIN_SCORE, f"{check_id} recall {s.recall:.3f}"


@pytest.mark.parametrize("check_id", THREE)
def test_every_failure_on_the_set_has_spans_inside_the_draft(check_id: str) -> None:
    ctx = make_ctx()
    for row in labelled():
        result = CHECKS[check_id](row["draft"], ctx)
        if result.passed:
            continue
        assert result.spans and result.message and result.hint
        assert all(0 <= s < e <= len(row["draft"]) for s, e in result.spans)
