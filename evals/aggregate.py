"""Results -> ``report.json``: per case values, per run summaries, per technique/channel/check.

Everything outside ``meta`` and the latency figures is a function of the cases, the prompts, the
code and the model's replies only (sorted, rounded, no timestamps or draft ids), so the offline
drafter gives the same report on every machine and the committed baseline diffs cleanly. ``meta``
holds run noise (time, duration, cache hits); latency is an informational metric: neither is
gated.
"""

from __future__ import annotations

import platform
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from evals import REPORT_SCHEMA
from evals.cases import Case
from evals.matrix import Variant
from evals.runner import CaseResult
from evals.scorers.base import MetricSpec, Scorer
from service.schemas import CHECK_IDS

CASE_PASS = MetricSpec(
    key="case_pass",
    label="Case pass",
    description="Share of cases whose draft passes every deciding scorer: all checks, an "
    "acceptable technique, must-mention coverage and no must-never violation",
)
# The columns of the per-technique and per-channel tables, in order.
GROUP_KEYS = (
    "case_pass",
    "checks",
    "technique",
    "must_mention",
    "must_never",
    "rouge_l",
    "chrf",
    "length_fit",
    "embedding",
    "judge",
)
# Scorers whose mean ranks "worst" cases (all 0..1, higher is better).
RANK_KEYS = ("checks", "technique", "must_mention", "must_never", "rouge_l", "chrf", "length_fit")
WORST_CASES = 15


def metric_specs(scorers: Sequence[Scorer]) -> list[MetricSpec]:
    return [CASE_PASS, *(spec for s in scorers for spec in s.specs())]


def case_values(result: CaseResult) -> dict[str, float]:
    if result.error:
        return {"case_pass": 0.0, "checks": 0.0}
    values: dict[str, float] = {"case_pass": 1.0 if result.passed else 0.0}
    for name, score in result.scores.items():
        if score.value is not None:
            values[name] = round(score.value, 4)
        for part, value in score.parts.items():
            values[f"{name}:{part}"] = round(value, 4)
    return values


def failures(result: CaseResult) -> list[dict[str, Any]]:
    """What went wrong, each with the draft spans a reviewer should look at."""
    if result.error:
        return [{"scorer": "error", "id": "error", "message": result.error, "spans": []}]
    rows: list[dict[str, Any]] = []
    if result.draft is not None:
        for check in result.draft.checks:
            if not check.passed:
                rows.append(
                    {
                        "scorer": "checks",
                        "id": check.id,
                        "message": check.message,
                        "spans": [list(s) for s in check.spans],
                    }
                )
    for name, score in result.scores.items():
        if name != "checks" and score.passed is False and (score.detail or score.spans):
            rows.append(
                {
                    "scorer": name,
                    "id": name,
                    "message": score.detail,
                    "spans": [list(s) for s in score.spans],
                }
            )
    return rows


def case_row(result: CaseResult, case: Case) -> dict[str, Any]:
    draft = result.draft
    return {
        "id": case.id,
        "passed": result.passed,
        "error": result.error,
        "status": draft.status if draft else None,
        "technique": draft.technique.id if draft else None,
        "attempts": draft.attempts if draft else 0,
        "draft": draft.draft if draft else "",
        "values": dict(sorted(case_values(result).items())),
        "failures": failures(result),
        "skipped": {n: s.detail for n, s in sorted(result.scores.items()) if s.value is None},
    }


def mean(values: Sequence[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def means(rows: Sequence[dict[str, Any]], keys: Sequence[str] | None = None) -> dict[str, float]:
    found: dict[str, list[float]] = {}
    for row in rows:
        for key, value in row["values"].items():
            if keys is None or key in keys:
                found.setdefault(key, []).append(value)
    return {k: m for k, v in sorted(found.items()) if (m := mean(v)) is not None}


def percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index], 2)


def grouped(rows: list[dict[str, Any]], cases: dict[str, Case], by: str) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        case = cases[row["id"]]
        groups.setdefault(case.technique if by == "technique" else case.channel, []).append(row)
    out = []
    for name, members in sorted(groups.items()):
        chosen = Counter(r["technique"] for r in members if r["technique"])
        out.append(
            {
                by: name,
                "n": len(members),
                "means": means(members, GROUP_KEYS),
                "chosen": dict(chosen.most_common()),
            }
        )
    return out


def run_section(
    variant: Variant, results: Sequence[CaseResult], cases: dict[str, Case]
) -> dict[str, Any]:
    rows = [case_row(r, cases[r.case_id]) for r in results]
    latencies = [r["values"]["latency_ms"] for r in rows if "latency_ms" in r["values"]]
    by_check = []
    for check_id in CHECK_IDS:
        key = f"checks:{check_id}"
        scored = [r for r in rows if key in r["values"]]
        by_check.append(
            {
                "check": check_id,
                "n": len(scored),
                "pass_rate": mean([r["values"][key] for r in scored]),
                "failing": [r["id"] for r in scored if r["values"][key] < 1],
            }
        )
    skipped = sorted({f"{n}: {why}" for r in rows for n, why in r["skipped"].items()})
    worst = sorted(
        rows,
        key=lambda r: (
            r["passed"],
            mean([r["values"].get(k, 0.0) for k in RANK_KEYS]) or 0.0,
            r["id"],
        ),
    )[:WORST_CASES]
    return {
        **variant.describe(),
        "summary": {
            "n": len(rows),
            "errors": sum(1 for r in rows if r["error"]),
            "means": means(rows),
            "latency_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
            "tokens_total": int(sum(r["values"].get("tokens", 0) for r in rows)),
            "cost_usd_total": round(sum(r["values"].get("cost_usd", 0.0) for r in rows), 6),
            "not_run": skipped,
        },
        "by_technique": grouped(rows, cases, "technique"),
        "by_channel": grouped(rows, cases, "channel"),
        "by_check": by_check,
        "worst": [r["id"] for r in worst],
        "cases": rows,
    }


def case_info(case: Case) -> dict[str, Any]:
    return {
        "channel": case.channel,
        "technique": case.technique,
        "acceptable": case.acceptable_techniques,
        "source": case.source.kind,
        "subject": case.request.thread.subject,
        "customer": case.request.thread.customer_messages[-1].text,
        "must_mention": case.must_mention,
        "must_never": case.must_never,
        "gold": case.gold,
    }


def build_report(
    cases: Sequence[Case],
    variants: Sequence[Variant],
    results: Sequence[CaseResult],
    scorers: Sequence[Scorer],
    *,
    complete: bool = True,
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    by_id = {c.id: c for c in cases}
    runs = [run_section(v, [r for r in results if r.variant == v.key], by_id) for v in variants]
    return {
        "schema": REPORT_SCHEMA,
        "complete": complete,
        "suite": {
            "n_cases": len(cases),
            "channels": dict(sorted(Counter(c.channel for c in cases).items())),
            "techniques": dict(sorted(Counter(c.technique for c in cases).items())),
            "sources": dict(sorted(Counter(c.source.kind for c in cases).items())),
        },
        "metrics": [spec.as_dict() for spec in metric_specs(scorers)],
        "runs": runs,
        "cases": {c.id: case_info(c) for c in cases},
        "meta": {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "calm_version": _calm_version(),
            "python": platform.python_version(),
            **(meta or {}),
        },
    }


def _calm_version() -> str:
    try:
        return version("calm")
    except PackageNotFoundError:
        return "source"
