"""The matrix: one `Variant` per (model, prompt folder), each labelled by its prompt versions.

A prompt folder is labelled ``system@N thread@N reask@N tech#<digest>``, the digest covering every
technique's ``id@version``. Two folders with the same versions but different text (an edit not yet
bumped) get the folder name appended, so they stay apart in the report; their cache keys differ
anyway because the cache hashes the file contents too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import service
from service.config import Settings
from service.pipeline.prompt_files import PromptLibrary, load_library


@dataclass(frozen=True)
class Variant:
    model: str
    prompts_dir: Path
    label: str
    versions: dict[str, str] = field(hash=False)
    content_digest: str = ""
    key: str = ""

    def settings(self, base: Settings) -> Settings:
        """The drafting settings for this cell: its model, its prompts, and no silent fallback.

        An eval measures the model it names; if that model fails, the row says so instead of
        scoring a ``calm/playbook`` fallback draft as if the named model had written it.
        """
        return base.model_copy(
            update={
                "prompts_dir": self.prompts_dir,
                "default_model": self.model,
                "fallback_models": [],
            }
        )

    def describe(self) -> dict[str, object]:
        return {
            "key": self.key,
            "model": self.model,
            "prompts": {
                "dir": display_path(self.prompts_dir),
                "label": self.label,
                "versions": dict(sorted(self.versions.items())),
            },
        }


def prompt_versions(library: PromptLibrary) -> dict[str, str]:
    versions = {
        "system": library.system.ref,
        "thread": library.thread.ref,
        "reask": library.reask.ref,
    }
    versions.update({tid: doc.ref for tid, doc in library.techniques.items()})
    return versions


def prompt_label(library: PromptLibrary) -> str:
    techniques = sorted(doc.ref for doc in library.techniques.values())
    digest = hashlib.sha256("\n".join(techniques).encode()).hexdigest()[:6]
    return f"{library.system.ref} {library.thread.ref} {library.reask.ref} tech#{digest}"


def content_digest(root: Path) -> str:
    """Hash of the prompt files the pipeline reads (docs like README/CHANGELOG excluded)."""
    digest = hashlib.sha256()
    files = [
        root / "system.md",
        *sorted((root / "techniques").glob("*.md")),
        *sorted(root.glob("*.jinja")),
    ]
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def build_variants(models: list[str], prompt_dirs: list[Path]) -> list[Variant]:
    """Every (model, prompts) pair, in the order given; keys are unique and human-readable."""
    described: list[tuple[Path, str, dict[str, str], str]] = []
    for root in prompt_dirs:
        library = load_library(root.resolve())
        described.append(
            (root.resolve(), prompt_label(library), prompt_versions(library), content_digest(root))
        )
    labels = [label for _, label, _, _ in described]
    variants = []
    for model in dict.fromkeys(models):
        for root, label, versions, digest in described:
            shown = f"{label} ({root.name})" if labels.count(label) > 1 else label
            variants.append(
                Variant(
                    model=model,
                    prompts_dir=root,
                    label=shown,
                    versions=versions,
                    content_digest=digest,
                    key=f"{model} · {shown}",
                )
            )
    return variants


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Hash of the ``service`` package's code: for ``calm/*`` models the code is the model."""
    root = Path(service.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def settings_fingerprint(settings: Settings) -> str:
    """The settings that change what a draft says (not timeouts, keys or the database)."""
    relevant = settings.model_dump(
        mode="json",
        include={
            "temperature",
            "max_reasks",
            "max_output_tokens",
            "default_input_budget",
            "default_first_update",
            "default_resolution",
            "api_base",
        },
    )
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:16]


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is inside it (no machine-specific noise)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
