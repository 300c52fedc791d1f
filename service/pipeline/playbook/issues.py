"""What the customer said went wrong: the issue clauses, the kind of problem, and its topic.

Mirroring works when the reply names the customer's own specifics ("the export stopped at 92%
again", "your card terminals") around new words. So we split customer messages into clauses,
turn each to our point of view, reject what can't be said back (questions, demands, insults,
remarks about the agent, clauses with no concrete thing in them) and rank the rest: clauses
carrying a `<specific>` first, then ones describing a failure. The kind of problem ("data",
"billing", "delivery" ...) picks the action verbs; the topic is the noun phrase it is about.
"""

from __future__ import annotations

import re

from service.pipeline.playbook import language as lang
from service.pipeline.playbook import lexicon as lex
from service.pipeline.playbook import mirroring

FAILURE, IMPACT, REPEAT_COUNT = lex.FAILURE, lex.IMPACT, lex.REPEAT_COUNT

# Questions, and clauses that lean on another ("if you don't ...") can't stand alone.
# "After the integration failed and cost you a week": the event itself is what we say back.
_SUBORDINATE = re.compile(
    r"^(?:after|since|because|once|now that)\s+"
    r"(?=(?:the|my|our|your|this|I|we|it|they|he|she)\b)",
    re.I,
)
_ENDS_ON_ROLE = re.compile(
    r"\b(?:agent|rep|representative|manager|supervisor|advisor|operator|technician|engineer|"
    r"driver|courier|officer|person|someone|director|lead)\W*$",
    re.I,
)
# "you're going hiking in 10 days" would read as our promise, slower than the SLA.
_FUTURE_SPAN = re.compile(
    r"\b(?:in|within) (?:\d+|a|an|one|two|three|four|five|six|seven|ten|a few|a couple of) "
    r"(?:days?|weeks?|months?|years?)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:going to|gonna|will|'ll|(?:is|are|'re|am|'m) \w+ing)\b", re.I)
_ADJECTIVES = lang.words("last first next new old whole same other only own")
_JUST_TELLING = re.compile(  # "I want to tell you what happened": the telling, not the thing
    r"^I (?:just )?(?:want|wanted) to (?:tell|let|say|complain|report)\b", re.I
)
_THEIR_LINE = re.compile(r"^(?:you|them|they|agent|rep|support|bot)\s*:", re.I)
_PERSON_SUBJECT = re.compile(
    rf"^{lex.DET}\s+(?:\w+\s+)?(?:landlord|boss|neighbou?r|colleague)\b",
    re.I,
)
_LOSS = re.compile(r"\b(?:lost|losing|wasted|missed)\b", re.I)  # what it cost, not what broke
_REQUEST = re.compile(
    r"^(?:you|we) (?:just |only |really |still )?(?:need|want|would like|'d like|have to|must)\b",
    re.I,
)
_CONCRETE = re.compile(
    rf"\b{lex.DET}\s+\w|\d|(?-i:\b[a-z]+\s+[A-Z][a-z])|\b(?:"
    + "|".join(sorted(lex.NUMBER_WORDS | lex.TIME_WORDS | lex.PEOPLE_EVENTS))
    + r")\b",
    re.I,
)
_REFUSAL = re.compile(r"\b(?:can't|cannot|unable|not allowed|not possible|isn't available)\b", re.I)
# Loyalty ("a customer for 8 years") and hypotheticals ("would be applied") aren't the problem.
_NOT_AN_ISSUE = re.compile(
    r"\blost (?:your|our) (?:business|custom)\b|"
    r"\b(?:customer|member|subscriber|client|banking with \w+|been with \w+)\b.*\b(?:for|since)\b|"
    r"\b(?:would|could|should|might)\b",
    re.I,
)


def candidate_clauses(
    texts: list[str], acronyms: frozenset[str], known: frozenset[str]
) -> list[str]:
    """Usable clauses from customer messages (newest first), turned to our point of view."""
    out: list[str] = []
    for text in reversed(texts):
        before = ""
        for sentence in lang.sentences_of(mirroring.defang(lang.tidy(text))):
            if _THEIR_LINE.match(sentence):
                continue  # the other side's words quoted ("You: ...")
            sentence = re.sub(r"^(?:me|I)\s*:\s*", "", sentence, flags=re.I)
            parts = lang.clauses_of(sentence.rstrip("?"))
            if sentence.endswith("?"):  # "my flight got cancelled and you won't ...?": the
                parts = [p for p in parts if p != sentence.rstrip("?")][:-1]  # statement part
            for part in parts:
                raw = mirroring.resolve_them(mirroring.resolve_pronoun(part, sentence), before)
                raw = _SUBORDINATE.sub("", raw, count=1)
                first = raw.split(" ", 1)[0].lower().strip(",")
                if lang.is_risky(raw) or first in lex.IMPERATIVE or first in lex.QUESTION_START:
                    continue
                if _JUST_TELLING.match(raw):
                    continue
                concrete = _CONCRETE.search(raw) or lex.ANY_KIND.search(raw)
                if not (concrete or mirroring.NOUN_THEN_VERB.match(raw)):
                    continue
                clause = lang.soften(lang.swap_person(lang.lower_shouting(raw, acronyms)))
                clause = mirroring.unblame(clause)
                if not clause:
                    continue
                clause = mirroring.with_subject(lang.mid_sentence(clause, known))
                if clause and not lex.VERBISH.search(clause.split(", ")[0]):
                    clause = mirroring.counted(clause)  # "three outages in two weeks"
                if not clause or not lex.VERBISH.search(clause.split(", ")[0]):
                    continue
                clause = lang.mid_sentence(re.sub(r"\s*\((?![^)]*\d)[^)]*\)", "", clause), known)
                ahead = _FUTURE_SPAN.search(clause) and _FUTURE.search(clause)
                if _ENDS_ON_ROLE.search(clause) or ahead:
                    continue  # "... to another agent." reads as a name's title; "in 10 days"
                if 3 <= lang.count_words(clause) <= 20 and clause not in out:
                    out.append(clause)
            before += " " + sentence
    return out


def ranked(candidates: list[str], specifics: list[str], pattern: re.Pattern[str]) -> list[str]:
    """Clauses matching ``pattern`` or naming a specific, best first (specifics weigh most)."""

    def score(item: tuple[int, str]) -> tuple[int, int]:
        position, clause = item
        low = clause.lower()
        points = min(6, 3 * sum(1 for s in specifics if s and s in low))
        points += 5 if pattern.search(clause) else 0
        points += 1 if re.search(r"\d", clause) else 0
        points -= 2 if lex.REPEAT_COUNT.search(clause) and lang.count_words(clause) < 5 else 0
        points -= 4 if pattern is lex.FAILURE and _REQUEST.match(clause) else 0
        points -= 3 if _REFUSAL.search(clause) else 0
        points -= 1 if lang.count_words(clause) > 14 else 0
        points -= 2 if pattern is lex.FAILURE and _LOSS.search(clause) else 0
        return (-points, position)

    ordered = [c for _, c in sorted(enumerate(candidates), key=score)]
    if pattern is lex.FAILURE:  # "you need X by tonight" is a deadline, not what went wrong
        ordered = [
            c
            for c in ordered
            if not (_REQUEST.match(c) or _PERSON_SUBJECT.match(c) or _NOT_AN_ISSUE.search(c))
        ]
    if pattern is lex.FAILURE:  # only what went wrong can follow "I'm sorry"
        return [c for c in ordered if pattern.search(c)]
    return [c for c in ordered if pattern.search(c) or any(s and s in c.lower() for s in specifics)]


def happened_to_them(candidates: list[str]) -> str:
    """With no failure clause: the first thing that happened to them ("we moved your seat"),
    never their own doing ("you applied for ...") nor a deadline ("your payroll is tomorrow")."""
    for clause in candidates:
        if (
            re.match(r"(?:we|we've|our|the|they|they've)\b", clause, re.I)
            and lang.count_words(clause) >= 5
            and (lex.ANY_KIND.search(clause) or re.search(r"\d", clause))
            and not lex.IMPACT.search(clause)
            and not _NOT_AN_ISSUE.search(clause)
            and not _REQUEST.match(clause)
        ):
            return clause
    return ""


def distinct(clauses: list[str]) -> list[str]:
    """Drop clauses that mostly repeat an earlier one (a sentence and its own parts)."""
    kept: list[str] = []
    for clause in clauses:
        words = set(lang.word_list(clause))
        if all(len(words & set(lang.word_list(k))) * 2 < len(words) for k in kept):
            kept.append(clause)
    return kept


def kind_of(issues: list[str], everything: str) -> str:
    """The kind of problem: decided by the issue clauses when they name one, else by all text."""
    for text in (*issues[:3], "" if issues else everything):
        counts = [(len(lex.KIND_RE[k].findall(text)), -i, k) for i, (k, _) in enumerate(lex.KINDS)]
        best = max(counts)
        if best[0]:
            return best[2]
    return "general"


def names_the_kind(kind: str, topic: str) -> bool:
    """Whether ``topic`` is a thing of this kind ("the export" for data), not a bystander."""
    pattern = lex.KIND_RE.get(kind)
    return bool(pattern and pattern.search(topic))


def topic_of(kind: str, issue: str, others: list[str]) -> str:
    """The noun phrase the problem is about ("the export", "your card terminals"), else "this"."""
    pattern = lex.KIND_RE.get(kind)
    phrases = _noun_phrases(issue)
    rest = [p for text in others for p in _noun_phrases(text)]
    if pattern:
        for phrase in [*phrases, *rest]:
            if pattern.search(phrase):
                return phrase
        bare = pattern.search(issue)  # "you still have no internet" -> "your internet"
        if bare and bare.group(0).lower() in mirroring.BARE_NOUNS:
            return f"your {bare.group(0).lower()}"
    return phrases[0] if phrases else "this"  # never a bystander from another clause


def repeat_of(texts: list[str], signal_ids: list[str]) -> str:
    """ "third" (an ordinal the customer used), "again" (they came back), or ""."""
    everything = " ".join(texts)
    count = lex.REPEAT_COUNT.search(everything)
    if signal_ids:
        if "repeated-contact" not in signal_ids:
            return ""
        return count.group(1).lower() if count else "again"
    if count:
        return count.group(1).lower()
    return "again" if lex.REPEAT.search(everything) else ""


def _noun_phrases(text: str) -> list[str]:
    found: list[str] = []
    for match in re.finditer(
        rf"\b({lex.DET})\s+([A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}})", text, re.I
    ):
        words: list[str] = []
        for word in match.group(2).split():
            low = word.lower()
            if (
                low in lex.STOP
                or low in lang.PROFANITY
                or (low.endswith("ed") and len(low) > 4)
                or not word.replace("-", "").isalpha()
            ):
                break
            words.append(word)
        if words and words[-1].lower() in _ADJECTIVES:
            continue  # "your last" (2 orders): no thing named
        while len(words) > 1 and words[-1].lower() in lex.FAULT_NOUNS:
            words.pop()  # "the sync outage" -> "the sync": the thing, not its fault
        if not words or words[-1].lower() in lex.PEOPLE | lex.VAGUE_NOUNS:
            continue
        det = match.group(1).lower()
        det = {"our": "the", "this": "the", "my": "your"}.get(det, det)
        found.append(f"{det} {' '.join(words)}")
    return found
