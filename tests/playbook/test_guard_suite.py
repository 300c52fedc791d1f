"""The issue's proof: the playbook's drafts pass all nine checks, through the real pipeline.

Every example thread in ``examples/`` is drafted with every technique requested explicitly, by
``Drafter.from_settings(Settings(...)).draft(request)`` with the built-in offline drafter and no
re-asks, so the first draft itself must come back ``ready`` with each of the contract's nine
checks run (through ``default_suite()``, the Guard) and passed. The labelled technique threads
and the eval suite's threads (technique ``auto``) are held to the same standard.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings
from service.pipeline.checks.guard import default_suite
from service.pipeline.drafting import Drafter
from service.schemas import CHECK_IDS, TECHNIQUE_IDS, Draft, DraftRequest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _threads() -> list[tuple[str, dict[str, Any]]]:
    """(name, request body) for the labelled technique threads and the eval suite's cases."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in [ROOT / "tests" / "data" / "technique_threads.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append((f"{path.stem}:{row['name']}", row["request"]))
    for path in sorted((ROOT / "evals" / "cases").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append((f"{path.stem}:{row['id']}", row["request"]))
    return found


THREADS = _threads()


@pytest.fixture(scope="module")
def drafter(tmp_path_factory: pytest.TempPathFactory) -> Drafter:
    db = tmp_path_factory.mktemp("db") / "calm.db"
    settings = Settings(
        default_model="calm/playbook",
        fallback_models=[],
        max_reasks=0,  # no second chances: the first draft itself must pass
        num_retries=0,
        database_url=f"sqlite:///{db}",
        _env_file=None,
    )
    return Drafter.from_settings(settings)


def _failures(draft: Draft) -> list[str]:
    return [
        f"{c.id}: {c.message} {[draft.draft[a:b] for a, b in c.spans]}"
        for c in draft.checks
        if not c.passed
    ]


def test_the_suite_is_all_nine_contract_checks() -> None:
    assert default_suite().ids == list(CHECK_IDS)
    assert len(CHECK_IDS) == 9


def test_there_are_examples_to_draft() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("technique", TECHNIQUE_IDS)
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
async def test_every_example_with_every_technique_passes_all_checks(
    drafter: Drafter, example: Path, technique: str
) -> None:
    body = json.loads(example.read_text(encoding="utf-8"))
    request = DraftRequest.model_validate({**body, "technique": technique})
    draft = await drafter.draft(request)
    assert draft.model == "calm/playbook"
    assert draft.technique.id == technique
    assert [c.id for c in draft.checks] == list(CHECK_IDS)
    assert draft.status == "ready", "\n".join([*_failures(draft), draft.draft])
    assert all(c.passed for c in draft.checks)
    assert draft.attempts == 1 and draft.draft.strip()


@pytest.mark.parametrize(("name", "body"), THREADS, ids=[name for name, _ in THREADS])
async def test_labelled_and_eval_threads_pass_all_checks(
    drafter: Drafter, name: str, body: dict[str, Any]
) -> None:
    request = DraftRequest.model_validate({**body, "technique": "auto"})
    draft = await drafter.draft(request)
    assert [c.id for c in draft.checks] == list(CHECK_IDS)
    assert draft.status == "ready", "\n".join([name, *_failures(draft), draft.draft])
