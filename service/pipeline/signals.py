"""Detect de-escalation signals in a thread: what the customer said that should shape the reply.

Each `Signal` carries verbatim evidence (a short clause of the message, <= ~80 characters) and
the index of the message it came from, so an agent can see *why* a technique was chosen.

- Only customer text is scanned for keywords, latest message first, so evidence is the most
  recent instance. Agent messages count only for `outage` ("our servers are down") and
  `resolved-follow-up` (the agent's fix is the last word); a note is used as evidence only when
  nothing else shows a resolution (notes are internal).
- Quoted text (``>`` lines, "On ... wrote:" tails, `your agent said "..."`) is masked first, so
  an agent's words quoted back never trigger a signal (see `specifics.mask_quoted`).
- Negation is checked in the few words before a match ("I'm not going to cancel", "I don't want
  a refund") for signals where a negator flips the meaning. Abuse is only taken back by a
  disclaimer ("I'm not calling you an idiot"), not by any negator ("why can't you idiots..."),
  and a manager request is not one when it is an attempt ("on hold an hour to speak to a human").
- The keyword tables live in `signal_lexicon`: small compositional pieces that tolerate typos,
  lowercase and missing apostrophes ("manger", "cancle", "dont", "ur"). They are compiled once
  at import and matched on a lowercased copy of each message (same length, so offsets still
  index the original text and evidence stays verbatim).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from service.pipeline import signal_lexicon as lex
from service.pipeline.specifics import (
    clause_before,
    describes_problem,
    first_sentence,
    is_negated,
    mask_quoted,
    several_issues_at,
    shouting_span,
    snippet,
    sounds_distressed,
    upset_span,
    word_count,
)
from service.schemas import Message, Policy, Signal, Thread

SIGNAL_DESCRIPTIONS: dict[str, str] = {
    "abuse": "insults, profanity or threats aimed at the agent or the company's people",
    "resolved-follow-up": "the issue is already fixed; this reply is a follow-up",
    "manager-request": "asks for a manager, supervisor, a human or an escalation",
    "legal-threat": "mentions lawyers, suing, small claims, the BBB, a chargeback or a regulator",
    "refund-demand": "asks for a refund or their money back",
    "refund-outside-policy": "asks for a refund that the policy (or a rule or note) does not allow",
    "outage": "describes a service outage (site down, 503s, not loading for everyone)",
    "rant": "a long emotional message in a live channel (chat or phone)",
    "multi-issue": "several distinct problems in one message",
    "broken-promise": "an earlier promise or expectation was not kept",
    "urgency": "a deadline or time pressure (by tomorrow, in an hour, urgent)",
    "repeated-contact": "has asked before, or the problem keeps recurring",
    "unresolved-after-handoff": "was transferred or passed around and had to start again",
    "specific-loss": "states a concrete loss (lost two hours, missed a flight, failed at 92%)",
    "wants-options": "asks what their options are, or offers an either/or",
    "compensation-request": "asks for compensation or for the company to make it right",
    "churn-threat": "threatens to cancel, switch provider or never come back",
    "arguing": "argues with the agent (you're not listening, stop telling me to...)",
    "loyal-customer": "mentions a long relationship or a loyalty status",
    "status-request": "asks for an update or a status",
    "vague-complaint": "a short complaint with no specifics about what happened",
    "shouting": "words in capitals (not acronyms) or runs of exclamation marks",
    "first-contact-upset": "an upset first message with no stronger signal",
}
SIGNAL_IDS: tuple[str, ...] = tuple(SIGNAL_DESCRIPTIONS)

_COMPILED: dict[str, tuple[bool, re.Pattern[str]]] = {
    sid: (neg, lex.compile_folded("|".join(alts))) for sid, (neg, alts) in lex.LEXICON.items()
}
_CASED: dict[str, re.Pattern[str]] = {sid: re.compile("|".join(a)) for sid, a in lex.CASED.items()}
# Signals whose negation is a disclaimer rather than any negator: "why can't you idiots" is
# still abuse, "I'm not calling you an idiot" is not.
_DISCLAIMERS: dict[str, re.Pattern[str]] = {"abuse": lex.ABUSE_DISCLAIMER}
# Signals that a word before the match blocks on top of ordinary negation.
_BLOCKERS: dict[str, re.Pattern[str]] = {"manager-request": lex.ATTEMPT}
_Add = Callable[[str, int, int, int], None]


def detect_signals(thread: Thread, policy: Policy | None = None) -> list[Signal]:
    """All signals in ``thread``, one per id (latest evidence), in `SIGNAL_IDS` order."""
    msgs = thread.messages
    cust = [i for i, m in enumerate(msgs) if m.role == "customer"]
    masked = {i: mask_quoted(msgs[i].text) for i in cust}
    folded = {i: lex.fold(masked[i]) for i in cust}
    found: dict[str, Signal] = {}

    def add(sid: str, idx: int, start: int, end: int) -> None:
        """Record ``sid`` once; an empty span means the message as a whole (its first sentence)."""
        if sid not in found:
            text = msgs[idx].text
            evidence = snippet(text, start, end) if end > start else first_sentence(text)
            found[sid] = Signal(id=sid, evidence=evidence, message_index=idx)

    for sid, (negatable, pattern) in _COMPILED.items():
        for i in reversed(cust):
            if sid == "urgency" and lex.NOT_URGENT.search(masked[i]):
                continue
            if m := _earliest(sid, pattern, masked[i], folded[i], negatable):
                add(sid, i, m.start(), m.end())
                break
    outage = _COMPILED["outage"][1]
    for i, msg in enumerate(msgs):  # the agent saying "our servers are down" counts too
        if msg.role == "agent" and (m := outage.search(lex.fold(mask_quoted(msg.text)))):
            add("outage", i, m.start(), m.end())
    _shape_signals(thread, cust, masked, add)
    _resolved(thread, cust, masked, add)
    if "refund-demand" in found and _refund_outside_policy(policy, thread.notes):
        found["refund-outside-policy"] = found["refund-demand"].model_copy(
            update={"id": "refund-outside-policy"}
        )
    last = cust[-1]
    if not set(found) - {"shouting", "urgency"} and all(m.role != "agent" for m in msgs[:last]):
        if span := upset_span(masked[last]):
            add("first-contact-upset", last, *span)
        elif "shouting" in found:
            found["first-contact-upset"] = found["shouting"].model_copy(
                update={"id": "first-contact-upset"}
            )
    return [found[s] for s in SIGNAL_IDS if s in found]


def _earliest(
    sid: str, pattern: re.Pattern[str], masked: str, folded: str, negatable: bool
) -> re.Match[str] | None:
    """The earliest valid match of the lexicon ``pattern`` (on the folded text) or of the
    signal's case-sensitive extras (on the masked original)."""
    hits = [_first(sid, pattern.finditer(folded), folded, negatable)]
    if cased := _CASED.get(sid):
        hits.append(_first(sid, cased.finditer(masked), folded, negatable))
    return min((h for h in hits if h), key=lambda h: h.start(), default=None)


def _first(
    sid: str, matches: Iterator[re.Match[str]], text: str, negatable: bool
) -> re.Match[str] | None:
    """The first of ``matches`` (in ``text``) that is not negated, disclaimed or blocked."""
    disclaimer, blocker = _DISCLAIMERS.get(sid), _BLOCKERS.get(sid)
    for m in matches:
        before = clause_before(text, m.start())
        if disclaimer is not None:
            if not disclaimer.search(before):
                return m
            continue
        negated = negatable and is_negated(text, m.start())
        if not negated and not (blocker and blocker.search(before)):
            return m
    return None


def _shape_signals(thread: Thread, cust: list[int], masked: dict[int, str], add: _Add) -> None:
    """Signals that come from shape (length, capitals, issue kinds, turns), not one phrase."""
    msgs, last = thread.messages, cust[-1]
    for i in reversed(cust):
        if span := shouting_span(masked[i]):
            add("shouting", i, *span)
            break
    for i in reversed(cust):
        if (at := several_issues_at(masked[i])) is not None:
            add("multi-issue", i, at, at + 1)
            break
    turn = [last]  # the customer's latest run of messages
    while turn[0] > 0 and msgs[turn[0] - 1].role == "customer":
        turn.insert(0, turn[0] - 1)
    text = " ".join(masked[i] for i in turn)
    words = word_count(text)
    if thread.channel in ("chat", "phone") and sounds_distressed(text) and (
        words >= 70 or (len(turn) >= 3 and words >= 50)
    ):
        add("rant", turn[0], 0, 0)
    everything = " ".join(masked[i] for i in cust)
    span = upset_span(masked[last])
    if span and words <= 40 and not describes_problem(everything):
        add("vague-complaint", last, *span)
    turns = sum(1 for i in cust if i == 0 or msgs[i - 1].role != "customer")
    if turns >= 3 or _spans_days([msgs[i] for i in cust]):
        add("repeated-contact", last, 0, 0)
    if turns >= 2 and (m := lex.STILL_FAILING.search(masked[last])):  # our suggestion did not work
        add("repeated-contact", last, m.start(), m.end())


def _spans_days(messages: list[Message]) -> bool:
    """Customer messages sent more than a day apart: they had to come back."""
    stamps = [m.sent_at.timestamp() for m in messages if m.sent_at]
    return len(stamps) >= 2 and max(stamps) - min(stamps) >= 86_400


def _resolved(thread: Thread, cust: list[int], masked: dict[int, str], add: _Add) -> None:
    """Resolved when the customer confirms the fix last, or the agent's fix is the last word."""
    msgs, last = thread.messages, cust[-1]
    text = masked[last]
    m = lex.RESOLVED.search(text)
    negated = m and (is_negated(text, m.start(), 2) or re.search(r"stopped\s*$", text[: m.start()]))
    if m and not negated:
        confirmed = lex.THANKS.search(text) or word_count(text) <= 25
        if confirmed and not lex.STILL_OPEN.search(text[m.end() :]):
            add("resolved-follow-up", last, m.start(), m.end())
            return
    agent = next((i for i in range(last - 1, -1, -1) if msgs[i].role == "agent"), None)
    fixed = agent is not None and lex.AGENT_RESOLVED.search(msgs[agent].text)
    thanked = lex.THANKS.search(text) and not lex.STILL_OPEN.search(text)
    if fixed and thanked and word_count(text) <= 12:
        add("resolved-follow-up", last, 0, len(msgs[last].text))  # "Received, thank you!"
        return
    after = range(len(msgs) - 1, last, -1)
    for role, pattern in (("agent", lex.AGENT_RESOLVED), ("note", lex.NOTE_RESOLVED)):
        for i in after:
            hit = pattern.search(msgs[i].text) if msgs[i].role == role else None
            if hit and not is_negated(msgs[i].text, hit.start()):
                add("resolved-follow-up", i, hit.start(), hit.end())
                return


def _refund_outside_policy(policy: Policy | None, notes: Iterable[Message]) -> bool:
    """`full_refund` decides when set; otherwise a rule or note saying "non-refundable" does."""
    if policy is not None and policy.full_refund is not None:
        return not policy.full_refund
    rules = list(policy.rules) if policy else []
    return any(lex.NON_REFUNDABLE.search(t) for t in [*rules, *(n.text for n in notes)])
