"""positive-refusal: every "can't / unable / not possible / not allowed" is followed by what can
be done (seed 002 "Use Positive Language" and the FAQ "What is the best way to say no")."""

from __future__ import annotations

from typing import Any

import pytest

from evals.check_accuracy import LABELLED_DIR, read_rows
from service.pipeline.checks import positive_refusal
from service.pipeline.checks.base import CheckContext
from service.pipeline.checks.guard import CheckSuite
from service.schemas import Policy, Thread
from tests.checks.conftest import (
    assert_labelled_file,
    assert_scores,
    flagged,
    make_ctx,
    measure,
)

DATA = LABELLED_DIR / "positive-refusal.jsonl"
CHECK_ID = positive_refusal.CHECK_ID

PASSES = [
    # refusal + what can be done (same sentence, next sentence, next paragraph)
    "I can't offer a full refund, but here's what I can do: I can credit two months today.",
    "A full refund isn't available after 30 days. What I can do instead is apply a credit.",
    "Exchanges aren't possible on sale items. Instead, I can offer store credit.",
    "Refunds aren't possible after 30 days. What I'm able to do is credit two months.",
    "I'm not allowed to waive the fee — what I can do is split it across two bills.",
    "It's not possible.\n\nWhat I can do is credit you two months.",
    "We don't offer phone support on Basic, but you can reach us on live chat 24/7.",
    "I'm afraid that option isn't available. Would you like me to check the other store?",
    "Unfortunately I won't be able to do that. I will escalate your case to a supervisor.",
    "I can't make that call on my own, so let me get my supervisor on the line.",
    "I'm unable to process it to the old card because it's closed, so I'll send a bank transfer.",
    "We can't discuss account details here. Please DM us your order number.",
    "Unfortunately I can't see that order. Could you double-check the email you used?",
    "I'm unable to reproduce the bug yet, so I'm setting up a test account like yours.",
    # idioms, empathy, gratitude: not refusals
    "I can't wait to get this sorted for you!",
    "I can't thank you enough for your patience.",
    "I can't imagine how frustrating that was.",
    "I can not stress this enough: back up your files.",
    "You can't go wrong with the annual plan.",
    "Can't say I blame you for being annoyed!",
    "I can't see why not — I'll extend your trial now.",
    "I cannot believe how long this took. I've refunded you.",
    # the customer's problem described back, conditionals, quotes
    "You mentioned you can't log in since the update.",
    "You can't log in because the reset link expired.",
    "I'm sorry you weren't able to reach us yesterday.",
    "If we can't fix this by Friday, I'll escalate it to our supervisor myself.",
    "\"We can't help\" is what you were told last time. I'm fixing it now.",
    "I get that this isn't possible for you right now — the offer stays open until March.",
    "",
    "I can only offer a one-month credit, and I've applied it.",
]

FAILS = [
    # (draft, text under each reported span)
    ("I can't offer you a full refund.", ["I can't offer you a full refund"]),
    ("Unfortunately that's not possible.", ["that's not possible"]),
    (
        "I'm unable to change your plan mid-cycle. I'm sorry about that.",
        ["I'm unable to change your plan mid-cycle"],
    ),
    (
        "We don't offer refunds on annual plans. This is in our terms.",
        ["We don't offer refunds on annual plans"],
    ),
    ("Phone support is not available on weekends.", ["Phone support is not available on weekends"]),
    (
        "Our policy doesn't permit exchanges on clearance items.",
        ["Our policy doesn't permit exchanges on clearance items"],
    ),
    ("Your order isn't eligible for a return.", ["Your order isn't eligible for a return"]),
    ("We no longer offer the legacy plan.", ["We no longer offer the legacy plan"]),
    (
        "I'm not authorized to approve credits above one month.",
        ["I'm not authorized to approve credits above one month"],
    ),
    ("There's no way for me to reverse it.", ["There's no way for me to reverse it"]),
    (
        "Unfortunately you can't transfer a licence to another person.",
        ["you can't transfer a licence to another person"],
    ),
    (
        "Our system won't let me edit a paid invoice.",
        ["Our system won't let me edit a paid invoice"],
    ),
    ("Sorry, that's a no from me on the refund.", ["that's a no from me on the refund"]),
    ("Returns without a receipt aren't accepted.", ["Returns without a receipt aren't accepted"]),
    ("That isn't something we're able to change.", ["That isn't something we're able to change"]),
    (
        "Extensions aren't something I'm able to give.",
        ["Extensions aren't something I'm able to give"],
    ),
    # explanation, apology, closers or a link are not what can be done
    ("A refund isn't available. I understand this is frustrating.", ["A refund isn't available"]),
    (
        "I'm not allowed to waive fees. Let me know if you have questions.",
        ["I'm not allowed to waive fees"],
    ),
    ("We can't refund it. Is there anything else I can help with?", ["We can't refund it"]),
    (
        "I can't do that. Here is the link to our terms: https://example.com/terms",
        ["I can't do that"],
    ),
    (
        "I'm not able to reverse the charge. I've noted your feedback.",
        ["I'm not able to reverse the charge"],
    ),
    (
        "I can't cancel it because it has already been shipped.",
        ["I can't cancel it because it has already been shipped"],
    ),
    # an offer before the refusal's sentence does not count; idiom + a real refusal
    (
        "I've checked the history. Changing the address isn't possible.",
        ["Changing the address isn't possible"],
    ),
    (
        "I can't imagine how hard this is. Unfortunately, we can't refund shipping.",
        ["we can't refund shipping"],
    ),
    (
        "I can't refund the year, but I can credit two months. I also can't move your pricing.",
        ["I also can't move your pricing"],
    ),
    (
        "We cannot offer a refund. We can't offer a credit either.",
        ["We cannot offer a refund", "We can't offer a credit either"],
    ),
]


@pytest.mark.parametrize("draft", PASSES)
def test_passes(draft: str, ctx: CheckContext) -> None:
    result = positive_refusal.check(draft, ctx)
    assert result.passed, result.message
    assert result.id == CHECK_ID


@pytest.mark.parametrize(("draft", "expected"), FAILS)
def test_fails_with_spans_on_the_refusal(
    draft: str, expected: list[str], ctx: CheckContext
) -> None:
    result = positive_refusal.check(draft, ctx)
    assert not result.passed
    assert flagged(draft, result) == expected
    assert result.message.startswith("Refusal not followed by what can be done")
    assert all(f'"{text}"' in result.message for text in expected)
    assert "add what you can do" in result.hint


def test_hint_offers_what_the_policy_and_facts_allow() -> None:
    ctx = _ctx(
        {"max_credit_months": 2, "escalation_targets": ["billing specialist"]},
        ["Workaround: export in CSV"],
    )
    result = positive_refusal.check("A full refund isn't available.", ctx)
    assert not result.passed
    assert 'After "A full refund isn\'t available"' in result.hint
    assert "a credit of up to 2 months" in result.hint
    assert "the workaround (export in CSV)" in result.hint
    assert "a hand-off to a billing specialist" in result.hint


def test_hint_without_policy_asks_for_an_alternative(ctx: CheckContext) -> None:
    result = positive_refusal.check("I cannot cancel your subscription over chat.", ctx)
    assert "an alternative you can offer" in result.hint


@pytest.mark.parametrize(
    "draft",
    [
        "   ",
        "\n\n",
        "can't " * 500,
        "🙂🙂 can't 🙂",
        "I can'",
        "Not\x00possible",
        "?!.,;",
        "'''\"\"\"",
    ],
)
def test_never_raises_on_odd_input(draft: str, ctx: CheckContext) -> None:
    result = positive_refusal.check(draft, ctx)
    assert all(0 <= s < e <= len(draft) for s, e in result.spans)


def test_runs_through_the_check_suite(ctx: CheckContext) -> None:
    suite = CheckSuite([(CHECK_ID, positive_refusal.check)])
    draft = "I can't offer you a full refund."
    [result] = suite.run(draft, ctx)
    direct = positive_refusal.check(draft, ctx)
    assert (result.id, result.passed, result.spans, result.hint) == (
        CHECK_ID,
        False,
        direct.spans,
        direct.hint,
    )
    [ok] = suite.run("I can't refund it, but I can credit two months today.", ctx)
    assert ok.passed


# ---- the labelled set ------------------------------------------------------------------------


def _ctx(
    policy: dict[str, Any] | None, facts: list[str], thread: dict[str, Any] | None = None
) -> CheckContext:
    base = make_ctx()
    return CheckContext(
        thread=Thread.model_validate(thread) if thread else base.thread,
        policy=Policy.model_validate(policy) if policy is not None else None,
        facts=tuple(facts),
        windows=base.windows,
    )


def test_labelled_file_is_big_and_valid() -> None:
    assert_labelled_file(read_rows(DATA), CHECK_ID)


def test_precision_and_recall_on_the_labelled_file() -> None:
    assert_scores(measure(positive_refusal.check, CHECK_ID, read_rows(DATA)), CHECK_ID)


def test_recap_of_the_customers_problem_is_not_our_refusal() -> None:
    from tests.checks.conftest import make_ctx

    recap = (
        "May I pause us for a moment? Here's what I've heard. Sign-in asks you to verify your "
        "number. Your number can't be used for that. I'm starting an identity check now."
    )
    assert positive_refusal.check(recap, make_ctx()).passed
    plain = "Your number can't be used for that. Thanks for your patience."
    assert not positive_refusal.check(plain, make_ctx()).passed
