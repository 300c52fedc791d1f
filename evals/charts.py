"""Inline SVG bar charts, generated in Python: the report needs no script, CDN or network."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#2f6db3", "#d9822b", "#3a9a5b", "#8e5ab5", "#c2413b", "#5f6b7a")
LABEL_W = 210
BAR_W = 360
BAR_H = 13
GAP = 7


def hbar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    maximum: float = 1.0,
    percent: bool = True,
) -> str:
    """Horizontal grouped bars: one group per category, one bar per series (run)."""
    group_h = len(series) * BAR_H + GAP
    legend_h = 18 * len(series) if len(series) > 1 else 0
    top = 26 + legend_h
    height = top + group_h * len(categories) + 24
    width = LABEL_W + BAR_W + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>',
        f'<text x="0" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for i, (name, _values) in enumerate(series if len(series) > 1 else []):
        y = 24 + 18 * i
        parts.append(
            f'<rect x="0" y="{y}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        parts.append(f'<text x="18" y="{y + 10}" class="chart-legend">{escape(name)}</text>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = LABEL_W + tick * BAR_W
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 18}" class="grid"/>'
            f'<text x="{x:.1f}" y="{height - 4}" class="tick">'
            f"{_fmt(tick * maximum, percent)}</text>"
        )
    for c, category in enumerate(categories):
        y0 = top + c * group_h
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y0 + group_h / 2:.1f}" class="cat">'
            f"{escape(category)}</text>"
        )
        for s, (name, values) in enumerate(series):
            value = values[c] if c < len(values) else None
            y = y0 + s * BAR_H
            if value is None:
                parts.append(f'<text x="{LABEL_W + 4}" y="{y + 10}" class="val">n/a</text>')
                continue
            w = max(0.0, min(1.0, value / maximum)) * BAR_W
            label = f"{category} — {name}: {_fmt(value, percent)}"
            parts.append(
                f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H - 2}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(label)}</title></rect>'
                f'<text x="{LABEL_W + w + 4:.1f}" y="{y + 10}" class="val">'
                f"{_fmt(value, percent)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _fmt(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:.2f}"
