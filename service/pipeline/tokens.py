"""Token counting with tiktoken, offline.

tiktoken downloads its encodings on first use; LiteLLM's wheel ships cl100k_base and o200k_base,
so we point tiktoken's cache at that folder (found without importing litellm) before loading.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

import tiktoken


def _bundled_cache_dir() -> str | None:
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"
    return str(folder) if folder.is_dir() else None


@lru_cache(maxsize=4)
def encoding_for(model: str) -> tiktoken.Encoding:
    """o200k_base for the GPT-4o/o-series family, cl100k_base for everything else."""
    cache = _bundled_cache_dir()
    if cache and not os.environ.get("TIKTOKEN_CACHE_DIR"):
        os.environ["TIKTOKEN_CACHE_DIR"] = cache
    name = model.rsplit("/", 1)[-1]
    family = (
        "o200k_base"
        if name.startswith(("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4"))
        else "cl100k_base"
    )
    return tiktoken.get_encoding(family)


def count_tokens(text: str, model: str = "") -> int:
    return len(encoding_for(model).encode(text, disallowed_special=()))


def count_message_tokens(messages: list[dict[str, str]], model: str = "") -> int:
    """Chat-format count: content plus ~4 tokens of framing per message, as OpenAI documents."""
    return sum(count_tokens(m["content"], model) + 4 for m in messages) + 2
