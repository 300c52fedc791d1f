"""``Drafter.draft(request)``: the whole pipeline, top to bottom.

thread -> signals -> technique -> prompt -> model -> checks -> (re-ask with the checks' feedback)
-> Draft, ``ready`` when every check passes, else ``flagged`` with the failing checks and spans.
The re-ask loop is ours: guardrails' built-in re-ask drops the system prompt and the thread.
A model failure never loses the request: the client retries and falls back, and if every model
fails the draft comes back flagged with the reason, for a human to write.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from service.config import Settings
from service.errors import ModelError, ModelUnavailable
from service.pipeline.checks.base import CheckContext, Windows
from service.pipeline.checks.guard import CheckSuite, default_suite
from service.pipeline.checks.time_frame import find_commitments
from service.pipeline.llm import Completion, ModelClient
from service.pipeline.prompt import build_prompt, reask_messages, resolve_windows
from service.pipeline.prompt_files import PromptLibrary, load_library
from service.pipeline.signals import detect_signals
from service.pipeline.specifics import extract_specifics
from service.pipeline.techniques import choose_technique
from service.schemas import (
    AttemptLog,
    CheckReport,
    CheckRequest,
    CheckResult,
    Draft,
    DraftRequest,
    Policy,
    Usage,
)

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_draft_id() -> str:
    """``drf_`` + a ULID (time-ordered, so ids sort by creation)."""
    value = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    return "drf_" + "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in range(25, -1, -1))


@dataclass
class Drafter:
    """Built once per process: the parsed prompts, the Guard and the model client."""

    settings: Settings
    library: PromptLibrary
    suite: CheckSuite
    client: ModelClient

    @classmethod
    def from_settings(cls, settings: Settings) -> Drafter:
        return cls(
            settings=settings,
            library=load_library(settings.prompts_dir),
            suite=default_suite(),
            client=ModelClient(settings),
        )

    def check(self, request: CheckRequest) -> CheckReport:
        """Run every check on a draft a person wrote, with the same windows drafting would use."""
        ctx = CheckContext.from_request(request, self.windows(request.policy))
        checks = self.suite.run(request.draft, ctx)
        return CheckReport(
            passed=all(c.passed for c in checks),
            checks=checks,
            commitments=find_commitments(request.draft),
        )

    def windows(self, policy: Policy | None) -> Windows:
        return resolve_windows(
            policy,
            first_update=self.settings.default_first_update,
            resolution=self.settings.default_resolution,
        )

    async def draft(self, request: DraftRequest) -> Draft:
        started = time.perf_counter()
        thread, policy = request.thread, request.policy
        signals = detect_signals(thread, policy)
        technique = choose_technique(
            signals, thread=thread, policy=policy, requested=request.technique
        )
        windows = self.windows(policy)
        model = request.model or self.settings.default_model
        prompt = build_prompt(
            request,
            technique=technique,
            signals=signals,
            specifics=extract_specifics(thread),
            windows=windows,
            library=self.library,
            model=model,
            budget=self.client.input_budget(model),
        )
        ctx = CheckContext.from_request(request, windows)
        messages = prompt.messages
        trace: list[AttemptLog] = []
        usage = Usage()
        text, used_model = "", model
        checks: list[CheckResult] = []
        flag_reason: str | None = None
        notices: list[str] = []

        for attempt in range(1, self.settings.max_reasks + 2):
            try:
                completion = await self.client.complete(messages, model=model)
            except ModelUnavailable as exc:
                trace.extend(_failure_logs(attempt, exc.failures))
                flag_reason = "no model could produce a draft: " + "; ".join(map(str, exc.failures))
                break
            trace.extend(_failure_logs(attempt, completion.failures))
            if completion.failures:
                notices.append(_fallback_notice(completion))
            _add_usage(usage, completion)
            text, used_model = completion.text, completion.model
            checks = self.suite.run(text, ctx)
            failing = [c for c in checks if not c.passed]
            trace.append(
                AttemptLog(
                    attempt=attempt,
                    model=completion.model,
                    outcome="failed-checks" if failing else "passed",
                    failing_checks=[c.id for c in failing],
                    latency_ms=completion.latency_ms,
                )
            )
            if not failing:
                break
            if attempt <= self.settings.max_reasks:
                messages = reask_messages(self.library, messages, text, failing)

        failing_ids = [c.id for c in checks if not c.passed]
        if failing_ids and not flag_reason:
            flag_reason = (
                f"checks still failing after {attempt} attempt(s): {', '.join(failing_ids)}"
            )
        status = "ready" if text and not failing_ids and not flag_reason else "flagged"
        return Draft(
            id=new_draft_id(),
            status=status,
            draft=text,
            technique=technique,
            signals=signals,
            commitments=find_commitments(text) if text else [],
            checks=checks,
            attempts=attempt,
            model=used_model,
            prompt_version=prompt.version,
            prompt_versions=prompt.versions,
            usage=usage,
            latency_ms=round((time.perf_counter() - started) * 1000, 2),
            created_at=datetime.now(UTC),
            flag_reason=flag_reason if status == "flagged" else None,
            notices=list(dict.fromkeys(notices)),
            trace=trace,
        )


def _add_usage(usage: Usage, completion: Completion) -> None:
    usage.prompt_tokens += completion.prompt_tokens
    usage.completion_tokens += completion.completion_tokens
    usage.cost_usd = round(usage.cost_usd + completion.cost_usd, 6)


def _failure_logs(attempt: int, failures: list[ModelError]) -> list[AttemptLog]:
    return [
        AttemptLog(
            attempt=attempt,
            model=str(f.context.get("model", "")),
            outcome="model-error",
            error=str(f),
        )
        for f in failures
    ]


def _fallback_notice(completion: Completion) -> str:
    """Tell the agent, in words, that a retry or a fallback model produced this draft."""
    first = completion.failures[0]
    failed_model = str(first.context.get("model", "?"))
    cause = first.context.get("cause", first.message)
    if failed_model == completion.model:
        return f"{completion.model} failed once ({cause}) and succeeded on retry"
    return f"drafted by fallback model {completion.model} because {failed_model} failed ({cause})"
