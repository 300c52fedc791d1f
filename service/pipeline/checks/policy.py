"""`policy`: nothing promises what the request's `policy` does not allow.

Rule (contract, "Check ids" and "The thread"): a draft never promises more than `policy` allows:
a full refund where `full_refund` is not true, more months of credit than `max_credit_months`, a
hand-off to a team not in `escalation_targets`, a commitment slower than `sla`, or something a
free-text rule forbids. Each policy field grants a permission and an absent field grants none,
as the system prompt says: "When the request has no policy, promise no refund, credit or
hand-off".
- A full refund ("I've refunded the full amount", "all your money back", "a complete refund",
  "refund in full", "100% refund", "every penny back", refunding a whole order / plan / ticket)
  only when `full_refund` is true; false, unset (unknown) or no policy: it fails. A partial
  refund (a duplicate charge, a fee, the difference) is not a full refund.
- Credit in months ("three months free", "six months on us", "a quarter free" = 3, "a year on
  us" = 12, "90 days free" = 3, "waived your next 4 months", "another month" on top of two = 3)
  at most `max_credit_months`; none when it is 0 or unset. A money credit ("$50 credit") is not
  compared with months (a rule may cap it), but fails with no policy or a maximum of 0.
- A hand-off to a named team or role ("transferring you to our legal team", "I'll have a
  specialist call you", "Casey from security will call") only to a listed target, with the
  synonyms in `_policy_terms` (manager = supervisor = team lead); none when no target is listed.
  "The right team" or "a colleague" names nobody; passing on feedback is not a hand-off.
- Commitments fit `policy.sla` where it is given (`_policy_sla`): status updates against
  `first_update`, fixes and outcomes against `resolution`. The deployment's default windows are
  not policy and are not judged here (time-frame asks for a concrete window).
- Free-text rules in the shapes `_policy_rules` reads (no refunds on X, no X on Y, caps,
  approvals); other rules are not checked.
Not a promise: a refusal or negation ("a full refund isn't available", "I can't transfer you to
legal", "instead of a full refund"), the customer's wish restated ("you asked for a full
refund", "I understand you want your money back"), quoted text and URLs, the past ("for three
weeks"), a condition ("if it fails again next week").

Source: seed 000 "Calm the Storm" -- "Refund Outside Policy" ("Although a full refund isn't
available under our agreement, I can credit two months ... This balances integrity with
generosity") and "Escalation Without Abdication" ("Promise specific timeframes"); seed 002
"Effective De-Escalation Techniques" -- "Know When to Escalate" (to a supervisor or specialist
with the authority) and "Use Positive Language" ("I can't offer you a full refund").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.pipeline.checks._policy_rules import rule_breaks
from service.pipeline.checks._policy_sla import slow_commitments
from service.pipeline.checks._policy_terms import (
    NUMBER,
    NUMBER_WORDS,
    Problem,
    clause_start,
    number,
    promised,
    target_matches,
    unnamed,
)
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quote
from service.schemas import CheckResult, Policy

CHECK_ID = "policy"


def check(draft: str, ctx: CheckContext) -> CheckResult:
    a = analyze(draft)
    p = ctx.policy
    found = [*_full_refunds(a, p), *_credits(a, p), *_handoffs(a, p), *slow_commitments(a, p),
             *rule_breaks(a, ctx)]
    if not found:
        return passed(CHECK_ID)
    found.sort(key=lambda problem: problem.span)
    return failed(
        CHECK_ID,
        "; ".join(dict.fromkeys(problem.message for problem in found)),
        list(dict.fromkeys(problem.span for problem in found)),
        " ".join(dict.fromkeys(problem.hint for problem in found)),
    )


# ---- full refunds -------------------------------------------------------------------------
_REFUND = r"(?:refund|reimburs)\w*\s+(?:you\s+)?"
_ITEM = r"(?:order|purchase|subscription|plan|membership|contract|booking|ticket|fare)s?\b"
_WHOLE = r"(?:full|entire|whole|total|complete)"
_FULL = Triggered().add(
    "full", "full complete entire total whole one # fully completely entirely refund refunds "
    "refunded refunding reimburse reimbursed reimbursing all every each your the cover covers "
    "covering covered",
    rf"(?:{_WHOLE}|100\s?%|100\s+percent|one\s+hundred\s+percent)\s+(?:cash\s+)?(?:refund"
    r"|reimbursement|money[-\s]back)s?\b|(?:fully|completely|entirely)\s+(?:refund|reimburs)\w*"
    rf"|{_REFUND}(?P<obj>(?:[\w$£€.'’-]+\s+){{0,4}}?)in\s+full\b"
    rf"|{_REFUND}(?:(?:of|for)\s+)?(?:the|your)\s+{_WHOLE}\s+(?:[$£€]\s?\d[\d,.]*|(?:[\w'’-]+\s+)"
    rf"{{0,2}}?(?:amount|cost|price|balance|payment|fee|year|renewal|sum|bill|{_ITEM[3:]})"
    rf"|{_REFUND}(?:for\s+)?(?:everything|all\s+of\s+it|every\s+(?:penny|cent|dollar)|(?:100\s?%"
    r"|100\s+percent|all)\s+of\s+(?:what|the\s+(?:amount|money|cost)))"
    rf"|{_REFUND}(?:for\s+)?(?:your|the|this|today['’]s)\s+(?:[\w'’-]+\s+)?{_ITEM}"
    r"|(?:all|every\s+(?:penny|cent|dollar)|each\s+and\s+every\s+penny)\s+(?:of\s+)?(?:your|the)"
    r"\s+money(?:\s+back)?\b|every\s+(?:penny|cent|dollar)\s+back\b|(?:your|the)\s+money\s+back\b"
    r"|(?:100\s?%|100\s+percent|all)\s+of\s+what\s+you\s+paid\b"
    rf"|{_WHOLE}\s+(?:[$£€]\s?\d[\d,.]*|amount|sum|payment|cost|price)(?:\s+[\w'’]+){{0,3}}?\s+"
    rf"back\b|cover\w*\s+(?:the|your)\s+{_WHOLE}\s+(?:cost|price|amount)\s+of\s+(?:your|the|this)"
    rf"\s+(?:[\w'’-]+\s+)?{_ITEM}",
)
_PARTIAL_OBJECT = re.compile(r"\b(?:charges?|fees?|difference|overcharge|duplicate|shipping"
                             r"|delivery|postage|late|surcharge|excess|deposit)\b|[$£€]\d", re.I)
_SOME_OF = re.compile(r"(?:some|part|half|portion|most|share|bit)\s+of\s+$", re.IGNORECASE)


def _full_refunds(a: Analysis, policy: Policy | None) -> Iterator[Problem]:
    if policy is not None and policy.full_refund:
        return
    why = ("the request has no policy" if policy is None else "policy.full_refund is false"
           if policy.full_refund is False else "policy.full_refund is not set")
    months = policy.max_credit_months if policy else None
    offer = f', e.g. "I can credit {months} month{"s" if months > 1 else ""}"' if months else ""
    last = -1
    for _, m in _FULL.scan(a):
        if m.start() < last or _PARTIAL_OBJECT.search(m.group("obj") or "") or _SOME_OF.search(
                a.masked, max(0, m.start() - 20), m.start()):
            continue  # "refunded the router charge in full", "some of your money back"
        if not promised(a, m.start(), m.end()):
            continue
        last = m.end()
        start = clause_start(a, m.start())
        q = quote(a.text[start : m.end()])
        yield Problem((start, m.end()), f"Promises a full refund ({q}) but {why}",
                      f"Remove {q}: a full refund is not available ({why}). Say so plainly, then "
                      f"offer what the policy allows{offer}.")


# ---- credit in months ---------------------------------------------------------------------
_M = rf"(?P<n>{NUMBER})\s*(?:-\s*)?(?P<unit>months?|weeks?|days?|years?|quarters?)(?:['’]s?)?"
_M2 = _M.replace("?P<n>", "?P<n_>").replace("?P<unit>", "?P<u_>")
_CREDIT = (
    Triggered()
    .add("months", NUMBER_WORDS,
         _M + r"\s+(?:of\s+)?(?:[a-z]+,?\s+){0,2}?(?:free|credits?|on\s+(?:us|the\s+house)|at\s+no"
         r"\s+(?:extra\s+)?(?:charge|cost)|complimentary|without\s+charge|off\s+(?:your|the)\s+"
         rf"(?:bill|invoice|subscription|plan))\b|{_M2}\s+(?:free|complimentary|bonus)\s+(?:months?"
         r"|weeks?)\b")
    .add("free", "a an", r"an?\s+(?:free|complimentary|bonus)\s+(?P<unit>month|week|year)\b")
    .add("credit", "credit credited crediting credits waive waived waiving",
         r"(?:credit\w*|waiv\w*)\s+(?:you\s+|your\s+account\s+)?(?:(?:with|for|of)\s+)?(?:(?:the"
         r"|your)\s+)?(?:(?:next|first|last|past)\s+)?" + _M)
    .add("not_pay", "*n't will do",
         r"(?:won['’]t|will\s+not|don['’]t|do\s+not)\s+(?:be\s+)?(?:charged|billed|pay(?:\s+"
         r"(?:anything|a\s+(?:penny|cent|thing)))?)\s+for\s+(?:the\s+)?(?:next\s+|coming\s+)?" + _M)
    .add("next_free", "next following coming",
         r"(?:next|following|coming)\s+" + _M + r"\s+(?:are|is|will\s+be)\s+(?:free|on\s+us"
         r"|complimentary)\b")
    .add("another", "another an one", r"(?:another|an\s+extra|an\s+additional|one\s+more)\s+"
         r"(?:free\s+)?(?P<unit>month|week)\b")
    .add("nth", "a", r"a\s+(?P<nth>second|third|fourth|fifth|sixth)\s+(?:free\s+)?month\s+(?:free"
         r"|of\s+credit|on\s+us)\b")
)
_MONEY_CREDIT = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?\s+(?:[a-z-]+\s+){0,2}?(?:credit|voucher)\b"
                           r"|\bcredit\s+(?:of|worth)\s+[$£€]\s?\d", re.IGNORECASE)
_PER_MONTH = {"mon": 1.0, "wee": 1 / 4.345, "day": 1 / 30, "yea": 12.0, "qua": 3.0}
_ORDINAL = ("second", "third", "fourth", "fifth", "sixth")
_MONEY = float("inf")  # a money credit: more than any maximum in months


def _credits(a: Analysis, policy: Policy | None) -> Iterator[Problem]:
    limit = policy.max_credit_months if policy else None
    found: list[tuple[float, int, int, bool]] = []  # (months, start, end, added on top)
    for name, m in _CREDIT.scan(a):
        if (found and m.start() < found[-1][2]) or not promised(a, m.start(), m.end()):
            continue
        g = m.groupdict()
        months = number(g.get("n") or g.get("n_") or "1")
        if g.get("nth"):  # "a third month free": three in all
            months = _ORDINAL.index(g["nth"].lower()) + 2.0
        unit = (g.get("unit") or g.get("u_") or "month").lower()[:3]
        found.append((months * _PER_MONTH.get(unit, 1.0), m.start(), m.end(), name == "another"))
    money = _MONEY_CREDIT.search(a.masked) if (policy is None or limit == 0) else None
    if money and promised(a, money.start(), money.end()):
        found.append((_MONEY, money.start(), money.end(), False))
    base = max((f[0] for f in found if not f[3]), default=0.0)
    why = ("the request has no policy" if policy is None else "policy.max_credit_months is 0"
           if limit == 0 else "policy.max_credit_months is not set")
    for months, start, end, extra in found:
        total = base + months if extra else months
        if (extra and not base) or total <= (limit or 0) + 1e-9:
            continue
        start = clause_start(a, start)
        q = quote(a.text[start:end])
        shown = "a money credit" if total == _MONEY else (
            f"{total:g} month{'s' if total != 1 else ''} of credit")
        if limit:
            unit = "month" if limit == 1 else "months"
            yield Problem((start, end), f"Offers {shown} ({q}) but policy.max_credit_months is "
                          f"{limit}", f"Offer at most {limit} {unit} of credit "
                          f"(policy.max_credit_months): replace {q}.")
        else:
            yield Problem((start, end), f"Offers {shown} ({q}) but {why}",
                          f"Offer no credit ({why}): remove {q} and offer help the policy allows.")


# ---- hand-offs ----------------------------------------------------------------------------
_NP = (  # a team or role: "our legal team", "a billing specialist", "Casey from security"
    r"(?P<np>(?:(?:[a-z]+\s+)?(?:from|in|on)\s+)?(?:(?:our|my|the|a|an|one\s+of\s+(?:our|the|my))"
    r"\s+)?(?:(?!(?:and|but|or|so|then|if|we|you|they|us|it|this|that|to|dm|the|an?|our|my)\s)"
    r"[a-z][a-z&'’-]*\s+){0,3}(?:team|department|dept|desk|unit|group|specialists?|supervisors?"
    r"|managers?|lead|leaders?|engineers?|engineering|technicians?|experts?|agents?"
    r"|representatives?|reps?|advisors?|advisers?|officers?|counsel|lawyers?|attorneys?"
    r"|investigators?|adjusters?|boss|colleagues?|staff|crew|legal|billing|finance|accounts"
    r"|security|compliance|sales|returns|logistics|support|operations|ops|directors?|executives?"
    r"|ceo|cto|cfo|coo|founders?|owner)(?![\w'’-]))"
)
_CASE = (r"(?:you|this|it|that|(?:your|the)\s+(?:case|ticket|complaint|claim|request|account|issue"
         r"|call|chat|file|matter|query|dispute|concern|details|information|notes))")
_CONTACT = (r"(?:call|contact|e-?mail|reach\s+out|get\s+in\s+touch|be\s+in\s+touch|get\s+back"
            r"|follow\s+up|take\s+over|pick\s+(?:this|it)\s+up|take\s+it\s+from\s+here|dm|message"
            r"|ring|phone|join)")
_HANDOFF = (
    Triggered()
    .add("to", "transfer transferring transferred transfers hand handing handed pass passing "
         "passed send sending sent forward forwarding forwarded escalate escalating escalated "
         "refer referring referred assign assigning assigned route routing routed",
         rf"(?:transferr?\w*|hand\w*|pass\w*|send\w*|sent|forward\w*|escalat\w*|refer\w*|assign\w*"
         rf"|rout\w*)\s+(?:{_CASE}\s+)?(?:(?:over|on|along|up|off|back|straight|directly|right)"
         rf"\s+){{0,2}}to\s+{_NP}")
    .add("with", "put putting connect connecting connected speak speaking talk talking hear call "
         "callback loop looping looped bring bringing brings brought engage engaging engaged "
         "involve involving book booking booked arrange arranging arranged raise raising raised "
         "flag flagging flagged",
         r"(?:put(?:ting)?\s+you\s+through\s+to|connect\w*\s+you\s+(?:directly\s+)?(?:with|to)"
         r"|put(?:ting)?\s+(?:this|it|your\s+\w+)\s+in\s+front\s+of|(?:speak|talk)(?:ing)?\s+"
         r"(?:directly\s+)?(?:with|to)|(?:hear|call|callback)\s+from|loop\w*\s+in|bring\w*\s+in"
         r"|brought\s+in|engag\w*|involv\w*|(?:book|arrang)\w*\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?"
         r"(?:visit|call|callback|appointment|session|meeting|check)\s+with|rais\w*\s+(?:this|it"
         r"|your\s+\w+)\s+with|flag\w*\s+(?:this|it|your\s+(?:case|issue|complaint|ticket))\s+"
         rf"(?:to|with|for))\s+{_NP}")
    .add("have", "have has had get got getting",
         rf"(?:ha(?:ve|s|d)|get|got|getting)\s+{_NP}\s+(?:to\s+)?(?:{_CONTACT}|look|review|handle"
         r"|approve|help|check|investigate|involved|on\s+the\s+(?:line|phone|call))\b")
    .add("ask", "ask asks asking asked", rf"ask\w*\s+{_NP}\s+to\s+[a-z]")
    .add("subject", "will shall can going",  # "our legal team will call you": read back
         rf"(?:will|shall|can|going\s+to)\s+(?:\w+\s+)?{_CONTACT}\b")
)
_NP_BEFORE = re.compile(_NP + r"\s+(?:is\s+|are\s+)?", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]")
_THEY_ASKED = re.compile(r"\b(?:you|they|he|she)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AND_NP = re.compile(r"\s*(?:,|and|or)\s+(?:also\s+)?" + _NP, re.IGNORECASE)


def _handoffs(a: Analysis, policy: Policy | None) -> Iterator[Problem]:
    targets = list(policy.escalation_targets) if policy else []
    listed = ", ".join(targets)
    why = "the request has no policy" if policy is None else "policy.escalation_targets is empty"
    seen: set[int] = set()
    for name, cue in _HANDOFF.scan(a):
        m: re.Match[str] | None = cue
        if name == "ask" and _THEY_ASKED.search(a.masked, max(0, cue.start() - 20), cue.start()):
            continue  # "you asked our team to call": not our hand-off
        if name == "subject":  # the team is the subject: try the last few words before "will"
            lo = max(a.sentences[max(a.sentence_index(cue.start()), 0)].start, cue.start() - 80)
            starts = [w.start() + lo for w in _WORD.finditer(a.masked[lo : cue.start()])][-7:]
            m = next((x for i in starts if (x := _NP_BEFORE.fullmatch(a.masked, i, cue.start()))),
                     None)
        phrases = [m] if m else []
        while phrases and (more := _AND_NP.match(a.masked, phrases[-1].end("np"))):
            phrases.append(more)  # "our integration engineer and our account manager"
        for p in phrases:
            start, end = p.span("np")
            team = a.masked[start:end]
            if start in seen or unnamed(team) or not promised(a, phrases[0].start(), end, True):
                continue
            seen.add(start)
            if any(target_matches(team, t) for t in targets):
                continue
            span = (min(phrases[0].start(), start), end)
            q = quote(a.text[span[0] : span[1]])
            if targets:
                yield Problem(span, f"Hands off to {quote(team)} ({q}), which is not in policy."
                              f"escalation_targets ({listed})",
                              f"Hand off only to: {listed} (policy.escalation_targets). Replace "
                              f"{quote(team)} with one of them, or say what you will do yourself.")
            else:
                yield Problem(span, f"Hands off to {quote(team)} ({q}) but {why}",
                              f"Remove the hand-off {q} ({why}): say what you will do yourself, "
                              "with a time frame.")
