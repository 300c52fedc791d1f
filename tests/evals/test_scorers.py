"""Each scorer on hand-made drafts, including a near-copy of the gold that breaks a must-never."""

from __future__ import annotations

import pytest

from evals.cache import DiskCache
from evals.runner import case_passed, score_draft
from evals.scorers import (
    ChecksScorer,
    ChrFScorer,
    CostScorer,
    EmbeddingScorer,
    JudgeScorer,
    LatencyScorer,
    LengthFitScorer,
    MustMentionScorer,
    MustNeverScorer,
    RougeLScorer,
    TechniqueScorer,
    TokensScorer,
    default_scorers,
)
from evals.scorers.judge import parse_verdict
from service.config import Settings
from service.pipeline import fake_model
from tests.evals.helpers import GOLD, make_case, make_draft


def test_checks_scorer_reports_each_check_and_the_failing_spans() -> None:
    case = make_case()
    clean = ChecksScorer().score(case, make_draft())
    assert clean.value == 1.0 and clean.passed is True
    assert clean.parts["policy"] == 1.0 and len(clean.parts) == 9

    failing = ChecksScorer().score(
        case, make_draft(failing={"time-frame": ("vague: 'soon'", [(10, 14)])})
    )
    assert failing.value == 0.0 and failing.passed is False
    assert failing.parts["time-frame"] == 0.0 and failing.parts["policy"] == 1.0
    assert failing.spans == [(10, 14)] and "time-frame" in failing.detail


def test_checks_scorer_fails_an_empty_draft() -> None:
    score = ChecksScorer().score(make_case(), make_draft(""))
    assert score.value == 0.0 and score.passed is False


def test_technique_scorer_accepts_any_listed_technique() -> None:
    case = make_case()
    primary = TechniqueScorer().score(case, make_draft(technique="mirror"))
    other = TechniqueScorer().score(case, make_draft(technique="apology-plus-action"))
    wrong = TechniqueScorer().score(case, make_draft(technique="boundary"))
    assert (primary.value, primary.parts["exact"]) == (1.0, 1.0)
    assert (other.value, other.parts["exact"]) == (1.0, 0.0)
    assert wrong.value == 0.0 and wrong.passed is False and "chose boundary" in wrong.detail


def test_must_mention_counts_alternatives_stems_and_regexes() -> None:
    case = make_case(must_mention=["92%|ninety-two", "two hours", "cancel", r"re:\bfile\b"])
    score = MustMentionScorer().score(case, make_draft("Ninety-two percent, then cancelled."))
    assert score.value == pytest.approx(0.25 * 2)  # ninety-two and cancel(led)
    assert score.passed is True  # passes at half coverage
    assert "two hours" in score.detail and "file" in score.detail
    low = MustMentionScorer().score(case, make_draft("Nothing relevant here."))
    assert low.value == 0.0 and low.passed is False


def test_must_mention_literal_alternatives_start_at_a_word() -> None:
    case = make_case(must_mention=["ill"])
    assert MustMentionScorer().score(case, make_draft("I will help")).value == 0.0


def test_must_mention_is_not_run_without_patterns() -> None:
    score = MustMentionScorer().score(make_case(must_mention=[]), make_draft())
    assert score.value is None and score.passed is None


def test_must_never_finds_the_phrase_with_curly_apostrophes() -> None:
    text = "Dana, I’ll issue you a full refund today."
    score = MustNeverScorer().score(make_case(), make_draft(text))
    assert score.value == 0.0 and score.passed is False
    ((start, end),) = score.spans
    assert text[start:end] == "I’ll issue you a full refund"


def test_high_gold_similarity_does_not_save_a_must_never_violation() -> None:
    """The draft is the gold plus one forbidden promise: similarity ~1, and the case fails."""
    case = make_case()
    text = GOLD + " I'll also give you a full refund."
    draft = make_draft(text)
    scorers = [
        ChecksScorer(),
        TechniqueScorer(),
        MustMentionScorer(),
        MustNeverScorer(),
        RougeLScorer(),
        ChrFScorer(),
    ]
    import asyncio

    scores = asyncio.run(score_draft(case, draft, scorers))
    assert scores["rouge_l"].value is not None and scores["rouge_l"].value > 0.9
    assert scores["chrf"].value is not None and scores["chrf"].value > 0.9
    assert scores["checks"].passed and scores["must_mention"].value == 1.0
    assert scores["must_never"].passed is False
    assert case_passed(scores, scorers) is False
    clean = asyncio.run(score_draft(case, make_draft(GOLD), scorers))
    assert case_passed(clean, scorers) is True


def test_similarity_scorers_are_plain_numbers_against_the_gold() -> None:
    case = make_case()
    assert RougeLScorer().score(case, make_draft(GOLD)).value == 1.0
    assert ChrFScorer().score(case, make_draft(GOLD)).value == 1.0
    unrelated = make_draft("Completely different words about a parcel.")
    assert (RougeLScorer().score(case, unrelated).value or 0) < 0.2


def test_length_fit_per_channel() -> None:
    chat = make_case()
    assert LengthFitScorer().score(chat, make_draft(GOLD)).value == 1.0
    long_text = " ".join(["word"] * 240)
    assert LengthFitScorer().score(chat, make_draft(long_text)).value == pytest.approx(0.5)
    social = make_case(
        request={
            **chat.request.model_dump(exclude_none=True),
            "thread": {**chat.request.thread.model_dump(exclude_none=True), "channel": "social"},
        }
    )
    tweet = "x" * 300 + " " + " ".join(["ok"] * 20)
    score = LengthFitScorer().score(social, make_draft(tweet))
    assert score.value is not None and score.value < 1 and "characters" in score.detail


def test_usage_scorers() -> None:
    draft = make_draft(
        latency_ms=42.0, prompt_tokens=700, completion_tokens=50, cost=0.0012, attempts=2
    )
    case = make_case()
    assert LatencyScorer().score(case, draft).value == 42.0
    tokens = TokensScorer().score(case, draft)
    assert tokens.value == 750 and tokens.parts == {"prompt": 700, "completion": 50, "attempts": 2}
    assert CostScorer().score(case, draft).value == 0.0012
    assert not LatencyScorer.gate and not TokensScorer.gate and not CostScorer.gate


def test_embedding_scorer_is_skipped_when_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "evals.textsim.embedding_unavailable_reason", lambda: "sentence-transformers missing"
    )
    score = EmbeddingScorer().score(make_case(), make_draft())
    assert score.value is None and "missing" in score.detail


def test_judge_is_not_run_without_a_model(settings: Settings) -> None:
    import asyncio

    score = asyncio.run(JudgeScorer(None, settings).ascore(make_case(), make_draft()))
    assert score.value is None and "no judge model" in score.detail


async def test_judge_grades_with_the_fake_model_and_caches(settings: Settings, tmp_path) -> None:
    fake_model.enqueue('{"empathy": 4, "ownership": 5, "clarity": 4, "next_step": 3, "why": "ok"}')
    cache = DiskCache(tmp_path)
    judge = JudgeScorer("calm/fake", settings, cache)
    score = await judge.ascore(make_case(), make_draft())
    assert score.value == 4.0 and score.parts["next_step"] == 3.0 and score.detail == "ok"
    assert "Draft to grade" in fake_model.calls[0][1]["content"]
    again = await judge.ascore(make_case(), make_draft())
    assert again.value == 4.0 and len(fake_model.calls) == 1  # second verdict from the cache


def test_judge_verdicts_are_clamped_or_unreadable() -> None:
    assert parse_verdict(
        'Sure! {"empathy": 9, "ownership": 0, "clarity": 3, "next_step": 3}'
    ).parts == {"empathy": 5.0, "ownership": 1.0, "clarity": 3.0, "next_step": 3.0}
    assert parse_verdict("I think it's great").value is None
    assert parse_verdict('{"empathy": 4}').value is None


def test_every_scorer_documents_what_and_why(settings: Settings) -> None:
    for scorer in default_scorers(settings):
        assert len(scorer.description) > 30, type(scorer).__name__


def test_embedding_scorer_runs_offline_when_a_model_is_available(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """The optional path, with a stand-in for sentence-transformers (no torch in the test env)."""
    import sys
    import types

    from evals import textsim

    loaded: dict[str, str] = {}

    class FakeSentenceTransformer:
        def __init__(self, location: str, device: str) -> None:
            loaded["location"], loaded["device"] = location, device

        def encode(self, sentences: list[str]) -> list[list[float]]:
            return [[1.0, 0.0] if "92%" in s else [0.6, 0.8] for s in sentences]

    model_dir = tmp_path / "pkg" / "model"
    model_dir.mkdir(parents=True)
    (model_dir / "config.json").write_text("{}")
    (model_dir / "modules.json").write_text("[]")
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = FakeSentenceTransformer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    monkeypatch.setattr(textsim.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setenv(textsim.EMBEDDING_ENV, str(model_dir))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # what load_encoder sets; restored after the test
    textsim.load_encoder.cache_clear()
    try:
        scorer = EmbeddingScorer()
        assert scorer.unavailable is None
        same = scorer.score(make_case(), make_draft(GOLD))
        other = scorer.score(make_case(), make_draft("Thanks for writing in."))
    finally:
        textsim.load_encoder.cache_clear()
    assert same.value == 1.0 and other.value == pytest.approx(0.6)
    assert loaded == {"location": str(model_dir), "device": "cpu"}
