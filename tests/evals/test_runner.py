"""The matrix runner: the real pipeline with calm/fake, the cache, and interrupt safety."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from evals.cache import DiskCache
from evals.cases import load_cases
from evals.matrix import build_variants
from evals.runner import Collector, DraftFn, journal, run_matrix
from evals.scorers import default_scorers
from service.config import Settings
from service.pipeline import fake_model
from service.schemas import Draft, DraftRequest
from tests.evals.helpers import make_draft

IDS = ("do-chat-locked-out-morning", "tbu-chat-presentation-at-3", "oc-chat-blender-options")
CASES = [c for c in load_cases() if c.id in IDS]
_CUSTOMER = re.compile(r'<customer name="([^"]+)"')


def reply_with_gold(messages: list[dict[str, str]]) -> str:
    """calm/fake answers each case with its gold reply (found by the customer's name)."""
    name = _CUSTOMER.search(messages[1]["content"])
    assert name
    return next(c.gold for c in CASES if c.request.thread.customer.name == name.group(1))


def _run(settings: Settings, cache: DiskCache, collector: Collector | None = None, **kw):
    variants = build_variants(["calm/fake"], [settings.prompts_dir])
    return asyncio.run(
        run_matrix(
            CASES,
            variants,
            settings=settings,
            scorers=default_scorers(settings),
            cache=cache,
            concurrency=2,
            collector=collector,
            **kw,
        )
    )


def test_second_run_is_served_from_the_cache_with_zero_model_calls(
    settings: Settings, tmp_path: Path
) -> None:
    assert len(CASES) == 3
    fake_model.enqueue(*([reply_with_gold] * 30))
    first = _run(settings, DiskCache(tmp_path))
    calls = len(fake_model.calls)
    assert calls >= 3 and not any(r.cached for r in first)
    assert [r.case_id for r in first] == [c.id for c in CASES]  # matrix order, not finish order
    assert all(r.draft and r.draft.model == "calm/fake" for r in first)

    cache = DiskCache(tmp_path)
    second = _run(settings, cache)
    assert len(fake_model.calls) == calls  # not a single model call
    assert cache.hits == 3 and all(r.cached for r in second)
    assert [r.scores for r in second] == [r.scores for r in first]  # same latency too

    third = _run(settings, DiskCache(tmp_path, read=False))  # --no-cache redrafts
    assert len(fake_model.calls) > calls and not any(r.cached for r in third)


def test_a_failed_model_call_is_reported_and_not_cached(settings: Settings, tmp_path: Path) -> None:
    fake_model.enqueue(*([RuntimeError("provider down")] * 10))
    cache = DiskCache(tmp_path)
    results = _run(settings, cache)
    assert all(r.error and "provider down" in r.error for r in results)
    assert not any(tmp_path.rglob("*.json"))


def _interrupting_factory(fail_on: str, made: list[str]):
    def factory(_settings: Settings) -> DraftFn:
        async def draft(request: DraftRequest) -> Draft:
            case = next(c for c in CASES if c.request == request)
            if case.id == fail_on:
                raise KeyboardInterrupt
            made.append(case.id)
            return make_draft(case.gold, technique=case.technique)

        return draft

    return factory


def test_an_interrupt_keeps_every_finished_result(settings: Settings, tmp_path: Path) -> None:
    collector = Collector()
    made: list[str] = []
    with pytest.raises(KeyboardInterrupt), journal(tmp_path / "out" / "results.jsonl") as handle:
        collector.journal = handle
        variants = build_variants(["calm/fake"], [settings.prompts_dir])
        asyncio.run(
            run_matrix(
                CASES,
                variants,
                settings=settings,
                scorers=default_scorers(settings),
                cache=DiskCache(tmp_path / "cache"),
                concurrency=1,
                collector=collector,
                factory=_interrupting_factory(CASES[2].id, made),
            )
        )
    finished = [r.case_id for r in collector.results]
    assert finished == [c.id for c in CASES[:2]] == made
    lines = (tmp_path / "out" / "results.jsonl").read_text().splitlines()
    assert [json.loads(line)["case_id"] for line in lines] == finished
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2
    assert not list((tmp_path / "cache").rglob("*.tmp"))

    # Resume: the two finished drafts come from the cache; only the third is drafted.
    resumed: list[str] = []
    results = asyncio.run(
        run_matrix(
            CASES,
            variants,
            settings=settings,
            scorers=default_scorers(settings),
            cache=DiskCache(tmp_path / "cache"),
            concurrency=1,
            factory=_interrupting_factory("none", resumed),
        )
    )
    assert resumed == [CASES[2].id]
    assert [r.cached for r in results] == [True, True, False]
