"""`calm eval compare`: deltas per scorer and per case, and the exit code CI gates on."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evals.cli import app
from evals.compare import compare_reports
from evals.compare_render import render
from tests.evals.reports import report, row

runner = CliRunner()
CASES = ["a", "b", "c", "d"]


def _compare(tmp_path: Path, old: dict, new: dict, *args: str):
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return runner.invoke(
        app, ["compare", str(tmp_path / "old.json"), str(tmp_path / "new.json"), *args]
    )


def test_identical_reports_pass_the_gate(tmp_path: Path) -> None:
    base = report([row(c) for c in CASES])
    result = _compare(tmp_path, base, base)
    assert result.exit_code == 0, result.output
    assert "Verdict: OK" in result.output


def test_a_mean_drop_beyond_the_threshold_fails(tmp_path: Path) -> None:
    old = report([row(c, chrf=0.50) for c in CASES])
    new = report([row(c, chrf=0.45) for c in CASES])
    result = _compare(tmp_path, old, new)
    assert result.exit_code == 1
    assert "REGRESSED" in result.output and "chrF vs gold" in result.output
    assert _compare(tmp_path, old, new, "--threshold", "0.1").exit_code == 0


def test_a_case_whose_checks_stop_passing_fails_even_if_means_hold(tmp_path: Path) -> None:
    old = report([row(c) for c in CASES])
    new_rows = [row(c) for c in CASES]
    new_rows[0] = row("a", passed=False, checks=0.0, **{"checks:policy": 0.0})
    result = _compare(tmp_path, old, report(new_rows), "--threshold", "0.5")
    assert result.exit_code == 1
    assert "Cases whose checks no longer all pass (gated) (1): a" in result.output


def test_improvements_and_informational_metrics_do_not_fail(tmp_path: Path) -> None:
    old = report([row(c, passed=False, case_pass=0.0, latency_ms=10.0) for c in CASES])
    new = report([row(c, latency_ms=50.0) for c in CASES])
    result = _compare(tmp_path, old, new)
    assert result.exit_code == 0, result.output
    assert "Cases now passing (4)" in result.output
    assert "+400.0%" in result.output and "info" in result.output


def test_judge_scale_is_normalised() -> None:
    old = report([row(c, judge=4.0) for c in CASES])
    new = report([row(c, judge=3.95) for c in CASES])
    assert not compare_reports(old, new, 0.02).failed  # 0.05 on 1..5 is 0.0125 on 0..1
    worse = report([row(c, judge=3.8) for c in CASES])
    assert compare_reports(old, worse, 0.02).failed


def test_means_are_taken_over_common_cases_only() -> None:
    old = report([row(c) for c in CASES])
    new = report(
        [row(c) for c in CASES]
        + [row("new-hard-case", passed=False, case_pass=0.0, checks=0.0, chrf=0.0)]
    )
    comparison = compare_reports(old, new)
    assert not comparison.failed and comparison.runs[0].common == 4


def test_runs_pair_by_model_when_the_prompt_label_changed() -> None:
    old = report([row(c) for c in CASES], key="calm/playbook · system@1")
    new = report([row(c, chrf=0.3) for c in CASES], key="calm/playbook · system@2")
    comparison = compare_reports(old, new)
    assert len(comparison.runs) == 1 and comparison.failed
    assert "system@1  ->  calm/playbook · system@2" in render(comparison)


def test_markdown_and_json_formats(tmp_path: Path) -> None:
    base = report([row(c) for c in CASES])
    markdown = _compare(tmp_path, base, base, "--format", "markdown")
    assert markdown.exit_code == 0 and "| metric | old | new | change |" in markdown.output
    as_json = _compare(tmp_path, base, base, "--format", "json")
    assert json.loads(as_json.output)["failed"] is False


def test_bad_input_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json")
    result = runner.invoke(app, ["compare", str(tmp_path / "x.json"), str(tmp_path / "x.json")])
    assert result.exit_code == 2
    other = report([row(c) for c in CASES], key="gpt · system@1", model="gpt")
    extra = report([row(c) for c in CASES], key="claude · system@1", model="claude")
    extra["runs"].append(other["runs"][0])
    lonely = report([row(c) for c in CASES], key="mistral · x", model="mistral")
    assert _compare(tmp_path, extra, lonely).exit_code == 2
