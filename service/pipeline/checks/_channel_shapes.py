"""The shapes `channel_fit` measures: paragraphs, greetings, sign-offs and screen-only text.

Each finder returns ``(message, span, hint)`` problems; public-reply safety is `_public_reply`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.text import Triggered, analyze, quote

Problem = tuple[str, tuple[int, int], str]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD = re.compile(r"\S+")
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_HANDLE_CHARS = re.compile(r"[\d_@]")
_DEAR = re.compile(r"dear\b", re.IGNORECASE)
_ONE_LINE_CLOSING = re.compile(r"(?i:best\s+regards|kind\s+regards|regards|sincerely),?\s+\S+\s*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]+")
_LIST_LINE = re.compile(r"\s*(?:[-*•‣▪◦]|\d{1,2}[.)])\s+\S")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S[^\n]*", re.MULTILINE)
_TITLES = frozenset(["mr", "mrs", "ms", "mx", "dr", "prof", "miss", "sir", "madam"])
_NOT_NAMES = _wordset(
    "there team all everyone folks friend friends again and the support customer customers "
    "valued sir madam hi hello hey dear user guest unknown anonymous n a"
)
_GREETING = re.compile(
    r"(?:hi|hello|hey|hiya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|morning"
    r"|afternoon)\b[ \t]*(?P<name>(?:(?:mr|mrs|ms|mx|dr|prof)\.[ \t]*)?[^,!.:;?\n—–]{0,60})"
    r"(?P<stop>[,!.:;?—–]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_SALUTATION = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]*,[ \t]*")
_CLOSING = (
    r"(?:(?:with\s+)?(?:best|kind|kindest|warm|warmest|many|all\s+the|with)\s+)?(?:regards|wishes"
    r"|thanks|best|cheers|sincerely|warmly|respectfully|thank\s+you|take\s+care|talk\s+soon"
    r"|speak\s+soon|yours(?:\s+(?:truly|sincerely))?|cordially|gratefully|gratitude)(?:\s+again)?"
)
_CLOSING_LINE = re.compile(
    rf"[—–~-]*[ \t]*(?i:{_CLOSING})[ \t]*[,.!]?[ \t]*(?:[—–-][ \t]*)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})?[ \t]*[.!]?"
)
_LETTER_ONLY = re.compile(
    r"\b(?:regards|sincerely|yours|cordially|respectfully|warmly|(?:best|warm)\s+wishes)\b", re.I
)
_CLOSING_PREFIX = re.compile(rf"(?i:{_CLOSING})[ \t]*[,.!]?[ \t]*")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’]"
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"]*[^\s<>\".,;:!?)\]'’]",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)|`[^`\n]+`")
_MAY_MARK = re.compile(r"[*_`\[]")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55]")
_SCREEN = Triggered().add(
    "screen",
    "click clicking tap see check open read please find attached as shown link links steps "
    "details instructions screenshot screenshots table tables below above scroll in",
    r"(?:click(?:ing)?\s+(?:here|on|the|this)|tap\s+(?:here|the\s+link)|see\s+(?:below|above"
    r"|the\s+(?:link|screenshot|attachment)s?)|(?:see|check|open|read)\s+(?:the\s+)?attached"
    r"|(?:please\s+)?find\s+attached|attached\s+(?:below|here(?:to|with)?|to\s+this\s+(?:e-?mail"
    r"|message))|(?:as\s+)?shown\s+(?:below|above)|(?:link|steps|details|instructions|screenshot"
    r"|table)s?\s+(?:below|above)|(?:below|above)\s+(?:is|are|you(?:['’]ll|\s+will)\s+find)"
    r"|scroll\s+(?:down|up)|in\s+this\s+(?:e-?mail|message|chat|thread|post))\b",
)


@dataclass(frozen=True)
class Names:
    customer_first: str  # "" when the thread gives no usable personal name ("@dana_r", "Guest")
    customer: frozenset[str]  # lowercase name words
    agent_first: str
    agent: frozenset[str]

    @staticmethod
    def of(customer: str, agent: str) -> Names:
        return _names(customer, agent)


@lru_cache(maxsize=256)
def _names(customer: str, agent: str) -> Names:
    c_first, c_parts = _name_parts(customer)
    a_first, a_parts = _name_parts(agent)
    return Names(c_first, c_parts, a_first or agent.strip(), a_parts)


def _name_parts(name: str) -> tuple[str, frozenset[str]]:
    name = name.strip()
    if name.startswith("@") or _HANDLE_CHARS.search(name):
        return "", frozenset()
    words = [w for w in _NAME_TOKEN.findall(name) if w.lower() not in _TITLES]
    words = [w for w in words if w.lower() not in _NOT_NAMES]
    if not words:
        return "", frozenset()
    return words[0], frozenset(w.lower() for w in words)


def count_words(text: str) -> int:
    """Whitespace-separated tokens (a lone dash counts; close enough for length limits)."""
    return len(text.split())


def paragraphs(draft: str) -> list[tuple[int, int]]:
    """Spans of the blocks between blank lines."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(draft):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(draft)))
    return [_trim(draft, s, e) for s, e in spans if not draft[s:e].isspace() and e > s]


def lines(draft: str) -> list[tuple[int, int]]:
    return [_trim(draft, *m.span()) for m in _LINE.finditer(draft) if m.group().strip()]


def is_list_line(text: str) -> bool:
    return _LIST_LINE.match(text) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def headings(draft: str) -> list[Problem]:
    return [
        (
            f"Markdown heading: {quote(m.group(), 50)}",
            m.span(),
            "Remove headings; write plain text.",
        )
        for m in _HEADING.finditer(draft)
    ]


def _name_words(text: str) -> list[str]:
    words = _NAME_TOKEN.findall(text)
    return [w.lower() for w in words if w.lower() not in _TITLES | _NOT_NAMES]


def email_greeting(draft: str, names: Names) -> list[Problem]:
    ls = lines(draft)
    start, end = ls[0]
    first = draft[start:end]
    example = f"Hi {names.customer_first}," if names.customer_first else "Hi there,"
    hint = f"Start the email with a greeting that uses the customer's name: '{example}'."
    m = _GREETING.match(first) or _NAME_SALUTATION.fullmatch(first)
    if m is None:
        return [(f"Email has no greeting: {quote(first, 40)}", (start, end), hint)]
    said = _name_words(m.group("name"))
    if not names.customer or set(said) & names.customer:
        return []
    span = (start, start + m.end())
    if not said:
        return [(f"Email greeting doesn't use the customer's name: {quote(m.group())}", span, hint)]
    wrong = quote(m.group("name").strip())
    return [(f"Email greeting names {wrong}, not {names.customer_first}", span, hint)]


def _is_agent_line(text: str, names: Names) -> bool:
    body = text.strip().lstrip("—–~*-").strip(" \t.!")
    body = _CLOSING_PREFIX.sub("", body, count=1) if _CLOSING_PREFIX.match(body) else body
    words = body.split()
    if not words or len(words) > 6:
        return False
    if not names.agent:
        return True
    return any(w.lower() in names.agent for w in _NAME_TOKEN.findall(body))


def email_signoff(draft: str, names: Names) -> list[Problem]:
    ls = lines(draft)
    agent = names.agent_first
    hint = f"End the email with a sign-off line ('Best regards,') and '{agent}' on the next line."
    if len(ls) > 1 and any(_is_agent_line(draft[s:e], names) for s, e in ls[1:][-3:]):
        return []
    closing = next(
        (
            i
            for i in range(max(1, len(ls) - 3), len(ls))
            if _CLOSING_LINE.fullmatch(draft[slice(*ls[i])])
        ),
        None,
    )
    if closing is None:
        start, end = ls[-1]
        return [(f"Email has no sign-off with the agent's name ({agent})", (start, end), hint)]
    span = (ls[closing][0], ls[-1][1])
    return [(f"Email sign-off {quote(draft[span[0] : span[1]])} doesn't name {agent}", span, hint)]


def letter_opening(draft: str, standalone_salutation: bool, hint: str) -> list[Problem]:
    ls = lines(draft)
    start, end = ls[0]
    first = draft[start:end]
    if _DEAR.match(first):
        m = _GREETING.match(first)
        stop = start + (m.end() if m else len(first))
        return [(f"Letter-style greeting: {quote(draft[start:stop])}", (start, stop), hint)]
    if standalone_salutation and len(ls) > 1:
        m = _GREETING.match(first) or _NAME_SALUTATION.fullmatch(first)
        if m and m.end() == len(first) and first.rstrip().endswith(","):
            return [(f"Greeting block: {quote(first)}", (start, end), hint)]
    return []


def letter_closing(draft: str, names: Names, name_line_counts: bool) -> list[Problem]:
    ls = lines(draft)
    if len(ls) < 2:
        return _closing_one_line(draft, ls[0])
    hint = "Drop the sign-off: end on the next step; the reply already shows who is writing."
    last = draft[slice(*ls[-1])]
    for i in (len(ls) - 2, len(ls) - 1):
        text = draft[slice(*ls[i])]
        m = _CLOSING_LINE.fullmatch(text)
        if (
            m
            and (_LETTER_ONLY.search(text) or text.rstrip().endswith(",") or _agent_named(m, names))
            and (i == len(ls) - 1 or count_words(last) <= 6)
        ):
            span = (ls[i][0], ls[-1][1])
            return [(f"Sign-off block: {quote(draft[span[0] : span[1]])}", span, hint)]
    if name_line_counts and _is_agent_line(last, names) and not _CLOSING_LINE.fullmatch(last):
        return [(f"Sign-off block: {quote(last)}", ls[-1], hint)]
    return []


def _closing_one_line(draft: str, span: tuple[int, int]) -> list[Problem]:
    """A one-line reply ending "... Best regards, Sam": the closing phrase at its very end."""
    m = _ONE_LINE_CLOSING.search(draft)
    if m:
        return [(f"Sign-off block: {quote(m.group())}", (m.start(), span[1]), "Drop the sign-off.")]
    return []


def _agent_named(m: re.Match[str], names: Names) -> bool:
    name = m.group("name")
    return bool(name) and bool(set(_name_words(name)) & names.agent)


def screen_only(draft: str) -> list[Problem]:
    """What a talk track can't say: links, lists, markdown, emoji, "click here"."""
    out: list[Problem] = []
    hint_link = "Say where to find it in words (e.g. 'I'll text you the link now') instead."
    urls = _URL.finditer(draft) if "/" in draft or "www." in draft.lower() else ()
    for m in urls:
        out.append((f"Link in a talk track: {quote(m.group(), 50)}", m.span(), hint_link))
    for start, end in lines(draft):
        if is_list_line(draft[start:end]):
            out.append(
                (
                    f"List line in a talk track: {quote(draft[start:end], 50)}",
                    (start, end),
                    "Turn the list into short spoken sentences ('First, ... Then, ...').",
                )
            )
    marks = _MARKDOWN.finditer(draft) if _MAY_MARK.search(draft) else ()
    for m in marks:
        out.append(
            (
                f"Markdown in a talk track: {quote(m.group(), 50)}",
                m.span(),
                "Remove the formatting; the agent says these words aloud.",
            )
        )
    for m in _EMOJI.finditer(draft):
        out.append(("Emoji in a talk track", m.span(), "Remove emoji; they can't be said."))
    for _, m in _SCREEN.scan(analyze(draft)):
        out.append(
            (
                f"Written-only phrase in a talk track: {quote(m.group())}",
                m.span(),
                f"Replace {quote(m.group())} with what the agent says (e.g. 'I'll email you "
                "the steps now').",
            )
        )
    return out
