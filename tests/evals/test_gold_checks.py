"""Every gold reply passes Calm's own check suite: the standard we grade drafts against is met."""

from __future__ import annotations

import pytest

from evals.cases import Case, load_cases
from service.config import Settings
from service.pipeline.checks.base import CheckContext
from service.pipeline.checks.guard import default_suite
from service.pipeline.prompt import resolve_windows

CASES = load_cases()
SUITE = default_suite()
DEFAULTS = Settings(_env_file=None)


def context(case: Case) -> CheckContext:
    windows = resolve_windows(
        case.request.policy,
        first_update=DEFAULTS.default_first_update,
        resolution=DEFAULTS.default_resolution,
    )
    return CheckContext.from_request(case.request, windows)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_gold_reply_passes_every_check(case: Case) -> None:
    results = SUITE.run(case.gold, context(case))
    failing = {r.id: r.message for r in results if not r.passed}
    assert failing == {}
