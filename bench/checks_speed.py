"""How long do the nine checks take on one draft, through the guardrails Guard and not?

Prints median and p99 milliseconds over 1,000 runs (after a warm-up) on a ~150-word draft for:
`CheckSuite.run` (the guardrails-ai Guard), the nine check functions called directly, each check
alone, and the share of the Guard's time spent in guardrails itself. ``--profile`` lists where
guardrails spends its share.

Every timed run starts cold, as for a new draft: the per-draft analysis caches (sentences, masked
quotes, word index, agent actions) are cleared first. "shared analysis" rows show one check's
own cost once the analysis exists (how it runs inside the suite, after the first check).

    python bench/checks_speed.py [--runs N] [--profile]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.pipeline import text
from service.pipeline.checks import apology_action
from service.pipeline.checks.base import CheckContext, Windows
from service.pipeline.checks.guard import REGISTRY, default_suite
from service.schemas import Thread

DRAFT = (
    "Hi Dana,\n\n"
    "Thank you for sticking with this, and I'm sorry the export has failed three times now. "
    "I know you lost most of your morning to it, and you shouldn't have had to chase us.\n\n"
    "Here's what I've done: I've moved your export to our priority queue and switched it to CSV, "
    "which avoids the step that was failing at 92%. I'll send you the finished file within 20 "
    "minutes, and if anything stalls I'll call you at 10:45 instead of leaving you waiting. You "
    "wrote that 'sorry for any inconvenience' was all you got last time, and that's not good "
    "enough.\n\n"
    "Once you have the file, I'll also check that the row counts match. Our engineers rolled back "
    "the faulty release at 10:05 UTC, and the post-incident report will be published by noon "
    "tomorrow; I'll email it to you directly by 1 PM.\n\n"
    "Best,\nSam"
)


def _cold() -> None:
    text.analyze.cache_clear()
    apology_action.agent_actions.cache_clear()


def _time(fn: Callable[[], object], runs: int, cold: bool = True) -> list[float]:
    for _ in range(50):  # warm-up: imports, regex caches, pydantic
        if cold:
            _cold()
        fn()
    samples: list[float] = []
    for _ in range(runs):
        if cold:
            _cold()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _row(label: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    median = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)) - 1)]
    print(f"  {label:<44} median {median:7.4f} ms   p99 {p99:7.4f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="where guardrails spends time")
    args = parser.parse_args()
    runs = args.runs
    thread = Thread.model_validate(
        {
            "channel": "email",
            "customer": {"name": "Dana Reyes"},
            "agent": {"name": "Sam"},
            "messages": [
                {"role": "customer", "text": "Third time asking. The export died at 92% again."}
            ],
        }
    )
    ctx = CheckContext(
        thread=thread,
        facts=("Faulty release rolled back at 10:05 UTC", "Agent callback slot at 10:45"),
        windows=Windows("30 minutes", "1 business day"),
    )
    suite = default_suite()
    checks = [REGISTRY[check_id] for check_id in suite.ids]
    results = suite.run(DRAFT, ctx)
    assert results == [fn(DRAFT, ctx) for fn in checks], "guard and direct calls disagree"

    print(f"draft: {len(DRAFT.split())} words, {len(DRAFT)} chars; {runs} runs after warm-up")
    print("  results: " + ", ".join(f"{r.id}={'pass' if r.passed else 'FAIL'}" for r in results))
    print("whole suite (cold: new draft each run)")
    guarded = _row(
        "CheckSuite.run (through the guardrails Guard)", _time(lambda: suite.run(DRAFT, ctx), runs)
    )
    direct = _row(
        f"the {len(checks)} check functions called directly",
        _time(lambda: [fn(DRAFT, ctx) for fn in checks], runs),
    )
    print("one check")
    for check_id, fn in zip(suite.ids, checks, strict=True):
        _row(f"{check_id} alone (cold)", _time(partial(fn, DRAFT, ctx), runs))
    for check_id, fn in zip(suite.ids, checks, strict=True):
        _row(f"{check_id} (shared analysis)", _time(partial(fn, DRAFT, ctx), runs, cold=False))
    _row(
        "shared analysis itself (analyze + agent_actions)",
        _time(lambda: (text.analyze(DRAFT), apology_action.agent_actions(DRAFT)), runs),
    )
    overhead = guarded - direct
    print(
        f"guardrails itself: {overhead:.4f} ms of {guarded:.4f} ms per run "
        f"= {100 * overhead / guarded:.0f}% (medians)"
    )
    if args.profile:
        _profile(lambda: suite.run(DRAFT, ctx), runs)


def _profile(run: Callable[[], object], runs: int) -> None:
    """Cumulative time inside guardrails' own functions, per suite run."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        _cold()
        run()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    ours = ("/service/",)
    buckets: dict[str, float] = {}
    rows = []
    for (file, _line, func), (_cc, calls, own, _cum, _callers) in stats.items():
        where = (
            "calm checks"
            if any(o in file for o in ours)
            else (
                "guardrails"
                if "/guardrails" in file
                else "pydantic"
                if "pydantic" in file
                else "opentelemetry"
                if "opentelemetry" in file
                else "python stdlib / other"
            )
        )
        buckets[where] = buckets.get(where, 0.0) + own / runs * 1000
        if where == "guardrails":
            rows.append((own / runs * 1000, calls / runs, f"{Path(file).name}:{func}"))
    print("self time per run by package (ms):")
    for where, ms in sorted(buckets.items(), key=lambda kv: -kv[1]):
        print(f"  {ms:7.4f} ms  {where}")
    print("guardrails' own functions, self time per run:")
    for ms, calls, name in sorted(rows, reverse=True)[:10]:
        print(f"  {ms:7.4f} ms  {calls:6.1f}x  {name}")


if __name__ == "__main__":
    main()
