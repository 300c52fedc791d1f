"""no-internal-leak: nothing from a `note` message is revealed to the customer."""

from __future__ import annotations

from typing import Any

import pytest

from evals.check_accuracy import LABELLED_DIR, read_rows
from service.pipeline.checks import internal_leak
from service.pipeline.checks.base import CheckContext
from service.pipeline.checks.guard import CheckSuite
from service.schemas import Policy, Thread
from tests.checks.conftest import assert_labelled_file, assert_scores, flagged, measure

DATA = LABELLED_DIR / "no-internal-leak.jsonl"
CHECK_ID = internal_leak.CHECK_ID

FINANCE = "Internal: finance says no refunds on annual plans."
ENG = (
    "Account is 8 months into the annual term. Engineering ticket ENG-4471 open, fix targeted for "
    "the next release."
)
ABUSIVE = "Customer flagged as abusive in 2023"
VIP = "VIP - churn risk, CEO knows them"
DATA_LOSS = "Don't mention the data loss bug"
POLICY = {"full_refund": False, "rules": ["Annual plans are not refundable after 30 days."]}


def leak_ctx(
    *notes: str,
    customer: str = "The export died at 92% again. I want my money back.",
    policy: dict[str, Any] | None = None,
    facts: tuple[str, ...] = (),
) -> CheckContext:
    messages = [{"role": "customer", "text": customer}, {"role": "agent", "text": "Looking now."}]
    messages += [{"role": "note", "text": note} for note in notes]
    thread = Thread.model_validate(
        {"customer": {"name": "Dana Reyes"}, "agent": {"name": "Sam"}, "messages": messages}
    )
    return CheckContext(
        thread=thread, policy=Policy.model_validate(policy) if policy else None, facts=facts
    )


PASSES = [
    # note content that the policy, facts or customer already say
    (leak_ctx(FINANCE, policy=POLICY), "Annual plans aren't refundable after 30 days, sorry."),
    (leak_ctx(FINANCE, policy=POLICY), "I checked: annual plans are not refundable after 30 days."),
    (
        leak_ctx(ENG, facts=("Duplicate contacts bug is known",)),
        "It's a known bug, and a fix is coming.",
    ),
    (
        leak_ctx(
            "Customer says the $89.99 charge is unrecognised.",
            customer="There's a $89.99 charge I don't recognise.",
        ),
        "I see the $89.99 charge you don't recognise.",
    ),
    # one ordinary shared word, stems included
    (leak_ctx(FINANCE), "I'll process the refund today."),
    (leak_ctx(FINANCE), "Let me look at your plan."),
    (leak_ctx(ABUSIVE), "I've flagged your case for my supervisor."),
    (leak_ctx(ENG), "I can't give you a release date yet; I'll update you by 3 PM."),
    # numbers used as our own times, not the note's
    (leak_ctx("Same as the other 40 tickets today."), "I'll call you at 10 AM tomorrow."),
    (leak_ctx(ENG), "I'll check in 8 minutes."),
    # our own actions, not internal process
    (leak_ctx(), "I've made a note on your account so anyone you speak to has the history."),
    (leak_ctx(), "I've escalated this internally and will update you by 3 PM."),
    (leak_ctx(), "Thanks for your note — I've passed it on."),
    (leak_ctx(), "I've flagged this as urgent for our team."),
    (leak_ctx(), "Our billing team has reversed the duplicate charge."),
    (leak_ctx(), "Our records show the order shipped on Monday."),
    (leak_ctx(VIP, DATA_LOSS), "I'm sorry about this morning. I'm restoring your files now."),
    (leak_ctx(FINANCE), ""),
]

FAILS = [
    # (context, draft, text under each reported span)
    (leak_ctx(ENG), "This is tracked as ENG-4471.", ["ENG-4471"]),
    (leak_ctx(ENG), "You're 8 months into your annual term.", ["8", "annual term"]),
    (leak_ctx(ENG), "The fix is targeted for our next release.", ["targeted", "release"]),
    (leak_ctx(ABUSIVE), "Your account was flagged in 2023.", ["flagged in 2023"]),
    (leak_ctx(ABUSIVE), "Given past abusive messages, we'll stick to email.", ["abusive"]),
    (leak_ctx(VIP), "As one of our VIP customers, you're our priority.", ["VIP"]),
    (leak_ctx(VIP), "Our CEO asked me to look at this personally.", ["CEO"]),
    (leak_ctx(DATA_LOSS), "This looks like the data loss bug.", ["the data loss bug"]),
    (leak_ctx(DATA_LOSS), "Some users lost data because of a bug.", ["data", "bug"]),
    # without a customer-facing policy, the finance rule is the note's
    (leak_ctx(FINANCE), "We don't do refunds on annual plans.", ["refunds on annual plans"]),
    (
        leak_ctx("Replacement stock from Kestrel Parts arrives Tuesday."),
        "I've asked Kestrel Parts about it.",
        ["Kestrel Parts"],
    ),
    (leak_ctx("Sarah from QA reproduced it."), "I've asked Sarah to call you.", ["Sarah"]),
    (
        leak_ctx("Spoke with his wife - he's in hospital."),
        "I hope the hospital stay went well.",
        ["hospital"],
    ),
    # internal process, with or without notes
    (
        leak_ctx(FINANCE, policy=POLICY),
        "Finance told me annual plans aren't refundable.",
        ["Finance told"],
    ),
    (
        leak_ctx(),
        "According to our internal notes, the payment failed.",
        ["According to our internal notes"],
    ),
    (leak_ctx(), "I see a note on your account about this.", ["I see a note on"]),
    (leak_ctx(), "There's an open engineering ticket for it.", ["engineering ticket"]),
    (leak_ctx(), "You're flagged as a churn risk.", ["flagged as a churn risk"]),
    (leak_ctx(), "Off the record, it's a known bug.", ["Off the record"]),
    (leak_ctx(), "I'm not supposed to tell you this, but it's a bug.", ["not supposed to tell"]),
    (leak_ctx(), "Legal is reviewing it.", ["Legal is reviewing"]),
    (leak_ctx(), 'Our notes say "VIP".', ["Our notes say"]),
]


@pytest.mark.parametrize(("ctx_", "draft"), PASSES)
def test_passes(ctx_: CheckContext, draft: str) -> None:
    result = internal_leak.check(draft, ctx_)
    assert result.passed, result.message
    assert result.id == CHECK_ID


@pytest.mark.parametrize(("ctx_", "draft", "expected"), FAILS)
def test_fails_with_spans_on_the_leak(ctx_: CheckContext, draft: str, expected: list[str]) -> None:
    result = internal_leak.check(draft, ctx_)
    assert not result.passed
    assert flagged(draft, result) == expected
    assert all(f'"{text}"' in result.message for text in expected)
    assert result.hint.startswith(f'Remove "{expected[0]}"')


def test_hint_points_at_the_note_and_what_policy_allows() -> None:
    ctx = leak_ctx(ENG, policy=POLICY)
    result = internal_leak.check("Ticket ENG-4471 covers this.", ctx)
    assert result.message == 'Reveals internal note content: "ENG-4471"'
    assert result.hint == (
        'Remove "ENG-4471" — it comes from an internal note; say what the policy allows (e.g. '
        '"Annual plans are not refundable after 30 days.") instead.'
    )
    process = internal_leak.check("Finance told me no.", leak_ctx(facts=("Workaround: CSV",)))
    assert process.message == 'Mentions internal process: "Finance told"'
    assert "don't mention internal notes" in process.hint and "Workaround: CSV" in process.hint


def test_note_words_are_judged_per_note() -> None:
    """Two words from two different notes are no paraphrase of either."""
    ctx = leak_ctx("Prefers mornings.", "Asked about invoices.")
    assert internal_leak.check("I'll send the invoices this morning.", ctx).passed


def test_quoted_note_text_still_leaks() -> None:
    result = internal_leak.check('The note says "abusive".', leak_ctx(ABUSIVE))
    assert not result.passed


@pytest.mark.parametrize(
    "draft", ["   ", "\n", "ENG-" * 300, "🙂 VIP 🙂", "$", "#", "1/2/3/4/5", "'s", "\x00"]
)
def test_never_raises_on_odd_input(draft: str) -> None:
    result = internal_leak.check(draft, leak_ctx(ENG, VIP, "$450 #12 5.2.1 O'Brien's 50%"))
    assert all(0 <= s < e <= len(draft) for s, e in result.spans)


def test_runs_through_the_check_suite() -> None:
    ctx = leak_ctx(ENG)
    suite = CheckSuite([(CHECK_ID, internal_leak.check)])
    [result] = suite.run("Tracked as ENG-4471.", ctx)
    assert (result.id, result.passed, result.spans) == (CHECK_ID, False, [(11, 19)])
    [ok] = suite.run("I'm sorry the sync keeps duplicating contacts; I'm on it now.", ctx)
    assert ok.passed


# ---- the labelled set ------------------------------------------------------------------------


def test_labelled_file_is_big_and_valid() -> None:
    assert_labelled_file(read_rows(DATA), CHECK_ID)


def test_precision_and_recall_on_the_labelled_file() -> None:
    assert_scores(measure(internal_leak.check, CHECK_ID, read_rows(DATA)), CHECK_ID)
