"""Technique choice: override, rule order, reasons, and accuracy on the labelled threads."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from service.pipeline.signals import SIGNAL_IDS, detect_signals
from service.pipeline.techniques import RULES, TECHNIQUE_NAMES, choose_technique
from service.schemas import TECHNIQUE_IDS, DraftRequest, Policy, Signal, Sla, Thread

DATA = Path(__file__).resolve().parents[1] / "data" / "technique_threads.jsonl"
HELDOUT = DATA.with_name("technique_threads_heldout.jsonl")
# Regression floor for the blind held-out set: 0.525 before the lexicon rewrite, 0.613 (49/80)
# when this floor was set. Only the aggregate is ever computed or printed: never tune the
# lexicons against individual held-out threads.
HELDOUT_FLOOR = 0.60


def make_thread(*texts: str, channel: str = "chat") -> Thread:
    return Thread.model_validate(
        {"channel": channel, "customer": {"name": "Dana"}, "agent": {"name": "Sam"},
         "messages": [{"role": "customer", "text": t} for t in texts]}
    )


def choose(*texts: str, channel: str = "chat", policy: Policy | None = None) -> str:
    thread = make_thread(*texts, channel=channel)
    return choose_technique(detect_signals(thread, policy), thread=thread, policy=policy).id


def test_requested_technique_overrides() -> None:
    thread = make_thread("you idiots")
    signals = detect_signals(thread)
    choice = choose_technique(signals, thread=thread, requested="mirror")
    assert choice.id == "mirror"
    assert choice.why == "requested by the agent"
    assert choose_technique(signals, thread=thread, requested="auto").id == "boundary"
    with pytest.raises(ValueError, match="unknown technique"):
        choose_technique(signals, thread=thread, requested="hug")


def test_names_and_rules_cover_the_contract_ids() -> None:
    assert set(TECHNIQUE_NAMES) == set(TECHNIQUE_IDS)
    assert {r.technique for r in RULES} == set(TECHNIQUE_IDS)
    assert all(s in SIGNAL_IDS for r in RULES for s in r.any_of)
    assert RULES[-1].any_of == () and RULES[-1].when is None  # a catch-all closes the table


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("Let me speak to your manager, you idiots.",), "boundary"),
        (("I want a supervisor. Third time asking.",), "warm-handoff"),
        (("is the site down? third time asking",), "outage-recovery"),
        (("you said Monday. Third time asking.",), "reset-expectations"),
        (("Third time asking. I need it by tomorrow.",), "time-boxed-update"),
        (("Third time asking. I lost two hours of work.",), "apology-plus-action"),
        (("I lost two hours of work. What are my options?",), "mirror"),
        (("What are my options? I'll cancel my account otherwise.",), "offer-choices"),
        (("I'll cancel my account. Customer for 8 years.",), "shared-outcome"),
        (("this is terrible",), "open-question"),
        (("Hi, I'm annoyed, my bill is higher than it should be.",), "disarming-opening"),
        (("Hello",), "disarming-opening"),
    ],
)
def test_priority_order(texts: tuple[str, ...], expected: str) -> None:
    assert choose(*texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # abuse aimed at the agent wins over repeated contact and a refund demand
        (("why can't you idiots read? third time I've asked for my money back",), "boundary"),
        (("are you thick or what? I've given you those digits twice already",), "boundary"),
        # profanity about the situation is not abuse at a person
        (("this damn app crashed again and I lost two hours of work",), "apology-plus-action"),
        # a fix the customer confirms, with fresh praise, is a follow-up
        (("that did it, all sorted now. you're a star, thank you",), "follow-up"),
        # a fix with a new problem in the same breath is not
        (("it works now but the export is still broken, third time asking",),
         "apology-plus-action"),
        # negated requests do not steer the choice
        (("No need for a manager, I just want to know what my options are",), "offer-choices"),
        (("I'm not going to cancel, I just want the late fee explained",), "disarming-opening"),
    ],
)
def test_co_occurring_signals(texts: tuple[str, ...], expected: str) -> None:
    assert choose(*texts) == expected


def test_resolution_outranks_old_anger() -> None:
    thread = Thread.model_validate({
        "channel": "chat", "customer": {"name": "A"}, "agent": {"name": "B"},
        "messages": [
            {"role": "customer", "text": "Let me speak to your manager, this is a joke"},
            {"role": "agent", "text": "I've reset the sync for you, could you check?"},
            {"role": "customer", "text": "oh it works now, thanks"},
        ],
    })
    assert choose_technique(detect_signals(thread), thread=thread).id == "follow-up"


def test_refund_depends_on_policy() -> None:
    ask = "I want a refund for the rest of the year."
    assert choose(ask, policy=Policy(full_refund=False)) == "refund-outside-policy"
    assert choose(ask, policy=Policy(full_refund=True)) == "apology-plus-action"


def test_rant_interrupt_only_live() -> None:
    rant = (
        "Okay so I need you to listen, I have been going around in circles for weeks. The bill "
        "doubled and nobody told me why, then a letter said I'm behind on payments which is a "
        "lie, then collections called and was rude to me. I have two kids, I work nights, I do "
        "not have time for this. I'm so tired of it and I'm at the end of my rope here."
    )
    assert choose(rant, channel="phone") == "interrupt-with-permission"
    assert choose(rant, channel="email") != "interrupt-with-permission"


def test_legal_threat_hands_off_only_when_someone_can_take_it() -> None:
    threat = "My lawyer will hear about the sofa."
    assert choose(threat, policy=Policy(escalation_targets=["legal team"])) == "warm-handoff"
    assert choose(threat) == "apology-plus-action"


def test_deadline_inside_sla_resets_expectations() -> None:
    ask = "I need the data recovered by tonight."
    slow = Policy(sla=Sla(resolution="3 business days"))
    fast = Policy(sla=Sla(resolution="4 hours"))
    assert choose(ask, policy=slow) == "reset-expectations"
    assert choose(ask, policy=fast) == "time-boxed-update"
    assert choose(ask) == "time-boxed-update"


def test_reason_names_the_evidence() -> None:
    thread = make_thread("Third time asking. The export died at 92% AGAIN.")
    choice = choose_technique(detect_signals(thread), thread=thread)
    assert choice.id == "apology-plus-action"
    assert choice.why.startswith('repeated contact ("Third time asking")')
    assert "concrete loss" in choice.why
    assert "\n" not in choice.why and len(choice.why) < 200


def test_choice_with_no_signals() -> None:
    thread = make_thread("Hello")
    choice = choose_technique([], thread=thread)
    assert choice.id == "disarming-opening" and choice.why


def test_works_with_handmade_signals() -> None:
    thread = make_thread("anything")
    signals = [Signal(id="wants-options", evidence="anything", message_index=0)]
    assert choose_technique(signals, thread=thread).id == "offer-choices"


# ---- the labelled set ------------------------------------------------------------------------


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def test_labelled_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 64
    assert len({r["name"] for r in rows}) == len(rows)
    per = Counter(r["expected"] for r in rows)
    assert set(per) == set(TECHNIQUE_IDS) and min(per.values()) >= 4, per
    channels = {DraftRequest.model_validate(r["request"]).thread.channel for r in rows}
    assert channels == {"chat", "email", "phone", "social"}
    for r in rows:
        assert r["expected"] not in r["acceptable"]
        assert set(r["acceptable"]) <= set(TECHNIQUE_IDS)
        assert set(r["signals"]) <= set(SIGNAL_IDS), r["name"]


def test_labelled_set_accuracy() -> None:
    correct = labelled = found = 0
    misses: list[str] = []
    rows = _rows()
    for r in rows:
        request = DraftRequest.model_validate(r["request"])
        signals = detect_signals(request.thread, request.policy)
        choice = choose_technique(signals, thread=request.thread, policy=request.policy)
        if choice.id == r["expected"] or choice.id in r["acceptable"]:
            correct += 1
        else:
            misses.append(f"{r['name']}: expected {r['expected']}, got {choice.id}: {choice.why}")
        detected = {s.id for s in signals}
        labelled += len(r["signals"])
        found += sum(s in detected for s in r["signals"])
    accuracy, recall = correct / len(rows), found / labelled
    print(f"\ntechnique accuracy {accuracy:.3f} ({correct}/{len(rows)}), "
          f"signal recall {recall:.3f} ({found}/{labelled})")
    for miss in misses:
        print("  miss:", miss)
    assert accuracy >= 0.95
    assert recall >= 0.85


def test_dev_batch_covers_every_technique() -> None:
    """The hand-written d6 batch: three threads per technique, labelled before the first run."""
    d6 = [r for r in _rows() if r["name"].startswith("d6-")]
    assert len(d6) >= 48
    per = Counter(r["expected"] for r in d6)
    assert set(per) == set(TECHNIQUE_IDS) and min(per.values()) >= 3, per


def test_heldout_accuracy_floor() -> None:
    """Blind held-out accuracy (aggregate only) stays above a regression floor."""
    if not HELDOUT.exists():
        pytest.skip("held-out file not present")
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line]
    correct = 0
    for r in rows:
        request = DraftRequest.model_validate(r["request"])
        signals = detect_signals(request.thread, request.policy)
        choice = choose_technique(signals, thread=request.thread, policy=request.policy)
        correct += choice.id == r["expected"] or choice.id in r["acceptable"]
    accuracy = correct / len(rows)
    print(f"\nheld-out technique accuracy {accuracy:.3f} ({correct}/{len(rows)})")
    assert accuracy >= HELDOUT_FLOOR
