"""`time-frame`: every commitment to do something later carries a concrete time frame.

Rule (contract, "Check ids" and "Commitments"): a promise to act later ("I'll send", "we will
call", "I'm going to check", "our team will reach out", "you'll hear from us", "expect an update",
"your refund will be processed") must name, in the same sentence, a clock time ("by 2:30 PM", "at
14:00"), a day or date ("by Friday", "on 12 March", "tomorrow by noon", "today by 5 PM", "by end of
day"), a duration ("within 15 minutes", "in 2 business days") or "now" for immediate actions
("right now", "before we hang up"). "soon", "shortly", "ASAP", "as soon as possible", "in due
course", "at some point", "later", "eventually", "in a bit", "when I can" are not time frames.

Not commitments: offers ("I'll be happy to help"), "I can't wait to help", capability ("you'll be
able to"), "it will take", work done now ("I'm checking now"), and promises that wait on the
customer ("if you send me the order number, I'll check it"). Times inside URLs or quoted customer
text do not count, and neither does a time in another sentence.

Source: seed 000 "Calm the Storm" -- "Buying Time Without Losing Credibility" ("avoid vague delays.
State duration, activity, and the exact signal to expect ... If I haven't replied by 2:30, I'll
call you"), "Escalation Without Abdication" ("Promise specific timeframes and a callback plan") and
"Service Outage Recovery" ("publishing a post-incident report by noon").
"""

from __future__ import annotations

import re

from service.pipeline.checks.apology_action import agent_actions
from service.pipeline.checks.base import CheckContext, Windows, failed, passed
from service.pipeline.text import (
    ACTION_VERBS,
    COMMUNICATION_WORDS,
    Analysis,
    Triggered,
    analyze,
    quote,
)
from service.schemas import CheckResult, Commitment

CHECK_ID = "time-frame"

_N = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty(?:-five)?|forty five|fifty|sixty|ninety|half\s+an)"
)
_FEW = r"(?:a\s+)?(?:few|couple(?:\s+of)?)"
_UNIT = (
    r"(?:(?:business|working|calendar)\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
)
_DURATION = (
    rf"(?:{_N}(?:\s*(?:-|–|to|or)\s*{_N})?\s*-?\s*{_UNIT}"
    rf"|{_FEW}\s+(?:seconds?|minutes?|mins?|hours?)"
    rf"|(?:a\s+)?couple(?:\s+of)?\s+(?:(?:business|working)\s+)?days?)"
)
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "by 5" / "at 3" are times, "by 5 days" / "at 3 locations" / "at 1 800 555" are not.
_NOT_A_COUNT = (
    r"(?![\d:,%]|\.\d|\s*(?:%|percent|\d|(?:business\s+|working\s+)?(?:seconds?|minutes?|mins?"
    r"|hours?|hrs?|days?|weeks?|months?|years?|items?|orders?|times?|people|customers?|of|x|units?"
    r"|pieces?|euros?|dollars?|pounds?|[kmg]b|km|miles?|locations?|stores?|accounts?)\b))"
)
_CLOCK = (
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap](?:\.m\.?|m)(?![a-z]))?(?![\d:])"
    r"|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*(?:[ap](?:\.m\.?|m)(?![a-z])|o['’]clock)"
    rf"|(?:(?<=by\s)|(?<=at\s)|(?<=after\s)|(?<=before\s))(?:1[0-2]|0?[1-9]){_NOT_A_COUNT}"
    r"|noon|midday|midnight|(?<=by\s)lunch(?:time)?|(?<=before\s)lunch(?:time)?"
)
_NUMBER_WORDS = (
    "# a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty ninety half few couple"
)
_MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
_DAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday"
_END = r"(?!\w)"
# (first words, pattern): each tried only where one of its first words occurs.
_TIME_PATTERNS: dict[str, tuple[str, str]] = {
    "within": (
        "within in inside under over no less",
        rf"(?:(?:with)?in|inside(?:\s+of)?|under|(?:with)?in\s+(?:the\s+)?next|over\s+the\s+next"
        rf"|no\s+later\s+than|less\s+than)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+"
        rf"|another\s+|the\s+next\s+)?{_DURATION}{_END}"
        rf"|within\s+(?:the|an?|one)\s+(?:next\s+)?(?:hour|day|business\s+day|working\s+day){_END}",
    ),
    "from_now": (_NUMBER_WORDS, rf"{_DURATION}\s+(?:from\s+now|total|tops|max|at\s+most){_END}"),
    "every": ("every hourly", rf"every\s+(?:{_DURATION}|{_UNIT}){_END}|hourly{_END}"),
    "about": (
        "takes take taking about around roughly approximately",
        rf"(?:takes?|taking|about|around|roughly|approximately)\s+{_DURATION}{_END}",
    ),
    "next": ("next", rf"next\s+(?:business\s+|working\s+)?(?:day|week|{_DAY}){_END}"),
    "end_of_day": (
        "by before at until till around after from end eod cob close",
        r"(?:(?:by|before|at|until|till|around|after|from)\s+(?:the\s+)?)?end\s+of\s+"
        r"(?:the\s+|my\s+|your\s+)?(?:business\s+)?(?:day|shift|week|month)(?!\w)"
        r"|(?:eod|cob|close\s+of\s+business)(?!\w)",
    ),
    "clock": ("# noon midday midnight lunch lunchtime", rf"(?:{_CLOCK}){_END}"),
    "days_thing": (
        "by before after until during at for",
        r"(?:by|before|after|until|during|at|for)\s+(?:today|tomorrow|tonight)['’]s\s+\w+",
    ),
    "day": (
        f"today tomorrow tonight this {_DAY_WORDS}",
        rf"(?:today|tomorrow|tonight)(?![\w'’])|this\s+(?:morning|afternoon|evening|week){_END}"
        rf"|{_DAY}{_END}",
    ),
    "date": (
        f"# the {_MONTH_WORDS}",
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|the\s+\d{{1,2}}(?:st|nd|rd|th)"
        rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}}){_END}",
    ),
    "now": (
        "now right straight immediately at before while during",
        r"(?:(?:right\s+)?now(?!\s+that)|right\s+away|straight\s+away|immediately|at\s+once"
        r"|before\s+(?:we|you)\s+(?:hang\s+up|end\s+(?:the|this|our)\s+(?:call|chat)|go|leave"
        r"|disconnect|wrap\s+up)"
        r"|while\s+(?:you|we)(?:['’]re|\s+are)\s+(?:still\s+)?"
        r"(?:on\s+the\s+(?:line|phone|call)|here)"
        r"|during\s+(?:this|our)\s+(?:call|chat))(?!\w)",
    ),
}
_TIME = Triggered()
for _name, (_first, _rx) in _TIME_PATTERNS.items():
    _TIME.add(_name, _first, _rx)
# Times that describe the past, not a promise: "since Monday", "from 09:12 to 10:05", "2 days ago".
_PAST_BEFORE = frozenset({"since", "from", "last", "past"})
_RANGE_TO = frozenset({"to", "-", "–", "until", "till"})
_PAST_AFTER = re.compile(r"\s*(?:ago|yesterday|earlier|already|last\s+\w+)\b", re.IGNORECASE)
_NOT_NOW = frozenset({"for", "by", "until", "till", "to", "just", "than"})
_VAGUE = Triggered().add(
    "vague",
    "soon shortly asap a quickly promptly in at eventually sometime as before when whenever once "
    "later within over",
    r"(?:soon|shortly|asap|a\.s\.a\.p|quickly|promptly|in\s+due\s+course|at\s+some\s+point"
    r"|eventually|sometime|before\s+long|in\s+the\s+near\s+future|when\s+possible"
    r"|at\s+the\s+earliest|in\s+a\s+(?:bit|while|moment|little\s+while)"
    r"|as\s+soon\s+as\s+(?:possible|(?:I|we|they)\s+\w+|it['’]?s?\s+\w+|(?:the|our)\s+\w+)"
    r"|as\s+(?:quickly|fast)\s+as\s+(?:possible|I\s+can|we\s+can)"
    r"|in\s+the\s+coming\s+(?:days|weeks)"
    r"|(?:in|within|over)\s+(?:the\s+next\s+)?(?:a\s+)?few\s+(?:days|weeks|months)"
    r"|when(?:ever)?\s+(?:I|we)\s+(?:can|get\s+a\s+chance|hear|know|have)"
    r"|once\s+(?:I|we)\s+(?:hear|know|get|have)"
    r"|once\s+(?!you\b)(?:the\s+)?[a-z]+\s+(?:(?:has|have|is|are)(?:\s+[a-z]+ed)?|confirms?"
    r"|pass(?:es)?|finish(?:es)?|comes?\s+back)"
    r"|later(?!\s+(?:today|tonight|this|tomorrow|on\s+today)))\b",
)
# Promises phrased without "I'll ...": "you'll hear from us", "expect an update", "will be sent".
_OTHER_COMMITMENTS = Triggered().add(
    "other",
    "you expect who and let will *'ll",
    r"\byou(?:['’]ll|\s+will)\s+(?:\w+\s+)?(?:hear|receive|get|have|see)\s+(?:back|from\s+(?:me|us)"
    r"|(?:\w+\s+){0,2}?(?:update|call|e-?mail|reply|response|message|confirmation|text|callback"
    r"|answer|news|link|tracking|label|refund|replacement|invoice|credit)s?\b)"
    r"|\bexpect\s+(?:an?|the|my|our)\s+(?:\w+\s+)?(?:update|call|e-?mail|reply|response|callback"
    r"|answer|message|confirmation)\b"
    r"|(?:(?<!you\s)will|(?!you['’])\w+['’]ll)\s+be\s+(?:\w+ly\s+)?(?P<passive>[a-z-]+ed|sent"
    r"|re-?sent|done)\b"
    r"|\bwho(?:['’]ll|\s+will)\s+(?P<who>[a-z-]+(?:\s+[a-z-]+){0,2})"
    r"|\band\s+(?:then\s+)?(?:will|shall)\s+(?P<coord>[a-z-]+(?:\s+[a-z-]+){0,2})"
    r"|\blet\s+me\b[^.?!]{0,80}?\band\s+(?:then\s+)?(?:get\s+back|circle\s+back|come\s+back"
    r"|let\s+you\s+know|update\s+you|follow\s+up|report\s+back|be\s+in\s+touch|keep\s+you"
    r"|call\s+you|e-?mail\s+you)\b",
)
# Promises that wait on the customer or on an event need no time frame (a vague one still fails):
# "if you send me the order number, I'll check it", "If it happens again, we'll replace it".
_CONDITIONAL = re.compile(
    r"\b(?:if|when|once|whenever|as\s+soon\s+as|after|in\s+case|should)\s+you\b"
    r"|\bif\s+(?:needed|that\s+helps|you['’]d)|^\W*(?:if|should|unless|in\s+case|whenever)\b",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(_N + r"\b", re.IGNORECASE)
_NOT_LATER = frozenset({"stay", "staying", "walk", "walking"})  # done with the customer, now
_CLAUSE_BREAK = re.compile(r"[;—–]|[,:](?!\d)|\s-\s")
_LEAD = frozenset({"at", "by", "on", "before", "until", "till", "around"})
_MERGE_GAP = re.compile(r"[\s,]*(?:at|by|on|before|around|latest|the|and)?[\s,]*$", re.IGNORECASE)
_COMMUNICATION = COMMUNICATION_WORDS | {
    "call", "email", "update", "text", "message", "ping", "notify", "contact", "reach", "follow",
    "confirm", "share", "send", "keep", "ring",
}
_RESOLUTION_STEMS = (
    "fix", "resolv", "refund", "replac", "ship", "reship", "re-ship", "credit", "restor", "repair",
    "process", "issu", "revers", "reinstat", "deploy", "patch", "rebuil", "reimburs", "deliver",
)


def check(draft: str, ctx: CheckContext) -> CheckResult:
    a = analyze(draft)
    spans: list[tuple[int, int]] = []
    messages: list[str] = []
    hints: list[str] = []
    frames = _time_frames(a)
    vague_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for _, m in _VAGUE.scan(a):
        vague = vague_by_sentence.setdefault(a.sentence_index(m.start()), [])
        if not vague or m.start() >= vague[-1][1]:  # "soon" inside "as soon as possible"
            vague.append(m.span())
    for idx, promises in _commitments(a).items():
        if idx in frames:
            continue
        verb = promises[0][1]
        sentence = a.sentences[idx]
        vague = vague_by_sentence.get(idx, [])
        if not vague and _CONDITIONAL.search(a.masked_sentence(idx)):
            continue
        suggestion = _suggest(ctx.windows, verb)
        if vague:
            words = ", ".join(f"'{draft[start:end]}'" for start, end in vague)
            spans += vague
            messages.append(f"Vague time frame {words} in commitment: {quote(sentence.text)}")
            hints.append(f"Replace {words} with a concrete window such as '{suggestion}' "
                         f"(from the request's windows: {_describe(ctx.windows)}).")
        else:
            spans.append(sentence.span)
            messages.append(f"Commitment without a time frame: {quote(sentence.text)}")
            hints.append(f"Add a concrete time frame to {quote(sentence.text)} in the same "
                         f"sentence, such as '{suggestion}' (from the request's windows: "
                         f"{_describe(ctx.windows)}).")
    if not spans:
        return passed(CHECK_ID)
    return failed(CHECK_ID, "; ".join(messages), spans, " ".join(hints))


def find_commitments(draft: str) -> list[Commitment]:
    """Commitments that carry a time frame: the sentence, and each time frame as written.

    Only the time frames in a commitment's own clause are reported ("I'm re-running it now, and
    I'll send it within 30 minutes" -> "within 30 minutes"), else the nearest in its sentence.
    """
    a = analyze(draft)
    frames = _time_frames(a)
    out: list[Commitment] = []
    for idx, promises in _commitments(a).items():  # conditional ones too ("if it stalls, I'll")
        spans = frames.get(idx, [])
        own = [f for f in spans if any(_same_clause(a.masked, p, f[0]) for p, _ in promises)]
        if not own and spans:
            own = [min(spans, key=lambda f: abs(f[0] - promises[0][0]))]
        out += [Commitment(text=a.sentences[idx].text, window=_window(draft[s:e])) for s, e in own]
    return out


_DURATION_LEAD = re.compile(
    r"^(?:within|in)\s+(?=\d|an?\s|one\b|two\b|three\b|four\b|five\b|six\b|ten\b|fifteen\b"
    r"|twenty|thirty|forty|sixty|half\b)",
    re.I,
)


def _window(phrase: str) -> str:
    """The window as the contract reports it: "within 20 minutes" -> "20 minutes";
    deadlines keep their preposition ("by 2:30 PM", "tomorrow by noon")."""
    return _DURATION_LEAD.sub("", phrase)


def _same_clause(masked: str, i: int, j: int) -> bool:
    return _CLAUSE_BREAK.search(masked, min(i, j), max(i, j)) is None


def _commitments(a: Analysis) -> dict[int, list[tuple[int, str]]]:
    """Sentence index -> (offset, verb) of each commitment in it, in draft order."""
    found: dict[int, list[tuple[int, str]]] = {}
    for act in agent_actions(a.text):
        if act.future and not act.offer and act.verb not in _NOT_LATER:
            found.setdefault(a.sentence_index(act.start), []).append((act.start, act.verb))
    for _, m in _OTHER_COMMITMENTS.scan(a):
        verb = "update"
        if words := m.group("passive") or m.group("who") or m.group("coord"):
            verbs = [w for w in words.lower().split() if w in ACTION_VERBS or w in _COMMUNICATION]
            if not verbs:
                continue
            verb = verbs[0]
        found.setdefault(a.sentence_index(m.start()), []).append((m.start(), verb))
    return {idx: sorted(found[idx]) for idx in sorted(found) if idx >= 0}


def _time_frames(a: Analysis) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> concrete time-frame phrases in it, adjacent ones merged ("tomorrow by
    noon"); times about the past ("since Monday", "from 09:12 to 10:05") left out."""
    masked = a.masked
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for _, m in _TIME.scan(a):
        idx = a.sentence_index(m.start())
        if idx < 0 or m.end() > a.sentences[idx].end:
            continue
        before = masked[max(a.sentences[idx].start, m.start() - 40) : m.start()]
        prev = before.lower().split()[-4:]
        last = prev[-1] if prev else ""
        if last in _PAST_BEFORE or (last in _RANGE_TO and "from" in prev[:-1]):
            continue  # "since Monday", "from 09:12 to 10:05"
        if _PAST_AFTER.match(masked, m.end()):
            continue  # "2 days ago", "at 11:42 yesterday"
        if last in _NOT_NOW and m.group().lower() in ("now", "right now"):
            continue  # "for now", "by now"
        start = m.start()
        if last in _LEAD or prev[-3:] == ["no", "later", "than"]:  # "at 10:45", not "10:45"
            lead = last if last in _LEAD else "no later than"
            start = m.start() - len(before) + before.lower().rfind(lead)
        spans = by_sentence.setdefault(idx, [])
        if spans and (start <= spans[-1][1] or _MERGE_GAP.fullmatch(masked, spans[-1][1], start)):
            spans[-1] = (spans[-1][0], max(spans[-1][1], m.end()))
        else:
            spans.append((start, m.end()))
    return by_sentence


def _suggest(windows: Windows, verb: str) -> str:
    """'within 30 minutes' for "30 minutes"; a window already phrased ("by 5 PM") is kept."""
    fixing = verb.startswith(_RESOLUTION_STEMS)  # the fix itself; anything else reports back
    window = windows.resolution if fixing else windows.first_update
    return f"within {window}" if _NUMBER_START.match(window) else window


def _describe(windows: Windows) -> str:
    return f"first update {windows.first_update}, resolution {windows.resolution}"
