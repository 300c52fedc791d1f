"""`apology-action`: every apology is sincere and paired with a concrete action we are taking.

Rule (contract, "Check ids"): an apology fails when it is a hollow formula ("sorry for any
inconvenience", "apologize for the inconvenience", "we regret any inconvenience"), shifts the blame
to the customer's feelings ("sorry you feel that way"), is conditional ("sorry if ...") or is
taken back at once ("sorry, but ..."); a sincere apology still fails unless a first-person action
("I've reset", "I'll send", "let me check", "our engineers rolled back", "your refund has been
issued") appears in the same sentence or one of the next two.

Source: seed 000 "Calm the Storm" -- "Avoid hollow apologies; pair regret with action" and
"Structured Apology Plus Action" (acknowledge impact, take ownership, specify the fix); seed 002
-- "Apologize Sincerely" ("I'm sorry you've had to deal with this": sincere, still needs a fix).

Not our apology: the customer's words quoted back ("You wrote 'sorry for any inconvenience' was
all you got"), "no need to apologize", "don't be sorry", "I'm not sorry to say".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import (
    ACTION_VERBS,
    COMMUNICATION_WORDS,
    DETERMINERS,
    FILLERS,
    INTENT_WORDS,
    IRREGULAR_PARTICIPLES,
    LIGHT_VERBS,
    NEGATIONS,
    OFFER_WORDS,
    PARTICLES,
    RESULT_NOUNS,
    Analysis,
    Triggered,
    analyze,
    clause_end,
    quote,
)
from service.schemas import CheckResult

CHECK_ID = "apology-action"

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
        "Apology not paired with an action: {q} (no 'I'll / I've / let me' + action verb in this "
        "or the next two sentences)",
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
    action_sentences: set[int] | None = None
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
            if action_sentences is None:
                acts = agent_actions(a.text)
                action_sentences = {a.sentence_index(x.start) for x in acts if not x.communication}
            if action_sentences & {idx, idx + 1, idx + 2}:
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


# ---- agent actions: shared with time-frame ----------------------------------------------------
# "I'll send", "we've credited", "let me check", "our engineers are rolling back": a first-person
# (or our-team) subject, auxiliaries/adverbs, then an action verb (word lists in `text`). Here: is
# an apology paired with something we are doing? In time-frame: is this a promise to act later?
_SUBJECT = (
    r"\b(?:(?:I|we)(?:['’](?P<c>ll|ve|m|d|re))?|let(?:\s+(?:me|us)|['’]s)"
    r"|(?:our|my)\s+(?:[a-z-]+\s+){0,2}?(?:team|engineers?|specialists?|supervisor|manager"
    r"|colleagues?|warehouse|technicians?|lead|department|staff|courier)"
    r"|someone(?:\s+from\s+(?:our|the|my)\s+[a-z]+(?:\s+team)?)?|somebody"
    r"|an?\s+(?:[a-z-]+\s+)?(?:specialist|supervisor|technician|engineer|colleague|manager))"
    r"(?![\w'’])"
)
_PASSIVE = (  # "your refund has been issued", "a replacement is on its way"
    r"\b(?:ha(?:s|ve)\s+(?:just\s+|now\s+|already\s+|also\s+)?been|(?:is|are)\s+being)\s+"
    r"(?P<verb>[a-z-]+)|\b(?:is|are)\s+(?:already\s+)?on\s+(?:its|their)\s+way\b"
)
_COORDINATED = (  # "... and have issued a refund": a verb sharing an earlier subject
    r"\band\s+(?P<aux>(?:(?:have|has|will|shall|am|are|then|also|already|just|now|personally"
    r"|immediately)\s+){0,2})(?P<verb>[a-z-]+)"
)
_EARLIER_SUBJECT = re.compile(r"\b(?:I|we|let\s+me)\b[^.!?\n]{0,80}$", re.IGNORECASE)
_AGENT = (
    Triggered()
    .add("subject", "i we let our my someone somebody a an", _SUBJECT)
    .add("coordinated", "and", _COORDINATED)
    .add("passive", "has have is are", _PASSIVE)
)
_TAIL = re.compile(r"[;!?—–()\[\]\"“”]|[.,:](?!\d)|\s-\s")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class AgentAction:
    """One "subject ... verb" phrase. ``future``: will / 'll / going to / shall (a promise)."""

    start: int
    end: int
    verb: str
    future: bool
    communication: bool  # "let you know", "get back to you": a promise to talk, not a fix
    offer: bool  # "I'd be happy to ...": an offer, not a promise


@lru_cache(maxsize=64)
def agent_actions(text: str) -> tuple[AgentAction, ...]:
    """First-person action phrases in ``text`` (quoted passages and URLs ignored), in order."""
    a = analyze(text)
    masked = a.masked
    found: list[AgentAction] = []
    for name, m in _AGENT.scan(a):
        if name == "subject":
            if (action := _scan(masked, m)) is not None:
                found.append(action)
            continue
        verb = (m.groupdict().get("verb") or "way").lower()
        if name == "passive" and (verb == "way" or verb in ACTION_VERBS):
            found.append(AgentAction(m.start(), m.end(), verb, False, False, False))
        elif (
            name == "coordinated"
            and verb in ACTION_VERBS
            and (verb not in PARTICLES or _next_word(masked, m.end()) in PARTICLES[verb])
            and _EARLIER_SUBJECT.search(masked, max(0, m.start() - 80), m.start())
        ):
            future = any(w in ("will", "shall") for w in m.group("aux").lower().split())
            found.append(AgentAction(m.start(), m.end(), verb, future, False, False))
    return tuple(sorted(found, key=lambda act: act.start))


def _scan(masked: str, m: re.Match[str]) -> AgentAction | None:
    """Read the words after a subject: auxiliaries and adverbs, then (maybe) an action verb."""
    limit = min(len(masked), m.end() + 90)
    cut = _TAIL.search(masked, m.end(), limit)
    tokens = [
        (t.group().lower().replace("’", "'"), t.end())
        for t in _TOKEN.finditer(masked, m.end(), cut.start() if cut else limit)
    ][:10]
    words = [w for w, _ in tokens] + [""]
    future = (m.group("c") or "").lower() == "ll"
    light = offer = after_det = False
    skip = 0
    for i, (word, end) in enumerate(tokens):
        nxt = words[i + 1]
        if skip or (word == "do" and words[i + 1 : i + 3] in (["my", "best"], ["our", "best"])):
            skip = 2 if not skip else skip - 1  # "I'll do my best to send ..."
            continue
        if word.endswith("n't") or word in NEGATIONS:
            return None
        if word in ("will", "shall") or (word in INTENT_WORDS and nxt == "to"):
            future = True
        if after_det:  # "I have the order number": after a determiner only a result counts
            if (light and word in RESULT_NOUNS) or (word in ACTION_VERBS and _participle(word)):
                return AgentAction(m.start(), end, word, future, False, offer)
            if light or word in DETERMINERS or word in FILLERS:
                continue
            return None
        if word in ACTION_VERBS and (word not in PARTICLES or nxt in PARTICLES[word]):
            return AgentAction(m.start(), end, word, future, False, offer)
        if word in COMMUNICATION_WORDS or (word == "keep" and nxt == "you"):
            return AgentAction(m.start(), end, word, future, True, offer)
        if word in LIGHT_VERBS:
            light = True
        elif word in OFFER_WORDS:
            offer = True
        elif word in DETERMINERS and light:
            after_det = True
        elif word not in FILLERS:
            return None
    return None


def _next_word(text: str, pos: int) -> str:
    m = _TOKEN.search(text, pos, pos + 30)
    return m.group().lower() if m else ""


def _participle(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES
