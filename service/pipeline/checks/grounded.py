"""`grounded`: nothing invented is stated as fact, and no template text is left unfilled.

Rule (contract, "Check ids" and "The thread"): a draft "never states as fact a number, date, time,
order id, amount or name that is not in the thread, the facts or the policy", and it carries no
unfilled placeholders ("[Name]", "{{x}}", "{x}", "<insert ...>", "<NAME>", "XX", "TBD", "N/A" as
a value, "____"). What a draft may rely on: every message (customer, agent and note -- a figure
known from a note is not invented; revealing it is `no-internal-leak`'s business) and its date,
the subject, the customer's and agent's names, the facts, the policy (credit months, SLA windows,
rules, escalation targets) and the request's windows. Figures match across spellings: "two" =
"2", "9:12" = "09:12 UTC", "$49.99" = "49.99 USD", "92%" = "92 percent", "2 hours" = "120
minutes", "3 March" = "03/03", "third" = "3rd", "#44102" = "order 44102"; a weekday is grounded
by a dated message or fact ("March 3" in a 2026 thread grounds "Tuesday").

Not facts: the agent's own commitment windows and proposed times ("I'll reply within 20
minutes", "tomorrow by noon", "every 30 minutes", "would 3 PM work?": `time-frame` and `policy`
judge those), credit months offered (`policy`), counts of the agent's own options or steps ("two
options", "step two", "1) ... 2) ..."), "one more thing", "first"/"second", "100%", "24/7", and
anything inside quoted customer words or URLs. Names are checked where a reader meets a person:
a greeting, a self-introduction, a signature, a role cue ("our specialist, Casey", "Mark from
our returns team", "ask for Bernadette", "Casey will call you") or a common first name mid-
sentence; product and company names are not people.

Source: seed 000 "Calm the Storm" -- "Mirroring Without Mimicking" (mirror the customer's own
specifics: "losing two hours because the export failed at 92%") and "Service Outage Recovery"
("transparent timelines": "a disruption from 09:12 to 10:05" -- the real window, not a guess);
seed 002 "Effective De-Escalation Techniques" -- "Provide Clear Solutions" (specific, accurate
information restores trust; an invented figure breaks it the moment the customer checks).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from service.pipeline.checks import _grounding_terms as terms
from service.pipeline.checks._grounding_claims import claimed
from service.pipeline.checks._grounding_names import find_names
from service.pipeline.checks._grounding_terms import words
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quoted_spans
from service.schemas import CheckResult

CHECK_ID = "grounded"
Triggered().add(CHECK_ID, " ".join(terms.FIRST_WORDS), r"(?!)")  # analyze() indexes these words

# (characters or strings that must occur, pattern): each tried only when its trigger occurs.
_PLACEHOLDERS = (
    (
        ("{", "[", "<", "%s", "%d", "%("),
        r"\{\{[^{}\n]{0,60}\}\}|\$?\{[A-Za-z_][\w .-]{0,40}\}|\[\[[^\[\]\n]{1,60}\]\]"
        r"|\[\s*[A-Za-z][A-Za-z _./'’-]{0,40}\](?!\()|<<[^<>\n]{1,60}>>"
        r"|<\s*[A-Za-z][A-Za-z _'’-]{0,40}>|%\(\w+\)s|%[sd](?![A-Za-z])",
    ),
    ("_", r"\b[A-Z]{2,}(?:_[A-Z]+)+\b|_{3,}"),
    (
        ("XX", "xxx", "$X", "#X", "£X", "€X", " X"),
        r"(?<![A-Za-z])X{2,}(?![A-Za-z])|\bx{3,}\b|(?<=[$#£€])X\b"
        r"|\bX(?=\s?(?:%|(?:business\s+)?(?:days?|hours?|minutes?|weeks?|months?)\b))",
    ),
    (
        ("TB", "TKTK", "N/A", "orem ipsum", "nsert ", " ,"),
        r"\bTB[DA]\b|\bTKTK\b|\bN/A\b|\blorem\s+ipsum\b"
        r"|\binsert\s+(?:name|date|here|link|number|amount|time)\b|\b(?:Hi|Hello|Hey|Dear)\s+,",
    ),
)
_PLACEHOLDER_RX = tuple(
    (trigger, re.compile(rx, re.I if "N/A" in trigger else 0)) for trigger, rx in _PLACEHOLDERS
)
_HTML = words("br p b i u a div span strong em ul li ol hr small sup sub code pre")
_NA_INSTRUCTION = re.compile(r"\b(?:type|enter|write|put|select|choose|mark)\w*\W+(?:\w+\W+){0,2}$")
_KIND_LABEL = {"money": "Amount", "percent": "Percentage", "weekday": "Day", "ordinal": "Count"}
_KIND_LABEL["id"] = "Reference"


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    message: str
    hint: str


def check(draft: str, ctx: CheckContext) -> CheckResult:
    a = analyze(draft)
    found = _placeholders(a, ctx)
    figures = terms.items(a.masked, terms.anchors(a.masked, a.words))
    src = _source(ctx)
    for item in figures:
        if all(not k.isdisjoint(src.keys) for k in item.keys):
            continue
        keys = claimed(a, item, src.keys)
        if keys is not None and not all(not k.isdisjoint(src.keys) for k in keys):
            found.append(_figure(a, item, src))
    found += [_name_finding(s, e, draft[s:e], role, ctx) for s, e, role in find_names(a, src.words)]
    if not found:
        return passed(CHECK_ID)
    found.sort(key=lambda f: f.start)
    kept: list[Finding] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return failed(
        CHECK_ID,
        "; ".join(f.message for f in kept),
        [(f.start, f.end) for f in kept],
        " ".join(dict.fromkeys(f.hint for f in kept)),
    )


def _figure(a: Analysis, item: terms.Item, src: Source) -> Finding:
    shown = a.text[item.start : item.end]
    examples = ", ".join(f"'{x}'" for x in src.examples.get(_group(item.kind), ()))
    if item.kind == "id":
        hint = (
            f"Remove '{shown}': use the reference the thread or facts give ({examples}) or "
            "ask the customer for it; never invent an id."
            if examples
            else f"Remove '{shown}' and ask the customer for the reference instead of inventing it."
        )
    else:
        given = f" (the thread, facts and policy give {examples})" if examples else ""
        hint = (
            f"Remove '{shown}' or replace it with a figure from the thread or facts{given}; "
            "if it is unknown, describe it without a number."
        )
    label = _KIND_LABEL.get(item.kind, item.kind.capitalize())
    return Finding(
        item.start, item.end, f"{label} '{shown}' is not in the thread, facts or policy", hint
    )


def _placeholders(a: Analysis, ctx: CheckContext) -> list[Finding]:
    text, out = a.text, []
    quotes: list[tuple[int, int]] | None = None
    for trigger, rx in _PLACEHOLDER_RX:
        if not any(t in text for t in trigger):
            continue
        for m in rx.finditer(text):
            s, e, t = m.start(), m.end(), m.group()
            if quotes is None:  # quoted customer words, not URLs ("/{id}" in a link is a slot)
                quotes = [(qs, qe) for qs, qe in quoted_spans(text) if text[qs] in "\"“‘'"]
            if any(qs <= s < qe for qs, qe in quotes) or t.strip("<>/ ").lower() in _HTML:
                continue
            if t == "N/A" and _NA_INSTRUCTION.search(text[max(0, s - 40) : s].lower()):
                continue
            out.append(Finding(s, e, f"Unfilled placeholder '{t}'", _fill_hint(t, ctx)))
    return out


def _fill_hint(t: str, ctx: CheckContext) -> str:
    low = t.lower()
    if "agent" in low or "your name" in low:
        fix = f"the agent's name, '{ctx.thread.agent.name}'"
    elif "name" in low or low.startswith(("hi", "hello", "hey", "dear")):
        fix = f"the customer's name, '{ctx.thread.customer.name.split()[0]}'"
    elif any(w in low for w in ("order", "ticket", "number", "id", "ref", "case", "track")):
        fix = "the reference from the thread (or ask the customer for it)"
    else:
        fix = "the real value from the thread, facts or policy, or rewrite the sentence without it"
    return f"Replace the placeholder '{t}' with {fix}; never send template text."


def _name_finding(s: int, e: int, name: str, role: str, ctx: CheckContext) -> Finding:
    customer, agent = ctx.thread.customer.name, ctx.thread.agent.name
    if role == "greeting":
        return Finding(
            s,
            e,
            f"Greets the customer as '{name}', but the customer is '{customer}'",
            f"Address the customer by their name, '{customer.split()[0]}'.",
        )
    if role in ("self", "sign"):
        return Finding(
            s,
            e,
            f"Signs as '{name}', but the agent is '{agent}'",
            f"Use the agent's own name, '{agent}', or leave the name out.",
        )
    targets = ctx.policy.escalation_targets if ctx.policy else []
    instead = f"our {targets[0]}" if targets else "a specialist on our team"
    return Finding(
        s,
        e,
        f"Name '{name}' appears nowhere in the thread, facts or policy",
        f"Remove the name '{name}' and refer to the role instead (e.g. '{instead}'); "
        "don't invent people.",
    )


# ---- the source: what the draft may rely on, built once per context ---------------------------


@dataclass(frozen=True)
class Source:
    """Keys of every figure the draft may rely on, its words (for names), and figures as
    written per kind (for hints)."""

    keys: frozenset[str]
    words: frozenset[str]
    examples: dict[str, tuple[str, ...]]


_CACHE: dict[int, tuple[weakref.ref[CheckContext], Source]] = {}
_WORD = re.compile(r"[^\W\d_]+")
_NTH_TIME = re.compile(r"\b(first|second)\s+(?:time|attempt|try|request|call|charge)", re.I)


def _source(ctx: CheckContext) -> Source:
    """The context's source index, reused by re-asks on the same context and dropped with it
    (no customer data outlives the request)."""
    key = id(ctx)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is ctx:
        return hit[1]
    src = _build_source(ctx)
    if len(_CACHE) >= 64:  # contexts are normally freed long before this
        _CACHE.clear()
    _CACHE[key] = (weakref.ref(ctx), src)
    weakref.finalize(ctx, _CACHE.pop, key, None)
    return src


def _build_source(ctx: CheckContext) -> Source:
    """Every message (notes too) and its date, subject, names, facts, policy and windows."""
    thread, policy = ctx.thread, ctx.policy
    texts = [m.text for m in thread.messages if m.role != "note"]
    texts += [thread.subject or "", thread.customer.name, thread.agent.name, *ctx.facts]
    texts += [ctx.windows.first_update, ctx.windows.resolution]
    keys: set[str] = set()
    years: set[int] = set()
    if policy is not None:
        texts += [*policy.rules, *policy.escalation_targets]
        if policy.sla is not None:
            texts += [str(v) for v in policy.sla.model_dump().values() if v is not None]
        if (months := policy.max_credit_months) is not None:
            keys |= {f"n:{months}", f"d:{months}mo"}
    for m in thread.messages:
        if (at := m.sent_at) is not None:  # "your message at 09:14 on Friday"
            years.add(at.year)
            keys |= {f"md:{at.month}-{at.day}", f"w:{at.weekday()}", f"n:{at.year}"}
            keys |= {f"m:{at.month}", f"t:{at.hour}:{at.minute:02d}", f"dd:{at.day}"}
    public = len("\n".join(texts))  # hints offer figures from here on, never from a note
    text = "\n".join([*texts, *(m.text for m in thread.messages if m.role == "note")])
    found = terms.items(text, source=True)
    years |= {int(text[i.start : i.end]) for i in found if i.kind == "year"}
    examples: dict[str, list[str]] = {}
    for item in found:
        for k in item.keys:
            keys |= k
            if item.kind == "date":  # "March 3" in a thread from 2026: a Tuesday
                keys |= terms.weekday_keys(k, years)
        shown = examples.setdefault(_group(item.kind), [])
        if (
            item.end <= public
            and len(shown) < 4
            and not item.loose
            and (text[item.start : item.end] not in shown)
        ):
            shown.append(text[item.start : item.end])
    for nth in _NTH_TIME.finditer(text):  # "the second time" grounds "twice"
        keys |= {"n:1", "o:1"} if nth.group(1).lower() == "first" else {"n:2", "o:2"}
    for ordinal in [k for k in keys if k.startswith("o:") and len(k) < 5]:
        keys |= {f"o:{i}" for i in range(2, int(ordinal[2:]) + 1)}  # a third contact had two before
    vocabulary = frozenset(_WORD.findall(text.lower()))
    return Source(frozenset(keys), vocabulary, {k: tuple(v) for k, v in examples.items()})


def _group(kind: str) -> str:
    """Which source figures a hint offers for a kind: dates for a weekday, numbers for a count."""
    if kind in ("weekday", "month", "year"):
        return "date"
    return kind if kind in ("time", "date", "duration", "id", "money", "percent") else "number"
