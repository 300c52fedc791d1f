"""What the agent (or our team) is doing: first-person action phrases, shared by three checks.

apology-action pairs an apology with one, time-frame treats the future ones as commitments and
positive-refusal looks for one after a refusal. A phrase is a subject ("I", "we", "let me", "our
team", "a specialist") and the verb phrase after it, read word by word:

- present progressive "I'm turning on ...", "we're rolling it back" (any -ing verb);
- future "I'll ask ...", "we will", "I'm going to", "I'll be checking" (a commitment);
- present perfect "I've pinned ...", "we've been chasing"; past "I checked", "we rolled back";
- "let me / let's ...", modals ("I can credit ...", "What I can do is switch on ...");
- causatives "I'll get the block lifted", "I've got a visit pencilled in", "I'll have them call";

each counts UNLESS its verb is a state, feeling or perception, not something done ("I'm sorry",
"I'm afraid", "I'm hoping", "I'm seeing", "I understand", "I've heard", "I'll need", "we're
experiencing", "I'm waiting", "I'd recommend you ..."). Negated phrases ("I won't", "I'm not going
to") are no action. "let you know", "keep you posted", "get back to you", "be in touch" are
promises to talk (``communication``), not a fix. Quoted text and URLs are masked out first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from service.pipeline.checks import _action_terms as T
from service.pipeline.checks._action_terms import NOT_ACTIONS
from service.pipeline.text import (
    ACTION_VERBS,
    NEGATIONS,
    OFFER_WORDS,
    Analysis,
    Triggered,
    analyze,
)


@dataclass(frozen=True)
class AgentAction:
    """One "subject ... verb" phrase. ``future``: will / 'll / going to / shall (a promise)."""

    start: int
    end: int
    verb: str
    future: bool
    communication: bool  # "let you know", "get back to you": a promise to talk, not a fix
    offer: bool  # "I'd be happy to ...": an offer, not a promise


_EARLIER_FUTURE = re.compile(  # "I'll keep an eye on it and update you ...": a promise too
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+shall|(?:['’]m|['’]re|\s+am|\s+are)\s+going\s+to)\b"
    r"[^.!?\n,;]*$",
    re.IGNORECASE,
)
_NO = (False, False, False)  # future, communication, offer
_CONDITION = re.compile(
    r"\b(?:once|when|if|whether|until|unless|after|before)\b[^,.;:!?]*$", re.IGNORECASE
)
_EARLIER_SUBJECT = re.compile(r"\b(?:I|we|let\s+me)\b[^.!?\n]{0,80}$", re.IGNORECASE)
_AGENT = (
    Triggered()
    .add("subject", "i we let our my someone somebody a an the engineering billing finance "
         "dispatch", T.SUBJECT)
    .add("coordinated", "and", T.COORDINATED)
    .add("passive", "has have is are was were *'s", T.PASSIVE)
    .add("handover", "here", T.HANDOVER)
)
_TAIL = re.compile(r"[;!?—–()\[\]\"“”]|[.,:](?!\d)|\s-\s")
_TOKEN = re.compile(r"\S+")
_START, _BASE, _BE, _HAVE, _MODAL = range(5)  # what the next word may be, after the subject
_MODE = {"ll": _BASE, "ve": _HAVE, "m": _BE, "re": _BE, "d": _MODAL}


@dataclass
class _Reading:
    """Where `_scan` is in a verb phrase: the mode, and what it has learnt so far."""

    words: list[str]
    mode: int
    future: bool
    offer: bool = False
    talk: bool = False  # a promise to talk ("let you know"), not a fix
    theirs: bool = False  # "the driver", "the engineer": what they did is not our action


# A step reads words[i] and returns how many words it used, or the verb that acts (a str), or
# None when the phrase is no action.
_Step = int | str | None


@lru_cache(maxsize=64)
def agent_actions(text: str) -> tuple[AgentAction, ...]:
    """First-person action phrases in ``text`` (quoted passages and URLs ignored), in order."""
    a = analyze(text)
    found = [act for act in (_found(a, name, m) for name, m in _AGENT.scan(a)) if act]
    return tuple(sorted(found, key=lambda act: act.start))


def _found(a: Analysis, name: str, m: re.Match[str]) -> AgentAction | None:
    if name == "subject":
        return _scan(a.masked, m)
    verb = (m.groupdict().get("verb") or "way").lower()
    if name == "handover":  # "here's the right link"; "here's what I'll do: ..."
        return AgentAction(m.start(), m.end(), "do" if m.group("plan") else "give", *_NO)
    if name == "passive":
        if m.group("done") and _CONDITION.search(a.masked, max(0, m.start() - 40), m.start()):
            return None  # "once a claim is approved": a condition, not something done
        verb = (m.group("being") or m.group("done") or m.group("with") or verb).lower()
        if verb == "way" or verb in ACTION_VERBS or m.group("done") or m.group("with"):
            return AgentAction(m.start(), m.end(), verb, False, False, False)
        return None
    aux = m.group("aux").lower().split()
    earlier = a.masked[max(0, m.start() - 80) : m.start()]
    if verb in NOT_ACTIONS or not _EARLIER_SUBJECT.search(earlier):
        return None
    future = "will" in aux or "shall" in aux or bool(_EARLIER_FUTURE.search(earlier))
    if verb in ACTION_VERBS or (len(verb) > 4 and verb.endswith(("ed", "ing"))) or future:
        return AgentAction(m.start(), m.end(), verb, future, False, False)
    return None


def _scan(masked: str, m: re.Match[str]) -> AgentAction | None:
    """Read the words after a subject: auxiliaries and adverbs, then (maybe) a verb that acts."""
    limit = min(len(masked), m.end() + 100)
    cut = _TAIL.search(masked, m.end(), limit)
    stop = cut.start() if cut else limit
    words = masked[m.end() : stop].lower().replace("’", "'").split()[:12]
    c = (m.group("c") or "").lower()
    mode = _BASE if m.group()[:3].lower() == "let" else _MODE.get(c, _START)
    subject = m.group().lower()
    r = _Reading([*words, "", "", "", ""], mode, c == "ll", theirs=subject.startswith("the "))
    i = 0
    while i < len(words):
        word = r.words[i]
        if word.endswith("n't") or word in NEGATIONS:
            return None
        if word in T.ADVERBS or (word.endswith("ly") and word not in T.LY_VERBS):
            i += 1
            continue
        step = _STEPS[r.mode](r, i)
        if step is None:
            return None
        if isinstance(step, int):
            i += step
            continue
        if not r.talk and _not_a_fix(step, r.words[i + 1 : i + 5]):
            return None
        talk = r.talk or (step in ("get", "got") and r.words[i + 1] == "back")
        end = next(islice(_TOKEN.finditer(masked, m.end(), stop), i, None)).end()
        return AgentAction(m.start(), end, step, r.future, talk, r.offer)
    return None


def _start(r: _Reading, i: int) -> _Step:
    """Right after the subject: an auxiliary, a modal, "need to", or a simple past (ours: not
    "the driver called at 9:05")."""
    word, nxt = r.words[i], r.words[i + 1]
    if word in ("will", "shall"):
        r.future, r.mode = True, _BASE
    elif word in ("am", "are", "is", "was", "were"):
        r.mode = _BE
    elif word in ("have", "has") and nxt == "to":  # "we have to"
        r.mode = _BASE
        return 2
    elif word in ("have", "has"):
        if r.mode == _MODAL:
            return None  # "I'd have sent it": a counterfactual
        r.mode = _HAVE
    elif word in T.MODALS or word in ("do", "did"):
        r.mode = _BASE
    elif word in T.INTENT and nxt == "to":
        r.mode, r.future = _BASE, r.future or word in T.FUTURE_INTENT
        return 2
    elif r.mode == _MODAL:  # "I'd recommend", "I'd already sent"
        r.mode = _BASE
        return 0
    else:  # "I checked"; not a habit ("we take it seriously")
        return word if _past(word) and not r.theirs else None
    return 1


def _be(r: _Reading, i: int) -> _Step:
    """After am / are / 'm / 're / was: "going to", "happy to", or an -ing verb."""
    word, nxt = r.words[i], r.words[i + 1]
    if word == "going" and nxt == "to":
        r.future, r.mode = True, _BASE
        return 2
    if word in OFFER_WORDS or word in ("able", "about"):
        r.offer = r.offer or word in OFFER_WORDS
        r.mode = _BASE
        return 2 if nxt == "to" else None
    if word.endswith("ing") and len(word) > 4:
        return _ing(word, r.words[i + 1 : i + 6])
    return None


def _have(r: _Reading, i: int) -> _Step:
    """After have / 've: "been", "had a look", "got X done", or a participle."""
    word, nxt = r.words[i], r.words[i + 1]
    if word == "been":
        r.mode = _BE
        return 1
    if word == "gone" and nxt == "ahead":
        return 2
    if word == "had":
        return word if T.PERFECT_LIGHT.intersection(r.words[i + 1 : i + 3]) else None
    if word in ("got", "gotten"):
        return _causative(word, r.words[i + 1 : i + 6])
    if _participle(word) and word not in NOT_ACTIONS and nxt != "you":
        return word  # not "I've asked you to ...": homework for the customer
    return None


def _base(r: _Reading, i: int) -> _Step:
    """A verb in its base form: "I'll ask", "let me check", "can credit", "be checking"."""
    word, nxt, then = r.words[i], r.words[i + 1], r.words[i + 2]
    if word in T.INTENT and nxt == "to":
        r.future = r.future or word in T.FUTURE_INTENT
        return 2
    if word == "be":
        if nxt in OFFER_WORDS:
            r.offer = True
            return 2 + (then == "to")
        if nxt.endswith("ing") and len(nxt) > 4:
            r.mode = _BE
            return 1
        r.talk = nxt in ("in", "back") or nxt.startswith("touch") or (nxt, then) == ("with", "you")
        return "touch" if r.talk else None  # "be in touch", "be back", "be with you"
    if word == "have" and (_participle(nxt) or nxt == "to"):
        return None  # "I could have sent it"; "I'll have to end the call" (no promise)
    if word == "go" and nxt == "ahead":
        return 2 + (then == "and")
    if word == "do":
        if nxt in ("my", "our") and then == "best":
            return 3 + (r.words[i + 3] == "to")  # "I'll do my best to send ..."
        if nxt == "is":  # "What I can do is switch on ..."
            return 2 + (then == "to")
        return word if nxt in ("it", "that", "this") else None
    if word in ("get", "have"):
        return _causative(word, r.words[i + 1 : i + 6])
    r.talk = (
        (word in ("let", "tell") and nxt == "you")
        or (word == "keep" and nxt == "you" and then in ("posted", "updated", "informed", "in"))
        or (word in ("come", "circle", "report") and nxt == "back")
        or word in ("reply", "respond", "answer")
    )
    if r.talk:
        return word
    if word == "help" and _helps(r.words[i + 1 : i + 3]):
        return word
    if (word == "look" and nxt == "forward") or word in NOT_ACTIONS or word in T.NOT_A_VERB:
        return None
    return word if word.isalpha() or "-" in word else None


_STEPS = {_START: _start, _MODAL: _start, _BE: _be, _HAVE: _have, _BASE: _base}


def _not_a_fix(verb: str, after: list[str]) -> bool:
    """ "I gave you the wrong link" (an admission), "I'm writing to let you know" (why we write)."""
    if _past(verb) and T.ADMITTED.intersection(after):
        return True
    return verb in T.FORMULA_CALLS and (after[0] in T.FORMULA or after[:2] == ["you", "to"])


def _ing(word: str, after: list[str]) -> str | None:
    """The -ing verb of "I'm X-ing ..." if it is something we do."""
    if word in NOT_ACTIONS:
        return None
    if word in ("getting", "having"):
        return _causative(word, after)
    if word == "looking" and after[:1] == ["forward"]:
        return None
    if word in ("asking", "telling") and after[:1] == ["you"]:
        return None  # "I'm asking you to ...": homework for the customer
    return word if word != "helping" or _helps(after) else None


def _helps(after: list[str]) -> bool:
    """ "I'll help you restore it", "help with the reset": a step; "I'm happy to help" is not."""
    return after[:1] == ["with"] or (after[:1] == ["you"] and after[1:2] not in (["with"], [""]))


def _causative(word: str, after: list[str]) -> str | None:
    """"get/have X done", "get them to call", "have a technician call": an action; else None."""
    for j, w in enumerate(after):
        if w in ("to", "back") or (w == "going" and j) or w in T.RESULT_NOUNS:
            return word
        if j and (_participle(w) or w in ACTION_VERBS) and w not in NOT_ACTIONS:
            return word
    return None


def _past(word: str) -> bool:
    """A simple past that acts ("I checked", "we rolled back"), not "I noticed"."""
    if word in NOT_ACTIONS:
        return False
    return word in T.IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))


def _participle(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ed")) or word in T.PARTICIPLES
