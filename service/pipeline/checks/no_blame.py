"""`no-blame`: nothing blames, corrects, doubts or dismisses the customer.

Rule (contract, "Check ids"): a sentence fails when the customer is the one in the wrong:
- blame, what they did or failed to do: "you should have read", "you could have used the CSV",
  "you should have had time to cancel", "if you'd checked", "had you read", "you'd have known if",
  "you didn't follow the steps", "you missed / misread", "you must (not) have entered", "your
  fault", "user error", "the issue is on your end / with your router", "your notice was set up
  for Spain rather than Portugal", "opened after it had expired", "check before contacting us";
- repeat, they were already told: "as I already said", "as explained,", "as outlined in my
  previous reply", "per my last email", "I've told you twice", "you were (already) told", "the
  email clearly said", "the instructions do say", "please read the instructions carefully", "it
  was in the welcome email you received";
- dismiss, their feelings waved away: "calm down", "relax", "you need to understand", "no need
  to get upset", "let's keep this civil", "you're overreacting", "I understand you're upset, but",
  "come on", "these things happen", "bags do go missing", "nobody's scamming you";
- correct / doubt / deflect: "you're wrong", "that's not how it works", "to be fair, you",
  "with respect,", "'theft' is a strong word", "according to you", "not sure why you think", "X
  says they packed everything, but I'm refunding anyway", "it's not our fault".

Passes: empathy and negation ("you shouldn't have had to wait", "it's not your fault", "you must
have been so frustrated", "you didn't do anything wrong", "I'm not telling you to calm down"),
ownership ("you should have had a refund by now", "you were told it would arrive Monday and it
didn't", "I told you I'd call"), our system ("you should have received an email from us"),
conditions ("if you didn't request this", "if you'd like"), and the customer's own words quoted
back. Phrases are in `_blame_terms`; each offending phrase is reported as a span.

Source: seed 000 "Calm the Storm" -- "Resetting Expectations Without Blame" and the apology arc
"reducing the urge to rehash blame"; seed 002 "Effective De-Escalation Techniques" -- "Use
Positive Language" ("Avoiding negative or confrontational language") and "Stay Calm and Composed".
"""

from __future__ import annotations

import re

from service.pipeline.checks._blame_terms import PATTERNS
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import Analysis, Triggered, analyze, quote
from service.schemas import CheckResult

CHECK_ID = "no-blame"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ALL = Triggered()
for _name, (_kind, _first, _rx) in PATTERNS.items():
    _ALL.add(_name, _first, _rx)
_KIND = {name: kind for name, (kind, _, _) in PATTERNS.items()}
# "it's not your fault", "I won't tell you to calm down": negation in front clears these.
_NEGATED = _words(
    "fault calm_down relax didnt missed keep_civil overreacting happens doc_says your_end "
    "understand come_on"
)
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|none|nothing|nobody|neither|nor|without)\b|n['’]t\b)[^.;:—–]{0,30}$",
    re.IGNORECASE,
)
# "if you didn't request this", "in case you missed it": a condition, not an accusation.
_CONDITIONED = _words("didnt missed did_emphatic wrong_thing you_were_told")
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|in\s+case|whether|unless|even\s+if|when|once|maybe|perhaps)\s+$", re.I
)
# "you were told it would arrive Monday, and it didn't": the broken promise is ours.
_OWNED = _words("didnt missed did_emphatic wrong_thing you_were_told doc_says in_the_doc")
_OWNERSHIP = re.compile(
    r"\b(?:(?:our|my)\s+(?:mistake|error|fault|bad)|by\s+mistake|in\s+error|mistakenly|wrongly"
    r"|incorrect(?:ly)?|on\s+(?:us|me|our\s+(?:side|end))|by\s+(?:us|me)|the\s+wrong"
    r"|should\s+have\s+been|(?:not|n['’]t)\s+(?:ok|okay|acceptable|right|fair|good\s+enough)"
    r"|(?:and|but)\s+(?:it|nobody|no\s+one|that|we|this|they|nothing)\b[^.;]{0,40}"
    r"(?:n['’]t|\bnot\b|\bnever\b))",
    re.IGNORECASE,
)
# "I'm sorry you were told that", "you were told it would arrive Monday": a promise we broke.
_SORRY = re.compile(r"\W*(?:\w+\W+){0,3}?(?:sorry|apologi[sz]e|my\s+apologies|that['’]s\s+on\s+"
                    r"(?:us|me)|that\s+was\s+(?:our|my)\s+(?:mistake|error))", re.IGNORECASE)
_PROMISED = frozenset({"you_were_told", "doc_says"})
_PROMISE = re.compile(r"\b(?:sorry|apologi[sz]e|would|will|going\s+to)\b|['’](?:d|ll)\b", re.I)
# "you should have received / been notified": an expectation about our system, not blame.
_OUR_SYSTEM = frozenset({"received", "gotten", "got", "heard"})
_OUR_PASSIVE = frozenset(
    {"notified", "told", "informed", "refunded", "contacted", "sent", "given", "offered", "charged",
     "credited", "called", "emailed", "e-mailed", "warned", "asked", "updated", "helped", "kept",
     "shown", "billed", "put", "treated", "left", "able", "transferred", "connected"}
)
_IRREGULAR = frozenset(
    {"read", "known", "done", "seen", "told", "sent", "gone", "paid", "made", "taken", "written",
     "put", "set", "kept", "left", "bought", "brought", "thought", "chosen", "run", "split",
     "spent", "found", "given", "understood", "cut", "let", "heard", "been", "had", "got"}
)
# "you should have had time / the chance / the sense to ...": they could have; not "had a reply".
_HAD_TIME = _words("time chance option opportunity sense foresight weeks days")
_HAD_FILLER = _words("the a an plenty of enough ample more")
# "you could have lost everything", "you must have been so frustrated": empathy, not blame.
_NOT_THEIR_DOING = _words(
    "been felt had spent waited wondered thought gone taken lost worried needed wanted expected "
    "hoped imagined assumed tried dealt gotten got heard missed ended become suffered faced "
    "received liked preferred known"
)
_MUST_HAVE_EMPATHY = _NOT_THEIR_DOING - {"received", "missed"}
# "you didn't receive it", "you never asked for this": what happened to them, not their fault.
_DIDNT_OK = _words(
    "receive get got hear have need deserve ask sign want expect cause mean know see do lose "
    "miss break damage change received heard had needed deserved asked signed wanted expected "
    "caused meant knew saw lost missed broke damaged changed did"
)
_REASSURED = _words("anything nothing")
_RELAX_LEAD = re.compile(r"[\s,]*(?:(?:so|ok(?:ay)?|now|hey|look|and|but|oh|aw)[\s,]+)*", re.I)
_RELAX_OK = re.compile(r"\b(?:can|could|will|['’]ll|able\s+to|so\s+you)\s+(?:now\s+)?$", re.I)
_DOC_SUBJECT = re.compile(
    r"(?:\b(?:I|we|it|they)|e-?mails?|messages?|instructions|guides?|manual|terms|pages?|site"
    r"|notices?|confirmations?|polic(?:y|ies)|faqs?|screens?|labels?|app|form|warning|steps"
    r"|invoices?|receipts?|letters?|contract|agreement|checkout|article|description)"
    r"(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)
_HEARD_US = re.compile(r"\b(?:says?|said|claims?|claimed|insists?|insisted|shows?|showed"
                       r"|confirms?|confirmed|records|logs|system|according)\b", re.IGNORECASE)
_OWN_STEP_AFTER_BUT = re.compile(
    r"\s*(?:(?:I|we)(?:['’](?:ve|ll)|\s+(?:have|will))\b|(?:I['’]m|we['’]re)\s+\w+ing\b"
    r"|here['’]s|(?:the\s+)?good\s+news)",
    re.IGNORECASE,
)
_THEIR_FAULT = re.compile(
    r"\s+(?:\w+n['’]t|did\s+not|do\s+not|have\s+not|never|missed|mis\w+|forgot|ignored|overlooked"
    r"|skipped|failed|neglected|should|need|have\s+to|must|didn)\b",
    re.IGNORECASE,
)
_US = re.compile(r"\b(?:we|our|us|I|me|my)\b", re.IGNORECASE)
_REASSURE = re.compile(
    r"apologi|don['’]t\s+worry|no\s+worries|not\s+your\s+fault|no\s+harm|easy\s+fix"
    r"|excuse|on\s+(?:us|me)\b|our\s+(?:mistake|fault|error)|\bours\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"^[\s,]*(?:but|and|so)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|let\s+me|let['’]s)\b", re.IGNORECASE)

_MESSAGES = {
    "blame": "Blames the customer",
    "repeat": "Reminds the customer they were already told",
    "dismiss": "Dismisses the customer",
    "correct": "Tells the customer they are wrong",
    "doubt": "Doubts the customer's account",
    "deflect": "Deflects responsibility",
}
_HINTS = {
    "blame": "Remove {q}: don't tell the customer what they did wrong. Say what happens next, in "
    "first person (e.g. \"Let's get this working: I'll walk you through it now.\").",
    "repeat": "Remove {q} and restate the information plainly, as if for the first time.",
    "dismiss": "Remove {q}: acknowledge the feeling instead (e.g. \"I can hear how frustrating "
    "this has been.\") and move to the next step.",
    "correct": "Replace {q} with a neutral explanation of what happened (e.g. \"Here's what that "
    "charge is for: ...\").",
    "doubt": "Remove {q}: take the customer's account at face value and say what you are doing "
    "about it (e.g. \"I'm refunding the missing items now.\").",
    "deflect": "Replace {q} with ownership of the next step (e.g. \"Here's what I'm doing to get "
    "this fixed: ...\").",
}


def check(draft: str, ctx: CheckContext) -> CheckResult:
    offences = find_offences(analyze(draft))
    if not offences:
        return passed(CHECK_ID)
    messages, hints, spans = [], [], []
    for kind, (start, end) in offences:
        q = quote(draft[start:end])
        messages.append(f"{_MESSAGES[kind]}: {q}")
        hints.append(_HINTS[kind].format(q=q))
        spans.append((start, end))
    return failed(CHECK_ID, "; ".join(messages), spans, " ".join(dict.fromkeys(hints)))


def find_offences(a: Analysis) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) for each blaming/dismissive phrase outside quotes, in draft order."""
    masked = a.masked
    found: list[tuple[str, tuple[int, int]]] = []
    for name, m in _ALL.scan(a):
        start, end = m.span()
        if found and start < found[-1][1][1]:
            continue  # inside a phrase already reported ("please relax" / "relax")
        index = max(a.sentence_index(start), 0)
        sentence = a.sentences[index]
        before = masked[max(sentence.start, start - 60) : start]
        after = masked[end : sentence.end]
        following = a.masked_sentence(index + 1) if index + 1 < len(a.sentences) else ""
        if name in _NEGATED and _NEGATION_BEFORE.search(before):
            continue
        if name == "overreacting" and " not " in m.group().lower():  # "you're not overreacting"
            continue
        if name in _CONDITIONED and _CONDITION_BEFORE.search(before):
            continue
        if name in _OWNED and (
            _OWNERSHIP.search(after) or _OWNERSHIP.search(before) or _SORRY.match(following)
        ):
            continue  # "You were told 4:50 today. I'm sorry for the mix-up."
        if name in _PROMISED and (_PROMISE.search(after) or _PROMISE.search(before)):
            continue
        span_end = _judge(name, m, before, after, masked[sentence.start : start])
        if span_end is None:
            continue
        found.append((_KIND[name], (start, start + span_end if span_end else end)))
    return found


def _judge(name: str, m: re.Match[str], before: str, after: str, opening: str) -> int | None:
    """None when the match is no offence; else the span length (0: the whole match)."""
    text = m.group()
    if name == "should_have":
        return _should_have_end(text)
    if name == "didnt":
        verb, nxt = m.group("verb").lower(), (m.group("next") or "").lower()
        span = m.end("verb") - m.start()
        if verb in ("get", "got"):
            return span if nxt in ("my", "back") else None
        return None if verb in _DIDNT_OK or nxt in _REASSURED else span
    if name == "if_you_had":
        verb = m.group("verb").lower()
        if text.lower().startswith("had") and not _RELAX_LEAD.fullmatch(opening):
            return None  # "Had you" opens its sentence or clause
        return 0 if _participle(verb) and verb not in _NOT_THEIR_DOING else None
    if name == "must_have":
        verb = m.group("verb").lower()
        if m.group("neg").lower() != "must":
            return None if verb == "been" else 0
        return 0 if _participle(verb) and verb not in _MUST_HAVE_EMPATHY else None
    if name == "would_have_known" and re.search(r"\bif\s+(?:we|I|our|the)\b", after, re.I):
        return None  # "you'd have known if we had told you": ours
    if name == "you_were_told":
        if re.search(r"\b(?:what|everything|all)\s+$", before, re.I):
            return None  # "what you were told": someone else's words, not a reminder
        verb = m.group("verb").lower()
        adverb = any(w in text.lower() for w in ("already", "clearly", "previously", "explicitly"))
        said = verb in ("told", "informed", "advised", "warned", "reminded")
        return 0 if said or adverb else None
    if name == "doc_says" and not text.lower().startswith("it") and not _DOC_SUBJECT.search(before):
        return None
    if name in ("relax", "come_on", "keep_civil"):
        return None if _not_an_order(name, m, before, opening) else 0
    if name == "obviously" and _not_condescending(text, before, after):
        return None
    if name == "happens" and (_REASSURE.search(before + after) or _OWNERSHIP.search(after)):
        return None  # "No need to apologise, these things happen!"; "mistakes happen: ours"
    if name == "not_us" and _OWN_STEP_AFTER_BUT.match(_LINK.sub("", after)):
        return None  # "The weather is beyond our control, but I've set up a hotspot"
    if name == "feeling_but" and _OWN_STEP_AFTER_BUT.match(after):
        return None  # "I know it's frustrating, but I've found the problem"
    if name == "but_anyway" and not _HEARD_US.search(opening):
        return None
    if name == "lecture_before" and _FIRST_PERSON.search(opening):
        return None  # "I'll check with the courier before contacting you"
    return 0


def _not_condescending(text: str, before: str, after: str) -> bool:
    """"You clearly missed it" talks down; "you clearly care", "obviously that's not the experience
    we want" do not: "clearly you" needs a fault after it, "obviously" one not about us."""
    if text.lower() in ("clearly you", "you clearly"):
        return not _THEIR_FAULT.match(after)
    clause = re.split(r"[,;:—–]", after, maxsplit=1)[0]
    return text.lower() == "obviously" and bool(_US.search(clause) or _US.search(before[-15:]))


def _not_an_order(name: str, m: re.Match[str], before: str, opening: str) -> bool:
    """'Relax', 'come on', 'stay calm' dismiss as an order opening the sentence, not in
    "you can relax now" or "it's hard to stay calm"."""
    if name == "keep_civil" and m.group("lead"):
        return False
    if name == "relax" and m.group().lower() != "relax":  # "please relax", "just relax"
        return False
    if _RELAX_OK.search(before):  # "you can relax now"
        return True
    return not _RELAX_LEAD.fullmatch(opening)


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en", "wn")) or word in _IRREGULAR


def _should_have_end(phrase: str) -> int | None:
    """End of "you should/could have <participle>" if it blames; None for empathy or our system."""
    words = [w.lower().replace("’", "'") for w in phrase.split()]
    could = words[1].startswith("could")
    after = next(i for i, w in enumerate(words) if w in ("have", "should've", "could've")) + 1
    tail = [w for w in words[after:] if w not in ("just", "really", "probably", "already",
                                                  "definitely", "simply", "clearly", "obviously",
                                                  "never", "only")]
    if not tail or not _participle(tail[0]):
        return None
    verb = tail[0]
    if verb == "had":
        noun = next((w for w in tail[1:] if w not in _HAD_FILLER), "")
        if noun not in _HAD_TIME:
            return None  # "you should have had a reply": what we owed them
        return phrase.lower().rfind(noun) + len(noun)
    if could and verb in _NOT_THEIR_DOING:
        return None  # "you could have lost everything"
    if verb in _OUR_SYSTEM or verb == "had":
        return None
    if verb == "been" and (len(tail) < 2 or tail[1] in _OUR_PASSIVE or could):
        return None
    last = tail[1] if verb == "been" else verb
    return phrase.lower().rfind(last) + len(last)
