"""Sentence splitting and quote detection with character offsets.

Checks report spans into the draft, so everything here keeps offsets into the original text
instead of returning cleaned copies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

_ABBREVIATIONS = (
    "e.g.", "i.e.", "etc.", "vs.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "approx.",
)
# A sentence ends at . ! ? (or a run of them, optionally followed by a closing quote/bracket)
# followed by whitespace, or at a blank line / line break.
_BOUNDARY = re.compile(r"(?P<stop>[.!?])[\"'”’)\]]*\s+|\n\s*")
# "3 p.m." ends a sentence only when a new sentence visibly starts: not before a lowercase word,
# a digit, a day, a month or a time zone ("by 3 p.m. Friday", "at 9 a.m. ET").
_MERIDIEM_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_MERIDIEM_CONTINUES = re.compile(
    r"[a-z0-9(]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r")[a-z]*\b|[A-Z]{1,4}T\b|UTC\b|GMT\b"
)
_QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\""
    r"|“[^”\n]{1,400}”"
    r"|‘[^‘\n]{1,200}?’(?![A-Za-z])"
    # straight single quotes; an apostrophe between letters ("I'm") does not close the quote
    r"|(?<![A-Za-z0-9])'(?=\S)(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){1,200}?(?<=\S)'(?![A-Za-z])"
)
# URLs (and bare domains with a path); a trailing full stop or bracket belongs to the sentence.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’]"
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"]*[^\s<>\".,;:!?)\]'’]",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9']+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences, keeping offsets; abbreviations and decimals do not end a sentence."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end("stop") if match.group("stop") else match.start()
        if text.endswith(_ABBREVIATIONS, start, end):
            continue
        if (
            "\n" not in match.group()
            and _MERIDIEM_END.search(text, start, end)
            and _MERIDIEM_CONTINUES.match(text, match.end())
        ):
            continue
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks (the customer's words quoted back) and URLs."""
    spans = [m.span() for m in _QUOTED.finditer(text)] if _may_quote(text) else []
    if "/" in text or "www." in text.lower():  # both URL forms need one; skip the scan otherwise
        spans += [m.span() for m in _URL.finditer(text)]
    return sorted(spans)


def _may_quote(text: str) -> bool:
    """Cheap pre-check: a quote needs a quote mark, or an apostrophe that is not inside a word."""
    if '"' in text or "“" in text or "‘" in text:
        return True
    i = text.find("'")
    while i != -1:
        if i == 0 or not text[i - 1].isalnum():
            return True
        i = text.find("'", i + 1)
    return False


def mask_quotes(text: str) -> str:
    """Same length as ``text`` with quoted passages and URLs blanked, so offsets still line up."""
    spans = quoted_spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "_"
    return "".join(chars)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(frozen=True)
class Analysis:
    """A draft split into sentences, plus the draft with quotes and URLs masked (same offsets).

    Checks match on ``masked`` (so the customer's quoted words and URLs never count as ours) and
    map each match back to its sentence with ``sentence_index``. ``words`` maps each first word
    any `Triggered` listens for (see there) to where it occurs in ``masked``.
    """

    text: str
    masked: str
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    words: Mapping[str, list[int]]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) ``offset``; -1 before the first."""
        return bisect_right(self.starts, offset) - 1

    def masked_sentence(self, index: int) -> str:
        s = self.sentences[index]
        return self.masked[s.start : s.end]


@lru_cache(maxsize=64)
def analyze(text: str) -> Analysis:
    """Shared by every check on the same draft (cached; treat the result as read-only)."""
    sentences = tuple(split_sentences(text))
    masked = mask_quotes(text)
    words: dict[str, list[int]] = {}
    lower = masked.lower()
    if len(lower) != len(masked):  # a few characters change length when lowercased
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in masked)
    triggers, add = _TRIGGER_WORDS, words.setdefault
    for m in _WORD_TOKEN.finditer(lower):
        word = m.group()
        if word in triggers:
            add(word, []).append(m.start())
        elif word[0] in _DIGITS:
            add("#", []).append(m.start())
        if "'" in word or "’" in word:  # also by its parts when another check listens for "it's"
            head, _, tail = word.replace("’", "'").partition("'")
            for key in (head, "*n't" if word.endswith(("n't", "n’t")) else "*'" + tail):
                if key in triggers:
                    add(key, []).append(m.start())
    return Analysis(text, masked, sentences, tuple(s.start for s in sentences), words)


_WORD_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*")
_DIGITS = frozenset("0123456789")
_TRIGGER_WORDS: set[str] = set()  # every first word any `Triggered` listens for


class Triggered:
    """Regexes tried only where one of their possible first words occurs.

    One anchored ``match`` per occurrence of a first word instead of one big alternation tried
    at every character: about ten times faster on a 150-word draft. First words are lowercase
    words, "#" for any number, "*'ll" for any "...'ll" ("it'll"), "*n't" for any "...n't"; a
    contraction is also found by its head ("i" finds "I'll").
    """

    def __init__(self, flags: int = re.IGNORECASE) -> None:
        self._flags = flags
        self._index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def add(self, name: str, first_words: str, pattern: str) -> Triggered:
        compiled = re.compile(pattern, self._flags)
        for word in first_words.split():
            self._index.setdefault(word, []).append((name, compiled))
            if word not in _TRIGGER_WORDS:
                _TRIGGER_WORDS.add(word)
                analyze.cache_clear()  # analyses made before index only the older words
        return self

    def scan(self, a: Analysis) -> list[tuple[str, re.Match[str]]]:
        """Every (name, match), in text order."""
        found: dict[tuple[str, int], re.Match[str]] = {}
        masked, words = a.masked, a.words
        for key, patterns in self._index.items():
            for pos in words.get(key, ()):
                for name, rx in patterns:
                    if (m := rx.match(masked, pos)) is not None and m.end() > pos:
                        found[(name, pos)] = m
        return sorted(((k[0], m) for k, m in found.items()), key=lambda hit: hit[1].start())


def clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause at ``pos``: the next , ; : — – ( or sentence end, at most ``limit``."""
    match = _CLAUSE_BREAK.search(text, pos, limit)
    end = match.start() if match else limit
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


_CLAUSE_BREAK = re.compile(r"[;—–()!?]|[,:](?!\d)|\s-\s|\.(?:\s|$)")


def quote(text: str, limit: int = 90) -> str:
    """``text`` in double quotes for a message, whitespace collapsed and cut at ``limit`` chars."""
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'


# ---- the language of agent actions ------------------------------------------------------------
# Used by apology-action's `agent_actions` ("I've reset", "we'll send", "let me check") and by
# time-frame: which words are actions, which only fill the gap between subject and verb.


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _inflect(bases: str, double: bool = False) -> set[str]:
    """Each verb with its -s, -ed and -ing forms ("ship" doubles: shipped, shipping)."""
    out: set[str] = set()
    for b in bases.split():
        out.add(b)
        if double:
            out |= {b + b[-1] + "ed", b + b[-1] + "ing", b + "s"}
        elif b.endswith("e"):
            out |= {b + "s", b + "d", b[:-1] + "ing"}
        elif b.endswith("y") and b[-2] not in "aeiou":
            out |= {b[:-1] + "ies", b[:-1] + "ied", b + "ing"}
        else:
            plural = b + ("es" if b.endswith(("s", "sh", "ch", "x", "z")) else "s")
            out |= {plural, b + "ed", b + "ing"}
    return out


ACTION_VERBS: frozenset[str] = frozenset(
    _inflect(
        "check recheck double-check escalate credit fix call email refund review confirm update "
        "investigate replace issue process apply expedite prioritize prioritise contact arrange "
        "schedule book cancel waive restore enable re-enable disable monitor track trace open "
        "reopen file raise add assign transfer connect reconnect correct adjust remove delete "
        "change dispatch verify test restart patch deploy pull resolve unlock activate reactivate "
        "recover retrieve upgrade extend honor honour reverse void amend edit rebook reschedule "
        "reinstate repair clear regenerate reprocess forward share text message ping notify chase "
        "handle sort stabilize stabilise hand pass create generate prepare compensate offer "
        "reimburse cover note document rush release migrate sync resync refresh reinstall install "
        "look follow reach walk stay speak talk work request post publish attach hold reserve "
        "approve authorize authorise grant lift close loop involve engage coordinate summarize "
        "summarise recap start roll fast-track order print return rectify ensure push move switch "
        "ring swap exchange reroute redirect recalculate unblock pause resume renew revert undo "
        "reissue re-issue find"
    )
    | _inflect("ship reship re-ship flag log dig submit rerun re-run", double=True)
    | _inflect("send resend re-send run set reset put give take write bring rebuild override")
    | _wordset(
        "sent resent re-sent ran reran re-ran gave given took taken wrote written brought spoke "
        "spoken held dug rebuilt overrode overridden found cancelled canceling cancelling asked "
        "asking begun began"
    )
)
# Verbs that only act with a particle: "look into", "reach out" ("look forward" is no action).
PARTICLES: dict[str, frozenset[str]] = {
    form: frozenset(particles.split())
    for verbs, particles in (
        ("look", "into at over through in"), ("reach", "out"), ("follow", "up through"),
        ("walk", "you through"), ("stay", "on with"), ("work", "on"), ("roll", "back"),
    )
    for form in _inflect(verbs)
} | {form: _wordset("care a ownership over") for form in ("take", "takes", "taking", "took")}
# Promises to communicate later: commitments, but not by themselves a fix for an apology.
COMMUNICATION_WORDS = _wordset("let touch back posted informed report reply respond answer")
# "I'll have an update", "I'll get you a replacement": a light verb and one of these nouns.
RESULT_NOUNS = _wordset(
    "update answer replacement refund credit fix callback reply label news response decision "
    "confirmation results"
)
LIGHT_VERBS = _wordset("get got getting gotten have has had make made making keep kept sure")
DETERMINERS = _wordset("the a an this that it your these those them all you new both some")
INTENT_WORDS = _wordset("going hope hoping aim aiming expect expecting plan planning intend")
OFFER_WORDS = _wordset("happy glad pleased")
FILLERS = INTENT_WORDS | OFFER_WORDS | _wordset(
    "will shall would could can must should may might am are is was were be been being do does did "
    "just already also now personally immediately quickly then first gladly definitely certainly "
    "actually currently actively still right ahead and to want wanted like need needed try trying "
    "able manually myself ourselves go went gone in back straight away proactively absolutely "
    "happily"
)
NEGATIONS = _wordset("not never no cannot unable")
IRREGULAR_PARTICIPLES = _wordset(
    "sent resent re-sent set reset put run rerun held done rebuilt dug taken given written spoken "
    "overridden found brought"
)
