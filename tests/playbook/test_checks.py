"""Calm's own checks pass on the playbook's drafts, for every technique x channel x scenario.

The guard (``service/pipeline/checks/guard.py``) composes the nine checks; while it is being
written, each check module that already exists (``check(draft, ctx)``) is run on its own, so a
new check is exercised here the day it lands.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pytest

import service.pipeline.checks as checks_package
from service.pipeline.checks.base import CheckContext
from service.pipeline.playbook import write_reply
from service.pipeline.prompt_files import PromptLibrary
from service.schemas import TECHNIQUE_IDS, CheckResult
from tests.playbook.cases import CASES, Scenario
from tests.playbook.helpers import messages_for, windows_for

CHANNELS = ("chat", "email", "phone", "social")
CheckFn = Callable[[str, CheckContext], CheckResult]


def _check_functions() -> list[tuple[str, CheckFn]]:
    found: list[tuple[str, CheckFn]] = []
    for module in pkgutil.iter_modules(checks_package.__path__):
        if module.name in ("base", "guard"):
            continue
        loaded = importlib.import_module(f"service.pipeline.checks.{module.name}")
        fn = getattr(loaded, "check", None)
        if callable(fn):
            found.append((module.name, fn))
    return found


CHECKS = _check_functions()


def _drafts(library: PromptLibrary, scenario: Scenario) -> list[tuple[str, str, str]]:
    out = []
    for technique in TECHNIQUE_IDS:
        for channel in CHANNELS:
            request = scenario.request(channel)
            messages = messages_for(
                request,
                library,
                technique=technique,
                signals=scenario.signals,
                specifics=scenario.specifics,
            )
            out.append((technique, channel, write_reply(messages)))
    return out


def _failures(results: list[CheckResult], draft: str, where: str) -> list[str]:
    return [
        f"{where} {r.id}: {r.message} {[draft[a:b] for a, b in r.spans]}\n{draft}"
        for r in results
        if not r.passed
    ]


@pytest.mark.skipif(not CHECKS, reason="no check modules written yet")
@pytest.mark.parametrize("scenario", CASES, ids=[c.name for c in CASES])
def test_each_written_check_passes(library: PromptLibrary, scenario: Scenario) -> None:
    failures: list[str] = []
    for technique, channel, draft in _drafts(library, scenario):
        request = scenario.request(channel)
        ctx = CheckContext.from_request(request, windows_for(request))
        results = [fn(draft, ctx) for _, fn in CHECKS]
        failures += _failures(results, draft, f"{technique}/{channel}")
    assert not failures, "\n\n".join(failures[:5])


def test_guard_suite_passes(library: PromptLibrary) -> None:
    guard = pytest.importorskip("service.pipeline.checks.guard")
    suite = guard.default_suite()
    failures: list[str] = []
    for scenario in CASES:
        for technique, channel, draft in _drafts(library, scenario):
            request = scenario.request(channel)
            ctx = CheckContext.from_request(request, windows_for(request))
            failures += _failures(list(suite.run(draft, ctx)), draft, f"{technique}/{channel}")
    assert not failures, "\n\n".join(failures[:5])
