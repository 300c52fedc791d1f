"""policy: nothing promises what the request's policy does not allow.

Unit tests per kind of promise (full refund, credit, hand-off, SLA, free-text rules), the
hints the re-ask prompt gets, robustness, the Guard, and precision/recall on the hand-labelled
set tests/checks/data/labelled/policy.jsonl (positive class: the check fails the draft).
"""

from __future__ import annotations

from typing import Any

import pytest

from evals.check_accuracy import LABELLED_DIR, read_rows
from service.pipeline.checks import _policy_terms as terms
from service.pipeline.checks import policy
from service.pipeline.checks._policy_rules import parse_rule
from service.pipeline.checks.base import CheckContext, Windows
from service.pipeline.checks.guard import CheckSuite
from service.pipeline.prompt import resolve_windows
from service.schemas import Policy, Thread
from tests.checks.conftest import assert_labelled_file, assert_scores, flagged, measure

DATA = LABELLED_DIR / "policy.jsonl"

SAAS = {
    "full_refund": False,
    "max_credit_months": 2,
    "escalation_targets": ["billing specialist", "supervisor"],
    "sla": {"first_update": "30 minutes", "resolution": "2 business days"},
    "rules": ["Annual plans are not refundable after 30 days."],
}
RETAIL = {
    "full_refund": True,
    "max_credit_months": 0,
    "escalation_targets": ["returns team", "supervisor"],
    "sla": {"first_update": "1 hour", "resolution": "3 business days"},
    "rules": ["No expedited shipping on sale items.", "Do not offer cash refunds for gift cards."],
}
B2B = {
    "full_refund": False,
    "max_credit_months": 3,
    "escalation_targets": ["integration engineer", "account manager"],
    "sla": {"first_update": "4 hours", "resolution": "5 business days"},
    "rules": [
        "Only the account manager can approve refunds over $100.",
        "No more than $50 in goodwill credit per customer.",
        "Discounts are capped at 15%.",
    ],
}


def ctx_for(
    policy_body: dict[str, Any] | None = None, customer: str = "The export failed again."
) -> CheckContext:
    thread = Thread.model_validate(
        {
            "channel": "chat",
            "customer": {"name": "Dana Reyes"},
            "agent": {"name": "Sam"},
            "messages": [{"role": "customer", "text": customer}],
        }
    )
    pol = Policy.model_validate(policy_body) if policy_body is not None else None
    windows = resolve_windows(pol, first_update="30 minutes", resolution="1 business day")
    return CheckContext(thread=thread, policy=pol, windows=windows)


def run(draft: str, policy_body: dict[str, Any] | None = SAAS, **kw: str) -> tuple[bool, list[str]]:
    result = policy.check(draft, ctx_for(policy_body, **kw))
    return result.passed, flagged(draft, result)


# ---- full refunds -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("draft", "under_span"),
    [
        ("I've refunded the full amount to your card.", "I've refunded the full amount"),
        ("You'll get all your money back by Friday.", "You'll get all your money back"),
        ("I'm issuing a complete refund right now.", "I'm issuing a complete refund"),
        ("I'll refund you in full today.", "I'll refund you in full"),
        ("I've set up a 100% refund for you.", "I've set up a 100% refund"),
        ("I'm refunding the full $240 now.", "I'm refunding the full $240"),
        ("Would you prefer a replacement or a full refund?", "or a full refund"),
        ("I'll make sure you get every penny back.", "I'll make sure you get every penny back"),
    ],
)
def test_full_refund_fails_when_not_allowed(draft: str, under_span: str) -> None:
    ok, spans = run(draft)
    assert not ok
    assert any(under_span in s for s in spans), spans


@pytest.mark.parametrize(
    "draft",
    [
        "A full refund isn't available under our agreement, but I can credit two months.",
        "You asked for a full refund, and I hear you. What I can do is credit two months.",
        "I understand you want your money back. I can't refund the whole year, but I can help.",
        "I can't offer a full refund on this plan. What I can do is credit two months today.",
        "Instead of a full refund, I can offer two months of credit.",
        "I've refunded the duplicate $49 charge, and I'll confirm within 30 minutes.",
        "I've refunded the router charge in full, since you returned it in March.",
        'You wrote "I want a full refund", and I hear that. I can credit two months today.',
        "I wish I could give you a full refund. What I can do is credit two months today.",
    ],
)
def test_refusals_quotes_and_partial_refunds_pass(draft: str) -> None:
    assert run(draft)[0], draft


def test_full_refund_allowed_only_when_policy_says_true() -> None:
    draft = "I've processed a full refund for your order."
    assert run(draft, RETAIL)[0]
    assert not run(draft, None)[0]  # no policy: promise no refund
    assert not run(draft, {"sla": {"first_update": "1 hour"}})[0]  # full_refund unset


# ---- credit -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "draft",
    [
        "To make up for it, I'm adding three months free to your account.",
        "Six months on us is the least we can do.",
        "I've applied a credit of 3 months to your account.",
        "As a thank-you, I'm giving you a quarter free.",
        "We'd like to offer you a year of service on us.",
        "I'll give you 90 days free on your plan.",
        "I've waived your next 4 months of fees.",
        "On top of the two months of credit, I've added another month.",
        "I've added half a year of credit to your account.",
    ],
)
def test_credit_over_the_maximum_fails(draft: str) -> None:
    result = policy.check(draft, ctx_for(SAAS))
    assert not result.passed
    assert "Offer at most 2 months of credit (policy.max_credit_months)" in result.hint


@pytest.mark.parametrize(
    "draft",
    [
        "I've added two months of credit to your account.",
        "Your next two months are free. I've just applied it.",
        "I've put a $50 credit on your account for the trouble.",  # money: not comparable
        "You've been with us for six months. I've added a month of credit to say sorry.",
        "You asked about six months free. I can't go that far, but I can credit two months.",
        "Your account now has 8 weeks of credit.",
    ],
)
def test_credit_within_the_maximum_passes(draft: str) -> None:
    assert run(draft)[0], draft


def test_no_credit_without_a_maximum() -> None:
    assert not run("As a thank-you, I've added a month of credit.", RETAIL)[0]  # max 0
    assert not run("I've added a free month to your subscription.", None)[0]
    assert not run("I've added a $25 goodwill credit to your account.", None)[0]


# ---- hand-offs ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("draft", "ok"),
    [
        ("I'm transferring you to our legal team now.", False),
        ("I've looped in a billing specialist, and I'm staying with you.", True),
        ("I'm getting my manager on the line now.", True),  # manager ~ supervisor
        ("I'm bringing in my team lead right now.", True),
        ("I've escalated your case to our engineering team.", False),
        ("Casey from our security team will call you within 30 minutes.", False),
        ("A member of our billing team will call you within 30 minutes.", True),
        ("Would it help if I asked our legal team to review the contract?", False),
        ("I can't transfer you to our legal team, but I can bring in a billing specialist.", True),
        ("You asked to speak to a manager. I'm bringing in my supervisor now.", True),
        ("I'm getting our social media manager to DM you.", False),
        ("Our engineers rolled back the release, and the export works again.", True),
        ("I've passed your feedback to our product team.", True),
        ("I'll pass this to the right team.", True),  # names nobody
        ("I've asked our finance team to recheck the invoice.", False),
        ("I've asked a billing specialist to recheck the invoice.", True),
        ("You asked our finance team to recheck it last week, and I'm following up.", True),
    ],
)
def test_handoffs(draft: str, ok: bool) -> None:
    result = policy.check(draft, ctx_for(SAAS))
    assert result.passed is ok, result.message
    if not ok:
        assert "Hand off only to: billing specialist, supervisor" in result.hint


def test_handoff_needs_listed_targets() -> None:
    draft = "I'm escalating this to my supervisor now."
    assert run(draft)[0]
    assert not run(draft, None)[0]
    result = policy.check(draft, ctx_for({"sla": {"first_update": "1 hour"}}))
    assert not result.passed and "policy.escalation_targets is empty" in result.message


@pytest.mark.parametrize(
    ("phrase", "target", "ok"),
    [
        ("my manager", "supervisor", True),
        ("the duty manager", "supervisor", True),
        ("my team lead", "support supervisor", True),
        ("our account manager", "account manager", True),
        ("my manager", "account manager", False),
        ("our social media manager", "supervisor", False),
        ("our billing team", "billing specialist", True),
        ("one of our integration engineers", "integration engineer", True),
        ("a technician", "field technician team", True),
        ("our network operations team", "field operations lead", False),
        ("Priya in our fraud team", "billing specialist", False),
        ("our delivery team", "delivery supervisor", False),  # a supervisor only for a supervisor
        ("the delivery supervisor", "delivery supervisor", True),
        ("our Denver station supervisor", "baggage team", False),
    ],
)
def test_target_synonyms(phrase: str, target: str, ok: bool) -> None:
    assert terms.target_matches(phrase, target) is ok


# ---- commitments against the SLA ----------------------------------------------------------
@pytest.mark.parametrize(
    ("draft", "under_span"),
    [
        ("We'll get back to you next week with an update.", "We'll get back to you next week"),
        ("I'll look into this and get back to you tomorrow.", "tomorrow"),
        ("I'll email you an update within 48 hours.", "within 48 hours"),
        ("I'll update you within 30 minutes, and the fix should be live within 5 business days.",
         "the fix should be live within 5 business days"),
        ("The permanent fix will be in place within a month.", "within a month"),
        ("Our team will get back to you in 3 to 5 business days.", "in 3 to 5 business days"),
        ("Please allow 7-10 business days for the fix.", "7-10 business days"),
        ("I've set a reminder to call you at 3 PM tomorrow with an update.", "3 PM tomorrow"),
    ],
)
def test_commitments_slower_than_the_sla_fail(draft: str, under_span: str) -> None:
    ok, spans = run(draft)
    assert not ok
    assert any(under_span in s for s in spans), spans


@pytest.mark.parametrize(
    "draft",
    [
        "I'm checking the logs now and I'll update you within 30 minutes.",
        "I'll update you within 30 minutes, and we'll have the sync fixed within 2 business days.",
        "I'll send you the file within 20 minutes and confirm the permanent fix within 48 hours.",
        "It's been broken for three weeks, and I'm sorry. I'll update you within 30 minutes.",
        "Refunds usually take 5-7 business days to show, so I'll confirm by email in 30 minutes.",
        "If the export fails again next week, I'll re-run it for you on the spot.",
        "I'll check in with you next week to make sure everything is still running smoothly.",
        "We won't make you wait until next week: I'll update you within 30 minutes.",
        "I'll credit two months to your account and confirm within 30 minutes.",
        "I'll give you the reference within 30 minutes and come back to you within 2 business "
        "days with what we found.",
    ],
)
def test_commitments_inside_the_sla_pass(draft: str) -> None:
    assert run(draft)[0], draft


def test_sla_only_where_the_policy_gives_one() -> None:
    assert run("I'll get back to you next week.", None)[0]
    result = policy.check("We'll get back to you next week.", ctx_for(SAAS))
    assert "Promise the first update within 30 minutes (policy.sla.first_update)" in result.hint


@pytest.mark.parametrize(
    ("window", "hours"),
    [("30 minutes", 0.5), ("2 business days", 67.2), ("48 hours", 48.0), ("1 week", 168.0),
     ("next business day", 33.6), ("asap", None), ("", None)],
)
def test_sla_windows(window: str, hours: float | None) -> None:
    assert terms.sla_hours(window) == pytest.approx(hours) if hours else terms.sla_hours(
        window) is None


# ---- free-text rules ----------------------------------------------------------------------
ANNUAL = "We paid for the annual plan in March and the integration never worked. Refund us."
SALE = "I bought the jacket in your summer sale and the zip broke."


@pytest.mark.parametrize(
    ("draft", "policy_body", "customer", "ok"),
    [
        ("I've processed a refund for your annual plan.", SAAS, ANNUAL, False),
        ("I'm refunding the duplicate $49 charge now.", SAAS, ANNUAL, True),
        ("I'll upgrade you to express shipping so it arrives tomorrow.", RETAIL, SALE, False),
        ("I've bumped your replacement to next-day delivery.", RETAIL, SALE, False),
        ("I'll upgrade you to express shipping.", RETAIL, "My full-price coat split.", True),
        ("Express shipping isn't available on sale items, but I'll send it today.", RETAIL, SALE,
         True),
        ("I'll give you a cash refund for the gift card today.", RETAIL, "My gift card fails.",
         False),
        ("I've approved a $250 refund for the outage.", B2B, "The connector is down.", False),
        ("I've asked our account manager to approve a $250 refund.", B2B, "It's down.", True),
        ("I've refunded the $60 setup fee.", B2B, "The connector is down.", True),
        ("I've added a $75 goodwill credit to your account.", B2B, "It's down.", False),
        ("I've added a $40 goodwill credit to your account.", B2B, "It's down.", True),
        ("I've taken 20% off your renewal.", B2B, "It's down.", False),
        ("I've applied a 10% discount to your renewal.", B2B, "It's down.", True),
        ("I'll add whatever goodwill credit it takes.", B2B, "It's down.", False),  # no bound
        ("I've approved a $250 refund and added a $45 goodwill credit.", B2B, "Down.", False),
        ("I've added a $45 goodwill credit and refunded the $60 setup fee.", B2B, "Down.", True),
    ],
)
def test_rules(draft: str, policy_body: dict[str, Any], customer: str, ok: bool) -> None:
    result = policy.check(draft, ctx_for(policy_body, customer=customer))
    assert result.passed is ok, result.message
    if not ok:
        assert "policy rule" in result.hint


def test_rule_conditions_are_read_from_the_case() -> None:
    draft = "I've started your prorated refund on the annual plan."
    assert not run(draft, customer="We renewed the annual plan in March.")[0]
    assert run(draft, customer="I cancelled the annual plan a week later. It's been 7 days.")[0]
    assert not run(draft, customer="We're eight months into the annual plan.")[0]


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ("Annual plans are not refundable after 30 days.", "no-refund"),
        ("No refunds on digital downloads.", "no-refund"),
        ("Non-refundable fares can be changed once for travel credit without a fee.", "no-refund"),
        ("No expedited shipping on sale items.", "no-offer"),
        ("Do not offer cash refunds for gift cards.", "no-offer"),
        ("No more than $50 in goodwill credit per customer.", "cap"),
        ("Discounts are capped at 15%.", "cap"),
        ("Only the account manager can approve refunds over $100.", "approval"),
        ("Refunds over $200 require a supervisor's approval.", "approval"),
        ("Phone support is available to business team admins only.", None),
        ("Tickets can be listed for resale until shortly before the event.", None),
    ],
)
def test_rule_shapes(rule: str, kind: str | None) -> None:
    parsed = parse_rule(rule)
    assert (parsed.kind if parsed else None) == kind


# ---- robustness, the Guard ----------------------------------------------------------------
@pytest.mark.parametrize(
    "draft",
    ["", "   \n\n ", "?", "\"\"''", "🙂" * 50, "I'll " * 400, "within within within 3",
     "İ'll refund İn full " * 20, "Transfer you to to to the the team team"],
)
def test_never_raises_on_odd_drafts(draft: str) -> None:
    for body in (None, SAAS, RETAIL, B2B, {"sla": {"first_update": "whenever", "resolution": "?"},
                                            "rules": ["???", "No", "Only"]}):
        result = policy.check(draft, ctx_for(body))
        assert result.id == policy.CHECK_ID
        assert all(0 <= s < e <= len(draft) for s, e in result.spans)


def test_through_the_guard() -> None:
    suite = CheckSuite([(policy.CHECK_ID, policy.check)])
    draft = "I've refunded the full amount, and I'm transferring you to our legal team."
    ctx = ctx_for(SAAS)
    [result] = suite.run(draft, ctx)
    assert result == policy.check(draft, ctx)
    assert not result.passed and len(result.spans) == 2 and result.hint
    assert suite.run("I'll update you within 30 minutes.", ctx)[0].passed


def test_windows_argument_is_not_the_sla() -> None:
    """Commitments are judged against policy.sla; the deployment defaults are not policy."""
    ctx = CheckContext(thread=ctx_for(None).thread, windows=Windows("5 minutes", "1 hour"))
    assert policy.check("I'll get back to you tomorrow.", ctx).passed


# ---- precision and recall on the labelled set ---------------------------------------------
def test_labelled_set_is_big_and_well_formed() -> None:
    assert_labelled_file(read_rows(DATA), policy.CHECK_ID)


def test_precision_and_recall() -> None:
    assert_scores(measure(policy.check, policy.CHECK_ID, read_rows(DATA)), policy.CHECK_ID)
