"""Precision and recall of the three checks on a hand-labelled set of agent drafts.

tests/checks/data/labelled/three.jsonl: drafts written in the voices real agents use (chat, email,
phone talk tracks, social replies), each labelled by hand, as a QA reviewer would, with whether
each check should pass. The positive class is "the check fails" (it caught a bad draft):
precision = caught / flagged, recall = caught / bad.
"""

from __future__ import annotations

import pytest

from service.pipeline.checks import apology_action, no_blame, time_frame
from service.pipeline.checks.base import CheckFn
from tests.checks.conftest import THREE, labelled, measure

CHECKS: dict[str, CheckFn] = {
    apology_action.CHECK_ID: apology_action.check,
    time_frame.CHECK_ID: time_frame.check,
    no_blame.CHECK_ID: no_blame.check,
}
MIN_SCORE = 0.9


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
    rows = labelled()
    scores = {check_id: measure(CHECKS[check_id], check_id, rows) for check_id in THREE}
    print("\n\ncheck            precision  recall   TP  FP  FN   TN")
    for check_id, s in scores.items():
        print(
            f"{check_id:<16} {s.precision:>9.3f} {s.recall:>7.3f} "
            f"{s.tp:>4} {s.fp:>3} {s.fn:>3} {s.tn:>4}"
        )
    for check_id, s in scores.items():
        for line in s.misses:
            print(f"  {check_id} {line}")
    for check_id, s in scores.items():
        assert s.precision >= MIN_SCORE, f"{check_id} precision {s.precision:.3f}"
        assert s.recall >= MIN_SCORE, f"{check_id} recall {s.recall:.3f}"


@pytest.mark.parametrize("check_id", THREE)
def test_every_failure_on_the_set_has_spans_inside_the_draft(check_id: str) -> None:
    measure(CHECKS[check_id], check_id, labelled())  # asserts each failure is well formed
