"""`no-internal-leak`: nothing from a `note` message is revealed to the customer.

Rule (contract, "The thread": a `note` "is internal: it informs the draft but must never be
quoted or revealed to the customer"; "Check ids": `no-internal-leak`). A draft sentence fails when
it carries, from one note, anything the customer cannot already see:

- an id, number, name or date: "ENG-4471", "2023", "$450", "3 chargebacks", "Jordan", "Kestrel
  Parts", "VIP", "Tuesday" (one is enough; a bare one-digit number only with the same neighbouring
  word as in the note, a two-digit one not when the draft uses it as a time: "at 10 AM");
- a sensitive label: "abusive", "fraud", "churn", "chargeback", "hospital" (one is enough);
- two or more distinctive content words of the same note ("data loss bug", "targeted ... next
  release", "no refunds on annual plans") -- a paraphrase by its key terms, stems compared
  (refunds / refund / refundable);
- three words in a row from the note that include a distinctive one ("keep replies short").

"Distinctive" means not in the text the customer sees (customer and agent messages, subject,
names, facts, policy, the reply windows) and not a word every support reply uses (see
`_leak_terms`). So "annual plans are not refundable after 30 days" passes when policy.rules says
it, and one shared ordinary word ("plan", "refund", "flagged", "billing") passes.

Any draft also fails when it mentions internal process, with or without notes: "according to our
notes", "the internal note says", "I see a note on your account", "finance told me", "legal is
reviewing", "engineering ticket", "our internal tracker", "flagged as abusive", "churn risk",
"off the record", "I'm not supposed to tell you". "I've made a note on your account" and "I've
escalated this internally" are our actions, not a leak. Negation does not matter ("we have no
engineering ticket" still mentions one); text in quotation marks is read too, since a quoted note
is still a leak (the customer's own words are visible text anyway).

Source: seed 000 "Calm the Storm" -- "Escalation Without Abdication" and "Refund Requests Outside
Policy": explain outcomes in customer-facing terms (what the policy allows, what happens next),
never the internal back-story; the contract's rule that notes never reach the customer.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.checks._leak_terms import (
    COMMON_ACRONYMS,
    GENERIC_STEMS,
    PROCESS_PHRASES,
    SENSITIVE_STEMS,
    STOP_STEMS,
    stem,
)
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quote
from service.schemas import CheckResult

CHECK_ID = "no-internal-leak"

_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]*[A-Za-z])?")
_NUMBER = re.compile(r"[$€£#]?\d+(?:[.,/:-]\d+)*%?")
_IDENT = re.compile(r"\b[A-Za-z]+[-_]?\d[\w-]*|\b\d+[A-Za-z][\w-]*")
_NUMBER_PARTS = re.compile(r"[.,/:-]")
_SENTENCE_STOP = re.compile(r"[.!?;\n]")
_INITIAL = re.compile(r"(?:^|[.!?:;\n–—-])\s*$")
_TIME_AFTER = re.compile(
    r"\s*(?::\d|[ap]\.?m\b|(?:minutes?|mins?|hours?|hrs?|days?|weeks?|seconds?)\b)", re.I
)
_TIME_BEFORE = re.compile(r"\b(?:at|by|within|in|until|before|after|around|from)\s+$", re.I)

_PROCESS = Triggered()  # internal process named in the draft: "according to our notes", ...
for _first, _pattern in PROCESS_PHRASES:
    _PROCESS.add("process", _first, _pattern)


@dataclass(frozen=True)
class _NoteProfile:
    names: frozenset[str]  # exact spelling: "Kestrel", "VIP", "Jordan"
    capitals: frozenset[str]  # capitalised at the start of a note sentence: "Sarah from QA"
    strong_stems: frozenset[str]  # sensitive labels
    weak_stems: frozenset[str]  # distinctive content words
    numbers: dict[str, frozenset[str]]  # normalised number -> neighbouring word stems
    idents: frozenset[str]
    shingles: frozenset[tuple[str, str, str]]


@dataclass(frozen=True)
class _Notes:
    """Every note of a thread, profiled once per thread (cached), with quick-reject sets."""

    profiles: tuple[_NoteProfile, ...]
    stems: frozenset[str]
    surfaces: frozenset[str]
    shingle_ends: frozenset[str]
    has_numbers: bool
    has_idents: bool


def check(draft: str, ctx: CheckContext) -> CheckResult:
    try:
        leaks = find_leaks(draft, ctx)
    except Exception as exc:  # never raise on a bad draft
        return failed(CHECK_ID, f"could not read the draft: {exc}", [], "")
    if not leaks:
        return passed(CHECK_ID)
    quotes = [quote(draft[s:e]) for s, e, _ in leaks]
    parts = [
        ("Mentions internal process: " if proc else "Reveals internal note content: ") + q
        for (_, _, proc), q in zip(leaks, quotes, strict=True)
    ]
    allowed = _allowed_example(ctx)
    hints = dict.fromkeys(
        f"Remove {q} — it comes from an internal note"
        if not proc
        else f"Remove {q} — don't mention internal notes, teams, tickets or flags"
        for (_, _, proc), q in zip(leaks, quotes, strict=True)
    )
    hint = "; ".join(hints) + f"; say what {allowed} instead."
    return failed(CHECK_ID, "; ".join(parts), [(s, e) for s, e, _ in leaks], hint)


def find_leaks(draft: str, ctx: CheckContext) -> list[tuple[int, int, bool]]:
    """(start, end, is_process_mention) for each leaked phrase, merged and in draft order."""
    a = analyze(draft)
    hits = [(m.start(), m.end(), True) for _, m in _PROCESS.scan(a)]
    notes = tuple(m.text for m in ctx.thread.messages if m.role == "note")
    if notes:
        index = _profiles(notes, _visible_key(ctx))
        hits += [(s, e, False) for s, e in _note_hits(draft, a, index)]
    return _merge(draft, hits)


def _visible_key(ctx: CheckContext) -> tuple[str, ...]:
    t = ctx.thread
    out = [m.text for m in t.messages if m.role != "note"]
    out += [t.customer.name, t.agent.name, t.subject or "", *ctx.facts]
    out += [ctx.windows.first_update, ctx.windows.resolution]
    p = ctx.policy
    if p is not None:
        out += [*p.rules, *p.escalation_targets]
        if p.sla is not None:
            out += [str(v) for v in p.sla.model_dump().values() if v]
    return tuple(out)


def _norm_number(token: str) -> str:
    return token.lstrip("$€£#").rstrip("%").replace(",", "")


def _number_forms(token: str) -> set[str]:
    whole = _norm_number(token)
    return {whole} | {p for p in _NUMBER_PARTS.split(whole) if len(p) >= 2}


@lru_cache(maxsize=32)  # per thread: a re-ask or the next draft reuses it
def _profiles(notes: tuple[str, ...], visible: tuple[str, ...]) -> _Notes:
    seen_text = "\n".join(visible)
    seen_words = {w.lower() for w in _WORD.findall(seen_text)}
    seen_stems = {stem(w) for w in seen_words}
    seen_numbers = {f for n in _NUMBER.findall(seen_text) for f in _number_forms(n)}
    seen_idents = {i.lower() for i in _IDENT.findall(seen_text)}
    profiles = tuple(_profile(n, seen_words, seen_stems, seen_numbers, seen_idents) for n in notes)
    return _Notes(
        profiles,
        frozenset().union(*(p.strong_stems | p.weak_stems for p in profiles)),
        frozenset().union(*(p.names | p.capitals for p in profiles)),
        frozenset(sh[2] for p in profiles for sh in p.shingles),
        any(p.numbers for p in profiles),
        any(p.idents for p in profiles),
    )


def _profile(
    note: str,
    seen_words: set[str],
    seen_stems: set[str],
    seen_numbers: set[str],
    seen_idents: set[str],
) -> _NoteProfile:
    names: set[str] = set()
    capitals: set[str] = set()
    strong: set[str] = set()
    weak: set[str] = set()
    words = list(_WORD.finditer(note))
    for m in words:
        w, s = m.group().replace("’", "'"), stem(m.group())
        bare = w[:-2] if w.lower().endswith("'s") else w
        if bare.lower() in seen_words or s in seen_stems or len(bare) < 2:
            continue
        common = bare.upper() in COMMON_ACRONYMS
        acronym = bare.isupper() and not common
        mid = bare[0].isupper() and not _INITIAL.search(note, 0, m.start())
        if (acronym or (mid and not common)) and s not in STOP_STEMS:
            names.add(bare)
        elif bare[0].isupper() and not common and s not in GENERIC_STEMS:
            capitals.add(bare)
        if s in SENSITIVE_STEMS:
            strong.add(s)
        elif s not in GENERIC_STEMS and len(s) >= 3:
            weak.add(s)
    numbers: dict[str, frozenset[str]] = {}
    for m in _NUMBER.finditer(note):
        context = _neighbours(note, m.start(), m.end())
        for form in _number_forms(m.group()) - seen_numbers:
            numbers[form] = context
    idents = {i.lower() for i in _IDENT.findall(note)} - seen_idents
    seq = [stem(m.group()) for m in words]
    shingles = {
        (x, y, z)
        for x, y, z in zip(seq, seq[1:], seq[2:], strict=False)
        if {x, y, z} & weak and sum(t not in STOP_STEMS for t in (x, y, z)) >= 2
    }
    return _NoteProfile(
        frozenset(names),
        frozenset(capitals - names),
        frozenset(strong),
        frozenset(weak),
        numbers,
        frozenset(idents),
        frozenset(shingles),
    )


def _note_hits(draft: str, a: Analysis, index: _Notes) -> list[tuple[int, int]]:
    """Spans that reveal a note: one pass over the draft's words for every note at once."""
    strong: list[tuple[int, int]] = []
    weak: dict[tuple[int, int], dict[str, tuple[int, int]]] = {}  # (note, sentence) -> words
    starts: deque[int] = deque(maxlen=3)
    before2 = before1 = ""
    for m in _WORD.finditer(draft):
        text = m.group()
        s = stem(text)
        starts.append(m.start())
        interesting = s in index.stems or text in index.surfaces or s in index.shingle_ends
        if interesting:
            bare = text[:-2] if text.endswith(("'s", "’s")) else text
            for n, p in enumerate(index.profiles):
                if (
                    bare in p.names
                    or s in p.strong_stems
                    or (bare in p.capitals and not _INITIAL.search(draft, 0, m.start()))
                ):
                    strong.append(m.span())  # a name mid-sentence in both: "I've asked Sarah to"
                elif s in p.weak_stems:
                    key = (n, a.sentence_index(m.start()))
                    weak.setdefault(key, {}).setdefault(s, m.span())
                if (before2, before1, s) in p.shingles:
                    strong.append((starts[0], m.end()))
        before2, before1 = before1, s
    if index.has_idents and "#" in a.words:
        for m in _IDENT.finditer(draft):
            if any(m.group().lower() in p.idents for p in index.profiles):
                strong.append(m.span())
    if index.has_numbers and "#" in a.words:
        for m in _NUMBER.finditer(draft):
            if any(_number_leaks(draft, m, p) for p in index.profiles):
                strong.append(m.span())
    strong_sentences = {a.sentence_index(start) for start, _ in strong}
    for (_, idx), found in weak.items():
        if len(found) >= 2 or idx in strong_sentences:  # report the words around a strong hit
            strong += found.values()
    return strong


def _number_leaks(draft: str, m: re.Match[str], p: _NoteProfile) -> bool:
    norm = _norm_number(m.group())
    if norm not in p.numbers:
        return False
    if len(norm) >= 3 or not norm.isdigit() or m.group() != norm:
        return True  # "2023", "4471", "$450", "5.2.1", "20%"
    if len(norm) == 2 and not (
        _TIME_AFTER.match(draft, m.end()) or _TIME_BEFORE.search(draft, 0, m.start())
    ):
        return True  # "40 customers", not "at 10 AM"
    return bool(_neighbours(draft, m.start(), m.end()) & p.numbers[norm])  # "8 months", "tier 2"


def _neighbours(text: str, start: int, end: int) -> frozenset[str]:
    """Stems of the content words right before and right after a number."""
    before = _WORD.findall(text, max(0, start - 25), start)[-1:]
    after = _WORD.findall(text, end, end + 25)[:1]
    return frozenset(stem(w) for w in before + after) - STOP_STEMS


def _merge(draft: str, hits: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Join hits separated by a few characters of the same phrase ("data loss bug")."""
    merged: list[tuple[int, int, bool]] = []
    for start, end, proc in sorted(hits):
        if merged:
            ps, pe, pproc = merged[-1]
            gap = draft[pe:start] if start > pe else ""
            if start <= pe or (len(gap) <= 4 and not _SENTENCE_STOP.search(gap)):
                merged[-1] = (ps, max(pe, end), pproc or proc)
                continue
        merged.append((start, end, proc))
    return merged


def _allowed_example(ctx: CheckContext) -> str:
    if ctx.policy is not None and ctx.policy.rules:
        return f'the policy allows (e.g. "{ctx.policy.rules[0]}")'
    if ctx.facts:
        return f'the facts support (e.g. "{ctx.facts[0]}")'
    return "the customer can be told from the thread, the facts or the policy"
