"""Gold cases: what a draft for a thread should do, as data (``evals/cases/*.jsonl``).

One JSON object per line. ``request`` is exactly the body ``POST /v1/drafts`` takes, so a case is
also a valid ``calm draft`` input. The rest says what a good reply does:

- ``acceptable_techniques``: the techniques a skilled agent could justify; the first is the one
  the case was written for (the per-technique tables group by it).
- ``must_mention``: specifics a good reply mirrors. Each entry is a pattern (see `Pattern`).
- ``must_never``: what must not appear (a forbidden promise, a note's content, "calm down").
- ``gold``: a reply written to the source documents' standard; it passes Calm's own checks.

Patterns are plain text by default: ``"92%|ninety-two"`` matches either alternative, case- and
apostrophe-insensitively, where a word starts (so ``"cancel"`` also matches "cancelled", but
``"ill"`` does not match "will"). Prefix ``re:`` for a regular expression
(``"re:\\bI'll (?:issue|give) you a full refund"``), also case-insensitive.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from service.schemas import TECHNIQUE_IDS, DraftRequest

CASES_DIR = Path(__file__).resolve().parent / "cases"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")
# Same-length normalisation, so match offsets index the original draft.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class CaseError(ValueError):
    """A case file that does not parse or validate; the message names the file and line."""


class Source(BaseModel):
    """Where a case came from, with what its licence requires us to keep."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["written", "ibm", "twcs", "airline"]
    dataset: str | None = None
    license: str | None = None
    split: str | None = None
    ref: str | None = Field(default=None, description="tweet id or thread root id in the dataset")
    note: str | None = Field(default=None, description="what was changed from the original")


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: Source
    request: DraftRequest
    acceptable_techniques: list[str] = Field(min_length=1)
    must_mention: list[str] = Field(default_factory=list)
    must_never: list[str] = Field(default_factory=list)
    gold: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("case ids are lowercase words joined by hyphens")
        return value

    @field_validator("acceptable_techniques")
    @classmethod
    def _known(cls, values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in TECHNIQUE_IDS]
        if unknown:
            raise ValueError(f"unknown technique(s): {', '.join(unknown)}")
        return values

    @field_validator("must_mention", "must_never")
    @classmethod
    def _patterns_compile(cls, values: list[str]) -> list[str]:
        for value in values:
            Pattern.parse(value)
        return values

    @property
    def channel(self) -> str:
        return self.request.thread.channel

    @property
    def technique(self) -> str:
        """The technique the case was written for (the first acceptable one)."""
        return self.acceptable_techniques[0]

    @cached_property
    def digest(self) -> str:
        """Hash of the request only: editing the gold or the patterns keeps cached drafts."""
        body = json.dumps(self.request.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Pattern:
    """A must-mention / must-never entry, compiled once."""

    source: str
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        if text.startswith("re:"):
            body = text[3:]
        else:
            alternatives = [a.strip() for a in text.split("|") if a.strip()]
            if not alternatives:
                raise ValueError(f"empty pattern {text!r}")
            body = "|".join(_literal(a) for a in alternatives)
        try:
            return cls(text, re.compile(body, re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"pattern {text!r} does not compile: {exc}") from exc

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of every match in ``text`` (offsets into ``text`` as given)."""
        return [m.span() for m in self.regex.finditer(normalise(text)) if m.end() > m.start()]


def _literal(alternative: str) -> str:
    """A literal alternative that must start where a word starts (stems match their inflections)."""
    body = re.escape(normalise(alternative))
    if alternative[0].isalnum():
        body = r"(?<!\w)" + body
    return body


def normalise(text: str) -> str:
    """Curly quotes and dashes to ASCII, keeping the length (so offsets still line up)."""
    return text.translate(_SAME_LENGTH)


def load_file(path: Path) -> list[Case]:
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(Case.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise CaseError(f"{path.name}:{number}: {where}: {first['msg']}") from exc
    return cases


def case_files(root: Path = CASES_DIR) -> list[Path]:
    return sorted(root.glob("*.jsonl"))


def load_cases(selector: str | None = None, root: Path = CASES_DIR) -> list[Case]:
    """All cases under ``root``; ``selector`` narrows them.

    The selector is tried as a file glob first (``evals/cases/ibm*.jsonl`` or just ``ibm*``, taken
    relative to the working directory, then to ``root``), then as a glob over case ids
    (``refund-*``). Ids must be unique across files.
    """
    files = case_files(root)
    wanted_ids: str | None = None
    if selector:
        matched = sorted(Path().glob(selector)) if not Path(selector).is_absolute() else []
        if Path(selector).is_absolute() and Path(selector).exists():
            matched = [Path(selector)]
        matched = [p for p in matched if p.suffix == ".jsonl"] or [
            p
            for p in files
            if fnmatch.fnmatch(p.name, selector) or fnmatch.fnmatch(p.stem, selector)
        ]
        if matched:
            files = matched
        else:
            wanted_ids = selector
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in files:
        for case in load_file(path):
            if case.id in seen:
                raise CaseError(f"{path.name}: case id {case.id!r} already used in {seen[case.id]}")
            seen[case.id] = path.name
            if wanted_ids is None or fnmatch.fnmatch(case.id, wanted_ids):
                cases.append(case)
    return cases
