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
    # any first-person action counts, whatever the verb, unless it is a state or feeling
    "I'm sorry the export failed. I'm running the board report as a CSV export now.",
    "Sorry about that. I'm switching on the free hotspot add-on now.",
    "I'm sorry, I'm also asking my manager to review the fee.",
    "Sorry for the slow fix. We've been chasing the supplier every day this week.",
    "I'm sorry the call dropped. I'm calling you back on your mobile right now.",
    "I'm sorry the technician didn't come. I've got a new visit pencilled in for Friday.",
    "So sorry for the login trouble. I'm resetting your two-factor settings now.",
    "I'm sorry, we let you down. Let me get a refund going for the missing items.",
    "Sorry, Jo, that's on me. I gave you the wrong link; here's the right one: example.com/r.",
    # the action may come later: in the same paragraph, or after an explanation
    "I'm sorry. A lost day's pay is a real cost.\n\nHere's what I'm doing. I'm turning on the "
    "free hotspot now.",
    "I'm sorry about the lost day.\n\nHere's where things are: the repair is due at 18:00."
    "\n\nWhat I can do is switch on a free hotspot for you now.",
    "I'm sorry for the wait.\nThanks for your patience.\nI know this matters.\nI've escalated it.",
    # or before it, in the same paragraph
    "I've refunded the charge. I'm sorry about the mix-up.",
    "I can't get the PDF working before 2 PM, but I'm exporting the report as a CSV right now. "
    "I'm sorry for that.",
    # a promise to reply that names a time is a next step
    "Sorry for the wait. DM us and we'll reply within 30 minutes.",
    "Sorry for the trouble. DM us and our baggage team will reply there within 45 minutes.",
    "You asked me not to just say sorry. Fair enough. I'm refunding the fee now.",
    # a fix stated as done, or a promise phrased as "you'll ..." with a time
    "I'm sorry for the double charge. The duplicate $49.00 is reversed as of today.",
    "Ben, I'm sorry. The $186.40 is waived, and you'll see it within 3 business days.",
    "I'm sorry. It's been fixed on our side.",
    "I'm sorry this hit your close. You'll have a reply from us in DM within 30 minutes.",
    "I'm sorry. Our supervisor is getting a firm date from the carrier.",
    "I'm sorry the export failed. Here's what I'll do: 1) rerun it in CSV now, 2) send it to you.",
    "I'm sorry. Your request is now with our billing team.",
    "I'm sorry. Your claim was approved yesterday.",
    "I'm so sorry your folder disappeared. I'll help you restore it right now.",
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
    # an apology tacked on in its own paragraph after every action is not paired
    ("I've refunded the charge.\n\nSorry again for the mix-up.", ["Sorry again for the mix-up"]),
    # states, feelings, waiting and excuses are not actions
    ("I'm sorry. I'm afraid there's nothing I can see on my side.", ["I'm sorry"]),
    (
        "I'm sorry for the delay. I'm hoping the courier collects it today.",
        ["I'm sorry for the delay"],
    ),
    ("We're sorry. We're currently experiencing high demand.", ["We're sorry"]),
    ("I'm sorry for the wait. I'm just waiting on the warehouse.", ["I'm sorry for the wait"]),
    (
        "Sorry for the slow reply. We've been swamped after the launch.",
        ["Sorry for the slow reply"],
    ),
    ("I'm sorry, and I'm not going to brush past it.", ["I'm sorry"]),
    ("So sorry about the delay. I'm on it.", ["So sorry about the delay"]),
    # a condition is not something done; what a third party did is not our action
    (
        "I'm sorry. Rental costs are covered once a claim is approved.",
        ["I'm sorry"],
    ),
    (
        "I'm sorry. The driver called at 9:05, but nobody answered.",
        ["I'm sorry"],
    ),
    ("I'm sorry. I'm wondering whether the room was booked by mistake.", ["I'm sorry"]),
    ("I'm sorry. I'm happy to help.", ["I'm sorry"]),
    # admitting the mistake, a habit, or homework for the customer is no fix
    ("Sorry, that's on me. I gave you the wrong link.", ["Sorry"]),
    (
        "Please accept our apologies. We take these matters very seriously.",
        ["Please accept our apologies"],
    ),
    (
        "Sorry about the mix-up! You can change the date yourself under My Trips.",
        ["Sorry about the mix-up"],
    ),
    (
        "I'm sorry about the damaged frame. I'd recommend contacting the manufacturer.",
        ["I'm sorry about the damaged frame"],
    ),
    # communicating later, with no time, is not an action on the problem
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


# ---- agent_actions (shared with time-frame and positive-refusal) --------------------------------


@pytest.mark.parametrize(
    ("draft", "verb", "future"),
    [
        ("I'm turning on the free hotspot now.", "turning", False),
        ("We're rolling it back now.", "rolling", False),
        ("I'll ask my supervisor for options.", "ask", True),
        ("I'm going to pin the ticket.", "pin", True),
        ("I've pinned the ticket.", "pinned", False),
        ("Let me bump your order up the queue.", "bump", False),
        ("I'll get the block lifted.", "get", True),
        ("I'll have the technician call you.", "have", True),
        ("What I can do is switch on a hotspot.", "switch", False),
        ("We hope to have this resolved.", "have", True),
        ("I'll keep an eye on it and update you.", "update", True),
    ],
)
def test_agent_actions_read_any_verb(draft: str, verb: str, future: bool) -> None:
    acts = apology_action.agent_actions(draft)
    assert [(a.verb, a.future) for a in acts][-1] == (verb, future)


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry.",
        "I'm afraid not.",
        "I'm hoping it arrives.",
        "We're seeing a lot of reports.",
        "I understand.",
        "I've heard this before.",
        "I'll need your order number.",
        "We're currently experiencing delays.",
        "I'm waiting on the warehouse.",
        "I'd recommend clearing the cache.",
        "I won't close the ticket.",
        "I'm not going to brush past it.",
        "I'm writing to let you know about your order.",
        "I'm asking you to restart the router.",
        "Let me know if that works.",
        "I'll keep this reply short.",
        "I'll have to end the call.",
        "I could have sent it sooner.",
        "I gave you the wrong date.",
        "We take this seriously.",
    ],
)
def test_states_feelings_and_negations_are_not_actions(draft: str) -> None:
    assert apology_action.agent_actions(draft) == ()


def test_promises_to_talk_are_marked_as_communication() -> None:
    acts = apology_action.agent_actions("I'll let you know. We'll be in touch. I'll reply here.")
    assert [a.communication for a in acts] == [True, True, True]
