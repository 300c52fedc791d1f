"""The small English helpers behind mirroring: person swap, shouting lowered, windows, names."""

from __future__ import annotations

import pytest

from service.pipeline.playbook import language as lang
from service.pipeline.playbook.issues import candidate_clauses, kind_of, topic_of


@pytest.mark.parametrize(
    ("said", "ours"),
    [
        ("I was charged twice for my order", "you were charged twice for your order"),
        ("you charged me twice", "we charged you twice"),
        ("your app deleted my files", "our app deleted your files"),
        ("I told you twice", "you told us twice"),
        ("we lost our data", "you lost your data"),
    ],
)
def test_swap_person(said: str, ours: str) -> None:
    assert lang.swap_person(said) == ours


def test_shouting_is_lowered_but_acronyms_stay() -> None:
    text = "The CSV export died AGAIN"
    assert lang.lower_shouting(text, frozenset({"CSV"})) == "The CSV export died again"


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("30 minutes", "within 30 minutes"),
        ("2 business days", "within 2 business days"),
        ("by 5 PM", "by 5 PM"),
        ("end of day", "by end of day"),
        ("tomorrow by noon", "tomorrow by noon"),
    ],
)
def test_window_phrase(value: str, phrase: str) -> None:
    assert lang.window(value) == phrase


@pytest.mark.parametrize(
    ("full", "first"),
    [("Dana Reyes", "Dana"), ("Dr. Ana Ruiz", "Dr. Ruiz"), ("@115768", ""), ("Li", "Li")],
)
def test_first_name(full: str, first: str) -> None:
    assert lang.first_name(full) == first


def test_pick_is_deterministic_and_varies_by_seed() -> None:
    options = ("a", "b", "c")
    assert lang.pick(options, 1, "slot") == lang.pick(options, 1, "slot")
    assert len({lang.pick(options, seed, "slot") for seed in range(20)}) > 1


def test_clauses_skip_questions_demands_and_insults() -> None:
    texts = ["is the site down?? Fix it now. You people are idiots. The export died at 92% AGAIN."]
    assert candidate_clauses(texts, frozenset(), frozenset()) == ["the export stopped at 92% again"]


def test_kind_and_topic_come_from_the_issue() -> None:
    issues = ["none of your card terminals have worked since nine"]
    kind = kind_of(issues, "")
    assert kind == "service"
    assert topic_of(kind, issues[0], []) == "your card terminals"
