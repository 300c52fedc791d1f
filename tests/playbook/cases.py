"""Varied requests the playbook is tested on, with the signals, specifics and note words to use.

Each case stresses something different: the contract's example (repeat contact, facts, policy),
a billing thread with amounts and an order id and no policy at all, a delivery thread with a
slower SLA and one escalation target, an abusive thread full of markup characters with refunds
allowed, and a bare two-line chat with nothing to mirror.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from service.schemas import DraftRequest, Signal


@dataclass(frozen=True)
class Scenario:
    name: str
    body: dict[str, Any]
    signals: list[Signal] = field(default_factory=list)
    specifics: list[str] = field(default_factory=list)
    note_words: tuple[str, ...] = ()

    def request(self, channel: str | None = None) -> DraftRequest:
        request = DraftRequest.model_validate(self.body)
        if channel:
            request.thread.channel = channel  # type: ignore[assignment]
        return request


CONTRACT = Scenario(
    name="contract-export",
    body={
        "thread": {
            "channel": "chat",
            "subject": "Export keeps failing",
            "customer": {"name": "Dana Reyes", "locale": "en-US"},
            "agent": {"name": "Sam"},
            "messages": [
                {
                    "role": "customer",
                    "text": "Third time asking. The export died at 92% AGAIN.",
                    "sent_at": "2026-11-20T09:14:00Z",
                },
                {"role": "agent", "text": "Sorry about that, looking now."},
                {"role": "note", "text": "Internal: finance says no refunds on annual plans."},
            ],
        },
        "policy": {
            "full_refund": False,
            "max_credit_months": 2,
            "escalation_targets": ["billing specialist", "supervisor"],
            "sla": {"first_update": "30 minutes", "resolution": "2 business days"},
            "rules": ["Annual plans are not refundable after 30 days."],
        },
        "facts": ["Outage 09:12-10:05 UTC", "Workaround: export in CSV"],
    },
    signals=[Signal(id="repeated-contact", evidence="Third time asking", message_index=0)],
    specifics=["92%", "The export"],
    note_words=("finance", "internal"),
)

BILLING = Scenario(
    name="billing-no-policy",
    body={
        "thread": {
            "channel": "email",
            "customer": {"name": "Jordan Lee"},
            "agent": {"name": "Priya Shah"},
            "messages": [
                {
                    "role": "customer",
                    "text": "I was charged twice for my subscription this month, "
                    "$49 each time (order #A-7731). I want my money back!!",
                },
                {"role": "agent", "text": "I'm sorry about that, checking now."},
                {
                    "role": "customer",
                    "text": "It's been 3 days and still nothing. Is anyone there?",
                },
                {
                    "role": "note",
                    "text": "Retention squad flagged churn risk; discount code "
                    "SAVE20 only if asked.",
                },
            ],
        },
    },
    signals=[
        Signal(id="refund-demand", evidence="I want my money back"),
        Signal(id="repeated-contact", evidence="still nothing"),
    ],
    specifics=["charged twice", "$49", "order #A-7731", "my subscription"],
    note_words=("retention", "squad", "churn", "SAVE20", "discount"),
)

DELIVERY = Scenario(
    name="delivery-slow-sla",
    body={
        "thread": {
            "channel": "social",
            "customer": {"name": "Priya Natarajan"},
            "agent": {"name": "Tom"},
            "messages": [
                {
                    "role": "customer",
                    "text": "My package never arrived and the tracking says "
                    "delivered. I needed it for my daughter's birthday tomorrow.",
                },
                {"role": "note", "text": "Warehouse mislabeled batch 7781 last week."},
            ],
        },
        "policy": {
            "full_refund": False,
            "max_credit_months": 1,
            "escalation_targets": ["logistics team"],
            "sla": {"first_update": "1 hour", "resolution": "3 business days"},
        },
        "facts": ["Carrier scan shows delivered at 14:02"],
    },
    signals=[Signal(id="urgency", evidence="birthday tomorrow")],
    specifics=["My package", "tomorrow"],
    note_words=("warehouse", "mislabeled", "batch", "7781"),
)

ABUSIVE = Scenario(
    name="abusive-markup",
    body={
        "thread": {
            "channel": "phone",
            "subject": 'App crash on "Invoices & Payments" <urgent>',
            "customer": {"name": "Marcus O'Brien"},
            "agent": {"name": "Ana"},
            "messages": [
                {
                    "role": "customer",
                    "text": "This is damn useless. Your app crashes every time I "
                    'open the "Invoices & Payments" screen <b>AGAIN</b> and I\'ve lost 2 hours of '
                    "work.",
                },
                {"role": "note", "text": "Dev team says hotfix ETA unknown, don't promise dates."},
            ],
        },
        "policy": {
            "full_refund": True,
            "max_credit_months": 3,
            "escalation_targets": ["technical support", "supervisor"],
            "sla": {"first_update": "15 minutes", "resolution": "24 hours"},
        },
        "facts": ["Known bug in the invoice screen on version 4.2", "Workaround: use the web app"],
    },
    signals=[
        Signal(id="abuse", evidence="damn useless"),
        Signal(id="specific-loss", evidence="lost 2 hours of work"),
    ],
    specifics=["lost 2 hours of work", "Your app"],
    note_words=("hotfix", "unknown"),
)

BARE = Scenario(
    name="bare-chat",
    body={
        "thread": {
            "channel": "chat",
            "customer": {"name": "Li"},
            "agent": {"name": "Kai"},
            "messages": [{"role": "customer", "text": "hello?? anyone there. my invoice is wrong"}],
        },
    },
)

CASES = (CONTRACT, BILLING, DELIVERY, ABUSIVE, BARE)
