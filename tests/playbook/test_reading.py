"""The playbook reads everything from the prompt text: build_prompt -> read_brief round-trips."""

from __future__ import annotations

import pytest

from service.pipeline.playbook import write_reply
from service.pipeline.playbook.reading import FailedCheck, PolicyView, read_brief
from service.pipeline.prompt import build_prompt, reask_messages
from service.pipeline.prompt_files import PromptLibrary
from service.schemas import CheckResult, DraftRequest, Signal, TechniqueChoice
from tests.playbook.cases import ABUSIVE, BARE, CONTRACT
from tests.playbook.helpers import messages_for, windows_for

TRICKY = 'Tom & Jerry said "<b>stop</b>" > 3 times; it\'s <not> fine & "quoted" \'too\''


def _tricky_request() -> DraftRequest:
    return DraftRequest.model_validate(
        {
            "thread": {
                "channel": "email",
                "subject": 'Billing <urgent> & "odd"',
                "customer": {"name": "Zoë O'Neil & Co", "locale": "fr-FR"},
                "agent": {"name": "Sam <Support>"},
                "messages": [
                    {"role": "customer", "text": TRICKY, "sent_at": "2026-11-20T09:14:00Z"},
                    {"role": "agent", "text": "Line one\nLine two & <three>"},
                    {"role": "note", "text": 'Internal: <don\'t> mention "Q4" & margins'},
                    {"role": "customer", "text": "Still waiting > 2 days"},
                ],
            },
            "policy": {
                "full_refund": True,
                "max_credit_months": 3,
                "escalation_targets": ["tier <2> & billing", 'the "supervisor"'],
                "sla": {"first_update": "45 minutes", "resolution": "by 5 PM"},
                "rules": ["Refunds < 30 days & unused only."],
            },
            "facts": ['Outage 09:12-10:05 UTC & "partial"', "Workaround: use <CSV>"],
        }
    )


def test_round_trip_reads_every_field(library: PromptLibrary) -> None:
    request = _tricky_request()
    signals = [
        Signal(id="repeated-contact", evidence='said "stop" > 3 times'),
        Signal(id="urgency", evidence="waiting & <waiting>"),
    ]
    specifics = ["> 3 times", 'said "<b>stop</b>"']
    brief = read_brief(
        messages_for(request, library, technique="mirror", signals=signals, specifics=specifics)
    )

    assert brief.channel == "email"
    assert brief.subject == 'Billing <urgent> & "odd"'
    assert brief.customer_name == "Zoë O'Neil & Co"
    assert brief.customer_locale == "fr-FR"
    assert brief.agent_name == "Sam <Support>"
    assert [(t.index, t.role, t.text) for t in brief.turns] == [
        (i, m.role, m.text) for i, m in enumerate(request.thread.messages)
    ]
    assert brief.turns[0].sent_at is not None and brief.turns[0].sent_at.startswith("2026-11-20")
    assert [t.text for t in brief.notes] == ['Internal: <don\'t> mention "Q4" & margins']
    assert [t.text for t in brief.customer_turns] == [TRICKY, "Still waiting > 2 days"]
    assert brief.policy == PolicyView(
        full_refund=True,
        max_credit_months=3,
        escalation_targets=("tier <2> & billing", 'the "supervisor"'),
        rules=("Refunds < 30 days & unused only.",),
    )
    assert brief.facts == ('Outage 09:12-10:05 UTC & "partial"', "Workaround: use <CSV>")
    assert (brief.first_update, brief.resolution) == ("45 minutes", "by 5 PM")
    assert brief.technique_id == "mirror"
    assert brief.technique_why == "chosen for the test"
    assert brief.signals == (
        ("repeated-contact", 'said "stop" > 3 times'),
        ("urgency", "waiting & <waiting>"),
    )
    assert brief.specifics == tuple(specifics)
    assert not brief.is_reask and brief.omitted == 0


def test_round_trip_without_policy_or_subject(library: PromptLibrary) -> None:
    request = BARE.request()
    brief = read_brief(messages_for(request, library, technique="open-question"))
    windows = windows_for(request)
    assert brief.policy == PolicyView()
    assert brief.subject is None and brief.customer_locale is None
    assert brief.facts == () and brief.signals == () and brief.specifics == ()
    assert (brief.first_update, brief.resolution) == (windows.first_update, windows.resolution)


def test_partial_policy_reads_as_unknown(library: PromptLibrary) -> None:
    request = CONTRACT.request()
    assert request.policy is not None
    request.policy.full_refund = None
    request.policy.max_credit_months = None
    brief = read_brief(messages_for(request, library, technique="refund-outside-policy"))
    assert brief.policy.full_refund is None and brief.policy.max_credit_months is None
    assert brief.policy.escalation_targets == ("billing specialist", "supervisor")


def test_reask_reads_failed_checks_and_previous_draft(library: PromptLibrary) -> None:
    request = ABUSIVE.request()
    messages = messages_for(request, library, technique="boundary", signals=ABUSIVE.signals)
    failing = [
        CheckResult(
            id="time-frame",
            passed=False,
            message='"I\'ll check" has no time frame',
            hint="Add a window like <within 15 minutes> & keep it.",
        ),
        CheckResult(id="tone", passed=False, message="Capitals: AGAIN"),
    ]
    again = reask_messages(library, messages, "first draft & <text>", failing)
    brief = read_brief(again)
    assert brief.is_reask
    assert brief.failed_checks == (
        FailedCheck(
            "time-frame",
            '"I\'ll check" has no time frame Fix: Add a window like <within 15 minutes> & keep it.',
        ),
        FailedCheck("tone", "Capitals: AGAIN"),
    )
    assert brief.previous_drafts == ("first draft & <text>",)
    assert brief.customer_name == "Marcus O'Brien"


def test_omitted_messages_are_counted(library: PromptLibrary) -> None:
    body = CONTRACT.request().model_dump(mode="json", exclude_none=True)
    filler = [
        {"role": "customer" if i % 2 else "agent", "text": f"message {i} " + "word " * 300}
        for i in range(40)
    ]
    body["thread"]["messages"] = body["thread"]["messages"][:1] + filler
    request = DraftRequest.model_validate(body)
    prompt = build_prompt(
        request,
        technique=TechniqueChoice(id="mirror", why="x"),
        signals=[],
        specifics=[],
        windows=windows_for(request),
        library=library,
        model="calm/playbook",
        budget=3_000,
    )
    brief = read_brief(prompt.messages)
    assert brief.omitted == prompt.omitted_messages > 0
    assert brief.turns[0].text == "Third time asking. The export died at 92% AGAIN."
    assert write_reply(prompt.messages)


@pytest.mark.parametrize(
    ("messages", "needle"),
    [
        ([], "no messages"),
        (
            [{"role": "system", "content": "x"}, {"role": "user", "content": "hello"}],
            "conversation",
        ),
        (
            [
                {
                    "role": "user",
                    "content": '<conversation channel="fax"><customer name="A" />'
                    '<agent name="B" /></conversation>',
                }
            ],
            "channel",
        ),
        (
            [
                {
                    "role": "user",
                    "content": '<conversation channel="chat"><customer name="A" />'
                    '<agent name="B" /><message index="0" role="customer">hi'
                    "</message></conversation>",
                }
            ],
            "windows",
        ),
    ],
)
def test_unreadable_prompts_raise_value_error(messages: list[dict[str, str]], needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        write_reply(messages)


def test_unknown_technique_raises_value_error(library: PromptLibrary) -> None:
    messages = messages_for(CONTRACT.request(), library, technique="mirror")
    messages[1]["content"] = messages[1]["content"].replace('id="mirror"', 'id="telepathy"')
    with pytest.raises(ValueError, match="telepathy"):
        write_reply(messages)


def test_missing_customer_message_raises(library: PromptLibrary) -> None:
    messages = messages_for(CONTRACT.request(), library, technique="mirror")
    messages[1]["content"] = messages[1]["content"].replace('role="customer"', 'role="agent"')
    with pytest.raises(ValueError, match="customer message"):
        write_reply(messages)
