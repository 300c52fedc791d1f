"""apology-action: sincere apologies paired with a concrete action, sentence by sentence."""

from __future__ import annotations

import pytest

from service.pipeline.checks import apology_action
from service.pipeline.checks.base import CheckContext
from tests.checks.conftest import flagged, make_ctx

PASSES = [
    # sincere + action in the same sentence
    "I'm sorry the export failed again; I've restarted it with the CSV workaround.",
    "Sorry for the wait, I'm checking with the warehouse now.",
    "We are truly sorry for this experience and have issued a full refund.",
    "I'm sorry for the mix-up with your order, but the good news is I've already shipped the "
    "correct size.",
    "I've refunded the charge, and I'm sorry for the hassle.",
    # action in the next sentence or the one after
    "I'm sorry to hear that. Let me check what happened with the delivery.",
    "I'm sorry for the trouble. I'll reset your password and send a new link within 5 minutes.",
    "I'm really sorry. We're looking into it.",
    "I know, and I'm sorry. Let me fix this.",
    "Sorry about that! I'll fix it.",
    "I apologise for the missed callback. That's on me. I've booked a call for tomorrow at 10:00.",
    "Please accept our sincere apologies. A full refund has been issued to your card.",
    "I'm sorry about the damaged mug. A replacement is on its way.",
    "So sorry!\nI've refunded the order.",
    "I'm sorry for the outage. Our engineers rolled back the release at 10:05.",
    "I owe you an apology; I've now updated your plan to Pro.",
    "I see why you're asking, and I'm sorry for the lost time. Although a full refund isn't "
    "available, I can credit two months.",
    "I’m sorry we missed the 2:30 call. I’ll ring you at 4:15 instead — does that still work?",
    "I can't tell you how sorry I am. I've escalated this to our billing specialist.",
    # not our apology
    "No need to apologize — these things happen! I've reset the link.",
    "Don't be sorry, you did nothing wrong.",
    "You don't need to apologise at all.",
    "There's nothing to be sorry about.",
    "I'm not sorry to say the old plan is gone — the new one is cheaper for you!",
    "The courier apologized for the delay, and the parcel is out for delivery.",
    "You wrote that 'sorry for any inconvenience' was all you got, and that's not good enough.",
    "You said the last agent kept saying “we apologize for the inconvenience” without doing "
    "anything.",
    "The last agent said \"sorry, but that's policy\" and ended the chat. I'm sorry it did; "
    "I'm reviewing the refund myself right now.",
    # no apology at all
    "Thanks for your patience. The fix is live.",
    "",
]

FAILS = [
    # (draft, text under each reported span)
    ("I'm sorry for any inconvenience.", ["I'm sorry for any inconvenience"]),
    (
        "We apologize for any inconvenience this may have caused. I've refunded you.",
        ["We apologize for any inconvenience"],
    ),
    ("I apologize for the inconvenience. I've reset it.", ["I apologize for the inconvenience"]),
    ("We regret any inconvenience caused by the delay.", ["We regret any inconvenience"]),
    (
        "We're so sorry about the outage and any inconvenience it caused.",
        ["We're so sorry about the outage and any inconvenience"],
    ),
    ("Sorry about any confusion, I've corrected the invoice.", ["Sorry about any confusion"]),
    ("I'm sorry you feel that way.", ["I'm sorry you feel that way"]),
    (
        "We're sorry you feel our service has been poor.",
        ["We're sorry you feel our service has been poor"],
    ),
    (
        "I'm sorry for your confusion about the invoice.",
        ["I'm sorry for your confusion about the invoice"],
    ),
    ("I'm sorry if the instructions were unclear. Let me walk you through it.", ["I'm sorry if"]),
    ("I apologize if this is frustrating.", ["I apologize if"]),
    ("@leah Sorry if our last reply came across badly.", ["Sorry if"]),
    ("Sorry, but there's nothing more we can do.", ["Sorry, but"]),
    ("I'm sorry, but you'll need to contact your bank.", ["I'm sorry, but"]),
    ("I'm sorry, however we're unable to change the date.", ["I'm sorry, however"]),
    # sincere but unpaired
    ("I'm sorry to hear that.", ["I'm sorry to hear that"]),
    ("Oh no, sorry to hear that! Hope the rest of your day goes better.", ["sorry to hear that"]),
    ("I'm sorry for the delay. We appreciate your patience.", ["I'm sorry for the delay"]),
    (
        "Thanks for flagging this, and sorry for the wait. The team is aware of the issue.",
        ["sorry for the wait"],
    ),
    ("Apologies — we've had a lot of tickets this week.", ["Apologies"]),
    (
        "I'm sorry you've had to deal with this. Could you walk me through what happened?",
        ["I'm sorry you've had to deal with this"],
    ),
    # the action must come after the apology (same sentence or the next two), not before
    ("I've refunded the charge. I'm sorry about the mix-up.", ["I'm sorry about the mix-up"]),
    (
        "I'm sorry for the wait.\nThanks for your patience.\nI know this matters.\n"
        "I've escalated it.",
        ["I'm sorry for the wait"],
    ),
    # communicating later is not an action on the problem
    ("I'm sorry about this. I'll let you know.", ["I'm sorry about this"]),
    # "I can't refund" is not an action
    ("I'm sorry. I can't refund annual plans.", ["I'm sorry"]),
    # quoted text is ignored, our own apology is not
    (
        "You wrote 'sorry for any inconvenience' was all you got. Sorry for any inconvenience.",
        ["Sorry for any inconvenience"],
    ),
]


@pytest.mark.parametrize("draft", PASSES)
def test_passes(draft: str, ctx: CheckContext) -> None:
    result = apology_action.check(draft, ctx)
    assert result.passed, result.message
    assert result.id == apology_action.CHECK_ID == "apology-action"
    assert result.spans == [] and result.message == "" and result.hint == ""


@pytest.mark.parametrize(("draft", "spans"), FAILS)
def test_fails_with_spans(draft: str, spans: list[str], ctx: CheckContext) -> None:
    result = apology_action.check(draft, ctx)
    assert not result.passed
    assert flagged(draft, result) == spans
    assert result.message and result.hint


def test_message_quotes_the_apology_and_hint_uses_the_request_window() -> None:
    draft = "I'm sorry to hear that."
    result = apology_action.check(draft, make_ctx(first_update="45 minutes"))
    assert '"I\'m sorry to hear that"' in result.message
    assert "not paired with an action" in result.message
    assert "within 45 minutes" in result.hint


def test_each_apology_is_judged_separately(ctx: CheckContext) -> None:
    draft = (
        "I'm sorry the export failed. I've restarted it. Thanks for waiting.\n"
        "Also, sorry if the last email was confusing."
    )
    result = apology_action.check(draft, ctx)
    assert flagged(draft, result) == ["sorry if"]
    assert "Conditional apology" in result.message


def test_several_failures_are_all_reported(ctx: CheckContext) -> None:
    draft = "Sorry for any inconvenience. Sorry you feel that way. Sorry, but no."
    result = apology_action.check(draft, ctx)
    assert len(result.spans) == 3
    assert result.message.count(";") == 2
    assert "Hollow" in result.message and "feelings" in result.message and "'but'" in result.message


def test_spans_are_offsets_into_the_draft_with_curly_apostrophes(ctx: CheckContext) -> None:
    draft = "Hi Dana,\n\nI’m sorry to hear that.\n\nBest,\nSam"
    result = apology_action.check(draft, ctx)
    ((start, end),) = result.spans
    assert draft[start:end] == "I’m sorry to hear that"
