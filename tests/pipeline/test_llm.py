"""The model seam: retries, fallbacks, timeouts, usage, all through LiteLLM with calm/fake."""

from __future__ import annotations

import pytest

from service.config import Settings
from service.errors import ModelUnavailable
from service.pipeline import fake_model
from service.pipeline.llm import ModelClient

MESSAGES = [{"role": "system", "content": "be calm"}, {"role": "user", "content": "hello"}]


def _client(settings: Settings, **overrides: object) -> ModelClient:
    return ModelClient(settings.model_copy(update={"default_model": "calm/fake", **overrides}))


async def test_reply_comes_back_with_usage_through_litellm(settings: Settings) -> None:
    fake_model.enqueue("Thanks for waiting, Dana.")
    done = await _client(settings, fallback_models=[]).complete(MESSAGES)
    assert done.text == "Thanks for waiting, Dana."
    assert done.model == "calm/fake"
    assert done.prompt_tokens > 0 and done.completion_tokens > 0
    assert done.cost_usd == 0.0
    assert fake_model.calls == [MESSAGES]


async def test_transient_error_is_retried_on_the_same_model(settings: Settings) -> None:
    fake_model.enqueue(TimeoutError(), "second try works")
    done = await _client(settings, num_retries=1, fallback_models=[]).complete(MESSAGES)
    assert done.text == "second try works"
    assert len(done.failures) == 1 and done.failures[0].context["model"] == "calm/fake"


async def test_empty_reply_counts_as_a_failure(settings: Settings) -> None:
    fake_model.enqueue("   ", "real text")
    done = await _client(settings, num_retries=1, fallback_models=[]).complete(MESSAGES)
    assert done.text == "real text"
    assert "empty" in str(done.failures[0])


async def test_failure_falls_back_to_the_next_model_and_says_why(settings: Settings) -> None:
    fake_model.enqueue(ValueError("model exploded"))
    client = _client(settings, num_retries=0, fallback_models=["calm/other"])
    with pytest.raises(ModelUnavailable) as info:
        await client.complete(MESSAGES)
    failures = info.value.failures
    assert [f.context["model"] for f in failures] == ["calm/fake", "calm/other"]
    assert "model exploded" in str(failures[0]) and "Traceback" not in str(failures[0])
    assert "unknown Calm model" in str(failures[1])


async def test_chain_is_requested_then_fallbacks_without_repeats(settings: Settings) -> None:
    client = _client(
        settings, fallback_models=["calm/playbook", "openai/gpt-4o-mini", "calm/playbook"]
    )
    assert client.chain("openai/gpt-4o-mini") == ["openai/gpt-4o-mini", "calm/playbook"]
    assert client.chain(None) == ["calm/fake", "calm/playbook", "openai/gpt-4o-mini"]


def test_input_budget_uses_litellm_model_map_offline(settings: Settings) -> None:
    client = _client(settings)
    assert client.input_budget("gpt-4o-mini") > 100_000
    unknown = client.input_budget("openai/my-private-model")
    assert unknown == settings.default_input_budget - settings.max_output_tokens
