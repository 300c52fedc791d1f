"""Technique-choice accuracy on the labelled threads (tests/data/technique_threads.jsonl).

Run: ``python bench/technique_accuracy.py [--verbose]``. A choice counts as correct when it is the
expected technique or one of the labelled acceptable alternatives. Also reports signal recall
(labelled signals that were detected) and lists every miss with its reason.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # runnable as a plain script from anywhere
    sys.path.insert(0, str(REPO_ROOT))

from service.pipeline.signals import detect_signals  # noqa: E402
from service.pipeline.techniques import choose_technique  # noqa: E402
from service.schemas import DraftRequest  # noqa: E402

DATA = REPO_ROOT / "tests" / "data" / "technique_threads.jsonl"


@dataclass
class Result:
    name: str
    expected: str
    acceptable: list[str]
    chosen: str
    why: str
    missing_signals: list[str]
    detected: list[str]

    @property
    def correct(self) -> bool:
        return self.chosen == self.expected or self.chosen in self.acceptable


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    labelled_signals: int = 0
    found_signals: int = 0

    @property
    def accuracy(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def exact(self) -> float:
        hits = sum(r.chosen == r.expected for r in self.results)
        return hits / len(self.results) if self.results else 0.0

    @property
    def signal_recall(self) -> float:
        return self.found_signals / self.labelled_signals if self.labelled_signals else 1.0


def evaluate(path: Path = DATA) -> Report:
    report = Report()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        request = DraftRequest.model_validate(row["request"])
        signals = detect_signals(request.thread, request.policy)
        choice = choose_technique(signals, thread=request.thread, policy=request.policy)
        detected = [s.id for s in signals]
        missing = [s for s in row["signals"] if s not in detected]
        report.labelled_signals += len(row["signals"])
        report.found_signals += len(row["signals"]) - len(missing)
        report.results.append(
            Result(row["name"], row["expected"], row["acceptable"], choice.id, choice.why,
                   missing, detected)
        )
    return report


def main(argv: list[str]) -> int:
    report = evaluate()
    n = len(report.results)
    print(f"threads: {n}")
    print(f"accuracy (expected or acceptable): {report.accuracy:.3f}")
    print(f"exact (expected only):             {report.exact:.3f}")
    print(f"signal recall:                     {report.signal_recall:.3f}")
    per: dict[str, list[Result]] = defaultdict(list)
    for r in report.results:
        per[r.expected].append(r)
    print("\nper technique (by expected label):")
    for tid in sorted(per):
        rows = per[tid]
        ok = sum(r.correct for r in rows)
        print(f"  {tid:28} {ok}/{len(rows)}")
    misses = [r for r in report.results if not r.correct]
    print(f"\nmisses ({len(misses)}):")
    for r in misses:
        print(f"  {r.name}: expected {r.expected} (ok: {', '.join(r.acceptable) or '-'}) "
              f"-> chose {r.chosen}: {r.why}")
    gaps = [r for r in report.results if r.missing_signals]
    print(f"\nmissed signals ({len(gaps)} threads):")
    for r in gaps:
        print(f"  {r.name}: missing {', '.join(r.missing_signals)}; detected {r.detected}")
    if "--verbose" in argv:
        print("\nall choices:")
        for r in report.results:
            print(f"  {'ok ' if r.correct else 'BAD'} {r.name}: {r.chosen} <- {r.why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
