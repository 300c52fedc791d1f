"""What `grounded` compares: every figure in a text, reduced to keys that match across spellings.

`items(text)` finds the figures in a text (amounts, percentages, clock times, dates, weekdays,
months, durations, ordinals, ids, phone numbers, plain numbers, in digits or in words) and gives
each one *keys*: "92%", "92 percent" and "ninety-two percent" all key to ``n:92``; "9:12 AM" and
"09:12 UTC" to ``t:9:12``; "two hours", "2 hours" and "120 minutes" to ``d:120``; "March 3",
"3 March" and "03/03" to ``md:3-3``; "#A1234" and "a1234" to ``id:A1234``. The same function reads
the draft and everything the draft may rely on (see `grounded`), so a figure is grounded when one
of its keys is in the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from contextlib import suppress
from datetime import date
from typing import NamedTuple


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(_seq(text))


def _seq(text: str) -> list[str]:
    return text.split()


_UNITS_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety"
)
_UNITS = _seq(_UNITS_TEXT)
WORD_VALUES = {w: i if i < 20 else 20 + 10 * (i - 20) for i, w in enumerate(_UNITS)}
_ORDINALS_TEXT = (
    "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINAL_VALUES = {w: i + 3 for i, w in enumerate(_seq(_ORDINALS_TEXT))} | {
    "twentieth": 20,
    "thirtieth": 30,
}
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i + 1 for i, m in enumerate(_seq(_MONTH_NAMES))}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
_DAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday"
WEEKDAYS = {d: i for i, d in enumerate(_seq(_DAY_NAMES))}
_WD_ABBR = {
    w[:-1]: int(w[-1]) for w in _seq("mon0 tue1 tues1 wed2 thu3 thur3 thurs3 fri4 sat5 sun6")
}
_MINUTES = {"sec": 1 / 60, "min": 1, "hou": 60, "hr": 60, "h": 60, "day": 1440, "wee": 10080}
_MINUTES["wk"] = 10080

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_W1 = "|".join(sorted([*WORD_VALUES, "hundred", "thousand", "dozen"], key=len, reverse=True))
# Number words ("and" only joins after a hundred or a thousand: "eight and twelve" is two
# numbers); the lookahead makes a digit position skip the word list at once.
_WN = (
    rf"(?=[a-z])\b(?:an?\s+(?:dozen|hundred|thousand)|(?:{_W1})"
    rf"(?:(?:\s+|-)(?:{_W1})|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{_W1}))*)\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_AP = r"(?:\s?(?P<{0}>[ap])\.?m\b\.?)"
_HOUR_WORDS = "|".join(_UNITS[1:13])
# One alternative per kind, tried in this order at each place a figure may start; the (?=...)
# guards let an alternative fail at once on the wrong first character.
_ITEM = re.compile(
    rf"(?P<iso>(?=[0-9])\b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)"
    rf"|(?P<money>(?:[$€£¥]|(?=[a-z])\b(?:usd|eur|gbp|cad|aud)\s?)(?P<mv>{_NUM})"
    rf"(?:\s?(?P<mk>k)\b)?"
    rf"|(?P<mv2>{_NUM}|{_WN})[\s-]?(?:usd|eur|gbp|cad|aud|dollars?|bucks|euros?|pounds?|quid)\b)"
    rf"|(?P<pct>(?P<pv>{_NUM}|{_WN})\s?(?:%|percent\b|per\s?cent\b))"
    rf"|(?P<clock>(?=[0-9])\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?{_AP.format('ap')}?"
    rf"|\b(?P<h2>1[0-2]|0?[1-9])(?:[.:](?P<mi2>[0-5]\d))?{_AP.format('ap2')}"
    rf"|\b(?P<h3>1[0-2]|0?[1-9]|{_HOUR_WORDS})\s?o['’]clock\b)"
    rf"|(?P<mdate>(?=[a-z])\b(?P<mn>{_MONTH})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<my>\d{{4}}))?|(?=[0-9])\b(?P<dm>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<dmn>{_MONTH})\b\.?(?:,?\s+(?P<dmy>\d{{4}}))?)"
    rf"|(?P<slash>(?=[0-9])\b(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})(?:/(?P<sy>\d{{2,4}}))?\b(?!/))"
    rf"|(?P<dur>\b(?P<dv>{_NUM}|{_WN}|an?|half\s+an?)"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<dv2>{_NUM}|{_WN}))?"
    rf"(?:\s+|-|(?=h\b))(?:(?P<biz>business|working|calendar)[\s-]+)?"
    rf"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?"
    rf"|yrs?)\b)"
    rf"|(?P<ord>(?=[0-9])\b(?P<ov>\d+)(?:st|nd|rd|th)\b"
    rf"|(?=[a-z])\b(?P<ow>{'|'.join(ORDINAL_VALUES)})\b)"
    r"|(?P<phone>(?=[+(0-9])(?<![\w-])(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b)"
    r"|(?P<code>#\s?[A-Za-z0-9][\w-]*|\b[A-Za-z]+[-_]?\d[\w-]*|\b\d+[A-Za-z][\w-]*"
    r"|\b\d+(?:-\d+)+\b)"
    rf"|(?P<num>\b{_NUM}|{_WN}|\btwice\b|\bthrice\b)"
    r"|(?P<wd>(?=[a-z])\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b)"
    rf"|(?P<mon>(?=[a-z])\b{_MONTH}\b)",
    re.IGNORECASE,
)
# Alphanumerics that are vocabulary, not ids.
NOT_IDS = words(
    "2fa mfa 3d 4k 8k 5g 4g 3g mp3 mp4 a4 a3 b2b b2c p2p 1080p 720p 4x4 24h 24x7 covid-19 h264 "
    "x86 x64 utf-8 ipv4 ipv6 wi-fi"
)
# Words a figure can start with ("#" stands for any token starting with a digit): figures are
# matched only where one of these occurs, which keeps the scan cheap.
FIRST_WORDS = frozenset(
    [*WORD_VALUES, *ORDINAL_VALUES, *MONTHS, *MONTH_ABBR, *WEEKDAYS, *_WD_ABBR]
) | words("hundred thousand dozen twice thrice usd eur gbp cad aud")
_DRAFT_WORDS = FIRST_WORDS | {"#"}
_TOKEN = re.compile(r"[a-z]+")
_LOOSE = re.compile(r"[Aa]n?\s+(?:hour|minute|day|week|month|year|dozen|hundred|thousand)")
_DIGIT_RUN = re.compile(r"[0-9]+")
_AT_HOUR = re.compile(r"\b(?:at|by|before|after|until|till|around)\s+$", re.I)
_HOUR_END = re.compile(
    r"\s*(?:$|[.,;:!?)\n]|(?:today|tomorrow|tonight|on|and|or|if|but|so)\b)", re.I
)
_HOUR_RANGE = re.compile(r"(1[0-2]|0?[1-9])-(1[0-2]|0?[1-9])")


class Item(NamedTuple):
    """One figure: what kind it is, its text span, and per value the keys that ground it."""

    kind: str  # money percent time date weekday month duration ordinal id number year
    start: int
    end: int
    keys: tuple[frozenset[str], ...]
    word: bool = False  # written in words ("two", "a dozen")
    loose: bool = False  # "a day", "an hour", "half an hour": only grounds, never flagged


def number(text: str) -> float | None:
    """'1,200' -> 1200, '49.99' -> 49.99, 'twenty-five' -> 25, 'a dozen' -> 12."""
    t = text.lower().replace(",", "")
    if t[:1].isdigit():
        try:
            return float(t) if "." in t else int(t)
        except ValueError:
            return None
    tokens = t.replace("-", " ").split()
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total = current = 0
    for w in tokens:
        if w in WORD_VALUES:
            current += WORD_VALUES[w]
        elif w in ("hundred", "dozen"):
            current = max(current, 1) * (100 if w == "hundred" else 12)
        elif w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif w in ("twice", "thrice"):
            current = 2 if w == "twice" else 3
        elif w != "and":
            return None
    return total + current


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _digits(text: str) -> str:
    """A run of digits without leading zeros (never ``int()``: drafts may hold 5,000 digits)."""
    return text.lstrip("0") or "0"


def _key(text: str) -> str | None:
    """``n:<value>`` for a number as written."""
    if text[:1].isdigit():
        t = text.replace(",", "")
        if "." in t:
            t = t.rstrip("0").rstrip(".")
        return "n:" + _digits(t)
    v = number(text)
    return None if v is None else "n:" + _fmt(v)


def _md(month: int, day: int) -> set[str]:
    return {f"md:{month}-{day}"} if 1 <= month <= 12 and 1 <= day <= 31 else set()


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTH_ABBR.get(name[:3], 0)


def _clock(hour: str, m: int, ap: str | None) -> frozenset[str]:
    h = int(hour)
    if ap:
        hours = {h % 12 + (12 if ap.lower() == "p" else 0)}
    elif hour.startswith("0") or not 1 <= h <= 12:  # "09:12" is a 24-hour time
        hours = {h}
    else:  # "4:50" may be morning or afternoon
        hours = {h, h % 12 + 12, h % 12}
    return frozenset(f"t:{x}:{m:02d}" for x in hours)


def clock_keys(hour: int) -> frozenset[str]:
    """Keys of a bare hour used as a time ("call you at 3")."""
    return _clock(str(hour), 0, None)


def _date(m: re.Match[str], g: str) -> tuple[set[str], int | None, int]:
    """Month/day keys of a date (both readings of 03/04), its year if written, and its day."""
    if g == "iso":
        return _md(int(m["im"]), int(m["id"])), int(m["iy"]), int(m["id"])
    if g == "slash":
        a, b, y = int(m["sa"]), int(m["sb"]), m["sy"]
        year = (int(y) + (2000 if len(y) == 2 else 0)) if y else None
        return _md(a, b) | _md(b, a), year, b
    if m["mn"]:
        return _md(_month(m["mn"]), int(m["md"])), int(m["my"]) if m["my"] else None, int(m["md"])
    return _md(_month(m["dmn"]), int(m["dm"])), int(m["dmy"]) if m["dmy"] else None, int(m["dm"])


def weekday_keys(keys: Iterable[str], years: set[int]) -> set[str]:
    """``w:<0-6>`` for each month/day key in each year (a date grounds "Tuesday")."""
    out = set()
    for k in keys:
        if k.startswith("md:"):
            mo, d = (int(x) for x in k[3:].split("-"))
            for y in years:
                with suppress(ValueError):  # "February 30"
                    out.add(f"w:{date(y, mo, d).weekday()}")
    return out


def anchors(text: str, words: Mapping[str, list[int]] | None = None) -> list[int]:
    """Where a figure may start: digits, number/month/day words (from `analyze`'s word index
    when given) and ids that start with letters ("INV-889", "UA1287", "#SM-4410")."""
    found: set[int] = set()
    for m in _DIGIT_RUN.finditer(text):
        i = j = m.start()
        if j > 1 and text[j - 1] in "-_" and text[j - 2].isalpha():
            j -= 1
        if j and text[j - 1].isalpha():
            while j and text[j - 1].isalpha():
                j -= 1
            if not (j and text[j - 1].isalnum()):
                found.add(j)
        elif words is None and not (i and text[i - 1].isalnum()):
            found.add(i)
    i = text.find("#")
    while i != -1:
        found.add(i)
        i = text.find("#", i + 1)
    if words is not None:
        for w in words.keys() & _DRAFT_WORDS:
            found.update(words[w])
        return sorted(found)
    lower = text.lower()
    for w in set(_TOKEN.findall(lower)) & FIRST_WORDS:
        i = lower.find(w)
        while i != -1:
            if (
                not (i and lower[i - 1].isalnum())
                and not lower[i + len(w) : i + len(w) + 1].isalnum()
            ):
                found.add(i)
            i = lower.find(w, i + 1)
    for m in _LOOSE.finditer(text):  # "an hour", "half an hour", "a dozen"
        i = m.start()
        if not (i and text[i - 1].isalnum()):
            found.add(i - 5 if lower[max(0, i - 5) : i] == "half " else i)
    return sorted(found)


def _lookback(text: str, pos: int) -> tuple[int, ...]:
    """Where a figure found at ``pos`` may really start: "$49", "a dozen", "a hundred"."""
    if not pos:
        return (pos,)
    c = text[pos - 1]
    if c in "$€£¥":
        return (pos - 1, pos)
    if c == " " and text[pos : pos + 1] in ("d", "h", "t", "D", "H", "T"):
        if text[pos - 3 : pos - 1].lower() == "an" and (pos < 4 or not text[pos - 4].isalnum()):
            return (pos - 3, pos)
        if text[pos - 2 : pos - 1].lower() == "a" and (pos < 3 or not text[pos - 3].isalnum()):
            return (pos - 2, pos)
    return (pos,)


def items(text: str, starts: Iterable[int] | None = None, source: bool = False) -> list[Item]:
    """Every figure in ``text`` starting at one of ``starts`` (default: `anchors`). ``source``
    reads loosely: lowercase day names, and dates also ground their day and month."""
    out: list[Item] = []
    last_end = -1
    for pos in anchors(text) if starts is None else starts:
        if pos < last_end:
            continue
        for p in _lookback(text, pos):
            if p >= last_end and (m := _ITEM.match(text, p)) is not None and m.end() > pos:
                last_end = m.end()
                if (item := _item(text, m, source)) is not None:
                    out.append(item)
                break
    return out


def _item(text: str, m: re.Match[str], source: bool) -> Item | None:
    g, (s, e), t = m.lastgroup or "", m.span(), m.group()
    word = not t[:1].isdigit() and t[:1] not in "$€£¥#"
    if g in ("money", "pct", "num"):
        raw = m["mv"] or m["mv2"] or m["pv"] or t
        k = _key(raw)
        if k is not None and m["mk"]:
            k = "n:" + _fmt((number(raw) or 0) * 1000)
        is_year = g == "num" and len(t) == 4 and t.isdigit() and 1990 <= int(t) <= 2100
        kind = {"money": "money", "pct": "percent"}.get(g, "year" if is_year else "number")
        if k is None:
            return None
        keys = {k}
        hour = len(t) <= 2 and t.isdigit() and 1 <= int(t) <= 12
        if source and g == "num" and hour and _AT_HOUR.search(text, 0, s):
            keys = set(clock_keys(int(t)))  # "my meeting is at 2" grounds "2 PM", not "2 orders"
            if not _HOUR_END.match(text, e):
                keys.add(k)  # "at 3 locations"
        return Item(kind, s, e, (frozenset(keys),), word)
    if g == "clock":
        h, mi = m["h"] or m["h2"] or m["h3"], m["mi"] or m["mi2"] or "0"
        h = str(WORD_VALUES.get(h.lower(), h))  # "four o'clock"
        return Item("time", s, e, (_clock(h, int(mi), m["ap"] or m["ap2"]),))
    if g in ("iso", "slash", "mdate"):
        keys, year, day = _date(m, g)
        if not keys or t in ("24/7", "10/10", "1/2"):
            return None
        if source:  # the date also grounds "the 3rd", its month, its year and its weekday
            keys |= {f"dd:{day}", *(f"m:{k[3:].split('-')[0]}" for k in keys)}
            keys |= {f"n:{year}", *weekday_keys(keys, {year})} if year else set()
        return Item("date", s, e - t.endswith("."), (frozenset(keys),))
    if g == "dur":
        unit, dv = m["unit"].lower(), m["dv"].lower()
        loose = dv in ("a", "an") or dv.startswith("half")
        values = [number(x) for x in (m["dv"], m["dv2"]) if x] if not loose else []
        if loose:
            values = [0.5 if dv.startswith("half") else 1]
        per_value: list[frozenset[str]] = []
        for v in values:
            if v is None:
                return None
            if unit.startswith(("mon", "y")):
                per_value.append(
                    frozenset({f"d:{_fmt(v)}{'mo' if unit.startswith('mon') else 'y'}"})
                )
            elif unit.startswith("day") and (m["biz"] or "").lower() in ("business", "working"):
                per_value.append(frozenset({f"bd:{_fmt(v)}"}))  # "1 business day" is not "24 hours"
            elif unit.startswith("day"):
                per_value.append(frozenset({f"d:{_fmt(v * 1440)}", f"bd:{_fmt(v)}"}))
            else:
                factor = _MINUTES.get(unit[:3]) or _MINUTES[unit[:2]]
                per_value.append(frozenset({f"d:{_fmt(v * factor)}"}))
        return Item("duration", s, e, tuple(per_value), word, loose)
    if g == "ord":
        n = _digits(m["ov"]) if m["ov"] else ORDINAL_VALUES[m["ow"].lower()]
        keys = {f"n:{n}", f"dd:{n}"} | ({f"o:{n}"} if source else set())  # "third" in the thread
        return Item("ordinal", s, e, (frozenset(keys),), word)
    if g in ("phone", "code"):
        raw = t.lstrip("#").strip()
        if g == "code" and (raw.lower() in NOT_IDS or not any(c.isdigit() for c in raw)):
            return None
        norm = re.sub(r"[^A-Za-z0-9]", "", raw).upper()
        if g == "code" and (hours := _HOUR_RANGE.fullmatch(raw)):  # "Friday 8-12": hours
            return Item(
                "time", s, e, tuple(clock_keys(int(h)) | {f"id:{norm}"} for h in hours.groups())
            )
        keys = {f"id:{norm}"} | ({f"n:{_digits(norm)}"} if norm.isdigit() else set())
        if source:  # "#A-7731" also grounds "7731"
            keys |= {f"n:{_digits(d)}" for d in _DIGIT_RUN.findall(raw)}
        return Item("id", s, e, (frozenset(keys),))
    if g == "wd":
        full = t.lower().endswith("day")
        idx = WEEKDAYS.get(t.lower()) if full else _WD_ABBR.get(t.lower())
        if idx is None or not (source or (full and t[0].isupper())):
            return None
        return Item("weekday", s, e, (frozenset({f"w:{idx}"}),))
    if g == "mon" and (t[0].isupper() or (source and len(t) > 3)):
        return Item("month", s, e, (frozenset({f"m:{_month(t)}"}),))
    return None
