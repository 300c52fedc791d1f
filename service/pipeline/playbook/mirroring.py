"""Saying the customer's details back: which ones, and in words that are safe for us to say.

The source documents' mirroring rule ("You mentioned losing two hours because the export failed
at 92%") asks for the customer's own specifics: their numbers, the product, the place, the
person it was for, what it cost them. Three helpers serve it:

- `resolve_pronoun` gives "it" a name when the sentence already has one ("we paid for the plan
  for the Salesforce integration, and it has been broken" -> "the Salesforce integration has been
  broken"), so the issue we say back names the thing that broke rather than the first noun;
- `unblame` turns clauses that read as blame once they are ours ("you missed your flight") into
  what happened to them ("you ended up missing your flight"), and drops the ones it can't;
- `pick_details` chooses, from the usable clauses, the ones carrying the most specifics the draft
  doesn't mention yet (numbers, names, places, days, the people and events it mattered for).
"""

from __future__ import annotations

import re

from service.pipeline.playbook import language as lang
from service.pipeline.playbook import lexicon as lex

_PRONOUN = re.compile(
    r"^(?P<p>it|they)(?P<rest>(?:'s|'re| is| are| was| were| has| have| had| keeps| kept| still"
    r"| never| just| won't| doesn't| don't| didn't| isn't| aren't| wasn't| hasn't| can't)\b.*)",
    re.I,
)
_EXPLETIVE = re.compile(
    r"^(?:it|they)(?:'s| is| has| was)(?: been)? (?:over |almost |nearly |about |already |now )?"
    r"(?:\d|a\b|an\b|one\b|two\b|three\b|four\b|five\b|six\b|ten\b|several\b|weeks\b|days\b|"
    r"hours\b|months\b|ages\b|forever\b|like\b|so\b|too\b|not (?:ok|okay|fair|right)\b|"
    r"ridiculous|unacceptable|impossible|hard|difficult|frustrating|clear|obvious|time\b)",
    re.I,
)
_ANTECEDENT = re.compile(
    r"\b((?:the|my|our|your|this)\s+(?:[A-Za-z][\w'-]*\s+){0,3}?[A-Za-z][\w-]*)"
    r"(?=\s*(?:$|[,.;]|\s(?:and|but|which|that|is|was|has|had|in|on|for|from|since|at|to|with)"
    r"\b))",
    re.I,
)
_BLAME_REWRITES = (
    (re.compile(r"^you (?:explained|said|mentioned|wrote|stated|told us)(?: that)? ", re.I), ""),
    (re.compile(r"\byou (?:were|was) told\b", re.I), "we told you"),
    (re.compile(r"\byou (?:were|was) promised\b", re.I), "we promised you"),
    (re.compile(r"\byou (\w+ly )?missed\b", re.I), r"you \1ended up missing"),
    (re.compile(r"\byou never received\b", re.I), "you never got"),
    (re.compile(r"\byou (?:claimed|redeemed)\b", re.I), "you redeemed"),
)
_STILL_BLAME = re.compile(
    r"\byou (?:were|was) (?:already )?told\b|"
    r"\byou\s+(?:\w+ly\s+)?(?:failed|forgot|neglected|overlooked|ignored|skipped|misread|"
    r"misunderstood|misheard|mistyped|chose|picked|selected|entered|clicked|typed|claim|allege\w*)\b"
    r"|\byou\s+(?:never|didn't|did not)\s+(?!(?:get|got|receive|hear|have|need|ask|want|expect|"
    r"see|know|sign|deserve|mean|do|lose|break)\b)\w+",
    re.I,
)

_NO_SUBJECT = re.compile(
    r"^(?:still\s+)?(?:waiting|getting|trying|being|stuck|locked|stranded)\b", re.I
)

_NEEDS_WE = re.compile(
    r"^(?:charged|billed|sent|took|cancelled|canceled|deducted|delivered|shipped)\b", re.I
)

_NEEDS_YOU = re.compile(
    r"^(?:need|needed|want|have|got|paid|ordered|bought|applied|called|phoned|emailed|waited|"
    r"tried|booked|spent|reported|asked|contacted|requested|lost|wasted)\b",
    re.I,
)

_HAVE_NO = re.compile(
    r"^(?:still )?no (?=(?:internet|signal|service|power|water|heat|heating|wi-?fi|reply|response|"
    r"answer|update|connection|phone line|tv|dial tone)\b)",
    re.I,
)

_SUBJECT_START = re.compile(
    r"^(?:you|you're|you've|you'd|your|we|we're|we've|our|the|this|that|these|those|it|it's|its|"
    r"they|they're|their|there|there's|he|she|his|her|nobody|no|none|nothing|everything|"
    r"someone|somebody|half|all|both|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|fifteen|twenty|\d\S*|(?-i:[A-Z]\w*))\b",
    re.I,
)

BARE_NOUNS = lang.words(
    "app site website export order orders package parcel page account invoice payment login "
    "delivery checkout internet wifi service portal report upload download sync flight booking "
    "reservation bill charges password terminals connection"
)


_WRONG_THING = re.compile(r"^wrong (\w+) (delivered|sent|shipped|charged|booked)\b", re.I)
_INTENSIFIERS = re.compile(
    r"\b(?:fucking|fuckin|freaking|frigging|effing|goddamn|damn|bloody|bullshit|crappy|shitty)\s+"
    r"|\b(?<=you )(?:guys|people|clowns|idiots|morons|muppets|imbeciles|jokers)\s+(?=[a-z])",
    re.I,
)
NOUN_THEN_VERB = re.compile(
    r"^(?!(?:you|we|they|it|i|he|she|this|that|there|the|a|an|my|your|our|no|not|still|just)\b)"
    r"[a-z][a-z-]+(?: [a-z][a-z-]+)? (?:won't|doesn't|isn't|wasn't|didn't|can't|keeps|is|was|has|"
    r"had|never|stopped|broke)\b"
)
_COUNTED = re.compile(
    r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) "
    r"(?:outages|crashes|errors|failures|delays|charges|cancellations|disconnections|drops|"
    r"issues|problems|interruptions|breakdowns|missed deliveries)"
    r"(?: (?:in|over|this|since|within|during|last) [\w ]+)?$",
    re.I,
)


def resolve_pronoun(part: str, sentence: str) -> str:
    """``part`` with a leading "it"/"they" replaced by the thing named earlier in ``sentence``."""
    match = _PRONOUN.match(part)
    at = sentence.find(part)
    if not match or at <= 0 or _EXPLETIVE.match(part):
        return part
    plural = match.group("p").lower() == "they"
    for candidate in reversed(_ANTECEDENT.findall(sentence[:at])):
        head = candidate.split()[-1].lower()
        if head in lex.NOT_A_THING or head in lex.MIRROR_STOP or head.endswith("ly"):
            continue
        if plural != bool(re.search(r"[^su]s$", head)):
            continue
        rest = match.group("rest")
        if rest.startswith("'s") and not plural:
            rest = " is" + rest[2:] if not re.match(r"'s been\b", rest) else " has" + rest[2:]
        return f"{candidate}{rest}"
    return part


def resolve_them(part: str, before: str) -> str:
    """``part`` with "them" replaced by the last plural thing named ``before`` it ("you made them
    yesterday" after "... all my pictures and albums" -> "you made my pictures yesterday")."""
    if not re.search(r"\bthem\b", part):
        return part
    for candidate in reversed(_ANTECEDENT.findall(before)):
        head = candidate.split()[-1].lower()
        if (
            re.search(r"[^su]s$", head)
            and head not in lex.NOT_A_THING
            and head not in lex.MIRROR_STOP
        ):
            return re.sub(r"\bthem\b", candidate, part, count=1)
    return part


def unblame(clause: str) -> str:
    """``clause`` said back without reading as blame, or "" when it can't be."""
    for pattern, repl in _BLAME_REWRITES:
        clause = pattern.sub(repl, clause)
    return "" if _STILL_BLAME.search(clause) else re.sub(r"\s+", " ", clause).strip()


def weights(text: str, specifics: list[str]) -> dict[str, int]:
    """The specific words in ``text`` and how much saying each back is worth."""
    spec_words = {w for s in specifics for w in lang.word_list(s)}
    found: dict[str, int] = {}
    for raw in re.findall(r"[A-Za-z0-9][\w'.:$%-]*", text):
        word = raw.lower().rstrip(".")
        if word in lex.MIRROR_STOP or (len(word) < 2 and not word.isdigit()):
            continue
        if re.search(r"\d", word):
            value = 4
        elif raw[:1].isupper() and raw.lower() not in lex.MIRROR_STOP and not raw.isupper():
            value = 4  # a name: a place, a product, a person

        elif word in lex.NUMBER_WORDS or word in lex.PEOPLE_EVENTS:
            value = 3
        elif word in lex.TIME_WORDS:
            value = 2
        else:
            value = 1
        if word in spec_words:
            value += 2
        found[lang.stem(word)] = max(found.get(lang.stem(word), 0), value)
    return found


def gain(clause: str, covered: set[str], specifics: list[str]) -> int:
    """What saying ``clause`` back adds: the weight of its specific words not yet covered."""
    return sum(v for w, v in weights(clause, specifics).items() if w not in covered)


def covered_stems(*texts: str) -> set[str]:
    return {lang.stem(w) for t in texts for w in lang.word_list(t)}


def pick_details(
    candidates: list[str],
    covered: set[str],
    specifics: list[str],
    limit: int = 2,
    least: int = 3,
) -> list[str]:
    """Up to ``limit`` clauses, most new specifics first, each adding at least ``least``."""
    chosen: list[str] = []
    seen = set(covered)
    words = 0
    pool = [c for c in candidates if "(" not in c and lang.count_words(c) <= 16]
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda c: (gain(c, seen, specifics), -lang.count_words(c)))
        if gain(best, seen, specifics) < least:
            break
        words += lang.count_words(best)
        if chosen and words > 26:  # a mirror line stays one breath long
            break
        chosen.append(best)
        seen |= covered_stems(best)
        pool = [c for c in pool if c != best and not _overlaps(c, chosen)]
    return chosen


def loyalty(texts: list[str]) -> str:
    """ "8 years" or "since 2011" when the customer says how long they've been with us."""
    everything = " ".join(texts)
    since = re.search(
        r"\b(?:customer|member|with you|flown|shopped|loyal)\b[^.?!]{0,40}?\b"
        r"since ((?:19|20)\d\d)\b",
        everything,
        re.I,
    )
    if since:
        status = re.search(
            r"\b(?:a|an) ((?:[a-z]+ ){0,2}(?:member|customer|subscriber|client|flyer))\s+since\s+"
            + since.group(1),
            everything,
            re.I,
        )
        return f"as {status.group(0)}" if status else f"since {since.group(1)}"
    span = re.search(
        r"(?<![\w-])(\d{1,2}|(?:twenty|thirty|forty)(?:-(?:one|two|three|four|five|six|seven|"
        r"eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen)\+? "
        r"(years?)\b",
        everything,
        re.I,
    )
    if span and re.search(
        r"\b(?:customer|member|patronage|loyal|with you|been with|shopp\w*|subscri\w*|banking|"
        r"flown|flying|using)\b",
        everything[max(0, span.start() - 60) : span.end() + 40],
        re.I,
    ):
        return f"{span.group(1)} {span.group(2)}"
    return ""


def with_subject(clause: str) -> str:
    """``clause`` starting with its subject ("charged you twice" -> "we charged you twice"), else
    "" when it has none we can supply ("meanwhile applied for ..." stays out)."""
    low = clause[:1].lower() + clause[1:]
    ours = re.search(r"\b(?:us|our)\b", low)
    if _WRONG_THING.match(clause):  # "wrong size delivered" -> "the wrong size was delivered"
        return _WRONG_THING.sub(r"the wrong \1 was \2", low, count=1)
    if _HAVE_NO.match(clause):
        return "you still have " + _HAVE_NO.sub("no ", low, count=1)
    if _NO_SUBJECT.match(clause):
        return "you're " + low
    if _NEEDS_YOU.match(clause) or (_NEEDS_WE.match(clause) and ours):
        return "you " + low
    if _NEEDS_WE.match(clause):
        return "we " + low
    if clause.split(" ", 1)[0].lower() in BARE_NOUNS or NOUN_THEN_VERB.match(clause):
        return "the " + low  # "return label won't print" -> "the return label won't print"
    first = clause.split(" ", 1)[0]
    if first[:1].isupper() and not first.isupper() and re.search(r"(?:s|ed|ing)$", first):
        return ""  # "Keeps saying ...": a verb that lost its subject, not a name
    return clause if _SUBJECT_START.match(clause) else ""


def defang(text: str) -> str:
    """Customer text without swearing used as emphasis ("you fucking clowns charged me twice" ->
    "you charged me twice"), so the complaint inside can still be said back; insults stay out."""
    return _INTENSIFIERS.sub("", _INTENSIFIERS.sub("", text))


def counted(clause: str) -> str:
    """A count with no verb said as what they've had: "three outages in two weeks" -> "you've had
    three outages in two weeks"; anything else verbless -> ""."""
    first = clause.split(", ")[0]
    return f"you've had {clause[:1].lower()}{clause[1:]}" if _COUNTED.match(first) else ""


def _overlaps(clause: str, chosen: list[str]) -> bool:
    words = set(lang.word_list(clause))
    return any(len(words & set(lang.word_list(c))) * 2 >= len(words) for c in chosen)


def months(count: int) -> str:
    """2 -> "two months", 1 -> "one month" (spelled out, as in "I can credit two months")."""
    spelled = lex.SPELLED[count - 1] if 1 <= count <= len(lex.SPELLED) else str(count)
    return f"{spelled} month" + ("" if count == 1 else "s")
