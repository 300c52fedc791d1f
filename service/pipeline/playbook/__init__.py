"""``calm/playbook``: the built-in offline drafter, served through LiteLLM like any model.

Out of the box Calm has no API key and no network, yet the whole pipeline (prompt, model call,
checks, re-ask) should run exactly as it does with a hosted model. So this drafter receives the
same chat messages a hosted model would and reads everything from their text:

    reading.py   messages -> Brief (the thread.jinja tags, unescaped; re-ask <check> lines)
    case.py      Brief -> Case (the issue in our words, impact, repeat, facts, policy limits)
    issues.py    customer clauses -> ranked issue clauses, kind of problem, topic noun phrase
    mirroring.py which other specifics to say back (numbers, names, places, who it was for),
                 "it" given its name, blame-free rewording, loyalty ("since 2011")
    lexicon.py   the word lists the three modules above share
    language.py  pronoun swaps, shouting lowered, filler dropped, deterministic variation
    compose.py   Plan / Line and the shared phrases (apology + action, windows, channel verbs)
    repair.py    apology-plus-action, disarming-opening, mirror, refund-outside-policy,
                 outage-recovery, goodwill-gesture
    steering.py  acknowledge-and-prioritize, shared-outcome, offer-choices, open-question,
                 interrupt-with-permission, boundary
    timing.py    time-boxed-update, reset-expectations, warm-handoff, follow-up
    channels.py  Plan -> chat / email / phone talk track (long recaps said as short sentences) /
                 public social reply (the sentences that fit, an apology never without its action)
    polish.py    last tidy pass (no placeholders, no "!" runs, refusals answered)

It is deterministic (the same messages always give the same draft) and never imports litellm:
``service/pipeline/llm.py`` registers it as a custom provider.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from service.pipeline.playbook import repair, steering, timing
from service.pipeline.playbook.case import Case, read_case
from service.pipeline.playbook.channels import render
from service.pipeline.playbook.compose import Plan
from service.pipeline.playbook.polish import polish
from service.pipeline.playbook.reading import Brief, read_brief

__all__ = ["COMPOSERS", "Brief", "Case", "read_brief", "read_case", "write_reply"]

COMPOSERS: dict[str, Callable[[Case], Plan]] = {
    "acknowledge-and-prioritize": steering.acknowledge_and_prioritize,
    "disarming-opening": repair.disarming_opening,
    "mirror": repair.mirror,
    "apology-plus-action": repair.apology_plus_action,
    "time-boxed-update": timing.time_boxed_update,
    "reset-expectations": timing.reset_expectations,
    "shared-outcome": steering.shared_outcome,
    "offer-choices": steering.offer_choices,
    "open-question": steering.open_question,
    "warm-handoff": timing.warm_handoff,
    "interrupt-with-permission": steering.interrupt_with_permission,
    "refund-outside-policy": repair.refund_outside_policy,
    "outage-recovery": repair.outage_recovery,
    "boundary": steering.boundary,
    "follow-up": timing.follow_up,
    "goodwill-gesture": repair.goodwill_gesture,
}


def write_reply(messages: Sequence[dict[str, str]]) -> str:
    """The reply text for ``messages`` ([system, user] + optional re-ask pairs).

    Raises ValueError when the messages don't carry a thread.jinja prompt or name a technique
    the playbook has no composition for.
    """
    brief = read_brief(messages)
    compose = COMPOSERS.get(brief.technique_id)
    if compose is None:
        raise ValueError(f"playbook: no composition for technique {brief.technique_id!r}")
    case = read_case(brief)
    return polish(render(compose(case), case))
