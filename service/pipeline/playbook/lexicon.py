"""The playbook's word lists: what can't be said back, kinds of problem, failure and impact
words, the vocabulary of clauses and of the specifics worth mirroring.

Kept apart from the logic that uses them (``language``, ``issues``, ``mirroring``) so both stay
readable: each list is a plain set or pattern, written as a prose-like string (see `words`).
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word set written as one string: long word lists read better as prose than as columns."""
    return frozenset(text.split())


def mapping(text: str) -> dict[str, str]:
    """``"a>b, c d>e"`` -> ``{"a": "b", "c d": "e"}``, for the same reason."""
    pairs = (item.strip().split(">", 1) for item in text.split(","))
    return {key: value for key, value in pairs}


PROFANITY = words(
    "fuck fucking fucked fucker shit shitty bullshit crap crappy damn damned goddamn wtf hell ass "
    "asshole bastard bitch idiot idiots idiotic stupid moron morons dumb useless garbage trash "
    "incompetent pathetic ridiculous joke scam scammers clowns hate sucks suck worst terrible "
    "awful disgusting unacceptable liars lying pissed"
)

# Words that make a clause a promise, refusal, apology or rebuke once it is ours to say.
RISKY = re.compile(
    r"\b(?:i'?ll|i will|we'?ll|we will|you'?ll|you will|(?<!i'm )(?<!i am )going to|gonna|"
    r"sorry|apolog\w*|"
    r"should have|should've|calm down|obviously|as i said|per my|understand|relax|asap|soon|"
    r"shortly|seems? like|i bet|i guess|apparently|credit (?:of|worth) [$£€]|"
    r"[$£€]\d+ credit|money back|refund\w*(?! (?:page|form|button|link|portal))|"
    r"lawyer|attorney|sue|court|review|"
    r"thank\w*|please|annoyed|angry|"
    r"furious|frustrat\w*|upset|disappointed|livid|mad|outraged|disgusted|keep (?:saying|"
    r"telling|asking)|stop telling|you're not listening|escalat\w*)\b",
    re.I,
)

HOSTILE = re.compile(
    r"\b(?:you people|you guys|losing my mind|lose my mind|sick (?:and tired )?of|fed up|"
    r"tired of|so-called|brain-dead)\b",
    re.I,
)

NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred thousand twice half dozen"
)

TIME_WORDS = words(
    "today tonight tomorrow yesterday morning afternoon evening night week weekend month year "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december hours minutes days weeks months years"
)

PEOPLE_EVENTS = words(
    "daughter son mum mom mother dad father grandma grandmother grandpa grandfather granddaughter "
    "grandson wife husband partner kids children child baby family friend friends team staff "
    "employees client clients customer customers boss wedding birthday recital funeral holiday "
    "vacation trip appointment appointments meeting interview exam class school party concert "
    "anniversary surgery treatment hospital deadline presentation payroll launch"
)

MIRROR_STOP = words(
    "the a an and or but so to of in on at for with from by about into over after before this "
    "that these those it its is are was were be been has have had do does did not no your you "
    "we our us my i me they them their there here just still even also very now then than when "
    "what which who all any some every each more most other same way thing things lot get got "
    "gets going went go make made keep kept one"
)

NOT_A_THING = words(
    "time way money business help experience support service team staff people person agent rep "
    "day days week weeks month months year years hours minutes morning afternoon evening night "
    "life mind end moment"
)

SPELLED: tuple[str, ...] = ("one", "two", "three", "four", "five", "six")
SPELLED += ("seven", "eight", "nine", "ten", "eleven", "twelve")

DET = r"(?:the|your|our|this|my)"
KINDS: tuple[tuple[str, str], ...] = (
    (
        "billing",
        r"charg\w*|bill\w*|invoices?|payments?|paid|refund\w*|subscriptions?|"
        r"overcharg\w*|prices?|fees?|renewal|quote|credit|seats",
    ),
    (
        "product",
        r"damaged|split|cracked|defective|faulty|mold|dirty|wrong (?:item|size|colou?r)|"
        r"torn|ripped|leak\w*|heating|zipper|dent\w*|scratch\w*|"
        r"missing (?:items?|parts?|stuff)",
    ),
    (
        "delivery",
        r"orders?|packages?|parcels?|deliver\w*|ship\w*|arriv\w*|drivers?|tracking|"
        r"couriers?|trucks?|vans?|movers?|flowers|wrong address|went to the wrong",
    ),
    (
        "access",
        r"log ?ins?|logging in|passwords?|locked out|sign ?in|signing in|access|"
        r"verification|2fa",
    ),
    ("travel", r"flights?|bookings?|reservations?|gate|airport|luggage|bags?|hotel|room"),
    (
        "data",
        r"exports?|imports?|uploads?|downloads?|sync\w*|backups?|reports?|files?|"
        r"migrat\w*|integrat\w*|csv",
    ),
    (
        "service",
        r"down|outage|503|500|servers?|service|site|website|platform|network|"
        r"terminals?|internet|wi-?fi|connection|portal|throttled|data plan",
    ),
    (
        "app",
        r"app|crash\w*|errors?|bugs?|froze|freez\w*|screen|update|page|load\w*|spinner|lag\w*|"
        r"alerts?|reminders?|notifications?",
    ),
)
KIND_RE = {kind: re.compile(rf"\b(?:{words})\b", re.I) for kind, words in KINDS}
ANY_KIND = re.compile(rf"\b(?:{'|'.join(words for _, words in KINDS)})\b", re.I)
FAILURE = re.compile(
    r"\b(?:fail\w*|died|dies|crash\w*|broke\w*|stuck|froze|frozen|freez\w*|errors?|down|"
    r"missing|lost|never|(?:didn't|hasn't|has not|did not) (?:arrive|come|show up|turn up)|"
    r"cancel\w*|late|delay\w*|"
    r"charged|double|twice|wrong|incorrect|declined|locked|blocked|can't|cannot|won't|doesn't|"
    r"isn't|not working|stopped|disappeared|deleted|overcharged|damaged|split|cracked|outage|"
    r"timed? ?out|slow|keeps?|again|no longer|higher|no explanation|ignored|nobody|no one|"
    r"no (?:reply|response)|waiting|waited|dead|out since|throttled|mold|spinner|shouted|"
    r"yelled|rude|hung up|vanished|smashed|suspended|rejecting|rejected|blank|mess|nightmare|"
    r"disaster|shambles|gone|lags?|lagging|outages|wiped|crushed|shattered|dented|ruined|soaked|"
    r"charging|billing|in pieces|aren't|wasn't|weren't|didn't|hasn't|haven't|don't|none of|"
    r"without telling|have no|had no|"
    r"without (?:any )?(?:warning|notice))\b",
    re.I,
)
IMPACT = re.compile(
    r"\b(?:lost|losing|wasted|missed|ruined|deadline|due|client|meeting|presentation|payroll|"
    r"launch|tomorrow|tonight|this (?:morning|afternoon|evening)|hours?|whole day|all day|"
    r"days|weekend|boss|team|work from home|sale)\b",
    re.I,
)
REPEAT_COUNT = re.compile(
    r"\b(second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+"
    r"(?:time|attempt|email|call|message|request|ticket)s?\b",
    re.I,
)
REPEAT = re.compile(
    r"(?<!happen )(?<!happens )(?<!never )(?<!ever )\bagain\b|\bhow many times\b|"
    r"\b(?:multiple|several) times\b|\balready (?:told|asked|contacted|called|emailed|reported)\b",
    re.I,
)
QUESTION_START = words(
    "is are am do does did can could why what how when where who will would should has have any "
    "anyone if unless whenever although though because since once until while after before as "
    "whether every each"
)
IMPERATIVE = words(
    "fix give send stop get do make help let tell call refund cancel explain answer sort contact "
    "escalate reply respond listen look transfer put"
)
STOP = words(
    "is was were are be been has have had keeps keep kept died dies stopped stops failed fails "
    "failing crashed crashes broke froze freezes never still got gets came arrived shows showed "
    "says said went goes won't doesn't didn't isn't wasn't hasn't can't cannot couldn't just will "
    "would did does at on in for to from with of by about after before since during into over "
    "than and but or so because when that which who if we you i they he she it again not no back "
    "being happens happen happened done doing getting trying going bruh tonight tomorrow most "
    "least best worst please thanks leaves leave arrives departs lands boards "
    "yesterday today now anymore also there here without within around through across against "
    "between behind under outside inside per via like threw took sent went came gave made got put "
    "told kept brought bought sold left lost broke says shows crash crashes crashed fail fails "
    "freeze stop every each always the a an that my your our this off up out down"
)
PEOPLE = words(
    "rep representative agent guy person team staff driver people someone support manager "
    "technician engineer courier colleague department company business firm landlord son daughter "
    "wife husband kids family boss"
)
VAGUE_NOUNS = words(
    "way time same end moment rest beginning past world lot one thing morning afternoon evening "
    "night day week month year weekend today mind years months weeks days hours minutes help "
    "money business life patronage journey"
)
FAULT_NOUNS = words(
    "outage outages error errors issue issues problem problems bug bugs failure failures crash "
    "crashes glitch glitches fault faults"
)
VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can't|cannot|won't|don't|doesn't|didn't|"
    r"isn't|wasn't|aren't|hasn't|haven't|keeps?|says?|said|shows?|went|came|took|threw|got|"
    r"left|lost|broke|never|bought|paid|sent|made|gave|told|put|kept|brought|sold|spent|ran|"
    r"fell|stole|wrote|stuck|crash\w*|fail\w*|freez\w*|stops?|breaks?|loads?|works?|happens?|"
    r"drops?|keeps?|arrives?|disappears?|charges?|lags?|ate|flew|flown|gone|done|seen|taken|"
    r"given|written|shown|worn|torn|broken|stolen|frozen|chose|hung|cost|held|felt|found|heard|"
    r"\w+ed|\w+n't|\w+'(?:ve|re))\b",
    re.I,
)
