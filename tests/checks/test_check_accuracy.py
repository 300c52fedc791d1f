"""Every check measured like a classifier on every labelled file: precision and recall >= 0.9.

The same figures come from the real CLI with ``python -m evals.check_accuracy`` (it runs
``calm check --batch``); README quotes them, including the held-out blind-test figures.
"""

from __future__ import annotations

from evals.check_accuracy import LABELLED_DIR, read_rows, score, table
from service.config import Settings
from service.pipeline.drafting import Drafter
from service.schemas import CHECK_IDS, CheckRequest

MIN_SCORE = 0.9
KEYS = ("draft", "thread", "policy", "facts")


def test_precision_and_recall_of_every_check_on_the_labelled_sets(settings: Settings) -> None:
    drafter = Drafter.from_settings(settings)
    rows = [row for path in sorted(LABELLED_DIR.glob("*.jsonl")) for row in read_rows(path)]
    assert len(rows) >= 300
    results = [
        drafter.check(CheckRequest.model_validate({k: r[k] for k in KEYS if k in r})).model_dump()
        for r in rows
    ]
    scores = score(rows, results)
    print("\n" + table(f"{len(rows)} labelled drafts", scores))
    for check_id in CHECK_IDS:
        s = scores[check_id]
        assert s.tp + s.fn >= 15, f"{check_id}: too few bad drafts to measure"
        assert s.precision >= MIN_SCORE, (check_id, s.precision, s.misses[:10])
        assert s.recall >= MIN_SCORE, (check_id, s.recall, s.misses[:10])
