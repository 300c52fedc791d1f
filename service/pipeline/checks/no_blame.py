"""`no-blame`: nothing blames, corrects or dismisses the customer.

Rule (contract, "Check ids"): fails on blame ("you should have", "you failed to", "you forgot
to", "your fault", "user error", "you didn't read", "if you had read", "you must have entered"),
reminders that the customer was already told ("as I already said", "per my last email", "as
previously stated", "like I told you"), dismissal ("calm down", "relax", "you need to understand",
"obviously") and corrections or deflection ("you're wrong", "it's not our fault"). Each offending
phrase is reported as a span.

Passes: empathy and negation ("you shouldn't have had to wait", "you should not have to chase
us", "nobody should have to", "it's not your fault", "you must have been so frustrated"),
expectations about our own system ("you should have received an email from us", "you should have
been notified"), and the customer's words quoted back ("You said 'calm down' was what you were
told -- that's not OK").

Source: seed 000 "Calm the Storm" -- "Resetting Expectations Without Blame" and the apology arc
"reducing the urge to rehash blame"; seed 002 "Effective De-Escalation Techniques" -- "Use
Positive Language" ("Avoiding negative or confrontational language") and "Stay Calm and Composed".
"""

from __future__ import annotations

import re

from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quote
from service.schemas import CheckResult

CHECK_ID = "no-blame"

_AUX_WORDS = frozenset(
    {"just", "really", "probably", "already", "definitely", "simply", "clearly", "obviously",
     "never", "only"}
)
_AUX = rf"(?:(?:{'|'.join(sorted(_AUX_WORDS))})\s+)?"
_PATTERNS: dict[str, str] = {
    # blame: what the customer did wrong
    "should_have": rf"\byou\s+should(?:['’]ve|\s+{_AUX}have)\s+{_AUX}[a-z]+(?:\s+[a-z]+)?",
    "should_read": r"\byou\s+should\s+(?:(?:really|probably|just)\s+)?(?:read|know\s+better"
    r"|have\s+known|learn|pay\s+(?:more\s+)?attention|be\s+more\s+careful)\b",
    "failed_to": r"\byou\s+(?:failed|forgot|neglected)\s+to\b",
    "didnt": r"\byou\s+(?:didn['’]t|did\s+not|never)\s+(?:bother\s+to\s+)?(?:read|follow|check"
    r"|listen|pay\s+attention|notice|include|attach|provide|save|back\s+up|get\s+my)\b",
    "fault": r"\byour\s+(?:own\s+)?(?:fault|mistake|error)\b|\b(?:user|operator)\s+error\b"
    r"|\byou\s+made\s+(?:a|an|the)\s+(?:\w+\s+)?(?:mistake|error)\b",
    "if_you_had": r"\b(?:if\s+you(?:['’]d|\s+had)|had\s+you)\s+(?:just\s+|only\s+)?(?:read|followed"
    r"|checked|listened|paid|looked|updated|contacted|saved|clicked|waited|used|installed|backed"
    r"|asked|included|attached|entered|provided)\b",
    "must_have": r"\byou\s+must\s+have\s+[a-z]+",
    "wrong_thing": r"\byou\s+(?:\w+\s+)?(?:entered|typed|used|selected|chose|picked|clicked|gave"
    r"|put|sent|ordered|bought)\s+(?:in\s+)?(?:the|a)\s+wrong\b",
    "your_end": r"\b(?:problem|issue|error|fault)\s+is\s+on\s+your\s+(?:end|side)\b",
    # repeat: reminding the customer they were told
    "as_i_said": r"\b(?:as|like)\s+I(?:['’]ve|\s+have)?\s+(?:already\s+|previously\s+|just\s+"
    r"|clearly\s+)?(?:said|mentioned|explained|stated|noted|told\s+you|pointed\s+out|wrote"
    r"|informed\s+you|advised)\b",
    "as_stated": r"\bas\s+(?:previously|already|was)\s+(?:stated|mentioned|explained|noted|said"
    r"|advised|discussed)\b|\bas\s+(?:stated|mentioned|explained|noted|advised|discussed)\s+"
    r"(?:before|earlier|previously|above|already)\b",
    "per_my": r"\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier)\s+(?:e-?mail|message|reply"
    r"|response|note)\b",
    "did_you_read": r"\bdid\s+you\s+(?:even\s+)?(?:read|see|get|check)\s+(?:my|our)\s+(?:last"
    r"|previous|earlier)\b",
    "already_told": r"\bI(?:['’]ve|\s+have)?\s+already\s+(?:told\s+you|explained|said|answered)\b",
    # dismiss: waving the customer's feelings away
    "calm_down": r"\bcalm\s+down\b",
    "relax": r"\b(?:(?:please|just|try\s+to|need\s+to|must)\s+)?relax\b",
    "understand": r"\byou\s+(?:need|have|must|['’]ve\s+got|got)\s+to\s+(?:understand|realise"
    r"|realize|calm|relax|listen|pay\s+attention)\b",
    "obviously": r"\bobviously\b|\bclearly\s+you\b|\byou\s+clearly\b"
    r"|\bas\s+you\s+(?:should|ought\s+to)\s+know\b",
    # correct / deflect
    "wrong": r"\byou(?:['’]re|\s+are)\s+(?:simply\s+|just\s+)?(?:wrong|mistaken|incorrect)\b"
    r"|\byou(?:['’]ve|\s+have)?\s+got\s+it\s+wrong\b",
    "not_our_fault": r"(?:not|\w*n['’]t|never)\s+(?:really\s+|exactly\s+)?our\s+(?:fault|problem"
    r"|responsibility)\b",
}
_KIND = {
    **dict.fromkeys(("should_have", "should_read", "failed_to", "didnt", "fault", "if_you_had",
                     "must_have", "wrong_thing", "your_end"), "blame"),
    **dict.fromkeys(("as_i_said", "as_stated", "per_my", "did_you_read", "already_told"), "repeat"),
    **dict.fromkeys(("calm_down", "relax", "understand", "obviously"), "dismiss"),
    "wrong": "correct",
    "not_our_fault": "deflect",
}
_FIRST_WORDS = {
    "should_have": "you", "should_read": "you", "failed_to": "you", "didnt": "you",
    "fault": "your user operator you", "if_you_had": "if had", "must_have": "you",
    "wrong_thing": "you", "your_end": "problem issue error fault", "as_i_said": "as like",
    "as_stated": "as", "per_my": "as per", "did_you_read": "did", "already_told": "i",
    "calm_down": "calm", "relax": "please just try need must relax", "understand": "you",
    "obviously": "obviously clearly you as", "wrong": "you", "not_our_fault": "not never *n't",
}
_ALL = Triggered()
for _name, _rx in _PATTERNS.items():
    _ALL.add(_name, _FIRST_WORDS[_name], _rx)
# "it's not your fault", "I won't tell you to calm down": negation in front clears these.
_NEGATED = {"fault", "calm_down", "relax", "didnt"}
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|none|nothing|nobody|neither|nor|without)\b|n['’]t\b)[^.;:—–]{0,30}$",
    re.IGNORECASE,
)
# "you should have received/been notified": an expectation about our system, not blame.
_OUR_SYSTEM = frozenset({"received", "gotten", "got", "had", "heard"})
_OUR_PASSIVE = frozenset(
    {"notified", "told", "informed", "refunded", "contacted", "sent", "given", "offered", "charged",
     "credited", "called", "emailed", "e-mailed", "warned", "asked", "updated", "helped", "kept",
     "shown", "billed", "put", "treated", "left", "able", "transferred", "connected"}
)
_IRREGULAR = frozenset(
    {"read", "known", "done", "seen", "told", "sent", "gone", "paid", "made", "taken", "written",
     "put", "set", "kept", "left", "bought", "brought", "thought", "chosen", "run", "split",
     "spent", "found", "given", "understood", "cut", "let", "heard", "been", "had", "got"}
)
# "you must have been so frustrated", "you must have spent hours on this": empathy.
_MUST_HAVE_BLAME = frozenset(
    {"entered", "typed", "missed", "misread", "misunderstood", "forgotten", "forgot", "deleted",
     "clicked", "selected", "chosen", "picked", "ignored", "overlooked", "skipped", "confused",
     "mixed", "mistyped", "pressed", "disabled", "changed", "used", "done", "made", "put", "set",
     "turned", "installed", "uploaded", "removed", "cancelled", "canceled", "closed", "received",
     "seen", "read", "unsubscribed", "misplaced", "broken", "dropped"}
)
_RELAX_LEAD = re.compile(r"[\s,]*(?:(?:so|ok(?:ay)?|now|hey|look|and|but)[\s,]+)*", re.I)
_RELAX_OK = re.compile(r"\b(?:can|could|will|['’]ll|able\s+to|so\s+you)\s+(?:now\s+)?$", re.I)

_MESSAGES = {
    "blame": "Blames the customer",
    "repeat": "Reminds the customer they were already told",
    "dismiss": "Dismisses the customer",
    "correct": "Tells the customer they are wrong",
    "deflect": "Deflects responsibility",
}
_HINTS = {
    "blame": "Remove {q}: don't tell the customer what they did wrong. Say what happens next, in "
    "first person (e.g. \"Let's get this working: I'll walk you through it now.\").",
    "repeat": "Remove {q} and restate the information plainly, as if for the first time.",
    "dismiss": "Remove {q}: acknowledge the feeling instead (e.g. \"I can hear how frustrating "
    "this has been.\") and move to the next step.",
    "correct": "Replace {q} with a neutral explanation of what happened (e.g. \"Here's what that "
    "charge is for: ...\").",
    "deflect": "Replace {q} with ownership of the next step (e.g. \"Here's what I'm doing to get "
    "this fixed: ...\").",
}


def check(draft: str, ctx: CheckContext) -> CheckResult:
    offences = find_offences(analyze(draft))
    if not offences:
        return passed(CHECK_ID)
    messages, hints, spans = [], [], []
    for kind, (start, end) in offences:
        q = quote(draft[start:end])
        messages.append(f"{_MESSAGES[kind]}: {q}")
        hints.append(_HINTS[kind].format(q=q))
        spans.append((start, end))
    return failed(CHECK_ID, "; ".join(messages), spans, " ".join(dict.fromkeys(hints)))


def find_offences(a: Analysis) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) for each blaming/dismissive phrase outside quotes, in draft order."""
    masked = a.masked
    found: list[tuple[str, tuple[int, int]]] = []
    for name, m in _ALL.scan(a):
        start, end = m.span()
        if found and start < found[-1][1][1]:
            continue  # inside a phrase already reported ("please relax" / "relax")
        sentence = a.sentences[max(a.sentence_index(start), 0)]
        before = masked[max(sentence.start, start - 60) : start]
        if name in _NEGATED and _NEGATION_BEFORE.search(before):
            continue
        if name == "should_have":
            phrase_end = _should_have_end(m.group())
            if phrase_end is None:
                continue
            end = start + phrase_end
        elif (name == "must_have" and m.group().split()[-1].lower() not in _MUST_HAVE_BLAME) or (
            name == "relax" and _relax_ok(m.group(), before, masked[sentence.start : start])
        ):
            continue
        found.append((_KIND[name], (start, end)))
    return found


def _should_have_end(phrase: str) -> int | None:
    """End of "you should have <participle>" if it blames; None for empathy or our system."""
    words = [w.lower().replace("’", "'") for w in phrase.split()]
    after = next(i for i, w in enumerate(words) if w in ("have", "should've")) + 1
    tail = [w for w in words[after:] if w not in _AUX_WORDS]
    if not tail:
        return None
    verb = tail[0]
    if verb in _OUR_SYSTEM or not (verb.endswith(("ed", "en", "wn")) or verb in _IRREGULAR):
        return None
    if verb == "been" and (len(tail) < 2 or tail[1] in _OUR_PASSIVE):
        return None
    last = tail[1] if verb == "been" else verb
    return phrase.lower().rfind(last) + len(last)



def _relax_ok(phrase: str, before: str, sentence_before: str) -> bool:
    """'Relax' is dismissive as an order ("Relax, ...", "please relax"), not in "you can relax"."""
    if phrase.lower() != "relax":  # "please relax", "just relax", "try to relax"
        return False
    if _RELAX_OK.search(before):  # "you can relax now"
        return True
    return not _RELAX_LEAD.fullmatch(sentence_before)  # an order opens its sentence
