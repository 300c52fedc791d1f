"""The `policy` check's vocabulary: numbers, durations, hand-off targets, and reading a clause.

Durations ("within 2 business days", "next week", "tomorrow") become hours so a commitment can
be compared with ``policy.sla``. A commitment counts what it literally promises: a business day
is 24 h, "next week" 5 business days, "tomorrow" and a weekday ("by Friday") 1 day, "today" /
"end of day" 3 h, a range its upper end ("3 to 5 business days" = 5). An SLA window is read at
its latest: a business day may stretch to 7/5 of a calendar day over a weekend. Clock times and
dates have no known distance (None).

Hand-off targets match a listed escalation target by their distinctive words ("our billing team"
~ "billing specialist", "one of our integration engineers" ~ "integration engineer") with one
synonym table: supervisor = manager = team lead = team leader = boss (a manager or lead with no
qualifier other than team / line / shift / duty / floor / senior), engineering ~ engineer,
technical ~ tech, shipping / logistics ~ delivery. A supervisor-type target is met only by a
supervisor-type phrase ("our delivery team" is not the "delivery supervisor"), and "account
manager", "store manager" or "social media manager" are roles of their own, not the supervisor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from service.pipeline.text import Analysis


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# ---- numbers ------------------------------------------------------------------------------
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
    "several": 3, "few": 3, "couple": 2, "half": 0.5,
}  # fmt: skip
NUMBER = (
    r"(?:\d+(?:\.\d+)?|half\s+an?|an?\s+couple\s+of|couple\s+of|an?\s+few|several|forty-five"
    r"|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|ninety)"
)
NUMBER_WORDS = " ".join(w for w in _NUMBERS if w != "half") + " half #"  # `Triggered` first words
DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def number(text: str) -> float:
    """'3' -> 3, 'two' -> 2, 'a couple of' -> 2, 'half an' -> 0.5, 'a' -> 1."""
    for word in text.lower().replace(",", "").split():
        if word in _NUMBERS and word not in ("a", "an"):
            return float(_NUMBERS[word])
        try:
            return float(word)
        except ValueError:
            continue
    return 1.0


# ---- durations ----------------------------------------------------------------------------
# Each pattern starts at its core word; the caller reads the word before it ("within", "for",
# "since") to tell "within two weeks" from "for two weeks" or "since Monday".
_UNIT_HOURS = {"min": 1 / 60, "h": 1, "hr": 1, "hou": 1, "day": 24, "wee": 168, "mon": 720,
               "yea": 8760, "qua": 2160}  # fmt: skip
_DURATION = (
    rf"(?P<n>{NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<n2>{NUMBER}))?(?P<adj>\s*-\s*|\s+)"
    r"(?P<biz>(?:business|working)\s+|calendar\s+)?"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\b"
)
_NEXT = (rf"(?:next|following)\s+(?P<nbiz>(?:business|working)\s+)?"
         rf"(?P<nunit>day|week|month|year|quarter|{DAY})\b")
_END_OF = (
    r"(?:end\s+of\s+(?:the\s+|my\s+|your\s+|this\s+|today['’]s\s+)?(?P<enext>next\s+)?"
    r"(?:business\s+|work(?:ing)?\s+)?(?P<eunit>day|shift|week|month|quarter|year)|eod|cob"
    r"|close\s+of\s+business)\b"
)
_NOW = (
    r"(?:(?:right\s+)?now|right\s+away|straight\s+away|immediately|before\s+we\s+hang\s+up"
    r"|while\s+(?:you|we)(?:['’]re|\s+are)\s+(?:still\s+)?on\s+the\s+(?:line|phone|call))\b"
)
TIME_PATTERNS: dict[str, tuple[str, str]] = {  # name -> (first words, pattern)
    "duration": (NUMBER_WORDS, _DURATION),
    "within_the": ("within", r"within\s+the\s+(?P<wunit>hour|day)\b"),
    "next": ("next following", _NEXT),
    "end_of": ("end eod cob close", _END_OF),
    "day": ("today tonight tomorrow this monday tuesday wednesday thursday friday saturday sunday",
            rf"(?P<day>today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|{DAY})\b"),
    "clock": ("noon #", r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?|\d{1,2}:\d\d|noon)"),
    "now": ("now right straight immediately before while", _NOW),
    "every": ("every", rf"every\s+(?:(?P<en>{NUMBER})\s+)?(?P<eu>minutes?|hours?|days?|weeks?)\b"),
}
_NEXT_HOURS = {"day": 24, "week": 120, "month": 720, "year": 8760, "quarter": 2160}
_END_HOURS = {"day": 3, "shift": 3, "week": 24, "month": 120, "quarter": 720, "year": 720}


def _unit_hours(unit: str) -> float:
    unit = unit.lower()
    return _UNIT_HOURS.get(unit[:3], _UNIT_HOURS.get(unit[:1], 1.0))


def phrase_hours(name: str, m: re.Match[str]) -> float | None:
    """How far from now a matched time phrase is, in hours (None: a clock time)."""
    g = m.groupdict()
    if name == "duration":
        return number(g["n2"] or g["n"]) * _unit_hours(g["unit"])
    if name == "within_the":
        return 1.0 if g["wunit"].lower() == "hour" else 24.0
    if name == "next":
        return float(_NEXT_HOURS.get(g["nunit"].lower(), 24))
    if name == "end_of":
        return 120.0 if g["enext"] else float(_END_HOURS[(g["eunit"] or "day").lower()])
    if name == "day":
        day = " ".join(g["day"].lower().split())
        return 24.0 if day in ("tomorrow", "this week") or re.fullmatch(DAY, day) else 3.0
    if name == "every":
        return number(g["en"] or "1") * _unit_hours(g["eu"])
    return 0.0 if name == "now" else None


_SLA = re.compile(rf"\b(?:{_DURATION}|{_NEXT})", re.IGNORECASE)


@lru_cache(maxsize=64)
def sla_hours(window: str | None) -> float | None:
    """The latest an SLA window allows, in hours: '2 business days' -> 67.2, '30 minutes' -> 0.5."""
    m = _SLA.search(window or "")
    if m is None:
        return 1.0 if window and "hour" in window.lower() else None
    if m.group("unit"):
        hours = number(m.group("n2") or m.group("n")) * _unit_hours(m.group("unit"))
        business = bool(m.group("biz")) and m.group("unit").lower().startswith("day")
    else:
        hours, business = 24.0, bool(m.group("nbiz"))
    return hours * 1.4 if business else hours


# ---- hand-off targets ---------------------------------------------------------------------
_STEM = {"engineering": "engineer", "technical": "tech", "shipping": "delivery",
         "logistics": "delivery", "leader": "lead", "dept": "department"}  # fmt: skip
_GENERIC = wordset("team department desk unit group staff crew people colleague agent "
                   "representative rep person")
_IGNORE = wordset("our my the a an one of someone somebody from in on senior dedicated "
                  "experienced right relevant appropriate correct proper other another same own "
                  "direct")
_LEAD_MODS = wordset("team line shift duty floor senior direct")
_ALWAYS_LEAD = wordset("supervisor boss")
_LEAD_ROLES = wordset("manager lead")


def role_words(phrase: str) -> list[str]:
    """Lowercase words, plurals and a few synonyms folded ("engineering" -> "engineer")."""
    out = []
    for w in re.findall(r"[a-z][a-z-]+", phrase.lower()):
        w = _STEM.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "ics", "us")):
            w = _STEM.get(w[:-1], w[:-1])
        out.append(w)
    return out


def _role(phrase: str) -> tuple[str, set[str]]:
    """(head noun, distinctive modifiers) of a team phrase; a named person is dropped."""
    phrase = re.sub(r"^.*?\b(?:from|in|on)\s+", "", phrase, flags=re.IGNORECASE)
    words = [w for w in role_words(phrase) if w not in _IGNORE]
    if not words:
        return "", set()
    return words[-1], {w for w in words[:-1] if w not in _GENERIC}


def _is_lead(head: str, mods: set[str]) -> bool:
    return head in _ALWAYS_LEAD or (head in _LEAD_ROLES and mods <= _LEAD_MODS)


def unnamed(phrase: str) -> bool:
    """'the right team', 'a colleague', 'our team': nobody in particular."""
    head, mods = _role(phrase)
    return not head or (head in _GENERIC and not mods)


def target_matches(phrase: str, target: str) -> bool:
    """Does a hand-off phrase ("my manager", "our billing team") name this listed target?"""
    head, mods = _role(phrase)
    if _is_lead(head, mods) or _is_lead(*_role(target)):  # a supervisor only for a supervisor
        return _is_lead(head, mods) and _is_lead(*_role(target))
    words = set(role_words(target))
    return mods <= words and bool(mods or head in words)


# ---- reading a clause ---------------------------------------------------------------------
class Problem(NamedTuple):
    span: tuple[int, int]
    message: str
    hint: str


_BREAK = re.compile(r"[,;:—–()!?]|\s-\s|\b(?:but|and|so|although|though|while|because|whereas"
                    r"|which)\b", re.IGNORECASE)
_AFTER_END = re.compile(r"[,;:—–()!?]|\.(?:\s|$)|\s-\s|\b(?:but|if|unless|when|once|so|because"
                        r"|since|and)\b", re.IGNORECASE)
_NEG = r"\b(?:not|never|no|cannot|unable|without|instead\s+of|rather\s+than|in\s+lieu\s+of|nor"
_NEG_BEFORE = re.compile(_NEG + r"|more\s+than|beyond|outside|whether|if|wish|love\s+to)\b"
                         r"|n['’]t\b", re.IGNORECASE)
_NEG_BEFORE_ACT = re.compile(_NEG + r")\b|n['’]t\b", re.IGNORECASE)
_NEG_AFTER = re.compile(r"\b(?:not|never|unavailable|impossible|only|needs?|requires?|depends"
                        r"|off\s+the\s+table|out\s+of\s+the\s+question)\b|n['’]t\b", re.I)
_REQUEST = re.compile(  # the customer's wish restated: "you asked for", "I know you want"
    r"(?<!\bwould\s)(?<!\bdo\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bif\s)(?<!\bshould\s)\byou(?:['’]"
    r"(?:ve|re|d)|\s+(?:have|are|were|had))?\s+(?:\w+\s+){0,2}?(?:ask(?:ed|ing)?|request(?:ed|ing)?"
    r"|want(?:ed|ing)?|like|prefer(?:red)?|expect(?:ed|ing)?|hop(?:e|ed|ing)|looking\s+for"
    r"|mention(?:ed)?|demand(?:ed|ing)?|said|wrote|told|promised|offered)\b|\byour\s+(?:request"
    r"|demand)\b|\brequest(?:ed)?\s+for\b", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"[;!?]|\b(?:but|and|so|although|though|because)\b", re.IGNORECASE)
_REQUEST_AFTER = re.compile(r"\s*(?:that\s+|which\s+)?you(?:['’](?:ve|d)|\s+(?:have|had))?\s+"
                            r"(?:\w+\s+)?(?:asked|requested|mentioned|wanted|want|were\s+"
                            r"(?:promised|told|offered)|expected)\b", re.IGNORECASE)


def clause_start(a: Analysis, pos: int) -> int:
    """Start of the clause holding ``pos`` (after the last , ; : — ( and / but / so ...)."""
    sentence = a.sentences[max(a.sentence_index(pos), 0)]
    start = sentence.start
    for m in _BREAK.finditer(a.masked, sentence.start, pos):
        start = m.end()
    while start < pos and a.masked[start].isspace():
        start += 1
    return start


def clause_end(a: Analysis, pos: int) -> int:
    sentence = a.sentences[max(a.sentence_index(pos), 0)]
    m = _AFTER_END.search(a.masked, pos, sentence.end)
    return m.start() if m else sentence.end


def promised(a: Analysis, start: int, end: int, acts: bool = False) -> bool:
    """``a.masked[start:end]`` is offered: not negated or refused ("a full refund isn't
    available", "instead of", "I wish I could"), not the customer's wish restated ("you asked
    for", "I understand you want"). ``acts`` (hand-offs): "if I asked our legal team" offers."""
    before = a.masked[clause_start(a, start) : start]
    after = a.masked[end : clause_end(a, end)]
    sentence = a.sentences[max(a.sentence_index(start), 0)]
    asked = a.masked[sentence.start : start]  # "You asked for two things: your money back"
    asked = asked[max((m.end() for m in _NEW_CLAUSE.finditer(asked)), default=0) :]
    negation = _NEG_BEFORE_ACT if acts else _NEG_BEFORE
    return not (negation.search(before) or _REQUEST.search(asked) or _NEG_AFTER.search(after)
                or _REQUEST_AFTER.match(after))
