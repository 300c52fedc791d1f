"""Techniques that steer a heated conversation toward one solvable next step.

acknowledge-and-prioritize lists what they raised and confirms what to fix first; shared-outcome
asks "which outcome matters most today?"; offer-choices gives two concrete options inside policy;
open-question invites them to walk through what happened; interrupt-with-permission asks to pause,
summarises and names the next step; boundary states a calm limit once and keeps helping. Phrasing
follows the source documents' scripts; every commitment takes its window from the `Case`.
"""

from __future__ import annotations

from service.pipeline.playbook import language as lang
from service.pipeline.playbook import mirroring
from service.pipeline.playbook.case import FALLBACK_TAILS, Case
from service.pipeline.playbook.compose import (
    Plan,
    action,
    action_to,
    address,
    apology,
    core,
    extra,
    grateful,
    heard,
    known,
    knows_impact,
    long_form,
    optional,
    signal,
    thanks,
    update,
)

_DETAILS = {
    "billing": "which charges look wrong and when you first noticed them",
    "delivery": "what the tracking last showed and when you expected it",
    "access": "what you see on screen when you try to sign in",
    "travel": "where things stand with your plans right now",
}


def acknowledge_and_prioritize(case: Case) -> Plan:
    issues = _said(case, [*(case.issues or (case.issue,)), case.impact, *case.details])
    summary = f"Here's what I have: {lang.join(issues)}."
    first = f"I'd suggest we start with {case.topic}, since that's what's blocking you."
    return Plan(
        paragraphs=[
            [
                core(
                    address(
                        case,
                        "I'm hearing how urgent this feels, and I don't want to waste your time.",
                    )
                ),
                optional(
                    thanks(case, named=False)
                    if case.loyalty
                    else "Thank you for laying it all out."
                ),
            ],
            [core(summary), core(first)],
            [
                core(
                    case.choose(
                        "confirm",
                        "Does that order work for you, or is something else more pressing?",
                        "Is that the right place to start, or does something else "
                        "matter more today?",
                    )
                ),
                core(
                    f"I'm starting on it now, and I'll {update(case)} {case.first} on where "
                    "everything stands."
                ),
            ],
        ],
        social=[
            "I'm hearing how urgent this feels, and I want to fix the right thing first.",
            f"Here's what I have: {lang.join(issues[:2])}.",
            f"I'm starting on {case.topic} now.",
        ],
    )


def shared_outcome(case: Case) -> Plan:
    if case.impact:
        outcome = [
            core(
                f"You mentioned that {case.impact}, so getting {case.topic} working is "
                "where I'm starting."
            )
        ]
    else:
        outcome = [core("If we could solve one piece right now, which outcome matters most today?")]
    return Plan(
        paragraphs=[
            [
                core(address(case, f"I know {known(case)}.")),
                extra(heard(case, after_known=True)),
                core(
                    case.choose(
                        "stake",
                        f"I'd rather get {case.topic} working for you than go over what "
                        "went wrong.",
                        f"What matters is getting {case.topic} working for you, not going "
                        "over what went wrong.",
                    )
                ),
            ],
            outcome,
            [
                core(f"I'm {action(case)} now, and I'll {update(case)} {case.first}."),
                optional("Once that piece is working, we can take the rest step by step."),
                long_form("Let's write the next chapter of this together."),
            ],
        ],
        social=[
            f"I know {known(case)}.",
            f"I'd rather get {case.topic} working for you than go over what went wrong.",
            "If we could solve one piece right now, which outcome matters most today?",
        ],
    )


def offer_choices(case: Case) -> Plan:
    first = f"I can {action_to(case)} and confirm the result {case.first}."
    policy = case.brief.policy
    if case.workaround:
        second = (
            "Or, if you'd rather not wait, you can use the workaround right now: "
            f"{case.workaround}."
        )
    elif policy.full_refund is True and case.asks_refund:
        second = (
            f"Or, if you'd prefer, I can process a full refund and confirm it {case.resolution}."
        )
    elif case.credit_months:
        second = (
            f"Or I can credit {mirroring.months(case.credit_months)} to your account while I keep "
            "working on it."
        )
    else:
        follow = "call you with" if case.channel == "phone" else "send you"
        second = (
            f"Or I can take this end to end myself and {follow} a full update {case.resolution}."
        )
    return Plan(
        paragraphs=[
            [
                core(grateful(case, "thank you for bearing with me.")),
                core(
                    f"I know {known(case)}, so here are the options I have available to help "
                    "resolve it."
                ),
                extra(knows_impact(case, "You mentioned that")),
                extra(heard(case, "You also told me that", after_known=True)),
            ],
            [core(first), core(second)],
            [
                core(
                    case.choose(
                        "prefer",
                        "Which would suit you better?",
                        "Which of those works better for you?",
                    )
                ),
                core(f"Whichever you choose, I'll have it moving {case.first}."),
            ],
        ],
        social=[
            f"I know {known(case)}.",
            f"I have a couple of options to help with {case.topic}, and I'd like to go through "
            "them with you.",
        ],
    )


def open_question(case: Case) -> Plan:
    details = _DETAILS.get(
        case.kind, "what you were doing when it happened and what you saw on screen"
    )
    return Plan(
        paragraphs=[
            [
                core(grateful(case, "thank you for reaching out.")),
                core(apology(case)),
                core(f"I'm {action(case)} now."),
            ],
            [
                extra(heard(case)),
                core(
                    case.choose(
                        "walk",
                        "Could you walk me through what happened from the beginning?",
                        "Could you please walk me through what happened from the beginning?",
                    )
                ),
                optional(f"It would help most to know {details}."),
            ],
            [core(f"Once you've shared that, I'll dig in and {update(case)} {case.first}.")],
        ],
        social=[
            address(case, apology(case)),
            f"I'm {action(case)} now.",
            "Could you walk me through what happened from the beginning?",
        ],
    )


def interrupt_with_permission(case: Case) -> Plan:
    heard_items = _said(case, [case.issue, case.impact, *case.details])
    return Plan(
        paragraphs=[
            [
                core(
                    address(
                        case,
                        "may I pause us for a moment to make sure I'm addressing the "
                        "piece that matters most?",
                    )
                )
            ],
            [core(f"Here's what I've heard: {lang.join(heard_items)}.")],
            [
                core(
                    f"If I've got that right, I'm {action(case)} now, and I'll {update(case)} "
                    f"{case.first} with {signal(case)}."
                ),
                long_form("If something else matters more, let me know and I'm happy to switch."),
            ],
        ],
        social=[
            "May I pause us for a moment?",
            f"Here's what I've heard: {case.issue}.",
            f"I want to make sure I fix the part of {case.topic} that matters most.",
        ],
    )


def boundary(case: Case) -> Plan:
    vague = case.issue.endswith(FALLBACK_TAILS) and case.repeat not in ("", "again")
    that = f"this is the {case.repeat} time you've had to ask" if vague else case.issue
    if case.abusive:
        limit = (
            f"I can't continue if the abusive language continues, but what I can do right "
            f"now is {action_to(case)}."
        )
        opening = (
            f"I can hear how frustrated you are that {that}, and I want to keep helping you "
            "with this."
        )
    else:
        limit = (
            f"I can't change what already happened, but what I can do right now is "
            f"{action_to(case)}."
        )
        opening = (
            f"I can hear how frustrated you are that {that}, and I'm still here to fix this "
            "with you."
        )
    return Plan(
        paragraphs=[
            [core(address(case, opening))],
            [core(limit)],
            [
                core(
                    f"Let's get back to {case.topic}: I'll {update(case)} {case.first} with "
                    f"{signal(case)}."
                )
            ],
        ],
        social=[
            f"I know {known(case)}, and I want to keep helping you with {case.topic}.",
            limit.replace(
                f"{action_to(case)}.", f"pick this up with you in a direct message {case.first}."
            ),
        ],
        dm_offer=False,
    )


def _said(case: Case, items: list[str]) -> list[str]:
    """Up to three distinct things they told us; our placeholder issue only if there's nothing."""
    told = _distinct([i for i in items if not i.endswith(FALLBACK_TAILS)])
    return told[:3] or [case.issue]


def _distinct(items: list[str]) -> list[str]:
    """Non-empty items, without ones that mostly repeat an earlier item."""
    kept: list[str] = []
    for item in items:
        words = set(lang.word_list(item))
        if words and all(len(words & set(lang.word_list(k))) * 2 < len(words) for k in kept):
            kept.append(item)
    return kept
