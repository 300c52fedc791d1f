"""Where `grounded` sees a person named: greeting, self-introduction, signature, role cues.

A capitalised word is only read as a person where a reader would: after "Hi"/"Dear", in "I'm X" /
"this is X" / "X here", on the line after "Best," or after "— ", next to a role ("our specialist,
Casey", "my colleague Priya", "ask for Bernadette", "Mark from our returns team", "Jordan Lee,
our billing specialist", "Casey will call you"), or as a common first name mid-sentence ("and
Natalie is packing it"). Product, company and place names ("Excel", "Shopify", "Denver") are not
read as people, which keeps the check quiet on ordinary drafts; an invented name with no cue and
not in the first-name list is a known gap.
"""

from __future__ import annotations

import re

from service.pipeline.checks._grounding_terms import words
from service.pipeline.text import Analysis

_CAP = re.compile(r"[A-Z](?<![\w'’][A-Z])[a-zà-ÿ]+(?:[-'’][A-Z][a-zà-ÿ]+)?")  # charset first: fast
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))[ ,]+"
    r"(?:(?:mr|mrs|ms|mx|miss|dr)\.?\s+)?(?=[A-Z])",
    re.I,
)
_ROLE_CUES = words(
    "specialist colleague manager supervisor teammate technician engineer agent rep "
    "representative coordinator lead director advisor adviser analyst courier driver contact mr "
    "mrs ms mx dr miss cc cc'd cc'ing"
)
_PAIR_CUES = frozenset(
    tuple(pair.split("_"))
    for pair in words(
        "ask_for speak_to speak_with talk_to you_to you_with over_to loop_in looping_in looped_in"
    )
)
_SELF_CUES = frozenset({("i", "am"), ("name", "is"), ("this", "is"), ("", "i'm"), ("", "it's")})
_TEAMS = r"(?:team|desk|department|office|warehouse|group|crew|unit|cent(?:er|re)|staff|shift)"
_ROLES = (
    r"(?:specialist|colleague|manager|supervisor|lead|agent|engineer|technician|rep"
    r"|representative|coordinator|director|advisor|analyst|driver)"
)
# After a capitalised word (and maybe a surname): "from our returns team", ", our billing
# specialist", "will call you".
_CUE_AFTER = re.compile(
    rf"(?:\s+[A-Z][a-z]+)?(?:\s+(?:from|in|on|at|with)\s+(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_TEAMS}\b|,\s+(?:our|my|the)\s+(?:\w+\s+)?{_ROLES}\b"
    r"|\s+(?:will|['’]ll|is\s+going\s+to|can)\s+(?:\w+\s+)?(?:call|ring|phone|reach\s+out"
    r"|contact|e-?mail|text|message|follow\s+up|be\s+in\s+touch|get\s+back|walk\s+you)\b)"
)
# A common first name at a sentence start is a person when a verb follows: "Casey says".
_NAME_VERB = re.compile(
    r"(?:\s+[A-Z][a-z]+)?\s+(?:says|said|confirmed|mentioned|told|asked|explained|noted|is|has"
    r"|was|had|will|can|just|already)\b|['’](?:s|ll)\s"
)
_INTRO_AFTER = re.compile(r"\s+(?:from|here|with|at)\b|,|\.|\s*$")
_HERE = re.compile(r"(?:^|[.!,]\s+)([A-Z][a-z]+)\s+here\s*[,.!—–-]")
_CLOSING = re.compile(
    r"^\s*(?:best|thanks|thank\s+you|regards|best\s+regards|kind\s+regards|warm\s+regards"
    r"|warmly|cheers|sincerely|many\s+thanks|take\s+care|talk\s+soon|all\s+the\s+best)"
    r"\s*[,.!]?\s*$",
    re.I,
)
_SIGNED = re.compile(r"(?:^|\s)[—–~^-]\s?([A-Z][a-z]+)\s*$")
_SIGNATURE_TEAM = words("support care team")  # "Acme Support" under the agent's name

# Common first names that are not also everyday words or brands ("Will", "Grace", "Mark", "May",
# "Chase", "Jordan", "Alexa" are left out: those are found only with a cue).
FIRST_NAMES = words("""
aaron abby abdul adam adrian ahmed aiden aisha alan albert alex alexander alexis alfie ali alice
alicia alison amanda amelia amir amit amy ana andre andrea andrew andy angela anita ann anna anne
annie anthony antonio arjun arthur ashley aubrey audrey ava barbara becky ben benjamin bernadette
beth bethany betty bianca blake bob bobby brad bradley brandon brenda brian bridget brittany
bruce bryan caleb cameron camila carl carla carlos carmen carol caroline carrie casey catherine
cathy charles charlie charlotte chen chloe chris christian christina christine christopher cindy
claire clara colin connor craig cynthia damian dan dana daniel daniela danielle danny darren
dave david deb debbie deborah denise derek diana diane diego dmitri dominic donna doug douglas
dylan eddie edward elena eli elijah elizabeth ella ellie emily emma eric erica erin ethan eva
evan evelyn farah fatima felix fernando fiona francesca francis gabriel gary gavin george gina
gloria gordon greg gregory hannah harold harry harvey hassan heather helen henry hiro hugo ian
igor imran irene isaac isabel isabella ivan jacob jake james jamie jane janet jared jasmine
jason javier jeff jennifer jenny jeremy jerry jess jessica jill jim jimmy joan joanna joe joel
john johnny jon jonathan jorge jose joseph josh joshua juan judy julia julian julie justin karen
karim kate katherine kathy katie keisha keith kelly kenji kevin kim kimberly kyle laura lauren
leah lena leo leon liam linda lisa liz logan lorenzo louise lucas lucy luis luke lydia maggie
malik manuel marco marcus maria mariana marie marina mario martha martin mary matt matthew megan
mei melanie melissa mia michael michelle miguel mike mila mohammed monica nadia nancy naomi
natalie natasha nathan neil nicole nikhil nina noah nora oliver olivia omar oscar owen pablo
pamela paolo patricia patrick paul paula peter philip priya rachel rafael rahul raj rajesh ravi
rebecca ricardo richard rick riley rita robert roberto rohan ron ronald rosa ruth ryan sally sam
samantha samir samuel sandra sara sarah scott sean sergio shannon sharon sofia sonia sophia
sophie stacy stephanie stephen steve steven susan suzanne tanya tara teresa theo thomas tim
timothy tina tom tomas tony tracy travis trevor tyler valerie vanessa victor victoria vikram
vincent wei wendy william xavier yasmin yuki yusuf zach zoe
""")
# Capitalised words next to a cue that are not names: roles, departments, pronouns, greetings,
# enumerators, days and months.
NOT_NAMES = words("""
i we you he she they it our my your the a an this that these those there here team support
billing finance engineering returns sales accounts account customer customers care service
services success tier tech technical legal security shipping logistics operations warehouse
management product quality escalations claims baggage supervisor manager specialist agent
engineer someone somebody everyone anyone everything nothing something anything all none both
each first second third next then finally lastly firstly secondly plus sorry happy glad just now
also still today tomorrow yesterday thanks thank please hi hello hey dear best regards cheers
kind warm many sincerely and or but so if when then as at on in from with by for to of help desk
department group crew helpdesk store shop online web app email phone chat hr it qa ops dev
devops platform cloud monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december
""")


def find_names(a: Analysis, known: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, role) of each person named but not in ``known`` (lowercase source words).

    Roles: "greeting" (who the draft addresses), "self" / "sign" (who the agent says they are:
    only the first name is checked, the agent's own surname need not be in the thread) and
    "person" (anyone else, with their surname).
    """
    masked, out = a.masked, []
    roles = _fixed_roles(masked)
    starts = set(a.starts)
    for m in _CAP.finditer(masked):
        s, word = m.start(), m.group().lower()
        if word in NOT_NAMES or (word in known and s not in roles):
            continue
        role = roles.get(s) or _role(masked, m, word, s in starts)
        if role is None:
            continue
        end = m.end()
        nxt = _CAP.match(masked, end + 1)
        if nxt and masked[end] == " " and nxt.group().lower() not in NOT_NAMES:
            end = nxt.end()  # a surname: "Jordan Lee"
        tail = masked[end:].split("\n", 1)[0].lower().split()[:1]
        if role == "sign" and tail and tail[0].strip(",") in _SIGNATURE_TEAM:
            continue  # "Acme Support"
        names = [w for w in re.split(r"[\s'’-]+", masked[s:end]) if len(w) > 1]
        if role in ("self", "sign"):
            names, end = names[:1], m.end()
        if not all(w.lower() in known for w in names):
            out.append((s, end, role))
    return out


def _fixed_roles(masked: str) -> dict[int, str]:
    """Where the greeting's, the self-introduction's and the signature's names start."""
    roles: dict[int, str] = {}
    if g := _GREETING.match(masked):
        roles[g.end()] = "greeting"
    if "\n" in masked:
        offset, lines = 0, masked.split("\n")
        for i, line in enumerate(lines):
            if _CLOSING.match(line):
                rest = "\n".join(lines[i + 1 :])
                roles.setdefault(offset + len(line) + 1 + len(rest) - len(rest.lstrip()), "sign")
            offset += len(line) + 1
    if sig := _SIGNED.search(masked, max(0, len(masked) - 30)):
        roles.setdefault(sig.start(1), "sign")
    if " here" in masked:
        for h in _HERE.finditer(masked):
            roles.setdefault(h.start(1), "self")
    return roles


def _role(masked: str, m: re.Match[str], word: str, sentence_start: bool) -> str | None:
    """'self', 'person' or None for a capitalised word outside the greeting and signature."""
    before = masked[max(0, m.start() - 30) : m.start()].lower().replace("’", "'").split()
    prev = [w.strip(",:.") for w in ["", "", *before][-2:]]
    pair = (prev[0], prev[1])
    if pair in _SELF_CUES or ("", prev[1]) in _SELF_CUES:
        intro = prev[1] in ("i'm", "am") or pair == ("name", "is")
        if intro or word in FIRST_NAMES or _INTRO_AFTER.match(masked, m.end()):
            return "self"
    if prev[1] in _ROLE_CUES or pair in _PAIR_CUES or _CUE_AFTER.match(masked, m.end()):
        return "person"
    if word in FIRST_NAMES and (not sentence_start or _NAME_VERB.match(masked, m.end())):
        return "person"  # "... and Casey", "Casey says", "Casey is on it"
    return None
