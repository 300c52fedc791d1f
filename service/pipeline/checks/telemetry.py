"""Turn guardrails-ai's telemetry off, in code, for this whole process.

Out of the box guardrails-ai (0.11) sends OpenTelemetry traces of every guard and validator call
to a remote collector (``HubTelemetry`` in ``guardrails/utils/hub_telemetry_utils.py``, endpoint
``execute-api.us-east-1.amazonaws.com``). Setting ``settings.rc.enable_metrics = False`` does not
stick: every ``Guard()`` re-reads ``~/.guardrailsrc`` (``enable_metrics`` defaults to *true* when
the file is missing) and then sets ``HubTelemetry()._enabled`` from it, and each run's ``Runner``
sets it again. So `disable_guardrails_telemetry` installs, as the ``HubTelemetry`` singleton, an
instance that has no tracer, no exporter and no background thread, and whose ``_enabled`` reads
False whatever anyone assigns to it. It also sets ``settings.disable_tracing`` (guardrails' own
OpenTelemetry spans) and ``settings.rc.enable_metrics = False`` (read by ``Validator.__init__``).
Nothing is written to ``~/.guardrailsrc``.

Call it before building any Guard or validator (`guard.py` does, at import and again after
building its Guard). It is idempotent and cheap.
"""

from __future__ import annotations

import threading
from typing import Any

from guardrails.settings import settings
from guardrails.utils.hub_telemetry_utils import HubTelemetry

_lock = threading.Lock()


class _SilentHubTelemetry(HubTelemetry):
    """A HubTelemetry that cannot trace: ``_enabled`` is always False and there is no tracer."""

    _tracer = None
    _prop = None
    _tracer_provider = None
    _processor = None

    def __new__(cls, *args: Any, **kwargs: Any) -> _SilentHubTelemetry:
        return object.__new__(cls)

    @property
    def _enabled(self) -> bool:
        return False

    @_enabled.setter
    def _enabled(self, value: bool) -> None:
        """Guard.configure and Runner assign this on every guard; ignore them."""

    def initialize_tracer(self, *args: Any, **kwargs: Any) -> None:
        """Never create an exporter or its background thread."""

    def create_new_span(self, *args: Any, **kwargs: Any) -> None:
        """No spans."""


def disable_guardrails_telemetry() -> None:
    """Pin guardrails' hub telemetry and tracing off for this process (idempotent)."""
    with _lock:
        settings.disable_tracing = True
        settings.rc.enable_metrics = False  # in memory only; Guard() reloads it, hence the pin
        current = HubTelemetry._instance
        if isinstance(current, _SilentHubTelemetry):
            return
        if current is not None:  # someone built a Guard first: stop it tracing from now on
            current._enabled = False
            current._tracer = None
        HubTelemetry._instance = _SilentHubTelemetry()


def telemetry_enabled() -> bool:
    """Whether anything could still send hub telemetry (for tests and health checks)."""
    instance = HubTelemetry._instance
    return bool(
        instance is not None
        and (instance._enabled or getattr(instance, "_tracer", None) is not None)
    ) or not settings.disable_tracing
