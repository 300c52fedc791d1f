"""``create_app()``: routes, error handlers, and the Drafter built once at start-up."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from service import __version__
from service.api import checks, drafts, meta
from service.config import Settings, get_settings
from service.errors import CalmError, field_errors
from service.pipeline.drafting import Drafter

log = logging.getLogger("calm")
MAX_BODY_BYTES = 2_000_000


def create_app(settings: Settings | None = None, drafter: Drafter | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.drafter = drafter or Drafter.from_settings(settings)
        yield

    app = FastAPI(
        title="Calm",
        version=__version__,
        summary="De-escalating reply drafts for customer-support agents, checked by guardrails.",
        lifespan=lifespan,
    )
    app.include_router(drafts.router)
    app.include_router(checks.router)
    app.include_router(meta.router)

    @app.middleware("http")
    async def limit_body(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return JSONResponse(
                status_code=413,
                content={
                    "detail": [
                        {
                            "field": "(body)",
                            "message": f"body over {MAX_BODY_BYTES} bytes",
                            "type": "too_large",
                        }
                    ]
                },
            )
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        rows = field_errors(exc.errors())
        return JSONResponse(
            status_code=422,
            content={
                "message": "; ".join(f"{r['field']}: {r['message']}" for r in rows),
                "detail": rows,
            },
        )

    @app.exception_handler(CalmError)
    async def on_calm_error(request: Request, exc: CalmError) -> JSONResponse:
        log.error("request failed: %s", exc)
        return JSONResponse(
            status_code=500, content={"message": exc.message, "context": _safe(exc.context)}
        )

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return JSONResponse(
            status_code=500, content={"message": "internal error; see the server log"}
        )

    return app


def _safe(context: dict[str, object]) -> dict[str, str]:
    return {k: str(v)[:300] for k, v in context.items()}
