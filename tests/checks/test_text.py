"""text.py: sentence offsets, quote/URL masking, the shared analysis and `Triggered`."""

from __future__ import annotations

import pytest

from service.pipeline import text
from service.pipeline.text import Triggered, analyze, mask_quotes, quoted_spans, split_sentences


def _texts(draft: str) -> list[str]:
    return [s.text for s in split_sentences(draft)]


def test_sentences_keep_offsets() -> None:
    draft = "Hi Dana,\n\nI'm sorry. I'll fix it!  Thanks?"
    for s in split_sentences(draft):
        assert draft[s.start : s.end] == s.text
    assert _texts(draft) == ["Hi Dana,", "I'm sorry.", "I'll fix it!", "Thanks?"]


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    assert _texts("See e.g. the FAQ. Version 4.2 is out.") == [
        "See e.g. the FAQ.",
        "Version 4.2 is out.",
    ]


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("I'll call at 3 p.m. Friday. Then more.", ["I'll call at 3 p.m. Friday.", "Then more."]),
        ("I'll call at 9 a.m. ET and again.", ["I'll call at 9 a.m. ET and again."]),
        ("I'll call at 3 p.m. tomorrow.", ["I'll call at 3 p.m. tomorrow."]),
        ("I'll call at 3 p.m. Then I'll email.", ["I'll call at 3 p.m.", "Then I'll email."]),
        ("Call at 3 p.m.\nThanks", ["Call at 3 p.m.", "Thanks"]),
    ],
)
def test_meridiem_ends_a_sentence_only_before_a_new_one(draft: str, expected: list[str]) -> None:
    assert _texts(draft) == expected


@pytest.mark.parametrize(
    ("draft", "quoted"),
    [
        ("You wrote 'sorry for any inconvenience' was all.", ["'sorry for any inconvenience'"]),
        ("You wrote 'I'm sorry for the wait' twice.", ["'I'm sorry for the wait'"]),
        ('She said "calm down" to you.', ['"calm down"']),
        ("She said “calm down” to you.", ["“calm down”"]),
        ("He said ‘sorry, but no’ twice. I’m here.", ["‘sorry, but no’"]),
        ("The customers' orders and the team's data.", []),
        ("I'm sorry, we're on it, it's fixed.", []),
    ],
)
def test_quotes(draft: str, quoted: list[str]) -> None:
    assert [draft[s:e] for s, e in quoted_spans(draft)] == quoted


@pytest.mark.parametrize(
    ("draft", "url"),
    [
        (
            "See https://status.example.com/x?t=14:00. Thanks",
            "https://status.example.com/x?t=14:00",
        ),
        ("Go to www.example.com/help, then log in.", "www.example.com/help"),
        (
            "Check status.acme.io/incidents/2026-03-12 for more.",
            "status.acme.io/incidents/2026-03-12",
        ),
        ("(see https://example.com/a)", "https://example.com/a"),
    ],
)
def test_urls_are_masked_without_the_sentences_punctuation(draft: str, url: str) -> None:
    masked = mask_quotes(draft)
    assert len(masked) == len(draft)
    start = draft.index(url)
    assert set(masked[start : start + len(url)]) == {"_"}
    assert masked[start + len(url) :] == draft[start + len(url) :]


def test_mask_keeps_whitespace_and_length() -> None:
    draft = "You said 'calm down now' — fine."
    masked = mask_quotes(draft)
    assert masked == "You said _____ ____ ____ — fine."
    assert mask_quotes("Nothing quoted here.") == "Nothing quoted here."


def test_analysis_maps_offsets_to_sentences_and_is_cached() -> None:
    draft = "One. Two 'three'. Four."
    a = analyze(draft)
    assert a is analyze(draft)
    assert [a.sentence_index(draft.index(w)) for w in ("One", "Two", "three", "Four")] == [
        0,
        1,
        1,
        2,
    ]
    assert a.masked_sentence(1) == "Two _______."


def test_triggered_runs_patterns_only_at_their_first_words() -> None:
    t = Triggered().add("promise", "i we *'ll", r"\w*['’]ll\s+[a-z]+").add("num", "#", r"\d+\s+min")
    draft = "I'll call. It'll ship in 20 min. We will see. They said 'I'll quote'."
    found = [(name, m.group()) for name, m in t.scan(analyze(draft))]
    # "We will see" has no "'ll"; the quoted "I'll" is masked, so it never triggers
    assert found == [("promise", "I'll call"), ("promise", "It'll ship"), ("num", "20 min")]


def test_negations_and_contractions_are_indexed() -> None:
    t = Triggered().add("neg", "*n't", r"\w+n['’]t\s+our\s+fault")
    hits = t.scan(analyze("It isn’t our fault. It wasn't our fault."))
    assert [m.group() for _, m in hits] == ["isn’t our fault", "wasn't our fault"]


def test_quote_helper() -> None:
    assert text.quote("  I'm   sorry\n to hear that ") == '"I\'m sorry to hear that"'
    assert text.quote("x" * 200, limit=10) == '"xxxxxxx..."'


def test_clause_end_stops_at_punctuation_not_inside_times() -> None:
    draft = "I'm sorry we missed the 2:30 call — I'll ring you."
    assert draft[: text.clause_end(draft, 0, len(draft))] == "I'm sorry we missed the 2:30 call"


def test_a_pattern_added_later_still_sees_drafts_analysed_before() -> None:
    draft = "Kindly note the zebra crossing."
    analyze(draft)  # cached without "zebra" in its word index
    late = Triggered().add("late", "zebra", r"zebra\s+crossing")
    assert [m.group() for _, m in late.scan(analyze(draft))] == ["zebra crossing"]


def test_a_contraction_is_found_by_its_head_even_when_the_whole_word_is_a_trigger() -> None:
    Triggered().add("whole", "that's", r"that['’]s\s+fine")  # another check listens for "that's"
    head = Triggered().add("head", "that", r"that['’]s\s+not\s+how")
    hits = head.scan(analyze("That's not how it works."))
    assert [m.group() for _, m in hits] == ["That's not how"]
