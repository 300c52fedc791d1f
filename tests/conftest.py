"""Test isolation: no network beyond loopback, a fresh fake-model queue, temp settings."""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.config import REPO_ROOT, Settings
from service.pipeline import fake_model

EXAMPLES = REPO_ROOT / "examples"
_real_connect = socket.socket.connect


def _is_loopback(address: Any) -> bool:
    if isinstance(address, tuple) and address:
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return isinstance(address, str | bytes)  # unix sockets


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def guarded(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise OSError(f"tests may not open network connections (tried {address!r})")
        return _real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _fresh_fake_model() -> Iterator[None]:
    fake_model.reset()
    yield
    fake_model.reset()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'calm.db'}",
        num_retries=0,
        retry_backoff_s=0,
        timeout_s=5,
        _env_file=None,  # type: ignore[call-arg]
    )


def load_example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text())
    return data


@pytest.fixture
def example_request() -> dict[str, Any]:
    return load_example("export-failing-chat")
