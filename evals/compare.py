"""Two reports -> what improved and what regressed, per scorer and per case; the CI gate.

Runs are paired by key (model · prompt label); failing that by model; failing that, a report with
one run is paired with the other's single run (a prompt bump changes the label). Means are taken
over the cases both runs have, so adding a hard case to the suite is not a regression.

The gate fails when a gated metric's mean drops by more than ``threshold`` (on a 0..1 scale; the
1-5 judge scale is divided by 4 first), or when a case whose checks all passed now fails one.
Latency, tokens and cost are shown (in percent) but never gated.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

DEFAULT_THRESHOLD = 0.02
_SCALE = {"score": 4.0}


@dataclass
class MetricDelta:
    key: str
    label: str
    old: float
    new: float
    gate: bool
    higher_is_better: bool
    unit: str

    @property
    def change(self) -> float:
        """Signed improvement on a 0..1 scale: positive is better."""
        sign = 1 if self.higher_is_better else -1
        return sign * (self.new - self.old) / _SCALE.get(self.unit, 1.0)


@dataclass
class CaseChange:
    case_id: str
    old_pass: bool
    new_pass: bool
    checks_flip: bool
    worse: list[str] = field(default_factory=list)
    better: list[str] = field(default_factory=list)


@dataclass
class RunComparison:
    old_key: str
    new_key: str
    common: int
    deltas: list[MetricDelta]
    cases: list[CaseChange]
    threshold: float

    @property
    def regressions(self) -> list[MetricDelta]:
        return [d for d in self.deltas if d.gate and d.change < -self.threshold]

    @property
    def improvements(self) -> list[MetricDelta]:
        return [d for d in self.deltas if d.gate and d.change > self.threshold]

    @property
    def check_flips(self) -> list[CaseChange]:
        return [c for c in self.cases if c.checks_flip]

    @property
    def failed(self) -> bool:
        return bool(self.regressions or self.check_flips)


@dataclass
class Comparison:
    runs: list[RunComparison]
    unpaired_old: list[str]
    unpaired_new: list[str]

    @property
    def failed(self) -> bool:
        return any(r.failed for r in self.runs)


def pair_runs(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[str], list[str]]:
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    left, right = list(old), list(new)
    for run in list(left):
        match = next((r for r in right if r["key"] == run["key"]), None)
        if match:
            pairs.append((run, match))
            left.remove(run)
            right.remove(match)
    for run in list(left):
        same_model = [r for r in right if r["model"] == run["model"]]
        if len(same_model) == 1 and sum(1 for r in left if r["model"] == run["model"]) == 1:
            pairs.append((run, same_model[0]))
            left.remove(run)
            right.remove(same_model[0])
    if len(left) == 1 and len(right) == 1 and not pairs:
        pairs.append((left.pop(), right.pop()))
    return pairs, [r["key"] for r in left], [r["key"] for r in right]


def compare_runs(
    old: dict[str, Any], new: dict[str, Any], specs: dict[str, dict[str, Any]], threshold: float
) -> RunComparison:
    old_rows = {row["id"]: row for row in old["cases"]}
    new_rows = {row["id"]: row for row in new["cases"]}
    common = [cid for cid in new_rows if cid in old_rows]
    deltas = []
    for key, spec in specs.items():
        old_values = [old_rows[c]["values"][key] for c in common if key in old_rows[c]["values"]]
        new_values = [new_rows[c]["values"][key] for c in common if key in new_rows[c]["values"]]
        if not old_values or not new_values:
            continue  # not run on one side (no judge, no embeddings): nothing to compare
        deltas.append(
            MetricDelta(
                key=key,
                label=str(spec["label"]),
                old=statistics.fmean(old_values),
                new=statistics.fmean(new_values),
                gate=bool(spec["gate"]),
                higher_is_better=bool(spec["higher_is_better"]),
                unit=str(spec["unit"]),
            )
        )
    return RunComparison(
        old_key=old["key"],
        new_key=new["key"],
        common=len(common),
        deltas=deltas,
        cases=[_case_change(old_rows[c], new_rows[c], specs, threshold) for c in common],
        threshold=threshold,
    )


def _case_change(
    old: dict[str, Any], new: dict[str, Any], specs: dict[str, dict[str, Any]], threshold: float
) -> CaseChange:
    change = CaseChange(
        case_id=new["id"],
        old_pass=bool(old["passed"]),
        new_pass=bool(new["passed"]),
        checks_flip=old["values"].get("checks") == 1.0 and new["values"].get("checks", 0.0) < 1.0,
    )
    for key, spec in specs.items():
        if not spec["gate"] or key not in old["values"] or key not in new["values"]:
            continue
        sign = 1 if spec["higher_is_better"] else -1
        delta = (
            sign * (new["values"][key] - old["values"][key]) / _SCALE.get(str(spec["unit"]), 1.0)
        )
        if delta < -threshold:
            change.worse.append(key)
        elif delta > threshold:
            change.better.append(key)
    return change


def compare_reports(
    old: dict[str, Any], new: dict[str, Any], threshold: float = DEFAULT_THRESHOLD
) -> Comparison:
    specs = {m["key"]: m for m in old.get("metrics", [])}
    specs.update({m["key"]: m for m in new.get("metrics", [])})
    pairs, unpaired_old, unpaired_new = pair_runs(old["runs"], new["runs"])
    return Comparison(
        runs=[compare_runs(a, b, specs, threshold) for a, b in pairs],
        unpaired_old=unpaired_old,
        unpaired_new=unpaired_new,
    )
