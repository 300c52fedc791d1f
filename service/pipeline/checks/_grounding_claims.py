"""When a figure in a draft is a claim of fact, for `grounded`.

An ungrounded figure is still no invented fact when it is:

- the agent's own promise or proposal of a time ("I'll send it within 20 minutes", "by 2:30",
  "every 30 minutes", "would 3 PM work?", "it'll be in your inbox within the hour"): `time-frame`
  and `policy` judge those. A third party's future is a claim ("the carrier says it'll come on
  Tuesday"), and so is a general process time ("refunds take 10 business days");
- credit offered ("two months of credit", "three months on the house"): `policy` judges it;
- a count of the agent's own options or steps ("two options", "step two", "1) ... 2) ...",
  "Third, I'll ..."), "all three" of the customer's points, "two emails ago" when the thread
  says "my third email";
- vague or idiomatic ("one more thing", "a few hundred", "ten out of ten", "100%", "twice as
  fast", "Black Friday", "happy Friday", "May I").

A bare hour after "at"/"by"/"between ... and" is read as a clock time ("call you at 3").
"""

from __future__ import annotations

import re

from service.pipeline.checks import _grounding_terms as terms
from service.pipeline.checks._grounding_terms import words
from service.pipeline.text import Analysis, Sentence

# Time-ish figures in a promise or a proposal are the agent's commitments, not facts.
_TIMEISH = frozenset({"time", "date", "weekday", "month", "duration"})
# Our promises and offers ("I'll", "we're going to", "let me", "you'll hear", "expect", "can I",
# "will be sent"); a third party's future ("the carrier says it'll come Tuesday") is a fact claim.
_FUTURE = re.compile(
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|\s+am\s+going\s+to|['’]re\s+going"
    r"\s+to|\s+are\s+going\s+to|\s+(?:aim|plan|promise|commit)\s+to)\b"
    r"|\b(?:let\s+me|let['’]s|expect|happy\s+to|glad\s+to)\b"
    r"|\byou(?:['’]ll|\s+will)\s+(?:\w+\s+)?(?:hear|get|receive|have|see)\b"
    r"|\b(?:will|['’]ll)\s+be\s+(?:\w+ly\s+)?(?:[a-z]+ed|sent|done)\b"
    r"|\bto\s+(?:call|ring|phone|e-?mail|text|update|contact|check\s+in|follow\s+up"
    r"|get\s+back|reach\s+out)\b"  # "a reminder to call you at 3 PM"
    r"|\b(?:I|we)\s+(?:can|could|would|['’]d|should|might|may)\s+(?!(?:also\s+|only\s+)?"
    r"(?:see|confirm|tell|assure|find|verify|understand|imagine|hear)\b)",
    re.I,
)
# Any future: with a deadline-shaped preposition ("it'll be in your inbox within 20 minutes").
_ANY_FUTURE = re.compile(
    r"\b(?:will|shall|going\s+to)\s+[a-z]{2}|\b(?:should|may|might)\s+"
    r"(?!have\b)[a-z]{2}|['’]ll\b",
    re.I,
)
_PENDING = re.compile(
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+\w+ing\b|\bplease\s+allow\b"
    r"|\bgive\s+(?:us|me|it)\b|\b(?:if|unless|once|when|should)\b",
    re.I,
)
_WINDOW_PREPS = words("within in inside before until till every next allow take takes")
_WILL_TAKE = re.compile(
    r"(?:will|['’]ll|should|going\s+to)\s+(?:\w+\s+)?takes?\s+(?:\w+\s+)?$", re.I
)
_QUALIFIERS = words("about around roughly approximately another the next just only")
_CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?:and|but|so|while)\b|\s(?:but|and)\s+(?=(?:I|we)\b)")
_EARLIER = words("ago earlier previous prior before")
_WE = re.compile(r"\b(?:I|we)\b", re.I)
_HOURS_BETWEEN = re.compile(r"\b(?:between|from)\s+\d{1,2}(?::\d\d)?\s*(?:and|to|-|–)\s*$", re.I)
_VAGUE = words("one hundred thousand dozen")  # "one more thing", "a few hundred": no figure
_TIME_PREPS = words("at by before after until till around")
_STEP_WORDS = words(
    "step option part point tip method way page section stage phase level number no line item "
    "question"
)
_SELF_NOUNS = words(
    "options choices things ways steps questions checks ideas suggestions paths routes "
    "possibilities alternatives parts points issues problems concerns requests tests fixes items "
    "pieces"
)
_MONTH_PREPS = words(
    "in since of from during until till through last early late mid this next before after by on "
    "end"
)
_NOT_A_DATE = words("black cyber good happy great nice lovely fine have a")
_CREDIT = re.compile(
    r"\bcredit|\bfree\b|\bwaiv|\bon\s+the\s+house\b|\bcomplimentary\b"
    r"|\bwon['’]t\s+(?:pay|be\s+charged)\b|\bno\s+charge\b",
    re.I,
)


def claimed(
    a: Analysis, item: terms.Item, source_keys: frozenset[str]
) -> tuple[frozenset[str], ...] | None:
    """The keys an ungrounded figure must find, or None when it is no claim of fact."""
    masked, text = a.masked, a.masked[item.start : item.end].lower()
    sent = a.sentences[max(a.sentence_index(item.start), 0)]
    before = masked[max(sent.start, item.start - 40) : item.start]
    prev = [w.strip(",:;.*_()").replace("’", "'") for w in before.lower().split()[-3:]]
    last = prev[-1] if prev else ""
    after = [w.strip(".,:;?!") for w in masked[item.end : item.end + 30].lower().split()[:2]]
    kind, keys = item.kind, item.keys
    if item.loose or text in _VAGUE or (kind == "percent" and text.startswith("100")):
        return None  # "one more thing", "a few hundred", "100% on this"
    if after[:2] == ["out", "of"] or prev[-2:] == ["out", "of"]:
        return None  # "ten out of ten"
    if kind in ("number", "ordinal"):
        line = before.rsplit("\n", 1)[-1] if "\n" in before or sent.start == 0 else before
        if masked[item.end : item.end + 1] in (".", ")") and (
            not line.strip() or line.rstrip().endswith((":", ",", ";", "("))
        ):
            return None  # "1. Open Settings", "1) rerun it, 2) send it"
        small = (terms.number(text) or 99) <= 5
        if last in _STEP_WORDS or (small and (last in ("all", "both") or _SELF_NOUNS & set(after))):
            return None  # "step two", "two options", "all three of these"
        if item.word and masked[item.end : item.end + 1] == "," and not before.strip(" \n*-"):
            return None  # "Third, I'll call you": an enumerator
        if (
            small
            and _EARLIER & set(after)
            and f"o:{int(terms.number(text) or 0) + 1}" in source_keys
        ):
            return None  # "two emails ago" / "two earlier outages" when the thread says "third"
        if text == "twice" and (after[:1] == ["as"] or _WE.search(before)):
            return None  # "twice as fast", "we let you down twice"
        hour = len(text) <= 2 and text.isdigit() and 1 <= int(text) <= 12
        if hour and (
            last in _TIME_PREPS
            or _HOURS_BETWEEN.search(before)
            or (last in ("between", "from") and after[:1] in (["and"], ["to"]))
        ):
            keys, kind = (keys[0] | terms.clock_keys(int(text)),), "time"  # "call you at 3"
    if kind == "weekday" and last in _NOT_A_DATE:
        return None  # "Black Friday", "happy Friday"
    if kind == "month" and (len(text) <= 3 or last not in _MONTH_PREPS):
        return None  # "May I ...", a bare "Jan"
    if kind == "duration" and _CREDIT.search(
        masked[max(sent.start, item.start - 50) : item.end + 30]
    ):
        return None  # credit offered ("two months of credit") is the policy check's business
    if kind in _TIMEISH and _promise(a, sent, item.start, last, prev):
        return None
    return keys


def _promise(a: Analysis, sent: Sentence, pos: int, last: str, prev: list[str]) -> bool:
    """The figure sits in a commitment or a proposal: "I'll send it by 3", "Would 3 PM work?"."""
    text = a.masked[sent.start : sent.end]
    if text.rstrip().endswith("?"):
        return True
    if last == "by" or prev == ["no", "later", "than"]:
        return True  # a deadline: "if it hasn't posted by Friday", "no later than 5 PM"
    rel = pos - sent.start
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, rel)]
    nxt = _CLAUSE_BREAK.search(text, rel)
    if _FUTURE.search(text, cuts[-1] if cuts else 0, nxt.start() if nxt else len(text)):
        return True
    words = [w for w in prev if w not in _QUALIFIERS] or [""]
    prep = words[-1]  # "within the next 2 hours", "take about 2 minutes"
    if prep in ("take", "takes"):  # "it'll take about 2 minutes", not "exports take 40 minutes"
        return bool(_WILL_TAKE.search(a.masked, sent.start, pos))
    if prep in ("within", "inside") and _WE.search(text):
        return True  # "I refund it now, or I have both sent out within 45 minutes"
    return prep in _WINDOW_PREPS and bool(_PENDING.search(text) or _ANY_FUTURE.search(text))
