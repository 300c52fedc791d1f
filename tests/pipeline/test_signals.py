"""Signal detection: each signal fires on what it should, and not on negations or quoted text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.pipeline.signals import SIGNAL_DESCRIPTIONS, SIGNAL_IDS, detect_signals
from service.schemas import DraftRequest, Message, Policy, Thread

DATA = Path(__file__).resolve().parents[1] / "data" / "technique_threads.jsonl"


def make_thread(*messages: str | tuple[str, str], channel: str = "chat") -> Thread:
    """Plain strings are customer messages; ``(role, text)`` tuples set the role."""
    msgs = [
        Message(role="customer", text=m) if isinstance(m, str) else Message(role=m[0], text=m[1])
        for m in messages
    ]
    return Thread.model_validate(
        {"channel": channel, "customer": {"name": "Dana"}, "agent": {"name": "Sam"},
         "messages": [m.model_dump() for m in msgs]}
    )


def ids(*messages: str | tuple[str, str], channel: str = "chat", policy: Policy | None = None
        ) -> set[str]:
    return {s.id for s in detect_signals(make_thread(*messages, channel=channel), policy)}


POSITIVE = [
    ("repeated-contact", "Third time asking. The export died at 92% AGAIN."),
    ("repeated-contact", "I've called 4 times about this invoice."),
    ("repeated-contact", "still waiting for someone to answer me"),
    ("repeated-contact", "This is the 3rd email. Please respond."),
    ("repeated-contact", "wrong address for the 2nd week running"),
    ("repeated-contact", "For the last week nobody has got back to me."),
    ("shouting", "WHY IS MY ORDER CANCELLED"),
    ("shouting", "this is UNACCEPTABLE"),
    ("shouting", "fix it!!!"),
    ("urgency", "I need it fixed by tomorrow"),
    ("urgency", "I fly out in an hour and the booking is gone"),
    ("urgency", "urgent: payroll is blocked"),
    ("urgency", "my presentation is at 3 and the slides won't sync"),
    ("urgency", "I need her prescription delivered today"),
    ("churn-threat", "Fix it or I'll cancel my account."),
    ("churn-threat", "If this isn't sorted by Friday I'm switching to Fibrely."),
    ("churn-threat", "never using you again"),
    ("churn-threat", "pls cancle my acount"),
    ("legal-threat", "My lawyer will be in touch."),
    ("legal-threat", "I will sue you for this."),
    ("legal-threat", "See you in small claims."),
    ("legal-threat", "I'm going to report you to the BBB."),
    ("legal-threat", "I'll just do a chargeback then."),
    ("abuse", "are you idiots even reading this?"),
    ("abuse", "listen you useless moron"),
    ("abuse", "fuck you and your script"),
    ("abuse", "a bunch of brain-dead imbeciles"),
    ("abuse", "keep stalling and you'll regret it"),
    ("refund-demand", "I want a refund."),
    ("refund-demand", "give me my money back"),
    ("refund-demand", "refund me for the booking"),
    ("refund-demand", "I would like the charge reversed."),
    ("outage", "is the site down??"),
    ("outage", "getting 503 errors on every page"),
    ("outage", "not loading for anyone in our office"),
    ("outage", "is there an outage?"),
    ("manager-request", "Let me speak to your manager."),
    ("manager-request", "I want a supervisor."),
    ("manager-request", "Escalate this please."),
    ("manager-request", "let me talk to a real human"),
    ("manager-request", "i want to talk to ur manger right now"),
    ("vague-complaint", "this is terrible"),
    ("vague-complaint", "your service sucks"),
    ("vague-complaint", "Nothing works. Very disappointed."),
    ("multi-issue", "1) charged twice\n2) the lamp arrived cracked\n3) I can't log in"),
    ("multi-issue", "The reset email never arrives, and on top of that the invoice is wrong."),
    ("broken-promise", "you said it would be here Monday"),
    ("broken-promise", "It was supposed to arrive yesterday."),
    ("broken-promise", "I paid extra for next-day delivery."),
    ("specific-loss", "the export failed at 92% and I lost two hours of work"),
    ("specific-loss", "so I missed my flight"),
    ("specific-loss", "your update wiped 300 photos"),
    ("wants-options", "What are my options?"),
    ("wants-options", "Could I either get a replacement or swap it for the bigger one?"),
    ("loyal-customer", "I've been a customer for 8 years."),
    ("loyal-customer", "platinum member since 2011"),
    ("loyal-customer", "been with you guys since 2015"),
    ("compensation-request", "I think I deserve some compensation."),
    ("arguing", "You keep saying it's on my end."),
    ("status-request", "any update on my ticket?"),
    ("unresolved-after-handoff", "I get transferred and have to explain everything again"),
    ("resolved-follow-up", "oh nice it works now, thanks!"),
    ("first-contact-upset", "Hi. I'm really frustrated. My account got locked."),
]


@pytest.mark.parametrize(("signal", "text"), POSITIVE)
def test_signal_fires(signal: str, text: str) -> None:
    assert signal in ids(text)


NEGATIVE = [
    ("repeated-contact", "This is the first time I'm contacting you about the export."),
    ("repeated-contact", "Loved it, will order again."),
    ("shouting", "The CSV export from the USA store uses UTC, and so does the PDF."),
    ("shouting", "My ID and PIN don't work. OK?"),
    ("urgency", "No rush, whenever you get a chance: my invoice shows the old address."),
    ("urgency", "It's not urgent, just curious about my invoice."),
    ("urgency", "I waited an hour on hold yesterday."),
    ("churn-threat", "I'm not going to cancel my account, I like the product."),
    ("churn-threat", "How do I cancel my order?"),
    ("churn-threat", "I switched to dark mode and the chart vanished."),
    ("legal-threat", "I'm not going to sue anyone, I just want this fixed."),
    ("legal-threat", "My colleague Sue said the issue is fixed on her side."),
    ("abuse", "I feel like an idiot for ordering twice."),
    ("abuse", "this fucking app won't load"),
    ("abuse", "I'm not calling you an idiot, the process is just broken."),
    ("refund-demand", "I don't want a refund, I just want it to work."),
    ("refund-demand", "They said the refund would be back on my card in 24 hours."),
    ("outage", "please calm down your emails, I get five a day"),
    ("outage", "you let me down again with this delivery"),
    ("manager-request", "No need for a manager, just fix it."),
    ("manager-request", "I don't need a supervisor, I need my login to work."),
    ("vague-complaint", "this is terrible, I was charged twice for order 5512"),
    ("vague-complaint", "I'm not angry, just confused."),
    ("multi-issue", "I was charged twice for an order that never arrived."),
    ("broken-promise", "Can you tell me when it will arrive?"),
    ("specific-loss", "I haven't lost any files, luckily, but the sync is slow."),
    ("specific-loss", "I'm losing my mind with this router."),
    ("loyal-customer", "I became a customer last week."),
    ("resolved-follow-up", "it works now but the export is still broken"),
    ("resolved-follow-up", "it stopped working again"),
    ("resolved-follow-up", "it doesn't work now either"),
    ("arguing", "Thanks for explaining, that makes sense."),
    ("status-request", "No update needed, I just wanted to say thanks."),
]


@pytest.mark.parametrize(("signal", "text"), NEGATIVE)
def test_signal_does_not_fire(signal: str, text: str) -> None:
    assert signal not in ids(text)


def test_refund_outside_policy_follows_the_policy() -> None:
    ask = "I want a refund for the rest of the year."
    assert "refund-outside-policy" in ids(ask, policy=Policy(full_refund=False))
    assert "refund-outside-policy" not in ids(ask, policy=Policy(full_refund=True))
    assert "refund-outside-policy" not in ids(ask)  # nothing says it is outside policy
    rules = Policy(rules=["Tickets are non-refundable."])
    assert "refund-outside-policy" in ids(ask, policy=rules)
    note = ("note", "Finance: no refunds on annual plans.")
    assert "refund-outside-policy" in ids(ask, note)
    no_refund = Policy(full_refund=False)
    assert "refund-outside-policy" not in ids("The export failed.", policy=no_refund)


def test_rant_only_in_live_channels() -> None:
    rant = (
        "I am so tired of this. First the bill doubled and nobody told me why, then a letter said "
        "I'm behind on payments which is a lie because I pay by direct debit every month, then "
        "someone from collections called me and was rude. I have two kids, I work nights, I do "
        "not have time for this and every time I call I have to start from scratch, it is "
        "exhausting and I'm at the end of my rope here with all of it."
    )
    assert "rant" in ids(rant, channel="phone")
    assert "rant" in ids(rant, channel="chat")
    assert "rant" not in ids(rant, channel="email")


def test_calm_long_message_is_not_a_rant() -> None:
    calm = (
        "Hi, so I'm calling about my account. I moved house last month, and I updated the "
        "address online, and then I got a letter at the old address, which my neighbour "
        "forwarded, and it said my direct debit had failed, and I checked with my bank and the "
        "payment went out on the first, so I'm just trying to understand what's happened there "
        "and whether I need to do anything."
    )
    assert "rant" not in ids(calm, channel="phone")


def test_quoted_agent_text_does_not_fire() -> None:
    email = (
        "Thanks, the dashboard loads again now.\n\nOn Tue, Nov 18, 2026 at 10:02 AM Support "
        "<help@example.com> wrote:\n> Our servers are down and an outage is affecting you.\n"
        "> A supervisor will escalate your request."
    )
    found = ids(email, channel="email")
    assert "outage" not in found and "manager-request" not in found
    inline = 'Your agent said "we will escalate this to a manager" and then nothing happened.'
    assert "manager-request" not in ids(inline)


def test_resolution_from_agent_or_note() -> None:
    agent_fixed = ids("The invoices page is blank", ("agent", "It has been fixed on our side."))
    assert "resolved-follow-up" in agent_fixed
    noted = ids("The kettle is broken", ("note", "Resolved 11/12: replacement delivered."))
    assert "resolved-follow-up" in noted
    not_yet = ids("The kettle is broken", ("note", "Not resolved yet, waiting on the warehouse."))
    assert "resolved-follow-up" not in not_yet
    thanks = ids("Where is my refund?", ("agent", "Your refund has been processed."),
                 "Received, thank you!")
    assert "resolved-follow-up" in thanks


def test_structural_repeated_contact() -> None:
    turns = ids("Export broken", ("agent", "Looking"), "Any news?", ("agent", "Still looking"),
                "Hello?")
    assert "repeated-contact" in turns
    suggestion_failed = ids("Card rejected", ("agent", "Try another browser?"), "Same thing.")
    assert "repeated-contact" in suggestion_failed
    days = Thread.model_validate({
        "customer": {"name": "A"}, "agent": {"name": "B"},
        "messages": [
            {"role": "customer", "text": "Export broken", "sent_at": "2026-11-01T09:00:00Z"},
            {"role": "customer", "text": "Hello?", "sent_at": "2026-11-03T09:00:00Z"},
        ],
    })
    assert "repeated-contact" in {s.id for s in detect_signals(days)}


def test_first_contact_upset_only_without_stronger_signals() -> None:
    assert "first-contact-upset" not in ids("I'm frustrated, third time asking.")
    later = ids("hi", ("agent", "Hello! How can I help?"), "I'm really frustrated.")
    assert "first-contact-upset" not in later


def test_agent_outage_message_counts() -> None:
    found = detect_signals(make_thread("the page is blank", ("agent", "We have an outage.")))
    outage = next(s for s in found if s.id == "outage")
    assert outage.message_index == 1


def test_signal_ids_are_described_and_ordered() -> None:
    assert set(SIGNAL_IDS) == set(SIGNAL_DESCRIPTIONS)
    assert all(SIGNAL_DESCRIPTIONS[s] for s in SIGNAL_IDS)
    thread = make_thread("Third time asking. I want a refund or I'll cancel my plan.")
    found = detect_signals(thread)
    assert [s.id for s in found] == [s for s in SIGNAL_IDS if s in {f.id for f in found}]


def _labelled_threads() -> list[Thread]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [DraftRequest.model_validate(r["request"]).thread for r in rows]


def test_evidence_is_short_verbatim_and_points_at_its_message() -> None:
    for thread in _labelled_threads():
        for signal in detect_signals(thread):
            assert signal.message_index is not None
            message = thread.messages[signal.message_index]
            assert signal.evidence, (signal, thread.messages)
            assert signal.evidence in message.text
            assert len(signal.evidence) <= 90, signal.evidence
            if signal.id not in ("outage", "resolved-follow-up"):
                assert message.role == "customer", signal
