"""The outside contract as pydantic models (see README "Contract").

Input models (`Thread`, `DraftRequest`) validate strictly so a bad request fails with a 422 /
exit 2 that names the field; output models (`Draft`, `CheckResult`) are what the API returns.
Technique ids live in `TECHNIQUE_IDS` here so validation does not depend on the pipeline.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

TECHNIQUE_IDS: tuple[str, ...] = (
    "acknowledge-and-prioritize",
    "disarming-opening",
    "mirror",
    "apology-plus-action",
    "time-boxed-update",
    "reset-expectations",
    "shared-outcome",
    "offer-choices",
    "open-question",
    "warm-handoff",
    "interrupt-with-permission",
    "refund-outside-policy",
    "outage-recovery",
    "boundary",
    "follow-up",
    "goodwill-gesture",
)

CHECK_IDS: tuple[str, ...] = (
    "apology-action",
    "time-frame",
    "no-blame",
    "positive-refusal",
    "policy",
    "grounded",
    "no-internal-leak",
    "channel-fit",
    "tone",
)

MAX_MESSAGE_CHARS = 20_000
MAX_MESSAGES = 500
MAX_FACTS = 100

Channel = Literal["chat", "email", "phone", "social"]
Role = Literal["customer", "agent", "note"]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
LineText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000)]


class _Strict(BaseModel):
    """Unknown fields are rejected so a typo ("mesages") is a named 422, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class Person(_Strict):
    name: Name
    locale: ShortText | None = None


class Message(_Strict):
    role: Role
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MESSAGE_CHARS)
    ]
    sent_at: datetime | None = None


class Thread(_Strict):
    channel: Channel = "chat"
    subject: ShortText | None = None
    customer: Person
    agent: Person
    messages: list[Message] = Field(min_length=1, max_length=MAX_MESSAGES)

    @field_validator("messages")
    @classmethod
    def _has_customer_message(cls, messages: list[Message]) -> list[Message]:
        if not any(m.role == "customer" for m in messages):
            raise ValueError("the thread needs at least one message with role 'customer'")
        return messages

    @property
    def customer_messages(self) -> list[Message]:
        return [m for m in self.messages if m.role == "customer"]

    @property
    def notes(self) -> list[Message]:
        return [m for m in self.messages if m.role == "note"]


class Sla(BaseModel):
    """Service-level windows, e.g. {"first_update": "30 minutes", "resolution": "2 days"}."""

    model_config = ConfigDict(extra="allow")

    first_update: ShortText | None = None
    resolution: ShortText | None = None


class Policy(_Strict):
    full_refund: bool | None = None
    max_credit_months: int | None = Field(default=None, ge=0, le=120)
    escalation_targets: list[ShortText] = Field(default_factory=list, max_length=50)
    sla: Sla | None = None
    rules: list[LineText] = Field(default_factory=list, max_length=100)


class DraftRequest(_Strict):
    thread: Thread
    policy: Policy | None = None
    facts: list[LineText] = Field(default_factory=list, max_length=MAX_FACTS)
    technique: str = "auto"
    model: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
        | None
    ) = None

    @field_validator("technique")
    @classmethod
    def _known_technique(cls, value: str) -> str:
        if value != "auto" and value not in TECHNIQUE_IDS:
            raise ValueError(
                f"unknown technique {value!r}; use 'auto' or one of: {', '.join(TECHNIQUE_IDS)}"
            )
        return value


# ---- output ---------------------------------------------------------------------------------


class TechniqueChoice(BaseModel):
    id: str
    why: str


class Signal(BaseModel):
    id: str
    evidence: str
    message_index: int | None = Field(default=None, description="index into thread.messages")


class Commitment(BaseModel):
    text: str
    window: str


class CheckResult(BaseModel):
    """One check's verdict on a draft: data, never an exception."""

    id: str
    passed: bool
    message: str = ""
    spans: list[tuple[int, int]] = Field(default_factory=list)
    hint: str = Field(
        default="", description="how to fix the draft; fed back to the model on re-ask"
    )


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


class AttemptLog(BaseModel):
    """What happened on one model call, so agents and QA can see retries and fallbacks."""

    attempt: int
    model: str
    outcome: Literal["passed", "failed-checks", "model-error"]
    failing_checks: list[str] = Field(default_factory=list)
    error: str | None = None
    latency_ms: float = 0.0


class Draft(BaseModel):
    id: str
    status: Literal["ready", "flagged"]
    draft: str
    technique: TechniqueChoice
    signals: list[Signal]
    commitments: list[Commitment]
    checks: list[CheckResult]
    attempts: int
    model: str
    prompt_version: str
    prompt_versions: dict[str, str] = Field(
        default_factory=dict, description="every prompt file used, e.g. {'system': 'system@1'}"
    )
    usage: Usage
    latency_ms: float
    created_at: datetime | None = None
    flag_reason: str | None = Field(default=None, description="why the draft is flagged, in words")
    notices: list[str] = Field(default_factory=list, description="retries and fallbacks, in words")
    trace: list[AttemptLog] = Field(default_factory=list)

    @model_validator(mode="after")
    def _flag_has_reason(self) -> Draft:
        if self.status == "flagged" and not self.flag_reason:
            failing = [c.id for c in self.checks if not c.passed]
            self.flag_reason = "failing checks: " + ", ".join(failing) if failing else "flagged"
        return self


class CheckRequest(_Strict):
    """A draft someone wrote (or edited), checked against its thread: ``POST /v1/checks``."""

    draft: Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE_CHARS)]
    thread: Thread
    policy: Policy | None = None
    facts: list[LineText] = Field(default_factory=list, max_length=MAX_FACTS)


class CheckReport(BaseModel):
    passed: bool
    checks: list[CheckResult]
    commitments: list[Commitment] = Field(
        default_factory=list, description="promises with a time frame, for the agent to confirm"
    )


class TechniqueInfo(BaseModel):
    id: str
    name: str
    summary: str
    version: str
