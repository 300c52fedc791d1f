"""``python -m evals ...`` is the same as ``calm eval ...``."""

from evals.cli import app

app(prog_name="python -m evals")
