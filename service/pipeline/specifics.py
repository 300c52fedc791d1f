"""Concrete details the customer gave, plus the text helpers signals.py builds on.

Three parts: offset-keeping helpers (masking quoted text, verbatim snippets, local negation),
`extract_specifics`, and message-shape measures (upset words, shouting, several kinds of
problem, whether the customer said what happened).

A good de-escalating reply mirrors the customer's own specifics ("You mentioned losing two hours
because the export failed at 92%"), so `extract_specifics` returns short verbatim phrases from
customer messages only: never from `note` messages (internal) nor from agent messages.

Every helper here works on a *masked* copy of a message: the same length as the original, with
quoted agent text (``>`` lines, "On ... wrote:" tails, "you said: '...'" quotes) blanked. Offsets
found in the masked copy therefore index the original text, so evidence stays verbatim.
"""

from __future__ import annotations

import re

from service.pipeline import signal_lexicon as lex
from service.schemas import Thread

MAX_SPECIFICS = 6

# ---- masking and snippets -------------------------------------------------------------------

# Email reply tails: everything after "On Tue, ... wrote:" or an "Original Message" banner.
_REPLY_TAIL = re.compile(
    r"^\s*(?:On\s.{4,120}?\bwrote:|-{2,}\s*Original Message\s*-{2,}|From:\s.+\n\s*Sent:)",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTE_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
# A quotation introduced by someone else's verb: `your agent said "we'll escalate this"`.
_REPORTED_QUOTE = re.compile(
    r"\b(?:said|says|wrote|replied|told me|reply was|response was|message said|email said)"
    r"[:,]?\s*(\"[^\"\n]{3,300}\"|“[^”\n]{3,300}”|'[^'\n]{3,300}')",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;\n]|,\s|\s[-–—]\s")
_NEGATOR = re.compile(
    r"\b(?:not|no|never|nor|without|hardly|neither|cannot|dont|wont|isnt|arent|wasnt|didnt|doesnt"
    r"|wouldnt|shouldnt|havent|hasnt|aint)\b|n['’]t\b",
    re.IGNORECASE,
)
_NEGATION_STOP = re.compile(r"[.!?;,\n]|\b(?:but|though|however|yet)\b", re.IGNORECASE)


def mask_quoted(text: str) -> str:
    """``text`` with quoted agent/previous-email text blanked to spaces (same length).

    Curly apostrophes become straight ones ("don’t" -> "don't") so lexicons need one spelling;
    the length, and so every offset, is unchanged.
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = " "

    tail = _REPLY_TAIL.search(text)
    if tail and tail.start() > 0:
        blank(tail.start(), len(text))
    for m in _QUOTE_LINE.finditer(text):
        blank(m.start(), m.end())
    for m in _REPORTED_QUOTE.finditer(text):
        blank(m.start(1), m.end(1))
    return "".join(chars).replace("’", "'")


def snippet(text: str, start: int, end: int, limit: int = 80) -> str:
    """The clause around ``text[start:end]`` (verbatim), or a word-trimmed window if too long."""
    left = start
    while left > 0 and not _CLAUSE_END.match(text, left - 1) and start - left < limit:
        left -= 1
    right = end
    while right < len(text) and not _CLAUSE_END.match(text, right) and right - end < limit:
        right += 1
    if right - left > limit:
        pad = max(0, (limit - (end - start)) // 2)
        left, right = max(left, start - pad), min(right, end + pad)
        while left < start and not text[left - 1].isspace() and left > 0:
            left += 1
        while right > end and right < len(text) and not text[right].isspace():
            right -= 1
    return text[left:right].strip(" \t\n,;:-–—\"'“”(")


def first_sentence(text: str, limit: int = 80) -> str:
    """The opening sentence of ``text`` (verbatim), cut at a word boundary within ``limit``."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    end = next((m.start() for m in re.finditer(r"[.!?\n]", stripped)), len(stripped))
    if end > limit:
        end = stripped.rfind(" ", 0, limit) if " " in stripped[:limit] else limit
    return text[offset : offset + end].rstrip(" ,;:")


def clause_before(text: str, start: int) -> str:
    """The part of the clause before ``start`` (at most 60 characters; stops at "," "." "but")."""
    before = text[max(0, start - 60) : start]
    stops = list(_NEGATION_STOP.finditer(before))
    return before[stops[-1].end() :] if stops else before


def is_negated(text: str, start: int, words: int = 4) -> bool:
    """True when a negator ("not", "don't", "no need") is among the few words before ``start``.

    The window stops at clause breaks and "but", and is only a few words wide so a condition in
    an earlier clause ("If it isn't sorted by Friday I'm switching") does not negate the threat.
    """
    return bool(_NEGATOR.search(" ".join(clause_before(text, start).split()[-words:])))


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9'’]+", text))


# ---- specifics ------------------------------------------------------------------------------

_NUM = (
    r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a few|a couple of|several|half an?|a full|an entire)"
)
_STOP = (
    r"(?=\s+(?:because|and|but|when|so|since|while|which|after|before|thanks)\b"
    r"|\.(?!\d)|[!?;\n]|[,:](?!\d)|$)"
)
_TOKEN = r"[\w$£€%'’#-]+(?:[,.:]\d+)*"  # a word, or a number like 9:30 / $3,000 / 4.5
_LOSS = re.compile(
    r"\b(?:lost|losing|wasted|missed|ruined|wiped|deleted|spoiled|cost (?:me|us)|"
    r"had to (?:pay|buy|rent|book|cancel|reschedule))"
    r"(?!\s+(?:my|your|the|our)\s+(?:mind|patience|temper|cool|head|point)\b)"
    rf"\s+(?:{_TOKEN}\s+){{0,4}}?{_TOKEN}" + _STOP,
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b\d{1,3}(?:\.\d+)?\s?%")
_MONEY = re.compile(
    r"[$£€]\s?\d[\d,]*(?:\.\d{2})?|"
    r"\b\d[\d,]*(?:\.\d{2})?\s?(?:dollars|bucks|euros?|pounds|usd|eur|gbp)\b",
    re.IGNORECASE,
)
_IDENT = re.compile(
    r"\b(?:order|ticket|case|invoice|booking|reservation|confirmation|tracking|claim|"
    r"ref(?:erence)?|flight|account)\s*(?:number|no\.?|id)?\s*[:#]?\s*#?"
    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}\b"
    r"|#\s?(?=[A-Z0-9-]*\d)[A-Z0-9-]{3,}\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    rf"\b{_NUM}\s+(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|times|calls|emails|"
    r"orders?|items?|photos|pictures|files|documents|pages|rows|records|customers|clients|"
    r"people|users|devices|boxes|bags|seats|tickets|nights)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:(?:by|before|until|since|on|at|for)\s+)?(?:"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|"
    r"(?<=at )\d{1,2}(?::\d{2})?(?!\s?%)|end of (?:the )?(?:day|week|month)|tonight|tomorrow)\b",
    re.IGNORECASE,
)
_NOUNS = (
    r"export|import|upload|download|backup|sync|report|dashboard|invoice|bill|statement|charge|"
    r"payment|subscription|plan|membership|account|password|login|app|website|checkout|cart|"
    r"order|package|parcel|delivery|shipment|refund|replacement|item|router|modem|laptop|phone|"
    r"tablet|printer|tv|fridge|washer|dryer|oven|blender|jacket|shoes|sofa|mattress|card|"
    r"flight|bag|luggage|suitcase|seat|booking|reservation|ticket|room|internet|wifi|connection|"
    r"signal|terminal|integration|migration|update|firmware|alert|notification|photos|files|data"
)
_DET = r"(?:my|the|our|this|that|a|an|your)"
_PRODUCT = re.compile(
    rf"\b(?:my|the|our|this)\s+(?:(?!{_DET}\b)[\w-]+\s+){{0,2}}(?:{_NOUNS})(?:s|es)?\b", re.I
)
_MODEL_NAME = re.compile(
    r"\b(?!(?:The|My|Our|This|That|On|At|In|By|For|Since|About|Only|All|Just|And|But|Day|Week|"
    r"Month|Year|Page|Step|Option|Plan|Flight|Order|Room|Gate|Seat|Line|Level|Version)\b)"
    r"(?:i[A-Z][a-z]+|[A-Z][a-z]+)\s(?:[A-Z]?\d{1,3}[a-z]?|Pro|Max|Mini)\b(?![-:/.,]\d)"
)
# Too generic to be worth mirroring back ("the app", "the phone" as in "on the phone").
_GENERIC = re.compile(
    r"^(?:my|the|our|this)\s+(?:app|website|account|order|item|phone|data|update|connection)$", re.I
)

# Most important first: what was lost, then numbers the customer will expect us to have read.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    _LOSS, _PERCENT, _MONEY, _IDENT, _MODEL_NAME, _QUANTITY, _WHEN, _PRODUCT,
)


def extract_specifics(thread: Thread) -> list[str]:
    """Up to six short verbatim phrases from customer messages, most important first."""
    texts = [m.text for m in thread.messages if m.role == "customer"]
    found: list[str] = []
    for pattern in _PATTERNS:
        for text in texts:
            masked = mask_quoted(text)
            for m in pattern.finditer(masked):
                phrase = text[m.start() : m.end()].strip(" .,;:")
                if phrase and not _GENERIC.match(phrase):
                    _add(found, phrase)
    return found[:MAX_SPECIFICS]


def _add(found: list[str], phrase: str) -> None:
    """Append unless it repeats one already found ("the refund" ~ "my refund", "#88213")."""
    key = _key(phrase)
    digits = set(re.findall(r"\d{3,}", phrase))
    for other in found:
        other_key = _key(other)
        if key in other_key or other_key in key or digits & set(re.findall(r"\d{3,}", other)):
            return
    found.append(phrase)


def _key(phrase: str) -> str:
    return re.sub(r"^(?:my|the|our|this|that)\s+|#", "", phrase.lower()).strip()


def has_concrete_detail(text: str) -> bool:
    """Whether a message names something concrete (a number, id, date, loss or product)."""
    masked = mask_quoted(text)
    if any(p.search(masked) for p in _PATTERNS if p is not _PRODUCT):
        return True
    return any(not _GENERIC.match(m.group(0)) for m in _PRODUCT.finditer(masked))


# ---- message shape: how upset, how specific, how many problems -------------------------------

ACRONYMS = lex.ACRONYMS  # re-exported: capitalised words that are not shouting


def shout_words(text: str) -> list[tuple[int, int]]:
    """Spans of shouted words: 2+ capitalised words, or one of 4+ letters; acronyms don't count."""
    words = [m for m in lex.CAPS_WORD.finditer(text) if m.group() not in lex.ACRONYMS]
    if len(words) >= 2 or any(len(m.group()) >= 4 for m in words):
        return [m.span() for m in words]
    return []


def upset_span(text: str) -> tuple[int, int] | None:
    """The first upset word that is not negated ("I'm not angry"), or a "!!"/"??" run in a
    message without praise ("Thank you so much!!" is not upset)."""
    praised = None
    for m in lex.UPSET.finditer(lex.fold(text)):
        if m[0][0] in "!?":  # a run of "!!" or "??" is upset only without praise or thanks
            praised = bool(lex.PRAISE.search(text)) if praised is None else praised
            if praised:
                continue
        if not is_negated(text, m.start()):
            return m.span()
    return None


def sounds_distressed(text: str) -> bool:
    return bool(upset_span(text) or lex.DISTRESS.search(text) or text.count("?") >= 2)


def describes_problem(text: str) -> bool:
    """Whether the customer says what happened (a detail, or a verb like "charged", "locked")."""
    return has_concrete_detail(text) or bool(lex.HAPPENED.search(lex.fold(text)))


def shouting_span(text: str) -> tuple[int, int] | None:
    if shout := shout_words(text):
        return shout[0]
    bang = lex.BANGS.search(text)
    return bang.span() if bang else None


def several_issues_at(text: str) -> int | None:
    """Offset of the first problem when a message raises several kinds of problem."""
    kinds = [m for k in lex.ISSUE_KINDS if (m := k.search(text))]
    if len(kinds) >= 3 or (len(kinds) >= 2 and lex.ADDITIVE.search(text)):
        return min(m.start() for m in kinds)
    return None
