"""The `policy` check's commitments against ``policy.sla`` (see `policy` for the rule).

A time frame is a commitment when a promise marks it in its sentence ("I'll", "we will", "you'll
hear", "expect", "should arrive", "is scheduled", "we're aiming to", "please allow"), or leads the
sentence ("Within 2 hours, you'll hear from us"). Not commitments: a negated promise ("we won't
make you wait until next week"), a condition ("if it fails again next week"), the past ("for three
weeks", "since Monday", "2 days ago"), an amount rather than a window ("credit two months", "a
7-day window"), a bank's settlement time ("it will post in 5-7 business days") and a check-in
after the fix ("I'll call next week to make sure it's still working").

Each commitment is a status update ("I'll get back to you", "update you", "you'll hear from
us") or the fix / an outcome ("fixed", "the replacement arrives", "come back with what we
found"). The first update must fit ``sla.first_update``: that is met when anything is promised
within it (or at a clock time, which may be). Every later update and every outcome must fit
``sla.resolution``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from service.pipeline.checks._policy_terms import (
    TIME_PATTERNS,
    Problem,
    phrase_hours,
    sla_hours,
    wordset,
)
from service.pipeline.text import Analysis, Triggered, quote
from service.schemas import Policy

_TIME = Triggered()
for _name, (_first, _rx) in TIME_PATTERNS.items():
    _TIME.add(_name, _first, _rx)
_FUTURE = Triggered().add(  # what makes a time frame a promise, or (neg) a promise not to
    "future", "will shall *'ll going gonna expect expects expecting should is are aim aims aiming "
    "plan plans planning hope hoping intend intending target targeting work working please allow "
    "give set scheduled booked *n't not",
    r"(?:(?P<neg>(?:won|shan)['’]t|will\s+not|(?:will|\w*['’]ll)\s+never|not\s+going\s+to)|will"
    r"|shall|\w*['’]ll|going\s+to|gonna|expect(?:s|ing)?|should\s+(?:arrive|be|reach|land|have|get"
    r"|see|hear)|(?:is|are)\s+(?:scheduled|due|set|booked)|(?:aim|plan|hop|intend|target|work)\w*"
    r"\s+to|please\s+allow|allow\s+(?:us|up\s+to)|give\s+(?:us|me)|set\s+(?:up\s+)?a\s+reminder"
    r"|scheduled|booked)\b",
)
_CONDITION = Triggered().add("if", "if unless in should",
                             r"(?:if|unless|in\s+case|should\s+(?:it|this|that|the|you))\b")
_FILLER = wordset("about around roughly approximately just another the next coming")
_WINDOW = wordset("within in inside under by before than most to take takes taking allow me us "
                  "over")  # words that make a duration a window ("within 2 days")
_LEADS = wordset("within in by before no later than the next and so then give me us")
_NOT_AHEAD = wordset("for since last past previous until till after ago over than credit credited "
                     "crediting waive waived free extra another additional")
_FROM_NOW = re.compile(r"\s+from\s+now\b", re.IGNORECASE)
_AFTER_TIME = re.compile(r"\s*(?:ago|old|of|earlier|later|back|before|free|on\s+us|credit)\b"
                         r"|['’]s?\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:—–]|\b(?:and|but|so)\s+(?=\S+\s+(?:will|['’]ll)\b|(?:I|we|you)['’]ll)",
                     re.IGNORECASE)
_JOINED = re.compile(r"[\s,]*(?:on|by|at|before)?\s*", re.IGNORECASE)
_LEADING = re.compile(r"[\s,;:—–]*(?:(?:and|but|so|then)\s+)?", re.IGNORECASE)
# what a commitment is about
_CHECK_IN = re.compile(r"\b(?:check\s+in|check\s+back|follow\s+up|touch\s+base|call|e-?mail|ring"
                       r"|text)\b", re.IGNORECASE)
_STILL = re.compile(r"\b(?:make\s+sure|see\s+how|ensure|still)\b", re.IGNORECASE)
_MONEY = re.compile(r"\b(?:refund\w*|money|credit|reversal|payment|funds|it)\b", re.IGNORECASE)
_SETTLE = re.compile(r"\b(?:post\w*|appear\w*|show\w*|statement|bank|card|clear\w*|be\s+back)\b",
                     re.IGNORECASE)
_LATER_UPDATE = re.compile(r"\b(?:further|another|again|regular|follow-up)\b|\bnext\s+(?:update"
                           r"|one)\b", re.IGNORECASE)
_STATUS = re.compile(r"\b(?:update|updates|status|progress|news|where\s+(?:it|things|this)\s+"
                     r"stands?|next\s+steps?)\b", re.IGNORECASE)
_OUTCOME = re.compile(
    r"\b(?:fix\w*|resolv\w*|repair\w*|restor\w*|replac\w*|ship\w*|deliver\w*|arriv\w*|sorted"
    r"|working|back\s+(?:up|online|on)|in\s+place|deploy\w*|live|roll\w*\s+out|refund\w*"
    r"|credit\w*|process\w*|complet\w*|finish\w*|done|results?|answers?|findings|outcome|decision"
    r"|what\s+(?:we|I|they)|with\s+what|find\w*|permanent|final|solution|revers\w*|land\w*"
    r"|install\w*|visit|technician|door|report|date)\b", re.IGNORECASE)
_TALK = re.compile(r"\b(?:get\s+back|come\s+back|back\s+to\s+you|hear|reply|respond|response"
                   r"|(?:call|ring|e-?mail|message|text|tell|contact|dm)\s+(?:you|back)|let\s+you\s+"
                   r"know|in\s+touch|touch\s+base|reach\s+out|post)\b", re.IGNORECASE)


class Commitment(NamedTuple):
    span: tuple[int, int]  # the promise up to its time frame
    hours: float | None  # how far from now (None: a clock time)
    clause: tuple[int, int]  # what `_kind` reads


def slow_commitments(a: Analysis, policy: Policy | None) -> Iterator[Problem]:
    sla = policy.sla if policy else None
    first = sla_hours(sla.first_update) if sla else None
    resolution = sla_hours(sla.resolution) if sla else None
    if sla is None or (first is None and resolution is None):
        return
    floor = min(x for x in (first, resolution) if x is not None)
    times = _TIME.scan(a)
    if all((h := phrase_hours(n, m)) is None or h <= floor + 1e-9 for n, m in times):
        return  # every time frame fits every window: nothing can be too slow
    found = commitments(a, times)
    late = [(c, _kind(a, c)) for c in found if c.hours is not None and c.hours > floor + 1e-9]
    first_met = first is None or any(c.hours is None or c.hours <= first + 1e-9 for c in found)
    if not any(kind == "update" for _, kind in late):
        first_met = True  # no late status update: only outcomes are judged
    for c, kind in late:
        field, limit = "resolution", resolution
        if kind == "update" and not first_met:
            field, limit = "first_update", first
        if not kind or limit is None or c.hours is None or c.hours <= limit + 1e-9:
            continue
        window = getattr(sla, field)
        q = quote(a.text[c.span[0] : c.span[1]])
        what = "the first update" if field == "first_update" else "this"
        yield Problem(c.span, f"Commits to {q}, slower than policy.sla.{field} ({window})",
                      f"Promise {what} within {window} (policy.sla.{field}): replace {q} with a "
                      f"window no longer than {window}.")


def commitments(a: Analysis, times: list[tuple[str, re.Match[str]]]) -> list[Commitment]:
    """The promises among the time frames ``times`` (a `_TIME.scan`), in draft order."""
    out: list[Commitment] = []
    masked, prev_end = a.masked, -1
    futures: list[tuple[int, bool]] | None = None
    starts: list[int] = []
    conditions: list[int] = []
    for name, m in times:
        if m.start() < prev_end:
            continue
        sentence = a.sentences[max(a.sentence_index(m.start()), 0)]
        words = masked[max(sentence.start, m.start() - 40) : m.start()].lower().split()
        lead = next((w for w in reversed(words) if w not in _FILLER), "")
        if name == "duration" and ("-" in m.group("adj") or (
                lead not in _WINDOW and not _FROM_NOW.match(masked, m.end()))):
            continue  # "a 7-day window", "credit two months": an amount, not a window
        if (lead in _NOT_AHEAD and not (lead == "for" and name == "day")) or (
                lead == "by" and name == "now") or _AFTER_TIME.match(masked, m.end()):
            continue
        if futures is None:  # read once, only when a time frame got this far
            futures = [(x.start(), bool(x.group("neg"))) for _, x in _FUTURE.scan(a)]
            starts = [x[0] for x in futures]
            conditions = [x.end() for _, x in _CONDITION.scan(a)]
        at = bisect_left(starts, m.start())
        marker = futures[at - 1] if at and futures[at - 1][0] >= sentence.start else None
        if marker is None and set(masked[sentence.start : m.start()].lower().split()) <= _LEADS:
            marker = next((x for x in futures[at:] if m.end() <= x[0] < sentence.end), None)
        if marker is None or marker[1]:
            continue
        cond = [c for c in conditions if sentence.start <= c < m.start()]
        if cond and "," not in masked[cond[-1] : m.start()]:
            continue
        prev_end = m.end()
        hours = phrase_hours(name, m)
        if out and _JOINED.fullmatch(masked, out[-1].span[1], m.start()):  # "at 3 PM tomorrow"
            known = [h for h in (out[-1].hours, hours) if h is not None]
            last = out[-1]
            out[-1] = last._replace(span=(last.span[0], m.end()), hours=max(known, default=None))
            continue
        leads = marker[0] > m.start()  # the window comes first: "Within 2 hours, you'll hear"
        hi = sentence.start if leads else marker[0]  # the clause the promise starts in
        breaks = [x.end() for x in _CLAUSE.finditer(masked, max(sentence.start, hi - 120), hi)]
        previous = [c.span[1] for c in out[-1:] if c.span[1] > sentence.start]
        seg_start = max([sentence.start, *breaks[-1:], *previous])
        tail = _CLAUSE.search(masked, m.end(), sentence.end)
        seg_end = tail.start() if tail else sentence.end
        start = _LEADING.match(masked, seg_start)
        span = (start.end() if start else seg_start, seg_end if leads else m.end())
        out.append(Commitment(span, hours, (seg_start, seg_end)))
    return out


def _kind(a: Analysis, c: Commitment) -> str:
    """'update' (a status update), 'done' (the fix or an outcome), '' (not judged)."""
    segment = a.masked[c.clause[0] : c.clause[1]]
    if (_CHECK_IN.search(segment) and _STILL.search(segment)) or (
            _MONEY.search(segment) and _SETTLE.search(segment)):
        return ""  # a check-in after the fix; a bank's settlement time is not our promise
    if _LATER_UPDATE.search(segment):
        return "done"  # "any further update": not the first one
    if _STATUS.search(segment) or (not _OUTCOME.search(segment) and _TALK.search(segment)):
        return "update"
    return "done"
