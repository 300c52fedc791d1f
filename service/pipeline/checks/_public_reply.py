"""What a public (social) reply must not show, and whether it moves to a private channel.

Used by `channel_fit` for the ``social`` channel; see its docstring for the rules. For speed,
ids, card endings, amounts, addresses and phone numbers (all of which contain a digit) are only
looked for in windows around the draft's digits, and e-mail addresses only when there is an "@";
the word-led rules run through `text.Triggered`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.pipeline.text import Analysis, Triggered, analyze, quote

Problem = tuple[str, tuple[int, int], str]

_HINT = (
    "Remove {q} from the public reply: no ids, amounts, contact or account details in public. "
    "Ask for them in a direct message instead."
)
_DIGIT_RUN = re.compile(r"\d+")
_BEFORE, _AFTER = 45, 30  # window around each run of digits
_UNSAFE = {
    "an id": re.compile(
        r"#\s?\d{3,}\b|(?<![\d,.:])\d{5,}(?![\d,.:])|\b(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{5,}\b"
        r"|\b[A-Z]{2,5}-\d{3,}\b|\b(?i:order|ticket|case|account|acct|booking|reservation"
        r"|reference|ref|confirmation|invoice|tracking|membership|claim|subscription)\s*"
        r"(?i:no\.?|number|num|#|id|code)?\s*[:#]?\s*(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,}"
        r"\b"
    ),
    "a card number": re.compile(
        r"\b(?:ending|ends)\s+(?:in\s+|with\s+)?\d{4}\b|\blast\s+(?:4|four)\s+(?:digits\s+)?"
        r"(?:are\s+|of\s+\w+\s+)?\d{4}\b",
        re.IGNORECASE,
    ),
    "an amount": re.compile(
        r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CAD|AUD|dollars?"
        r"|euros?|bucks)\b",
        re.IGNORECASE,
    ),
    "an address": re.compile(
        r"\b\d{1,5}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln"
        r"|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b"
    ),
    "a phone number": re.compile(r"(?<![\w+])\+?\d(?:[ ().-]{0,2}\d){8,14}(?!\d)"),
}
_OUR_LINE = re.compile(
    r"(?:call|ring|phone|text|reach)\s+us\b[^.!?\n]{0,12}$|\bour\s+(?:\w+\s+)?(?:line|number"
    r"|hotline|team)\b[^.!?\n]{0,12}$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ROLE_EMAIL = re.compile(
    r"(?:support|help|care|hello|info|billing|privacy|team|contact|service|customerservice"
    r"|customercare|helpdesk|accounts|refunds|returns|feedback|social|press)@",
    re.IGNORECASE,
)
_DETAIL = (
    r"(?:full\s+)?(?:order|account|booking|reservation|ticket|confirmation|tracking|card|phone"
    r"|mobile|e-?mail|address|postcode|zip|date\s+of\s+birth|details|info|number|password|pin"
    r"|reference|invoice)"
)
_SAYS = Triggered().add(
    "account details",
    "your",
    r"your\s+(?:password|pin|passcode|security\s+(?:code|answer)|balance|date\s+of\s+birth"
    r"|social\s+security(?:\s+number)?|card\s+number|account\s+number|billing\s+address"
    r"|home\s+address)\s+(?:is|was|shows|reads)\b",
)
_ASKS = Triggered().add(
    "ask",
    "reply respond comment post tweet share send tell give drop leave list include what",
    rf"(?:reply|respond|comment|post|tweet|share|send|tell|give|drop|leave|list|include)\b"
    rf"[^.?!\n]{{0,30}}?\byour\s+{_DETAIL}|what(?:['’]s|\s+is)\s+your\s+{_DETAIL}",
)
_PRIVATE = Triggered().add(
    "private",
    "dm dms direct directly private privately in pm a via by inbox message send email e call "
    "give live support over",
    r"(?:dms?|direct(?:ly)?\s+messages?|private\s+messages?|privately|in\s+private"
    r"|pm\s+(?:us|me)|(?:a|via|by)\s+pm|inbox|message\s+us|send\s+us\s+a\s+(?:message|note)"
    r"|e-?mail\s+us|(?:via|by|over)\s+e-?mail|call\s+us|give\s+us\s+a\s+call|live\s+chat"
    r"|support\s+(?:form|portal))\b",
)
_WIDE = Triggered().add(
    "wide",
    "outage outages down disruption incident affecting affected everyone all widespread degraded "
    "restore restored restoring restoration rolling status demand capacity service known",
    r"(?:outages?|down|disruption|incident|affecting|affected|everyone|all\s+(?:users|customers"
    r"|accounts)|widespread|degraded|restor\w*|rolling\s+out|status\s+page|demand|capacity"
    r"|service[- ]wide|known\s+issue)\b",
)
_PUBLIC_UPDATE = Triggered().add(
    "update",
    "post share reply update status",
    r"(?:post|share|reply|update)\b[^.!?\n]{0,40}?\bhere\b|status\s+page\b|status\.\w",
)
_THANKS = re.compile(
    r"\b(?:thanks|thank\s+you|thx|ty|appreciate\w*|love|awesome|amazing|great\s+(?:job|service"
    r"|work|support)|kudos|shout-?out|props|brilliant|fantastic|perfect|sorted|resolved|fixed"
    r"|working\s+(?:now|again)|works\s+(?:now|again)|all\s+good|helpful|the\s+best)\b",
    re.IGNORECASE,
)
_COMPLAINT = re.compile(
    r"\?|\b(?:not|no|never|still|broken|fail\w*|error|charged|refund\w*|worst|terrible|awful"
    r"|why|cancel\w*|wrong|problem|issue|down|late|missing|lost|waiting|useless)\b|n['’]t\b",
    re.IGNORECASE,
)


def unsafe_in_public(draft: str) -> list[Problem]:
    """Ids, card endings, amounts, addresses, phone numbers, e-mail addresses and account details
    shown in public (quoted text included: quoting an order id publicly still shows it), and
    requests to post such details publicly."""
    out: list[Problem] = []
    for start, end in _digit_windows(draft):
        for kind, rx in _UNSAFE.items():
            for m in rx.finditer(draft, start, end):
                if kind == "a phone number" and _OUR_LINE.search(draft, start, m.start()):
                    continue
                q = quote(m.group())
                out.append((f"Public reply shows {kind}: {q}", m.span(), _HINT.format(q=q)))
    if "@" in draft:
        for m in _EMAIL.finditer(draft):
            if not _ROLE_EMAIL.match(m.group()):
                q = quote(m.group())
                message = f"Public reply shows an e-mail address: {q}"
                out.append((message, m.span(), _HINT.format(q=q)))
    a = analyze(draft)
    for _, m in _SAYS.scan(a):
        q = quote(m.group())
        out.append((f"Public reply shows account details: {q}", m.span(), _HINT.format(q=q)))
    for _, m in _ASKS.scan(a):
        sentence = a.sentences[max(a.sentence_index(m.start()), 0)]
        if not any(sentence.start <= p.start() < sentence.end for _, p in _PRIVATE.scan(a)):
            out.append(
                (
                    f"Asks for private details in public: {quote(m.group())}",
                    m.span(),
                    "Ask for those details in a direct message, not in the public reply.",
                )
            )
    kept: list[Problem] = []
    for p in sorted(out, key=lambda p: (p[1][0], -p[1][1])):
        if not kept or p[1][0] >= kept[-1][1][1]:
            kept.append(p)
    return kept


def _digit_windows(draft: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(draft):
        start, end = max(0, m.start() - _BEFORE), min(len(draft), m.end() + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def moves_private(draft: str) -> bool:
    a = analyze(draft)
    return bool(_PRIVATE.scan(a)) or ("@" in draft and _ROLE_EMAIL.search(draft) is not None)


def private_exempt(draft: str, last_customer: str) -> bool:
    """Pure thanks or praise, or a service-wide problem the draft handles publicly."""
    if _pure_thanks(last_customer):
        return True
    a = analyze(draft)
    return _handled_in_public(a)


def _handled_in_public(a: Analysis) -> bool:
    return bool(_WIDE.scan(a)) and bool(_PUBLIC_UPDATE.scan(a))


@lru_cache(maxsize=64)
def _pure_thanks(text: str) -> bool:
    return _THANKS.search(text) is not None and _COMPLAINT.search(text) is None
