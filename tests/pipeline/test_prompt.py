from __future__ import annotations

import re
from typing import Any

import pytest

from service.config import REPO_ROOT
from service.pipeline.checks.base import Windows
from service.pipeline.prompt import build_prompt, reask_messages, resolve_windows
from service.pipeline.prompt_files import load_library
from service.pipeline.tokens import count_message_tokens
from service.schemas import CheckResult, DraftRequest, Policy, Signal, TechniqueChoice

LIBRARY = load_library(REPO_ROOT / "prompts")
CHOICE = TechniqueChoice(id="apology-plus-action", why="repeated contact")
WINDOWS = Windows("30 minutes", "2 business days")


def _prompt(request: DraftRequest, budget: int = 50_000) -> Any:
    return build_prompt(
        request,
        technique=CHOICE,
        signals=[Signal(id="repeated-contact", evidence="Third time asking", message_index=0)],
        specifics=["92%", "two hours"],
        windows=WINDOWS,
        library=LIBRARY,
        model="gpt-4o-mini",
        budget=budget,
    )


def test_every_technique_and_template_has_a_version() -> None:
    assert LIBRARY.system.version.isdigit()
    assert LIBRARY.thread.version.isdigit() and LIBRARY.reask.version.isdigit()
    for doc in LIBRARY.techniques.values():
        assert doc.version.isdigit(), doc.name
        assert doc.meta["name"] and doc.meta["summary"]
        for section in ("## When to use", "## Structure", "## Example phrasing", "## Source"):
            assert section in doc.body, (doc.name, section)


def test_prompt_carries_technique_thread_policy_and_versions(
    example_request: dict[str, Any],
) -> None:
    prompt = _prompt(DraftRequest.model_validate(example_request))
    system, user = prompt.messages[0]["content"], prompt.messages[1]["content"]
    assert "# Technique: Apology plus action (apology-plus-action)" in system
    assert "Structured Apology Plus Action" in system  # the technique file's body is included
    assert "The export died at 92% AGAIN." in user
    assert "<escalation_target>billing specialist</escalation_target>" in user
    assert '<windows first_update="30 minutes" resolution="2 business days" />' in user
    assert '<signal id="repeated-contact">Third time asking</signal>' in user
    assert (
        prompt.version == f"apology-plus-action@{LIBRARY.techniques['apology-plus-action'].version}"
    )
    assert set(prompt.versions) == {"system", "technique", "thread", "reask"}
    assert prompt.prompt_tokens == count_message_tokens(prompt.messages, "gpt-4o-mini")
    assert prompt.omitted_messages == 0


def test_thread_text_is_escaped(example_request: dict[str, Any]) -> None:
    example_request["thread"]["messages"][0]["text"] = 'I typed <b>"stop"</b> & nothing'
    user = _prompt(DraftRequest.model_validate(example_request)).messages[1]["content"]
    assert "&lt;b&gt;&quot;stop&quot;&lt;/b&gt; &amp; nothing" in user


def _long_thread(n: int) -> DraftRequest:
    messages: list[dict[str, str]] = [
        {"role": "customer", "text": "FIRST: my invoice INV-1 is wrong and I was double charged."}
    ]
    for i in range(1, n):
        role = "customer" if i % 2 else "agent"
        messages.append({"role": role, "text": f"message {i}: " + "words about the case " * 30})
    messages.insert(
        n // 2, {"role": "note", "text": "NOTE-MIDDLE: customer is on the legacy plan."}
    )
    messages.append({"role": "customer", "text": "LATEST: still waiting, third time asking."})
    return DraftRequest.model_validate(
        {
            "thread": {
                "channel": "email",
                "customer": {"name": "Ana"},
                "agent": {"name": "Bo"},
                "messages": messages,
            }
        }
    )


def test_long_thread_is_trimmed_keeping_first_notes_and_latest() -> None:
    request = _long_thread(120)
    full = _prompt(request)
    assert full.omitted_messages == 0
    prompt = _prompt(request, budget=3_000)
    user = prompt.messages[1]["content"]
    assert prompt.prompt_tokens <= 3_000
    assert prompt.omitted_messages > 50
    assert "FIRST: my invoice INV-1" in user
    assert "NOTE-MIDDLE" in user
    assert "LATEST: still waiting" in user
    assert f"message {len(request.thread.messages) - 3}:" in user  # the newest messages are kept
    omitted = sum(int(n) for n in re.findall(r'<omitted count="(\d+)" />', user))
    assert omitted == prompt.omitted_messages
    assert "message 3:" not in user


def test_one_huge_message_is_shortened_head_and_tail() -> None:
    text = "START " + "lorem ipsum dolor " * 1_000 + " END"
    request = DraftRequest.model_validate(
        {
            "thread": {
                "customer": {"name": "A"},
                "agent": {"name": "B"},
                "messages": [{"role": "customer", "text": text}],
            }
        }
    )
    prompt = _prompt(request, budget=2_500)
    user = prompt.messages[1]["content"]
    assert prompt.prompt_tokens <= 2_500
    assert prompt.truncated_messages == 1
    assert "START" in user and "END" in user and " … " in user


def test_windows_come_from_policy_sla_else_defaults() -> None:
    policy = Policy.model_validate({"sla": {"first_update": "1 hour"}})
    assert resolve_windows(
        policy, first_update="30 minutes", resolution="1 business day"
    ) == Windows("1 hour", "1 business day")
    assert resolve_windows(None, first_update="20 minutes", resolution="2 days") == Windows(
        "20 minutes", "2 days"
    )


def test_reask_keeps_system_and_thread_and_lists_failures(example_request: dict[str, Any]) -> None:
    prompt = _prompt(DraftRequest.model_validate(example_request))
    failing = [
        CheckResult(
            id="time-frame", passed=False, message="'soon' is vague", hint="say 'within 30 minutes'"
        )
    ]
    messages = reask_messages(LIBRARY, prompt.messages, "I'll fix it soon.", failing)
    assert messages[:2] == prompt.messages
    assert messages[2] == {"role": "assistant", "content": "I'll fix it soon."}
    assert '<check id="time-frame">' in messages[3]["content"]
    assert "within 30 minutes" in messages[3]["content"]


@pytest.mark.parametrize("model", ["gpt-4o", "claude-3-5-sonnet", "ollama/llama3"])
def test_token_counting_works_offline_for_any_model(model: str) -> None:
    assert count_message_tokens([{"role": "user", "content": "hello world"}], model) > 2
