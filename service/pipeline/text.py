"""Sentence splitting and quote detection with character offsets.

Checks report spans into the draft, so everything here keeps offsets into the original text
instead of returning cleaned copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "approx.")
# A sentence ends at . ! ? (or a run of them, optionally followed by a closing quote/bracket)
# followed by whitespace, or at a blank line / line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*")
_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|(?<![A-Za-z])'[^'\n]{2,200}'(?![A-Za-z])")
_URL = re.compile(r"https?://\S+|www\.\S+")


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
        before = text[start : match.start()]
        if any(before.endswith(a) for a in _ABBREVIATIONS):
            continue
        _append(sentences, text, start, match.start())
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
    spans = [m.span() for m in _QUOTED.finditer(text)]
    spans += [m.span() for m in _URL.finditer(text)]
    return sorted(spans)


def mask_quotes(text: str) -> str:
    """Same length as ``text`` with quoted passages and URLs blanked, so offsets still line up."""
    chars = list(text)
    for start, end in quoted_spans(text):
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "_"
    return "".join(chars)


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9']+", text.lower())
