"""The building blocks every technique composes: a `Plan` of lines, and channel-aware phrases.

A technique decides *what* to say, in order (its structure from the source documents); the
channel decides how much of it and in what shape. So a technique returns paragraphs of `Line`s,
each marked core, extra (a mirroring line: kept where it fits, dropped first when a chat runs
long), optional (dropped next, and on a re-ask) or long-form (email and phone only), plus the
sentences of the short public reply for social, most important first. The phrases here carry
the rules every check enforces: an apology is always followed by an action in the next
sentence, and every "I'll" carries a window from ``<windows>`` in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.pipeline.playbook import language as lang
from service.pipeline.playbook.case import FALLBACK_TAILS, Case

CORE, OPTIONAL, LONG, EXTRA = 0, 1, 2, 3
_DEADLINE = re.compile(
    r"\b(?:due|deadline|tomorrow|tonight|today|this (?:morning|afternoon|evening)|client|meeting|"
    r"by (?:\d|noon|midday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|end)|"
    r"presentation|birthday|flight|payroll|launch|before)\b",
    re.I,
)
_JOB = re.compile(
    r"\b(?:exports?|imports?|reports?|backups?|uploads?|downloads?|sync\w*|files?)\b", re.I
)
_SAYS_REPEAT = re.compile(
    r"\b(?:again|times|still|first time|keeps?|repeatedly|every time|twice|\w+ time)\b", re.I
)

# Per kind of problem: what I'm doing now, the same as an infinitive, and what they'll get.
_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "data": (
        ("re-running {t} on our side", "re-run {t} on our side"),
        ("checking {t} on our side", "get {t} working again"),
    ),
    "link": (  # integrations, migrations, connectors: nothing to re-run, something to fix
        ("checking {t} on our side", "get {t} working again"),
        ("tracing the fault in {t} on our side", "get {t} working again"),
    ),
    "billing": (
        ("reviewing the charges on your account", "correct what's wrong on the charges"),
        ("checking every charge on your account", "put the charges right"),
    ),
    "delivery": (
        ("tracing {t}", "find out exactly where {t} {be}"),
        ("checking exactly where {t} {be}", "get {t} moving again"),
    ),
    "access": (
        ("checking the access on your account", "get you signed back in"),
        ("looking at what's blocking your sign-in", "restore your access"),
    ),
    "travel": (
        ("looking at every option I have for {t}", "find you the best option for {t}"),
        ("checking the options for {t}", "sort out {t}"),
    ),
    "service": (
        ("checking {t} on our side", "get {t} working again"),
        ("tracing the fault on our side", "get {t} back to normal"),
    ),
    "product": (
        ("looking at the options for {t}", "put {t} right"),
        ("checking what I can do about {t}", "make {t} right"),
    ),
    "app": (
        ("investigating the problem on our side", "get {t} working again"),
        ("testing {t} on our side", "fix {t}"),
    ),
    "general": (
        ("looking into {t} myself", "get {t} sorted"),
        ("digging into {t} on our side", "put {t} right"),
    ),
}
_SIGNALS = {
    "data": "either a confirmed fix or a fallback plan",
    "billing": "a clear breakdown of the charges and what I've corrected",
    "delivery": "an update on exactly where {t} {be}",
    "access": "either a confirmed fix for your sign-in or a fallback plan",
    "travel": "the options I've found for {t}",
    "app": "either a confirmed fix or a fallback plan",
    "service": "either a confirmed fix or a fallback plan",
    "product": "the options I can offer for {t}",
    "general": "either a confirmed fix or a fallback plan",
}


@dataclass(frozen=True)
class Line:
    text: str
    level: int = CORE


@dataclass
class Plan:
    """Paragraphs of lines for chat, email and phone, and the sentences of a public reply."""

    paragraphs: list[list[Line]]
    social: list[str] = field(default_factory=list)
    dm_offer: bool = True


def core(text: str) -> Line:
    return Line(text, CORE)


def optional(text: str) -> Line:
    return Line(text, OPTIONAL)


def long_form(text: str) -> Line:
    return Line(text, LONG)


def extra(text: str) -> Line:
    """A mirroring line: kept wherever it fits, dropped before optional lines in a long chat."""
    return Line(text, EXTRA)


def heard(case: Case, lead: str = "", after_known: bool = False) -> str:
    """The customer's other specifics said back: "You mentioned that X, and that Y."; with
    ``after_known``, without the one `known` already said."""
    details = list(case.details)
    if after_known and case.issue.endswith(FALLBACK_TAILS):
        details = details[1:]
    if not details:
        return ""
    opener = lead or case.choose("heard", "You mentioned that", "You told me that")
    return f"{opener} {', and that '.join(details)}."


def known(case: Case) -> str:
    """What follows "I know": the issue, or when we couldn't name one, their first detail."""
    if case.issue.endswith(FALLBACK_TAILS) and case.details:
        return case.details[0]
    return case.issue


def knows_impact(case: Case, lead: str = "") -> str:
    """What it cost them, acknowledged: "I know you lost two hours of work." ("" if unknown);
    ``lead`` replaces "I know" next to another "I know" sentence."""
    if not case.impact:
        return ""
    if lead:
        return f"{lead} {case.impact}."
    return case.choose("impact", f"I know {case.impact}.", f"I know that {case.impact}.")


def address(case: Case, text: str) -> str:
    """Open with the customer's first name in chat and social; email and phone greet separately."""
    if case.channel in ("chat", "social") and case.name != "there":
        return f"{case.name}, {_lower_first(text)}"
    return lang.capitalize(text)


def action(case: Case) -> str:
    """What I'm doing about it right now, as "-ing" words: "re-running the export on our side"."""
    ing, _ = _action_pair(case)
    return ing


def action_to(case: Case) -> str:
    """The same action as an infinitive: "re-run the export on our side"."""
    _, infinitive = _action_pair(case)
    return infinitive


def signal(case: Case) -> str:
    """What the customer will receive: "either a confirmed fix or a fallback plan"."""
    return _SIGNALS.get(case.kind, _SIGNALS["general"]).format(t=case.topic, be=_be(case))


def update(case: Case) -> str:
    """How I'll get back to them here: "update you here", "email you", "call you back"."""
    return {"chat": "update you here", "email": "email you", "phone": "call you back"}.get(
        case.channel, "reply in a direct message"
    )


def promise_update(case: Case, slot: str = "update") -> str:
    """A full commitment sentence with the first-update window."""
    return case.choose(
        slot,
        f"I'll {update(case)} {case.first} with {signal(case)}.",
        f"You'll have {signal(case)} from me {case.first}.",
    )


def apology(case: Case) -> str:
    """One sincere apology naming the impact (and the repeat contact, when there was one)."""
    tail = ""
    if case.repeat and case.repeat != "again" and case.repeat not in case.issue.lower():
        tail = f", and that this is the {case.repeat} time you've had to ask"
    elif case.repeat == "again" and not _SAYS_REPEAT.search(case.issue):
        tail = ", and that you've had to come back to us about it"
    lead = case.choose("apology", "I'm sorry", "I'm really sorry", "I'm so sorry")
    return f"{lead} {case.issue}{tail}."


def ownership(case: Case) -> str:
    """The action that pairs with an apology: it must be the very next sentence."""
    return case.choose(
        "ownership",
        f"That's on us, and I'm {action(case)} now.",
        f"I'm taking this on myself and {action(case)} now.",
        f"I'm {action(case)} now, and I'm staying with it until it's fixed.",
    )


def grateful(case: Case, default: str) -> str:
    """The technique's own thank-you opener, or thanks for their loyalty when they told us it."""
    return thanks(case) if case.loyalty else address(case, default)


def thanks(case: Case, named: bool = True) -> str:
    """A thank-you that fits: their loyalty, their patience on a repeat contact, their detail."""
    options: tuple[str, ...]
    if case.loyalty.startswith("as "):  # "as a platinum member since 2011"
        options = (f"thank you for being {case.loyalty[3:]}, and for telling me about this.",)
    elif case.loyalty:
        years = case.loyalty if case.loyalty.startswith("since") else f"for {case.loyalty}"
        options = (
            f"thank you for being with us {years}, and for telling me about this.",
            f"thank you for staying with us {years}, and for raising this.",
        )
    elif case.repeat:
        options = (
            "thank you for sticking with this.",
            "thank you for your patience with this.",
            "thanks for staying with us on this.",
        )
    elif case.angry:
        options = (
            "thank you for telling me exactly what happened.",
            "thank you for laying this out so clearly.",
        )
    else:
        options = ("thank you for reaching out about this.", "thanks for the detail you gave.")
    text = case.choose("thanks", *options)
    return address(case, text) if named else lang.capitalize(text)


def workaround_line(case: Case) -> str:
    if not case.workaround:
        return ""
    return case.choose(
        "workaround",
        f"For today, there's a workaround you can use: {case.workaround}.",
        f"In the meantime, there's a workaround: {case.workaround}.",
    )


def stated_prevention(case: Case) -> str:
    """Prevention as the facts state it, unless the fact carries its own date (which would read
    as our commitment, possibly slower than the SLA)."""
    if case.prevention and not re.search(r"\b(?:within|in|by)\b[^.]*\d", case.prevention):
        return f"To stop this happening again: {_lower_first(case.prevention.rstrip('.'))}."
    return ""


def prevention_line(case: Case) -> str:
    """Prevention only as the facts state it; otherwise a dated promise to share what we learn."""
    if stated_prevention(case):
        return stated_prevention(case)
    return (
        f"I'll also send you a short summary of what caused this and how we're preventing a "
        f"repeat {case.resolution}."
    )


def has_deadline(case: Case) -> bool:
    """Whether what it costs them is a deadline ("your report is due tomorrow")."""
    return bool(_DEADLINE.search(case.impact))


def impact_tail(case: Case) -> str:
    return f", and that {case.impact}" if case.impact else ""


def _action_pair(case: Case) -> tuple[str, str]:
    kind = case.kind
    if kind == "data" and not _JOB.search(case.topic):
        kind = "link"
    pairs = [
        (ing.format(t=case.topic, be=_be(case)), to.format(t=case.topic, be=_be(case)))
        for ing, to in _ACTIONS.get(kind, _ACTIONS["general"])
    ]
    chosen = case.choose("action", *(ing for ing, _ in pairs))
    return next(pair for pair in pairs if pair[0] == chosen)


def _be(case: Case) -> str:
    """ "are" for a plural topic ("the shoes"), else "is"."""
    return "are" if re.search(r"[^su]s$", case.topic) else "is"


def _lower_first(text: str) -> str:
    if text.startswith(("I ", "I'", "I,")) or text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]
