"""The pipeline loop with a fake model: ready, re-ask, flagged, fallback, and model outage."""

from __future__ import annotations

from typing import Any

from service.config import Settings
from service.pipeline import fake_model
from service.pipeline.drafting import Drafter, new_draft_id
from service.schemas import DraftRequest

GOOD = (
    "Dana, thank you for sticking with this. I'm sorry the export failed at 92% again.\n\n"
    "I'm re-running it on our side now, and I'll send you the file within 30 minutes."
)
BAD = "Sorry for any inconvenience. As I already said, we'll look into it soon."


def _drafter(settings: Settings, **overrides: Any) -> Drafter:
    values = {"default_model": "calm/fake", "fallback_models": [], "max_reasks": 2, **overrides}
    return Drafter.from_settings(settings.model_copy(update=values))


async def test_passing_reply_is_ready_with_everything_recorded(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    fake_model.enqueue(GOOD)
    draft = await _drafter(settings).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "ready", draft.checks
    assert draft.draft == GOOD
    assert draft.attempts == 1
    assert draft.model == "calm/fake"
    assert draft.id.startswith("drf_") and len(draft.id) == 30
    assert draft.technique.id in {"apology-plus-action", "time-boxed-update", "mirror"}
    assert {s.id for s in draft.signals} >= {"repeated-contact"}
    assert draft.prompt_version.startswith(draft.technique.id + "@")
    assert draft.prompt_versions["system"].startswith("system@")
    assert [c.window for c in draft.commitments] == ["30 minutes"]
    assert all(c.passed for c in draft.checks) and draft.checks
    assert draft.usage.prompt_tokens > 500 and draft.usage.completion_tokens > 10
    assert draft.flag_reason is None and draft.notices == []


async def test_failing_reply_is_reasked_with_context_and_feedback(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    fake_model.enqueue(BAD, GOOD)
    draft = await _drafter(settings).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "ready"
    assert draft.attempts == 2
    first, second = fake_model.calls
    assert second[:2] == first  # system prompt and thread are kept on re-ask
    assert second[2] == {"role": "assistant", "content": BAD}
    feedback = second[3]["content"]
    for check_id in ("apology-action", "time-frame", "no-blame"):
        assert f'<check id="{check_id}">' in feedback
    assert [t.outcome for t in draft.trace] == ["failed-checks", "passed"]
    assert draft.usage.prompt_tokens > 2 * 500


async def test_still_failing_after_reasks_is_flagged_with_spans(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    fake_model.enqueue(BAD, BAD, BAD)
    draft = await _drafter(settings).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "flagged"
    assert draft.attempts == 3 and len(fake_model.calls) == 3
    failing = {c.id: c for c in draft.checks if not c.passed}
    assert set(failing) >= {"apology-action", "time-frame", "no-blame"}
    start, end = failing["time-frame"].spans[0]
    assert "soon" in BAD[start:end]
    assert draft.flag_reason and "time-frame" in draft.flag_reason


async def test_requested_technique_overrides_detection(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    example_request["technique"] = "offer-choices"
    fake_model.enqueue(GOOD)
    draft = await _drafter(settings).draft(DraftRequest.model_validate(example_request))
    assert draft.technique.id == "offer-choices"
    assert "# Technique: " in fake_model.calls[0][0]["content"]
    assert "(offer-choices)" in fake_model.calls[0][0]["content"]
    assert draft.prompt_version.startswith("offer-choices@")


async def test_model_failure_falls_back_to_the_offline_drafter_and_says_so(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    fake_model.enqueue(RuntimeError("provider down"))
    drafter = _drafter(settings, fallback_models=["calm/playbook"])
    draft = await drafter.draft(DraftRequest.model_validate(example_request))
    assert draft.model == "calm/playbook"
    assert draft.status == "ready", [c for c in draft.checks if not c.passed]
    assert draft.notices and "fallback model calm/playbook" in draft.notices[0]
    assert "provider down" in draft.notices[0]
    assert draft.trace[0].outcome == "model-error" and draft.trace[0].model == "calm/fake"


async def test_every_model_failing_returns_a_flagged_draft_not_an_error(
    settings: Settings, example_request: dict[str, Any]
) -> None:
    fake_model.enqueue(RuntimeError("provider down"))
    draft = await _drafter(settings).draft(DraftRequest.model_validate(example_request))
    assert draft.status == "flagged"
    assert draft.draft == ""
    assert draft.flag_reason and "no model could produce a draft" in draft.flag_reason
    assert "provider down" in draft.flag_reason
    assert draft.technique.id and draft.signals  # the analysis is still there for the agent


def test_draft_ids_are_unique_and_time_ordered() -> None:
    ids = [new_draft_id() for _ in range(200)]
    assert len(set(ids)) == 200
    assert ids[0][:14] <= ids[-1][:14]
