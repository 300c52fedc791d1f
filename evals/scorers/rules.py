"""Scorers that hold a draft to the case's rules: checks, technique, mentions, bans, length."""

from __future__ import annotations

from typing import ClassVar

from evals.cases import Case, Pattern
from evals.scorers.base import Score, Scorer
from service.pipeline.specifics import word_count
from service.schemas import CHECK_IDS, Draft


class ChecksScorer(Scorer):
    """1 when every guardrails check passed on the final draft, else 0; each check is a part.

    The checks are the contract's definition of a sendable draft (sincere apology with action,
    time frames, no blame, within policy, grounded, no note leak, channel fit, tone), so a
    failing check fails the case. The per-check parts show which rule a prompt change broke.
    """

    name = "checks"
    label = "All checks pass"
    decides_pass = True

    def part_labels(self) -> dict[str, str]:
        return {check_id: check_id for check_id in CHECK_IDS}

    def score(self, case: Case, draft: Draft) -> Score:
        if not draft.draft:
            return Score(value=0.0, passed=False, detail=draft.flag_reason or "no draft text")
        failing = [c for c in draft.checks if not c.passed]
        spans = sorted({tuple(s) for c in failing for s in c.spans})
        detail = "; ".join(f"{c.id}: {c.message}" for c in failing)
        return Score(
            value=0.0 if failing else 1.0,
            passed=not failing,
            detail=detail,
            spans=[(int(a), int(b)) for a, b in spans],
            parts={c.id: 1.0 if c.passed else 0.0 for c in draft.checks},
        )


class TechniqueScorer(Scorer):
    """1 when the pipeline chose one of the case's acceptable techniques, else 0.

    The technique shapes the whole reply (a warm hand-off is not a refund talk), and choosing it
    is the pipeline's first judgement call. Part ``exact``: the case's primary technique.
    """

    name = "technique"
    label = "Technique acceptable"
    decides_pass = True

    def part_labels(self) -> dict[str, str]:
        return {"exact": "Technique = primary"}

    def score(self, case: Case, draft: Draft) -> Score:
        chosen = draft.technique.id
        ok = chosen in case.acceptable_techniques
        detail = (
            "" if ok else f"chose {chosen}; acceptable: {', '.join(case.acceptable_techniques)}"
        )
        return Score(
            value=1.0 if ok else 0.0,
            passed=ok,
            detail=detail,
            parts={"exact": 1.0 if chosen == case.technique else 0.0},
        )


class MustMentionScorer(Scorer):
    """Share of the case's must-mention specifics the draft mirrors (0..1).

    The source documents' first rule is to mirror the customer's specifics ("the export failed at
    92%"); a generic reply reads as not listening. Passes at ``pass_at`` coverage, because a good
    reply may rightly leave one detail for later.
    """

    name = "must_mention"
    label = "Must-mention coverage"
    decides_pass = True
    pass_at: ClassVar[float] = 0.5

    def score(self, case: Case, draft: Draft) -> Score:
        if not case.must_mention:
            return Score.skipped("the case lists no must-mention specifics")
        missed = [p for p in case.must_mention if not Pattern.parse(p).find(draft.draft)]
        coverage = 1 - len(missed) / len(case.must_mention)
        return Score(
            value=coverage,
            passed=coverage >= self.pass_at,
            detail="missing: " + "; ".join(missed) if missed else "",
        )


class MustNeverScorer(Scorer):
    """1 when nothing the case forbids appears in the draft, else 0 (with the offending spans).

    Must-never rules catch what generic checks cannot know for this case: a promise the policy
    forbids in this situation, a detail from this thread's internal note, a phrase that would
    reopen this customer's wound. One hit fails the case, however similar it is to the gold.
    """

    name = "must_never"
    label = "No must-never violations"
    decides_pass = True

    def score(self, case: Case, draft: Draft) -> Score:
        spans: list[tuple[int, int]] = []
        hits: list[str] = []
        for source in case.must_never:
            found = Pattern.parse(source).find(draft.draft)
            if found:
                hits.append(f"“{draft.draft[found[0][0] : found[0][1]]}” (rule: {source})")
                spans.extend(found)
        return Score(
            value=0.0 if hits else 1.0,
            passed=not hits,
            detail="; ".join(hits),
            spans=sorted(spans),
        )


# Words per channel a reviewer would accept without trimming or padding, from the system prompt's
# shapes: chat two to four short paragraphs; email a greeting, a few paragraphs and a sign-off;
# phone a spoken talk track; social one public post (and at most 280 characters).
CHANNEL_WORDS: dict[str, tuple[int, int]] = {
    "chat": (25, 120),
    "email": (60, 280),
    "phone": (30, 180),
    "social": (12, 60),
}
SOCIAL_MAX_CHARS = 280


class LengthFitScorer(Scorer):
    """How well the draft's length fits its channel: 1 inside the range, falling off outside.

    Length is the first thing an agent edits: a chat reply in four paragraphs gets skimmed, an
    email with no body reads curt, a public post must fit one tweet. The channel-fit check is
    pass/fail on shape; this is the graded number a prompt engineer tunes against.
    """

    name = "length_fit"
    label = "Length fit"

    def score(self, case: Case, draft: Draft) -> Score:
        low, high = CHANNEL_WORDS[case.channel]
        words = word_count(draft.draft)
        if words == 0:
            return Score(value=0.0, passed=False, detail="empty draft")
        value = 1.0 if low <= words <= high else (words / low if words < low else high / words)
        detail = f"{words} words ({case.channel}: {low}-{high})"
        if case.channel == "social" and len(draft.draft) > SOCIAL_MAX_CHARS:
            value = min(value, SOCIAL_MAX_CHARS / len(draft.draft))
            detail += f"; {len(draft.draft)} characters (max {SOCIAL_MAX_CHARS})"
        return Score(value=round(value, 4), passed=value == 1.0, detail=detail)
