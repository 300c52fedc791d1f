"""The `policy` check's free-text rules (``policy.rules``): the shapes it reads, and breaches.

Shapes read (any other rule is not checked):
- no refund: "X are not refundable (after 30 days)", "No refunds on X", "Refunds are not
  available for X", "We do not refund X", "non-refundable X". Breach: a refund promised for X --
  X named in the sentence, or a refund of nothing smaller (no charge, fee, difference or amount)
  while the thread is about X. An "after N days" condition is read from the draft and thread:
  time that has passed ("it's been seven days", "a week later", "eight months into") decides; a
  statement that the case is inside the window ("within the 30-day window") clears it; else the
  rule applies.
- no offer: "No X on/for Y", "Do not offer X (for Y)", "X is not available for Y". Breach: X
  offered (synonyms: expedited ~ express / overnight / next-day / priority; shipping ~ delivery)
  where the draft or thread is about Y.
- cap: "No more than $50 in goodwill credit", "Discounts are capped at 15%", "at most N X".
  Breach: an amount of the same kind ($, %, a count) over the cap, or no bound at all ("covered
  in full", "whatever the rate", "every night"), in a clause about X.
- approval: "Only the account manager can approve refunds over $100", "X requires a
  supervisor's approval", "X must be approved by Y". Breach: X granted (over the amount, when
  one is given) without naming the approver in the sentence.
Rules that grant ("may receive a travel credit voucher") need no check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.checks._policy_terms import (
    NUMBER,
    Problem,
    clause_end,
    clause_start,
    number,
    promised,
    role_words,
    wordset,
)
from service.pipeline.checks.base import CheckContext
from service.pipeline.text import Analysis, quote

Terms = tuple[tuple[str, ...], ...]  # each entry: word starts, any of which must appear
_SYNONYMS = {
    "expedited": ("expedit", "express", "overnight", "next-day", "priority", "rush"),
    "discount": ("discount", "off", "reduction", "markdown"),
    "refund": ("refund", "money back", "reimburs"),
    "shipping": ("shipping", "delivery", "postage", "courier"),
}
_STOP = wordset("a an the any all of on for to in at per customer customers our your is are be "
                "by with item product purchase order plan")
_AMOUNT = r"(?P<n>[$£€]\s?\d[\d,]*(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:%|percent)|\d+|" + NUMBER + ")"
_SHAPES = [
    ("no-refund", re.compile(
        r"^(?P<x>.+?)\s+(?:are|is)\s+(?:not\s+|non-?)refundable\b|^no\s+refunds?\s+(?:on|for)\s+"
        r"(?P<x2>.+)|^refunds?\s+(?:are|is)\s+not\s+\w+\s+(?:on|for)\s+(?P<x3>.+)|^(?:we\s+)?"
        r"(?:do\s+not|don['’]t|never)\s+refund\s+(?P<x4>.+)|\bnon-?refundable\s+(?P<x5>\w+)")),
    ("approval", re.compile(
        r"^only\s+(?P<who>.+?)\s+(?:can|may)\s+(?:approve|authori[sz]e|issue|grant|offer|give)\s+"
        r"(?P<y>.+)|^(?P<y2>.+?)\s+must\s+be\s+approved\s+by\s+(?P<who2>.+)|^(?P<y3>.+?)\s+"
        r"requires?\s+(?P<who3>.+?)(?:['’]s)?\s+approval")),
    ("cap", re.compile(
        r"^(?P<x>.*?)\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|maximum(?:\s+of)?|up\s+to"
        r"|capped\s+at|limited\s+to|(?:cannot|can['’]t|must\s+not|may\s+not)\s+exceed)\s+"
        + _AMOUNT + r"(?P<x2>.*)$")),
    ("no-offer", re.compile(
        r"^(?:no|(?:do\s+not|don['’]t|never)\s+(?:offer|give|provide|promise|issue|grant|allow))"
        r"\s+(?P<x>.+?)(?:\s+(?:on|for|to)\s+(?P<y>.+))?$|^(?P<x2>.+?)\s+(?:is|are)\s+not\s+"
        r"(?:available|offered|allowed|permitted)\s+(?:on|for)\s+(?P<y2>.+)$")),
]  # fmt: skip
_THRESHOLD = re.compile(r"\s+(?:over|above|exceeding|of\s+more\s+than|greater\s+than)\s+"
                        r"(?P<n>[$£€]?\s?\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)
_AFTER = re.compile(rf"\b(?:after|beyond|past|(?:more|older)\s+than)\s+(?:the\s+first\s+)?"
                    rf"(?P<n>{NUMBER})[-\s](?P<u>days?|weeks?|months?)\b")
_DAYS = {"day": 1.0, "wee": 7.0, "mon": 30.0}
_ELAPSED = re.compile(
    rf"\b(?:it['’]s|it\s+has|it\s+had)\s+(?:only\s+|just\s+)?been\s+(?:only\s+|just\s+)?"
    rf"(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?)\b|\b(?P<n2>{NUMBER})\s+(?P<u2>days?|weeks?"
    rf"|months?)\s+(?:later|after|ago|since|into|in\b)", re.IGNORECASE)
_UNIT = re.compile(r"(?:day|week|month)s?\b", re.IGNORECASE)
_INSIDE = re.compile(  # "inside the 30-day window", "within 30 days of renewal", "you're within"
    rf"\b(?:within|inside|in)\s+(?:the|your)\s+(?:first\s+)?{NUMBER}[-\s](?:days?|weeks?)\b"
    rf"|\bwithin\s+{NUMBER}\s+(?:days?|weeks?)\s+of\b|\byou(?:['’]re|\s+are)\s+(?:still\s+|well\s+)?"
    r"(?:within|inside)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One rule we can read. ``kind``: no-refund | no-offer | cap | approval."""

    text: str
    kind: str
    subject: Terms = ()  # what must not be offered (no-offer, cap, approval)
    scope: Terms = ()  # what the case must be about (no-refund, no-offer)
    limit: float | None = None
    unit: str = ""  # "$", "%" or "" (a count)
    approver: str = ""
    after_days: float | None = None  # "not refundable after 30 days"


def _terms(phrase: str) -> Terms:
    phrase = re.split(r"\s+(?:after|within|paid|purchased|bought|older|once|that|which|per|over"
                      r"|above|unless)\b", phrase.strip(" ."), maxsplit=1)[0]
    out = []
    for w in re.findall(r"[a-z][a-z-]*", phrase.lower()):
        w = w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        if w not in _STOP:
            out.append(_SYNONYMS.get(w, (w[:-1] if w.endswith("e") and len(w) > 4 else w,)))
    return tuple(out)


def amount(text: str) -> tuple[float, str]:
    """'$50' -> (50, '$'), '15%' -> (15, '%'), 'two' -> (2, '')."""
    unit = "$" if text[:1] in "$£€" else "%" if ("%" in text or "percent" in text) else ""
    digits = re.sub(r"[^\d.]", "", text)
    return (float(digits) if digits.strip(".") else number(text)), unit


@lru_cache(maxsize=256)
def parse_rule(text: str) -> Rule | None:
    """The rule in one of the shapes above, else None (not checked)."""
    rule = " ".join(text.lower().split()).strip(" .")
    for kind, rx in _SHAPES:
        if (m := rx.search(rule)) is None:
            continue
        g = {k: v for k, v in m.groupdict().items() if v}
        if kind == "no-refund":
            scope = _terms(next(v for k, v in g.items() if k.startswith("x")))
            scope += (("nonrefundable", "non-refundable"),) if "x5" in g else ()
            after = _AFTER.search(rule)
            days = number(after["n"]) * _DAYS[after["u"][:3]] if after else None
            return Rule(text, kind, scope=scope, after_days=days) if scope else None
        if kind == "approval":
            who = g.get("who") or g.get("who2") or g["who3"]
            y = g.get("y") or g.get("y2") or g["y3"]
            over = _THRESHOLD.search(" " + y)
            value, unit = amount(over["n"]) if over else (None, "")
            return Rule(text, kind, subject=_terms(y), limit=value, unit=unit,
                        approver=re.sub(r"^(?:a|an|the)\s+", "", who))
        if kind == "cap":
            value, unit = amount(g["n"])
            subject = _terms(g.get("x", "")) or _terms(g.get("x2", ""))
            return Rule(text, kind, subject=subject, limit=value, unit=unit) if subject else None
        x, y = g.get("x") or g["x2"], g.get("y") or g.get("y2") or ""
        if x.startswith("refund"):
            return Rule(text, "no-refund", scope=_terms(y)) if y else None
        return Rule(text, kind, subject=_terms(x), scope=_terms(y))
    return None


def rule_applies(rule: Rule, text: str) -> bool:
    """Whether the rule's "after N days" condition holds, as far as ``text`` tells."""
    if rule.after_days is None:
        return True
    elapsed = [number(m["n"] or m["n2"]) * _DAYS[(m["u"] or m["u2"])[:3]]
               for unit in _UNIT.finditer(text)  # read only around "days" / "weeks" / "months"
               for m in _ELAPSED.finditer(text, max(0, unit.start() - 40), unit.end() + 12)]
    if elapsed:
        return max(elapsed) > rule.after_days
    return _INSIDE.search(text) is None


def mentions(terms: Terms, text: str, every: bool = True) -> bool:
    """Every term (``every=False``: any) starts a word in ``text`` (lowercase)."""
    found = (any(t in text for t in alts) and _term_rx(alts).search(text) is not None
             for alts in terms)  # a cheap substring test first
    return all(found) if every else any(found)


@lru_cache(maxsize=512)
def _term_rx(alts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, alts)) + r")[\w-]*")  # text is lowercase


# ---- breaches -----------------------------------------------------------------------------
_ANY_REFUND = re.compile(r"\b(?:refund(?:s|ed|ing)?|money\s+back|reimburs\w*)\b", re.I)
_PARTIAL = re.compile(r"\b(?:charges?|fees?|difference|overcharge|duplicate|shipping|delivery"
                      r"|postage|late|surcharge|excess|deposit)\b|[$£€]\d", re.IGNORECASE)
_PROMISE = re.compile(r"\b(?:I|we)(?:['’](?:ll|ve|m|d)|\s+(?:will|can|could|have|am|are|shall"
                      r"|would))\b|\blet\s+(?:me|us)\b|\byou(?:['’]ll|\s+will)\s+(?:get|receive"
                      r"|see|have)\b|\b(?:has|have)\s+been\s+(?:approved|processed|issued"
                      r"|applied|added)\b|\bwould\s+you\s+(?:like|prefer)\b", re.IGNORECASE)
_UNBOUNDED = re.compile(r"\b(?:in\s+full|whatever|no\s+matter|no\s+limit|unlimited|every\s+"
                        r"(?:penny|cent|night|day)|all\s+(?:of\s+)?(?:your|the))\b")
_AMOUNTS = {"$": re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?|\b\d+(?:\.\d+)?\s*(?:dollars|euros"
                            r"|pounds)\b", re.IGNORECASE),
            "%": re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|percent\b)", re.IGNORECASE),
            "": re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)}  # fmt: skip


def rule_breaks(a: Analysis, ctx: CheckContext) -> Iterator[Problem]:
    lower = a.masked.lower()
    if len(lower) != len(a.masked):  # a few characters change length when lowercased
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in a.masked)
    rules = [r for r in map(parse_rule, ctx.policy.rules if ctx.policy else []) if r and (
        any(w in lower for w in ("refund", "money back", "reimburs")) if r.kind == "no-refund"
        else mentions(r.subject, lower, every=r.kind != "cap"))]  # only rules the draft touches
    if not rules:
        return
    thread = " ".join([ctx.thread.subject or "", *(m.text for m in ctx.thread.messages)]).lower()
    applies: dict[Rule, bool] = {}

    def condition(rule: Rule) -> bool:  # a rule's "after N days" condition, read once if needed
        if rule not in applies:
            applies[rule] = rule_applies(rule, f"{a.masked} {thread}")
        return applies[rule]

    for sentence in a.sentences:
        text = lower[sentence.start : sentence.end]
        if not _PROMISE.search(text):
            continue
        for rule in rules:
            hit = _breach(a, rule, sentence.start, text, thread, condition)
            if hit is None:
                continue
            start = clause_start(a, hit[0])
            q, r = quote(a.text[start : hit[1]]), quote(rule.text, 120)
            ask = f" (or ask the {rule.approver} to approve it)" if rule.approver else ""
            yield Problem((start, hit[1]), f"Promises {q} against the policy rule {r}",
                          f"Remove {q}: the policy rule {r} does not allow it. Say what is not "
                          f"available and offer what the policy does allow{ask}.")


def _breach(
    a: Analysis, rule: Rule, at: int, text: str, thread: str, applies: Callable[[Rule], bool]
) -> tuple[int, int] | None:
    """Span of what breaks ``rule`` in the sentence ``text`` (lowercase, starting at ``at``)."""
    if rule.kind == "cap":  # an amount over the cap (or no bound at all) about what is capped
        for m in [*_AMOUNTS[rule.unit].finditer(text), *_UNBOUNDED.finditer(text)]:
            span = (at + m.start(), at + m.end())
            clause = text[clause_start(a, span[0]) - at : clause_end(a, span[1]) - at]
            amounts = [amount(x.group())[0] for x in _AMOUNTS[rule.unit].finditer(clause)]
            over = amount(m.group())[0] > (rule.limit or 0) if m.re is not _UNBOUNDED else (
                not amounts or max(amounts) > (rule.limit or 0))
            if over and mentions(rule.subject, clause, False) and promised(a, *span):
                return span
        return None
    if rule.kind == "no-refund":
        refund = _ANY_REFUND.search(text)
        if refund is None or not promised(a, at + refund.start(), at + refund.end()) or not (
                applies(rule)):
            return None
        span = (at + refund.start(), at + refund.end())
        clause = a.masked[clause_start(a, span[0]) : clause_end(a, span[1])]
        if mentions(rule.scope, text) or (
                not _PARTIAL.search(clause) and mentions(rule.scope, thread)):
            return span
        return None
    if not mentions(rule.subject, text):
        return None
    word = _term_rx(rule.subject[-1]).search(text)
    span = (at + word.start(), at + word.end()) if word else (at, at + len(text))
    if not promised(a, *span):
        return None
    if rule.kind == "no-offer":
        return span if mentions(rule.scope, text) or mentions(rule.scope, thread) else None
    approver = tuple((w,) for w in role_words(rule.approver))
    if mentions(approver, text) or (rule.limit is not None and not any(
            amount(m.group())[0] > rule.limit for m in _AMOUNTS[rule.unit].finditer(text))):
        return None
    return span
