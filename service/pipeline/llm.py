"""Messages -> text. The only module that imports LiteLLM.

Everything else calls ``ModelClient.complete(messages, model=...)`` and gets a ``Completion``.
Here live the things LiteLLM leaves to us: a hard timeout (LiteLLM does not enforce ``timeout``
for custom providers), retries with backoff, the fallback chain from config, usage and cost, and
the registration of Calm's own providers: ``calm/playbook`` (the offline drafter) and
``calm/fake`` (a queue for tests).
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field, replace
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no remote fetch at import

import litellm
from litellm import CustomLLM, ModelResponse

from service.config import Settings
from service.errors import ModelError, ModelUnavailable
from service.pipeline import fake_model
from service.pipeline.playbook import write_reply
from service.pipeline.tokens import count_message_tokens, count_tokens

litellm.suppress_debug_info = True
litellm.telemetry = False

LOCAL_PREFIX = "calm/"
# Errors worth retrying on the same model; anything else (auth, bad request) goes to the fallback.
_RETRYABLE = (
    asyncio.TimeoutError,
    litellm.Timeout,
    litellm.RateLimitError,
    litellm.APIConnectionError,
    litellm.InternalServerError,
    litellm.ServiceUnavailableError,
)


class _CalmProvider(CustomLLM):
    """Serves ``calm/playbook`` and ``calm/fake`` through LiteLLM's custom-provider hook."""

    def _respond(self, model: str, messages: list[dict[str, str]]) -> ModelResponse:
        name = model.split("/", 1)[-1]
        if name == "playbook":
            text = write_reply(messages)
        elif name == "fake":
            text = fake_model.take(messages)
        else:
            raise litellm.BadRequestError(
                f"unknown Calm model {model!r}", model=model, llm_provider="calm"
            )
        usage = {
            "prompt_tokens": count_message_tokens(messages),
            "completion_tokens": count_tokens(text),
        }
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        return ModelResponse(
            choices=[{"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            model=model,
            usage=usage,
        )

    def completion(
        self, model: str, messages: list[Any], *args: Any, **kwargs: Any
    ) -> ModelResponse:
        return self._respond(model, messages)

    async def acompletion(
        self, model: str, messages: list[Any], *args: Any, **kwargs: Any
    ) -> ModelResponse:
        return self._respond(model, messages)


litellm.custom_provider_map = [
    *[p for p in litellm.custom_provider_map if p.get("provider") != "calm"],
    {"provider": "calm", "custom_handler": _CalmProvider()},
]


@dataclass(frozen=True)
class Completion:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    latency_ms: float
    failures: list[ModelError] = field(default_factory=list)
    """Calls that failed before this one succeeded (retries and fallbacks), oldest first."""


class ModelClient:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def chain(self, model: str | None) -> list[str]:
        """The requested (or default) model, then the configured fallbacks, without repeats."""
        first = model or self.settings.default_model
        return list(dict.fromkeys([first, *self.settings.fallback_models]))

    def input_budget(self, model: str) -> int:
        """Tokens the prompt may use: the model's context minus room for the reply."""
        window: int | None = None
        if not model.startswith(LOCAL_PREFIX):
            try:
                info = litellm.get_model_info(model)
                window = info.get("max_input_tokens") or info.get("max_tokens")
            except Exception:  # unknown to LiteLLM's (local) model map
                window = None
        window = window or self.settings.default_input_budget
        return max(window - self.settings.max_output_tokens, 1_000)

    async def complete(
        self, messages: list[dict[str, str]], *, model: str | None = None
    ) -> Completion:
        """Try each model in the chain, retrying transient errors; ModelUnavailable if all fail."""
        failures: list[ModelError] = []
        for name in self.chain(model):
            for attempt in range(1, self.settings.num_retries + 2):
                try:
                    done = await self._call(name, messages)
                    return replace(done, failures=failures)
                except ModelError as exc:
                    failures.append(exc)
                    if not exc.context.get("retryable") or attempt > self.settings.num_retries:
                        break
                    await asyncio.sleep(self.settings.retry_backoff_s * attempt)
        raise ModelUnavailable("no model could produce a draft", failures, models=self.chain(model))

    async def _call(self, model: str, messages: list[dict[str, str]]) -> Completion:
        kwargs: dict[str, Any] = {
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_output_tokens,
            "timeout": self.settings.timeout_s,
            "num_retries": 0,
        }
        if not model.startswith(LOCAL_PREFIX):
            kwargs["max_retries"] = 0  # the OpenAI SDK's own retries; ours are above
            if self.settings.api_base:
                kwargs["api_base"] = self.settings.api_base
            if self.settings.api_key:
                kwargs["api_key"] = self.settings.api_key
        started = time.perf_counter()
        try:
            response = await asyncio.wait_for(
                litellm.acompletion(model=model, messages=messages, **kwargs),
                timeout=self.settings.timeout_s,
            )
        except Exception as exc:
            retryable = isinstance(exc, _RETRYABLE)
            reason = (
                "timed out" if isinstance(exc, asyncio.TimeoutError | litellm.Timeout) else "failed"
            )
            raise ModelError(
                f"model call {reason}",
                model=model,
                retryable=retryable,
                cause=f"{type(exc).__name__}: {_short(exc)}",
            ) from exc
        latency_ms = (time.perf_counter() - started) * 1000
        text = (response.choices[0].message.content or "").strip()
        if not text:
            raise ModelError(
                "model returned an empty reply", model=model, retryable=True, cause="empty"
            )
        usage = getattr(response, "usage", None)
        prompt_tokens = getattr(usage, "prompt_tokens", 0) or count_message_tokens(messages, model)
        completion_tokens = getattr(usage, "completion_tokens", 0) or count_tokens(text, model)
        return Completion(
            text=text,
            model=model,
            prompt_tokens=int(prompt_tokens),
            completion_tokens=int(completion_tokens),
            cost_usd=_cost(response, model),
            latency_ms=round(latency_ms, 2),
        )


def _cost(response: ModelResponse, model: str) -> float:
    if model.startswith(LOCAL_PREFIX):
        return 0.0
    try:
        return float(litellm.completion_cost(completion_response=response, model=model))
    except Exception:  # price unknown (self-hosted or custom model): report zero, not an error
        return 0.0


def _short(exc: BaseException, limit: int = 300) -> str:
    """One line for logs and notices: no traceback (LiteLLM embeds one in wrapped errors)."""
    text = str(exc).split("Traceback (most recent call last)", 1)[0]
    text = " ".join(text.replace("litellm.", "").split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
