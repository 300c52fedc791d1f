"""The scorers, one small class each. `default_scorers` is the suite ``calm eval`` runs.

To add a scorer: subclass `Scorer` in a module here, give it a docstring saying what it measures
and why, add it to `default_scorers`, and test it on hand-made examples in
``tests/evals/test_scorers.py``. Its mean then appears in the report and in the CI gate.
"""

from __future__ import annotations

from evals.cache import DiskCache
from evals.scorers.base import MetricSpec, Score, Scorer
from evals.scorers.judge import JudgeScorer
from evals.scorers.rules import (
    ChecksScorer,
    LengthFitScorer,
    MustMentionScorer,
    MustNeverScorer,
    TechniqueScorer,
)
from evals.scorers.similarity import ChrFScorer, EmbeddingScorer, RougeLScorer
from evals.scorers.usage import CostScorer, LatencyScorer, TokensScorer
from service.config import Settings

__all__ = [
    "ChecksScorer",
    "ChrFScorer",
    "CostScorer",
    "EmbeddingScorer",
    "JudgeScorer",
    "LatencyScorer",
    "LengthFitScorer",
    "MetricSpec",
    "MustMentionScorer",
    "MustNeverScorer",
    "RougeLScorer",
    "Score",
    "Scorer",
    "TechniqueScorer",
    "TokensScorer",
    "default_scorers",
]


def default_scorers(
    settings: Settings, *, judge_model: str | None = None, cache: DiskCache | None = None
) -> list[Scorer]:
    return [
        ChecksScorer(),
        TechniqueScorer(),
        MustMentionScorer(),
        MustNeverScorer(),
        RougeLScorer(),
        ChrFScorer(),
        EmbeddingScorer(),
        LengthFitScorer(),
        JudgeScorer(judge_model, settings, cache),
        LatencyScorer(),
        TokensScorer(),
        CostScorer(),
    ]
