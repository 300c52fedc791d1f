"""From a `Brief` to a `Case`: the handful of facts a reply is built around.

A good de-escalating reply names *this* customer's problem in their terms (what failed, where,
what it cost them), owns it, and commits to a next step inside the windows. This module finds
those pieces in the prompt: the issue clause (rewritten from the customer's point of view to
ours), what it cost them, whether they had to come back, what they ask for, which facts give a
timeline or a workaround, which escalation target fits, and which words belong only to
internal notes (so no phrasing that reuses them is ever chosen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.pipeline.playbook import issues as said
from service.pipeline.playbook import language as lang
from service.pipeline.playbook import mirroring
from service.pipeline.playbook.reading import Brief

# Words that tie an escalation target to one kind of problem ("billing specialist").
_TEAM_WORDS = {
    "billing": r"billing|finance|payments?|accounts? (?:team|receivable)",
    "delivery": r"logistics|delivery|shipping|warehouse",
    "access": r"security|identity|access",
    "data": r"technical|tech|engineer\w*|product|data",
    "app": r"technical|tech|engineer\w*|product|app",
    "travel": r"travel|reservations?|booking",
    "service": r"technical|tech|engineer\w*|network|operations|infrastructure",
    "product": r"product|quality|returns?",
}
FALLBACK_ISSUE = "this hasn't gone the way it should have"
FALLBACK_TAILS = (
    "the way it should have",
    "the way it should",
    "the way they should",
    "the way they should have",
)
_KNOWN_ACRONYMS = lang.words(
    "USA UK EU US UTC GMT EST PST CET BST API URL VIP ETA FAQ ATM ISP IBAN PIN OTP ID IOS OS AI "
    "UPS USPS DHL TSA IRS VAT GST CEO IT HR AT&T OLED LED USB HDMI GPU CPU RAM IMEI SIM EOD"
)
_LEAD = re.compile(r"supervisor|manager|team lead|lead\b", re.I)
_MANAGER = re.compile(r"\b(?:manager|supervisor|someone in charge|your boss|escalate)\b", re.I)
_REFUND = re.compile(r"\b(?:refund\w*|money back|reimburs\w*|charge ?back)\b", re.I)
_TIME_RANGE = re.compile(
    r"(\d{1,2}:\d{2})\s*(?:-|–|—|to|until)\s*(\d{1,2}:\d{2})(?:\s*([A-Z]{2,5})\b)?"
)
_RESTORED = re.compile(
    r"\b(?:restored|resolved|stable|stabili[sz]ed|back (?:up|online)|fixed|recovered)\b", re.I
)
_PREVENTION = re.compile(
    r"\b(?:prevent\w*|redundan\w*|post-?incident|post-?mortem|root cause|patch\w*|hotfix|"
    r"safeguard\w*)\b",
    re.I,
)
_UNSAFE_PUBLIC = re.compile(
    r"[$£€]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:dollars|euros?|pounds|usd|eur|gbp)\b|#\s?\w*\d\w*|"
    r"\b[A-Z]*\d[A-Z0-9-]{3,}\b|\S+@\S+|\b\d{4,}\b|\b(?:order|account|ticket|case|invoice|card)"
    r"\s+(?:number|no\.?|id)\b",
    re.I,
)


@dataclass(frozen=True)
class Case:
    """What the reply is about, in phrases ready to drop into our own sentences."""

    brief: Brief
    name: str
    agent: str
    seed: int
    strict: bool
    issue: str
    issues: tuple[str, ...]
    impact: str
    topic: str
    kind: str
    repeat: str
    angry: bool
    abusive: bool
    asks_refund: bool
    asks_manager: bool
    outage_window: str
    workaround: str
    restored: str
    prevention: str
    target: str
    credit_months: int
    first: str
    resolution: str
    specifics: tuple[str, ...]
    details: tuple[str, ...] = ()
    loyalty: str = ""
    note_words: frozenset[str] = field(default_factory=frozenset)

    @property
    def channel(self) -> str:
        return self.brief.channel

    def allowed(self, text: str) -> bool:
        """False when ``text`` reuses a word found only in internal notes."""
        return not any(lang.stem(w) in self.note_words for w in lang.word_list(text))

    def choose(self, slot: str, *options: str) -> str:
        """A deterministic variant; on a re-ask, the first (most conservative) allowed one."""
        usable = [o for o in options if self.allowed(o)] or list(options)
        return usable[0] if self.strict else lang.pick(usable, self.seed, slot)


def read_case(brief: Brief) -> Case:
    customer_texts = [t.text for t in brief.customer_turns]
    everything = " ".join(customer_texts)
    acronyms = _acronyms(brief)
    lowercase_known = frozenset(w for w in lang.word_list(everything) if w.islower())
    specifics = tuple(
        lang.mid_sentence(
            lang.swap_person(lang.lower_shouting(lang.tidy(s), acronyms)), lowercase_known
        )
        for s in brief.specifics
        if s and not lang.is_hostile(s)
    )
    candidates = said.candidate_clauses(customer_texts, acronyms, lowercase_known)
    spec_low = [s.lower() for s in specifics]
    issues = said.ranked(candidates, spec_low, said.FAILURE)
    impact_pool = [
        c for c in said.ranked(candidates, spec_low, said.IMPACT) if said.IMPACT.search(c)
    ]
    strict = brief.is_reask and bool(
        {c.id for c in brief.failed_checks} & {"grounded", "tone", "no-internal-leak"}
    )
    subject = lang.lower_shouting(lang.tidy(brief.subject or ""), acronyms)
    kind = said.kind_of(issues, " ".join([subject, everything]))
    plain = [lang.lower_shouting(lang.tidy(t), acronyms) for t in reversed(customer_texts)]
    topic = said.topic_of(
        kind, issues[0] if issues else "", [*issues[1:3], *specifics, subject, *plain]
    )
    fallback = _fallback_issue(topic if said.names_the_kind(kind, topic) else "this", kind)
    if not issues and not strict:
        issues = [c for c in [said.happened_to_them(candidates)] if c]
    issue = issues[0] if issues and not strict else fallback
    issue = next(  # the whole sentence when it's short: "you wore it once and the zipper came off"
        (c for c in candidates if issue in c and c != issue and lang.count_words(c) <= 18),
        issue,
    )
    impact = next((c for c in impact_pool if not _repeats(c, issue)), "")
    if brief.channel == "social":  # a public reply: no ids, amounts or contact details
        issue = _public(issue) or fallback
        impact = _public(impact)
        issues = [p for p in (_public(c) for c in issues) if p]
        specifics = tuple(s for s in specifics if not _UNSAFE_PUBLIC.search(s))
        candidates = [p for p in (_public(c) for c in candidates) if p]
    loyalty = mirroring.loyalty(customer_texts)
    details = mirroring.pick_details(
        [c for c in candidates if not _repeats(c, issue) and not (impact and _repeats(c, impact))],
        mirroring.covered_stems(issue, impact, topic, loyalty),
        spec_low,
    )
    signal_ids = [s for s, _ in brief.signals]
    asks_manager = bool(_MANAGER.search(everything)) or "manager-request" in signal_ids
    facts = brief.facts
    limit = brief.policy.max_credit_months
    return Case(
        brief=brief,
        name=lang.first_name(brief.customer_name) or "there",
        agent=brief.agent_name,
        seed=lang.seed_for(brief.technique_id, brief.channel, *customer_texts),
        strict=brief.is_reask,
        issue=issue,
        issues=tuple(said.distinct(issues))[:3] if not strict else (issue,),
        impact="" if strict else impact,
        topic=topic,
        kind=kind,
        repeat=said.repeat_of(customer_texts, signal_ids),
        angry=any(re.search(r"abus|shout|rant|argu|threat", s) for s in signal_ids)
        or any(lang.has_profanity(t) for t in customer_texts),
        abusive="abuse" in signal_ids or any(lang.has_profanity(t) for t in customer_texts),
        asks_refund=bool(_REFUND.search(everything)) or any("refund" in s for s in signal_ids),
        asks_manager=asks_manager,
        outage_window=_outage_window(facts),
        workaround=_workaround(facts, lowercase_known),
        restored=next((f for f in facts if _RESTORED.search(f)), ""),
        prevention=next((f for f in facts if _PREVENTION.search(f)), ""),
        target=_target(brief.policy.escalation_targets, kind, asks_manager),
        credit_months=limit if limit and limit > 0 else 0,
        first=lang.window(brief.first_update),
        resolution=lang.window(brief.resolution),
        specifics=specifics,
        details=() if strict else tuple(d for d in details if d),
        loyalty="" if strict else loyalty,
        note_words=_note_words(brief),
    )


def _repeats(clause: str, issue: str) -> bool:
    """Whether ``clause`` mostly says ``issue`` again (one contains the other, or most words)."""
    words, said = set(lang.word_list(clause)), set(lang.word_list(issue))
    return clause in issue or issue in clause or len(words & said) * 2 >= len(words)


def _public(clause: str) -> str:
    """``clause`` without the parts that carry ids, amounts or contact details ("" if none left)."""
    clause = re.sub(r"\([^)]*\)", "", clause)
    parts = [p for p in re.split(r",\s*", clause) if p.strip() and not _UNSAFE_PUBLIC.search(p)]
    kept = ", ".join(p.strip() for p in parts)
    first = parts[0] if parts else ""
    return (
        kept
        if first and first.strip() == clause.split(",")[0].strip() and lang.count_words(kept) >= 3
        else ""
    )


def _fallback_issue(topic: str, kind: str = "") -> str:
    """When no clause can be said back: "the app hasn't been working the way it should", "your
    flight hasn't gone the way it should have" (things that work vs. things that happen)."""
    if topic == "this":
        return FALLBACK_ISSUE
    plural = bool(re.search(r"[^su]s$", topic))
    if kind not in ("app", "service", "data", "access"):
        return f"{topic} {'haven' if plural else 'hasn'}'t gone the way {_they(plural)} should have"
    return f"{topic} {'haven' if plural else 'hasn'}'t been working the way {_they(plural)} should"


def _they(plural: bool) -> str:
    return "they" if plural else "it"


def _target(targets: tuple[str, ...], kind: str, asks_manager: bool) -> str:
    """The listed target that fits the problem; never one named for another kind of problem."""
    if not targets:
        return ""
    lead = [t for t in targets if _LEAD.search(t)]
    if asks_manager and lead:
        return lead[0]
    fitting = [t for t in targets if re.search(_TEAM_WORDS.get(kind, "^$"), t, re.I)]
    if fitting:
        return fitting[0]
    neutral = [
        t
        for t in targets
        if not any(re.search(words, t, re.I) for k, words in _TEAM_WORDS.items() if k != kind)
    ]
    return (neutral or list(targets))[0]


def _outage_window(facts: tuple[str, ...]) -> str:
    for fact in facts:
        match = _TIME_RANGE.search(fact)
        if match:
            zone = f" {match.group(3)}" if match.group(3) else ""
            return f"from {match.group(1)} to {match.group(2)}{zone}"
    return ""


def _workaround(facts: tuple[str, ...], known: frozenset[str]) -> str:
    for fact in facts:
        if re.search(r"\bwork ?around\b", fact, re.I):
            _, sep, rest = fact.partition(":")
            text = (rest if sep else fact).strip().rstrip(".")
            return lang.mid_sentence(text, known | {"use", "export", "try", "switch"})
    return ""


def _acronyms(brief: Brief) -> frozenset[str]:
    """All-caps words we may write: from facts, policy or agent messages, or ones that can only be
    acronyms (no vowels, like "CSV"; or well known, like "USA"). Anything else is shouting."""
    trusted = " ".join(
        [*brief.facts, *brief.policy.rules, *brief.policy.escalation_targets]
        + [t.text for t in brief.turns if t.role == "agent"]
    )
    found = set(re.findall(r"\b[A-Z][A-Z0-9]{1,5}\b", trusted))
    for turn in brief.customer_turns:
        for word in re.findall(r"\b[A-Z][A-Z0-9&]{1,4}\b", turn.text):
            if word in _KNOWN_ACRONYMS or not re.search(r"[AEIOU]", word):
                found.add(word)
    return frozenset(found)


def _note_words(brief: Brief) -> frozenset[str]:
    """Stems of words that appear in notes and nowhere public (thread, facts, policy)."""
    public = [t.text for t in brief.turns if t.role != "note"]
    public += [*brief.facts, *brief.policy.rules, *brief.policy.escalation_targets]
    public += [brief.subject or "", brief.customer_name, brief.agent_name]
    if brief.policy.full_refund is not None:
        public.append("full refund")
    if brief.policy.max_credit_months is not None:
        public.append("credit months")
    seen = {lang.stem(w) for text in public for w in lang.word_list(text)}
    note = {lang.stem(w) for t in brief.notes for w in lang.word_list(t.text) if len(w) >= 4}
    return frozenset(note - seen)
