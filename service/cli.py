"""``calm``: serve, draft, check, techniques.

Exit codes: 0 ok (the draft JSON says ready or flagged), 2 bad input.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from pydantic import ValidationError

from service.config import get_settings
from service.errors import field_errors
from service.schemas import CheckRequest

if TYPE_CHECKING:
    from service.pipeline.drafting import Drafter

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def _fail(message: str, rows: list[dict[str, Any]] | None = None) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    for row in rows or []:
        typer.echo(f"  {row['field']}: {row['message']}", err=True)
    raise typer.Exit(2)


def read_json(path: str, what: str) -> Any:
    """Read JSON from a file or ``-`` (stdin); bad input exits 2 with the reason."""
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot read {what} {path!r}: {exc.strerror}")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        _fail(
            f"{what} {path!r} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        )


@app.command()
def draft(
    thread_file: Annotated[
        str, typer.Argument(metavar="THREAD.json", help="request body; - for stdin")
    ],
    model: Annotated[str | None, typer.Option(help="any LiteLLM model string")] = None,
    technique: Annotated[str | None, typer.Option(help="a technique id, or auto")] = None,
) -> None:
    """Draft a reply for THREAD.json and print the draft JSON."""
    from service.pipeline.drafting import Drafter
    from service.schemas import DraftRequest

    body = read_json(thread_file, "thread file")
    if not isinstance(body, dict):
        _fail("the thread file must hold a JSON object (the request body)")
    if model:
        body["model"] = model
    if technique:
        body["technique"] = technique
    try:
        request = DraftRequest.model_validate(body)
    except ValidationError as exc:
        _fail("invalid request", field_errors(exc.errors(), drop_prefix=""))
    result = asyncio.run(Drafter.from_settings(get_settings()).draft(request))
    typer.echo(result.model_dump_json(indent=2))
    if result.status == "flagged":
        typer.echo(f"flagged: {result.flag_reason}", err=True)


@app.command()
def check(
    draft_file: Annotated[
        str | None, typer.Argument(metavar="DRAFT.txt", help="the reply text; - for stdin")
    ] = None,
    thread: Annotated[
        str | None, typer.Option(metavar="THREAD.json", help="request body: thread, policy, facts")
    ] = None,
    batch: Annotated[
        str | None,
        typer.Option(metavar="FILE.jsonl", help='lines {"draft", "thread", "policy", "facts"}'),
    ] = None,
) -> None:
    """Check drafts people wrote. Exit 0 all pass, 1 any fails, 2 bad input."""
    from service.pipeline.drafting import Drafter

    if batch is not None:
        if draft_file or thread:
            _fail("use either DRAFT.txt --thread THREAD.json or --batch FILE.jsonl, not both")
        raise typer.Exit(_check_batch(Drafter.from_settings(get_settings()), batch))
    if draft_file is None or thread is None:
        _fail("give DRAFT.txt and --thread THREAD.json, or --batch FILE.jsonl")
    try:
        text = sys.stdin.read() if draft_file == "-" else Path(draft_file).read_text("utf-8")
    except OSError as exc:
        _fail(f"cannot read draft {draft_file!r}: {exc.strerror}")
    body = read_json(thread, "thread file")
    if not isinstance(body, dict):
        _fail("the thread file must hold a JSON object (the request body)")
    request = _check_request({**_pick(body), "draft": text})
    if isinstance(request, list):
        _fail("invalid input", request)
    report = Drafter.from_settings(get_settings()).check(request)
    typer.echo(report.model_dump_json(indent=2))
    raise typer.Exit(0 if report.passed else 1)


_CHECK_KEYS = ("draft", "thread", "policy", "facts")


def _pick(body: dict[str, Any]) -> dict[str, Any]:
    """The keys a check needs; others (labels, notes, "technique", "model") are ignored."""
    return {k: body[k] for k in _CHECK_KEYS if k in body}


def _check_request(body: dict[str, Any]) -> CheckRequest | list[dict[str, Any]]:
    try:
        return CheckRequest.model_validate(body)
    except ValidationError as exc:
        return field_errors(exc.errors(), drop_prefix="")


def _check_batch(drafter: Drafter, path: str) -> int:
    """One JSON result per input line, in order; a bad line gets an error row and the rest go on."""
    if path == "-":
        return _check_lines(drafter, sys.stdin)
    try:
        with Path(path).open(encoding="utf-8") as handle:
            return _check_lines(drafter, handle)
    except OSError as exc:
        _fail(f"cannot read batch file {path!r}: {exc.strerror}")


def _check_lines(drafter: Drafter, lines: Iterable[str]) -> int:
    worst = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            out: dict[str, Any] = {"line": number, "error": f"not valid JSON: {exc.msg}"}
        else:
            parsed = _check_request(_pick(row) if isinstance(row, dict) else {})
            if isinstance(parsed, list):
                out = {"line": number, "error": "invalid input", "detail": parsed}
            else:
                report = drafter.check(parsed)
                out = {"line": number, **report.model_dump(mode="json")}
                worst = max(worst, 0 if report.passed else 1)
        if "error" in out:
            worst = 2
        typer.echo(json.dumps(out, ensure_ascii=False))
    return worst


@app.command()
def techniques() -> None:
    """List the techniques, one line each."""
    from service.pipeline.prompt_files import load_library
    from service.schemas import TECHNIQUE_IDS

    library = load_library(get_settings().prompts_dir)
    for tid in TECHNIQUE_IDS:
        doc = library.technique(tid)
        typer.echo(f"{tid:<28} {doc.meta.get('summary', '')}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Run the HTTP service (OpenAPI at /docs)."""
    import uvicorn

    uvicorn.run("service.main:create_app", factory=True, host=host, port=port)


def _add_plugin_commands() -> None:
    """Commands other packages register under the ``calm.commands`` entry-point group.

    ``calm eval`` comes from ``evals/`` this way, so ``service`` never imports ``evals``.
    """
    from importlib.metadata import entry_points

    for entry in entry_points(group="calm.commands"):
        try:
            sub = entry.load()
        except ImportError:  # the plugin's package is not installed here
            continue
        app.add_typer(sub, name=entry.name)


_add_plugin_commands()

if __name__ == "__main__":
    app()
