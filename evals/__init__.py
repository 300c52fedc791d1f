"""Calm's offline evaluation suite: gold cases, scorers, a model × prompt matrix, reports.

Data flow (each step is one module)::

    cases/*.jsonl ─▶ cases.py ─▶ runner.py ─▶ Drafter.draft() (the one pipeline) ─▶ cache.py
                                     │
                                     └─▶ scorers/ ─▶ aggregate.py ─▶ report.json ─▶ html.py
                                                                        └─▶ compare.py (CI gate)

``evals`` imports ``service``; ``service`` never imports ``evals`` (``calm eval`` is registered
through the ``calm.commands`` entry-point group).
"""

REPORT_SCHEMA = "calm-eval-report/1"
