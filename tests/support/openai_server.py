"""A real OpenAI-compatible HTTP server on 127.0.0.1 for end-to-end tests of the LiteLLM path.

Script its behaviour per request with ``server.script(...)``: a reply string, ``Status(code)``
for an HTTP error, ``Slow(seconds, reply)`` for a timeout, or ``Garbage()`` for a broken body.
Every request body it receives is kept in ``server.requests``.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response


@dataclass
class Status:
    code: int
    message: str = "scripted failure"


@dataclass
class Slow:
    seconds: float
    reply: str = "late"


@dataclass
class Garbage:
    body: str = "<html>not json</html>"


class OpenAIServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self._script: deque[Any] = deque()
        self.port = _free_port()
        self.app = self._build_app()
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *steps: Any) -> None:
        self._script.extend(steps)

    def start(self) -> OpenAIServer:
        self._thread.start()
        deadline = time.time() + 10
        while not self._server.started:
            if time.time() > deadline:
                raise RuntimeError("loopback OpenAI server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)

    def _build_app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/chat/completions")
        async def chat(request: Request) -> Response:
            body = await request.json()
            self.requests.append(body)
            step = self._script.popleft() if self._script else Status(500, "nothing scripted")
            if isinstance(step, Status):
                return JSONResponse(
                    status_code=step.code,
                    content={
                        "error": {
                            "message": step.message,
                            "type": "server_error",
                            "code": step.code,
                        }
                    },
                )
            if isinstance(step, Garbage):
                return PlainTextResponse(step.body, status_code=200)
            text = step
            if isinstance(step, Slow):
                await asyncio.sleep(step.seconds)
                text = step.reply
            return JSONResponse(_completion(body.get("model", "test"), str(text)))

        return app


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
