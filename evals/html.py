"""``report.json`` -> one self-contained ``report.html``: inline CSS and SVG, no script, no CDN.

Rendered from the report dict alone, so an old ``report.json`` can be re-rendered. Every piece of
case text is escaped; failing spans are wrapped in ``<mark>`` with the reason as a tooltip.
"""

from __future__ import annotations

from html import escape
from typing import Any

from evals.charts import hbar_chart
from evals.html_cases import anchor as _anchor
from evals.html_cases import case_card, case_table
from evals.html_style import CSS

SUMMARY_COLUMNS = (
    ("case_pass", "Case pass"),
    ("checks", "All checks"),
    ("technique", "Technique ok"),
    ("technique:exact", "Technique exact"),
    ("must_mention", "Mentions"),
    ("must_never", "No must-never"),
    ("rouge_l", "ROUGE-L"),
    ("chrf", "chrF"),
    ("embedding", "Embedding"),
    ("length_fit", "Length fit"),
    ("judge", "Judge 1-5"),
)
GROUP_COLUMNS = (
    ("case_pass", "Case pass"),
    ("checks", "All checks"),
    ("technique", "Technique ok"),
    ("must_mention", "Mentions"),
    ("must_never", "No must-never"),
    ("rouge_l", "ROUGE-L"),
    ("chrf", "chrF"),
    ("length_fit", "Length fit"),
)


def fmt(value: Any, key: str = "") -> str:
    if value is None:
        return '<span class="na">n/a</span>'
    if key == "judge" or key.startswith("judge:"):
        return f"{value:.2f}"
    if key in {"rouge_l", "chrf", "embedding"}:
        return f"{value:.3f}"
    if isinstance(value, float):
        return f"{value * 100:.1f}%"
    return escape(str(value))


def _ms(value: float | None) -> str:
    return '<span class="na">n/a</span>' if value is None else f"{value:,.0f}"


def tone(value: Any, key: str = "") -> str:
    """A cell class: green, amber or red, for 0..1 metrics where higher is better."""
    if not isinstance(value, float) or key == "judge" or key in {"rouge_l", "chrf", "embedding"}:
        return ""
    return "good" if value >= 0.9 else "mid" if value >= 0.7 else "bad"


def cell(value: Any, key: str = "") -> str:
    return f'<td class="num {tone(value, key)}">{fmt(value, key)}</td>'


def summary_table(runs: list[dict[str, Any]]) -> str:
    head = "".join(f"<th>{escape(label)}</th>" for _, label in SUMMARY_COLUMNS)
    rows = []
    for run in runs:
        s = run["summary"]
        lat = s["latency_ms"]
        rows.append(
            f'<tr><th class="rowhead"><a href="#{_anchor(run["key"])}">{escape(run["model"])}</a>'
            f"<br><small>{escape(run['prompts']['label'])}</small></th>"
            + "".join(cell(s["means"].get(k), k) for k, _ in SUMMARY_COLUMNS)
            + f'<td class="num">{_ms(lat["p50"])} / {_ms(lat["p95"])}</td>'
            f'<td class="num">{s["tokens_total"] // max(1, s["n"])}</td>'
            f'<td class="num">${s["cost_usd_total"]:.4f}</td>'
            f'<td class="num {"bad" if s["errors"] else ""}">{s["errors"]}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="grid"><thead><tr><th>Model · prompts</th>'
        f"{head}<th>Latency p50 / p95 ms</th><th>Tokens / case</th><th>Cost</th><th>Errors</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def group_table(groups: list[dict[str, Any]], by: str) -> str:
    head = "".join(f"<th>{escape(label)}</th>" for _, label in GROUP_COLUMNS)
    rows = []
    for group in sorted(groups, key=lambda g: (g["means"].get("case_pass", 0), g[by])):
        chosen = ", ".join(f"{escape(t)} ×{n}" for t, n in group["chosen"].items())
        rows.append(
            f'<tr><th class="rowhead">{escape(group[by])}</th><td class="num">{group["n"]}</td>'
            + "".join(cell(group["means"].get(k), k) for k, _ in GROUP_COLUMNS)
            + f'<td class="small">{chosen}</td></tr>'
        )
    what = "Technique (the case's primary)" if by == "technique" else "Channel"
    return (
        f'<table class="grid"><thead><tr><th>{what}</th><th>n</th>{head}'
        f"<th>Technique chosen</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def check_table(run: dict[str, Any]) -> str:
    rows = []
    for row in sorted(run["by_check"], key=lambda r: (r["pass_rate"] or 0, r["check"])):
        links = " ".join(
            f'<a href="#{_anchor(run["key"], cid)}">{escape(cid)}</a>'
            for cid in row["failing"][:12]
        )
        more = f" … +{len(row['failing']) - 12}" if len(row["failing"]) > 12 else ""
        rows.append(
            f'<tr><th class="rowhead">{escape(row["check"])}</th>{cell(row["pass_rate"])}'
            f'<td class="num">{len(row["failing"])}</td><td class="small">{links}{more}</td></tr>'
        )
    return (
        '<table class="grid"><thead><tr><th>Check</th><th>Pass rate</th><th>Failing</th>'
        f"<th>Failing cases</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def charts(report: dict[str, Any]) -> str:
    runs = report["runs"]
    names = [f"{r['model']} · {r['prompts']['label']}" for r in runs]
    checks = [row["check"] for row in runs[0]["by_check"]] if runs else []
    check_series = [
        (name, [row["pass_rate"] for row in run["by_check"]])
        for name, run in zip(names, runs, strict=True)
    ]
    techniques = sorted(report["suite"]["techniques"])
    technique_series = []
    for name, run in zip(names, runs, strict=True):
        by = {g["technique"]: g["means"] for g in run["by_technique"]}
        technique_series.append((name, [by.get(t, {}).get("case_pass") for t in techniques]))
    return (
        '<div class="charts">'
        + hbar_chart("Pass rate per check", checks, check_series)
        + hbar_chart("Case pass rate per technique", techniques, technique_series)
        + "</div>"
    )


def run_section(report: dict[str, Any], run: dict[str, Any]) -> str:
    cases = report["cases"]
    rows = {row["id"]: row for row in run["cases"]}
    cards = "".join(case_card(run["key"], rows[cid], cases[cid]) for cid in run["worst"])
    not_run = "".join(f"<li>{escape(line)}</li>" for line in run["summary"]["not_run"])
    return (
        f'<section id="{_anchor(run["key"])}"><h2>{escape(run["model"])} '
        f"<small>{escape(run['prompts']['label'])} — {escape(run['prompts']['dir'])}</small></h2>"
        + (
            '<details class="notrun"><summary>Scorers not run</summary>'
            f"<ul>{not_run}</ul></details>"
            if not_run
            else ""
        )
        + "<h3>Per technique</h3>"
        + group_table(run["by_technique"], "technique")
        + "<h3>Per check</h3>"
        + check_table(run)
        + "<h3>Per channel</h3>"
        + group_table(run["by_channel"], "channel")
        + f"<h3>Worst cases ({len(run['worst'])})</h3>"
        + '<p class="hint">Failing cases first, then the lowest mean score. Highlighted: the '
        "spans a failing check or must-never rule points at (hover for the reason).</p>"
        + cards
        + "<details><summary>All cases</summary>"
        + case_table(run["key"], run["cases"], cases)
        + "</details></section>"
    )


def render_html(report: dict[str, Any]) -> str:
    meta = report["meta"]
    suite = report["suite"]
    partial = (
        '<p class="warn">Partial report: the run was interrupted. Re-run to finish; finished '
        "drafts come from the cache.</p>"
        if not report["complete"]
        else ""
    )
    sources = ", ".join(f"{escape(k)} {v}" for k, v in suite["sources"].items())
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Calm eval report</title><style>{CSS}</style></head><body><main>"
        "<h1>Calm eval report</h1>"
        f'<p class="meta">{suite["n_cases"]} cases ({sources}) · {len(report["runs"])} run(s) · '
        f"{escape(str(meta.get('generated_at', '')))} · {float(meta.get('duration_s', 0)):.1f} s · "
        f"cache {meta.get('cache_hits', 0)} hit / {meta.get('cache_misses', 0)} miss</p>"
        + partial
        + "<h2>Summary</h2>"
        + summary_table(report["runs"])
        + '<p class="hint">Case pass: every check passes, the technique is acceptable, at least '
        "half the must-mention specifics appear and no must-never rule is broken. ROUGE-L and "
        "chrF compare with the gold reply (0..1). Green ≥ 90%, amber ≥ 70%, red below.</p>"
        + charts(report)
        + "".join(run_section(report, run) for run in report["runs"])
        + "</main></body></html>"
    )
