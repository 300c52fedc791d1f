"""Saying the customer's specifics back: naming "it", blame-free wording, which details, ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.pipeline.playbook import language as lang
from service.pipeline.playbook import mirroring, write_reply
from service.pipeline.playbook.channels import _spoken
from service.pipeline.playbook.issues import candidate_clauses
from service.pipeline.prompt_files import PromptLibrary
from service.schemas import TECHNIQUE_IDS, DraftRequest
from tests.playbook.cases import BILLING
from tests.playbook.helpers import messages_for

ROOT = Path(__file__).resolve().parents[2]


def _clauses(text: str) -> list[str]:
    return candidate_clauses([text], frozenset(), frozenset())


def test_it_is_named_by_what_came_before_it() -> None:
    sentence = (
        "We paid for the annual plan in March specifically for the Salesforce integration, "
        "and it has been broken for three weeks"
    )
    assert "the Salesforce integration has been broken for three weeks" in _clauses(sentence)
    # "it's been 3 days" names nothing: left alone
    assert mirroring.resolve_pronoun("it's been 3 days", "I ordered the lamp and it's been 3 days")
    assert mirroring.resolve_pronoun(
        "it's been 3 days", "I ordered the lamp and it's been 3 days"
    ).startswith("it's")


def test_them_is_named_from_the_sentence_before() -> None:
    text = "I want all my pictures and albums back. I just made them yesterday with help."
    assert any("your pictures yesterday" in c for c in _clauses(text))


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("you missed your flight", "you ended up missing your flight"),
        ("you never received your textbook", "you never got your textbook"),
        ("you were told it would ship today", "we told you it would ship today"),
        ("you explained your friend's wedding was canceled", "your friend's wedding was canceled"),
        ("you forgot to attach it", ""),
    ],
)
def test_unblame(clause: str, said: str) -> None:
    assert mirroring.unblame(clause) == said


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Three outages in two weeks, and nobody called.", "you've had three outages in two weeks"),
        ("wrong size delivered, what now", "the wrong size was delivered"),
        ("return label won't print", "the return label won't print"),
        ("still no internet, going on 15 hours now", "you still have no internet"),
        ("you fucking clowns charged me twice AGAIN", "we charged you twice again"),
        ("so my flight got cancelled and you won't refund my room?", "your flight got cancelled"),
    ],
)
def test_clauses_get_a_subject(text: str, clause: str) -> None:
    assert any(c.startswith(clause) for c in _clauses(text)), _clauses(text)


def test_details_carry_the_specifics_not_yet_said() -> None:
    candidates = [
        "your first flight was two hours late",
        "you ended up missing your connection in Denver",
        "you've been standing at this airport since six",
        "the queue was long",
    ]
    covered = mirroring.covered_stems(candidates[0])
    picked = mirroring.pick_details(candidates[1:], covered, [])
    assert picked[0] == "you ended up missing your connection in Denver"
    assert "the queue was long" not in picked


@pytest.mark.parametrize(
    ("text", "loyalty"),
    [
        (["I've been a customer for 8 years and this is the worst"], "8 years"),
        (["been with you since 2015 and my orders were late"], "since 2015"),
        (["I've been a platinum member since 2011."], "as a platinum member since 2011"),
        (["I've been with you for twenty-two years"], "twenty-two years"),
        (["The update took 2 years to arrive"], ""),
    ],
)
def test_loyalty(text: list[str], loyalty: str) -> None:
    assert mirroring.loyalty(text) == loyalty


def test_ids_stay_whole_and_shouted_ids_keep_their_case() -> None:
    assert "#A-7731" in lang.tidy("charged twice (order #A-7731) #fail")
    assert "#fail" not in lang.tidy("charged twice (order #A-7731) #fail")
    assert lang.lower_shouting("INV-2291 AGAIN CS6", frozenset()) == "INV-2291 again CS6"


def test_long_recaps_are_said_as_short_sentences() -> None:
    recap = (
        "Here's what I'm passing on: you'd like someone with more authority involved, you took "
        "the whole day off work for this, and this is the second time you've had to ask."
    )
    said = _spoken(recap)
    assert len(said) >= 3
    assert all(len(s.split()) <= 20 for s in said)
    assert said[0] == "Here's what I'm passing on."


def test_billing_ids_are_kept_privately_and_never_broken(library: PromptLibrary) -> None:
    for channel in ("chat", "email", "phone"):
        request = BILLING.request(channel)
        for technique in TECHNIQUE_IDS:
            messages = messages_for(request, library, technique=technique, signals=BILLING.signals)
            draft = _reply(messages)
            assert "-7731" not in draft or "#A-7731" in draft, draft
            assert not re.search(r"order -7731", draft), draft


def test_refund_example_is_about_the_integration_not_the_plan(library: PromptLibrary) -> None:
    body = json.loads((ROOT / "examples" / "refund-annual-email.json").read_text())
    request = DraftRequest.model_validate(body)
    for technique in TECHNIQUE_IDS:
        draft = _reply(messages_for(request, library, technique=technique))
        assert "the annual plan my priority" not in draft, draft
        assert "put the annual plan right" not in draft, draft
        assert not re.search(r"(?:checking|fixing|into) the annual plan", draft), draft
    refund = _reply(messages_for(request, library, technique="refund-outside-policy"))
    assert "the Salesforce integration has been broken for three weeks" in refund
    assert "make the Salesforce integration my priority" in refund
    assert "copying leads by hand" in refund
    assert "get the Salesforce integration working again" in refund


def _reply(messages: list[dict[str, str]]) -> str:
    return write_reply(messages)
