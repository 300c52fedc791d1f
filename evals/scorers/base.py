"""What a scorer is: a small class that looks at one draft for one case and returns a `Score`.

Scores are data, like check results. A scorer never raises on a bad draft; it returns
``value=None`` with a reason when it cannot say (no judge configured, embeddings not installed).

Each scorer declares how its number is read:

- ``higher_is_better`` and ``unit`` ("ratio" 0..1, "ms", "tokens", "usd") for the report;
- ``gate``: whether a drop in its mean fails ``calm eval compare`` (the CI gate). Latency is not
  gated: it measures the machine as much as the prompt;
- ``decides_pass``: whether a failing score fails the whole case ("this draft is not shippable").

``parts`` carries sub-scores that are reported and gated on their own (each check, each judge
dimension), under ``<scorer>:<part>`` keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from evals.cases import Case
from service.schemas import Draft

Unit = Literal["ratio", "ms", "tokens", "usd", "score"]


class Score(BaseModel):
    value: float | None = Field(description="None when the scorer did not run for this draft")
    passed: bool | None = Field(default=None, description="None for informational scorers")
    detail: str = ""
    spans: list[tuple[int, int]] = Field(
        default_factory=list, description="offsets into the draft that explain a failure"
    )
    parts: dict[str, float] = Field(default_factory=dict)

    @classmethod
    def skipped(cls, why: str) -> Score:
        return cls(value=None, detail=why)


@dataclass(frozen=True)
class MetricSpec:
    """How one reported number is read: a scorer's mean, or one of its parts."""

    key: str
    label: str
    description: str
    unit: Unit = "ratio"
    higher_is_better: bool = True
    gate: bool = True

    @property
    def scale(self) -> float:
        """Width of the metric's range, so one gate threshold reads the same on 0..1 and 1..5."""
        return 4.0 if self.unit == "score" else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "description": self.description,
            "unit": self.unit,
            "higher_is_better": self.higher_is_better,
            "gate": self.gate,
        }


class Scorer:
    """Base class. Subclasses set the class attributes and implement `score` (or `ascore`)."""

    name: ClassVar[str]
    label: ClassVar[str]
    unit: ClassVar[Unit] = "ratio"
    higher_is_better: ClassVar[bool] = True
    gate: ClassVar[bool] = True
    decides_pass: ClassVar[bool] = False

    def score(self, case: Case, draft: Draft) -> Score:
        raise NotImplementedError

    async def ascore(self, case: Case, draft: Draft) -> Score:
        """Async entry point the runner calls; override for scorers that call a model."""
        return self.score(case, draft)

    def part_labels(self) -> dict[str, str]:
        """Sub-scores this scorer reports, ``{part: label}``, for the report's metric list."""
        return {}

    @property
    def description(self) -> str:
        doc = (type(self).__doc__ or "").strip()
        return doc.split("\n\n", 1)[0].replace("\n", " ")

    def specs(self) -> list[MetricSpec]:
        main = MetricSpec(
            key=self.name,
            label=self.label,
            description=self.description,
            unit=self.unit,
            higher_is_better=self.higher_is_better,
            gate=self.gate,
        )
        parts = [
            MetricSpec(
                key=f"{self.name}:{part}",
                label=label,
                description=f"{self.label}: {label}",
                unit=self.unit,
                higher_is_better=self.higher_is_better,
                gate=self.gate,
            )
            for part, label in self.part_labels().items()
        ]
        return [main, *parts]
