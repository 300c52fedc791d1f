"""A model you queue replies into, for tests and demos: ``calm/fake``.

Served through the same LiteLLM custom provider as ``calm/playbook``, so a test exercises the
real path (retries, fallbacks, re-asks) without a network. Each queued item is a reply string,
an exception to raise, or a callable ``messages -> str``. Every call's messages are recorded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

Reply = str | BaseException | Callable[[list[dict[str, str]]], str]

_queue: deque[Reply] = deque()
calls: list[list[dict[str, str]]] = []


def enqueue(*replies: Reply) -> None:
    _queue.extend(replies)


def reset() -> None:
    _queue.clear()
    calls.clear()


def pending() -> int:
    return len(_queue)


def take(messages: list[dict[str, str]]) -> str:
    calls.append([dict(m) for m in messages])
    if not _queue:
        raise RuntimeError("calm/fake has no queued reply; call fake_model.enqueue(...) first")
    reply = _queue.popleft()
    if isinstance(reply, BaseException):
        raise reply
    if callable(reply):
        return reply(messages)
    return reply
