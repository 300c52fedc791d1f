"""`time-frame`: every commitment to do something later carries a concrete time frame.

Rule (contract, "Check ids" and "Commitments"): a promise to act later ("I'll send", "we will
call", "I'm going to check", "our team will reach out", "you'll hear from us", "expect an update",
"your refund will be processed") must name, in the same sentence, a clock time ("by 2:30 PM", "at
14:00"), a day or date ("by Friday", "on 12 March", "tomorrow by noon", "today by 5 PM", "by end of
day"), a duration ("within 15 minutes", "in 2 business days") or "now" for immediate actions
("right now", "before we hang up", "as you go"), or a deadline the customer set ("before your 2 PM
meeting"). "soon", "shortly", "ASAP", "as soon as possible", "in due course", "as a priority",
"later", "eventually", "in a bit", "when I can" are not time frames, and neither is an event
("as soon as I hear anything", "once I hear back", "when billing confirms", "the moment they
reply", "I'll update you when it's fixed"): such a promise fails unless a concrete time bounds it
("I'll confirm here when it is, within 10 minutes").

A time belongs to the action it follows: in "I'm pulling a CSV now and I'll send it over
shortly", "now" times the work done now, so the promise is still vague. A time stated before any
action ("The ETA is 3 PM, and I'll text you when they're on the way"), or owned by a promise the
event refers back to ("fixed in the next hour, and I'll message you the moment it's done"),
bounds the event.

Not commitments: offers ("I'll be happy to help"), "I can't wait to help", capability ("you'll be
able to"), "it will take", work done now ("I'm checking now"), and promises that wait on the
customer ("if you send me the order number, I'll check it", "as soon as I have your photo").
Times inside URLs or quoted customer text do not count, and neither does a time in another
sentence. Vocabulary: `_time_terms`; who promises what: `_agent_actions`.

Source: seed 000 "Calm the Storm" -- "Buying Time Without Losing Credibility" ("avoid vague delays.
State duration, activity, and the exact signal to expect ... If I haven't replied by 2:30, I'll
call you"), "Escalation Without Abdication" ("Promise specific timeframes and a callback plan") and
"Service Outage Recovery" ("publishing a post-incident report by noon").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from service.pipeline.checks import _time_terms as T
from service.pipeline.checks._agent_actions import agent_actions
from service.pipeline.checks.base import CheckContext, Windows, failed, passed
from service.pipeline.text import (
    ACTION_VERBS,
    COMMUNICATION_WORDS,
    Analysis,
    Triggered,
    analyze,
    quote,
)
from service.schemas import CheckResult, Commitment

CHECK_ID = "time-frame"

_TIME = Triggered()
for _name, (_first, _rx) in T.TIME_PATTERNS.items():
    _TIME.add(_name, _first, _rx)
# Times that describe the past, not a promise: "since Monday", "from 09:12 to 10:05", "2 days ago".
_PAST_BEFORE = frozenset({"since", "from", "last", "past"})
_RANGE_TO = frozenset({"to", "-", "–", "until", "till"})
_PAST_AFTER = re.compile(r"\s*(?:ago|yesterday|earlier|already|last\s+\w+)\b", re.IGNORECASE)
_NOT_NOW = frozenset({"for", "by", "until", "till", "to", "just", "than"})
_VAGUE = Triggered().add("vague", T.VAGUE_FIRST_WORDS, T.VAGUE)
_OTHER_COMMITMENTS = Triggered().add("other", T.OTHER_FIRST_WORDS, T.OTHER_COMMITMENTS)
# Promises that wait on the customer or on an event need no time frame (a vague one still fails):
# "if you send me the order number, I'll check it", "If it happens again, we'll replace it".
_CONDITIONAL = re.compile(
    r"\b(?:if|when|once|whenever|as\s+soon\s+as|after|in\s+case|should)\s+(?:you\b"
    rf"|{T.FROM_CUSTOMER})"
    r"|\bif\s+(?:needed|that\s+helps|you['’]d)|^\W*(?:if|should|unless|in\s+case|whenever)\b",
    re.IGNORECASE,
)
# A clause that describes the result, not the promise: "so each one finishes quickly".
_SUBORDINATE = re.compile(
    r"(?:\b(?:I|we)['’]ll|\b(?:I|we)\s+will)\b[^.;!?]*?[\s,](?:so(?:\s+that)?|which|because"
    r"|since|whereas|where|who)\s+(?!(?:I|we)\b)[^.;!?]*$",
    re.IGNORECASE,
)
# An event about what was just promised with a time: "once it's done", "the moment that's live".
_ANAPHORIC = re.compile(
    r"(?:once|when|as\s+soon\s+as|the\s+(?:moment|minute|second))\s+(?:it|that|this|they)"
    r"(?:['’](?:s|re)|\s+(?:is|are|has|have))\b",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(T.N + r"\b", re.IGNORECASE)
_NOT_LATER = frozenset({"stay", "staying", "walk", "walking"})  # done with the customer, now
_CLAUSE_BREAK = re.compile(r"[;—–]|[,:](?!\d)|\s-\s")
_LEAD = frozenset({"at", "by", "on", "before", "until", "till", "around"})
_MERGE_GAP = re.compile(r"[\s,]*(?:at|by|on|before|around|latest|the|and)?[\s,]*$", re.IGNORECASE)
_COMMUNICATION = COMMUNICATION_WORDS | {
    "call", "email", "update", "text", "message", "ping", "notify", "contact", "reach", "follow",
    "confirm", "share", "send", "keep", "ring",
}
_RESOLUTION_STEMS = (
    "fix", "resolv", "refund", "replac", "ship", "reship", "re-ship", "credit", "restor", "repair",
    "process", "issu", "revers", "reinstat", "deploy", "patch", "rebuil", "reimburs", "deliver",
)


def check(draft: str, ctx: CheckContext) -> CheckResult:
    a = analyze(draft)
    spans: list[tuple[int, int]] = []
    messages: list[str] = []
    hints: list[str] = []
    frames = _frames(draft)
    vague_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for _, m in _VAGUE.scan(a):
        idx = a.sentence_index(m.start())
        vague = vague_by_sentence.setdefault(idx, [])
        if vague and m.start() < vague[-1][1]:  # "soon" inside "as soon as possible"
            continue
        if idx >= 0 and _SUBORDINATE.search(a.masked, a.sentences[idx].start, m.start()):
            continue  # "I'll split it so each half finishes quickly": not the promise's time
        vague.append(m.span())
    for idx, promises in _commitments(a).items():
        verb = promises[0][1]
        sentence = a.sentences[idx]
        vague = vague_by_sentence.get(idx, [])
        if idx in frames:
            vague = _unbounded(a, idx, frames[idx], vague, promises) if vague else []
            if not vague:
                continue
        if not vague and _CONDITIONAL.search(a.masked_sentence(idx)):
            continue
        suggestion = _suggest(ctx.windows, verb)
        if vague:
            words = ", ".join(f"'{draft[start:end]}'" for start, end in vague)
            spans += vague
            messages.append(f"Vague time frame {words} in commitment: {quote(sentence.text)}")
            hints.append(f"Replace {words} with a concrete window such as '{suggestion}' "
                         f"(from the request's windows: {_describe(ctx.windows)}).")
        else:
            spans.append(sentence.span)
            messages.append(f"Commitment without a time frame: {quote(sentence.text)}")
            hints.append(f"Add a concrete time frame to {quote(sentence.text)} in the same "
                         f"sentence, such as '{suggestion}' (from the request's windows: "
                         f"{_describe(ctx.windows)}).")
    if not spans:
        return passed(CHECK_ID)
    return failed(CHECK_ID, "; ".join(messages), spans, " ".join(hints))


def timed_promises(a: Analysis) -> frozenset[int]:
    """Sentences holding a promise with a concrete time frame ("we'll reply within 30 minutes",
    "you'll have a confirmation within 15 minutes"): apology-action counts these as a next step."""
    frames = _frames(a.text)
    return frozenset(idx for idx in _commitments(a) if idx in frames)


def _unbounded(
    a: Analysis,
    idx: int,
    frames: list[tuple[int, int]],
    vague: list[tuple[int, int]],
    promises: list[tuple[int, str]],
) -> list[tuple[int, int]]:
    """Vague words in a sentence that also names a time, left unbounded for some promise.

    Each time frame belongs to the action it follows ("I'm pulling a CSV now" owns "now"), or to
    the one right after it when fronted ("by 3 PM, I'll ..."). A promise that owns no time frame
    is vague when a vague word sits in its stretch of the sentence and no time owned by a promise
    comes after that word ("I'll update you when it's fixed, within 10 minutes" is bounded).
    """
    sentence = a.sentences[idx]
    promised = {start for start, _ in promises}
    anchors = sorted(
        {(act.start, act.end) for act in agent_actions(a.text)
         if sentence.start <= act.start < sentence.end}
        | {(start, start) for start in promised}
    )
    starts = [start for start, _ in anchors]
    owned: set[int] = set()  # start of each promise that owns a time frame
    bounds: list[int] = []  # where the times owned by a promise start
    for f_start, f_end in frames:
        k = bisect_right(starts, f_start) - 1
        if k + 1 < len(anchors) and not a.masked[f_end : starts[k + 1]].strip(" ,"):
            k += 1  # fronted: "... and by 3 PM you'll hear from us"
        if k < 0:
            return []  # a time before any action: "The ETA is 3 PM, and I'll text you when ..."
        if starts[k] in promised:
            owned.add(starts[k])
            bounds.append(f_start)
    left: list[tuple[int, int]] = []
    for k, (start, _) in enumerate(anchors):
        if start not in promised or start in owned:
            continue
        lo = anchors[k - 1][1] if k else sentence.start
        hi = starts[k + 1] if k + 1 < len(anchors) else sentence.end
        for v in vague:
            if not lo <= v[0] < hi or v in left or any(t > v[0] for t in bounds):
                continue
            if bounds and _ANAPHORIC.match(a.masked, v[0]):
                continue  # "I'll have it fixed in the next hour, and message you once it's done"
            left.append(v)
    return sorted(left)


def find_commitments(draft: str) -> list[Commitment]:
    """Commitments that carry a time frame: the sentence, and each time frame as written.

    Only the time frames in a commitment's own clause are reported ("I'm re-running it now, and
    I'll send it within 30 minutes" -> "within 30 minutes"), else the nearest in its sentence.
    """
    a = analyze(draft)
    frames = _frames(draft)
    out: list[Commitment] = []
    for idx, promises in _commitments(a).items():  # conditional ones too ("if it stalls, I'll")
        spans = frames.get(idx, [])
        own = [f for f in spans if any(_same_clause(a.masked, p, f[0]) for p, _ in promises)]
        if not own and spans:
            own = [min(spans, key=lambda f: abs(f[0] - promises[0][0]))]
        out += [Commitment(text=a.sentences[idx].text, window=_window(draft[s:e])) for s, e in own]
    return out


_DURATION_LEAD = re.compile(
    r"^(?:within|in)\s+(?=\d|an?\s|one\b|two\b|three\b|four\b|five\b|six\b|ten\b|fifteen\b"
    r"|twenty|thirty|forty|sixty|half\b)",
    re.I,
)


def _window(phrase: str) -> str:
    """The window as the contract reports it: "within 20 minutes" -> "20 minutes";
    deadlines keep their preposition ("by 2:30 PM", "tomorrow by noon")."""
    return _DURATION_LEAD.sub("", phrase)


def _same_clause(masked: str, i: int, j: int) -> bool:
    return _CLAUSE_BREAK.search(masked, min(i, j), max(i, j)) is None


def _commitments(a: Analysis) -> dict[int, list[tuple[int, str]]]:
    """Sentence index -> (offset, verb) of each commitment in it, in draft order."""
    found: dict[int, list[tuple[int, str]]] = {}
    for act in agent_actions(a.text):
        if act.future and not act.offer and act.verb not in _NOT_LATER:
            found.setdefault(a.sentence_index(act.start), []).append((act.start, act.verb))
    for _, m in _OTHER_COMMITMENTS.scan(a):
        verb = "update"
        if words := m.group("passive") or m.group("who") or m.group("coord"):
            verbs = [w for w in words.lower().split() if w in ACTION_VERBS or w in _COMMUNICATION]
            if not verbs:
                continue
            verb = verbs[0]
        found.setdefault(a.sentence_index(m.start()), []).append((m.start(), verb))
    return {idx: sorted(found[idx]) for idx in sorted(found) if idx >= 0}


@lru_cache(maxsize=64)
def _frames(text: str) -> dict[int, list[tuple[int, int]]]:
    """`_time_frames` of a draft, cached per draft (read-only)."""
    return _time_frames(analyze(text))


def _time_frames(a: Analysis) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> concrete time-frame phrases in it, adjacent ones merged ("tomorrow by
    noon"); times about the past ("since Monday", "from 09:12 to 10:05") left out."""
    masked = a.masked
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for _, m in _TIME.scan(a):
        idx = a.sentence_index(m.start())
        if idx < 0 or m.end() > a.sentences[idx].end:
            continue
        before = masked[max(a.sentences[idx].start, m.start() - 40) : m.start()]
        prev = before.lower().split()[-4:]
        last = prev[-1] if prev else ""
        if last in _PAST_BEFORE or (last in _RANGE_TO and "from" in prev[:-1]):
            continue  # "since Monday", "from 09:12 to 10:05"
        if _PAST_AFTER.match(masked, m.end()):
            continue  # "2 days ago", "at 11:42 yesterday"
        if last in _NOT_NOW and m.group().lower() in ("now", "right now"):
            continue  # "for now", "by now"
        start = m.start()
        if last in _LEAD or prev[-3:] == ["no", "later", "than"]:  # "at 10:45", not "10:45"
            lead = last if last in _LEAD else "no later than"
            start = m.start() - len(before) + before.lower().rfind(lead)
        spans = by_sentence.setdefault(idx, [])
        if spans and (start <= spans[-1][1] or _MERGE_GAP.fullmatch(masked, spans[-1][1], start)):
            spans[-1] = (spans[-1][0], max(spans[-1][1], m.end()))
        else:
            spans.append((start, m.end()))
    return by_sentence


def _suggest(windows: Windows, verb: str) -> str:
    """'within 30 minutes' for "30 minutes"; a window already phrased ("by 5 PM") is kept."""
    fixing = verb.startswith(_RESOLUTION_STEMS)  # the fix itself; anything else reports back
    window = windows.resolution if fixing else windows.first_update
    return f"within {window}" if _NUMBER_START.match(window) else window


def _describe(windows: Windows) -> str:
    return f"first update {windows.first_update}, resolution {windows.resolution}"
