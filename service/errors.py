"""Exceptions for what stops a draft from being produced. Each carries its context.

A draft that fails its checks is *not* an exception: it comes back flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class CalmError(Exception):
    """Base class; ``context`` is safe to show to an operator."""

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        if not self.context:
            return self.message
        extras = ", ".join(f"{k}={v!r}" for k, v in self.context.items())
        return f"{self.message} ({extras})"


class PromptError(CalmError):
    """A prompt file is missing or malformed (a deployment problem, not the user's)."""


class ModelError(CalmError):
    """One model call failed (timeout, HTTP error, empty reply). Context: model, attempt, cause."""


class ModelUnavailable(CalmError):
    """Every model in the chain failed; ``failures`` holds each call's error, in order."""

    def __init__(self, message: str, failures: list[ModelError], **context: object) -> None:
        super().__init__(message, **context)
        self.failures = failures


def field_errors(errors: Sequence[Any], *, drop_prefix: str = "body") -> list[dict[str, Any]]:
    """Pydantic/FastAPI errors as ``{"field": "thread.messages.0.role", "message": ...}`` rows.

    The field is a dotted path a person can find in their JSON; the submitted value is not echoed
    back in full (it may be large), only its type.
    """
    rows = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if str(p) != drop_prefix]
        rows.append(
            {
                "field": ".".join(loc) or "(body)",
                "message": str(err.get("msg", "invalid value")).removeprefix("Value error, "),
                "type": err.get("type", "value_error"),
            }
        )
    return rows
