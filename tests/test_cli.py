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


GOOD_REPLY = (
    "Dana, thank you for sticking with this. I'm sorry the export failed at 92% again.\n\n"
    "I'm re-running it on our side now, and I'll send you the file within 30 minutes."
)
BAD_REPLY = "Sorry for any inconvenience. As I already said, we'll look into it soon."


def test_check_exit_codes_follow_the_contract(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(GOOD_REPLY)
    bad.write_text(BAD_REPLY)
    ok = runner.invoke(app, ["check", str(good), "--thread", EXAMPLE])
    assert ok.exit_code == 0, ok.output
    report = json.loads(ok.stdout)
    assert report["passed"] is True and len(report["checks"]) >= 3
    assert [c["window"] for c in report["commitments"]] == ["30 minutes"]

    failing = runner.invoke(app, ["check", str(bad), "--thread", EXAMPLE])
    assert failing.exit_code == 1
    report = json.loads(failing.stdout)
    ids = {c["id"] for c in report["checks"] if not c["passed"]}
    assert {"apology-action", "time-frame", "no-blame"} <= ids

    assert runner.invoke(app, ["check", str(good)]).exit_code == 2  # no --thread
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["check", str(empty), "--thread", EXAMPLE])
    assert result.exit_code == 2 and "draft" in result.stderr


def test_check_batch_writes_one_result_per_line_in_order(tmp_path: Path) -> None:
    body = json.loads(Path(EXAMPLE).read_text())
    rows = [
        {"draft": GOOD_REPLY, **body, "expected": "labels are ignored"},
        {"draft": BAD_REPLY, "thread": body["thread"]},
        {"draft": GOOD_REPLY, "thread": {"channel": "fax"}},
    ]
    batch = tmp_path / "day.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n")
    result = runner.invoke(app, ["check", "--batch", str(batch)])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert out[0]["passed"] is True and out[1]["passed"] is False
    assert out[2]["error"] == "invalid input"
    assert any(d["field"].startswith("thread.") for d in out[2]["detail"])
    assert "not valid JSON" in out[3]["error"]
    assert result.exit_code == 2  # some lines were bad input

    batch.write_text("\n".join(json.dumps(r) for r in rows[:2]))
    assert runner.invoke(app, ["check", "--batch", str(batch)]).exit_code == 1
    batch.write_text(json.dumps(rows[0]))
    assert runner.invoke(app, ["check", "--batch", str(batch)]).exit_code == 0
