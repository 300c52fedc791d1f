"""A `Comparison` as a plain-text or Markdown table (for a terminal or a PR comment), or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Literal

from evals.compare import Comparison, MetricDelta, RunComparison

Format = Literal["text", "markdown", "json"]
_MAX_CASES = 25


_SIMILARITY = {"rouge_l", "chrf", "embedding"}


def value(delta: MetricDelta, number: float) -> str:
    if delta.key in _SIMILARITY:
        return f"{number:.3f}"
    if delta.unit == "ratio":
        return f"{number * 100:.1f}%"
    if delta.unit == "usd":
        return f"${number:.4f}"
    if delta.unit in {"ms", "tokens"}:
        return f"{number:,.1f}"
    return f"{number:.3f}"


def change(delta: MetricDelta) -> str:
    raw = delta.new - delta.old
    if delta.key in _SIMILARITY:
        return f"{raw:+.3f}"
    if delta.unit == "ratio":
        return f"{raw * 100:+.1f} pts"
    if delta.unit in {"ms", "tokens", "usd"}:
        return f"{raw / delta.old * 100:+.1f}%" if delta.old else f"{raw:+.4g}"
    return f"{raw:+.3f}"


def verdict(delta: MetricDelta, threshold: float) -> str:
    if not delta.gate:
        return "info"
    if delta.change < -threshold:
        return "REGRESSED"
    if delta.change > threshold:
        return "improved"
    return ""


def _shown(delta: MetricDelta) -> bool:
    """Main metrics always; parts (checks:x, judge:y) only when they moved."""
    return ":" not in delta.key or abs(delta.new - delta.old) > 1e-9


def _table(rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        head, *body = rows
        return [
            "| " + " | ".join(head) + " |",
            "|" + "|".join("---" for _ in head) + "|",
            *("| " + " | ".join(r) + " |" for r in body),
        ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def _cases_line(title: str, ids: list[str]) -> str:
    more = f" … +{len(ids) - _MAX_CASES}" if len(ids) > _MAX_CASES else ""
    return f"{title} ({len(ids)}): {', '.join(ids[:_MAX_CASES])}{more}" if ids else f"{title}: none"


def render_run(run: RunComparison, markdown: bool) -> list[str]:
    heading = f"{run.old_key}  ->  {run.new_key}  ({run.common} cases in common)"
    lines = [f"### {heading}" if markdown else f"== {heading}", ""]
    rows = [["metric", "old", "new", "change", ""]]
    rows += [
        [
            d.label if ":" not in d.key else d.key,
            value(d, d.old),
            value(d, d.new),
            change(d),
            verdict(d, run.threshold),
        ]
        for d in run.deltas
        if _shown(d)
    ]
    lines += _table(rows, markdown)
    now_fail = [c for c in run.cases if c.old_pass and not c.new_pass]
    now_pass = [c for c in run.cases if not c.old_pass and c.new_pass]
    worse = [c for c in run.cases if c.worse]
    lines += [
        "",
        _cases_line("Cases now failing", [c.case_id for c in now_fail]),
        _cases_line("Cases now passing", [c.case_id for c in now_pass]),
        _cases_line(
            "Cases whose checks no longer all pass (gated)", [c.case_id for c in run.check_flips]
        ),
    ]
    if worse:
        lines += ["", "Per-case regressions (metrics that dropped by more than the threshold):"]
        rows = [["case", "old", "new", "worse", "better"]]
        for c in sorted(worse, key=lambda c: (c.new_pass, -len(c.worse), c.case_id))[:_MAX_CASES]:
            rows.append(
                [
                    c.case_id,
                    "pass" if c.old_pass else "fail",
                    "pass" if c.new_pass else "fail",
                    ", ".join(c.worse),
                    ", ".join(c.better),
                ]
            )
        lines += _table(rows, markdown)
        if len(worse) > _MAX_CASES:
            lines.append(f"… and {len(worse) - _MAX_CASES} more")
    return lines


def render(comparison: Comparison, fmt: Format = "text") -> str:
    if fmt == "json":
        return json.dumps(
            {
                "failed": comparison.failed,
                "runs": [
                    {
                        **asdict(r),
                        "regressions": [d.key for d in r.regressions],
                        "check_flips": [c.case_id for c in r.check_flips],
                    }
                    for r in comparison.runs
                ],
                "unpaired_old": comparison.unpaired_old,
                "unpaired_new": comparison.unpaired_new,
            },
            indent=2,
        )
    markdown = fmt == "markdown"
    lines: list[str] = []
    for run in comparison.runs:
        lines += [*render_run(run, markdown), ""]
    for key in comparison.unpaired_old:
        lines.append(f"only in OLD (not compared): {key}")
    for key in comparison.unpaired_new:
        lines.append(f"only in NEW (not compared): {key}")
    lines.append(summary(comparison))
    return "\n".join(lines)


def summary(comparison: Comparison) -> str:
    problems = []
    for run in comparison.runs:
        for d in run.regressions:
            problems.append(f"{d.label} ({d.key}) {change(d)}")
        if run.check_flips:
            problems.append(f"{len(run.check_flips)} case(s) now fail a check")
    if not problems:
        threshold = comparison.runs[0].threshold if comparison.runs else 0
        return f"Verdict: OK (no gated metric dropped by more than {threshold:g})"
    return "Verdict: REGRESSION: " + "; ".join(problems)
