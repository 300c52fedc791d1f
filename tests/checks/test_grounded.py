"""grounded: nothing invented is stated as fact, and no placeholder is left unfilled."""

from __future__ import annotations

import gc
import time
from typing import Any

import pytest

from evals.check_accuracy import LABELLED_DIR, read_rows
from service.pipeline.checks import _grounding_terms as terms
from service.pipeline.checks import grounded
from service.pipeline.checks.base import CheckContext, Windows
from service.pipeline.checks.guard import CheckSuite
from service.schemas import Policy, Thread
from tests.checks.conftest import assert_labelled_file, assert_scores, flagged, measure

LABELLED = LABELLED_DIR / "grounded.jsonl"

THREAD: dict[str, Any] = {
    "channel": "chat",
    "subject": "Export keeps failing",
    "customer": {"name": "Dana Reyes"},
    "agent": {"name": "Sam"},
    "messages": [
        {
            "role": "customer",
            "text": "Third time asking. The export died at 92% AGAIN. I lost two "
            "hours and paid $49.99 for this plan (order #A1234). My meeting is at 4.",
            "sent_at": "2026-11-20T09:14:00Z",
        },
        {"role": "agent", "text": "Sorry about that, looking now."},
        {"role": "note", "text": "Ticket ENG-4471 open with eng; fix ETA 16:00 UTC."},
    ],
}
POLICY: dict[str, Any] = {
    "full_refund": False,
    "max_credit_months": 2,
    "escalation_targets": ["billing specialist", "supervisor"],
    "sla": {"first_update": "30 minutes", "resolution": "2 business days"},
    "rules": ["Annual plans are not refundable after 30 days."],
}
FACTS = ("Outage 09:12-10:05 UTC on 12 November", "Workaround: export in CSV")


@pytest.fixture
def ctx() -> CheckContext:
    return CheckContext(
        thread=Thread.model_validate(THREAD),
        policy=Policy.model_validate(POLICY),
        facts=FACTS,
        windows=Windows("30 minutes", "2 business days"),
    )


PASSES = [
    # the thread's own figures, in other spellings
    "I'm sorry the export died at 92 percent again, and that you lost 2 hours on it.",
    "You lost two hours and it stopped at ninety-two percent.",
    "I've refunded the 49.99 USD for order A1234.",
    "The outage ran 9:12–10:05 UTC on November 12, which is why the export stalled.",
    "Between 09:12 AM and 10:05 AM UTC on 12/11 the export service was down.",
    "This is the 3rd time you've had to ask, and that's on us.",
    "You've lost 120 minutes to this already.",
    "I know your meeting is at 4 PM.",
    "Your message at 09:14 on Friday was the third one.",
    "Engineering is tracking it under ENG-4471 and expects a fix at 16:00 UTC.",
    "Annual plans aren't refundable after 30 days, so here's what I can do instead.",
    # the agent's own commitments, offers and proposals
    "I'll send the CSV within 20 minutes.",
    "If I haven't replied by 2:30, I'll call you.",
    "I'll have an update for you tomorrow by noon.",
    "Would a call at 3 PM today work for you?",
    "I'll check in every 45 minutes until it's done.",
    "I'm rerunning it now and you'll have the file within 10 minutes.",
    "I can credit two months to your account.",
    "I can offer one month of credit while we fix this.",
    # counts of our own options and steps, enumerators, idioms
    "I've got two options for you: a CSV export now, or a split export within the hour.",
    "Two quick questions: how big is the file, and which date range do you need?",
    "Step one: open Settings. Step two: choose CSV.",
    "1. Open Settings\n2. Choose Export\n3. Pick CSV",
    "Here's the plan: 1) rerun it, 2) send it, 3) confirm the fix.",
    "One more thing: the CSV keeps every figure.",
    "I'm 100% on this with you.",
    "First, I'm rerunning it. Second, I'm checking the logs.",
    "Third, I'll confirm once the tests pass.",
    "Ten out of ten for patience, Dana.",
    "Is the file a few hundred MB, or bigger?",
    # quoted customer words and URLs
    'You wrote "it died at 97% last night", and I believe you.',
    "The status page at https://status.example.com/incidents/8812 has the timeline.",
    # names: the customer, the agent, roles, products
    "Hi Dana,\n\nI'm on it.\n\nBest,\nSam",
    "Dear Ms. Reyes, I'm Sam and I'm taking this over.",
    "I'm bringing in our billing specialist now.",
    "Excel and Google Sheets both open the CSV export.",
    "Thanks for your patience, Dana. — Sam",
    "Happy Friday, Dana. The export is running again.",
    "",
    "   ",
]

FAILS = [
    # (draft, text under each reported span)
    ("The export failed at 95% again.", ["95%"]),
    ("The outage ran from 08:40 to 10:05 UTC.", ["08:40"]),
    ("About 48% of exports failed during the outage.", ["48%"]),
    ("I've refunded the $59.99 for this plan.", ["$59.99"]),
    ("Your order #A1243 is being refunded.", ["#A1243"]),
    ("I've opened ticket ENG-5120 for this.", ["ENG-5120"]),
    ("The export has failed four times now.", ["four"]),
    ("You've lost three hours to this.", ["three hours"]),
    ("This is the fifth time you've had to ask.", ["fifth"]),
    ("The bug was introduced on 14 November.", ["14 November"]),
    ("It happened on Tuesday morning.", ["Tuesday"]),
    ("Exports of that size normally take about 40 minutes.", ["40 minutes"]),
    ("Refunds post within 10 business days.", ["10 business days"]),
    ("Your new total is $99.98.", ["$99.98"]),
    ("Your file is 3.4 GB, which is over our limit.", ["3.4"]),
    ("You can reach billing on 1-800-555-0199.", ["1-800-555-0199"]),
    ("We've had a dozen reports like yours.", ["a dozen"]),
    ("I'll send the file within 20 minutes. The bug shipped in version 4.2.", ["4.2"]),
    # names
    ("I'm looping in our specialist, Casey, who will call you.", ["Casey"]),
    ("My colleague Priya from engineering is on it.", ["Priya"]),
    ("Mark from our billing team will email you.", ["Mark"]),
    ("Our billing specialist, Jordan Lee, has confirmed it.", ["Jordan Lee"]),
    ("If it isn't fixed, ask for Bernadette in billing.", ["Bernadette"]),
    ("Hi Diana, I'm sorry the export failed.", ["Diana"]),
    ("Hi Dana, I'm Rachel and I'm taking this over.", ["Rachel"]),
    ("Thanks, Dana.\n\nBest,\nJordan", ["Jordan"]),
    # placeholders
    ("Hi [Name], I'm sorry about the export.", ["[Name]"]),
    ("I've applied a credit of {{credit_amount}}.", ["{{credit_amount}}"]),
    ("Your claim number is {claim_id}.", ["{claim_id}"]),
    ("Hi <NAME>, thanks for waiting.", ["<NAME>"]),
    ("I'll follow up by <insert time>.", ["<insert time>"]),
    ("Your tracking number is XXXXXXXX.", ["XXXXXXXX"]),
    ("Your credit of $XX.XX is applied.", ["XX", "XX"]),
    ("You'll see it within TBD business days.", ["TBD"]),
    ("Confirmation number: N/A.", ["N/A"]),
    ("I'll send the report by ____.", ["____"]),
    ("Hi FIRST_NAME, the refund is done.", ["FIRST_NAME"]),
    ("Your refund of $%s is processed.", ["%s"]),
]


@pytest.mark.parametrize("draft", PASSES)
def test_passes(draft: str, ctx: CheckContext) -> None:
    result = grounded.check(draft, ctx)
    assert result.passed, result.message


@pytest.mark.parametrize(("draft", "spans"), FAILS)
def test_fails_with_spans(draft: str, spans: list[str], ctx: CheckContext) -> None:
    result = grounded.check(draft, ctx)
    assert not result.passed
    assert flagged(draft, result) == spans
    assert result.message and result.hint


def test_every_message_counts_even_notes(ctx: CheckContext) -> None:
    assert grounded.check("The fix is due at 16:00 UTC under ENG-4471.", ctx).passed


def test_a_weekday_is_grounded_by_a_dated_fact_or_message() -> None:
    thread = {
        **THREAD,
        "messages": [
            {
                "role": "customer",
                "text": "Charged twice on March 3.",
                "sent_at": "2026-03-04T10:00:00Z",
            }
        ],
    }
    ctx = CheckContext(thread=Thread.model_validate(thread))
    assert grounded.check("The duplicate charge was on Tuesday.", ctx).passed  # 3 March 2026
    assert grounded.check("Your message came in on Wednesday.", ctx).passed  # the sent_at
    assert not grounded.check("The duplicate charge was on Monday.", ctx).passed


def test_without_policy_or_facts_every_figure_needs_the_thread() -> None:
    ctx = CheckContext(thread=Thread.model_validate(THREAD))
    assert not grounded.check("The outage ran from 09:12 to 10:05 UTC.", ctx).passed
    assert grounded.check("The export died at 92% after two hours.", ctx).passed


def test_messages_quote_the_words_and_hints_offer_real_figures(ctx: CheckContext) -> None:
    result = grounded.check("The export failed at 95% during the 08:40 outage.", ctx)
    assert "'95%'" in result.message and "'08:40'" in result.message
    assert "'92%'" in result.hint  # a figure the thread does give
    assert "'09:12" in result.hint
    ids = grounded.check("Ticket ENG-9999 is open.", ctx)
    assert "#A1234" in ids.hint
    name = grounded.check("I'm passing you to our specialist, Casey.", ctx)
    assert "our billing specialist" in name.hint
    greeting = grounded.check("Hi Diana, thanks for waiting.", ctx)
    assert "'Dana'" in greeting.hint
    placeholder = grounded.check("Hi [Name], thanks for waiting.", ctx)
    assert "'Dana'" in placeholder.hint


def test_hints_never_offer_a_notes_figures(ctx: CheckContext) -> None:
    """A note grounds a figure (leaking it is no-internal-leak's call) but is never suggested."""
    for draft in ("Ticket ENG-9999 is open.", "The fix lands at 17:30 UTC."):
        result = grounded.check(draft, ctx)
        assert not result.passed
        assert "ENG-4471" not in result.hint and "16:00" not in result.hint


def test_spans_cover_each_invented_item_once(ctx: CheckContext) -> None:
    draft = "Casey says 48% failed at 08:40, see ENG-5120, and Casey will call you."
    result = grounded.check(draft, ctx)
    assert flagged(draft, result) == ["Casey", "48%", "08:40", "ENG-5120", "Casey"]
    assert all(0 <= s < e <= len(draft) for s, e in result.spans)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("two", "2"),
        ("twenty-five", "25"),
        ("92%", "92 percent"),
        ("$49.99", "49.99 USD"),
        ("9:12", "09:12"),
        ("9:12 AM", "09:12 UTC"),
        ("2:30 PM", "14:30"),
        ("4 PM", "16:00"),
        ("March 3", "3 March"),
        ("March 3rd", "03/03"),
        ("2 hours", "120 minutes"),
        ("two hours", "2 hours"),
        ("21 days", "three weeks"),
        ("third", "3rd"),
        ("#A1234", "A1234"),
        ("INV-889", "inv 889"),
        ("1,200", "1200"),
        ("$64", "$64.00"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    (ka,) = terms.items(a, source=True)
    (kb,) = terms.items(b, source=True)
    assert ka.keys[0] & kb.keys[0], (ka, kb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("9:12 PM", "09:12"),
        ("24 hours", "1 business day"),
        ("3 hours", "3 days"),
        ("#A1234", "#A1243"),
    ],
)
def test_different_figures_do_not_match(a: str, b: str) -> None:
    (ka,) = terms.items(a, source=True)
    (kb,) = terms.items(b, source=True)
    assert not ka.keys[0] & kb.keys[0]


@pytest.mark.parametrize(
    "draft",
    [
        "[" * 500,
        "#" * 300,
        "9" * 5000,
        "$" * 100 + "1",
        "<<<>>>{{}}" * 50,
        "\x00\u202e12:99:99",
        "Hi ,",
        "31/02/2026 and 99:99 and 2026-13-45",
        "é" * 1000 + " Zoë Ångström",
    ],
)
def test_never_raises_on_odd_input(draft: str, ctx: CheckContext) -> None:
    grounded.check(draft, ctx)


def test_runs_through_the_guard_suite(ctx: CheckContext) -> None:
    suite = CheckSuite([(grounded.CHECK_ID, grounded.check)])
    draft = "Hi Dana, the export failed at 95%."
    (result,) = suite.run(draft, ctx)
    assert result.id == "grounded" and not result.passed
    assert flagged(draft, result) == ["95%"] and result.hint
    (ok,) = suite.run("Hi Dana, the export failed at 92%.", ctx)
    assert ok.passed


def test_source_is_built_once_per_context_and_dropped_with_it(ctx: CheckContext) -> None:
    grounded.check("92%", ctx)
    first = grounded._source(ctx)
    assert grounded._source(ctx) is first
    other = CheckContext(thread=Thread.model_validate(THREAD))
    assert grounded._source(other) is not first
    key = id(other)
    del other
    gc.collect()
    assert key not in grounded._CACHE


def test_own_logic_is_fast(ctx: CheckContext) -> None:
    draft = (
        "Dana, thank you for sticking with this, and I'm sorry the export died at 92% again after "
        "you lost two hours on it. We had an outage from 09:12 to 10:05 UTC that stopped exports, "
        "and your file got caught in it. I've restarted it with the CSV workaround, and I'll send "
        "you the file within 20 minutes. If it stalls again, I'll call you by 2:30 so you have it "
        "well before your meeting at 4. I can also credit two months on your account for the "
        "trouble, and I'm bringing in our billing specialist now so that's handled properly. "
        "Engineering is tracking the root cause, and I'll confirm the fix once tests pass. Thanks "
        "for bearing with me, Dana."
    )
    grounded.check(draft, ctx)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        grounded.check(draft, ctx)
    per_call_ms = (time.perf_counter() - start) / runs * 1000
    print(f"\ngrounded: {per_call_ms * 1000:.0f} us per 150-word draft (warm context)")
    assert per_call_ms < 1.0  # generous for slow CI; ~0.1 ms on a laptop


# ---- the labelled set ---------------------------------------------------------------------------


def test_labelled_set_is_big_valid_and_balanced() -> None:
    rows = read_rows(LABELLED)
    assert_labelled_file(rows, "grounded")
    bad = sum(not row["expected"]["grounded"] for row in rows)
    assert 0.3 < bad / len(rows) < 0.7


def test_precision_and_recall_on_the_labelled_set() -> None:
    assert_scores(measure(grounded.check, "grounded", read_rows(LABELLED)), "grounded")
