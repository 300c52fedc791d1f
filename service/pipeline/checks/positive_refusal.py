"""`positive-refusal`: every "can't / unable / not possible / not allowed" is followed by what can
be done.

Rule (contract, "Check ids"): when the agent refuses or states a limit -- "I can't", "we cannot",
"I'm unable to", "I'm not able to", "we won't be able to", "it's not possible", "that isn't
allowed", "a full refund isn't available", "your order isn't eligible", "we don't offer", "we no
longer offer", "our policy doesn't permit", "there's no way for me to", "not something I can do",
"I'm not authorized to" -- the same sentence or one of the next two must say what CAN be done:
"here's what I can do", "instead", "I can credit", "you can still", "I'll set that up", "let me
get my supervisor", an option or alternative, a workaround, a choice ("would you like ..."), or a
concrete next step for the customer ("could you send me the order number", "please DM us").
A refusal that ends the draft, or is followed only by explanation, apology, a link to the terms
or "let me know if you have questions", fails.

Not a refusal: idioms ("I can't wait to help", "I can't thank you enough", "can't stress that
enough", "I can't imagine how frustrating", "you can't go wrong", "can't say I blame you", "I
can't see why not"), conditionals ("if we can't fix it by Friday, I'll ..."), the customer's
problem described back ("you mentioned you can't log in", "you can't log in because the link
expired", "the app can't connect"), and the customer's words in quotation marks. "You can't ..."
is our limit only after "unfortunately / I'm afraid / sadly / but / however"; "you're not
eligible / not allowed" always is. A status such as "I'm unable to reproduce the bug yet" is a
limit too: it passes when a next step follows ("..., so I'm setting up a test account").

Source: seed 002 "Effective De-Escalation Techniques" -- "Use Positive Language" ("instead of
saying 'I can't do that,' try saying 'Here's what I can do to assist you.'"), "Offer Solutions
and Alternatives", and the FAQ "What is the best way to say no when I can't meet a customer's
request?" ("rather than saying 'I can't offer you a full refund,' ... 'Here are the options I
have available to help resolve this for you.'").
"""

from __future__ import annotations

import re

from service.pipeline.checks.apology_action import agent_actions
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, clause_end, quote
from service.schemas import CheckResult

CHECK_ID = "positive-refusal"

_NEG = r"(?:not|never|\w+n['’]t)"
# "I can", "we could", "I'm able", "we are able"
_WE_CAN = r"(?:I|we)(?:\s+(?:can|could)|(?:\s+(?:am|are)|['’](?:m|re))\s+able)"
_CORES = Triggered()
_CORES.add("cant", "can cannot", r"(?:can['’]t|can\s+not|cannot)\b")
_CORES.add("unable", "unable", r"unable\b")
_CORES.add("unable", "not never *n't", rf"{_NEG}\s+(?:(?:be|been|currently|yet)\s+)?able\s+to\b")
_CORES.add(
    "limit",
    "not *n't",
    rf"{_NEG}\s+(?:(?:currently|really|actually|always|yet|technically)\s+)?"
    r"(?:possible|allowed|permitted|authori[sz]ed|eligible|available|covered|an\s+option|offered"
    r"|accepted|supported|refundable|returnable|transferable|included"
    rf"|in\s+a\s+position\s+to|something\s+{_WE_CAN})\b",
)
_CORES.add("limit", "impossible unavailable ineligible", r"(?:impossible|unavailable|ineligible)\b")
_CORES.add(
    "offer",
    "do *n't no",
    r"(?:don['’]t|do\s+not|no\s+longer)\s+(?:currently\s+)?(?:offer|provide|support|allow|permit"
    r"|accept|issue|ship|sell|carry|stock|refund|cover|honou?r|do\s+(?:refunds|exchanges|returns"
    r"|that))\b",
)
_CORES.add(
    "limit",
    "does *n't",
    r"(?:doesn['’]t|does\s+not|won['’]t|will\s+not)\s+(?:allow|permit|cover|support|include"
    r"|let)\s+(?:me|us)\b|(?:doesn['’]t|does\s+not)\s+(?:allow|permit|cover|support|include)\b",
)
# "that's a no", "I'll have to decline", "we must say no"
_CORES.add(
    "limit",
    "that's it's answer have must need going",
    r"(?:(?:that|it)['’]s|answer\s+is)\s+(?:a\s+)?(?:firm\s+|hard\s+)?no\b(?!\s+(?:problem|worries))"
    r"|(?:(?:have|need|going)\s+to|must)\s+(?:(?:have\s+to|respectfully)\s+)?(?:decline|refuse"
    r"|say\s+no)\b",
)
_CORES.add(
    "limit",
    "no",
    r"no\s+(?:way\s+(?:for\s+(?:me|us)\s+to|(?:I|we)\s+can|to)"
    r"|longer\s+(?:available|possible|supported|in\s+stock|an\s+option))\b",
)

# "can't wait", "can't thank you enough", "can't say I blame you", "can't see why not" ...
_IDIOM_AFTER = re.compile(
    r"\s+(?:(?:wait|imagine|believe|thank|stress|emphasi[sz]e|overstate|overemphasi[sz]e|blame"
    r"|agree|complain|miss|fault|begin\s+to|help\s+but|go\s+wrong|tell\s+you\s+how|express"
    r"|apologi[sz]e\s+enough|say\s+(?:I|we)\s+blame|see\s+(?:any\s+reason\s+)?why\s+not)\b"
    r"|(?:\w+\s+){1,4}?enough\b)",
    re.IGNORECASE,
)
_PASSIVE_AFTER = re.compile(r"\s+(?:\w+\s+)?be\s+[a-z]+", re.IGNORECASE)
_SUBJECT = re.compile(
    r"\b(I|we|me|us|you|it|that|this|which|there|they|he|she)(?:['’](?:m|re|s|ve|ll|d))?\b",
    re.IGNORECASE,
)
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether|in\s+case|why|no\s+reason)\b", re.IGNORECASE)
_MARKER = re.compile(r"\b(?:unfortunately|afraid|sadly|regrettably|but|however)\b", re.IGNORECASE)
# "I see / you mentioned / it looks like the export isn't available": the customer's problem.
_FRAME = re.compile(
    r"\b(?:see|saw|hear|heard|notic(?:e|ed|es)|mention(?:ed|s)?|sa(?:y|ys|id)|told|wrote"
    r"|report(?:ed|s)?|understand|realis(?:e|ed)|realiz(?:e|ed)|looks\s+like|seems?|appears?"
    r"|get\s+(?:that|it))\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"[\s,]*(?:(?:unfortunately|sadly|regrettably|however|but|and|so|also|okay|ok|right|sorry"
    r"|I['’]m\s+afraid)\b[\s,!—–-]*)*",
    re.IGNORECASE,
)
_YOU_FRAME = re.compile(r"\bsorry\b|\bsince\b|\bbecause\b|\bwhy\b", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"(?:can|could|would|will|is|are|do|does|did|why|what|how|isn['’]t|aren['’]t|don['’]t)\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:—–(]")

# What can be done: an offer, a choice, an alternative, a next step.
_POSITIVE = re.compile(
    rf"\bwhat\s+{_WE_CAN}\b"
    r"|\bhere(?:['’]s|\s+is|\s+are)\s+(?:what|how|(?:\w+\s+)?(?:options?|alternatives?|ways?"
    r"|choices?|steps?))\b"
    r"|\binstead\b|\balternatives?\b|\balternatively\b|\boptions?\b|\bworkaround\b"
    r"|\bin\s+the\s+meantime\b|\bthe\s+best\s+(?:I|we)\s+can\b"
    r"|\b(?:I|we)\s+(?:can|could)(?!['’]t|\s+not\b|\s+(?:only\s+)?(?:imagine|understand|see|hear"
    r"|tell|appreciate|assure|confirm|promise)\b)"
    r"|\byou\s+(?:can|could)(?!['’]t|\s+not\b|\s+(?:imagine|understand|see\s+why)\b)\s+\w+"
    r"|\b(?:would|do)\s+you\s+(?:like|want|prefer)\b|\bif\s+you(?:['’]d\s+(?:like|prefer)|\s+(?:"
    r"ask|send|reply|give|tell|share|want|prefer|let\s+me|forward|upload|email|call|dm"
    r"|message|choose|pick|switch|try)\b)"
    r"|\byou(?:['’]ll|\s+will)\s+(?:still\s+|also\s+)?(?:be\s+able\s+to|find|get|receive|see)\b"
    r"|\b(?:is|are)\s+(?:still\s+|also\s+)?available\s+(?:on|in|for|from|via|through|as|at)\b"
    r"|\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:double-|re-?)?(?:send|tell|confirm|reply"
    r"|share|give|forward|check|try|dm|message|upload|provide|choose|pick)\b"
    r"|\bplease\s+(?:dm|send|reply|message|email|call|try|share|forward|upload|provide"
    r"|choose|pick)\b|\b(?:shall|should)\s+I\b|\bwhich\s+would\s+you\b"
    r"|\blet(?:['’]s|\s+(?:me|us))\s+(?!know\b)\w+"
    r"|\b(?:I|we)(?:['’]ll|\s+will)\s+(?!not\b|never\b|be\b|have\s+to\b|let\s+you\b|keep\s+you\b)"
    r"\w+"
    r"|\b(?:I|we)(?:['’]m|\s+am|['’]re|\s+are)\s+(?:now\s+|also\s+|already\s+)?"
    r"(?!hoping|wondering|writing|afraid|sorry)[a-z]{3,}ing\b",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(?:because|since|as\s+(?:it|they|the|your|this|that|we)|given\s+that|due\s+to)\b",
    re.IGNORECASE,
)
_REASON_END = re.compile(
    r"[;—–:]|,\s*(?:I|we|you)\b|\b(?:but|so|however|though|instead|and\s+(?:I|we))\b", re.I
)
# Generic closers are not an offer: "anything else I can help with?", "let me know", "feel free".
_CLOSER = re.compile(
    r"\banything\s+else\s+(?:that\s+)?(?:I|we)\s+can\b[^.?!\n]*|\blet\s+(?:me|us)\s+know\b"
    r"|\bfeel\s+free\b[^.?!\n]*|\bif\s+you\s+have\s+any\s+(?:other\s+|more\s+|further\s+)?"
    r"questions\b[^.?!\n]*|\b(?:happy|glad)\s+to\s+(?:help|answer)\s+(?:with\s+)?any\w*\b[^.?!\n]*"
    r"|\bdon['’]t\s+hesitate\b[^.?!\n]*|\bhere\s+(?:if|for)\s+you\b",
    re.IGNORECASE,
)
# Past investigation ("I've checked", "I've noted your feedback") is not something we can do.
_NOT_AN_OFFER = frozenset(
    {
        "check",
        "checked",
        "look",
        "looked",
        "review",
        "reviewed",
        "investigated",
        "verified",
        "confirmed",
        "note",
        "noted",
        "documented",
        "logged",
        "read",
        "searched",
        "found",
    }
)


def check(draft: str, ctx: CheckContext) -> CheckResult:
    try:
        bare = find_bare_refusals(analyze(draft))
    except Exception as exc:  # never raise on a bad draft
        return failed(CHECK_ID, f"could not read the draft: {exc}", [], "")
    if not bare:
        return passed(CHECK_ID)
    quotes = [quote(draft[start:end]) for start, end in bare]
    message = "Refusal not followed by what can be done: " + "; ".join(quotes)
    hint = " ".join(
        f"After {q}, add what you can do (e.g. {_suggestion(ctx)}), in the same or the next "
        'sentence: "Here\'s what I can do: ...".'
        for q in dict.fromkeys(quotes)
    )
    return failed(CHECK_ID, message, bare, hint)


# A recap of what the customer told us ("Here's what I've heard. Sign-in asks for your number.
# Your number can't be used for that.") describes their problem; it is not our refusal.
_RECAP_CUE = re.compile(
    r"\b(?:here['’]s\s+what\s+I['’]ve\s+(?:heard|got|understood)|what\s+I['’]m\s+hearing"
    r"|let\s+me\s+(?:summari[sz]e|recap|play\s+(?:that|it)\s+back)|to\s+recap"
    r"|(?:so\s+)?to\s+make\s+sure\s+I\s+(?:have|got|understand)\s+(?:this|it)\s+right)\b",
    re.I,
)
_RECAP_REACH = 3  # sentences after the cue that still belong to the recap


def _in_recap(a: Analysis, idx: int) -> bool:
    first = max(idx - _RECAP_REACH, 0)
    return any(_RECAP_CUE.search(a.sentences[i].text) for i in range(first, idx))


def find_bare_refusals(a: Analysis) -> list[tuple[int, int]]:
    """Spans of agent refusals with nothing that can be done in their sentence or the next two."""
    cores = _CORES.scan(a)
    if not cores:
        return []
    core_spans = [m.span() for _, m in cores]
    bare: list[tuple[int, int]] = []
    last = len(a.sentences) - 1
    for name, m in cores:
        idx = max(a.sentence_index(m.start()), 0)
        if _in_recap(a, idx):
            continue
        span = _refusal_span(a, name, m, idx)
        if span is None or (bare and span[0] < bare[-1][1]):
            continue
        window = (a.sentences[idx].start, a.sentences[min(idx + 2, last)].end)
        if not _offers_something(a, window, core_spans, m.end(), a.sentences[idx].end):
            bare.append(span)
    return bare


def _refusal_span(a: Analysis, name: str, m: re.Match[str], idx: int) -> tuple[int, int] | None:
    """Span (subject .. clause end) when the match is the agent refusing; None otherwise."""
    masked = a.masked
    sentence = a.sentences[idx]
    start, end = m.span()
    if name == "cant" and _IDIOM_AFTER.match(masked, end):
        return None
    sentence_before = masked[sentence.start : start]
    marks = list(_CLAUSE_MARK.finditer(sentence_before))
    clause_start = sentence.start + (marks[-1].end() if marks else 0)
    before = masked[clause_start:start]
    if _CONDITIONAL.search(before):
        return None
    text = masked[sentence.start : sentence.end]
    if text.rstrip().endswith("?") and _QUESTION_START.match(text):
        return None
    subjects = list(_SUBJECT.finditer(before))
    subject = subjects[-1].group(1).lower() if subjects else ""
    if subject == "you":
        if name == "offer" or _FRAME.search(before) or _YOU_FRAME.search(before):
            return None
        if name != "limit" and not _MARKER.search(sentence_before):
            return None
    elif subject not in _FIRST_PERSON and before.strip():
        # third person: "it's not possible", "refunds aren't available", "the code can't be
        # applied" are limits; "the app can't connect", "the courier was unable to" are problems
        if _FRAME.search(before):
            return None
        if name == "unable" or (name == "cant" and not _PASSIVE_AFTER.match(masked, end)):
            return None
    if subjects:
        span_start = clause_start + subjects[-1].start()
    else:  # "Phone support is not available": the clause, less "unfortunately, but, so ..."
        lead = _LEAD.match(masked, clause_start, start)
        span_start = lead.end() if lead else clause_start
    return span_start, clause_end(masked, end, sentence.end)


def _offers_something(
    a: Analysis,
    window: tuple[int, int],
    core_spans: list[tuple[int, int]],
    core_end: int,
    sentence_end: int,
) -> bool:
    """Is something that can be done said in ``window``, outside refusals and their reasons?"""
    masked = a.masked
    lo, hi = window
    ignored = list(core_spans) + [m.span() for m in _CLOSER.finditer(masked, lo, hi)]
    # "I can't cancel it because it has already been shipped": the reason is no offer.
    first_stop = _REASON_END.search(masked, core_end, sentence_end)
    clause_stop = first_stop.start() if first_stop else sentence_end
    reason = _REASON.search(masked, core_end, clause_stop)
    if reason is not None:
        stop = _REASON_END.search(masked, reason.end(), sentence_end)
        ignored.append((reason.start(), stop.start() if stop else sentence_end))
    for m in _POSITIVE.finditer(masked, lo, hi):
        if not any(s < m.end() and m.start() < e for s, e in ignored):
            return True
    for act in agent_actions(a.text):
        if not lo <= act.start < hi or act.communication:
            continue
        if any(s <= act.start < e for s, e in ignored):
            continue
        if act.verb in _NOT_AN_OFFER and not act.future:
            continue  # "I've checked", "I've noted your feedback"
        if masked.startswith("and", act.start) and not act.future:
            continue  # "... and handed to the courier": a report, not an offer
        return True
    return False


def _suggestion(ctx: CheckContext) -> str:
    options: list[str] = []
    policy = ctx.policy
    if policy is not None and policy.max_credit_months:
        months = policy.max_credit_months
        options.append(f"a credit of up to {months} month{'s' if months != 1 else ''}")
    workaround = next((f for f in ctx.facts if f.lower().startswith("workaround")), None)
    if workaround:
        options.append(f"the workaround ({workaround.split(':', 1)[-1].strip()})")
    if policy is not None and policy.escalation_targets:
        options.append(f"a hand-off to a {policy.escalation_targets[0]}")
    if not options:
        options = ["an alternative you can offer", "the next step you will take and when"]
    return ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
