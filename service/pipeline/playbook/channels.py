"""Lay a `Plan` out for its channel: chat, email, phone talk track or public social reply.

The channel rules are the ``channel-fit`` check's: chat is short (about 40-110 words) in two to
four short paragraphs with no sign-off; email opens "Hi <name>," and signs off with the agent's
name; phone is a talk track, one short spoken sentence per line, with no links or lists; social
is public and short (about 280 characters) and moves the conversation to a direct message with a
window. Optional lines are dropped, last first, until a chat or phone draft fits.
"""

from __future__ import annotations

import re

from service.pipeline.playbook import language as lang
from service.pipeline.playbook.case import Case
from service.pipeline.playbook.compose import CORE, LONG, OPTIONAL, Line, Plan, address

CHAT_WORDS = 110
PHONE_WORDS = 140
SOCIAL_CHARS = 280
SPOKEN_WORDS = 20


def render(plan: Plan, case: Case) -> str:
    if case.channel == "social":
        return _social(plan, case)
    if case.channel == "email":
        levels = {CORE, LONG} if case.strict else {CORE, OPTIONAL, LONG}
        body = _paragraphs(plan, levels, limit=None)
        signoff = case.choose("signoff", "Best regards,", "Kind regards,", "Warm regards,")
        greeting = f"Hi {case.name},"
        return f"{greeting}\n\n{_join(body, ' ')}\n\n{signoff}\n{case.agent}"
    if case.channel == "phone":
        levels = {CORE} if case.strict else {CORE, OPTIONAL}
        body = _paragraphs(plan, levels, limit=PHONE_WORDS)
        intro = case.choose(
            "intro", f"Hi {case.name}, it's {case.agent}.", f"Hi {case.name}, this is {case.agent}."
        )
        if case.name == "there":
            intro = f"Hi, it's {case.agent}."
        spoken = [[part for line in p for part in _spoken(line)] for p in body]
        return _join([[intro], *spoken], "\n")
    levels = {CORE} if case.strict else {CORE, OPTIONAL}
    return _join(_paragraphs(plan, levels, limit=CHAT_WORDS), " ")


def _paragraphs(plan: Plan, levels: set[int], limit: int | None) -> list[list[str]]:
    """The plan's lines at ``levels``; optional lines go, last first, while over ``limit`` words."""
    kept: list[list[Line]] = [
        [ln for ln in p if ln.text and ln.level in levels] for p in plan.paragraphs
    ]
    if limit is not None:
        while _words(kept) > limit:
            spot = _last_optional(kept)
            if spot is None:
                break
            del kept[spot[0]][spot[1]]
    return [[ln.text for ln in p] for p in kept if p]


def _social(plan: Plan, case: Case) -> str:
    please = f"Please send us a direct message, and I'll pick it up there {case.first}."
    could = f"Could you send us a direct message? I'll pick it up there {case.first}."
    if not plan.dm_offer:
        offer = ""
    elif plan.social and plan.social[-1].endswith("?"):
        offer = please  # never two questions in a row
    else:
        offer = case.choose("dm", could, please)
    fallback = [address(case, "thank you for reaching out about this."), offer or please]
    sentences = [s for s in plan.social if s]
    # Longest first; a shortened reply never ends on an apology cut off from its action.
    attempts = [
        sentences[:n]
        for n in range(len(sentences), 0, -1)
        if n == len(sentences) or not _apologises(sentences[n - 1])
    ]
    texts = [" ".join([*attempt, offer]).strip() for attempt in attempts]
    return next((t for t in texts if len(t) <= SOCIAL_CHARS), " ".join(fallback))


def _spoken(sentence: str) -> list[str]:
    """A long sentence said as two: split before ", and I'll / I'm / within ..." (phone only)."""
    if lang.count_words(sentence) <= SPOKEN_WORDS:
        return [sentence]
    match = re.search(r", and (?=I'll |I'm |within |you'll |the fix itself )", sentence)
    if not match or lang.count_words(sentence[: match.start()]) < 6:
        return [sentence]
    rest = sentence[match.end() :]
    return [sentence[: match.start()] + ".", *_spoken(lang.capitalize(rest))]


def _apologises(text: str) -> bool:
    return "sorry" in text.lower()


def _last_optional(paragraphs: list[list[Line]]) -> tuple[int, int] | None:
    for i in range(len(paragraphs) - 1, -1, -1):
        for j in range(len(paragraphs[i]) - 1, -1, -1):
            if paragraphs[i][j].level == OPTIONAL:
                return (i, j)
    return None


def _words(paragraphs: list[list[Line]]) -> int:
    return sum(lang.count_words(ln.text) for p in paragraphs for ln in p)


def _join(paragraphs: list[list[str]], within: str) -> str:
    return "\n\n".join(within.join(p) for p in paragraphs if p)
