"""Techniques about time and continuity: time-boxed updates, resets, hand-offs, follow-ups.

"Buying time without losing credibility" means stating the duration, the activity and the exact
signal to expect; a reset is transparent about what is and isn't possible today and what can be
committed to; a warm hand-off engages a listed team while the agent stays the anchor and
summarises the context so the customer never repeats it; a follow-up recaps only what the thread
shows and checks they're happy. All windows come from the prompt's ``<windows>``.
"""

from __future__ import annotations

import re

from service.pipeline.playbook import language as lang
from service.pipeline.playbook.case import FALLBACK_TAILS, Case
from service.pipeline.playbook.compose import (
    Plan,
    action,
    address,
    core,
    extra,
    grateful,
    has_deadline,
    heard,
    known,
    knows_impact,
    long_form,
    optional,
    signal,
    update,
    workaround_line,
)

_DONE = re.compile(
    r"\b(?:fixed|resolved|re-?ran|re-?run|restored|applied|credited|refunded|sent|completed|"
    r"replaced|reset|updated|shipped|corrected|working)\b",
    re.I,
)
_HANDED = re.compile(r"\b(?:transferr|escalat|hand(?:ed)? (?:it |this )?(?:over|off)|passed)", re.I)
_REFUNDED = re.compile(r"\b(?:refund|reimburs|money back)", re.I)
_CREDITED = re.compile(r"\b(?:credit|free|on us|waiv|complimentary)", re.I)
_TOLD = re.compile(
    r"\b(?:you (?:told|said|promised)|(?:I|we) (?:was|were) (?:told|promised))\b", re.I
)
_EARLIER_PROMISE = re.compile(
    r"\b(?:today|tomorrow|tonight|by \w+|within|end of (?:the )?(?:day|week)|\d+\s*(?:hours?|days?|"
    r"minutes?))\b",
    re.I,
)


def time_boxed_update(case: Case) -> Plan:
    deadline = f" and {case.impact}" if has_deadline(case) else ""
    urgency = f"I know {known(case)}{deadline}, so here's exactly what happens next."
    return Plan(
        paragraphs=[
            [
                core(grateful(case, "thank you for your patience.")),
                extra("" if deadline else knows_impact(case, "You mentioned that")),
                core(urgency),
            ],
            [
                core(
                    f"I'm {action(case)} now, and {case.first} you'll have {signal(case)} from me."
                ),
                extra(heard(case, after_known=True)),
                optional(workaround_line(case)),
            ],
            [
                core(
                    f"If the full fix needs longer, I'll still {update(case)} {case.first} with "
                    f"what I've found, and the fix itself will be with you {case.resolution}."
                )
            ],
        ],
        social=[
            f"I know {known(case)}.",
            f"I'm {action(case)} now.",
            knows_impact(case, "You mentioned that"),
        ],
    )


def reset_expectations(case: Case) -> Plan:
    earlier = any(
        _EARLIER_PROMISE.search(t.text) if t.role == "agent" else _TOLD.search(t.text)
        for t in case.brief.turns
        if t.role != "note"
    )
    owned = (
        f"I'm sorry {case.issue}, and that the timeline you were given earlier didn't hold."
        if earlier
        else f"I'm sorry {case.issue}, and that this has taken longer than you were expecting."
    )
    win = workaround_line(case) or f"Right now, I'm {action(case)}."
    return Plan(
        paragraphs=[
            [
                core(grateful(case, "thank you for bearing with us.")),
                core(owned),
                core("I'm reviewing the plan with you now so it's one you can rely on."),
            ],
            [
                core("I want to be transparent about what is and isn't possible today."),
                core(
                    f"Here's what I can commit to: an update on {case.topic} {case.first}, and the "
                    f"full fix {case.resolution}."
                ),
            ],
            [
                extra(knows_impact(case)),
                extra(heard(case)),
                core(win),
                core("Does that plan work for you, or is there a piece you'd like first?"),
            ],
        ],
        social=[
            f"I know {known(case)}.",
            "I want to be transparent about what is and isn't possible today.",
            f"Here's what I can commit to: a plan for {case.topic} you can rely on, "
            f"{case.first}, once you send us a direct message.",
        ],
        dm_offer=False,
    )


def warm_handoff(case: Case) -> Plan:
    vague = case.issue.endswith(FALLBACK_TAILS)
    context = [] if vague and (case.impact or case.asks_manager or case.details) else [case.issue]
    context += case.details[:1]
    if case.asks_manager:
        context.append("you'd like someone with more authority involved")
    if case.impact:
        context.append(case.impact)
    said = " ".join(context).lower()
    if case.repeat and case.repeat != "again" and f"{case.repeat} time" not in said:
        context.append(f"this is the {case.repeat} time you've had to ask")
    elif case.repeat == "again" and "again" not in said:
        context.append("you've had to come back to us about it")
    lead = "Here's what I'm passing on" if case.target else "Here's what I have so far"
    summary = f"{lead}: {lang.join(context[:4])}."
    if case.target:
        engage = [
            core(
                f"I'm bringing in our {case.target} now, and I'm staying with you to coordinate "
                "updates."
            ),
            core("There's no need to repeat anything."),
        ]
        follow = f"I'll {update(case)} {case.first}, even if the {case.target} needs longer."
        public = (
            f"I'm bringing in our {case.target} to help with {case.topic}, and I'm staying "
            "with you on it."
        )
    else:
        engage = [
            core(
                "I'm keeping this with me rather than passing you around, so there's no "
                "need to repeat anything."
            )
        ]
        follow = f"I'll {update(case)} {case.first} with {signal(case)}."
        public = f"I'm keeping {case.topic} with me, so there's no need to repeat anything."
    return Plan(
        paragraphs=[
            [core(grateful(case, "thank you for your patience with this.")), *engage],
            [core(summary)],
            [
                core(follow),
                long_form(
                    f"Whatever happens, I'm your point of contact until {case.topic} is sorted."
                ),
            ],
        ],
        social=[f"I know {known(case)}.", public],
    )


def follow_up(case: Case) -> Plan:
    done = _agent_done(case)
    told = case.issue if not case.issue.endswith(FALLBACK_TAILS) else next(iter(case.details), "")
    if not told and done:
        recap = f"To recap: {done}."
    elif told:
        recap = f"To recap: you let us know {told}" + (f", and {done}." if done else ".")
    else:
        recap = f"To recap: you let us know {case.issue}."
    return Plan(
        paragraphs=[
            [
                core(
                    address(
                        case, "thank you for your patience while we worked through this together."
                    )
                ),
                core(recap),
            ],
            [
                extra(heard(case, after_known=True)),
                core("I wanted to make sure you're completely happy with how we've handled it."),
                core(
                    case.choose(
                        "more",
                        "Is there anything more I can do for you?",
                        "Is there anything more we can do for you?",
                    )
                ),
            ],
            [
                core(f"If anything looks off, let me know and I'll pick it up {case.first}."),
                long_form("Your feedback helps us get this right for the next person, too."),
            ],
        ],
        social=[
            f"Thank you for your patience while we worked through {case.topic} together.",
            recap,
            "Is there anything more I can do for you?",
        ],
    )


def _agent_done(case: Case) -> str:
    """The latest agent sentence that says, in first person, what was done ("we've re-run...")."""
    for turn in reversed(case.brief.turns):
        if turn.role != "agent":
            continue
        for raw in lang.sentences_of(lang.tidy(turn.text)):
            if lang.is_risky(raw) or not _DONE.search(raw) or lang.count_words(raw) > 18:
                continue
            if not _within_policy(case, raw):
                continue
            if re.match(r"(?i)(?:i've|i have|we've|we have|it's|it is)\b", raw) and case.allowed(
                raw
            ):
                return raw[:1].lower() + raw[1:] if not raw.startswith("I") else raw
    return ""


def _within_policy(case: Case, sentence: str) -> bool:
    """Whether repeating what the agent did stays inside the policy: a refund only when full
    refunds are allowed, credit only up to the limit, and never a hand-off."""
    if _HANDED.search(sentence):
        return False
    if _REFUNDED.search(sentence) and case.brief.policy.full_refund is not True:
        return False
    if _CREDITED.search(sentence):
        amounts = re.findall(r"\b(\d+|two|three|four|five|six|twelve)[- ]months?\b", sentence)
        return case.credit_months > 0 and not amounts
    return True
