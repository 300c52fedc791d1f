"""Loads the versioned prompt files under ``prompts/``.

Markdown files start with a ``---`` block of ``key: value`` lines (``version`` is required);
Jinja templates carry ``version: N`` in their leading comment. Every draft records the versions
it was made with, so a prompt change is visible in stored drafts and eval reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2

from service.errors import PromptError
from service.schemas import TECHNIQUE_IDS

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TEMPLATE_VERSION = re.compile(r"version:\s*(\d+)")


@dataclass(frozen=True)
class PromptDoc:
    name: str
    version: str
    body: str
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    template: jinja2.Template

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    def render(self, **values: object) -> str:
        return self.template.render(**values).strip()


def _read_markdown(path: Path, name: str) -> PromptDoc:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError("prompt file missing", path=str(path)) from exc
    match = _FRONT_MATTER.match(raw)
    if not match:
        raise PromptError("prompt file has no front matter", path=str(path))
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    if "version" not in meta:
        raise PromptError("prompt file has no version", path=str(path))
    return PromptDoc(name=name, version=meta["version"], body=raw[match.end() :].strip(), meta=meta)


def _xml_text(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


class PromptLibrary:
    """All prompt files of one ``prompts/`` folder, parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.system = _read_markdown(root / "system.md", "system")
        self.techniques = {
            tid: _read_markdown(root / "techniques" / f"{tid}.md", tid) for tid in TECHNIQUE_IDS
        }
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(root)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        env.filters["x"] = _xml_text
        self.thread = self._template(env, "thread.jinja", "thread")
        self.reask = self._template(env, "reask.jinja", "reask")

    def _template(self, env: jinja2.Environment, filename: str, name: str) -> PromptTemplate:
        try:
            source = (self.root / filename).read_text(encoding="utf-8")
            template = env.get_template(filename)
        except (OSError, jinja2.TemplateError) as exc:
            raise PromptError("prompt template unreadable", path=str(self.root / filename)) from exc
        match = _TEMPLATE_VERSION.search(source.split("-#}", 1)[0])
        if not match:
            raise PromptError("prompt template has no version", path=str(self.root / filename))
        return PromptTemplate(name=name, version=match.group(1), template=template)

    def technique(self, technique_id: str) -> PromptDoc:
        try:
            return self.techniques[technique_id]
        except KeyError as exc:
            raise PromptError("no prompt for technique", technique=technique_id) from exc


@lru_cache(maxsize=8)
def load_library(root: Path) -> PromptLibrary:
    return PromptLibrary(root)
