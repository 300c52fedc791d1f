"""Word lists and a light stemmer for `no-internal-leak` (see internal_leak.py).

Kept apart so the check module stays readable. Nothing here reads a request.
"""

from __future__ import annotations

from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: never evidence of anything.
STOPWORDS = _words(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each either else even ever every few for from further had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
    himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
    me more most much must mustn't my myself neither no nor not now of off on once only or other
    others our ours ourselves out over own per same shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those though through to too under until up
    upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's whether which while who who's whom why why's will with won't would wouldn't
    yet you you'd you'll you're you've your yours yourself yourselves dont cant wont im ive
    one two three four five six seven eight nine ten
    """
)

# Words every support reply uses: sharing one with a note says nothing about the note.
GENERIC = _words(
    """
    customer customers client clients account accounts user users email emails e-mail phone
    phones call calls calling called chat chats message messages reply replies replied replying
    respond response team teams agent agents support help helped helping issue issues problem
    problems question questions ticket tickets case cases order orders request requests today
    tomorrow yesterday week weeks month months year years day days time times hour hours minute
    minutes morning afternoon evening night tonight last next first second new old thing things
    way ways kind sort lot bit update updates updated info information detail details know knows
    knew think thinks thought want wants wanted need needs needed get gets got make makes made
    take takes took give gives gave go goes went going come comes came see sees saw seen look
    looks looked looking say says said tell tells told ask asks asked like likes liked prefer
    prefers preferred please thanks thank sorry apologize apologise apology happy glad sure right
    well good great okay ok yes also really still already again back keep keeps kept let try
    tried trying use used using work works worked working fix fixes fixed fixing open opened
    close closed current currently soon later asap match matches matched window windows note
    notes noted internal internally mention mentions mentioned review reviews reviewed reviewing
    check checks checked checking sorted resolve resolved escalate escalated escalation status
    said contact contacted touch update share shared send sent able unable possible soon spoke
    speak speaking talk talked wait waiting hear heard now side end part anything something
    nothing everything someone anyone everyone currently available option options
    """
)

# Labels that reveal an internal judgement or private circumstance even when they appear alone.
SENSITIVE = _words(
    """
    abuse abusive abuser fraud fraudulent fraudster scam scammer churn vip blacklist blacklisted
    banned suspicious chargeback lawsuit lawyer attorney litigation hospital hospitalised
    hospitalized illness sick cancer pregnant pregnancy died death funeral divorce bankrupt
    bankruptcy arrested police harassment harassing threatening threatened troublemaker
    """
)

# All-caps words too common to be a secret (formats, units, time zones).
COMMON_ACRONYMS = _words(
    """
    CSV PDF API URL FAQ ID OK UTC GMT PM AM US UK EU USD EUR GBP SMS FYI ETA TV PC IT HR
    BST CET EST PST ET PT DM SSO VPN APP IOS IP QA UI UX ASAP PS TBC TBD
    """
)

# Internal process named in a draft, with or without notes: (first words, pattern tried at them).
PROCESS_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "our my the a an your",
        r"(?:our|my|the|an?|your)\s+(?:internal|account|case|ticket|private|staff|agent)\s+notes?\b"
        r"|(?:our|my|the)\s+notes\s+(?:say|says|show|shows|indicate|mention|state|suggest)\b",
    ),
    (
        "according per based from in",
        r"(?:according\s+to|per|based\s+on|from|in)\s+(?:our|my|the)\s+(?:internal\s+)?notes\b",
    ),
    (
        "i",
        r"I\s+(?:can\s+)?(?:see|saw|found|have|noticed)\s+(?:a|an|the)\s+(?:\w+\s+)?notes?\s+"
        r"(?:on|in|from|that|saying|which)\b",
    ),
    ("there", r"there(?:['’]s|\s+is|\s+was)\s+(?:a|an)\s+(?:\w+\s+)?note\s+(?:on|in)\b"),
    (
        "internal",
        r"internal\s+(?:tracker|ticket|system|channel|chat|memo|comments?|discussion|flag"
        r"|label|guidance|instructions?|notes?|records?)\b",
    ),
    (
        "slack jira engineering eng dev bug",
        r"(?:slack|jira)\b|(?:engineering|eng|dev|bug)\s+ticket\b",
    ),
    (
        "finance legal compliance management leadership risk fraud",
        r"(?:finance|legal|compliance|management|leadership|risk|fraud)(?:\s+team)?\s+(?:(?:has|have"
        r"|had)\s+)?(?:told|tells|says|said|is\s+reviewing|are\s+reviewing|reviewed|decided"
        r"|won['’]t|doesn['’]t|does\s+not|will\s+not|allows?|approved|flagged|wants?)\b",
    ),
    (
        "flagged",
        r"flagged\s+(?:as|for)\s+(?:an?\s+)?(?:abus\w*|fraud\w*|suspicious|high[-\s]risk"
        r"|(?:churn|vip|difficult|problem|spam)(?:\s+(?:risk|customer|account))?|risk)",
    ),
    ("churn", r"churn(?:\s+risk)?\b"),
    ("at", r"at[-\s]risk\s+(?:account|customer)"),
    ("problem difficult", r"(?:problem|difficult)\s+customer"),
    ("off between", r"off\s+the\s+record\b|between\s+(?:you\s+and\s+me|us)(?=\s*[,.;:—–-])"),
    (
        "not",
        r"not\s+(?:supposed|meant)\s+to\s+(?:say|tell|mention|share|discuss|go\s+into"
        r"|talk\s+about)|not\s+allowed\s+to\s+(?:mention|go\s+into|talk\s+about)\b",
    ),
)

_SUFFIXES = (
    "ability",
    "ibility",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ingly",
    "edly",
    "ings",
    "ing",
    "ies",
    "ied",
    "able",
    "ible",
    "ive",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light suffix stripper: refunds/refunded/refundable -> refund, flagged -> flag."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if not w.endswith(suffix):
            continue
        rest = len(w) - len(suffix)
        if rest < 3 or (suffix == "ly" and rest < 4) or (suffix == "s" and w.endswith("ss")):
            continue
        w = w[:rest] + ("y" if suffix in ("ies", "ied") else "")
        doubled = len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz"
        if doubled and suffix in ("ing", "ed", "er", "ers"):
            w = w[:-1]  # shipped -> ship, flagged -> flag
        break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC) | STOP_STEMS
SENSITIVE_STEMS = frozenset(stem(w) for w in SENSITIVE)
