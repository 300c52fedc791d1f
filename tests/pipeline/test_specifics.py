"""Specifics: the customer's own concrete details, verbatim, never from notes or agents."""

from __future__ import annotations

import re

from service.pipeline.signal_lexicon import compile_folded, fold
from service.pipeline.specifics import (
    MAX_SPECIFICS,
    clause_before,
    extract_specifics,
    first_sentence,
    is_negated,
    mask_quoted,
    snippet,
    upset_span,
)
from service.schemas import Thread


def make_thread(*messages: tuple[str, str]) -> Thread:
    return Thread.model_validate(
        {"channel": "chat", "customer": {"name": "Dana"}, "agent": {"name": "Sam"},
         "messages": [{"role": role, "text": text} for role, text in messages]}
    )


def test_contract_example() -> None:
    thread = make_thread(
        ("customer", "Third time asking. The export died at 92% AGAIN."),
        ("agent", "Sorry about that, looking now."),
        ("note", "Internal: finance says no refunds on annual plans."),
    )
    assert extract_specifics(thread) == ["92%", "The export"]


def test_loss_first_then_numbers_then_products() -> None:
    thread = make_thread(("customer", "the export failed at 92% and I lost two hours of work"))
    assert extract_specifics(thread) == ["lost two hours of work", "92%", "the export"]


def test_money_ids_models_and_times() -> None:
    thread = make_thread((
        "customer",
        "Order #A1234 for my iPhone 12 case cost $49.99 and was due on Monday by 3pm.",
    ))
    found = extract_specifics(thread)
    for expected in ("$49.99", "Order #A1234", "iPhone 12", "on Monday", "by 3pm"):
        assert expected in found, found


def test_never_from_notes_or_agents() -> None:
    thread = make_thread(
        ("customer", "My router keeps dropping."),
        ("agent", "I can offer a $20 credit on invoice 99812."),
        ("note", "Customer owes $340; ticket INC-5521 open since March 3."),
    )
    found = extract_specifics(thread)
    assert found == ["My router"]
    assert all(f in thread.messages[0].text for f in found)


def test_quoted_agent_text_is_ignored() -> None:
    thread = make_thread((
        "customer",
        "Still broken.\n\nOn Tue, Nov 18, 2026 at 10:02 AM Support wrote:\n> Your refund of $42 "
        "for order 7781 was sent.",
    ))
    assert extract_specifics(thread) == []


def test_deduplicated_and_capped() -> None:
    thread = make_thread(
        ("customer", "order 88213 never came. #88213! the refund for my refund request?"),
        ("customer", "3 days, 4 weeks, $5, $6, $7, 92%, 15%, order 11111, order 22222"),
    )
    found = extract_specifics(thread)
    assert len(found) == MAX_SPECIFICS
    assert sum("88213" in f for f in found) <= 1
    assert len({f.lower() for f in found}) == len(found)


def test_helpers_keep_offsets_verbatim() -> None:
    text = "Hi.\n> quoted line\nOn Mon, Jan 5, 2026 at 9:00 AM Bob wrote:\nold stuff"
    masked = mask_quoted(text)
    assert len(masked) == len(text)
    assert "quoted" not in masked and "old stuff" not in masked and masked.startswith("Hi.")
    long = "word " * 40 + "TARGET " + "word " * 40
    start = long.index("TARGET")
    piece = snippet(long, start, start + 6)
    assert piece in long and "TARGET" in piece and len(piece) <= 80
    assert first_sentence("Okay so. Rest") == "Okay so"
    assert first_sentence("x" * 50 + " " + "y" * 50).startswith("x")


def test_fold_keeps_offsets_and_compile_folded_matches_like_ignorecase() -> None:
    text = "İstanbul: WHY can't you Idiots READ"
    assert len(fold(text)) == len(text) and fold("ABC def") == "abc def"
    source = r"\bcan't\s+you\b|\bidiots?\b|READ\b|\S+bul"
    folded = compile_folded(source)
    plain = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in folded.finditer(fold(text))] == [
        m.span() for m in plain.finditer(text)
    ]


def test_mask_quoted_straightens_apostrophes() -> None:
    assert mask_quoted("I don’t want it") == "I don't want it"


def test_clause_before_stops_at_breaks() -> None:
    text = "I called twice, but you idiots never answer"
    assert clause_before(text, text.index("you")) == " "
    assert clause_before("I'm not calling you", 19).strip() == "I'm not calling you"


def test_upset_span_ignores_delighted_exclamation_marks() -> None:
    assert upset_span("Thank you so much!!") is None
    assert upset_span("Where is my order!!") is not None
    assert upset_span("Thanks for nothing") is not None


def test_negation_is_local() -> None:
    text = "If it isn't sorted by the end of the month I'm switching to Fibrely."
    assert not is_negated(text, text.index("switching"))
    text = "I'm not going to cancel my account."
    assert is_negated(text, text.index("cancel"))
    text = "I don't want a refund, but I want a replacement"
    assert not is_negated(text, text.index("I want a replacement"))
    assert is_negated("I dont need a manager", 13)  # no apostrophe
    assert is_negated("I have never missed a flight", 14)
