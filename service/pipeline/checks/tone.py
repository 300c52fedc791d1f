"""`tone`: no shouting, sarcasm, profanity, or mirroring of the customer's anger.

Rule (contract, "Check ids"; prompts/system.md "Keep the tone calm and steady": "no capitals for
emphasis, no runs of exclamation marks, no sarcasm, no profanity, no rhetorical questions").
The agent's own words are judged: text in quotation marks (the customer quoted back) and URLs
are masked first, so `You wrote "FIX IT NOW!!!"` passes. The check fails on:

- shouting: a word in capitals of 3+ letters ("NOT", "AGAIN", "PLEASE READ THIS"), a capitalised
  contraction ("I'M", "DON'T") or a shouted two-letter word ("NO", "DO", "IS" ...). Not shouting:
  acronyms from a common list (CSV, PDF, UTC, API, SLA, FAQ, URL, ID, USB, ...), capitals with
  no vowel (A-E-I-O-U-Y: "CRM", "SKU"), and capitals that appear in the thread, facts or policy
  and are not everyday English words (a product name the customer used, "NAS"); an everyday word
  the customer shouted ("AGAIN") and we echo is mirroring and fails.
- exclamation marks: any run of "!" / "?" ("!!", "?!", "??"); more than one "!" in a draft; a
  single "!" on a refusal ("We can't refund that!"). One "!" in a warm line passes ("Thanks for
  the kind words, Gwen!", "Don't worry, nothing is lost!").
- profanity, whole words only ("hell" but not "hello"/"shell"; no "Scunthorpe" hits), masked
  forms ("f***", "sh*t") and grawlix ("#@%!").
- sarcasm ("Great, another...", "Oh well", "Sure, because...", "but sure, ...", "Good luck with
  that", "lol", "jeez", a bare "Wow.", eye-roll emoji, scare quotes around a word: 'your
  "urgent" request', "so-called"), condescension ("obviously", "as you can clearly see", "I'm
  sure you'd know", "with all due respect", "not rocket science", "'Theft' is a strong word"),
  passive-aggressive register ("as per my previous", "kindly note that you", "let me remind
  you"; reminders such as "as I already said" are left to no-blame), lecturing ("I'd appreciate
  it if you'd stop shouting", "watch your tone"), rhetorical questions ("What did you expect?",
  "Did you even ...", "Happy now?").
- insults or heated words ("stupid", "ridiculous", "you're being unreasonable"; not after a
  negation: "nobody thinks you're overreacting"), the agent declaring anger ("I'm furious too"),
  and handing the customer's own angry words back ("useless", "a joke", "scam" when the
  customer used them).
"Thanks for your patience" and other warm stock phrases are not sarcasm.

Source: seed 002 "Effective De-Escalation Techniques" -- "Stay Calm and Composed" ("avoiding any
signs of frustration or impatience") and "Use Positive Language" ("Avoiding negative or
confrontational language"); seed 000 "Calm the Storm" -- "Tone, Pace, and the Power of Pauses".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.checks import _tone_lexicon as lex
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quote
from service.schemas import CheckResult

CHECK_ID = "tone"

Problem = tuple[str, tuple[int, int], str]  # (message, span, hint)

_CAPS = re.compile(r"(?<![A-Za-z0-9_'’])(?<!\d-)[A-Z]+(?:['’][A-Z]+)?(?![A-Za-z0-9_'’])(?!-\d)")
_I = re.compile(r"\bi\b")
_LETTERS = re.compile(r"[A-Za-z]+")
_CAPS_GAP = re.compile(r"[\s,.;:!?\"'’-]{1,3}")
_RUN = re.compile(r"[!?]{2,}")
# A "no" from our side: "we can't", "I won't", "that's not possible", "no refunds".
_REFUSAL = re.compile(
    r"\b(?:we|I)\s+(?:(?:really|just|simply)\s+)?(?:can['’]?t|cannot|won['’]t|will\s+not|don['’]t"
    r"|do\s+not|am\s+not|['’]m\s+not|are\s+not|aren['’]t|are\s+unable|am\s+unable|never)\b"
    r"|\b(?:it|that|this)(?:['’]s|\s+is)\s+not\s+(?:possible|allowed|available|something|how|our)\b"
    r"|\bno\s+(?:refunds?|exceptions?|way)\b|\bnot\s+(?:possible|allowed|permitted)\b",
    re.IGNORECASE,
)
_REASSURE = re.compile(r"\b(?:worry|problem|hesitate|fault|lost|rush|wait\s+to)\b", re.IGNORECASE)
_PHRASES = Triggered()
for _i, (_kind, _first, _rx) in enumerate(lex.PATTERNS):
    _PHRASES.add(f"{_kind}#{_i}", _first, _rx)
_ECHO = Triggered().add("mirror", " ".join(sorted(lex.ECHO_WORDS)), r"[a-z]+\b")
_SYMBOL_CHARS = re.compile("[@#$%&*\U0001f300-\U0001faff¯]")
_SYMBOLS = [(kind, re.compile(rx)) for kind, rx in lex.SYMBOLS]
_CONTAINER = re.compile(r"\s+(?:folder|bin|can|icon|button|tab)s?\b", re.IGNORECASE)
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no|nobody|nothing|none|neither|nor|without)\b|n['’]t\b)[^.!?;:]{0,40}$",
    re.IGNORECASE,
)
_MAY_SCARE = re.compile(r"[\"“'‘]|so-called", re.IGNORECASE)
_SCARE = re.compile(
    r"\b(?i:so-called)\b|\b(?i:your|this|these)\s+(?P<q>[\"“'‘][a-z][a-z'’-]*"
    r"(?:\s[a-z][a-z'’-]*)?[\"”'’])(?!\s+(?i:button|tab|menu|link|option|setting|page|field"
    r"|folder|label|screen|section|status|error|message|box|toggle|icon|notice|banner|email"
    r"|feature|mode|plan|tier|view|list|report|file|column|filter|tool|app|form|step)s?\b)"
)


@dataclass(frozen=True)
class _Thread:
    known_caps: frozenset[str]  # capitals in the thread that are names of things, not shouting
    shouted: frozenset[str]  # capitals the customer shouted
    words: frozenset[str]  # the customer's words, lowercase
    bangs: bool  # the customer used runs of "!" / "?"


def check(draft: str, ctx: CheckContext) -> CheckResult:
    a = analyze(draft)
    thread = _thread(ctx)
    problems = _shouting(a.masked, thread) + _exclamations(a, thread)
    problems += _phrases(a, thread) + _scare_quotes(draft)
    if not problems:
        return passed(CHECK_ID)
    problems.sort(key=lambda p: p[1])
    kept: list[Problem] = []
    for p in problems:
        if not kept or p[1][0] >= kept[-1][1][1]:
            kept.append(p)
    return failed(
        CHECK_ID,
        "; ".join(dict.fromkeys(p[0] for p in kept)),
        [p[1] for p in kept],
        " ".join(dict.fromkeys(p[2] for p in kept)),
    )


def _thread(ctx: CheckContext) -> _Thread:
    t = ctx.thread
    customer = (*(m.text for m in t.messages if m.role == "customer"), t.subject or "")
    trusted = tuple(m.text for m in t.messages if m.role == "agent") + ctx.facts
    if ctx.policy is not None:
        trusted += tuple(ctx.policy.rules) + tuple(ctx.policy.escalation_targets)
    return _read_thread(customer, trusted)


@lru_cache(maxsize=16)  # one thread per request; re-asks reuse it
def _read_thread(customer: tuple[str, ...], trusted: tuple[str, ...]) -> _Thread:
    said = "\n".join(customer)
    caps = set(_CAPS.findall(said))
    known = {w for w in caps | set(_CAPS.findall("\n".join(trusted))) if not _everyday(w)}
    known -= _shouted_runs(said)
    return _Thread(
        known_caps=frozenset(known),
        shouted=frozenset(caps - known),
        words=frozenset(w.lower() for w in _LETTERS.findall(said)),
        bangs=_RUN.search(said) is not None,
    )


def _shouted_runs(text: str) -> set[str]:
    """Capitals in a run with an everyday word ("CSV EXPORT BROKEN"): shouted, not names."""
    runs: list[list[str]] = []
    last_end = -10
    for m in _CAPS.finditer(text):
        if runs and _CAPS_GAP.fullmatch(text, last_end, m.start()):
            runs[-1].append(m.group())
        else:
            runs.append([m.group()])
        last_end = m.end()
    return {w for run in runs if len(run) > 1 and any(map(_everyday, run)) for w in run}


def _everyday(word: str) -> bool:
    return word.lower() in lex.COMMON or (len(word) >= 5 and word.endswith(lex.EVERYDAY_SUFFIXES))


def _is_shout(word: str, thread: _Thread) -> bool:
    if "'" in word or "’" in word:
        return len(word) >= 3
    if len(word) < 3:
        return word in lex.SHOUTED_SHORT
    if word in lex.ACRONYMS or word in thread.known_caps:
        return False
    return not lex.VOWELS.isdisjoint(word)


def _shouting(masked: str, thread: _Thread) -> list[Problem]:
    """Runs of shouted words; a short capital word next to one joins it ("ON ITS WAY")."""
    runs: list[list[tuple[re.Match[str], bool]]] = []
    for m in _CAPS.finditer(masked):
        word = m.group()
        shout = _is_shout(word, thread)
        if not shout and not (len(word) == 2 and word not in lex.NAMES_OF_THINGS):
            continue
        if runs and _CAPS_GAP.fullmatch(masked, runs[-1][-1][0].end(), m.start()):
            runs[-1].append((m, shout))
        else:
            runs.append([(m, shout)])
    out: list[Problem] = []
    for run in runs:
        if not any(shout for _, shout in run):
            continue
        start, end = run[0][0].start(), run[-1][0].end()
        text = masked[start:end]
        echoed = any(m.group() in thread.shouted for m, _ in run)
        what = "Echoes the customer's capitals" if echoed else "Shouting in capitals"
        calm = _I.sub("I", text.lower())
        hint = (
            f"Write {quote(text)} in normal case ({quote(calm)}); let the words carry "
            "the emphasis, not capitals."
        )
        out.append((f"{what}: {quote(text)}", (start, end), hint))
    return out


def _exclamations(a: Analysis, thread: _Thread) -> list[Problem]:
    masked = a.masked
    if "!" not in masked and "??" not in masked:
        return []
    out: list[Problem] = []
    for m in _RUN.finditer(masked):
        what = "Matches the customer's" if thread.bangs and "!" in m.group() else "Run of"
        out.append(
            (
                f"{what} {quote(m.group())}",
                m.span(),
                f"Replace {quote(m.group())} with one calm full stop (or a single '?' for a real "
                "question).",
            )
        )
    in_runs = {i for m in _RUN.finditer(masked) for i in range(*m.span())}
    singles = [i for i, c in enumerate(masked) if c == "!" and i not in in_runs]
    if len(singles) > 1:
        hint = (
            "Keep at most one '!' in the reply, in a warm line such as a thank-you; end the "
            "other sentences with a full stop."
        )
        message = f"{len(singles)} exclamation marks"
        out += [(message, (i, i + 1), hint) for i in singles]
    elif singles:
        i = singles[0]
        sentence = a.sentences[max(a.sentence_index(i), 0)]
        text = masked[sentence.start : i]
        if _REFUSAL.search(text) and not _REASSURE.search(text):
            out.append(
                (
                    f"Exclamation on a refusal: {quote(sentence.text)}",
                    (i, i + 1),
                    "End that sentence with a full stop: an exclamation on a 'no' reads as a "
                    "raised voice.",
                )
            )
    return out


def _phrases(a: Analysis, thread: _Thread) -> list[Problem]:
    found = [(name.split("#")[0], m) for name, m in _PHRASES.scan(a)]
    if _SYMBOL_CHARS.search(a.masked):
        found += [(kind, m) for kind, rx in _SYMBOLS for m in rx.finditer(a.masked)]
    found += [
        ("mirror", m)
        for _, m in _ECHO.scan(a)
        if m.group().lower() in thread.words and not _names_a_thing(a, m)
    ]
    out: list[Problem] = []
    for kind, m in found:
        if kind == "insult" and _negated(a, m.start()):
            continue
        q = quote(m.group())
        out.append((f"{lex.KIND_MESSAGES[kind]}: {q}", m.span(), lex.KIND_HINTS[kind].format(q=q)))
    return out


def _names_a_thing(a: Analysis, m: re.Match[str]) -> bool:
    """ "the Trash folder", "a rubbish bin": a capitalised name mid-sentence, or a container."""
    if _CONTAINER.match(a.masked, m.end()):
        return True
    sentence = a.sentences[max(a.sentence_index(m.start()), 0)]
    return m.group()[0].isupper() and m.start() > sentence.start


def _negated(a: Analysis, pos: int) -> bool:
    sentence = a.sentences[max(a.sentence_index(pos), 0)]
    return _NEGATED.search(a.masked, max(sentence.start, pos - 60), pos) is not None


def _scare_quotes(draft: str) -> list[Problem]:
    if not _MAY_SCARE.search(draft):
        return []
    return [
        (
            f"Sarcasm (scare quotes): {quote(m.group())}",
            m.span(),
            f"Drop the quotation marks in {quote(m.group())}: take the customer's word at face "
            "value.",
        )
        for m in _SCARE.finditer(draft)
    ]
