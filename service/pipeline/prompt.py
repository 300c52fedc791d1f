"""Thread + technique -> chat messages, within the model's token budget.

When a thread is too long for the budget we keep what a human reader would: the first customer
message (what this is about), every internal note (context the draft must respect and never
leak), and as many of the latest messages as fit. Gaps are marked ``<omitted count="N" />``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.checks.base import Windows
from service.pipeline.prompt_files import PromptLibrary
from service.pipeline.tokens import count_message_tokens, count_tokens
from service.schemas import CheckResult, DraftRequest, Message, Policy, Signal, TechniqueChoice

MIN_TEXT_CHARS = 200


@dataclass(frozen=True)
class Prompt:
    messages: list[dict[str, str]]
    version: str
    """The contract's ``prompt_version``: ``<technique>@<version>``."""
    versions: dict[str, str]
    """Every prompt file that went into the messages, e.g. ``{"system": "system@1", ...}``."""
    prompt_tokens: int
    omitted_messages: int = 0
    truncated_messages: int = 0


def resolve_windows(policy: Policy | None, *, first_update: str, resolution: str) -> Windows:
    """The windows a draft may promise: ``policy.sla`` where given, else the deployment defaults."""
    sla = policy.sla if policy else None
    return Windows(
        first_update=(sla.first_update if sla and sla.first_update else first_update),
        resolution=(sla.resolution if sla and sla.resolution else resolution),
    )


def system_message(library: PromptLibrary, technique_id: str) -> str:
    doc = library.technique(technique_id)
    name = doc.meta.get("name", technique_id)
    return f"{library.system.body}\n\n# Technique: {name} ({technique_id})\n\n{doc.body}"


def build_prompt(
    request: DraftRequest,
    *,
    technique: TechniqueChoice,
    signals: Sequence[Signal],
    specifics: Sequence[str],
    windows: Windows,
    library: PromptLibrary,
    model: str,
    budget: int,
) -> Prompt:
    """Render the system and user messages; trim the thread until they fit ``budget`` tokens."""
    system = system_message(library, technique.id)
    values = {
        "thread": request.thread,
        "policy": request.policy,
        "facts": request.facts,
        "windows": windows,
        "technique": technique,
        "signals": signals,
        "specifics": specifics,
    }
    all_messages = request.thread.messages

    def render(rows: list[dict[str, object]]) -> str:
        return library.thread.render(messages=rows, **values)

    full_rows = [_row(i, m) for i, m in enumerate(all_messages)]
    user = render(full_rows)
    system_tokens = count_tokens(system, model) + 12
    omitted = truncated = 0
    if system_tokens + count_tokens(user, model) > budget:
        empty_tokens = count_tokens(render([]), model)
        keep = _choose_kept(all_messages, budget - system_tokens - empty_tokens, model)
        rows, omitted = _rows_with_gaps(all_messages, keep)
        user = render(rows)
        limit = max(len(m.text) for m in all_messages)
        # Still too long (a few huge messages): shorten each kept text, keeping head and tail.
        while system_tokens + count_tokens(user, model) > budget and limit > MIN_TEXT_CHARS:
            limit //= 2
            rows, omitted = _rows_with_gaps(all_messages, keep, text_limit=limit)
            truncated = sum(1 for i in keep if len(all_messages[i].text) > limit)
            user = render(rows)
    messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
    technique_doc = library.technique(technique.id)
    return Prompt(
        messages=messages,
        version=technique_doc.ref,
        versions={
            "system": library.system.ref,
            "technique": technique_doc.ref,
            "thread": library.thread.ref,
            "reask": library.reask.ref,
        },
        prompt_tokens=count_message_tokens(messages, model),
        omitted_messages=omitted,
        truncated_messages=truncated,
    )


def reask_messages(
    library: PromptLibrary,
    messages: list[dict[str, str]],
    draft: str,
    failing: Sequence[CheckResult],
) -> list[dict[str, str]]:
    """The conversation so far + the failed draft + what to fix: the model keeps all its context."""
    feedback = library.reask.render(failing=failing)
    return [
        *messages,
        {"role": "assistant", "content": draft},
        {"role": "user", "content": feedback},
    ]


def _row(index: int, message: Message, text_limit: int | None = None) -> dict[str, object]:
    text = message.text
    if text_limit is not None and len(text) > text_limit:
        half = text_limit // 2
        text = f"{text[:half].rstrip()} … {text[-half:].lstrip()}"
    return {
        "omitted": 0,
        "index": index,
        "role": message.role,
        "text": text,
        "sent_at": message.sent_at.isoformat() if message.sent_at else None,
    }


def _choose_kept(messages: Sequence[Message], room: int, model: str) -> set[int]:
    """First customer message and every note always; then the newest messages while they fit."""
    first_customer = next(i for i, m in enumerate(messages) if m.role == "customer")
    keep = {first_customer} | {i for i, m in enumerate(messages) if m.role == "note"}
    keep.add(len(messages) - 1)
    cost = {i: count_tokens(messages[i].text, model) + 16 for i in range(len(messages))}
    used = sum(cost[i] for i in keep)
    for i in range(len(messages) - 2, -1, -1):
        if i in keep:
            continue
        if used + cost[i] > room:
            break
        keep.add(i)
        used += cost[i]
    return keep


def _rows_with_gaps(
    messages: Sequence[Message], keep: set[int], text_limit: int | None = None
) -> tuple[list[dict[str, object]], int]:
    rows: list[dict[str, object]] = []
    gap = omitted = 0
    for i, message in enumerate(messages):
        if i in keep:
            if gap:
                rows.append({"omitted": gap})
                gap = 0
            rows.append(_row(i, message, text_limit))
        else:
            gap += 1
            omitted += 1
    if gap:
        rows.append({"omitted": gap})
    return rows, omitted
