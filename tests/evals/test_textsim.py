"""ROUGE-L and chrF against values computed by hand (and, where noted, by the reference tools)."""

from __future__ import annotations

import pytest

from evals.textsim import chrf, lcs_length, rouge_l, tokens


def test_tokens_are_lowercase_alphanumeric_runs() -> None:
    assert tokens("The export died at 92% AGAIN!") == ["the", "export", "died", "at", "92", "again"]


def test_lcs_length() -> None:
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    assert lcs_length([], ["a"]) == 0


def test_rouge_l_hand_computed() -> None:
    # cand "the cat sat on the mat" (6), ref "the cat is on the mat" (6), LCS "the cat on the mat" 5
    # P = R = 5/6, F1 = 5/6
    assert rouge_l("the cat sat on the mat", "the cat is on the mat") == pytest.approx(5 / 6)
    # cand 2 tokens, ref 8 tokens, LCS 2: P = 1, R = 1/4, F1 = 2 * 1 * 0.25 / 1.25 = 0.4
    assert rouge_l("a b", "a b c d e f g h") == pytest.approx(0.4)
    assert rouge_l("Hello there", "hello, THERE.") == 1.0
    assert rouge_l("", "anything") == 0.0
    assert rouge_l("abc", "xyz") == 0.0


def test_chrf_hand_computed() -> None:
    # "abc" vs "abd": n=1 P=R=2/3, n=2 P=R=1/2, n=3 P=R=0; n>=4 not effective.
    # avg P = avg R = (2/3 + 1/2 + 0) / 3 = 7/18; F-beta with P == R is P itself.
    assert chrf("abc", "abd") == pytest.approx(7 / 18)
    assert chrf("same text", "same text") == 1.0
    assert chrf("abc", "xyz") == 0.0


def test_chrf_ignores_whitespace_and_weighs_recall() -> None:
    assert chrf("a b c", "abc") == 1.0
    # hypothesis "ab" inside reference "abcd": P = 1 (n=1,2), R = 1/2 and 1/3 -> beta=2 favours R
    p, r = 1.0, (2 / 4 + 1 / 3) / 2
    assert chrf("ab", "abcd") == pytest.approx(5 * p * r / (4 * p + r))


def test_chrf_matches_sacrebleu_on_a_real_pair() -> None:
    # sacrebleu 2.x CHRF().sentence_score(hyp, [ref]).score == 44.6158 for this pair.
    hyp = "Dana, thank you for sticking with this. I'm sorry the export failed at 92% again."
    ref = "Dana, I'm sorry the export stopped at 92% a third time. I'm re-running it now."
    assert chrf(hyp, ref) == pytest.approx(0.446158, abs=1e-6)
    # rouge-score's RougeScorer(["rougeL"]) gives fmeasure 0.470588 for the same pair.
    assert rouge_l(hyp, ref) == pytest.approx(0.470588, abs=1e-6)
