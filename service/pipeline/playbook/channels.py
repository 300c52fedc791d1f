"""Lay a `Plan` out for its channel: chat, email, phone talk track or public social reply.

The channel rules are the ``channel-fit`` check's: chat is short (about 40-110 words) in two to
four short paragraphs with no sign-off; email opens "Hi <name>," and signs off with the agent's
name; phone is a talk track, one short spoken sentence per line, with no links or lists; social
is public and short (about 280 characters) and moves the conversation to a direct message with a
window. Optional lines are dropped, last first, until a chat or phone draft fits.
"""

from __future__ import annotations

import re
from itertools import combinations

from service.pipeline.playbook import language as lang
from service.pipeline.playbook.case import Case
from service.pipeline.playbook.compose import CORE, EXTRA, LONG, OPTIONAL, Line, Plan, address

CHAT_WORDS = 120
PARAGRAPH_WORDS = 55  # channel-fit: a chat paragraph is at most 60 words
PHONE_WORDS = 170
SOCIAL_CHARS = 280
SPOKEN_WORDS = 20
SPOKEN_MOST = 26  # channel-fit allows 30 words in a spoken sentence; recaps split well before
_SUBJECT = r"(?=(?:you|your|this|the|it|it's|we|our|half|they|there|nobody|none)\b)"
_LIST_BREAK = re.compile(rf": |, and that |, and {_SUBJECT}|; |, {_SUBJECT}")


def render(plan: Plan, case: Case) -> str:
    if case.channel == "social":
        return _social(plan, case)
    if case.channel == "email":
        levels = {CORE, LONG} if case.strict else {CORE, OPTIONAL, LONG, EXTRA}
        body = _paragraphs(plan, levels, limit=None)
        signoff = case.choose("signoff", "Best regards,", "Kind regards,", "Warm regards,")
        greeting = f"Hi {case.name},"
        return f"{greeting}\n\n{_join(body, ' ')}\n\n{signoff}\n{case.agent}"
    if case.channel == "phone":
        levels = {CORE} if case.strict else {CORE, OPTIONAL, EXTRA}
        body = _paragraphs(plan, levels, limit=PHONE_WORDS)
        intro = case.choose(
            "intro", f"Hi {case.name}, it's {case.agent}.", f"Hi {case.name}, this is {case.agent}."
        )
        if case.name == "there":
            intro = f"Hi, it's {case.agent}."
        spoken = [[part for line in p for part in _spoken(line)] for p in body]
        return _join([[intro], *spoken], "\n")
    levels = {CORE} if case.strict else {CORE, OPTIONAL, EXTRA}
    return _join(_paragraphs(plan, levels, limit=CHAT_WORDS, per=PARAGRAPH_WORDS), " ")


def _paragraphs(
    plan: Plan, levels: set[int], limit: int | None, per: int | None = None
) -> list[list[str]]:
    """The plan's lines at ``levels``; mirroring lines, then optional ones, go (last first) while
    the draft is over ``limit`` words, or a paragraph over ``per`` (from that paragraph)."""
    kept: list[list[Line]] = [
        [ln for ln in p if ln.text and ln.level in levels] for p in plan.paragraphs
    ]
    while limit is not None:
        only = None
        if _words(kept) <= limit:
            if per is None or _longest(kept) <= per:
                break
            only = _longest_at(kept)
        spot = _last_optional(kept, EXTRA, only) or _last_optional(kept, OPTIONAL, only)
        if spot is None:
            break
        del kept[spot[0]][spot[1]]
    return [[ln.text for ln in p] for p in kept if p]


def _social(plan: Plan, case: Case) -> str:
    """The public reply: as many of the plan's sentences as fit, earlier ones first, the first
    addressed by name, an apology never cut off from the action after it, then the DM offer."""
    please = f"Please send us a direct message, and I'll pick it up there {case.first}."
    could = f"Could you send us a direct message? I'll pick it up there {case.first}."
    sentences = [_unaddressed(s, case) for s in plan.social if s]
    if not plan.dm_offer:
        offer = ""
    elif sentences and sentences[-1].endswith("?"):
        offer = please  # never two questions in a row
    else:
        offer = case.choose("dm", could, please)
    last = [] if plan.dm_offer or not sentences else [sentences.pop()]  # it moves them to a DM
    for size in range(len(sentences), -1, -1):
        for picked in combinations(sentences, size):
            kept = (*picked, *last)
            if not kept:
                continue
            if any(_alone(s, kept[i + 1 :]) for i, s in enumerate(kept)):
                continue
            text = " ".join([address(case, kept[0]), *kept[1:], offer]).strip()
            if len(text) <= SOCIAL_CHARS:
                return text
    return " ".join([address(case, "thank you for reaching out about this."), offer or please])


def _unaddressed(sentence: str, case: Case) -> str:
    prefix = f"{case.name}, "
    return lang.capitalize(sentence[len(prefix) :]) if sentence.startswith(prefix) else sentence


def _alone(sentence: str, rest: tuple[str, ...]) -> bool:
    """An apology with no action in it or in the next sentence."""
    if not _apologises(sentence) or re.search(r"\b(?:I'm \w+ing|I'll)\b", sentence):
        return False
    return not (rest and re.match(r"(?:I'm \w+ing|I'll|I've)\b", rest[0]))


def _spoken(sentence: str) -> list[str]:
    """A long sentence said as several: split before ", and I'll / I'm / within ...", then at the
    items of a recap ("Here's what I'm passing on: A, B and C."), one short sentence each."""
    if lang.count_words(sentence) <= SPOKEN_WORDS:
        return [sentence]
    match = re.search(
        r", (?:and|so) (?=I'll |I'm |I want |here |within |you'll |the fix itself )", sentence
    )
    if match and lang.count_words(sentence[: match.start()]) >= 6:
        rest = sentence[match.end() :]
        return [sentence[: match.start()] + ".", *_spoken(lang.capitalize(rest))]
    if lang.count_words(sentence) <= (28 if _apologises(sentence) else SPOKEN_MOST):
        return [sentence]  # an apology stays whole where it can: its action follows it
    end = sentence[-1] if sentence[-1] in ".?" else "."
    pieces = [p for p in _LIST_BREAK.split(sentence.rstrip(".?")) if p and p.strip()]
    said: list[str] = []
    for piece in pieces:
        piece = re.sub(r"^(?:and |that )+", "", piece.strip())
        if said and lang.count_words(said[-1]) + lang.count_words(piece) <= SPOKEN_WORDS // 2:
            said[-1] = f"{said[-1]}, {piece}"  # keep very short items together
        else:
            said.append(piece)
    if len(said) < 2:
        return [sentence]
    return [lang.capitalize(p) + ("." if i < len(said) - 1 else end) for i, p in enumerate(said)]


def _apologises(text: str) -> bool:
    return "sorry" in text.lower()


def _longest(paragraphs: list[list[Line]]) -> int:
    return max((_words([p]) for p in paragraphs), default=0)


def _longest_at(paragraphs: list[list[Line]]) -> int:
    return max(range(len(paragraphs)), key=lambda i: _words([paragraphs[i]]))


def _last_optional(
    paragraphs: list[list[Line]], level: int, only: int | None = None
) -> tuple[int, int] | None:
    for i in range(len(paragraphs) - 1, -1, -1):
        if only is not None and i != only:
            continue
        for j in range(len(paragraphs[i]) - 1, -1, -1):
            if paragraphs[i][j].level == level:
                return (i, j)
    return None


def _words(paragraphs: list[list[Line]]) -> int:
    return sum(lang.count_words(ln.text) for p in paragraphs for ln in p)


def _join(paragraphs: list[list[str]], within: str) -> str:
    return "\n\n".join(within.join(p) for p in paragraphs if p)
