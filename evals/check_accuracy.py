"""The checks measured like classifiers: precision and recall per check on labelled drafts.

Labelled files (``tests/checks/data/labelled/*.jsonl``) hold ``calm check --batch`` lines plus
``expected``: check id -> should the check pass. The positive class is "the check fails the
draft" (it caught a bad one): precision = caught / flagged, recall = caught / bad. Only the
checks a line labels are scored on it. ``blind-dev.jsonl`` and ``blind-test.jsonl`` were written
and labelled by someone who never saw the checks' code, then split by line parity: check authors
may study ``blind-dev``; nobody tunes against ``blind-test``, whose figures are reported on their
own as the honest estimate for unseen drafts.

Run ``python -m evals.check_accuracy`` to score the output of the real ``calm check --batch``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.config import REPO_ROOT
from service.schemas import CHECK_IDS

LABELLED_DIR = REPO_ROOT / "tests" / "checks" / "data" / "labelled"
BLIND = "blind-test.jsonl"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def support(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def add(self, *, expected_pass: bool, actual_pass: bool, label: str) -> None:
        if not actual_pass and not expected_pass:
            self.tp += 1
        elif not actual_pass:
            self.fp += 1
            self.misses.append(f"false alarm: {label}")
        elif not expected_pass:
            self.fn += 1
            self.misses.append(f"missed: {label}")
        else:
            self.tn += 1


def read_rows(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score(rows: Iterable[dict[str, Any]], results: Iterable[dict[str, Any]]) -> dict[str, Score]:
    """Pair labelled rows with check results (``{"checks": [{"id", "passed"}...]}``) in order."""
    scores = {check_id: Score() for check_id in CHECK_IDS}
    for row, result in zip(rows, results, strict=True):
        if "checks" not in result:
            raise ValueError(f"no check results for a labelled row: {result}")
        actual = {c["id"]: c["passed"] for c in result["checks"]}
        for check_id, expected_pass in row["expected"].items():
            if check_id in actual:
                label = row["draft"][:80].replace("\n", " ")
                scores[check_id].add(
                    expected_pass=expected_pass, actual_pass=actual[check_id], label=label
                )
    return scores


def batch_results(path: Path) -> list[dict[str, Any]]:
    """Run the real ``calm check --batch`` on a labelled file and read its JSON lines."""
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "check", "--batch", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    if done.returncode == 2:
        raise SystemExit(
            f"{path.name}: bad input lines\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def table(title: str, scores: dict[str, Score]) -> str:
    lines = [title, f"  {'check':18} {'precision':>9} {'recall':>7} {'bad':>5} {'labelled':>9}"]
    for check_id, s in scores.items():
        if s.support:
            bad = s.tp + s.fn
            lines.append(
                f"  {check_id:18} {s.precision:9.3f} {s.recall:7.3f} {bad:5d} {s.support:9d}"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    files = sorted(LABELLED_DIR.glob("*.jsonl"))
    per_file = {path.name: read_rows(path) for path in files}
    all_rows = [row for rows in per_file.values() for row in rows]
    with tempfile.TemporaryDirectory() as tmp:  # one calm process for every file
        joined = Path(tmp) / "all.jsonl"
        joined.write_text("".join(json.dumps(r) + "\n" for r in all_rows), encoding="utf-8")
        all_results = batch_results(joined)
    overall = score(all_rows, all_results)
    print(f"labelled drafts: {len(all_rows)} in {len(files)} files ({LABELLED_DIR})")
    print(table("all labelled files (calm check --batch)", overall))
    start = 0
    for name, rows in per_file.items():
        if name == BLIND:
            blind = score(rows, all_results[start : start + len(rows)])
            print(table(f"held-out blind set only ({BLIND}: never tuned against)", blind))
        start += len(rows)
    worst = min(min(s.precision, s.recall) for s in overall.values() if s.support)
    if verbose:
        for check_id, s in overall.items():
            for miss in s.misses:
                print(f"  {check_id}: {miss}")
    print(f"lowest precision or recall: {worst:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
