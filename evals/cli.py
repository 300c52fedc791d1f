"""``calm eval``: run the gold cases through a matrix of models × prompt folders; compare runs.

    calm eval [--model M ...] [--prompts DIR ...] [--cases GLOB] [--concurrency N] [--out DIR]
    calm eval compare OLD.json NEW.json [--threshold 0.02]
    calm eval html REPORT.json [--out FILE]

Exit codes: 0 done (or no regression), 1 regression (compare), 2 bad input, 130 interrupted
(the partial report is written and finished drafts stay cached).
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from evals.aggregate import build_report
from evals.cache import DiskCache, write_json_atomic, write_text_atomic
from evals.cases import CaseError, load_cases
from evals.compare import DEFAULT_THRESHOLD, compare_reports
from evals.compare_render import Format, render
from evals.html import render_html
from evals.matrix import build_variants, display_path
from evals.runner import CaseResult, Collector, journal, ordered, run_matrix
from evals.scorers import default_scorers
from evals.scorers.judge import configured_judge
from service.config import get_settings
from service.errors import PromptError

HELP = """Run the gold cases through models × prompt folders, and compare runs.

\b
  calm eval [--model M ...] [--prompts DIR ...] [--cases GLOB] [--out DIR]
  calm eval compare OLD.json NEW.json [--threshold 0.02]
  calm eval html REPORT.json

Exit codes: 0 done or no regression, 1 regression (compare), 2 bad input, 130 interrupted.
"""

app = typer.Typer(add_completion=False, help=HELP)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.callback(invoke_without_command=True)
def run(
    ctx: typer.Context,
    model: Annotated[
        list[str] | None, typer.Option("--model", "-m", help="LiteLLM model; repeat for a matrix")
    ] = None,
    prompts: Annotated[
        list[Path] | None, typer.Option("--prompts", "-p", help="prompt folder; repeat to compare")
    ] = None,
    cases: Annotated[
        str | None, typer.Option("--cases", help="case file glob (ibm*) or case id glob (refund-*)")
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="drafts in flight")] = 4,
    out: Annotated[Path, typer.Option(help="folder for report.json / report.html")] = Path(
        "out/eval"
    ),
    cache_dir: Annotated[
        Path | None,
        typer.Option(envvar="CALM_EVAL_CACHE_DIR", help="default: OUT/.calm-cache/evals"),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="redraft everything")] = False,
    judge_model: Annotated[
        str | None, typer.Option(help="LLM-as-judge model (or env CALM_EVAL_JUDGE_MODEL)")
    ] = None,
) -> None:
    """Run the eval suite and write OUT/report.json and OUT/report.html."""
    if ctx.invoked_subcommand is not None:
        return
    settings = get_settings()
    try:
        selected = load_cases(cases)
        variants = build_variants(
            model or [settings.default_model], prompts or [settings.prompts_dir]
        )
    except (CaseError, PromptError, OSError) as exc:
        _fail(str(exc))
    if not selected:
        _fail(f"no cases match {cases!r}")
    cache = DiskCache(cache_dir or out / ".calm-cache" / "evals", read=not no_cache)
    scorers = default_scorers(settings, judge_model=configured_judge(judge_model), cache=cache)
    total = len(selected) * len(variants)
    collector = Collector()
    complete = True
    with journal(out / "results.jsonl") as handle, _progress(total) as tick:
        collector.journal = handle
        try:
            asyncio.run(
                run_matrix(
                    selected,
                    variants,
                    settings=settings,
                    scorers=scorers,
                    cache=cache,
                    concurrency=concurrency,
                    collector=collector,
                    progress=tick,
                )
            )
        except KeyboardInterrupt:
            complete = False
    results = ordered(collector.results, selected, variants)
    meta = {
        "duration_s": round(collector.elapsed_s, 2),
        "cache_hits": cache.hits,
        "cache_misses": cache.misses,
        "concurrency": concurrency,
        "cases_selector": cases,
        "finished_cells": len(results),
        "total_cells": total,
    }
    report = build_report(selected, variants, results, scorers, complete=complete, meta=meta)
    write_json_atomic(out / "report.json", report, indent=1)
    write_text_atomic(out / "report.html", render_html(report))
    _print_summary(report, out)
    if not complete:
        typer.echo(
            f"interrupted: {len(results)}/{total} cells finished (cached; re-run to resume)",
            err=True,
        )
        raise typer.Exit(130)


@app.command()
def compare(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="baseline report.json")],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="candidate report.json")],
    threshold: Annotated[
        float,
        typer.Option(
            envvar="CALM_EVAL_THRESHOLD", min=0.0, help="largest allowed drop (0..1 scale)"
        ),
    ] = DEFAULT_THRESHOLD,
    fmt: Annotated[str, typer.Option("--format", help="text | markdown | json")] = "text",
) -> None:
    """What improved and regressed between two reports; exit 1 on a regression."""
    if fmt not in {"text", "markdown", "json"}:
        _fail(f"unknown format {fmt!r}; use text, markdown or json")
    comparison = compare_reports(_read_report(old), _read_report(new), threshold)
    if not comparison.runs:
        _fail("no run in OLD matches a run in NEW (compare needs the same model)")
    chosen: Format = "json" if fmt == "json" else "markdown" if fmt == "markdown" else "text"
    typer.echo(render(comparison, chosen))
    raise typer.Exit(1 if comparison.failed else 0)


@app.command()
def html(
    report: Annotated[Path, typer.Argument(metavar="REPORT.json")],
    out: Annotated[
        Path | None, typer.Option(help="default: report.html next to REPORT.json")
    ] = None,
) -> None:
    """Re-render report.html from a report.json (e.g. the committed baseline)."""
    target = out or report.with_suffix(".html")
    write_text_atomic(target, render_html(_read_report(report)))
    typer.echo(str(target))


def _read_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    except json.JSONDecodeError as exc:
        _fail(f"{path} is not JSON: {exc.msg} at line {exc.lineno}")
    if not isinstance(data, dict) or "runs" not in data:
        _fail(f"{path} is not a calm eval report")
    return data


@contextmanager
def _progress(total: int) -> Iterator[Callable[[CaseResult], None] | None]:
    """A rich progress bar on a terminal; silent when stderr is not a TTY (CI, pipes)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("drafting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("drafting", total=total, status="")
        failed = cached = 0

        def tick(result: CaseResult) -> None:
            nonlocal failed, cached
            failed += not result.passed
            cached += result.cached
            bar.update(task, advance=1, status=f"{failed} failing · {cached} cached")

        yield tick


def _print_summary(report: dict[str, Any], out: Path) -> None:
    meta = report["meta"]
    for run in report["runs"]:
        means = run["summary"]["means"]
        shown = "  ".join(
            f"{label} {means[key] * 100:.1f}%"
            if key not in {"rouge_l", "chrf"}
            else f"{label} {means[key]:.3f}"
            for key, label in (
                ("case_pass", "pass"),
                ("checks", "checks"),
                ("technique", "technique"),
                ("must_mention", "mentions"),
                ("rouge_l", "ROUGE-L"),
                ("chrf", "chrF"),
            )
            if key in means
        )
        typer.echo(f"{run['key']}: {run['summary']['n']} cases  {shown}")
    typer.echo(
        f"{meta['finished_cells']} cells in {meta['duration_s']:.1f}s "
        f"(cache {meta['cache_hits']} hit, {meta['cache_misses']} miss)"
    )
    typer.echo(f"report: {display_path(out / 'report.json')}  {display_path(out / 'report.html')}")


if __name__ == "__main__":
    app()
