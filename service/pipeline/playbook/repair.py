"""Techniques that repair what went wrong: apologies, mirroring, refunds, outages, gestures.

Each function follows its script in the source documents ("Calm the Storm", "The Art of
De-escalation"): apology-plus-action = acknowledge impact, take ownership, specify the fix,
preview prevention; mirror = reflect their specifics, then pivot to the fastest salvage path;
refund-outside-policy = say plainly what isn't available and straight away what is; outage
recovery = timeline only from the facts, workaround, prevention. Policy limits (full refund,
credit months) are read from the prompt's ``<policy>`` block via the `Case`.
"""

from __future__ import annotations

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
    has_deadline,
    heard,
    impact_tail,
    known,
    knows_impact,
    long_form,
    optional,
    ownership,
    prevention_line,
    promise_update,
    stated_prevention,
    thanks,
    update,
    workaround_line,
)


def apology_plus_action(case: Case) -> Plan:
    return Plan(
        paragraphs=[
            [core(thanks(case)), extra(knows_impact(case)), core(apology(case))],
            [
                core(ownership(case)),
                extra(heard(case)),
                optional(workaround_line(case)),
                long_form(prevention_line(case)),
            ],
            [core(promise_update(case)), long_form(_closing(case))],
        ],
        social=[
            address(case, apology(case)),
            f"I'm {action(case)} now.",
            knows_impact(case),
            heard(case),
        ],
    )


def disarming_opening(case: Case) -> Plan:
    thank = (
        f"thank you for reaching out, and for the detail you gave about {case.topic}."
        if case.topic != "this"
        else "thank you for reaching out, and for laying this out so clearly."
    )
    if case.loyalty:
        thank = thanks(case)
    effort = (
        "I can see you've already spent real time coming back to us about this."
        if case.repeat
        else knows_impact(case) or "I can see this has already cost you time you didn't have."
    )
    return Plan(
        paragraphs=[
            [
                core(address(case, thank)),
                extra(heard(case)) if case.details else optional("It helps me move faster."),
            ],
            [core(effort), core(apology(case)), core(f"I'm {action(case)} now.")],
            [
                long_form("I understand why you'd feel this way, and it's valid to be upset."),
                core(
                    case.choose(
                        "together",
                        "Let's walk through this together.",
                        "Let's make this right together.",
                    )
                ),
                core(promise_update(case)),
            ],
        ],
        social=[address(case, thank), apology(case), f"I'm {action(case)} now.", heard(case)],
    )


def mirror(case: Case) -> Plan:
    reflection = address(case, f"you mentioned that {known(case)}{impact_tail(case)}.")
    deadline = has_deadline(case)
    feeling = case.choose(
        "feeling",
        "I can imagine how stressful that felt" + (" under that deadline." if deadline else "."),
        "That's a real cost"
        + (" with a deadline so close." if deadline else ", and I want to make it right."),
    )
    return Plan(
        paragraphs=[
            [
                core(reflection),
                extra(heard(case, "You also mentioned that", after_known=True)),
                core(feeling),
            ],
            [
                core(f"Here's the fastest way forward: I'm {action(case)} now."),
                core(promise_update(case)),
            ],
            [optional(workaround_line(case)), long_form(prevention_line(case))],
        ],
        social=[
            address(case, f"you mentioned that {known(case)}{impact_tail(case)}."),
            "I can imagine how stressful that felt.",
            f"I'm {action(case)} now.",
        ],
    )


def refund_outside_policy(case: Case) -> Plan:
    why = (
        "I see why you're asking for a refund"
        if case.asks_refund
        else "I see why you're frustrated"
    )
    opening = address(case, f"{why}, and I'm sorry {case.issue}.")
    if case.issue.endswith(FALLBACK_TAILS) and case.details:  # "..., since you moved away."
        opening = address(case, f"{why}, since {known(case)}.")
    now = (
        f"I know {case.impact}, so I'm {action(case)} now."
        if case.impact
        else f"I'm {action(case)} now."
    )
    refund = case.brief.policy.full_refund
    if refund is True:
        offer = [
            core("I can process a full refund for you, and I'm starting it now."),
            core(f"I'll confirm it's complete {case.resolution}."),
        ]
        question = "Is there anything else I can put right for you while that goes through?"
    elif refund is False:
        offer = [core(_credit_offer(case))]
        question = f"Would that help with the immediate problem while I {action_to(case)}?"
    else:
        offer = [
            core(_review_offer(case)),
            core(f"I'll come back to you with the outcome {case.resolution}."),
        ]
        question = f"In the meantime, would it help if I {action_to(case)}?"
    return Plan(
        paragraphs=[
            [core(opening), core(now)],
            offer,
            [core(question), long_form(_closing(case))],
        ],
        social=[
            address(case, f"I see why you're asking, and I'm sorry {case.issue}."),
            "I'm looking at every option I have for you now.",
        ],
    )


def _review_offer(case: Case) -> str:
    """With no refund policy to go on: a review, never a word only the internal notes use."""
    offer = (
        "I can't confirm a refund from here, but what I can do is put your request through "
        "for review."
        if case.asks_refund
        else "If you'd like a refund, I can't confirm one from here, but I can put a request "
        "through for review."
    )
    return offer if case.allowed(offer) else "What I can do is put this through for review."


def _credit_offer(case: Case) -> str:
    months = case.credit_months
    if months:
        return (
            f"A full refund isn't available under our agreement, but I can credit "
            f"{mirroring.months(months)} to your account and make {case.topic} my priority."
        )
    return (
        "A full refund isn't available under our agreement, but what I can do is make "
        f"{case.topic} my priority and confirm the fix {case.resolution}."
    )


def outage_recovery(case: Case) -> Plan:
    if case.outage_window:
        timeline = address(
            case,
            f"we had a service disruption {case.outage_window}, and I know "
            "the knock-on effects for you are real.",
        )
        first = [core(timeline), core(apology(case)), core(f"I'm {action(case)} now.")]
        public = address(
            case,
            f"we had a service disruption {case.outage_window}, and I know "
            "the knock-on effects are real.",
        )
    else:
        first = [
            core(address(case, "I know the knock-on effects of this are real.")),
            core(apology(case)),
            core(f"I'm {action(case)} now."),
        ]
        public = address(case, apology(case))
    status = (
        "Service is stable again, and I'm monitoring it closely for your account."
        if case.restored
        else "I'm monitoring it closely for your account."
    )
    summary = (
        "I'll send you a written summary of what happened and what we're doing to prevent a "
        f"repeat {case.resolution}."
    )
    return Plan(
        paragraphs=[
            first,
            [
                core(status),
                extra(knows_impact(case)),
                extra(heard(case)),
                core(workaround_line(case)),
            ],
            [
                optional(stated_prevention(case)),
                core(summary),
                long_form(_closing(case)),
            ],
        ],
        social=[
            public,
            f"Service is stable again, and I'm monitoring {case.topic} closely."
            if case.restored
            else f"I'm {action(case)} now.",
            workaround_line(case),
        ],
    )


def goodwill_gesture(case: Case) -> Plan:
    if case.credit_months:
        gesture = [
            core("As a thank-you, I'm adding a month of credit to your account."),
            optional("It doesn't give you back the time you lost, but I hope it helps."),
            core(f"I'll confirm {case.resolution} that it's applied."),
        ]
    else:
        gesture = [
            core("As a thank-you, I'm keeping your case with me personally."),
            core(
                f"I'll check in with you {case.resolution} to make sure everything is still "
                "running the way it should."
            ),
        ]
    return Plan(
        paragraphs=[
            [
                core(
                    thanks(case)
                    if case.loyalty
                    else address(
                        case,
                        case.choose(
                            "appreciate",
                            "thank you for your patience while we worked through this together.",
                            "we appreciate your understanding and patience as we worked through "
                            "this together.",
                        ),
                    )
                )
            ],
            [
                core(f"I know {case.issue}, and I'm making sure it stays on track on our side."),
                extra(heard(case)),
            ],
            gesture,
            [
                long_form(
                    f"If anything looks off, let me know and I'll {update(case)} {case.first}."
                )
            ],
        ],
        social=[
            thanks(case)
            if case.loyalty
            else f"Thank you for your patience while we worked through {case.topic} together.",
            f"I know {known(case)}.",
            "I have a small thank-you for you.",
        ],
    )


def _closing(case: Case) -> str:
    return case.choose(
        "closing",
        "Thank you again for your patience while I get this sorted.",
        "Thank you for bearing with us while I work through this.",
    )
