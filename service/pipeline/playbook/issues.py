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

_DET = r"(?:the|your|our|this|my)"
_KINDS: tuple[tuple[str, str], ...] = (
    (
        "billing",
        r"charg\w*|bill\w*|invoices?|payments?|paid|refund\w*|subscriptions?|"
        r"overcharg\w*|prices?|fees?|renewal|quote|credit|seats",
    ),
    (
        "delivery",
        r"orders?|packages?|parcels?|deliver\w*|ship\w*|arriv\w*|drivers?|tracking|"
        r"couriers?|trucks?|vans?|movers?|flowers|wrong address|went to the wrong",
    ),
    (
        "access",
        r"log ?ins?|logging in|passwords?|locked out|sign ?in|signing in|access|"
        r"verification|2fa",
    ),
    ("travel", r"flights?|bookings?|reservations?|gate|airport|luggage|bags?|hotel|room"),
    (
        "data",
        r"exports?|imports?|uploads?|downloads?|sync\w*|backups?|reports?|files?|"
        r"migrat\w*|integrat\w*|csv",
    ),
    (
        "service",
        r"down|outage|503|500|servers?|service|site|website|platform|network|"
        r"terminals?|internet|wi-?fi|connection|portal|throttled|data plan",
    ),
    (
        "product",
        r"damaged|split|cracked|defective|faulty|mold|dirty|wrong (?:item|size|colou?r)|"
        r"broke|broken|torn|ripped|leak\w*|heating|zipper|missing (?:items?|parts?|stuff)",
    ),
    (
        "app",
        r"app|crash\w*|errors?|bugs?|froze|freez\w*|screen|update|page|load\w*|spinner|"
        r"alerts?|reminders?|notifications?",
    ),
)
_KIND_RE = {kind: re.compile(rf"\b(?:{words})\b", re.I) for kind, words in _KINDS}
_ANY_KIND = re.compile(rf"\b(?:{'|'.join(words for _, words in _KINDS)})\b", re.I)
FAILURE = re.compile(
    r"\b(?:fail\w*|died|dies|crash\w*|broke\w*|stuck|froze|frozen|freez\w*|errors?|down|"
    r"missing|lost|never|(?:didn't|hasn't|has not|did not) (?:arrive|come)|late|delay\w*|"
    r"charged|double|twice|wrong|incorrect|declined|locked|blocked|can't|cannot|won't|doesn't|"
    r"isn't|not working|stopped|disappeared|deleted|overcharged|damaged|split|cracked|outage|"
    r"timed? ?out|slow|keeps?|again|no longer|higher|no explanation|ignored|nobody|no one|"
    r"no (?:reply|response)|waiting|waited|dead|out since|throttled|mold|spinner|shouted|"
    r"yelled|rude|hung up|vanished|smashed|suspended|rejecting|rejected|blank)\b",
    re.I,
)
IMPACT = re.compile(
    r"\b(?:lost|losing|wasted|missed|ruined|deadline|due|client|meeting|presentation|payroll|"
    r"launch|tomorrow|tonight|this (?:morning|afternoon|evening)|hours?|whole day|all day|"
    r"days|weekend|boss|team|work from home|sale)\b",
    re.I,
)
REPEAT_COUNT = re.compile(
    r"\b(second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+"
    r"(?:time|attempt|email|call|message|request|ticket)s?\b",
    re.I,
)
_REPEAT = re.compile(
    r"(?<!happen )(?<!happens )(?<!never )(?<!ever )\bagain\b|\bhow many times\b|"
    r"\b(?:multiple|several) times\b|\balready (?:told|asked|contacted|called|emailed|reported)\b",
    re.I,
)
# Questions, and clauses that lean on another ("if you don't ...") can't stand alone.
_QUESTION_START = lang.words(
    "is are am do does did can could why what how when where who will would should has have any "
    "anyone if unless whenever although though because since once until while after before as "
    "whether every each"
)
_IMPERATIVE = lang.words(
    "fix give send stop get do make help let tell call refund cancel explain answer sort contact "
    "escalate reply respond listen look transfer put"
)
_STOP = lang.words(
    "is was were are be been has have had keeps keep kept died dies stopped stops failed fails "
    "failing crashed crashes broke froze freezes never still got gets came arrived shows showed "
    "says said went goes won't doesn't didn't isn't wasn't hasn't can't cannot couldn't just will "
    "would did does at on in for to from with of by about after before since during into over "
    "than and but or so because when that which who if we you i they he she it again not no "
    "yesterday today now anymore also there here without within around through across against "
    "between behind under outside inside per via like threw took sent went came gave made got put "
    "told kept brought bought sold left lost broke says shows crash crashes crashed fail fails "
    "freeze stop every each always the a an that my your our this off up out down"
)
_PEOPLE = lang.words(
    "rep representative agent guy person team staff driver people someone support manager "
    "technician engineer courier colleague department company business firm landlord son daughter "
    "wife husband kids family boss"
)
_VAGUE_NOUNS = lang.words(
    "way time same end moment rest beginning past world lot one thing morning afternoon evening "
    "night day week month year weekend today mind"
)
_PERSON_SUBJECT = re.compile(
    rf"^{_DET}\s+(?:\w+\s+)?(?:landlord|boss|neighbou?r|colleague)\b",
    re.I,
)
_LOSS = re.compile(r"\b(?:lost|losing|wasted|missed)\b", re.I)  # what it cost, not what broke
_REQUEST = re.compile(r"^(?:you|we) (?:need|want|would like|'d like|have to|must)\b", re.I)
_REFUSAL = re.compile(r"\b(?:can't|cannot|unable|not allowed|not possible|isn't available)\b", re.I)
_NO_SUBJECT = re.compile(
    r"^(?:still\s+)?(?:waiting|getting|trying|being|stuck|locked|stranded)\b", re.I
)
_NEEDS_WE = re.compile(
    r"^(?:charged|billed|sent|took|cancelled|canceled|deducted|delivered|shipped)\b", re.I
)
# Loyalty ("a customer for 8 years") and hypotheticals ("would be applied") aren't the problem.
_NOT_AN_ISSUE = re.compile(
    r"\b(?:customer|member|subscriber|client|banking with \w+|been with \w+)\b.*\b(?:for|since)\b|"
    r"\b(?:would|could|should|might)\b",
    re.I,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can't|won't|don't|doesn't|didn't|"
    r"isn't|wasn't|aren't|hasn't|haven't|keeps?|says?|said|shows?|went|came|took|threw|got|"
    r"left|lost|broke|never|bought|paid|sent|made|gave|told|put|kept|brought|sold|spent|ran|"
    r"fell|stole|wrote|stuck|crash\w*|fail\w*|freez\w*|stops?|breaks?|loads?|works?|happens?|"
    r"drops?|keeps?|arrives?|disappears?|charges?|\w+ed|\w+n't)\b",
    re.I,
)
_NEEDS_YOU = re.compile(r"^(?:need|needed|want|have|got|paid|ordered|bought)\b", re.I)
_BARE_NOUNS = lang.words(
    "app site website export order package page account invoice payment login delivery checkout "
    "internet wifi service portal report upload download sync"
)


def candidate_clauses(
    texts: list[str], acronyms: frozenset[str], known: frozenset[str]
) -> list[str]:
    """Usable clauses from customer messages (newest first), turned to our point of view."""
    out: list[str] = []
    for text in reversed(texts):
        for sentence in lang.sentences_of(lang.tidy(text)):
            if sentence.endswith("?"):
                continue
            for raw in lang.clauses_of(sentence):
                first = raw.split(" ", 1)[0].lower().strip(",")
                if lang.is_risky(raw) or first in _IMPERATIVE or first in _QUESTION_START:
                    continue
                if not re.search(rf"\b{_DET}\s+\w|\d", raw, re.I) and not _ANY_KIND.search(raw):
                    continue
                clause = lang.soften(lang.swap_person(lang.lower_shouting(raw, acronyms)))
                if _NO_SUBJECT.match(clause):
                    clause = "you're " + clause[:1].lower() + clause[1:]
                elif _NEEDS_YOU.match(clause):
                    clause = "you " + clause[:1].lower() + clause[1:]
                elif _NEEDS_WE.match(clause):
                    clause = "we " + clause[:1].lower() + clause[1:]
                if not _VERBISH.search(clause):
                    continue
                if clause.split(" ", 1)[0].lower() in _BARE_NOUNS:
                    clause = "the " + clause[:1].lower() + clause[1:]
                clause = lang.mid_sentence(clause, known)
                if 3 <= lang.count_words(clause) <= 20 and clause not in out:
                    out.append(clause)
    return out


def ranked(candidates: list[str], specifics: list[str], pattern: re.Pattern[str]) -> list[str]:
    """Clauses matching ``pattern`` or naming a specific, best first (specifics weigh most)."""

    def score(item: tuple[int, str]) -> tuple[int, int]:
        position, clause = item
        low = clause.lower()
        points = min(6, 3 * sum(1 for s in specifics if s and s in low))
        points += 5 if pattern.search(clause) else 0
        points += 1 if re.search(r"\d", clause) else 0
        points -= 2 if REPEAT_COUNT.search(clause) and lang.count_words(clause) < 5 else 0
        points -= 4 if pattern is FAILURE and _REQUEST.match(clause) else 0
        points -= 3 if _REFUSAL.search(clause) else 0
        points -= 1 if lang.count_words(clause) > 14 else 0
        points -= 2 if pattern is FAILURE and _LOSS.search(clause) else 0
        return (-points, position)

    ordered = [c for _, c in sorted(enumerate(candidates), key=score)]
    if pattern is FAILURE:  # "you need X by tonight" is a deadline, not what went wrong
        ordered = [
            c
            for c in ordered
            if not (_REQUEST.match(c) or _PERSON_SUBJECT.match(c) or _NOT_AN_ISSUE.search(c))
        ]
    return [c for c in ordered if pattern.search(c) or any(s and s in c.lower() for s in specifics)]


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
        counts = [(len(_KIND_RE[k].findall(text)), -i, k) for i, (k, _) in enumerate(_KINDS)]
        best = max(counts)
        if best[0]:
            return best[2]
    return "general"


def topic_of(kind: str, issue: str, others: list[str]) -> str:
    """The noun phrase the problem is about ("the export", "your card terminals"), else "this"."""
    pattern = _KIND_RE.get(kind)
    phrases = _noun_phrases(issue)
    rest = [p for text in others for p in _noun_phrases(text)]
    if pattern:
        for phrase in [*phrases, *rest]:
            if pattern.search(phrase):
                return phrase
    return phrases[0] if phrases else (rest[0] if rest else "this")


def repeat_of(texts: list[str], signal_ids: list[str]) -> str:
    """ "third" (an ordinal the customer used), "again" (they came back), or ""."""
    everything = " ".join(texts)
    count = REPEAT_COUNT.search(everything)
    if signal_ids:
        if "repeated-contact" not in signal_ids:
            return ""
        return count.group(1).lower() if count else "again"
    if count:
        return count.group(1).lower()
    return "again" if _REPEAT.search(everything) else ""


def _noun_phrases(text: str) -> list[str]:
    found: list[str] = []
    for match in re.finditer(
        rf"\b({_DET})\s+([A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}})", text, re.I
    ):
        words: list[str] = []
        for word in match.group(2).split():
            low = word.lower()
            if (
                low in _STOP
                or low in lang.PROFANITY
                or (low.endswith("ed") and len(low) > 4)
                or not word.replace("-", "").isalpha()
            ):
                break
            words.append(word)
        if not words or words[-1].lower() in _PEOPLE | _VAGUE_NOUNS:
            continue
        det = match.group(1).lower()
        det = {"our": "the", "this": "the", "my": "your"}.get(det, det)
        found.append(f"{det} {' '.join(words)}")
    return found
