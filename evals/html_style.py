"""The report's stylesheet, inlined into ``report.html`` (no external fonts or files)."""

CSS = """
:root { --fg:#1d232b; --muted:#5f6b7a; --line:#d8dde3; --bg:#fafbfc; --good:#e3f4e8;
  --mid:#fdf1dc; --bad:#fbe3e1; --mark:#ffe08a; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:var(--fg); background:var(--bg); }
main { max-width:1280px; margin:0 auto; padding:24px 28px 64px; }
h1 { margin:0 0 4px; font-size:26px; } h2 { margin:36px 0 10px; font-size:20px; }
h2 small { font-weight:400; color:var(--muted); font-size:13px; }
h3 { margin:24px 0 8px; font-size:16px; } h4 { margin:0 0 6px; font-size:13px; color:var(--muted); }
.meta,.hint,.small { color:var(--muted); } .small { font-size:12px; }
.warn { background:var(--bad); padding:8px 12px; border-radius:6px; }
.scroll { overflow-x:auto; }
table.grid { border-collapse:collapse; width:100%; background:#fff; margin:6px 0 10px; }
table.grid th, table.grid td { border:1px solid var(--line); padding:5px 8px; text-align:left;
  vertical-align:top; }
table.grid thead th { background:#eef1f4; font-weight:600; font-size:12px; }
th.rowhead { font-weight:600; white-space:nowrap; }
td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.good { background:var(--good); } .mid { background:var(--mid); } .bad { background:var(--bad); }
.bad-text { color:#b3261e; font-weight:600; } .na { color:#9aa4b0; }
.charts { display:flex; flex-wrap:wrap; gap:24px; margin:12px 0; }
svg.chart { background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px; }
svg .chart-title { font-weight:600; font-size:13px; } svg .cat { font-size:11px; text-anchor:end;
  dominant-baseline:middle; } svg .val,svg .tick,svg .chart-legend { font-size:10px; fill:#444; }
svg .tick { text-anchor:middle; } svg .grid { stroke:#e6e9ed; }
article.case { background:#fff; border:1px solid var(--line); border-left:5px solid #b3261e;
  border-radius:6px; padding:10px 14px; margin:12px 0; }
article.case.pass { border-left-color:#3a9a5b; }
.tag { display:inline-block; background:#eef1f4; border-radius:4px; padding:0 6px; font-size:12px; }
.verdict { font-weight:700; text-transform:uppercase; font-size:12px; }
.verdict.fail { color:#b3261e; } .verdict.pass { color:#2e7d4a; }
.customer { margin:8px 0; font-size:13px; }
.sidebyside { display:grid; grid-template-columns:1fr 1fr 0.8fr; gap:14px; }
pre { white-space:pre-wrap; word-wrap:break-word; margin:0; font:13px/1.5 ui-monospace,
  SFMono-Regular,Menlo,Consolas,monospace; background:#f6f8fa; padding:8px; border-radius:4px; }
mark { background:var(--mark); border-bottom:2px solid #d4a000; }
ul.failures { margin:0; padding-left:18px; font-size:13px; } .ok { color:#2e7d4a; }
details { margin:10px 0; } summary { cursor:pointer; color:#2f6db3; }
@media (max-width: 900px) { .sidebyside { grid-template-columns:1fr; } }
"""
