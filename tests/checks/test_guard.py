"""guard.py: the checks as guardrails-ai validators in one Guard, same results as direct calls."""

from __future__ import annotations

import asyncio
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest
from guardrails.validator_base import validators_registry
from guardrails_ai.types import FailResult, PassResult

from service.pipeline.checks import apology_action, guard, no_blame, time_frame
from service.pipeline.checks.base import CheckContext, failed, passed
from service.schemas import CHECK_IDS, CheckResult
from tests.checks.conftest import THREE, labelled, make_ctx

BAD = "We apologize for any inconvenience. As I said, we'll look into it soon."
GOOD = (
    "I'm sorry the export failed again. I've restarted it and I'll send the file within 20 minutes."
)


# The mechanism tests use the three original checks, so they don't change as checks are added.
_THREE_SUITE = guard.CheckSuite([apology_action, time_frame, no_blame])


def _three() -> guard.CheckSuite:
    return _THREE_SUITE


def _direct(draft: str, ctx: CheckContext) -> list[CheckResult]:
    return [guard.REGISTRY[check_id](draft, ctx) for check_id in THREE]


def test_registry_and_ids_follow_the_contract_order() -> None:
    assert guard.REGISTRY["apology-action"] is apology_action.check
    assert guard.REGISTRY["time-frame"] is time_frame.check
    assert guard.REGISTRY["no-blame"] is no_blame.check
    assert set(guard.REGISTRY) <= set(CHECK_IDS)
    assert guard.default_suite().ids == list(CHECK_IDS)  # all nine, in the contract's order


def test_default_suite_is_built_once() -> None:
    assert guard.default_suite() is guard.default_suite()


def test_one_guard_holds_every_validator() -> None:
    default = guard.default_suite()
    assert [v.rail_alias for v in default._guard.get_validators("output")] == [
        f"calm/{i}" for i in default.ids
    ]
    suite = _three()
    validators = suite._guard.get_validators("output")
    assert [v.rail_alias for v in validators] == [f"calm/{i}" for i in THREE]
    assert [type(v).__name__ for v in validators] == [
        "CalmApologyAction",
        "CalmTimeFrame",
        "CalmNoBlame",
    ]
    assert all(v.on_fail_descriptor == "noop" for v in validators)
    for check_id in THREE:
        assert validators_registry[f"calm/{check_id}"] is guard.validator_class(check_id)


def test_validator_reads_ctx_from_metadata_and_returns_guardrails_results() -> None:
    validator = guard.validator_class("no-blame")(no_blame.check)
    ctx = make_ctx()
    assert isinstance(validator.validate("Thanks, all fixed.", {"ctx": ctx}), PassResult)
    draft = "Calm down, please."
    outcome = validator.validate(draft, {"ctx": ctx})
    assert isinstance(outcome, FailResult)
    assert outcome.error_message == 'Dismisses the customer: "Calm down"'
    (span,) = outcome.error_spans or []
    assert (span.start, span.end) == (0, 9) and draft[span.start : span.end] == "Calm down"


def test_guard_path_matches_direct_calls_on_every_labelled_draft() -> None:
    suite = _three()
    ctx = make_ctx("20 minutes", "2 business days")
    for row in labelled():
        assert suite.run(row["draft"], ctx) == _direct(row["draft"], ctx), row["draft"]


def test_failing_draft_reports_every_check_with_message_spans_and_hint() -> None:
    results = _three().run(BAD, make_ctx())
    assert [r.id for r in results] == list(THREE)
    assert not any(r.passed for r in results)
    by_id = {r.id: r for r in results}
    assert [BAD[s:e] for s, e in by_id["apology-action"].spans] == [
        "We apologize for any inconvenience"
    ]
    assert [BAD[s:e] for s, e in by_id["time-frame"].spans] == ["soon"]
    assert [BAD[s:e] for s, e in by_id["no-blame"].spans] == ["As I said"]
    assert "within 30 minutes" in by_id["time-frame"].hint
    assert all(r.hint for r in results)


def test_passing_draft() -> None:
    assert _three().run(GOOD, make_ctx()) == [passed(i) for i in THREE]


def test_guard_keeps_no_history() -> None:
    suite = guard.default_suite()
    suite.run(BAD, make_ctx())
    assert len(suite._guard.history) == 0


def test_concurrent_runs_do_not_mix_results() -> None:
    suite = _three()
    rows = labelled() * 3
    contexts = [make_ctx(f"{n} minutes", "1 business day") for n in (10, 20, 30)]

    def run(i: int) -> bool:
        draft, ctx = rows[i]["draft"], contexts[i % 3]
        return suite.run(draft, ctx) == _direct(draft, ctx)

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(run, range(len(rows))))


async def test_runs_synchronously_inside_an_event_loop() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "Could not obtain an event loop"
        results = _three().run(BAD, make_ctx())
    assert [r.passed for r in results] == [False, False, False]
    await asyncio.sleep(0)


def test_a_new_check_is_one_registry_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def tone(draft: str, ctx: CheckContext) -> CheckResult:
        if "!!!" in draft:
            i = draft.index("!!!")
            return failed("tone", "Shouting: '!!!'", [(i, i + 3)], "Use one exclamation mark.")
        return passed("tone")

    monkeypatch.setattr(guard, "REGISTRY", {k: guard.REGISTRY[k] for k in THREE})
    monkeypatch.setitem(guard.REGISTRY, "tone", tone)
    suite = guard.CheckSuite()
    assert suite.ids == [*THREE, "tone"]
    results = suite.run("Fixed!!!", make_ctx())
    assert results[-1] == CheckResult(
        id="tone",
        passed=False,
        message="Shouting: '!!!'",
        spans=[(5, 8)],
        hint="Use one exclamation mark.",
    )


def test_custom_suites_take_modules_or_pairs_in_any_order() -> None:
    suite = guard.CheckSuite(
        [no_blame, ("x-house-style", lambda d, c: passed("x-house-style")), apology_action]
    )
    assert suite.ids == ["apology-action", "no-blame", "x-house-style"]
    assert [r.id for r in suite.run(GOOD, make_ctx())] == suite.ids
    with pytest.raises(ValueError, match="duplicate"):
        guard.CheckSuite([no_blame, no_blame])


def test_a_crashing_check_fails_alone_and_does_not_break_the_guard() -> None:
    def broken(draft: str, ctx: CheckContext) -> CheckResult:
        raise RuntimeError("boom")

    suite = guard.CheckSuite([apology_action, ("policy", broken), no_blame])
    results = {r.id: r for r in suite.run(GOOD, make_ctx())}
    assert results["apology-action"].passed and results["no-blame"].passed
    assert not results["policy"].passed
    assert results["policy"].message == "check crashed: RuntimeError: boom"
