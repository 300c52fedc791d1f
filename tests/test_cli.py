"""The ``calm`` command line: draft, techniques, and exit 2 naming the field on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from service.cli import app
from service.config import REPO_ROOT
from service.schemas import TECHNIQUE_IDS

runner = CliRunner()
EXAMPLE = str(REPO_ROOT / "examples" / "export-failing-chat.json")


def test_draft_prints_contract_json() -> None:
    result = runner.invoke(app, ["draft", EXAMPLE])
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)
    assert draft["status"] == "ready" and draft["model"] == "calm/playbook"
    assert draft["prompt_version"].startswith(draft["technique"]["id"] + "@")


def test_draft_reads_stdin_and_takes_overrides() -> None:
    body = Path(EXAMPLE).read_text()
    result = runner.invoke(app, ["draft", "-", "--technique", "offer-choices"], input=body)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["technique"]["id"] == "offer-choices"


def test_bad_input_exits_2_naming_the_problem(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["draft", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "cannot read" in missing.stderr

    broken = tmp_path / "broken.json"
    broken.write_text('{"thread": ')
    result = runner.invoke(app, ["draft", str(broken)])
    assert result.exit_code == 2 and "not valid JSON" in result.stderr

    body = json.loads(Path(EXAMPLE).read_text())
    body["thread"]["messages"] = [{"role": "note", "text": "internal only"}]
    no_customer = tmp_path / "no_customer.json"
    no_customer.write_text(json.dumps(body))
    result = runner.invoke(app, ["draft", str(no_customer)])
    assert result.exit_code == 2
    assert "thread.messages" in result.stderr and "customer" in result.stderr

    result = runner.invoke(app, ["draft", EXAMPLE, "--technique", "nope"])
    assert result.exit_code == 2 and "technique" in result.stderr


def test_techniques_lists_all_sixteen() -> None:
    result = runner.invoke(app, ["techniques"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(TECHNIQUE_IDS)


def test_console_entry_point_runs_in_a_fresh_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "draft", EXAMPLE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "ready"
