"""Runs every case through every variant, concurrently, caching each draft as soon as it exists.

Each (variant, case) cell: look the draft up in the cache; otherwise call the same
``Drafter.draft()`` the API calls and store the Draft JSON at once (atomic write). Then score it.
Finished cells are also appended to a journal (``results.jsonl`` in the out folder), and collected
in a `Collector` the caller keeps, so an interrupt (Ctrl-C) loses nothing that had finished: the
CLI writes a partial report from it, and the next run picks the drafts up from the cache.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, Field

from evals.cache import DiskCache, make_key
from evals.cases import Case
from evals.matrix import Variant, pipeline_fingerprint, settings_fingerprint
from evals.scorers.base import Score, Scorer
from service.config import Settings
from service.schemas import Draft, DraftRequest

DraftFn = Callable[[DraftRequest], Awaitable[Draft]]
DrafterFactory = Callable[[Settings], DraftFn]


class CaseResult(BaseModel):
    """One cell of the matrix: the draft (or why there is none) and every scorer's verdict."""

    case_id: str
    variant: str
    cached: bool = False
    draft: Draft | None = None
    error: str | None = None
    scores: dict[str, Score] = Field(default_factory=dict)
    passed: bool = False


@dataclass
class Collector:
    """Results as they finish; survives an interrupt because the caller holds it."""

    results: list[CaseResult] = field(default_factory=list)
    journal: TextIO | None = None
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: CaseResult) -> None:
        self.results.append(result)
        if self.journal is not None:
            self.journal.write(result.model_dump_json() + "\n")
            self.journal.flush()

    @property
    def elapsed_s(self) -> float:
        return time.perf_counter() - self.started


def default_factory(settings: Settings) -> DraftFn:
    """The same ``Drafter.draft()`` the API calls: one pipeline, built once per variant."""
    from service.pipeline.drafting import Drafter

    return Drafter.from_settings(settings).draft


def draft_key(variant: Variant, case: Case, settings: Settings) -> str:
    return make_key(
        "draft/1",
        variant.model,
        "|".join(f"{k}={v}" for k, v in sorted(variant.versions.items())),
        variant.content_digest,
        case.id,
        case.digest,
        pipeline_fingerprint(),
        settings_fingerprint(settings),
    )


async def score_draft(case: Case, draft: Draft, scorers: Sequence[Scorer]) -> dict[str, Score]:
    return {s.name: await s.ascore(case, draft) for s in scorers}


def case_passed(scores: dict[str, Score], scorers: Sequence[Scorer]) -> bool:
    """A case passes when no scorer that decides pass/fail says it failed."""
    return all(scores[s.name].passed is not False for s in scorers if s.decides_pass)


async def run_matrix(
    cases: Sequence[Case],
    variants: Sequence[Variant],
    *,
    settings: Settings,
    scorers: Sequence[Scorer],
    cache: DiskCache,
    concurrency: int = 4,
    collector: Collector | None = None,
    progress: Callable[[CaseResult], None] | None = None,
    factory: DrafterFactory = default_factory,
) -> list[CaseResult]:
    """Every (variant, case) cell, bounded by ``concurrency``; results in matrix order."""
    collector = collector if collector is not None else Collector()
    gate = asyncio.Semaphore(max(1, concurrency))
    drafters: dict[str, DraftFn] = {}

    def drafter(variant: Variant) -> DraftFn:
        """Built on the first cache miss only, so a fully cached re-run never loads a model."""
        if variant.key not in drafters:
            drafters[variant.key] = factory(variant.settings(settings))
        return drafters[variant.key]

    async def cell(variant: Variant, case: Case) -> None:
        async with gate:
            result = await _run_cell(
                variant, case, lambda: drafter(variant), settings, scorers, cache
            )
        collector.add(result)
        if progress:
            progress(result)

    await asyncio.gather(*(cell(v, c) for v in variants for c in cases))
    return ordered(collector.results, cases, variants)


async def _run_cell(
    variant: Variant,
    case: Case,
    draft_fn: Callable[[], DraftFn],
    settings: Settings,
    scorers: Sequence[Scorer],
    cache: DiskCache,
) -> CaseResult:
    key = draft_key(variant, case, variant.settings(settings))
    stored = cache.get("drafts", key)
    cached = stored is not None
    if stored is not None:
        draft = Draft.model_validate(stored["draft"])
    else:
        try:
            draft = await draft_fn()(case.request)
        except Exception as exc:  # one broken cell must not stop the matrix
            return CaseResult(
                case_id=case.id, variant=variant.key, error=f"{type(exc).__name__}: {exc}"
            )
        if not draft.draft:  # every model failed: report it, and do not cache the failure
            return CaseResult(
                case_id=case.id,
                variant=variant.key,
                draft=draft,
                error=draft.flag_reason or "no draft",
            )
        cache.put("drafts", key, {"case": case.id, "variant": variant.key, "draft": _stored(draft)})
    scores = await score_draft(case, draft, scorers)
    return CaseResult(
        case_id=case.id,
        variant=variant.key,
        cached=cached,
        draft=draft,
        scores=scores,
        passed=case_passed(scores, scorers),
    )


def _stored(draft: Draft) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(draft.model_dump_json())
    return data


def ordered(
    results: Sequence[CaseResult], cases: Sequence[Case], variants: Sequence[Variant]
) -> list[CaseResult]:
    """Results in (variant, case) order, whatever order they finished in."""
    rank = {(v.key, c.id): i for i, (v, c) in enumerate((v, c) for v in variants for c in cases)}
    return sorted(results, key=lambda r: rank.get((r.variant, r.case_id), len(rank)))


@contextmanager
def journal(path: Path | None) -> Iterator[TextIO | None]:
    """The out folder's ``results.jsonl``, one finished cell per line, flushed as it lands."""
    if path is None:
        yield None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yield handle
