"""Choose one de-escalation technique from the detected signals.

The choice is a first-match walk down `RULES`, an ordered table. The order is the point, and it
follows the source documents (shared/seeds):

1. ``abuse`` -> boundary. Personal attacks or threats come first: the FAQ says to calmly state
   the conversation cannot continue if the abuse persists, before anything else is solved.
2. ``resolved-follow-up`` -> follow-up. Once the fix is in, older anger is history; "resolution
   does not end at the fix" - recap, confirm, invite feedback.
3. ``manager-request`` -> warm-handoff. "Escalate if the customer asks for a supervisor", done as
   "escalation without abdication".
4. ``refund-outside-policy`` -> refund-outside-policy. A refund we cannot give must be met with
   what we can do, or every other move fails on it.
5. ``outage`` -> outage-recovery. Shared incidents need the transparent timeline script.
6. ``rant`` in chat/phone -> interrupt-with-permission. "When voices rise, ask to step in".
7. ``legal-threat`` with escalation targets -> warm-handoff (legal matters go to a specialist).
8. ``multi-issue`` -> acknowledge-and-prioritize ("confirm the priority, so we fix the right
   thing first").
9. ``broken-promise``, or a deadline the SLA cannot meet -> reset-expectations.
10. ``urgency`` -> time-boxed-update ("state duration, activity, and the exact signal").
11. ``repeated-contact`` / ``unresolved-after-handoff`` -> apology-plus-action.
12. ``specific-loss`` -> mirror ("you mentioned losing two hours...").
13. ``wants-options`` -> offer-choices.
14. ``compensation-request`` -> goodwill-gesture, unless the policy allows no credit at all.
15. ``churn-threat`` / ``arguing`` -> shared-outcome ("replace winning with alignment").
16. ``loyal-customer`` -> goodwill-gesture.
17. ``status-request`` -> time-boxed-update.
18. ``vague-complaint`` -> open-question ("walk me through what happened").
19. ``refund-demand`` within policy, or a legal threat with nobody to escalate to ->
    apology-plus-action (own it and act).
20. otherwise (first-contact upset, shouting, nothing) -> disarming-opening.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from service.schemas import TECHNIQUE_IDS, Policy, Signal, TechniqueChoice, Thread

TECHNIQUE_NAMES: dict[str, str] = {
    "acknowledge-and-prioritize": "Acknowledge and prioritize",
    "disarming-opening": "Disarming opening",
    "mirror": "Mirroring without mimicking",
    "apology-plus-action": "Structured apology plus action",
    "time-boxed-update": "Time-boxed update",
    "reset-expectations": "Reset expectations without blame",
    "shared-outcome": "Shared outcome over perfect arguments",
    "offer-choices": "Offer choices",
    "open-question": "Open-ended question",
    "warm-handoff": "Warm hand-off (escalation without abdication)",
    "interrupt-with-permission": "Interrupt with permission",
    "refund-outside-policy": "Refund outside policy",
    "outage-recovery": "Service outage recovery",
    "boundary": "Set a respectful boundary",
    "follow-up": "Recovery follow-up",
    "goodwill-gesture": "Goodwill gesture",
}

_LABELS: dict[str, str] = {
    "abuse": "abusive language",
    "resolved-follow-up": "issue already resolved",
    "manager-request": "asked for a manager",
    "legal-threat": "legal threat",
    "refund-demand": "refund request",
    "refund-outside-policy": "refund outside policy",
    "outage": "outage",
    "rant": "long upset message in a live channel",
    "multi-issue": "several issues at once",
    "broken-promise": "broken promise",
    "urgency": "deadline",
    "repeated-contact": "repeated contact",
    "unresolved-after-handoff": "passed around",
    "specific-loss": "concrete loss",
    "wants-options": "asked for options",
    "compensation-request": "asked for compensation",
    "churn-threat": "churn threat",
    "arguing": "arguing",
    "loyal-customer": "long-time customer",
    "status-request": "asked for a status",
    "vague-complaint": "vague complaint",
    "shouting": "shouting",
    "first-contact-upset": "upset first message",
}


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides the signal ids."""

    signals: dict[str, Signal]
    thread: Thread
    policy: Policy | None


Predicate = Callable[[Context], bool]


@dataclass(frozen=True)
class Rule:
    technique: str
    any_of: tuple[str, ...]  # fires when one of these signals is present (empty: always)
    when: Predicate | None = None  # extra condition
    note: str = ""  # added to the reason, e.g. "the SLA cannot meet the deadline"


def _live(ctx: Context) -> bool:
    return ctx.thread.channel in ("chat", "phone")


def _can_escalate(ctx: Context) -> bool:
    return bool(ctx.policy and ctx.policy.escalation_targets)


def _credit_allowed(ctx: Context) -> bool:
    return not (ctx.policy and ctx.policy.max_credit_months == 0)


_DURATION = re.compile(
    r"(\d+|an?|one|two|three|four|five)\s*(business\s+)?(minute|hour|day|week)", re.I
)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_HOURS = {"minute": 1 / 60, "hour": 1, "day": 24, "week": 168}
_DEADLINE = (
    (re.compile(r"\b(?:minutes?|mins|an?\s+hour|\d\s*(?:am|pm)|at\s+\d|now|asap)\b", re.I), 2.0),
    (re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|end\s+of\s+(?:the\s+)?"
                r"day|eod)\b", re.I), 12.0),
    (re.compile(r"\btomorrow\b", re.I), 24.0),
)


def _sla_misses_deadline(ctx: Context) -> bool:
    """The customer's deadline is well inside the policy's resolution window."""
    urgency = ctx.signals.get("urgency")
    sla = ctx.policy.sla.resolution if ctx.policy and ctx.policy.sla else None
    if not urgency or not sla or not (m := _DURATION.search(sla)):
        return False
    amount = _WORDS.get(m.group(1).lower()) or int(m.group(1))
    business = 1.4 if m.group(2) else 1.0  # business days stretch over nights and weekends
    sla_hours = amount * _HOURS[m.group(3).lower()] * business
    text = ctx.thread.messages[urgency.message_index or 0].text
    deadline = next((h for p, h in _DEADLINE if p.search(text)), None)
    return deadline is not None and sla_hours > 2 * deadline


RULES: tuple[Rule, ...] = (
    Rule("boundary", ("abuse",)),
    Rule("follow-up", ("resolved-follow-up",)),
    Rule("warm-handoff", ("manager-request",)),
    Rule("refund-outside-policy", ("refund-outside-policy",)),
    Rule("outage-recovery", ("outage",)),
    Rule("interrupt-with-permission", ("rant",), _live),
    Rule("warm-handoff", ("legal-threat",), _can_escalate, "a specialist is available"),
    Rule("acknowledge-and-prioritize", ("multi-issue",)),
    Rule("reset-expectations", ("broken-promise",)),
    Rule("reset-expectations", ("urgency",), _sla_misses_deadline, "the SLA cannot meet it"),
    Rule("time-boxed-update", ("urgency",)),
    Rule("apology-plus-action", ("repeated-contact", "unresolved-after-handoff")),
    Rule("mirror", ("specific-loss",)),
    Rule("offer-choices", ("wants-options",)),
    Rule("goodwill-gesture", ("compensation-request",), _credit_allowed),
    Rule("shared-outcome", ("churn-threat", "arguing")),
    Rule("goodwill-gesture", ("loyal-customer",)),
    Rule("time-boxed-update", ("status-request",)),
    Rule("open-question", ("vague-complaint",)),
    Rule("apology-plus-action", ("refund-demand", "legal-threat")),
    Rule("disarming-opening", ()),
)


def choose_technique(
    signals: list[Signal],
    *,
    thread: Thread,
    policy: Policy | None = None,
    requested: str = "auto",
) -> TechniqueChoice:
    """One technique id with a one-line reason naming the evidence; ``requested`` overrides."""
    if requested != "auto":
        if requested not in TECHNIQUE_IDS:
            raise ValueError(f"unknown technique {requested!r}")
        return TechniqueChoice(id=requested, why="requested by the agent")
    ctx = Context(signals={s.id: s for s in signals}, thread=thread, policy=policy)
    for rule in RULES:
        hits = [sid for sid in rule.any_of if sid in ctx.signals]
        if rule.any_of and not hits:
            continue
        if rule.when is not None and not rule.when(ctx):
            continue
        return TechniqueChoice(id=rule.technique, why=_reason(rule, hits, ctx))
    raise AssertionError("RULES ends with a catch-all")  # pragma: no cover


def _reason(rule: Rule, hits: list[str], ctx: Context) -> str:
    if not hits:
        upset = ctx.signals.get("first-contact-upset") or ctx.signals.get("shouting")
        if upset:
            return f'{_LABELS[upset.id]} ("{_short(upset.evidence)}"), no stronger signal'
        return "no strong signal: open warmly and take ownership"
    main = ctx.signals[hits[0]]
    parts = [f'{_LABELS[main.id]} ("{_short(main.evidence)}")']
    if rule.note:
        parts[0] += f", {rule.note}"
    others = [s for s in ctx.signals if s != main.id and s not in _QUIET][:2]
    parts += [_LABELS.get(s, s) for s in others]
    return " + ".join(parts)


_QUIET = frozenset({"first-contact-upset", "refund-demand"})


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
