"""Small, rule-based English helpers that let the playbook mirror a customer without parroting.

The customer's own words ("The export died at 92% AGAIN") are the best material for a reply,
but they have to be turned around first: first person becomes second ("my report" -> "your
report"), the company becomes "we" ("you charged me" -> "we charged you"), shouting is lowered,
heated verbs are softened ("died" -> "stopped") and filler is dropped. Clauses that would break a
check if repeated (profanity, insults, promises, apologies, questions) are rejected outright.
Variation is deterministic: `pick` hashes a seed, so the same thread always reads the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from service.pipeline.playbook.lexicon import HOSTILE, PROFANITY, RISKY, mapping, words

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"(?<![\w.])[@＠]\w+")
_HASHTAG = re.compile(r"(?<!\w)#(?=[A-Za-z])(?![\w-]*\d)\w+")  # "#fail", never "#A-7731"
_NON_TEXT = re.compile(r"[^\w\s.,;:?!'’%$£€#/&()+-]")


_TEXTSPEAK = mapping(
    "u>you, ur>your, pls>please, dont>don't, cant>can't, wont>won't, didnt>didn't, "
    "doesnt>doesn't, isnt>isn't, hasnt>hasn't"
)
_TEXTSPEAK_WORD = re.compile(rf"\b(?:{'|'.join(_TEXTSPEAK)})\b", re.I)
_FILLER = re.compile(
    r"\b(?:honestly|seriously|literally|totally|completely|freaking|frigging|really|"
    r"actually|basically|whatsoever)\b\s*",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:and|but|so|also|plus|now|then|because|well|ok|okay|oh|like|hi|hello|hey|yes|"
    r"yeah|yep|right|look|listen|um|uh|first|firstly|second|secondly|finally|besides|meanwhile|"
    r"except|great|anyway|in the meantime|you(?=:)|me(?=:)|"
    r"on top of that|and then|no|dear \w+|good (?:morning|afternoon|evening)|fyi|"
    r"just (?:a )?quick note to say|just (?:wanted|writing) to (?:say|let you know)( that)?|"
    r"to whom it may concern|to whoever reads this|\d+[.)])(?:\b|(?<=[.)]))[\s,:]*)+",
    re.I,
)
_SOFTER = mapping(
    "died>stopped, dies>stops, dying>stopping, dead>not working, blew up>failed, "
    "exploded>failed, tanked>failed, bombed>failed"
)
_FUNCTION_WORDS = words(
    "the a an my our your this that these those it its their his her i we you he she they there "
    "here after before when since now today yesterday again still every each"
)
_COMPANY_VERBS = words(
    "are were have had can could did do don't didn't haven't never always still keep kept charged "
    "sent said told promised lost cancelled canceled billed shipped missed broke guys people"
)
_USER_VERBS = words(
    "pause resume open click try log sign tap press use start restart load save type enter scroll "
    "search upload download play watch close go visit select"
)
_SWAPS = mapping(
    "i>you, me>you, my>your, mine>yours, myself>yourself, i'm>you're, i've>you've, i'd>you'd, "
    "im>you're, ive>you've, us>you, our>your, ours>yours, ourselves>yourselves, we're>you're, "
    "we've>you've, your>our, yours>ours, you're>we're, you've>we've, y'all>we, "
    "yourselves>ourselves"
)


def seed_for(*parts: str) -> int:
    """A stable integer from text (Python's ``hash`` is salted per process)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def pick(options: Sequence[str], seed: int, slot: str) -> str:
    """One of ``options``, chosen by ``seed`` and ``slot``: varied, yet the same every time."""
    return options[seed_for(str(seed), slot) % len(options)]


def window(value: str) -> str:
    """A window as a phrase: "30 minutes" -> "within 30 minutes"; "by 5 PM" stays as it is."""
    text = value.strip()
    lead = text.split(" ", 1)[0].lower()
    if lead in ("by", "within", "in", "before", "tomorrow", "today", "tonight", "on", "at"):
        return text
    if text.lower().startswith(("end of", "the end of", "close of", "next ")):
        return text if lead == "the" else f"by {text}"
    if text.lower() in ("same day", "the same day", "same-day"):
        return "today"
    return f"within {text}"


def join(items: Sequence[str], last: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return items[0] if items else ""
    serial = "," if any(f" {last} " in i or ", " in i for i in items) else ""
    return f"{', '.join(items[:-1])}{serial} {last} {items[-1]}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def first_name(full: str) -> str:
    """ "Dana Reyes" -> "Dana"; "Dr. Ana Ruiz" -> "Dr. Ruiz"; a bare handle or number -> ""."""
    parts = [p for p in re.split(r"\s+", full.strip().lstrip("@")) if p]
    if not parts or not re.search(r"[A-Za-z]", parts[0]):
        return ""
    if parts[0].rstrip(".").lower() in ("mr", "mrs", "ms", "mx", "dr", "prof") and len(parts) > 1:
        return f"{parts[0]} {parts[-1]}"
    return parts[0].strip(",")


def tidy(text: str) -> str:
    """Strip links, handles, hashtags, emoji and runs of punctuation from customer text."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"</?[A-Za-z][^<>]{0,40}>", " ", text)  # markup like <b>...</b>
    text = _URL.sub(" ", text)
    text = re.sub(r"(?<=[a-z] )[@＠]\w+", "you", text)  # "my payment for @Cloudbox": the company
    text = _HANDLE.sub(" ", text)
    text = _HASHTAG.sub(" ", text)
    text = _NON_TEXT.sub(" ", text)
    text = _TEXTSPEAK_WORD.sub(lambda m: _TEXTSPEAK[m.group(0).lower()], text)
    text = re.sub(r"\b([Ww])i[ -]fi\b", r"\1ifi", text)
    text = re.sub(r"\.{2,}\s*", ". ", text)  # "gone...my journey": two sentences
    text = re.sub(r"([.,;:])\1+", r"\1", text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r" *\n[\n ]*", "\n", text).strip()


def sentences_of(text: str) -> list[str]:
    """Customer text as rough sentences (split on end marks, semicolons, dashes, line breaks).

    A question keeps its "?" so callers can tell it apart from a statement.
    """
    parts = re.split(r"(?<=[.!?])\s+|(?<=\?)|!+|\n+|;\s*|\s[-–—]\s|\.\.\.+|\s(?=\d[.)]\s)", text)
    parts = [p.lstrip("?!., ").rstrip(" .,") for p in parts if p]
    return [p for p in parts if p and p != "?"]


def clauses_of(sentence: str, longest: int = 16) -> list[str]:
    """The sentence (when short enough) and its parts split at commas and conjunctions."""
    parts = re.split(
        r",?\s+(?:and|but|because|although|though|while)\s+|,\s+|,?(?<!\bnot)\s+so\s+"
        r"(?!(?:much|many|far|easy|hard|bad|long|often)\b)",
        sentence,
    )
    parts = [p.strip(" ,") for p in parts if count_words(p) >= 3]
    whole = [sentence] if count_words(sentence) <= longest or len(parts) < 2 else []
    return whole + [p for p in parts if p != sentence]


def has_profanity(text: str) -> bool:
    return any(w.lower().strip("'") in PROFANITY for w in _WORD.findall(text))


def is_hostile(text: str) -> bool:
    """Profanity, insults or heated phrases ("you people", "fed up") we never say back."""
    return has_profanity(text) or bool(HOSTILE.search(text))


def is_risky(text: str) -> bool:
    """True for text we must not repeat: hostility, promises, apologies, rebukes, questions."""
    return is_hostile(text) or bool(RISKY.search(text)) or "?" in text


def lower_shouting(text: str, acronyms: frozenset[str]) -> str:
    """Lower-case every all-caps word except known acronyms ("AGAIN" -> "again", "CSV" stays)."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        letters = re.sub(r"[^A-Za-z]", "", word)
        joined = re.match(r"-?\d", match.string[match.end() :]) or re.search(r"\d", word)
        if len(letters) >= 2 and letters.isupper() and word not in acronyms and not joined:
            return word.lower()
        return word

    return _WORD.sub(fix, text)


def swap_person(text: str) -> str:
    """Turn the customer's point of view into ours: I/my -> you/your, you/your -> we/our."""
    tokens = re.split(r"(?<![\w-])([A-Za-z']+)(?![\w-])", text)
    out: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        following = _next_word(tokens, i)
        if low == "you":
            subject = _previous_word(out) in (
                "",
                "and",
                "but",
                "so",
                "because",
                "when",
                "if",
                "that",
                "since",
                "then",
                "now",
                "why",
                "how",
            )
            verbish = following in _COMPANY_VERBS or following.endswith(("ed", "n't"))
            swapped = "we" if subject or verbish else "us"
            if following in _USER_VERBS:  # "every time you pause": anyone, not us
                swapped = "you"
            if following == "guys":
                tokens[i + 2] = ""
            out.append(swapped)
        elif low == "was" and _previous_word(out) == "you":
            out.append("were")
        elif low == "am" and _previous_word(out) == "you":
            out.append("are")
        elif low in _SWAPS and not (low == "us" and token == "US"):
            out.append(_SWAPS[low])
        elif low == "we":
            out.append("you")
        else:
            out.append(token)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def soften(text: str) -> str:
    """Drop filler words and replace heated verbs with neutral ones."""
    text = _FILLER.sub("", text)
    for heated, calm in _SOFTER.items():
        text = re.sub(rf"\b{heated}\b", calm, text, flags=re.I)
    text = _LEADING.sub("", text.strip())
    text = re.sub(r"[\s,]+(?:though|anyway|tbh|lol|haha|ugh|honestly|tho)$", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" ,.")


def mid_sentence(text: str, lowercase_known: frozenset[str]) -> str:
    """Lower the first letter when the first word is an ordinary word, so it can follow ours."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    bare = first.lower().strip(",.")
    if (
        first[:1].isupper()
        and not first.isupper()
        and (bare in _FUNCTION_WORDS or bare in lowercase_known)
    ):
        return first.lower() + text[len(first) :]
    return text


def word_list(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A crude stem so "refunds" / "refunded" / "refundable" compare equal."""
    word = word.lower().strip("'")
    for suffix in ("able", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _next_word(tokens: list[str], i: int) -> str:
    for token in tokens[i + 1 :]:
        if re.fullmatch(r"[A-Za-z']+", token):
            return token.lower()
        if token.strip() and not token.isspace():
            return ""
    return ""


def _previous_word(out: list[str]) -> str:
    for token in reversed(out):
        if re.fullmatch(r"[A-Za-z']+", token):
            return token.lower()
        if token.strip():
            return ""
    return ""
