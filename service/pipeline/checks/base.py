"""What every check receives and returns.

A check is a plain function ``(draft, ctx) -> CheckResult``. It never raises on a bad draft:
failing is data (id, passed, message, spans, hint). `guard.py` wraps each one in a
guardrails-ai validator so they run through one Guard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from service.schemas import CheckRequest, CheckResult, DraftRequest, Policy, Thread


@dataclass(frozen=True)
class Windows:
    """The time windows a draft may promise: from ``policy.sla``, else the deployment's defaults."""

    first_update: str
    resolution: str


@dataclass(frozen=True)
class CheckContext:
    thread: Thread
    policy: Policy | None = None
    facts: tuple[str, ...] = ()
    windows: Windows = field(default_factory=lambda: Windows("30 minutes", "1 business day"))

    @classmethod
    def from_request(cls, request: DraftRequest | CheckRequest, windows: Windows) -> CheckContext:
        return cls(
            thread=request.thread,
            policy=request.policy,
            facts=tuple(request.facts),
            windows=windows,
        )


CheckFn = Callable[[str, CheckContext], CheckResult]


def passed(check_id: str) -> CheckResult:
    return CheckResult(id=check_id, passed=True)


def failed(check_id: str, message: str, spans: list[tuple[int, int]], hint: str) -> CheckResult:
    return CheckResult(id=check_id, passed=False, message=message, spans=spans, hint=hint)
