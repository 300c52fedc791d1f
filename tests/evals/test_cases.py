"""The gold set: valid requests, full coverage, honest attribution, self-consistent golds."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evals.cases import Case, Pattern, load_cases
from service.schemas import TECHNIQUE_IDS

CASES = load_cases()
CHANNELS = ("chat", "email", "phone", "social")
# Interrupting with permission needs a live channel: there is nothing to pause in email or social.
NOT_APPLICABLE = {("interrupt-with-permission", "email"), ("interrupt-with-permission", "social")}


def test_at_least_120_cases_with_unique_ids() -> None:
    assert len(CASES) >= 120
    assert len({c.id for c in CASES}) == len(CASES)


def test_every_technique_in_every_channel_it_applies_to() -> None:
    seen = Counter((c.technique, c.channel) for c in CASES)
    missing = [
        (t, ch)
        for t in TECHNIQUE_IDS
        for ch in CHANNELS
        if (t, ch) not in seen and (t, ch) not in NOT_APPLICABLE
    ]
    assert missing == []
    assert {c.channel for c in CASES} == set(CHANNELS)


def test_requests_leave_model_and_technique_to_the_matrix() -> None:
    for case in CASES:
        assert case.request.model is None and case.request.technique == "auto", case.id


def test_at_least_30_cases_adapted_from_real_conversations() -> None:
    kinds = Counter(c.source.kind for c in CASES)
    assert kinds["ibm"] + kinds["twcs"] + kinds["airline"] >= 30


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.source.kind != "written"], ids=lambda c: c.id
)
def test_adapted_cases_carry_attribution(case: Case) -> None:
    source = case.source
    assert source.dataset and source.license and source.ref and source.note
    if source.kind == "ibm":
        assert source.license == "Apache-2.0" and source.split in {"dev", "test"}
        assert re.search(r"\btweet \d{15,}\b", source.ref)
        assert "pseudonymised" in source.note
    else:
        assert "CC BY-NC-SA" in source.license and "paraphrased" in source.note


def test_no_personal_twitter_handles_survive() -> None:
    brands = {
        "@Threadly",
        "@StreamTubeHelp",
        "@Parcelly",
        "@StreamBox",
        "@SnapVault",
        "@SkyWayAir",
        "@PayNova",
        "@Cloudbox",
        "@TuneStream",
        "@MailBoxHelp",
        "@FreshCart",
        "@ShopCo",
        "@StayWell",
        "@BurritoBarn",
    }
    for case in CASES:
        for message in case.request.thread.messages:
            handles = set(re.findall(r"@\w+", message.text))
            assert handles <= brands, (case.id, handles - brands)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_gold_mentions_every_specific_and_breaks_no_rule(case: Case) -> None:
    missed = [p for p in case.must_mention if not Pattern.parse(p).find(case.gold)]
    broken = [p for p in case.must_never if Pattern.parse(p).find(case.gold)]
    assert missed == [] and broken == []


def test_case_selection_by_file_and_by_id() -> None:
    assert {c.source.kind for c in load_cases("ibm*")} == {"ibm"}
    refund = load_cases("rop-*")
    assert refund and all(c.id.startswith("rop-") for c in refund)
    assert load_cases("no-such-case-*") == []
