"""Parse the chat messages a hosted model would receive back into a typed `Brief`.

The playbook is served as a LiteLLM model, so it gets exactly the messages `build_prompt` made
and nothing else: no request object, no side channel. Everything it knows comes from the tags of
``prompts/thread.jinja`` (XML-escaped text, unescaped here) and, on a re-ask, from the
``<check>`` lines of ``prompts/reask.jinja``. A prompt that doesn't follow that format raises
`ValueError` naming the missing piece, so a template change can't silently produce empty drafts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import unescape

CHANNELS = ("chat", "email", "phone", "social")

_ENTITIES = {"&quot;": '"', "&apos;": "'", "&#39;": "'"}
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_CONVERSATION = re.compile(r"<conversation\b([^>]*)>(.*?)</conversation>", re.S)
_MESSAGE = re.compile(r"<message\b([^>]*)>(.*?)</message>", re.S)
_OMITTED = re.compile(r'<omitted count="(\d+)"\s*/>')
_CHECK = re.compile(r"<check\b([^>]*)>(.*?)</check>", re.S)


@dataclass(frozen=True)
class Turn:
    """One message of the thread, as the prompt shows it."""

    index: int
    role: str
    text: str
    sent_at: str | None = None


@dataclass(frozen=True)
class PolicyView:
    """What the ``<policy>`` block says; ``None`` / empty where the request gave nothing."""

    full_refund: bool | None = None
    max_credit_months: int | None = None
    escalation_targets: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class FailedCheck:
    """One ``<check>`` line of a re-ask: the check id and its message (with the fix hint)."""

    id: str
    message: str


@dataclass(frozen=True)
class Brief:
    """Everything the playbook may use, read from the prompt text."""

    channel: str
    customer_name: str
    agent_name: str
    turns: tuple[Turn, ...]
    policy: PolicyView
    facts: tuple[str, ...]
    first_update: str
    resolution: str
    technique_id: str
    technique_why: str = ""
    subject: str | None = None
    customer_locale: str | None = None
    omitted: int = 0
    signals: tuple[tuple[str, str], ...] = ()
    specifics: tuple[str, ...] = ()
    failed_checks: tuple[FailedCheck, ...] = ()
    previous_drafts: tuple[str, ...] = ()

    @property
    def customer_turns(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.role == "customer")

    @property
    def notes(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.role == "note")

    @property
    def is_reask(self) -> bool:
        return bool(self.failed_checks)


def xml_text(raw: str) -> str:
    """Undo the template's ``x`` filter (``&amp;``, ``&lt;``, ``&gt;``, ``&quot;``)."""
    return unescape(raw, _ENTITIES)


def read_brief(messages: Sequence[dict[str, str]]) -> Brief:
    """The `Brief` behind ``messages`` ([system, user] plus optional re-ask pairs)."""
    if not messages:
        raise ValueError("playbook: no messages to read")
    thread_text = next(
        (
            _content(m)
            for m in messages
            if m.get("role") == "user" and "<conversation" in _content(m)
        ),
        None,
    )
    if thread_text is None:
        raise ValueError("playbook: no user message with a <conversation> block (thread.jinja)")
    brief = _read_thread(thread_text)
    last = messages[-1]
    if last.get("role") == "user" and "<review>" in _content(last):
        checks = tuple(
            FailedCheck(id=_attrs(attrs).get("id", ""), message=xml_text(body).strip())
            for attrs, body in _CHECK.findall(_content(last))
        )
        drafts = tuple(_content(m) for m in messages if m.get("role") == "assistant")
        brief = replace(brief, failed_checks=checks, previous_drafts=drafts)
    return brief


def _read_thread(text: str) -> Brief:
    conversation = _CONVERSATION.search(text)
    if not conversation:
        raise ValueError("playbook: the prompt has no <conversation> block")
    channel = _attrs(conversation.group(1)).get("channel", "")
    if channel not in CHANNELS:
        raise ValueError(f"playbook: unknown channel {channel!r} in <conversation>")
    inner = conversation.group(2)
    customer = _required_attrs(inner, "customer")
    agent = _required_attrs(inner, "agent")
    turns = tuple(_turn(attrs, body) for attrs, body in _MESSAGE.findall(inner))
    if not any(t.role == "customer" for t in turns):
        raise ValueError("playbook: the conversation has no customer message")
    windows = _required_attrs(text, "windows")
    technique = re.search(r'<technique id="([^"]+)">(.*?)</technique>', text, re.S)
    if not technique:
        raise ValueError("playbook: the prompt has no <technique> tag")
    if "first_update" not in windows or "resolution" not in windows:
        raise ValueError("playbook: <windows> needs first_update and resolution")
    subject = _element(inner, "subject")
    return Brief(
        channel=channel,
        subject=subject[0] if subject else None,
        customer_name=customer.get("name", "").strip(),
        customer_locale=customer.get("locale"),
        agent_name=agent.get("name", "").strip(),
        turns=turns,
        omitted=sum(int(n) for n in _OMITTED.findall(inner)),
        policy=_read_policy(_block(text, "policy")),
        facts=tuple(_element(_block(text, "facts"), "fact")),
        first_update=windows["first_update"].strip(),
        resolution=windows["resolution"].strip(),
        technique_id=technique.group(1),
        technique_why=xml_text(technique.group(2)).strip(),
        signals=tuple(
            (_attrs(attrs).get("id", ""), xml_text(body).strip())
            for attrs, body in re.findall(r"<signal\b([^>]*)>(.*?)</signal>", text, re.S)
        ),
        specifics=tuple(_element(_block(text, "specifics"), "specific")),
    )


def _read_policy(block: str) -> PolicyView:
    refund = _element(block, "full_refund")
    credit = _element(block, "max_credit_months")
    months: int | None = None
    if credit:
        if not credit[0].isdigit():
            raise ValueError(f"playbook: <max_credit_months> is not a number: {credit[0]!r}")
        months = int(credit[0])
    return PolicyView(
        full_refund=(refund[0] == "allowed") if refund else None,
        max_credit_months=months,
        escalation_targets=tuple(_element(block, "escalation_target")),
        rules=tuple(_element(block, "rule")),
    )


def _turn(attrs: str, body: str) -> Turn:
    values = _attrs(attrs)
    role = values.get("role", "")
    if role not in ("customer", "agent", "note"):
        raise ValueError(f"playbook: unknown message role {role!r}")
    index = values.get("index", "")
    return Turn(
        index=int(index) if index.isdigit() else -1,
        role=role,
        text=xml_text(body).strip(),
        sent_at=values.get("sent_at"),
    )


def _block(text: str, tag: str) -> str:
    """Inner text of ``<tag>...</tag>``; empty when the block is absent."""
    match = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S)
    return match.group(1) if match else ""


def _element(text: str, tag: str) -> list[str]:
    return [xml_text(v).strip() for v in re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.S)]


def _required_attrs(text: str, tag: str) -> dict[str, str]:
    match = re.search(rf"<{tag}\b([^>]*?)/?>", text)
    if not match:
        raise ValueError(f"playbook: the prompt has no <{tag}> tag")
    return _attrs(match.group(1))


def _attrs(text: str) -> dict[str, str]:
    return {key: xml_text(value) for key, value in _ATTR.findall(text)}


def _content(message: dict[str, str]) -> str:
    content = message.get("content")
    return content if isinstance(content, str) else ""
