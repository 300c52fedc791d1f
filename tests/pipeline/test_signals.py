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


# Real-world phrasing: lowercase, no apostrophes, "u"/"ur", support-tweet constructions.
BROAD = [
    ("abuse", "you're a complete moron"),
    ("abuse", "are you stupid or something?"),
    ("abuse", "are you actually this thick"),
    ("abuse", "your an idiot"),
    ("abuse", "get lost you muppet"),
    ("abuse", "u r so dumb"),
    ("abuse", "F off with your scripted replies"),
    ("abuse", "I hope you get sacked"),
    ("abuse", "you people are incompetent"),
    ("abuse", "useless the lot of you"),
    ("abuse", "go to hell"),
    ("abuse", "listen you stupid cow"),
    ("abuse", "why can't you morons read an address"),
    ("abuse", "you f***ing idiots"),
    ("abuse", "Idiots."),
    ("manager-request", "I'd like to talk to someone more senior"),
    ("manager-request", "put me through to whoever handles complaints"),
    ("manager-request", "I want this escalated"),
    ("manager-request", "get me someone who can actually help"),
    ("manager-request", "is there an actual person I can talk to?"),
    ("manager-request", "who's your boss?"),
    ("manager-request", "I want a call back from a manager today"),
    ("manager-request", "i want to speak to a human not a bot"),
    ("manager-request", "please pass this on to a senior member of staff"),
    ("outage", "is your app down?"),
    ("outage", "app won't load for anyone in our office"),
    ("outage", "anyone else having issues with the app?"),
    ("outage", "your servers are dead again"),
    ("outage", "our whole office can't connect"),
    ("outage", "is something going on at your end?"),
    ("outage", "you lot having problems?"),
    ("outage", "my husband's won't open either"),
    ("outage", "is Zoom down?"),
    ("broken-promise", "you promised a callback yesterday"),
    ("broken-promise", "they said 3-5 working days, it's been 3 weeks"),
    ("broken-promise", "I was told someone would ring me back within 48 hours"),
    ("broken-promise", "your colleague assured me it would take ten days"),
    ("broken-promise", "Tracking said it'd be here by Friday"),
    ("broken-promise", "the delivery date keeps getting pushed back"),
    ("broken-promise", "u said it would ship monday"),
    ("broken-promise", "so the 'instant' transfer is still pending"),
    ("status-request", "any news on my refund?"),
    ("status-request", "any idea where my bag is?"),
    ("status-request", "how much longer will it take?"),
    ("status-request", "has my claim been processed?"),
    ("status-request", "do you know when the engineer is coming"),
    ("status-request", "I'd like an update please"),
    ("specific-loss", "you lost my suitcase"),
    ("specific-loss", "the update deleted all my notes"),
    ("specific-loss", "the sync overwrote three months of invoices"),
    ("specific-loss", "my photos are gone"),
    ("specific-loss", "missed my daughter's recital because of the delay"),
    ("specific-loss", "had to pay £80 for a taxi"),
    ("specific-loss", "I wasted my whole Saturday waiting for the engineer"),
    ("specific-loss", "three hours of my life I won't get back"),
    ("specific-loss", "the courier smashed my TV"),
    ("specific-loss", "that's a full day's pay I've lost"),
    ("specific-loss", "we've been without heating for five days"),
    ("wants-options", "what can I do?"),
    ("wants-options", "is there any way to get an earlier train?"),
    ("wants-options", "Should I get it repaired locally, or wait?"),
    ("wants-options", "can I swap it or do I have to return it?"),
    ("wants-options", "how would you like me to proceed"),
    ("compensation-request", "a voucher or something would be nice"),
    ("compensation-request", "I would expect some form of credit for the inconvenience"),
    ("compensation-request", "will I be compensated?"),
    ("compensation-request", "the least you could do is waive the fee"),
    ("churn-threat", "that's it, I'm unsubscribing"),
    ("churn-threat", "we won't be renewing and will move the team to another tool"),
    ("churn-threat", "you've lost my business"),
    ("churn-threat", "i wont be using u again"),
    ("churn-threat", "never ever flying with you again"),
    ("churn-threat", "I will no longer fly with you"),
    ("churn-threat", "#neveragain"),
    ("arguing", "that's not true, I was home all day"),
    ("arguing", "did you even read what I wrote?"),
    ("arguing", "your records are wrong"),
    ("arguing", "why would I lie about this"),
    ("loyal-customer", "Twelve years I've been paying you"),
    ("loyal-customer", "been a customer 10 years"),
    ("loyal-customer", "we've banked with you for decades"),
    ("loyal-customer", "I've had my account with you for 15 years"),
    ("resolved-follow-up", "that did it, all sorted now cheers"),
    ("resolved-follow-up", "yep went through fine this time, thank you"),
    ("resolved-follow-up", "the bag turned up at the hotel last night, thanks"),
    ("resolved-follow-up", "Fixed! thanks"),
    ("resolved-follow-up", "the refund has come through, thanks"),
    ("resolved-follow-up", "I can log in now, cheers"),
    ("vague-complaint", "not happy. at all."),
    ("vague-complaint", "shocking service"),
    ("vague-complaint", "ugh seriously, why is everything with you so difficult"),
    ("repeated-contact", "I've rung three times"),
    ("repeated-contact", "I emailed on Monday and again on Thursday"),
    ("repeated-contact", "haven't had a single reply"),
    ("repeated-contact", "why hasn’t anyone replied? still hasn’t been fixed"),
    ("unresolved-after-handoff", "passed from billing to tech support and back to billing"),
    ("unresolved-after-handoff", "I've spoken to 4 different people"),
    ("urgency", "I need it before my visa appointment at 10 tomorrow morning"),
    ("urgency", "flight leaves in 2 hrs"),
    ("refund-demand", "I want my membership fees back"),
    ("refund-demand", "please refund my fare"),
    ("refund-demand", "I want reimbursing for both tickets"),
]


@pytest.mark.parametrize(("signal", "text"), POSITIVE + BROAD)
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


# Precision: broadening must not make signals fire on look-alikes.
LOOKALIKES = [
    ("abuse", "sorry to bother you"),
    ("abuse", "this damn app keeps crashing"),
    ("abuse", "Do you think I'm stupid?"),
    ("abuse", "you must think we're idiots"),
    ("abuse", "the website is useless"),
    ("abuse", "you guys are a joke"),
    ("abuse", "I'm not saying you're incompetent, the system is"),
    ("abuse", "my idiot of a brother ordered twice"),
    ("manager-request", "my manager asked me to contact you"),
    ("manager-request", "I spoke to your supervisor yesterday"),
    ("manager-request", "I've been on hold an hour trying to speak to a person"),
    ("manager-request", "on hold 40 minutes to talk to an agent"),
    ("manager-request", "you were great, like a boss"),
    ("outage", "you let me down"),
    ("outage", "the price went down"),
    ("outage", "my phone died"),
    ("outage", "everyone else on the flight was lovely"),
    ("broken-promise", "I was told to contact you"),
    ("broken-promise", "what's the expected delivery date?"),
    ("broken-promise", "thanks so much for sharing"),
    ("status-request", "where is the settings page?"),
    ("specific-loss", "my son lost his tooth"),
    ("specific-loss", "I lost my password"),
    ("specific-loss", "I lost my card, can you freeze it"),
    ("specific-loss", "I'm shattered after the trip"),
    ("specific-loss", "I miss the old layout"),
    ("specific-loss", "your update broke the login page"),
    ("specific-loss", "the error is gone now"),
    ("specific-loss", "you are missing the point. The flight was late"),
    ("wants-options", "I don't want options, I want it fixed"),
    ("compensation-request", "I'll pay by credit card"),
    ("compensation-request", "Can I use my voucher?"),
    ("compensation-request", "I don't want compensation, just fix it"),
    ("compensation-request", "sorry for the inconvenience on my side"),
    ("churn-threat", "I'm leaving for the airport"),
    ("churn-threat", "I won't be home tomorrow"),
    ("churn-threat", "unsubscribe me from these emails"),
    ("churn-threat", "make sure this never happens again"),
    ("churn-threat", "can I move to another seat?"),
    ("loyal-customer", "I've been waiting for 3 weeks"),
    ("loyal-customer", "I've been on the phone with you for 2 hours"),
    ("resolved-follow-up", "It worked yesterday but not today"),
    ("resolved-follow-up", "has the refund arrived?"),
    ("resolved-follow-up", "My parcel arrived damaged"),
    ("resolved-follow-up", "the engineer arrived and left without fixing it"),
    ("resolved-follow-up", "I've done it ten times"),
    ("resolved-follow-up", "it worked fine before the update"),
    ("vague-complaint", "Thank you so much!!"),
    ("first-contact-upset", "Thank you so much!!"),
    ("repeated-contact", "I'd use you again"),
    ("refund-demand", "Where is my refund?"),
]


@pytest.mark.parametrize(("signal", "text"), NEGATIVE + LOOKALIKES)
def test_signal_does_not_fire(signal: str, text: str) -> None:
    assert signal not in ids(text)


def test_abuse_negation_is_a_disclaimer_not_any_negator() -> None:
    assert "abuse" in ids("why can't you idiots deliver to the right house")
    assert "abuse" in ids("don't you dare hang up on me, you clowns")
    assert "abuse" not in ids("I'm not calling you an idiot, the process is broken")
    assert "abuse" not in ids("No offence, I'm not saying you're clueless")


def test_curly_apostrophes_and_capitals_are_handled() -> None:
    assert "churn-threat" not in ids("I’m not going to cancel my account.")
    assert "refund-demand" not in ids("I don’t want a refund, I want it to work.")
    assert "repeated-contact" in ids("It still hasn’t arrived.")
    evidence = detect_signals(make_thread("WHY can’t YOU idiots READ"))
    abuse = next(s for s in evidence if s.id == "abuse")
    assert abuse.evidence in "WHY can’t YOU idiots READ"  # verbatim, original case


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
