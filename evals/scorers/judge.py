"""An optional LLM-as-judge rubric: empathy, ownership, clarity, next step (1-5 each).

Rules and similarity cannot tell a warm reply from a correct but cold one; a judge model can,
roughly. It runs only when a judge model is configured (``--judge-model`` or
``CALM_EVAL_JUDGE_MODEL``), through the same `ModelClient` as drafting (the only LiteLLM seam),
with no fallback (a fallback drafter cannot grade) and temperature 0. Verdicts are cached like
drafts, keyed by judge model, rubric version, case and draft text.
"""

from __future__ import annotations

import json
import os
import re

from evals.cache import DiskCache, make_key
from evals.cases import Case
from evals.scorers.base import Score, Scorer
from service.config import Settings
from service.errors import CalmError
from service.pipeline.llm import ModelClient
from service.schemas import Draft

JUDGE_ENV = "CALM_EVAL_JUDGE_MODEL"
RUBRIC_VERSION = "1"
DIMENSIONS = {
    "empathy": "names the customer's situation and feelings specifically, without parroting",
    "ownership": "takes responsibility in the first person; no blame, excuses or deflection",
    "clarity": "plain, short sentences in the channel's shape; nothing to decode",
    "next_step": "a concrete next action with a time frame the customer can hold us to",
}
_JSON = re.compile(r"\{.*\}", re.S)

RUBRIC = (
    "You grade a customer-support reply drafted for an upset customer. Score each dimension "
    "from 1 (poor) to 5 (excellent):\n"
    + "\n".join(f"- {name}: {meaning}" for name, meaning in DIMENSIONS.items())
    + "\n\nA reference reply is shown for calibration: it is one good answer, not the only one. "
    "Judge the draft on its own merits. Reply with JSON only, for example "
    '{"empathy": 4, "ownership": 5, "clarity": 4, "next_step": 3, "why": "one sentence"}.'
)


def configured_judge(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get(JUDGE_ENV) or None


class JudgeScorer(Scorer):
    """Mean of a judge model's 1-5 grades for empathy, ownership, clarity and next step.

    Parts are the four grades. Not run (recorded as such) when no judge model is configured.
    """

    name = "judge"
    label = "Judge rubric (1-5)"
    unit = "score"

    def __init__(
        self, model: str | None, settings: Settings, cache: DiskCache | None = None
    ) -> None:
        self.model = model
        self.cache = cache
        self.client = ModelClient(
            settings.model_copy(
                update={"fallback_models": [], "temperature": 0.0, "max_output_tokens": 300}
            )
        )

    def part_labels(self) -> dict[str, str]:
        return {name: name.replace("_", " ").capitalize() for name in DIMENSIONS}

    def messages(self, case: Case, draft: Draft) -> list[dict[str, str]]:
        thread = case.request.thread
        visible = "\n".join(
            f"{m.role}: {m.text}" for m in thread.messages if m.role != "note"
        )  # the judge grades what the customer sees; notes are the checks' business
        user = (
            f"Channel: {thread.channel}\nConversation:\n{visible}\n\n"
            f"Reference reply:\n{case.gold}\n\nDraft to grade:\n{draft.draft}"
        )
        return [{"role": "system", "content": RUBRIC}, {"role": "user", "content": user}]

    async def ascore(self, case: Case, draft: Draft) -> Score:
        if not self.model:
            return Score.skipped(f"no judge model configured (--judge-model or {JUDGE_ENV})")
        if not draft.draft:
            return Score.skipped("empty draft")
        key = make_key(self.model, RUBRIC_VERSION, case.digest, case.gold, draft.draft)
        cached = self.cache.get("judge", key) if self.cache else None
        if cached is None:
            try:
                completion = await self.client.complete(
                    self.messages(case, draft), model=self.model
                )
            except CalmError as exc:
                return Score.skipped(f"judge model failed: {exc}")
            cached = {"model": self.model, "reply": completion.text}
            if self.cache:
                self.cache.put("judge", key, cached)
        return parse_verdict(str(cached["reply"]))


def parse_verdict(reply: str) -> Score:
    """The judge's JSON as a Score; grades are clamped to 1-5, a missing one makes it unreadable."""
    match = _JSON.search(reply)
    try:
        data = json.loads(match.group(0)) if match else None
        grades = (
            {name: float(data[name]) for name in DIMENSIONS} if isinstance(data, dict) else None
        )
    except (ValueError, KeyError, TypeError):
        grades = None
    if not grades or not isinstance(data, dict):
        return Score.skipped(f"judge reply unreadable: {reply[:120]!r}")
    grades = {name: max(1.0, min(5.0, value)) for name, value in grades.items()}
    mean = sum(grades.values()) / len(grades)
    return Score(value=round(mean, 3), detail=str(data.get("why", ""))[:300], parts=grades)
