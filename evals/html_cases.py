"""Case-level HTML: the worst-case cards (draft | gold | failures) and the all-cases table."""

from __future__ import annotations

from html import escape
from typing import Any


def anchor(*parts: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else "-" for ch in p) for p in parts).strip("-")


def marked(text: str, failures: list[dict[str, Any]]) -> str:
    """``text`` escaped, with every failing span wrapped in ``<mark title="why">``.

    Overlapping spans are merged and their reasons joined, so nested marks never break the HTML.
    """
    spans: list[tuple[int, int, str]] = []
    for failure in failures:
        reason = f"{failure['id']}: {failure['message']}".strip(": ")
        for start, end in failure.get("spans", []):
            start, end = max(0, int(start)), min(len(text), int(end))
            if end > start:
                spans.append((start, end, reason))
    spans.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, reason in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            reasons = last[2] if reason in last[2] else [*last[2], reason]
            merged[-1] = (last[0], max(last[1], end), reasons)
        else:
            merged.append((start, end, [reason]))
    out, position = [], 0
    for start, end, reasons in merged:
        out.append(escape(text[position:start]))
        title = escape(" | ".join(reasons), quote=True)
        out.append(f'<mark title="{title}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def failure_list(failures: list[dict[str, Any]]) -> str:
    if not failures:
        return '<p class="ok">No failures.</p>'
    items = "".join(
        f"<li><code>{escape(f['scorer'])}{'/' + escape(f['id']) if f['id'] != f['scorer'] else ''}"
        f"</code> {escape(f['message'] or '')}</li>"
        for f in failures
    )
    return f'<ul class="failures">{items}</ul>'


def scores_line(values: dict[str, float]) -> str:
    shown = []
    for key, label in (
        ("must_mention", "mentions"),
        ("rouge_l", "ROUGE-L"),
        ("chrf", "chrF"),
        ("length_fit", "length"),
        ("judge", "judge"),
    ):
        if key in values:
            value = values[key]
            shown.append(
                f"{label} {value:.2f}"
                if key in {"rouge_l", "chrf", "judge"}
                else f"{label} {value * 100:.0f}%"
            )
    return " · ".join(shown)


def case_card(run_key: str, row: dict[str, Any], info: dict[str, Any]) -> str:
    verdict = "pass" if row["passed"] else "fail"
    chosen = row["technique"] or "—"
    technique_note = f"{escape(info['technique'])}" + (
        "" if chosen in info["acceptable"] else f' → <span class="bad-text">{escape(chosen)}</span>'
    )
    return (
        f'<article class="case {verdict}" id="{anchor(run_key, row["id"])}">'
        f"<header><strong>{escape(row['id'])}</strong>"
        f' <span class="tag">{escape(info["channel"])}</span>'
        f' <span class="tag">{technique_note}</span>'
        f' <span class="tag">{escape(info["source"])}</span>'
        f' <span class="verdict {verdict}">{verdict}</span>'
        f' <span class="small">{escape(scores_line(row["values"]))}</span></header>'
        f'<p class="customer"><b>Customer:</b> {escape(info["customer"])}</p>'
        '<div class="sidebyside">'
        f"<div><h4>Draft ({escape(row['status'] or 'no draft')}, {row['attempts']} attempt(s))</h4>"
        f"<pre>{marked(row['draft'], row['failures'])}</pre></div>"
        f"<div><h4>Gold</h4><pre>{escape(info['gold'])}</pre></div>"
        f"<div><h4>Why it fails</h4>{failure_list(row['failures'])}</div>"
        "</div></article>"
    )


def case_table(run_key: str, rows: list[dict[str, Any]], cases: dict[str, Any]) -> str:
    body = []
    for row in rows:
        info = cases[row["id"]]
        failing = ", ".join(sorted({f["id"] for f in row["failures"]}))
        verdict = "pass" if row["passed"] else "fail"
        body.append(
            f'<tr id="{anchor(run_key, row["id"])}-row"><td>{escape(row["id"])}</td>'
            f"<td>{escape(info['channel'])}</td><td>{escape(info['technique'])}</td>"
            f"<td>{escape(row['technique'] or '—')}</td>"
            f'<td class="{"good" if row["passed"] else "bad"}">{verdict}</td>'
            f'<td class="small">{escape(failing)}</td>'
            f'<td class="small">{escape(scores_line(row["values"]))}</td></tr>'
        )
    return (
        '<table class="grid small"><thead><tr><th>Case</th><th>Channel</th><th>Technique</th>'
        "<th>Chosen</th><th>Verdict</th><th>Failing</th><th>Scores</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
