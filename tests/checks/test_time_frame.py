"""time-frame: every promise to act later names a concrete time frame in the same sentence."""

from __future__ import annotations

import pytest

from service.pipeline.checks import time_frame
from service.pipeline.checks.base import CheckContext
from service.schemas import Commitment
from tests.checks.conftest import flagged, make_ctx

PASSES = [
    # clock times
    "I'll call you at 3 PM.",
    "I'll email you the report by 2:30 PM.",
    "We'll restart the sync at 14:00.",
    "I will call you back by 3 p.m. Friday.",
    "I'll get back to you by 11.",
    "I'll call you by 5 today.",
    "I'll ring you at 4:15 p.m.",
    # days and dates
    "We will refund the difference by Friday.",
    "We'll ship the replacement on 12 March.",
    "I'll email you the post-incident report by noon tomorrow.",
    "I'll call you tomorrow by noon.",
    "We'll get that out to you by the 15th.",
    "I'll check in with you on Monday to make sure everything's stable.",
    "I'm going to check with the warehouse and get back to you later today.",
    "I'll personally own this ticket and email you an update by end of day.",
    "I'll confirm before tomorrow's delivery.",
    "I'll book a callback for tomorrow.",
    "We've booked the engineer for Friday and I'll confirm the slot by email.",
    "We'll be in touch next week.",
    # durations
    "I'll send you the file within 20 minutes.",
    "I'll send it in 20 minutes.",
    "We'll update you within 2 business days.",
    "I'll have the technician call you within 2 hours.",
    "I'll have this fixed within the hour.",
    "I'll call you back 20 minutes from now.",
    "I'll run two checks that take fifteen minutes total and return with a fix.",
    "I'll ping you in 10 mins with the result.",
    "We'll be in touch in the next 2-3 days.",
    "I'll update you every 30 minutes until it's fixed.",
    # immediate
    "I'll resend it right now.",
    "I'll get this escalated immediately.",
    "I'll confirm the credit in writing before we hang up.",
    "I'm going to transfer you to billing now.",
    "I'll look into this right now and message you back before we end the chat.",
    # not commitments
    "I'll be happy to help with that.",
    "I can't wait to help you get this sorted!",
    "Once you've updated the app, you'll be able to see the new dashboard.",
    "It will take about a day for the refund to show.",
    "I'm checking the logs now.",
    "I'm going to be honest with you: this one is tricky.",
    "I'll need a photo of the damaged item first.",
    "I look forward to hearing from you.",
    "Would you like me to call you back?",
    "I won't close this ticket.",
    "Thanks for waiting; the export finished.",
    # promises that wait on the customer or on an event need no window
    "If you send me the order number, I'll check it.",
    "Once you have the file, I'll also check that the row counts match.",
    "If it happens again, we'll replace the unit.",
    # passive and third-person promises with a window
    "Your order will be re-shipped today.",
    "A specialist will contact you within 24 hours.",
    "Expect a call from our specialist before 6 PM.",
    "You'll hear from us by Thursday.",
    # a vague word next to a concrete window is fine
    "I'll call you shortly — by 2:30 at the latest.",
    "I'll confirm here when it is, within 10 minutes.",
    "When they reply I'll message you, and either way you'll hear from me by 3 PM today.",
    "The engineer's ETA is 3 PM, and I'll text you when they're on the way.",
    "We'll send the replacement as soon as the new stock arrives, which is due on Tuesday.",
    # the customer's own step, a result clause, the same day, "at 3,"
    "As soon as you send the photo, I'll get the replacement moving.",
    "As soon as I have it, I'll ship the item by express.",
    "If it stalls again, I'll split it so each half finishes quickly.",
    "I'll make sure it's rebooked the same day.",
    "Sadly I can't join the call at 3, but I'll brief my colleague beforehand.",
    # not commitments
    "I'll keep this reply short.",
    "I'll take notes as you go, so you won't need to repeat anything.",
    # relative but concrete times
    "I'll call you 30 minutes before the engineers finish.",
    "I'll post the CSV here before your 2 PM meeting.",
    "I'll post the CSV here before your meeting.",
    "I'll get the CSV to you right after this chat.",
    "I'll call you back at about 4.",
    "We'll reply within 24h.",
    "I'll come back to you inside the hour.",
    "I'll email you the steps right after we hang up.",
    # an event about what was just promised with a time is bounded by that time
    "I'll have the sync fixed in the next hour, and I'll message you the moment it's done.",
    "Sir, you need to calm down or I'll have to end this call.",
]

FAILS = [
    # (draft, text under each reported span: the vague words, else the commitment sentence)
    ("I'll send the updated invoice shortly.", ["shortly"]),
    ("You'll hear from us as soon as possible.", ["as soon as possible"]),
    ("We'll get this sorted ASAP.", ["ASAP"]),
    (
        "I've escalated this to our specialist, who will contact you in due course.",
        ["in due course"],
    ),
    ("Expect an update from our team at some point.", ["at some point"]),
    ("I will send the documents over later.", ["later"]),
    (
        "I'll reach out eventually once engineering has an update.",
        ["eventually", "once engineering has"],
    ),
    ("I'll send over the return label in a bit.", ["in a bit"]),
    ("I'll get back to you when I can.", ["when I can"]),
    ("Our team will be in touch soon.", ["soon"]),
    ("We'll be in touch in the next few days.", ["in the next few days"]),
    ("We will issue a credit once the return is received.", ["once the return is received"]),
    ("I'll confirm once tests pass.", ["once tests pass"]),
    ("If possible, I'll send it soon.", ["soon"]),
    ("Once you send the photo, I'll ship a replacement ASAP.", ["ASAP"]),
    ("We hope to have this resolved eventually.", ["eventually"]),
    ("Your refund will be processed soon.", ["soon"]),
    ("You'll receive an email confirmation shortly.", ["shortly"]),
    ("I'll do my best to get this sorted quickly.", ["quickly"]),
    # tied only to an event
    ("I'll call you back as soon as I hear anything.", ["as soon as I hear anything"]),
    ("I'll update you once I hear back.", ["once I hear back"]),
    ("We'll credit your account when billing confirms the amount.", ["when billing confirms"]),
    ("I'll get that fixed at the earliest opportunity.", ["at the earliest opportunity"]),
    ("I'll update you when it's fixed.", ["when it's fixed"]),
    ("I'll message you the moment they reply.", ["the moment they reply"]),
    (
        "I'll keep an eye on it and update you after the courier scans it.",
        ["after the courier scans"],
    ),
    ("The engineer will call you the moment the part arrives.", ["the moment the part arrives"]),
    # a time that belongs to work done now does not time the promise
    ("I'm pulling a CSV now and I'll send it over shortly.", ["shortly"]),
    ("I'm requesting the invoice today, and I'll update you once I hear back.",
     ["once I hear back"]),
    # no time at all, or a priority instead of a time
    ("Leave it with me and I'll sort out a new date.",
     ["Leave it with me and I'll sort out a new date."]),
    ("You'll hear from our billing team about the refund.",
     ["You'll hear from our billing team about the refund."]),
    ("We'll decide your claim as a priority.", ["as a priority"]),
    (
        "I'll send the label within 10 minutes, and I'll refund you once the parcel is back.",
        ["once the parcel is back"],
    ),
    # causatives are promises too
    ("I'll get the block lifted as soon as possible.", ["as soon as possible"]),
    ("I'll get our carrier team to call you back shortly.", ["shortly"]),
    # no time frame at all
    ("I'll look into it and let you know.", ["I'll look into it and let you know."]),
    ("We'll refund you.", ["We'll refund you."]),
    ("I will get back to you.", ["I will get back to you."]),
    ("Let me check on that and get back to you.", ["Let me check on that and get back to you."]),
    ("I'm going to check the logs.", ["I'm going to check the logs."]),
    (
        "Someone from our returns team will contact you.",
        ["Someone from our returns team will contact you."],
    ),
    ("I'll keep you posted.", ["I'll keep you posted."]),
    ("We'll keep you updated.", ["We'll keep you updated."]),
    ("Our engineers will review the logs.", ["Our engineers will review the logs."]),
    # the window must be in the same sentence
    (
        "Our engineers will review the logs. I'll update you within 2 business days.",
        ["Our engineers will review the logs."],
    ),
    ("I'll check the shipment. It should take about 15 minutes.", ["I'll check the shipment."]),
    ("I'll follow up at 9 a.m. Then I'll call.", ["Then I'll call."]),
    # times that are not a window for this promise
    (
        "Status is at https://status.example.com/incidents/2026-03-12-14:00 and I'll share the "
        "root cause with you.",
        [
            "Status is at https://status.example.com/incidents/2026-03-12-14:00 and I'll share the "
            "root cause with you."
        ],
    ),
    (
        "You said 'I was promised a call by 5 PM' — I'll call you.",
        ["You said 'I was promised a call by 5 PM' — I'll call you."],
    ),
    (
        "The outage ran from 09:12 to 10:05 UTC, and I'll send you the incident report.",
        ["The outage ran from 09:12 to 10:05 UTC, and I'll send you the incident report."],
    ),
    (
        "I know you've waited 40 minutes already, and I'll call the courier for you.",
        ["I know you've waited 40 minutes already, and I'll call the courier for you."],
    ),
    (
        "You've been waiting since Monday, and I'll chase it.",
        ["You've been waiting since Monday, and I'll chase it."],
    ),
    ("I'll call you at 1 800 555 0100.", ["I'll call you at 1 800 555 0100."]),
    ("For now, I'll send you the form.", ["For now, I'll send you the form."]),
]


@pytest.mark.parametrize("draft", PASSES)
def test_passes(draft: str, ctx: CheckContext) -> None:
    result = time_frame.check(draft, ctx)
    assert result.passed, result.message
    assert result.id == time_frame.CHECK_ID == "time-frame"


@pytest.mark.parametrize(("draft", "spans"), FAILS)
def test_fails_with_spans(draft: str, spans: list[str], ctx: CheckContext) -> None:
    result = time_frame.check(draft, ctx)
    assert not result.passed
    assert flagged(draft, result) == spans
    assert result.message and result.hint


def test_vague_hint_suggests_the_requests_window() -> None:
    result = time_frame.check("I'll send the file soon.", make_ctx("20 minutes", "2 business days"))
    assert "Vague time frame 'soon'" in result.message
    assert "Replace 'soon' with a concrete window such as 'within 20 minutes'" in result.hint
    assert "first update 20 minutes, resolution 2 business days" in result.hint


def test_fix_promises_suggest_the_resolution_window() -> None:
    result = time_frame.check("We'll fix the sync.", make_ctx("20 minutes", "2 business days"))
    assert "Commitment without a time frame" in result.message
    assert "'within 2 business days'" in result.hint


def test_window_already_phrased_is_used_as_is() -> None:
    result = time_frame.check("I'll call you soon.", make_ctx("by 5 PM today", "end of day"))
    assert "such as 'by 5 PM today'" in result.hint


def test_each_failing_commitment_is_reported(ctx: CheckContext) -> None:
    draft = "I'll call you soon. I'll send the label within 10 minutes. We'll refund you."
    result = time_frame.check(draft, ctx)
    assert flagged(draft, result) == ["soon", "We'll refund you."]


# ---- find_commitments --------------------------------------------------------------------------


def test_find_commitments_reports_each_window_as_the_contract_shows() -> None:
    """Durations drop their "within"/"in" (contract: window "20 minutes"); deadlines keep "by"."""
    draft = (
        "Hi Dana, I'll send you the first file within 20 minutes. I'll call you tomorrow by noon, "
        "and we'll email the report today by 5 PM. If it stalls I'll ring you at 10:45. "
        "I'll look into the rest soon."
    )
    assert time_frame.find_commitments(draft) == [
        Commitment(
            text="Hi Dana, I'll send you the first file within 20 minutes.",
            window="20 minutes",
        ),
        Commitment(
            text="I'll call you tomorrow by noon, and we'll email the report today by 5 PM.",
            window="tomorrow by noon",
        ),
        Commitment(
            text="I'll call you tomorrow by noon, and we'll email the report today by 5 PM.",
            window="today by 5 PM",
        ),
        Commitment(text="If it stalls I'll ring you at 10:45.", window="at 10:45"),
    ]


def test_find_commitments_keeps_the_window_of_the_promise_not_of_work_done_now() -> None:
    draft = "I'm re-running it on our side now, and I'll send you the file within 30 minutes."
    assert [c.window for c in time_frame.find_commitments(draft)] == ["30 minutes"]
    assert [c.window for c in time_frame.find_commitments("Tomorrow by noon, I'll call you.")] == [
        "Tomorrow by noon"
    ]


@pytest.mark.parametrize(
    "draft",
    [
        "I'll be happy to help.",
        "I'll call you soon.",
        "The outage ran from 09:12 to 10:05.",
        "See https://status.example.com/?t=14:00 for details.",
        "",
    ],
)
def test_find_commitments_ignores_non_commitments_and_vague_ones(draft: str) -> None:
    assert time_frame.find_commitments(draft) == []
