"""`apology-action`: every apology is sincere and paired with a concrete action we are taking.

Rule (contract, "Check ids"): an apology fails when it is a hollow formula ("sorry for any
inconvenience", "apologize for the inconvenience", "we regret any inconvenience"), shifts the blame
to the customer's feelings ("sorry you feel that way"), is conditional ("sorry if ...") or is
taken back at once ("sorry, but ..."); a sincere apology still fails unless it is paired with
something we are doing, have done or will do.

An action is any first-person verb phrase that acts, whatever the verb (see `_agent_actions`:
"I'm switching on the hotspot", "I'll ask my manager", "I've pinned it", "let me check", "our
team is tracing it", "the charge is reversed as of today", "here's the right link"), not a state
or feeling ("I'm afraid", "I'm hoping", "we're experiencing", "I'm waiting", "I understand"),
homework for the customer ("you can change it under My Trips", "I'd recommend contacting ..."),
an admission ("I gave you the wrong link") or a habit ("we take this seriously"). A promise only
to talk counts when it names a concrete time ("DM us and we'll reply within 30 minutes").

Pairing: the action is in the apology's own paragraph (before or after it: "I've placed a new
order. I'm sorry it took three chats."), or anywhere after it, since the arc may explain what
happened before the fix ("I'm sorry.\n\nHere's where things are: ...\n\nWhat I can do is ...").
An apology in its own paragraph after every action ("Again, sorry for the trouble.") is tacked
on and fails.

Source: seed 000 "Calm the Storm" -- "Avoid hollow apologies; pair regret with action" and
"Structured Apology Plus Action" (acknowledge impact, take ownership, specify the fix); seed 002
-- "Apologize Sincerely" ("I'm sorry you've had to deal with this": sincere, still needs a fix).

Not our apology: the customer's words quoted back ("You wrote 'sorry for any inconvenience' was
all you got"), "no need to apologize", "don't be sorry", "I'm not sorry to say".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from service.pipeline.checks._agent_actions import AgentAction, agent_actions
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, clause_end, quote
from service.schemas import CheckResult

CHECK_ID = "apology-action"
__all__ = ["CHECK_ID", "AgentAction", "agent_actions", "check", "find_issues"]

_APOLOGY = Triggered().add(
    "apology",
    "sorry apologize apologise apologizes apologises apologizing apologising apologies my our an "
    "sincere sincerest deepest heartfelt i we",
    r"(?:sorry|apologi[sz](?:e|es|ing)|apologies"
    r"|(?:my|our|an|sincere|sincerest|deepest|heartfelt)\s+apology"
    r"|(?:I|we)\s+(?:\w+ly\s+)?regret)\b",
)
# Text just before the apology word (same clause) that makes it not ours or not an apology.
_NOT_AN_APOLOGY = re.compile(
    r"(?:\bno\s+need\s+to|\bdon['’]t|\bdo\s+not|\bnever|\bnothing\s+to|\bnot|\bneedn['’]t"
    r"|\bno\s+reason\s+to|\bdoesn['’]t|\bwon['’]t\s+ask\s+you\s+to)\s+(?:\w+\s+){0,2}$"
    r"|\bnot\s+(?:to\s+)?(?:just\s+|simply\s+|only\s+)?(?:say|saying)\s+$"
    r"|\b(?:you|they|he|she)(?:['’]re|['’]s|\s+are|\s+were|\s+is|\s+was)?\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[^,;:—–()]*$")
_SUBJECT_BEFORE = re.compile(r"\b(?:I|we|my|our|please|so)\b[^,;:—–]*$", re.IGNORECASE)
_BUT = re.compile(r"\s*[,—–-]?\s*(?:but|however)\b", re.IGNORECASE)
_IF = re.compile(r"\s+(?:\w+\s+)?(?:if|in\s+case)\b", re.IGNORECASE)
_FEELINGS = re.compile(
    r"\s+(?:that\s+)?you(?:['’]re|\s+are|\s+were)?\s+(?:\w+\s+)?(?:feel|felt|think|thought|believe"
    r"|see\s+it|perceive|took\s+(?:it|offense|offence)|offended|upset\s+by\s+our)\b"
    r"|\s+(?:for|about)\s+your\s+(?:confusion|misunderstanding)\b",
    re.IGNORECASE,
)
_HOLLOW = re.compile(
    r"\bany\s+(?:\w+\s+)?(?:inconvenience|inconveniences|trouble|confusion|frustration|issues?"
    r"|problems?|disruption|difficult(?:y|ies)|hassle|distress|misunderstanding)\b"
    r"|\b(?:the|this|that|all\s+the)\s+inconvenience\b|\binconvenience\s+caused\b",
    re.IGNORECASE,
)


# kind -> (message, hint); {q} is the apology as written, {w} the request's first-update window.
_TEXTS = {
    "hollow": (
        "Hollow apology formula: {q}",
        "Replace {q} with an apology that names what went wrong (e.g. \"I'm sorry the export "
        "failed again\") and say what you are doing about it (e.g. \"I'm re-running it now and "
        "will email you within {w}\").",
    ),
    "feelings": (
        "Apologises for the customer's feelings instead of what happened: {q}",
        "Replace {q} with an apology for what happened, not for how the customer feels (e.g. "
        "\"I'm sorry we got this wrong\"), then state the fix you are making.",
    ),
    "conditional": (
        "Conditional apology ('sorry if'): {q}",
        "Drop the 'if' in {q}: apologise for what actually happened, then state the fix.",
    ),
    "but": (
        "Apology taken back with 'but': {q}",
        "Remove the 'but' after {q}: apologise, then say what you will do (e.g. \"I'm sorry "
        "about this. Here's what I can do: ...\").",
    ),
    "unpaired": (
        "Apology not paired with an action: {q} (nothing we are doing, have done or will do "
        "follows it, and none in its paragraph)",
        "Follow {q} with a concrete action you are taking, in the same or the next sentence "
        "(e.g. \"I'm checking your order now and will email you within {w}\").",
    ),
}


def check(draft: str, ctx: CheckContext) -> CheckResult:
    issues = find_issues(analyze(draft))
    if not issues:
        return passed(CHECK_ID)
    quotes = [quote(draft[start:end]) for _, (start, end) in issues]
    messages = [_TEXTS[kind][0].format(q=q) for (kind, _), q in zip(issues, quotes, strict=True)]
    hints = dict.fromkeys(
        _TEXTS[kind][1].format(q=q, w=ctx.windows.first_update)
        for (kind, _), q in zip(issues, quotes, strict=True)
    )
    return failed(CHECK_ID, "; ".join(messages), [span for _, span in issues], " ".join(hints))


def find_issues(a: Analysis) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) of every apology that is insincere or lacks an action, in draft order."""
    masked = a.masked
    issues: list[tuple[str, tuple[int, int]]] = []
    paired: tuple[list[int], list[int]] | None = None
    for _, m in _APOLOGY.scan(a):
        idx = a.sentence_index(m.start())
        sentence = a.sentences[idx]
        head = _CLAUSE_START.search(masked, sentence.start, m.start())
        before = masked[head.start() if head else sentence.start : m.start()]
        if _NOT_AN_APOLOGY.search(before):
            continue
        subject = _SUBJECT_BEFORE.search(before)
        start = m.start() - len(before) + subject.start() if subject else m.start()
        end = clause_end(masked, m.end(), sentence.end)
        kind, end = _insincere(masked, m.end(), end, sentence.end)
        if kind is None:
            if paired is None:
                paired = _paired_positions(a)
            if _is_paired(a, idx, *paired):
                continue
            kind = "unpaired"
        issues.append((kind, (start, end)))
    return issues


def _insincere(masked: str, pos: int, end: int, sentence_end: int) -> tuple[str | None, int]:
    if m := _BUT.match(masked, pos):
        return "but", m.end()
    if m := _IF.match(masked, pos):
        return "conditional", m.end()
    if m := _FEELINGS.match(masked, pos):
        return "feelings", end
    if m := _HOLLOW.search(masked, pos, sentence_end):
        return "hollow", m.end()
    return None, end


# ---- pairing ------------------------------------------------------------------------------------
# An apology is paired when an action of ours (see `_agent_actions`) is in its own paragraph, before
# or after it ("I've placed a new order. I'm sorry it took three chats."), or anywhere after it
# (the arc "acknowledge impact, take ownership, specify the fix" may explain what happened first:
# "I'm sorry.\n\nHere's where things are. ...\n\nWhat I can do is switch on a hotspot."). An
# apology in its own paragraph after every action ("Again, sorry for the trouble.") is tacked on.
# A promise only to talk ("I'll let you know", "you'll hear from us") counts when it names a
# concrete time ("DM us and we'll reply within 30 minutes"): then it is the next step, not a way
# to end the chat.
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _paired_positions(a: Analysis) -> tuple[list[int], list[int]]:
    """(paragraph break offsets, sentence index of each action that can pair an apology)."""
    from service.pipeline.checks.time_frame import timed_promises  # time-frame imports us

    acts = agent_actions(a.text)
    sentences = [a.sentence_index(act.start) for act in acts if not act.communication]
    sentences += timed_promises(a)
    breaks = [m.start() for m in _PARAGRAPH.finditer(a.text)]
    return breaks, sentences


def _is_paired(a: Analysis, idx: int, breaks: list[int], action_sentences: list[int]) -> bool:
    if any(j >= idx for j in action_sentences):
        return True
    para = bisect_right(breaks, a.sentences[idx].start)
    return any(bisect_right(breaks, a.sentences[j].start) == para for j in action_sentences)

