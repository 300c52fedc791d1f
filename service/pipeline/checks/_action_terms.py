"""The words `_agent_actions` reads verb phrases with (see there for how they are used)."""

from __future__ import annotations

from service.pipeline.text import DETERMINERS, IRREGULAR_PARTICIPLES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms(bases: str) -> frozenset[str]:
    """Each verb with its -s, -ed, -ing forms (regular spelling; irregular forms listed apart)."""
    out: set[str] = set()
    for b in bases.split():
        stem = b[:-1] if b.endswith("e") and not b.endswith("ee") else b
        out |= {b, b + "s", stem + "ed", stem + "ing"}
        if b.endswith("y") and b[-2] not in "aeiou":
            out |= {b[:-1] + "ies", b[:-1] + "ied"}
    return frozenset(out)


# States, feelings, perceptions, wishes and advice to the customer: not something we do.
NOT_ACTIONS = _forms(
    "feel see hear understand know think hope wish imagine wonder believe want need like love "
    "hate mean guess suppose assume agree admit realize realise recognize recognise appreciate "
    "acknowledge expect worry regret remember forget apologize apologise thank notice miss fail "
    "wait experience face struggle suffer seem sound bet doubt trust owe deserve recommend suggest "
    "advise encourage urge invite say tell mention explain state read help assist support "
    "receive learn value prefer care promise hold keep stick continue remain"
) | _words(
    "be am is are was were been being felt saw seen heard understood knew known thought meant "
    "forgot forgotten said told read hoping dropped messed mixed misread misunderstood "
    "overlooked neglected delayed slipped got gotten willing nothing something anything "
    "everything during morning evening thing bring sorry afraid here there aware sure on with "
    "used according including regarding concerning outstanding amazing interesting frustrating "
    "disappointing confusing annoying upsetting worrying"
)
# Words that may sit between the subject and its verb without changing what the phrase means.
ADVERBS = _words(
    "just already also now personally immediately quickly then first gladly definitely "
    "certainly actually currently actively still right ahead straight away proactively "
    "absolutely happily really even manually myself ourselves again both all today so"
)
LY_VERBS = _words("apply reply supply rely fly ally")
NOT_A_VERB = DETERMINERS | _words(
    "to for with on in at from of by about into over and or but if not it me him her us them my "
    "our their his its here there what how why when"
)
MODALS = _words("can could would may might must should")
INTENT = _words("need want like love plan aim intend try promise decided hope expect")
FUTURE_INTENT = _words("plan aim intend promise hope expect")  # "we hope to have ..."
PERFECT_LIGHT = _words("look word chat call")  # "I've had a look"
IRREGULAR_PAST = _words(
    "sent resent ran reran gave took wrote spoke held dug rebuilt found brought put set reset "
    "made paid kept left sold built bought cut shut split began"
)
PARTICIPLES = IRREGULAR_PARTICIPLES | IRREGULAR_PAST | _words(
    "built bought cut shut split begun chosen frozen unfrozen drawn withdrawn shown spent sold "
    "hung stuck won taken given written spoken"
)
ADMITTED = _words("wrong incorrect mistaken mistakenly accidentally")
# "I'm writing to let you know", "I'm calling about your order": why we write, not an action.
FORMULA = _words("to about because regarding re following")
FORMULA_CALLS = _words("writing calling emailing messaging contacting reaching texting ringing")
SUBJECT = (
    r"\b(?:(?:I|we)(?:['’](?P<c>ll|ve|m|d|re))?|let(?:\s+(?:me|us)|['’]s)"
    r"|(?:our|my)\s+(?:[a-z-]+\s+){0,2}?(?:team|engineers?|specialists?|supervisor|manager"
    r"|colleagues?|warehouse|technicians?|lead|department|staff|courier)"
    r"|someone(?:\s+from\s+(?:our|the|my)\s+[a-z]+(?:\s+team)?)?|somebody"
    r"|(?:an?|the)\s+(?:[a-z-]+\s+)?(?:specialist|supervisor|technician|engineer|colleague"
    r"|manager|team|courier|driver|agent|advisor|adviser|carrier|adjuster)"
    r"|engineering|billing|finance|dispatch)"  # "Engineering will have a fix by ..."
    r"(?![\w'’])"
)
# "I'll have a firm date for you", "our supervisor is getting a date from the carrier"
RESULT_NOUNS = _words(
    "update answer replacement refund credit fix callback reply label news response decision "
    "confirmation results date slot quote estimate options plan"
)
PASSIVE = (  # "your refund has been issued", "a replacement is on its way"
    r"\b(?:ha(?:s|ve)|(?:it|that|this|everything|all)['’]s)\s+(?:just\s+|now\s+|already\s+"
    r"|also\s+)?been\s+"
    r"(?P<verb>[a-z-]+)|\b(?:is|are)\s+being\s+(?P<being>[a-z-]+)"
    r"|\b(?:is|are)\s+(?:already\s+)?on\s+(?:its|their)\s+way\b"
    # a fix stated as done: "the duplicate charge is reversed as of today", "the fee is waived"
    r"|\b(?:is|are)\s+now\s+with\s+(?:our|the|a)\s+(?:[a-z-]+\s+){0,2}?(?P<with>team|specialist"
    r"|supervisor|manager|engineers?|desk|department)\b"  # "your request is now with our team"
    r"|\b(?:(?:is|are)\s+(?:now\s+|already\s+|all\s+)?|(?:was|were)\s+(?:just\s+)?)"
    r"(?P<done>reversed|refunded|credited|fixed"
    r"|resolved|restored|reinstated|unlocked|unblocked|reactivated|re-enabled|booked|rebooked"
    r"|rescheduled|processed|approved|waived|replaced|reshipped|dispatched|shipped|corrected"
    r"|switched\s+on|turned\s+on|lifted|cleared|escalated|applied|issued|arranged|removed"
    r"|sorted)\b(?!\s+(?:by\s+(?:the|your|mistake)|because|when|if|in\s+error|wrongly"
    r"|incorrectly|accidentally)\b)"
)
COORDINATED = (  # "... and have issued a refund": a verb sharing an earlier subject
    r"\band\s+(?P<aux>(?:(?:have|has|will|shall|am|are|then|also|already|just|now|personally"
    r"|immediately)\s+){0,2})(?P<verb>[a-z-]+)"
)
HANDOVER = (  # "here's the right link", "here is your new label": handing it over now
    r"\bhere(?:['’]s|\s+is|\s+are)\s+(?:the|your|a|an)\s+(?:(?:right|correct|new|updated|fresh"
    r"|working|corrected|reset|prepaid|return|returns)\s+(?:[a-z-]+\s+)?(?:link|file|code|one|form"
    r"|copy|invoice|number|label|password|export|report)|(?:[a-z-]+\s+)?(?:voucher|refund|credit"
    r"|label|code|password|replacement|tracking\s+number))s?\b"
    # a plan announced: "Here's what I'll do: 1) rerun it in CSV now, ..."
    r"|\bhere['’]s\s+what\s+(?:I|we)(?:['’](?:ll|m|ve|re)|\s+(?:will|am|are|have|can))\s+"
    r"(?:going\s+to\s+)?(?P<plan>do|doing|done)\b"
)
