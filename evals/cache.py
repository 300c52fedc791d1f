"""Model responses on disk, so a re-run is instant, free and reproducible.

One JSON file per entry under ``<root>/<namespace>/<key[:2]>/<key>.json``. Each write goes to a
temporary file in the same folder and is renamed into place (atomic on POSIX and Windows), so a
run interrupted at any moment leaves every finished entry whole and no half-written one.

Keys are hashes of everything that changes the response. For drafts that is the model, the
prompt folder's versions *and* contents (an edit without a version bump must not hit a stale
entry), the request, the pipeline's own code (for ``calm/playbook`` the code *is* the model, and
the checks drive the re-asks) and the settings that shape a draft. See `runner.draft_key`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

_FILE_MODE = 0o644  # mkstemp creates 0600; reports and cache entries are ordinary files


def make_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class DiskCache:
    """``read=False`` (``--no-cache``) still writes, so the next run can reuse the results."""

    def __init__(self, root: Path, *, read: bool = True) -> None:
        self.root = root
        self.read = read
        self.hits = 0
        self.misses = 0

    def path(self, namespace: str, key: str) -> Path:
        return self.root / namespace / key[:2] / f"{key}.json"

    def get(self, namespace: str, key: str) -> dict[str, Any] | None:
        if not self.read:
            self.misses += 1
            return None
        try:
            value = json.loads(self.path(namespace, key).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # missing, or unreadable: treat as a miss and redo it
            self.misses += 1
            return None
        self.hits += 1
        return value if isinstance(value, dict) else None

    def put(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        write_json_atomic(self.path(namespace, key), value)


def write_json_atomic(path: Path, value: Any, *, indent: int | None = None) -> None:
    """Write JSON to ``path`` via a temporary file and a rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(
                value, handle, indent=indent, ensure_ascii=False, sort_keys=indent is not None
            )
            handle.write("\n")
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
