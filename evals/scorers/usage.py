"""What a draft cost: latency, tokens and money. Reported, never gated on quality.

Latency depends on the machine and the provider's load, so it is informational only. Tokens and
cost are deterministic for a given prompt and model; ``calm eval compare`` shows their change in
percent so a prompt that doubles the bill is visible before it ships.
"""

from __future__ import annotations

from evals.cases import Case
from evals.scorers.base import Score, Scorer
from service.schemas import Draft


class LatencyScorer(Scorer):
    """Wall-clock milliseconds for the whole pipeline (all attempts), as recorded on the draft.

    Cached drafts keep the latency of the run that made them, so a cached re-run reports the
    original figure rather than the time to read a file.
    """

    name = "latency_ms"
    label = "Latency (ms)"
    unit = "ms"
    higher_is_better = False
    gate = False

    def score(self, case: Case, draft: Draft) -> Score:
        return Score(value=round(draft.latency_ms, 2))


class TokensScorer(Scorer):
    """Tokens used across all attempts (prompt + completion), with each as a part.

    Re-asks multiply the prompt tokens, so a prompt that fails checks more often shows up here
    before it shows up on the invoice.
    """

    name = "tokens"
    label = "Tokens"
    unit = "tokens"
    higher_is_better = False
    gate = False

    def part_labels(self) -> dict[str, str]:
        return {
            "prompt": "Prompt tokens",
            "completion": "Completion tokens",
            "attempts": "Attempts",
        }

    def score(self, case: Case, draft: Draft) -> Score:
        usage = draft.usage
        return Score(
            value=float(usage.prompt_tokens + usage.completion_tokens),
            parts={
                "prompt": float(usage.prompt_tokens),
                "completion": float(usage.completion_tokens),
                "attempts": float(draft.attempts),
            },
        )


class CostScorer(Scorer):
    """US dollars for the draft, from LiteLLM's price map (0 for local and unknown models)."""

    name = "cost_usd"
    label = "Cost (USD)"
    unit = "usd"
    higher_is_better = False
    gate = False

    def score(self, case: Case, draft: Draft) -> Score:
        return Score(value=round(draft.usage.cost_usd, 6))
