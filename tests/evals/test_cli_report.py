"""`calm eval` end to end on calm/fake: report.json without run noise, a self-contained HTML."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from evals import cli
from evals.aggregate import build_report
from evals.cache import DiskCache
from evals.html import render_html
from evals.matrix import build_variants
from evals.runner import Collector, DraftFn, run_matrix
from evals.scorers import default_scorers
from service.config import Settings
from service.pipeline import fake_model
from service.schemas import Draft, DraftRequest
from tests.evals.helpers import make_draft
from tests.evals.test_runner import CASES, reply_with_gold

runner = CliRunner()
NASTY = "<script>alert(1)</script> Sorry for any inconvenience & we'll look into it soon."


def test_calm_eval_writes_both_reports_and_compares_clean(tmp_path: Path) -> None:
    fake_model.enqueue(*([reply_with_gold] * 30))
    out = tmp_path / "run"
    args = ["--model", "calm/fake", "--cases", "oc-chat-blender-options", "--out", str(out)]
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["complete"] and report["runs"][0]["model"] == "calm/fake"
    assert report["runs"][0]["summary"]["n"] == 1
    assert (out / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert (out / "results.jsonl").read_text().count("\n") == 1
    same = runner.invoke(cli.app, ["compare", str(out / "report.json"), str(out / "report.json")])
    assert same.exit_code == 0 and "Verdict: OK" in same.output
    again = runner.invoke(cli.app, args)
    assert "cache 1 hit, 0 miss" in again.output


def test_interrupted_run_writes_a_partial_report_and_exits_130(
    tmp_path: Path, monkeypatch: Any
) -> None:
    async def interrupted(cases, variants, *, collector: Collector, **_: Any):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_matrix", interrupted)
    result = runner.invoke(cli.app, ["--cases", "oc-chat-*", "--out", str(tmp_path)])
    assert result.exit_code == 130
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["complete"] is False
    assert "Partial report" in (tmp_path / "report.html").read_text()


def test_unknown_cases_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["--cases", "no-such-*", "--out", str(tmp_path)])
    assert result.exit_code == 2


def _report(settings: Settings, tmp_path: Path) -> dict[str, Any]:
    def factory(_settings: Settings) -> DraftFn:
        async def draft(request: DraftRequest) -> Draft:
            start = NASTY.index("Sorry")
            return make_draft(
                NASTY,
                technique="boundary",
                failing={
                    "apology-action": ("hollow apology", [(start, start + 28)]),
                    "time-frame": ("'soon' is vague", [(len(NASTY) - 5, len(NASTY) - 1)]),
                },
            )

        return draft

    variants = build_variants(["calm/fake"], [settings.prompts_dir])
    scorers = default_scorers(settings)
    results = asyncio.run(
        run_matrix(
            CASES,
            variants,
            settings=settings,
            scorers=scorers,
            cache=DiskCache(tmp_path),
            factory=factory,
        )
    )
    return build_report(CASES, variants, results, scorers)


def test_report_json_has_no_run_noise_outside_meta(settings: Settings, tmp_path: Path) -> None:
    first = _report(settings, tmp_path / "a")
    second = _report(settings, tmp_path / "b")
    first.pop("meta"), second.pop("meta")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert "drf_" not in json.dumps(first) and "created_at" not in json.dumps(first)


def test_html_is_self_contained_escaped_and_marks_failing_spans(
    settings: Settings, tmp_path: Path
) -> None:
    html = render_html(_report(settings, tmp_path))
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "<link" not in html
    assert html.count("<svg") >= 2
    assert '<mark title="apology-action: hollow apology">Sorry for any inconvenience' in html
    assert "Per technique" in html and "Per check" in html and "Worst cases" in html
