"""Similarity of the draft to the case's gold reply (ROUGE-L, chrF, optional embeddings).

Similarity is a smoke alarm, not a verdict: two good replies can share few words. It is most
useful as a delta between runs (a prompt change that drops chrF by 0.05 on every case changed the
drafts' substance), and it never decides a case on its own.
"""

from __future__ import annotations

from evals import textsim
from evals.cases import Case
from evals.scorers.base import Score, Scorer
from service.schemas import Draft


class RougeLScorer(Scorer):
    """ROUGE-L F1 against the gold reply (0..1): shared words in the same order.

    Rewards drafts that follow the gold's arc (acknowledge, own, act, commit) with its words.
    """

    name = "rouge_l"
    label = "ROUGE-L vs gold"

    def score(self, case: Case, draft: Draft) -> Score:
        if not draft.draft:
            return Score(value=0.0, detail="empty draft")
        return Score(value=round(textsim.rouge_l(draft.draft, case.gold), 4))


class ChrFScorer(Scorer):
    """chrF against the gold reply (0..1, sacrebleu's chrF / 100): shared character n-grams.

    More forgiving than ROUGE-L of rewording and inflection ("re-running" vs "rerun"), so it
    tracks substance (the same specifics, the same offer) rather than phrasing.
    """

    name = "chrf"
    label = "chrF vs gold"

    def score(self, case: Case, draft: Draft) -> Score:
        if not draft.draft:
            return Score(value=0.0, detail="empty draft")
        return Score(value=round(textsim.chrf(draft.draft, case.gold), 4))


class EmbeddingScorer(Scorer):
    """Cosine similarity of sentence embeddings of draft and gold (0..1), when installed.

    The only similarity that sees meaning ("we'll refund" vs "you'll get your money back"). Runs
    when sentence-transformers and a local model are available (the ``eval-embeddings`` extra);
    otherwise every case records it as not run.
    """

    name = "embedding"
    label = "Embedding similarity"

    def __init__(self) -> None:
        self.unavailable = textsim.embedding_unavailable_reason()

    def score(self, case: Case, draft: Draft) -> Score:
        if self.unavailable:
            return Score.skipped(self.unavailable)
        if not draft.draft:
            return Score(value=0.0, detail="empty draft")
        try:
            value = textsim.embedding_similarity(draft.draft, case.gold)
        except Exception as exc:  # a broken optional install must not stop the suite
            self.unavailable = f"embedding model failed: {type(exc).__name__}: {exc}"
            return Score.skipped(self.unavailable)
        return Score(value=round(value, 4))
