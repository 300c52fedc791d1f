"""Every check as a guardrails-ai validator, composed into one Guard.

Each check function ``(draft, ctx) -> CheckResult`` is wrapped in a Validator subclass registered
as ``calm/<check-id>``. All of them are passed to a single ``Guard.use(...)`` (a second ``use`` on
the output would replace the first set). `CheckSuite.run` validates a draft through that Guard
and reads pass/fail per check from the outcome's ``validation_summaries`` (which lists failures
by validator class name); ``validation_passed`` is not used. The full `CheckResult` (message,
spans, hint) comes back through a per-call metadata dict that each validator writes into, so
concurrent runs never share state.

The Guard never raises or rewrites the draft (``on_fail="noop"``), runs synchronously
(``GUARDRAILS_RUN_SYNC=true``: no event loop per call), keeps no call history (customer text)
beyond the running call, and sends no telemetry (see `telemetry`).

Adding a check (positive-refusal, policy, grounded, ...) is one entry in `REGISTRY`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from guardrails import Guard
from guardrails.validator_base import Validator, register_validator
from guardrails_ai.types import ErrorSpan, FailResult, PassResult, ValidationResult

from service.pipeline.checks import (
    apology_action,
    channel_fit,
    grounded,
    internal_leak,
    no_blame,
    policy,
    positive_refusal,
    telemetry,
    time_frame,
    tone,
)
from service.pipeline.checks.base import CheckContext, CheckFn, failed, passed
from service.schemas import CHECK_IDS, CheckResult

log = logging.getLogger(__name__)

telemetry.disable_guardrails_telemetry()  # before any Guard or Validator exists
os.environ["GUARDRAILS_RUN_SYNC"] = "true"  # read by guardrails on every call

REGISTRY: dict[str, CheckFn] = {
    apology_action.CHECK_ID: apology_action.check,
    time_frame.CHECK_ID: time_frame.check,
    no_blame.CHECK_ID: no_blame.check,
    positive_refusal.CHECK_ID: positive_refusal.check,
    policy.CHECK_ID: policy.check,
    grounded.CHECK_ID: grounded.check,
    internal_leak.CHECK_ID: internal_leak.check,
    channel_fit.CHECK_ID: channel_fit.check,
    tone.CHECK_ID: tone.check,
}

CheckSpec = ModuleType | tuple[str, CheckFn]  # a check module (CHECK_ID, check) or (id, function)

_RESULTS = "calm_results"  # metadata key: check id -> CheckResult, filled in by the validators


class CheckValidator(Validator):
    """Runs one check function; subclassed once per check id (see `validator_class`)."""

    check_id = ""
    required_metadata_keys = ["ctx"]  # noqa: RUF012 - guardrails reads this class attribute

    def __init__(self, fn: CheckFn) -> None:
        super().__init__(on_fail="noop")
        self._fn = fn

    def _validate(self, value: Any, metadata: dict[str, Any]) -> ValidationResult:
        """What ``Validator.validate(value, metadata)`` runs: the check on ``metadata["ctx"]``."""
        ctx: CheckContext = metadata["ctx"]
        try:
            result = self._fn(value, ctx)
        except Exception as exc:  # a buggy check flags the draft; it never breaks the others
            log.exception("check %s raised", self.check_id)
            result = failed(self.check_id, f"check crashed: {type(exc).__name__}: {exc}", [], "")
        results = metadata.get(_RESULTS)
        if isinstance(results, dict):
            results[self.check_id] = result
        if result.passed:
            return PassResult()
        reason = result.message or f"{self.check_id} failed"
        return FailResult(
            error_message=reason,
            error_spans=[ErrorSpan(start=s, end=e, reason=reason) for s, e in result.spans],
        )


_classes: dict[str, type[CheckValidator]] = {}
_classes_lock = threading.Lock()


def validator_class(check_id: str) -> type[CheckValidator]:
    """The registered ``calm/<check_id>`` validator class (named e.g. ``CalmApologyAction``)."""
    with _classes_lock:
        if check_id not in _classes:
            name = "Calm" + "".join(part.capitalize() for part in check_id.split("-"))
            cls = type(name, (CheckValidator,), {"check_id": check_id})
            register = register_validator(name=f"calm/{check_id}", data_type="string")
            _classes[check_id] = register(cls)
        return _classes[check_id]


class CheckSuite:
    """Checks run through one Guard; build once and reuse (thread-safe)."""

    def __init__(self, checks: Sequence[CheckSpec] | None = None) -> None:
        pairs = list(REGISTRY.items()) if checks is None else [_pair(c) for c in checks]
        ids = [check_id for check_id, _ in pairs]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate check ids: {ids}")
        pairs.sort(key=lambda pair: _contract_position(pair[0]))
        telemetry.disable_guardrails_telemetry()
        guard = Guard(name="calm-checks", history_max_length=1)
        guard.configure(allow_metrics_collection=False)  # re-reads ~/.guardrailsrc, so re-pin:
        telemetry.disable_guardrails_telemetry()  # (Validator.__init__ reads settings.rc)
        validators = [validator_class(check_id)(fn) for check_id, fn in pairs]
        guard.use(*validators)
        self._guard = guard
        self._ids = [check_id for check_id, _ in pairs]
        self._by_class = {type(v).__name__: v.check_id for v in validators}

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def run(self, draft: str, ctx: CheckContext) -> list[CheckResult]:
        """One result per check id, in contract order."""
        recorded: dict[str, CheckResult] = {}
        try:
            outcome = self._guard.validate(draft, metadata={"ctx": ctx, _RESULTS: recorded})
        except Exception as exc:  # guardrails itself failed: flag for review, don't drop the draft
            log.exception("guard failed")
            error = f"guard error: {type(exc).__name__}: {exc}"
            return [failed(check_id, error, [], "") for check_id in self._ids]
        finally:
            self._guard.history.clear()  # drafts are customer data; keep no call history
        failures = {
            self._by_class.get(s.validator_name): s
            for s in outcome.validation_summaries or []
            if s.validator_status == "fail"
        }
        results: list[CheckResult] = []
        for check_id in self._ids:
            own = recorded.get(check_id)
            summary = failures.get(check_id)
            if summary is not None:
                results.append(
                    CheckResult(
                        id=check_id,
                        passed=False,
                        message=summary.failure_reason or (own.message if own else ""),
                        spans=[(span.start, span.end) for span in summary.error_spans or []],
                        hint=own.hint if own else "",
                    )
                )
            elif own is not None:
                results.append(passed(check_id))
            else:
                error = outcome.error or "the validator did not run"
                results.append(failed(check_id, f"check did not run: {error}", [], ""))
        return results


_default: CheckSuite | None = None
_default_lock = threading.Lock()


def default_suite() -> CheckSuite:
    """The suite of every check in `REGISTRY`, built once per process."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = CheckSuite()
    return _default


def _pair(spec: CheckSpec) -> tuple[str, CheckFn]:
    if isinstance(spec, ModuleType):
        return spec.CHECK_ID, spec.check
    return spec


def _contract_position(check_id: str) -> int:
    return CHECK_IDS.index(check_id) if check_id in CHECK_IDS else len(CHECK_IDS)
