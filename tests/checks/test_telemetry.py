"""guardrails-ai telemetry is off for real: no connection leaves the machine, whatever the rc says.

Each test runs a fresh interpreter (telemetry is process-wide state) with an audit hook that
records every socket.connect / getaddrinfo from the first import to the last atexit handler
(guardrails' span exporter flushes at exit), then builds the suite, runs failing and passing
drafts, and also builds a second, plain Guard the way other code might.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from service.config import REPO_ROOT

_CHILD = textwrap.dedent(
    """
    import atexit, json, socket, sys

    OUT = sys.argv[1]
    events = []
    NET = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg")

    def hook(event, args):
        if event in NET:
            try:
                where = args[1] if event == "socket.connect" else args[0]
            except Exception:
                where = None
            events.append([event, repr(where)])

    sys.addaudithook(hook)
    state = {}

    def dump():  # registered first, so it runs after every other atexit handler
        with open(OUT, "w") as f:
            json.dump({"events": events, "state": state}, f)

    atexit.register(dump)

    # the hook sees real connections: connect to ourselves on loopback
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname())
    client.close(); server.close()

    from service.pipeline.checks.base import CheckContext, Windows
    from service.pipeline.checks.guard import CheckSuite, default_suite
    from service.schemas import Thread

    thread = Thread.model_validate({"customer": {"name": "Dana"}, "agent": {"name": "Sam"},
                                    "messages": [{"role": "customer", "text": "Again?!"}]})
    ctx = CheckContext(thread=thread, windows=Windows("30 minutes", "1 business day"))
    drafts = [
        "We apologize for any inconvenience. As I said, we'll look into it soon.",
        "You should have read the guide. Calm down.",
        "I'm sorry the export failed. I've restarted it and I'll send it within 20 minutes.",
    ]
    three = ("apology-action", "time-frame", "no-blame")
    results = [
        [r.passed for r in default_suite().run(d, ctx) if r.id in three] for d in drafts * 5
    ]
    CheckSuite().run(drafts[0], ctx)

    # someone else builds and runs a plain Guard later: still nothing may be sent
    from guardrails import Guard
    other = Guard()
    other.validate("hello")

    from guardrails.settings import settings
    from guardrails.utils.hub_telemetry_utils import HubTelemetry
    from service.pipeline.checks.telemetry import telemetry_enabled
    hub = HubTelemetry()
    state.update(
        results=results,
        hub_enabled=hub._enabled,
        hub_tracer=hub._tracer is not None,
        hub_type=type(hub).__name__,
        disable_tracing=settings.disable_tracing,
        rc_enable_metrics=settings.rc.enable_metrics,
        telemetry_enabled=telemetry_enabled(),
        guard_allows_metrics=default_suite()._guard._allow_metrics_collection,
    )
    """
)


def _loopback(where: str) -> bool:
    return any(host in where for host in ("'127.0.0.1'", "'localhost'", "'::1'")) or where in (
        "None",
        "''",
    )


def _run_child(tmp_path: Path, rc: str | None) -> dict[str, Any]:
    home = tmp_path / "home"
    home.mkdir()
    if rc is not None:
        (home / ".guardrailsrc").write_text(rc, encoding="utf-8")
    out = tmp_path / "report.json"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "GUARDRAILS_"))},
        "HOME": str(home),
        "PYTHONPATH": str(REPO_ROOT),
    }
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if rc is not None:
        assert (home / ".guardrailsrc").read_text(encoding="utf-8") == rc, "rc file was rewritten"
    else:
        assert not (home / ".guardrailsrc").exists(), "an rc file was written"
    return report


@pytest.mark.parametrize(
    "rc",
    [
        None,  # no ~/.guardrailsrc: guardrails defaults enable_metrics to true
        "id=test-user\ntoken=\nenable_metrics=true\nuse_remote_inferencing=false\n",
        "no_metrics=false\n",
    ],
    ids=["no-rc-file", "rc-enable-metrics-true", "rc-legacy-no-metrics-false"],
)
def test_no_connection_leaves_the_machine(tmp_path: Path, rc: str | None) -> None:
    report = _run_child(tmp_path, rc)
    events = [tuple(e) for e in report["events"]]
    # the hook works: it saw our own loopback connection
    assert any(e == "socket.connect" and "127.0.0.1" in where for e, where in events), events
    outside = [(e, where) for e, where in events if not _loopback(where)]
    assert outside == [], f"network calls to non-loopback hosts: {outside}"

    state = report["state"]
    assert state["hub_enabled"] is False
    assert state["hub_tracer"] is False
    assert state["hub_type"] == "_SilentHubTelemetry"
    assert state["disable_tracing"] is True
    assert state["telemetry_enabled"] is False
    assert state["guard_allows_metrics"] is False
    # the suite really ran: failing drafts failed, the good one passed
    assert state["results"][:3] == [[False, False, False], [True, True, False], [True, True, True]]


def test_disable_is_idempotent_and_survives_guard_configure() -> None:
    from guardrails import Guard
    from guardrails.settings import settings
    from guardrails.utils.hub_telemetry_utils import HubTelemetry

    from service.pipeline.checks import telemetry

    telemetry.disable_guardrails_telemetry()
    first = HubTelemetry()
    telemetry.disable_guardrails_telemetry()
    assert HubTelemetry() is first
    g = Guard()  # re-reads ~/.guardrailsrc and assigns _enabled from it
    g.configure(allow_metrics_collection=True)  # even an explicit opt-in cannot turn it back on
    assert HubTelemetry()._enabled is False
    assert HubTelemetry()._tracer is None
    assert settings.disable_tracing is True
    assert telemetry.telemetry_enabled() is False


_CONTROL = textwrap.dedent(
    """
    import atexit, json, socket, sys

    OUT = sys.argv[1]
    tried = []

    def blocked_getaddrinfo(host, *args, **kwargs):  # nothing is resolved or sent
        tried.append(str(host))
        raise OSError("blocked by test")

    def blocked_connect(self, address):
        tried.append(repr(address))
        raise OSError("blocked by test")

    socket.getaddrinfo = blocked_getaddrinfo
    socket.socket.connect = blocked_connect
    atexit.register(lambda: open(OUT, "w").write(json.dumps(tried)))

    from guardrails import Guard
    from guardrails.validator_base import Validator, register_validator
    from guardrails_ai.types import PassResult

    @register_validator(name="control/x", data_type="string")
    class X(Validator):
        def _validate(self, value, metadata):
            return PassResult()

    guard = Guard().use(X(on_fail="noop"))
    for _ in range(3):
        guard.validate("hello")
    """
)


def test_control_without_the_switch_guardrails_would_phone_home(tmp_path: Path) -> None:
    """The same kind of run without `telemetry`: guardrails tries to reach its trace collector.

    Proves the leak the tests above rule out is real. Lookups are blocked inside Python, so
    nothing is resolved or sent.
    """
    home = tmp_path / "home"
    home.mkdir()
    (home / ".guardrailsrc").write_text("enable_metrics=true\n", encoding="utf-8")
    out = tmp_path / "tried.json"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "GUARDRAILS_RUN_SYNC": "true",
        "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT": "1",  # give up fast on the blocked export
    }
    proc = subprocess.run(
        [sys.executable, "-c", _CONTROL, str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    tried = json.loads(out.read_text(encoding="utf-8"))
    assert any("execute-api.us-east-1.amazonaws.com" in host for host in tried), tried
