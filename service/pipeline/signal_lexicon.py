"""Keyword lexicons behind `signals.py` and `specifics.py`, and how they are compiled.

Patterns are built from small pieces (who + verb + object) instead of long literal lists, so one
entry covers "you lost my bag", "ur airline lost our suitcases" and "they've lost my parcel".
They tolerate the way people type in support channels: lowercase, missing or curly apostrophes
("dont", "im", "won’t"), "u"/"ur", and common typos ("manger", "cancle", "acount").

Every pattern is compiled once at import. `LEXICON` maps a signal id to (negatable, alternatives);
signals.py joins the alternatives into one regex per signal and matches it against a lowercased
copy of the message (case-sensitive matching is several times faster than IGNORECASE), so those
patterns are case-blind. `CASED` holds the few bits where case matters (AGAIN, HELP, a brand
name) and runs on the original text. The other compiled helpers here are case-insensitive.
"""

from __future__ import annotations

import re

F = re.IGNORECASE


def fold(text: str) -> str:
    """``text`` lowercased without changing its length, so offsets still index the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def compile_folded(source: str) -> re.Pattern[str]:
    """Compile ``source`` to run on `fold`-ed text, as fast as Python's matcher allows.

    Letters are lowercased (escapes such as ``\\S`` are kept) and IGNORECASE is dropped, and the
    leading ``\\b`` of top-level alternatives is tested once per position instead of once per
    alternative: ``\\bA|\\bB|C`` becomes ``\\b(?:A|B)|C``. Together that is ~5x faster.
    """
    lowered = re.sub(r"\\.|[A-Z]", lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), source)
    parts = _top_level_alternatives(lowered)
    bounded = [p[2:] for p in parts if p.startswith(r"\b")]
    others = [p for p in parts if not p.startswith(r"\b")]
    factored = [rf"\b(?:{'|'.join(bounded)})"] if bounded else []
    return re.compile("|".join(factored + others))


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at the ``|`` that are outside groups, classes and escapes."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return [*parts, source[start:]]


# ---- building blocks ------------------------------------------------------------------------
AP = r"['’]?"  # optional apostrophe: dont / don't / don’t
N = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"several|multiple|many|numerous|countless|a\s+few|a\s+couple\s+of|a\s+dozen|dozens\s+of|"
    r"so\s+many|like\s+\d+|about\s+\d+|over\s+\d+)"
)
ORD = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|"
    r"(?:[2-9]|[1-9]\d)(?:st|nd|rd|th))"
)
YOU = r"(?:you\s+(?:guys|people|lot|lads|folks)|you|u|ya|yous|y['’]?all)"
YOUR = r"(?:your|ur|yr|the|a|an)"
BOSS = (
    r"(?:manager|manger|managr|mgr|supervis[oe]r|supervisr|superior|boss|team\s+lead(?:er)?|"
    r"management|higher[- ]ups?|head\s+office|complaints?\s+(?:team|department|dept)|"
    r"senior\s+(?:member\s+of\s+staff|staff|colleague|person|agent|advis[oe]r|manager))"
)
INSULT = (
    r"(?:idiots?|morons?|imbeciles?|clowns?|dumbass(?:es)?|jackass(?:es)?|a[rs]seholes?|retards?|"
    r"scum(?:bags?)?|losers?|buffoons?|muppets?|twats?|dickheads?|pricks?|bitch(?:es)?|cretins?|"
    r"bastards?|numpties|numpty|halfwits?|dimwits?|nitwits?|dipshits?|wankers?|tossers?|bozos?|"
    r"pillocks?|plonkers?|knobheads?|cunts?|shitheads?|douche(?:bags?)?|sods|gits?|prats?|"
    r"a[*s]{2}holes?|@\$\$holes?|a-holes?|b[i*]tch(?:es)?|tw[a*]ts?|c[u*]nts?|d[i*]ckheads?|"
    r"thieves|crooks|scammers|con\s+artists|excuse\s+for\s+an?\s+(?:human|person|company|agent)|"
    r"piece\s+of\s+(?:shit|crap|garbage|trash)|waste\s+of\s+(?:space|oxygen|skin))"
)
# Adjectives that insult a person ("you're clueless"), not a product ("the app is useless").
MEAN = (
    r"(?:stupid|thick|dense|brainless|brain[- ]?dead|clueless|incompetent|useless|pathetic|"
    r"worthless|retarded|illiterate|inept|moronic|idiotic|dumb)"
)
INTENS = (
    r"(?:(?:so|such|a|an|the|complete(?:ly)?|absolute(?:ly)?|total(?:ly)?|utter(?:ly)?|fucking|"
    r"fkn|fuckin|fking|f[*]+ing|effing|bloody|clearly|just|really|all|actually|obviously|"
    r"literally|genuinely)\s+){0,3}"
)
NOT_ME = r"(?:(?!(?:I|I['’]m|im|me|my|myself|we|we['’]re|us|our)\b)[\w'’*-]+\s+)"
DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
EVENT = (
    r"(?:flights?|connection|connecting\s+flight|meeting|call|deadline|appointment|event|interview"
    r"|train|bus|ferry|plane|cruise|wedding|presentation|exam|shift|dinner|party|birthday|b-?day|"
    r"funeral|surgery|operation|class|lecture|concert|show|game|match|trip|holiday|vacation|"
    r"ceremony|graduation|recital|payment|window|check-?in|reservation|booking|tour|gig|"
    r"\d+(?:st|nd|rd|th))"
)
# Things whose loss is worth mirroring back whoever lost them (time, work, money, data).
LOST = (
    rf"(?:hours?|hrs|days?|weeks?|minutes|mins|evenings?|mornings?|afternoons?|nights?|weekends?|"
    r"work|data|files|photos|pictures|videos|memories|documents|emails|contacts|messages|notes|"
    r"progress|saves?|money|savings|deposit|wages|pay|salary|income|sales?|orders|customers?|"
    r"clients?|deals?|renewal|contract|revenue|business|meetings?|job|booking|reservation|seats?|"
    rf"tickets?|place|slot|holiday|vacation|trip|points|miles|everything|\w+['’]s\s+worth|{DAY}s?)"
)
# Physical things a company (not the customer) can lose or wreck.
ITEM = (
    r"(?:bags?|luggage|suitcases?|case|parcel|package|order|delivery|items?|post|mail|letters?|"
    r"documents?|passport|belongings|stuff|things|car|bike|bicycle|pram|stroller|buggy|guitar|"
    r"wheelchair|laptop|phone|tv|furniture|sofa|table|floor|carpet|wall|fence|garden|door|"
    r"account|number|photos|files|data|\w+['’]?s\s+(?:bag|luggage|suitcase|order|parcel))"
)
CO = (  # who did it: the company, its people or its system (never the customer)
    r"(?:you|u|ya|y['’]?all|they|it|this|you\s+guys|you\s+lot|your\s+(?:\w+\s+)?\w+|ur\s+\w+|"
    r"the\s+(?:update|upgrade|app|sync|migration|system|courier|driver|engineer|technician|"
    r"airline|crew|staff|handlers|fitters?|installers?|delivery\s+\w+|movers))"
)
GONE = (  # the thing is gone
    r"(?:lost|destroyed|ruined|deleted|wiped|erased|overwrote|overwritten|corrupted|stole|stolen|"
    r"binned|misplaced|mislaid|threw\s+away|thrown\s+away)"
)
WRECK = r"(?:broke|broken|damaged|wrecked|smashed|scratched|cracked|dented|flooded|scuffed|ripped)"
FUTURE = rf"(?:would|will|['’]d|within|by|in\s+(?:\d+|a|an|two|three)\s|on\s+{DAY}|tomorrow|next)"
SPAN = (  # a long time: "8 years", "since 2011", "decades", "day one"
    rf"(?:{N}\s+(?:years?|yrs?|decades?)|\d{{4}}|(?:many\s+)?years|ages|decades?|a\s+decade|"
    rf"day\s+one|forever|the\s+(?:very\s+)?(?:start|beginning)|{N}\s+generations|the\s+(?:\d0s|"
    r"'\d0s|nineties|eighties|seventies)|as\s+long\s+as\s+I\s+can\s+remember|you\s+(?:opened|"
    r"launched|started))"
)
_HAS = r"(?:\s+(?:have|has)\s+|['’]ve\s+|\s+)?(?:just\s+|now\s+|also\s+|somehow\s+|completely\s+)?"

LEXICON: dict[str, tuple[bool, tuple[str, ...]]] = {
    "abuse": (True, (
        rf"\b{YOU}\s+{NOT_ME}{{0,3}}?{INSULT}\b",
        rf"\b(?:bunch|pack|load|shower)\s+of\s+(?:[\w-]+\s+){{0,2}}?{INSULT}|\bwhat\s+(?:kind|sort)"
        rf"\s+of\s+(?:\w+\s+)?{INSULT}",
        rf"\b(?:are|r)\s+{YOU}\s+(?:(?:all|actually|really|just|seriously|genuinely|this|that|so|"
        rf"being|completely|totally)\s+)*(?:{MEAN}|deaf|blind|mental|simple|slow)\b",
        rf"\b(?:you{AP}re|youre|you\s+are|u\s+r|u{AP}re|{YOU}\s+(?:are|r))\s+{INTENS}{MEAN}\b",
        rf"\b(?:you{AP}re|youre|you\s+are|your|ur|u\s+r)\s+(?:an?\s+)(?:\w+\s+)?{INSULT}\b",
        rf"\b(?:{MEAN}|{INSULT})[,!.]?\s+(?:the\s+)?(?:whole\s+)?lot\s+of\s+(?:you|ya|yous)\b",
        rf"\b(?:your|ur|the)\s+(?:\w+\s+)?(?:staff|agents?|reps?|people|team|employees|workers|"
        rf"colleagues|advis[oe]rs|operators)\s+(?:are|is|r)\s+{INTENS}(?:{MEAN}|{INSULT})\b",
        r"\b(?:stupid|useless|incompetent|clueless|lazy|brainless|pathetic|fucking|effing|fkn|"
        r"bloody)\s+(?:\w+\s+)?(?:woman|man|girl|boy|cow|git|sod|agents?|reps?|operators?|"
        r"people|idiots?|morons?|clowns?|liars?)\b",
        r"\b(?:f+u+c*k+|f[*#@$]+c?k?|fck|fuk|fuq|eff|sod|piss|bugger)\s*(?:you|u|ya|off|"
        r"yourselves?)\b|\bdo\s+your\s+(?:fucking|f[*#]+\w*|effing|bloody|damn|goddamn)\s+job\b|"
        r"\bdamn\s+(?:you|u)\b|\bto\s+hell\s+with\s+(?:you|u|your)\b|\bget\s+a\s+(?:brain|clue)\b|"
        r"\b(?:shove|stick)\s+(?:it|your\s+\w+|that)\s+(?:up\s+your|where)\b|\bcan(?:'?t|"
        r"not)?\s+(?:you|u)\s+(?:not\s+)?(?:even\s+)?read\s*\?",
        r"\bf\s+off\b|\bscrew\s+(?:you|u|ya)\b|\bgo\s+(?:fuck|to\s+hell|die|jump)\b|\bstfu\b|"
        r"\bget\s+stuffed\b|\bkiss\s+my\s+(?:ass|arse)\b|\bup\s+yours\b|\bgfy\b",
        r"\bshut\s+(?:the\s+\w+\s+|your\s+(?:mouth|face|trap)\s+|it\s+)?up\b",
        rf"(?:^|[.!?\n]\s*|@\w+\s+)(?:(?:absolute|total|complete|fucking|bloody)\s+)?{INSULT}\s*"
        r"(?:[.!?]|$)",
        r"\b(?:I'?ll|I\s+will|gonna|going\s+to)\s+(?:come\s+(?:and\s+)?)?find\s+(?:you|your)\b",
        r"\byou'?ll\s+regret\b|\bwatch\s+your\s+back\b|\bI\s+know\s+where\s+you\b",
        r"\bhope\s+(?:you|u|ya)\s+(?:get\s+(?:fired|sacked)|lose\s+your\s+job|rot|die|burn|choke)|"
        r"\bmake\s+sure\s+(?:you|u)\s+(?:lose\s+your\s+job|get\s+(?:fired|sacked))|"
        r"\bhave\s+your\s+job\b|\b(?:you['’]?re|you\s+are|ur)\s+(?:a\s+)?(?:\w+\s+)?liar\b",
        rf"\b(?:get|have|see)\s+{YOU}\s+(?:fired|sacked)\b|\byou\s+(?:should|deserve\s+to|need"
        rf"\s+to)\s+(?:be|get)\s+(?:fired|sacked)\b|\byou{AP}(?:ll|\s+will)\s+pay\s+for\s+th",
        rf"\bstop\s+being\s+(?:so\s+)?(?:bloody\s+|fucking\s+)?{MEAN}\b|\bwhat\s+(?:an?\s+)?"
        rf"(?:absolute\s+|complete\s+|total\s+)?{INSULT}\b(?!\s+I\b)",
        rf"\b(?:do|have)\s+(?:you|u)\s+(?:even\s+)?(?:have|got)\s+a\s+brain\b|\bfull\s+of\s+{INSULT}"
        r"\b|\b(?:you['’]?re|you\s+are|ur)\s+(?:so\s+|all\s+)?full\s+of\s+(?:shit|crap)\b",
        r"\bI[\'’]?ll\s+(?:come|be)\s+(?:down|round|over)\s+(?:there|to\s+your)\b|\bwatch\s+"
        r"yourself\b|\b(?:better|should)\s+watch\s+(?:out|yourself|your\s+back)\b|\bwhere\s+you\s+"
        r"live\b",
    )),
    "manager-request": (True, (
        rf"\b(?:speak|talk|chat|deal)(?:ing)?\s+(?:to|with)\s+(?:(?:{YOUR}|some(?:one|body)|"
        rf"any(?:one|body))\s+)?(?:(?:real|actual|live|proper|other|different|more\s+senior|"
        rf"senior)\s+)?(?:{BOSS}|humans?(?:\s+being)?|person)\b|\b(?:speak|talk|chat)\s+(?:to|with)"
        r"\s+(?:an?\s+|the\s+|your\s+)?(?:real|actual|live|other|different|another)\s+agent\b",
        r"\b(?:speak|talk|chat|get\s+through)\s+(?:to|with)\s+(?:some(?:one|body)|any(?:one|body))"
        r"\s+(?:else|above|higher|senior|more\s+senior|in\s+charge|with\s+(?:more\s+)?authority|"
        r"who\s+(?:can|could|actually|knows|is\s+able|has))\b",
        r"\b(?:(?:can|could|may)\s+I|(?:want|need|like|demand|wish)\s+to)\s+(?:please\s+)?"
        r"(?:speak|talk)\s+(?:to|with)\s+(?:some(?:one|body)|a\s+(?:person|human))\b",
        rf"\b(?:transfer|put|get|connect|pass|send|forward|bump|kick|refer)\s+(?:me|this|it|my\s+"
        rf"\w+)\s+(?:through\s+|up\s+|on\s+|over\s+)?(?:to|with)\s+(?:{YOUR}\s+|whoever\s+)?"
        rf"(?:\w+\s+)?(?:{BOSS}|human|person|some(?:one|body)|senior|higher|handles|deals)\b",
        rf"\bescalat(?:e|ing)\s+(?:this|it|my\s+\w+|the\s+\w+|me)\b|\b(?:want|like|need|get)\s+"
        rf"(?:this|it|my\s+\w+)\s+escalated\b|(?<!was\s)(?<!been\s)\b(?:passed|referred|"
        rf"forwarded|escalated)\s+(?:on\s+|up\s+)?to\s+(?:a\s+|an\s+|your\s+|the\s+)?(?:{BOSS}|"
        r"senior|someone\s+(?:senior|higher|more\s+senior|in\s+charge))",
        rf"\b(?:want|need|get\s+me|demand|(?:I{AP}d|would)\s+like)\s+{YOUR}\s+{BOSS}\b|"
        rf"\b{BOSS}\s*,?\s+(?:please|now|pls)\b",
        r"\bget\s+me\s+(?:a|an|your|the)\s+(?:real\s+|live\s+|actual\s+)?(?:person|human|agent)\b|"
        r"\bget\s+me\s+some(?:one|body)\s+(?:who|that|else|senior|in\s+charge|with)\b|"
        r"\bescalat(?:e|ing)\s+(?:to|up|higher|further)\b|\b(?:call|call\s?back|ring|email|"
        rf"contact)\s+from\s+(?:a|an|your|the)\s+(?:\w+\s+)?{BOSS}",
        rf"\bis\s+there\s+(?:an?\s+)?(?:(?:actual|real|live)\s+)?(?:anyone|anybody|someone|"
        rf"somebody|person|human|{BOSS})\b[^.!?\n]{{0,30}}?\b(?:talk|speak|chat|help)",
        r"\b(?:human|person|real\s+\w+)\s*,?\s+not\s+(?:a\s+)?(?:bot|robot|machine|script)\b",
        r"\bsomeone\s+(?:with|who\s+has)\s+(?:more\s+)?authority\b|\bsomeone\s+(?:in\s+charge|"
        r"(?:more\s+)?senior|higher\s+up|above\s+you)\b|\bwho(?:['’]?s|\s+is)\s+(?:in\s+charge|"
        r"your\s+(?:manager|boss|supervisor|superior))\b|\bwho\s+can\s+I\s+escalate\b|\b(?:make|"
        r"raise|file|lodge|submit|log)\s+(?:a\s+)?formal\s+complaints?\b|\btake\s+(?:this|it|"
        r"my\s+complaint|things)\s+further\b|\b(?:anyone|anybody|someone|"
        r"somebody)\s+(?:more\s+senior|senior|higher\s+up|above\s+you|in\s+authority|"
        r"with\s+(?:more\s+)?authority|in\s+charge)\b|\b(?:manager|supervisor|boss)'?s\s+(?:name|"
        r"details|number|email|contact)\b|\bescalate\s*(?:[.!]|please|pls|now|$)",
        rf"\bis\s+there\s+(?:a|an|any)\s+(?:\w+\s+)?{BOSS}\s+(?:available|around|there|on\s+duty|"
        r"I\s+can)\b|\bget\s+(?:your|the|a)\s+(?:\w+\s+)?(?:manager|supervisor|boss)\s+(?:on|to)\b",
        rf"\b(?:raise|take)\s+(?:this|it|my\s+\w+)\s+(?:up\s+)?with\s+(?:{YOUR}\s+)?(?:\w+\s+)?"
        rf"{BOSS}\b|\bwho\s+(?:can|do|should)\s+I\s+complain\s+to\b",
    )),
    "legal-threat": (True, (
        r"\b(?:lawyers?|attorneys?|solicitors?|legal\s+action|lawsuit|small\s+claims|class\s+action"
        r"|BBB|better\s+business\s+bureau|charge\s?backs?|ombudsman|trading\s+standards|consumer\s+"
        r"protection|attorney\s+general|FTC|FCC|CFPB|ofcom|ofgem)\b",
        r"\b(?:sue|suing)\s+(?:you|your|them|the|for)\b|\b(?:I'?ll|will|gonna|going\s+to)\s+sue\b",
        r"\breport(?:ing)?\s+(?:you|this|your\s+\w+)\s+to\b|\b(?:in|to)\s+court\b",
        r"\bdisput(?:e|ing)\s+(?:this|the|that)\s+(?:charge|payment|transaction)\b",
        r"\b(?:go(?:ing)?|call(?:ing)?|contact(?:ing)?)\s+(?:to\s+)?my\s+(?:bank|"
        r"card\s+compan\w+)\b",
    )),
    "refund-demand": (True, (
        r"\b(?:want|need|demand|expect|request(?:ing)?|ask(?:ing)?\s+for|like|deserve|entitled\s+to"
        r"|give\s+me|issue\s+me|get|owed)\b[^.!?\n]{0,25}?\brefund\b|\bfull\s+refund\b",
        r"\brefund\s+(?:me|us|it|this|that|my|our|the)\b|\b(?:and|&)\s+refund\b|\b(?:want|need|"
        r"expect|like)\s+(?:it|this|that|them|the\s+\w+|my\s+\w+)\s+refunded\b|\b(?:the|my|"
        r"our)\s+[£$€]\s?\d[\d.,]*\s+back\b|\b(?:every\s+(?:penny|cent)|all\s+(?:of\s+)?(?:my|"
        r"the)\s+money)\s+back\b|\brefund\s*(?:please|pls|plz|now|asap)\b|"
        r"\brefund\s+(?:the\s+)?[£$€]\s?\d|\breimburs(?:e|ed|ing|ement)\b",
        r"\b(?:money|cash)\s+(?:back|return(?:ed)?)\b|\b(?:pay|paying)\s+(?:me|us)\s+back\b|"
        r"\bgive\s+(?:me\s+)?(?:back\s+)?my\s+money\b|\breturn\s+my\s+money\b",
        r"\b(?:can|could)\s+(?:that|this|it|the\s+\w+)\s+be\s+(?:undone|reversed|refunded)\b",
        r"\b(?:charge|payment|fee|transaction)s?\s+(?:be\s+)?(?:reversed|refunded|"
        r"credited\s+back)\b",
        r"\b(?:my|the|our|that|this|all\s+(?:my|the|our))\s+(?:[£$€]?\d[\d.,]*\s+)?(?:\w+\s+){0,2}?"
        r"(?:money|fees?|deposits?|payments?|charges?|fares?|subscriptions?)\s+back\b",
        r"\breverse\s+(?:the|this|that)\s+(?:charge|payment|fee)\b",
        r"\bprocess\s+(?:a|my|the)\s+refund\b|\b(?:want|need|expect|like)\s+(?:(?:the|my|our)\s+"
        r"(?:\w+\s+){0,2}\w+)\s+refunded\b|(?:^|[.!?]\s+)refund\s*[.!]",
    )),
    "outage": (True, (
        r"\b(?:site|website|app|servers?|services?|systems?|platform|portal|api|checkout|network|"
        r"everything|it|things|payments|login|log-?in|streaming|computers?|dashboard|internet|"
        r"wi-?fi|broadband|email|inbox|sync|cloud)(?:'s|’s|\s+is|\s+are|"
        r"\s+was|\s+were|\s+went|\s+goes|\s+(?:has|have)\s+been|"
        r"\s+keeps\s+going)\s+(?:\w+\s+)?down\b",
        rf"\b(?:is|are|r)\s+(?:the\s+|your\s+|ur\s+)?(?:site|website|app|servers?|service|system|"
        rf"network|api|it|{YOU})\s+(?:\w+\s+)?down\b|(?<!let me )(?<!let us )"
        r"\bdown\s+(?:again|for\s+everyone|rn|right\s+now)\b",
        r"\boutages?\b|\bdowntime\b|\b(?:getting|got|seeing|returns?)\s+(?:an?\s+)?5\d\d\b",
        r"\b5\d\d\s+(?:errors?|bad\s+gateway|service\s+unavailable)\b|\bservice\s+unavailable\b|"
        r"\b(?:internal\s+)?server\s+errors?\b|\bbad\s+gateway\b",
        r"\b(?:not|isn['’]?t|won['’]?t|can['’]?t|keeps?)\s+(?:loading|working|load|work|open|"
        r"connect|log\s?in|crashing|failing)\s+for\s+(?:anyone|everyone|anybody|any\s+of\s+us|"
        r"all\s+of\s+us|the\s+whole\s+\w+|my\s+whole\s+\w+)\b|\b(?:site|website|app|servers?|"
        r"service|system|platform|portal|api|network)(?:['’]s|\s+is|\s+are|\s+was|"
        r"\s+went)\s+(?:\w+\s+)?(?:offline|dead|unreachable)\b",
        r"\b(?:theirs|his|hers|my\s+(?:husband|wife|partner|son|daughter|mum|mom|dad|friend|"
        r"colleague|flatmate|neighbou?r)['’]?s)\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has|have|"
        r"won['’]?t|isn['’]?t|doesn['’]?t|can['’]?t|not)\b[^.!?\n]{0,25}?\b(?:either|too|as\s+well"
        r"|also|down|off|out|dead)\b",
        r"\b(?:something|anything)\s+(?:going\s+on|wrong|up|broken|happening)\s+(?:at|on|with)\s+"
        r"(?:your|ur|the)\s+(?:end|side|servers?|system|network|app|site|website)\b",
        r"\b(?:anyone|anybody|everyone)\s+else(?:['’]s|\s+(?:having|getting|seeing|experiencing|"
        r"got|had|notic\w+|can['’]?t|unable|affected|down|too)\b)|\b(?:anyone|anybody)\s+else\b"
        r"[^.!?\n]{0,40}\?|\bis\s+it\s+(?:just\s+)?me\b",
        r"\bno\s+(?:signal|service|coverage|power|internet|connection)\s+(?:in|across|for)\s+(?:the"
        r"\s+)?(?:whole|entire|all)\b|\b(?:whole|entire)\s+(?:street|area|town|village|building|"
        r"estate|neighbou?rhood|block|office|city|region)\b[^.!?\n]{0,25}?\b(?:down|out|off|no\s+"
        r"\w+|without|offline|dead|can['’]?t)\b",
        r"\b(?:colleagues|coworkers|co-workers|everyone|others|neighbou?rs|"
        r"whole\s+team)\s+(?:\w+\s+)?(?:have|has|are\s+having|see|seeing)\s+the\s+same\s+(?:issue|"
        r"problem|thing)\b",
        r"\bnone\s+of\s+(?:us|our\s+\w+|my\s+\w+|the\s+\w+)\s+(?:\w+\s+)?(?:can|could|are\s+able)\s"
        r"|\bnobody\s+in\s+(?:our|my|the)\s+\w+\s+can\b",
        rf"\b(?:are|r)?\s*{YOU}\s+(?:having|experiencing|got)\s+(?:\w+\s+)?(?:problems|issues|"
        r"trouble|difficulties|an\s+outage|technical)\b",
        r"\b(?:servers?|systems?|site|website|app|network|you|u)\s+(?:having|experiencing)\s+(?:"
        r"issues|problems|trouble|difficulties)\b|\bdown\s?detector\b|\bstatus\s+page\b|"
        r"\b(?:fault|problem|issue|outage|maintenance)s?\s+(?:in|on|across|around)\s+(?:the|my|our|"
        r"this)\s+(?:area|region|network|street|postcode|town|city|neighbou?rhood)\b|\bis\s+(?:this"
        r"|it|there)\s+(?:a\s+)?known\s+(?:issue|problem|fault|outage|bug)s?\b",
        r"\b(?:issue|problem|outage|disruption|incident|fault)s?\s+(?:that\s+is\s+|"
        r"which\s+is\s+)?affecting\s+(?:some|many|all|multiple|several|a\s+number\s+of|our)\b|"
        r"\b(?:wider|widespread|service-wide|platform-wide|network)\s+(?:issue|problem|outage|"
        r"disruption|incident|fault)|\b(?:computers?|systems?|servers?|network|"
        r"IT)\s+(?:being\s+down|(?:system\s+)?(?:crash|failure|outage|meltdown)s?)\b",
    )),
    "broken-promise": (True, (
        rf"\b{YOU}\s+(?:\w+\s+)?(?:said|promised|told\s+(?:me|us)|guaranteed|assured|swore)\b",
        r"\b(?:was|were)\s+(?:supposed|meant|promised|guaranteed|due|scheduled)\s+to\b",
        r"\b(?:rep|representative|agent|advis[oe]r|colleague|engineer|technician|driver|courier|"
        r"guy|lady|man|woman|person|someone|staff|manager|supervisor|website|site|app|tracking|"
        r"company|confirmation|e-?mail|text|letter|faq|terms|store|shop|branch|"
        r"receipt)\s+(?:\w+\s+){0,2}?(?:said|says|stated|states|promised|told\s+(?:me|us)|"
        r"guaranteed|assured|quoted|confirmed)\b",
        r"\b(?:spoke|talked)\s+to\b[^.!?\n]{0,25}\b(?:said|told)\b",
        rf"\b(?:they|he|she|it)\s+(?:\w+\s+)?(?:said|told\s+(?:me|us)|promised|assured)\b"
        rf"[^.!?\n]{{0,50}}?\b{FUTURE}",
        rf"\b(?:was|were|been|got)\s+(?:told|informed|advised|quoted)\b[^.!?\n]{{0,60}}?\b{FUTURE}",
        r"\b(?:was|were|been)\s+(?:promised|assured|guaranteed)\b|\bpaid\s+(?:extra\s+)?for\s+"
        r"(?:next[- ]day|express|overnight|same[- ]day|priority)\b",
        r"\band\s+now\s+(?:you(?:'re)?\s+(?:say|saying|tell)|it'?s\s+another|another)\b|\bpushed\s+"
        r"back\s+again\b|\bnow\s+you(?:'re)?\s+(?:say|saying|telling\s+me)\b|\band\s+now\s+"
        r"(?:it['’]?s\s+|its\s+|they['’]?re\s+)?(?:showing|saying|says)\b",
        r"\b(?:keeps?|kept)\s+(?:getting\s+|being\s+)?(?:pushed\s+back|moved|delayed)\b",
        rf"\b(?:said|told|promised|quoted)\s+(?:me\s+|us\s+)?(?:it\s+would\s+(?:take|be)\s+)?{N}"
        r"(?:\s*(?:-|–|to)\s*\d+)?\s+(?:business\s+|working\s+)?(?:days|weeks|hours)\b",
        r"\bper\s+(?:your|the)\s+(?:\w+'s\s+)?(?:email|agent|rep|message|letter|call|chat)\b",
        r"\b(?:the\s+)?promised\s+(?:\w+\s+)?(?:call\s?-?back|refund|credit|voucher|delivery|date|"
        r"engineer|technician|email|update|compensation|replacement|fix)\b|\b(?:like|as)\s+(?:you|u"
        r"|they|he|she|your\s+\w+)\s+(?:promised|said\s+(?:you|they|he|she|it)\s+would)\b",
        r"(?:^|[.!?,;:\n]\s*|\bwell\s+|@\w+\s+)so\s+much\s+for\b",
        r"['\"“‘](?:instant|next[- ]day|same[- ]day|express|guaranteed|fast|quick|priority|24[- ]?"
        r"h(?:ou)?rs?)['\"”’]",
        r"\bshould\s+(?:have|['’]ve)\s+(?:been\s+)?(?:arrived|here|delivered|fixed|sorted|"
        r"refunded|credited|processed)\b|\b(?:estimated|expected|guaranteed|promised|"
        r"scheduled)\s+(?:delivery|arrival|dispatch|completion)\s+(?:date\s+)?(?:was|of)\b|"
        r"\b(?:your|the)\s+own\s+(?:deadline|timeline|estimate|date)\b|\b(?:missed|past|passed|"
        r"beyond|over)\s+(?:the|your)\s+(?:promised|agreed|quoted|estimated|guaranteed|"
        r"original)\s+\w+|\b(?:order|delivery|parcel|package|refund|repair|replacement|callback|"
        r"call\s+back)\s+(?:is\s+|was\s+)?(?:now\s+)?(?:\w+\s+)?overdue\b",
        r"\b(?:was|were)\s+(?:booked|scheduled|arranged)\s+(?:for|on|between)\b|\b(?:your|the)\s+"
        r"promise\b|\bnot\s+what\s+(?:I|we)\s+(?:was|were)\s+(?:told|promised)\b",
    )),
    "urgency": (False, (
        r"\burgent(?:ly)?\b|\basap\b|\bas\s+soon\s+as\s+possible\b|\bemergency\b|\bimmediately\b",
        r"\btime[- ]sensitive\b|\bright\s+(?:now|away)\b|\bdeadline\b|\bfor\s+tonight\b|"
        r"\brunning\s+out\s+of\s+time\b|\bmatter\s+of\s+urgency\b",
        r"\b(?:by|before|until)\s+(?:(?:end\s+of\s+)?(?:the\s+)?(?:day|tomorrow|tonight|today|eod|"
        rf"noon|midnight)|{DAY}|this\s+(?:morning|afternoon|evening)|"
        r"\d{1,2}(?::\d\d)?\s?[ap]m)\b",
        r"\b(?:fly|flying|flight|leave|leaving|meeting|starts?|due|boarding|"
        r"appointment)\b[^.!?\n]{0,30}\b(?:in|within)\s+(?:an?|one|two|three|\d+|"
        r"half\s+an?)\s+(?:hours?|hrs?|minutes|mins)\b|\bat\s+the\s+(?:airport|gate|station|"
        r"check-?in|counter|desk)\s+(?:right\s+)?now\b",
        r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:presentation|meeting|flight|interview|exam|appointment|"
        r"wedding|audit|demo|launch|event)\s+(?:is|starts|leaves)\s+(?:at|in|tomorrow|tonight|"
        r"today|this)\b|\b(?:fly|flying|leave|leaving|travel(?:l)?ing|"
        r"depart\w*)\s+(?:out\s+)?(?:tomorrow|tonight|today|this\s+(?:morning|afternoon|"
        r"evening))\b",
        rf"\b(?:by|before)\s+(?:my|our|the)\s+(?:\w+\s+){{0,5}}?(?:on\s+{DAY}|{DAY}|tomorrow|"
        r"tonight|today)\b|\bbefore\s+I\s+(?:leave|go|fly|head)\b",
        r"\b(?:in|within)\s+the\s+next\s+(?:\d+|few|couple\s+of|two|three)\s+(?:hours?|minutes|"
        r"mins)\b",
        r"\b(?:starts?|begins?|leaves?|departs?|closes?)\s+(?:at|in)\s+(?:\d|an?\s+hour|half)|"
        rf"\b{EVENT}\s+(?:is\s+)?(?:tomorrow|tonight|today|this\s+(?:morning|afternoon|evening|"
        rf"weekend)|on\s+{DAY}|{DAY})\b|\b(?:fly|flying|leave|leaving|travel(?:l)?ing|"
        rf"depart\w*)\s+(?:on\s+)?{DAY}\b",
        r"\b(?:need|needs|have\s+to|must|has\s+to|got\s+to|gotta)\b[^.!?\n]{0,40}\b(?:today|"
        rf"tonight|tomorrow|this\s+(?:morning|afternoon|evening)|on\s+{DAY})\b",
        rf"\b{EVENT}\s+(?:is\s+)?at\s+(?:\d{{1,2}}(?::\d\d)?\s?(?:am|pm)?\s+)?(?:tomorrow|tonight|"
        r"today)\b",
    )),
    "repeated-contact": (False, (
        rf"\b{ORD}\s+(?:time|e-?mail|message|call|request|ticket|attempt|chat|DM|follow[- ]up)\b",
        rf"\b{ORD}\s+(?:\w+\s+)?(?:in\s+(?:a|\d+|two|three)\b|this\s+(?:week|month|year)|running"
        r"|in\s+a\s+row)",
        r"\b(?:called|emailed|e-mailed|written|wrote|messaged|contacted|chatted|tweeted|DM'?d|"
        r"reached\s+out|rang|rung|phoned|pinged|nudged|followed\s+up|asked|requested|unsubscribed|"
        r"reported|complained|submitted|chased|raised|filed|sent|explained|"
        rf"told)\b(?:\s+\w+){{0,4}}?\s+(?:{N}\s+times|twice|repeatedly|over\s+and\s+over)\b",
        r"\b(?:told|asked|gave|sent|explained)\b(?:\s+\w+){0,5}\s+twice\b",
        r"\bstill\s+(?:waiting|no\b|nothing|haven'?t|hasn'?t|not\b|broken)",
        r"\b(?:not|isn'?t)\s+the\s+first\s+time\b|\bhow\s+many\s+(?:more\s+)?times\b",
        r"\b(?:happened|happening|failed|failing|broke|crashed|died|dropped|stopped|leaking|"
        r"charged|wrong|late|missing|locked|cancel+ed)[.!,]?\s+(?:\w+\s+)?again\b",
        r"\b(?:yet|once|all\s+over)\s+again\b|\b(?:asking|writing|calling|contacting|chasing)\s+"
        r"(?:\w+\s+)?again\b|(?:^|[.!?]\s*)again\s*[.!?]|\band\s+again\s+(?:on|"
        r"last|this|yesterday|today|\w+day)\b|\byet\s+another\b",
        r"\b(?:nobody|no\s+one)\s+(?:has\s+)?(?:got(?:ten)?\s+back|replied|responded|answered|"
        r"called\s+(?:me\s+)?back)|\bno\s+(?:reply|response|answer)\s*(?:yet|since|for|[.!]|$)|"
        r"\btwice\s+(?:this|in\s+(?:a|one|the\s+same))\s+(?:week|month|year|day)\b",
        r"(?:\b(?:not|never|no)|n't)\s+(?:had|heard|got(?:ten)?|received)\s+(?:a\s+|any\s+|"
        r"one\s+)?(?:single\s+)?(?:reply|response|answer|call\s?back|word)\b|\bignor(?:ed|"
        r"ing)\s+(?:me|my|us|our)\b|\bleft\s+on\s+read\b",
        r"\b(?:already|previously)\s+(?:told|explained|reported|contacted|called|emailed|sent|gave|"
        r"spoke|spoken|talked|"
        r"provided|submitted|answered|chased|asked|messaged)\b",
        r"\b(?:every|each)\s+time\s+I\s+(?:call|contact|write)\b|\bevery\.\s*single\.\s*\w+",
        r"\bevery\s+single\s+time\b|\bkeeps?\s+happening\b|\bkeep\s+having\s+to\s+(?:chase|call|"
        r"ask|contact|explain|repeat|write)\b|\bback\s+and\s+forth\s+for\s+(?:days|weeks|"
        r"months)\b|\b(?:nobody|no\s+one)\s+(?:ever\s+)?(?:gets?|got(?:ten)?)\s+back\b",
        r"\band\s+now\s+(?:by|via|over|on|in)\s+(?:e-?mail|chat|phone|twitter|here)\b|\bsame\s+"
        r"(?:problem|issue|thing|error|fault)\s+(?:again|as\s+(?:last|before)|like\s+last)\b",
    )),
    "unresolved-after-handoff": (False, (
        r"\b(?:transferred|passed|bounced|shuffled|shunted|pinged|batted)\s+(?:me\s+)?(?:around|"
        r"between|back\s+and\s+forth|from\s+pillar|from\s+department)\b",
        r"\b(?:passed|bounced|transferred|shunted|sent)\s+(?:me\s+)?from\s+[\w\s]{1,30}?\s+to\s+"
        r"[\w\s]{1,30}?\s+(?:and\s+(?:back|then)|then)\b",
        r"\b(?:get|got|keep\s+getting|been)\s+transferred\b",
        r"\b(?:spoke(?:n)?\s+to|talked\s+to|dealt\s+with|been\s+through|transferred\s+(?:to|"
        rf"between))\s+{N}\s+(?:different\s+)?(?:people|agents|reps|departments|teams|"
        r"advis[oe]rs)\b",
        r"\b(?:every(?:one|body)|each\s+(?:person|agent|one))\s+(?:I\s+(?:speak|talk)\s+to\s+)?"
        r"(?:says|tells\s+me|gives\s+me|has)\s+(?:something|a)\s+different\b|\bask(?:s|ing|ed)?\s+"
        r"(?:me\s+)?the\s+same\s+(?:questions?|things?|details)\b",
        r"\b(?:start|explain|repeat)\s+(?:\w+\s+){0,3}?(?:from\s+(?:scratch|the\s+(?:start|"
        r"beginning))|all\s+over\s+again|everything\s+again)\b|\brepeat\s+myself\b",
    )),
    "specific-loss": (True, (
        rf"\b(?:lost|losing|wasted|wasting|forfeited)\s+(?:\w+\s+){{0,3}}?{LOST}\b",
        rf"\b{CO}{_HAS}{GONE}\s+(?:my|our|all\s+(?:of\s+)?(?:my|our)|the|his|her|their|every|{N})\b"
        rf"|\b{CO}{_HAS}{WRECK}\s+(?:my|our|all\s+(?:of\s+)?(?:my|our)|his|her|their)\b",
        rf"(?:^|@\w+\s+)(?:lost|broke|damaged|destroyed|ruined|wrecked|smashed|deleted|wiped)\s+"
        rf"(?:my|our)\s+{ITEM}",
        rf"\b(?:my|our|the|his|her|their)\s+(?:\w+\s+){{0,2}}?{ITEM}\s+(?:is|are|was|were|"
        r"has\s+been|have\s+been|got|'s\s+been)\s+(?:\w+\s+)?(?:lost|destroyed|ruined|wiped|"
        r"deleted|stolen|smashed|wrecked|gone)\b|\b(?:hours?|hrs|days?|weeks?|evenings?|weekends?|"
        r"afternoons?|mornings?)\s+(?:of\s+my\s+(?:life|time|holiday|weekend)|wasted|"
        r"down\s+the\s+drain)\b",
        r"\b(?:they['’]?re|it['’]?s|(?:is|are|was|were|has\s+been|have\s+been))\s+(?:just\s+|all\s+"
        r"|completely\s+|totally\s+|now\s+|simply\s+)+gone\b(?!\s+(?:wrong|well|through|up|down|"
        r"out|back|quiet))|\beverything\s+(?:is\s+|['’]s\s+|has\s+)?gone\b|\bgone\s+forever\b",
        rf"\bmiss(?:ed|ing)?\s+(?:my|the|a|our|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{EVENT}\b",
        r"\bmiss(?:ed|ing)?\s+(?:out\s+on\s+)?(?:a\s+|my\s+|the\s+)?(?:whole\s+|full\s+|entire\s+)?"
        r"(?:day\s+of\s+)?(?:work|school|college|uni|classes|lectures)\b",
        r"\b(?:failed|died|crashed|stopped|froze)\s+at\s+\d{1,3}\s?%",
        r"\b(?:going\s+to|gonna|will|now\s+I['’]?ll)\s+miss\s+(?:my|the|"
        rf"our)\s+(?:[\w'’-]+\s+){{0,2}}?{EVENT}\b",
        r"\b(?<!I'm )(?<!feel )(?<!am )(?:smashed|shattered|destroyed)\b",
        r"\b(?:wiped|deleted|erased|overwrote|overwritten|"
        r"corrupted)\s+(?:\w+\s+){0,3}?(?:photos|pictures|files|data|documents|work|contacts|"
        r"everything|invoices|records|emails|notes|videos|messages|progress)\b|\b(?:spoiled|"
        r"spoilt|ruined|wrecked|ruining)\b(?!\s+(?:me|us)\b)",
        r"\btook\s+(?:the|a)\s+(?:\w+\s+)?(?:day|morning|afternoon)\s+off\b|\bcost\s+(?:me|us)\s+"
        r"(?:\$|£|€|\d|a\s+(?:fortune|day|client|deal|sale|job|booking)|my|our)",
        r"\b(?:had|have|having)\s+to\s+(?:pay|buy|rent|book|spend|sleep|hire|replace|incur|cancel|"
        r"reschedule|postpone|throw|bin|take\s+(?:a|the)\s+(?:day|taxi|cab|train|uber))\b|"
        r"\bout\s+of\s+pocket\b",
        r"\bspent\s+(?:the\s+|my\s+|our\s+|a\s+|an\s+)?(?:first\s+|last\s+|whole\s+|entire\s+|"
        rf"over\s+|almost\s+|nearly\s+)?(?:{N}\s+|an?\s+|half\s+an?\s+)?(?:hours?|hrs|days?|weeks?|"
        r"evenings?|mornings?|afternoons?|nights?|weekends?|minutes|mins)\b|\bspent\s+(?:over\s+|"
        r"almost\s+|about\s+)?[£$€]\s?\d",
        r"\b(?:lost|lose|losing|wasted|missed|missing|cost\s+me|a\s+full|a\s+whole|"
        r"an\s+entire)\s+(?:\w+\s+)?(?:days?['’]?s?|week['’]?s?)\s+(?:pay|wages|work|earnings|"
        r"holiday|annual\s+leave)\b|\bended\s+up\s+(?:paying|buying|spending|losing|missing|"
        r"sleeping|having\s+to)\b|\bwithout\s+(?:any\s+)?(?:heating|heat|power|electricity|"
        r"hot\s+water|water|internet|wifi|broadband|a\s+phone|phone|signal|gas|"
        rf"a\s+car)\s+for\s+(?:{N}|an?|over\s+a|almost\s+a|the\s+(?:whole|"
        r"entire))\s+(?:\w+\s+)?(?:days?|weeks?|nights?|months?|weekend)\b|\bunpaid\s+leave\b|"
        rf"\bcosting\s+(?:me|us|him|her|them)\s+(?:\$|£|€|\d|{N}|a\s+)|\bwast(?:ed|"
        r"ing)\s+(?:so\s+much\s+|a\s+lot\s+of\s+|all\s+(?:this|that|my)\s+|my\s+|our\s+)?(?:time|"
        r"money|effort)\b|\b(?:missing|stolen|lost|gone|damaged|broken|"
        r"ruined)\b[^.!?\n]{0,30}?\bworth\s+(?:over\s+|about\s+|around\s+)?[£$€]\s?\d",
        rf"\b(?:took|take|taken|taking)\s+(?:a|the|an|{N})\s+(?:\w+\s+)?(?:days?|mornings?|"
        r"afternoons?)\s+off\b|\bcost\s+(?:me|us)\s+the\s+\w+|\bout\s+(?:£|\$|€)\s?\d|\blost\s+"
        r"out\s+on\b",
    )),
    "wants-options": (True, (
        r"\bwhat\s+(?:are|r)\s+(?:my|the|our)\s+(?:options|choices|alternatives)\b",
        r"\b(?:my|our|what|which)\s+(?:options|choices|alternatives)\b|\bwhat\s+(?:choice|option|"
        r"alternative)\s+do\s+(?:I|we)\s+have\b|\boptions\s+(?:are|do\s+I|do\s+we|available)\b",
        r"\b(?:any|other|some|possible|available)\s+(?:other\s+)?(?:options|alternatives|"
        r"solutions|choices?)\b|\b(?:any\s+other|another)\s+way\b",
        r"\bwhat\s+(?:can|could|would)\s+you\s+(?:do|offer|suggest|recommend)\b|\bwhat\s+(?:can|"
        r"could|should|do|shall)\s+(?:I|we|i)\s+(?:do|try)\b",
        r"\bwhat\s+do\s+you\s+(?:suggest|recommend)\b|\banything\s+you\s+can\s+do\b",
        r"\bis\s+there\s+(?:any(?:thing|\s+way|\s+chance|\s+option|\s+alternative)|some\s+way|"
        r"another\s+(?:way|option)|a\s+way|a\s+workaround)\b|\bany\s+workaround",
        r"\bhow\s+(?:would|do|should)\s+you\s+(?:like|want)\s+(?:me|us)\s+to\s+(?:proceed|"
        r"go\s+ahead|handle)|\bhow\s+(?:do|should|shall|can)\s+(?:I|we)\s+proceed\b|"
        r"\bwhat\s+now\s*\?|\bwhere\s+do\s+(?:I|we)\s+go\s+from\s+here\b|"
        r"\bwhat\s+(?:are\s+)?(?:the\s+)?next\s+steps\b",
        r"\bwhich\s+(?:one|\w+)\s+should\s+(?:I|we)\b|\bor\s+(?:the|a)\s+\w+\s*\?",
        r"\bshould\s+(?:I|we)\b[^.!?\n]{3,60}?\bor\b[^.!?\n]{1,40}\?|"
        r"\bwhat\s+happens\s+(?:now|next)\b|\b(?:can|could|shall|"
        r"do)\s+I\b[^.!?\n]{3,60}?\bor\s+(?:do|should|must|would|will|"
        r"can)\s+I\b[^.!?\n]{0,40}\?|\binstead\s*\?|\bwhat\s+else\s+(?:can|could|should)\s+(?:I|"
        r"we|you)\s+do\b",
        r"\beither\s+(?:get|have|send|swap|return|exchange|a|an)\b[^.!?\n]{1,60}\bor\b",
        r"\b(?:replacement|exchange|repair|credit)\s+or\s+(?:a\s+)?(?:refund|replacement|credit)\b",
    )),
    "compensation-request": (True, (
        r"\bcompensat\w*|\bgoodwill\b|\bthe\s+least\s+(?:you|u)\s+(?:can|could)\s+do\b|"
        r"\bmake\s+(?:it|this|things|that)\s+(?:right|up\s+to\s+me)\b",
        r"\bmake\s+up\s+for\b|\bsomething\s+for\s+(?:the|my|our)\s+(?:trouble|hassle|"
        r"inconvenience)|\b(?:owed|deserve|entitled\s+to)\s+something\b|\bgive\s+(?:me|us)\s+(?:a|"
        r"an|some)\s+(?:\w+\s+)?(?:vouchers?|credit|discount|free)\b|\b(?:offer|give|compensat\w*|"
        r"credit|refund)\b[^.!?\n]{0,30}\bfor\s+(?:the|my|all\s+the)\s+(?:inconvenience|trouble|"
        r"hassle)\b|\b(?:credit|refund|discount|money\s+off|reduction|rebate)\s+for\s+(?:the|"
        r"those|all\s+the)\s+(?:days|time|period|weeks|hours|outage|disruption)\b|"
        r"\bworth\s+something\b|\bget\s+anything\s+for\s+(?:this|the|my)\b|\bwhat\s+(?:are|"
        r"r)\s+(?:you|u)\s+(?:offering|going\s+to\s+offer|gonna\s+offer)\b",
        r"\b(?:deserve|expect|want|(?:'d|would)\s+like|owed|entitled\s+to|ask(?:ing)?\s+for|"
        r"how\s+about|(?:can|could|will|do)\s+(?:I|we)\s+(?:get|have|receive|be\s+given)|"
        r"any\s+chance\s+of|least\s+you\s+(?:can|could)\s+do)\b[^.!?\n]{0,30}?\b(?:vouchers?|"
        r"credit(?!\s+card)|discount|gift\s+card|coupon|free\s+(?:month|night|meal|upgrade|"
        r"delivery)|upgrade|comp|money\s+off)",
        r"\b(?:vouchers?|credit(?!\s+card)|discount|gift\s+card|coupon|comp|money\s+off)\b"
        r"[^.!?\n]{0,30}?\b(?:would\s+(?:be\s+(?:nice|appreciated|fair|good|great)|help|go\s+a\s+"
        r"long\s+way)|is\s+in\s+order|seems?\s+(?:fair|reasonable)|is\s+the\s+least)",
        r"\b(?:credit|voucher|discount|something|money)\s+(?:\w+\s+){0,3}?for\s+(?:the|my|our|"
        r"all\s+the)\s+(?:trouble|inconvenience|hassle|wasted\s+time|distress|stress)\b",
        r"\bwaive\s+(?:the|this|that|my)\s+(?:\w+\s+)?(?:fee|charge|cost|penalty)\b|\bknock\s+"
        r"(?:something|a\s+bit|some)\s+off\b|\bcover\s+(?:the|my|our)\s+(?:cost|costs|bill|"
        r"expenses?)\b",
    )),
    "churn-threat": (True, (
        r"\b(?:cancel+|cancle|cansel)(?:ing|ed|led)?\s+(?:my|our|the)\s+(?:\w+\s+)?(?:account|"
        r"acc?ount|subscription|plan|membership|service|contract|policy|broadband|package|"
        r"direct\s+debit)\b",
        r"\b(?:want|get)\s+(?:this|it|everything)\s+cancel+ed\b|\bclos(?:e|ing)\s+(?:my|"
        r"our)\s+acc|\bdelete\s+(?:my|our)\s+account\b|\bPAC\s+code\b|"
        r"\bport(?:ing)?\s+(?:my\s+number|out)\b|\bcancel(?:l?ing)?\s+(?:everything|it\s+all|"
        r"all\s+of\s+it)\b|\bnot\s+renewing\b|\blast\s+time\s+(?:I|we)(?:['’]ll)?\s+(?:use|fly|"
        r"order|shop|book|buy|deal)\b|\b(?:find|finding|look\w*\s+for)\s+(?:a\s+)?(?:new|another|"
        r"different|better)\s+(?:supplier|provider|company|bank|carrier|airline|network|insurer|"
        r"broadband|isp)\b",
        r"\bswitch(?:ing)?\s+(?:over\s+)?to\s+(?:a\s+competitor|another)\b",
        r"\b(?:business|go|going|shop|shopping|look|looking)\s+elsewhere\b|\bcompetitors?\b",
        r"\btak(?:e|ing)\s+(?:my|our)\s+(?:money|business|custom)\s+(?:to|elsewhere)\b",
        r"\bnever\s+(?:ever\s+)?(?:using|use|buying|buy|ordering|order|flying|fly|shopping|"
        r"booking|staying|going|dealing|recommend(?:ing)?|coming|travel(?:l)?ing|renewing|"
        r"returning|setting\s+foot)\s+(?:\w+\s+)?(?:you|your|this|with|from|here|again|back|u|"
        r"ur)\b|\bnever\s+(?:ever\s+)?again\b",
        r"\b(?:won['’]?t|wont|will\s+not|not\s+going\s+to)\s+(?:be\s+)?(?:ever\s+)?(?:flying|fly|"
        r"using|use|ordering|order|buying|buy|shopping|renewing|renew|booking|book|coming\s+back|"
        r"dealing|recommending|recommend|staying|returning)\b(?:\s+\w+){0,3}?\s+(?:with\s+you|"
        r"you|u|again|here|this|your|ur)\b|\b(?:done|through)\s+with\s+(?:you|your|this|u|ur)\b|"
        r"\bno\s+longer\s+(?:be\s+)?(?:fly|flying|use|using|order|ordering|shop|shopping|bank|"
        r"banking|book|booking|buy|buying)\b|#never\s*again",
        r"\bwon'?t\s+be\s+(?:renewing|back)\b|\b(?:lost|losing)\s+(?:a\s+(?:loyal\s+|faithful\s+)?"
        r"customer|(?:my|our)\s+(?:business|custom)|me\s+as\s+a\s+customer|another\s+customer)\b",
        r"\bthinking\s+(?:about|of)\s+(?:cancel+ing|leaving|switching)\b|\bunsubscribing\b(?!\s+"
        r"from)|\bleav(?:e|ing)\s+(?:you|u)\b(?!\s+(?:a|the|my|feedback|alone))",
        r"\b(?:got|have|getting|found)\s+(?:a\s+)?(?:better\s+|cheaper\s+)?(?:quote|offer|deal)\s+"
        r"from\b|\bgo(?:ing)?\s+back\s+to\s+my\s+(?:old|previous|former)\b",
        r"\b(?:go|going|switch|move|moving|take|taking)\s+(?:(?:my|our|the)\s+\w+\s+|"
        r"everything\s+)?(?:over\s+)?(?:with|to)\s+(?:another|a\s+different|a\s+new|a\s+cheaper|"
        r"a\s+better)\s+(?:supplier|provider|company|bank|carrier|vendor|airline|service|network|"
        r"platform|tool|app|insurer|firm|gym|store|shop|retailer|one)\b",
        r"\blooking\s+(?:at|for|into)\s+(?:other\s+|different\s+)?(?:alternatives|providers|"
        r"competitors|other\s+(?:companies|banks|airlines|networks))\b|\b(?:this\s+is|"
        r"consider\s+this)\s+(?:my\s+)?notice\b|\bswitch(?:ing)?\s+(?:providers?|suppliers?|"
        r"banks?|networks?|carriers?|airlines?|companies)\b|\bmov(?:e|ing)\s+(?:my|"
        r"our)\s+(?:accounts?|business|money|mortgage|savings|custom)\b|"
        r"\bconsidering\s+(?:leaving|cancel\w*|switching|moving|closing)\b|\blose\s+(?:me|"
        r"us)\s+as\s+(?:a\s+)?customers?\b",
        r"\bwhy\s+(?:would|should)\s+I\s+stay\b|\bI\'?m\s+leaving\s*(?:[.!]|$)",
    )),
    "arguing": (False, (
        r"\byou(?:'re|\s+are)\s+not\s+(?:even\s+)?listening\b|\byou\s+(?:aren'?t|"
        r"don'?t)\s+(?:even\s+)?listen|\bnot\s+what\s+I\s+(?:asked|said|meant|wrote)\b|"
        r"\bnot\s+trying\s+to\s+argue\b",
        r"\byou\s+keep\s+(?:saying|telling|blaming|insisting|repeating|sending)\b|"
        r"\bstop\s+(?:telling|asking|blaming|sending)\s+me\b|\bdon['’]?t\s+(?:tell|"
        r"give)\s+me\s+(?:that|the\s+same)\b",
        r"\bnot\s+(?:on\s+)?my\s+(?:end|fault|side|problem|mistake|responsibility)\b",
        r"\b(?:that['’]?s|thats|that\s+is)\s+(?:simply\s+|just\s+|completely\s+|totally\s+|"
        r"absolutely\s+)?(?:not\s+true|untrue|false|a\s+lie|nonsense|rubbish|bs|bullshit|incorrect|"
        r"not\s+what\s+happened)\b|\byour\s+(?:records?|system|notes|tracking)\s+(?:is|are|must\s+"
        r"be)\s+wrong\b",
        r"\bdid\s+(?:you|u)\s+(?:even\s+)?read\b|\b(?:you|u)\s+(?:clearly\s+)?(?:didn['’]?t|did\s+"
        r"not)\s+(?:even\s+)?read\b|\bread\s+my\s+(?:message|email|previous)",
        r"\bI['’]?m\s+not\s+(?:lying|making\s+this\s+up|the\s+one)\b|\bwhy\s+would\s+I\s+(?:lie|"
        r"make\s+(?:this|it|that)\s+up)\b|\b(?:you|u|y'?all|yall|you\s+(?:guys|people|"
        r"lot))\s+(?:are\s+|r\s+|'re\s+)?(?:all\s+)?(?:lying|lie|liars)\b|"
        r"\bdon'?t\s+lie\s+to\s+(?:me|us)\b|\bstop\s+lying\b|\byou['’]?re\s+(?:wrong|mistaken)\b|"
        r"\bwith\s+(?:all\s+due\s+)?respect\b|\bnot\s+the\s+case\b|\b(?:you'?re|"
        r"you\s+are)\s+not\s+(?:understanding|getting\s+it|hearing\s+me)\b|\byou\s+(?:don'?t|"
        r"do\s+not)\s+(?:seem\s+to\s+)?(?:understand|get\s+it)\b|\byou\s+listen\s+to\s+me\b|"
        r"\bI\s+(?:completely\s+|totally\s+|strongly\s+)?disagree\b|\bthat\s+makes\s+no\s+sense\b|"
        r"\bthat\s+(?:doesn'?t|does\s+not)\s+make\s+(?:any\s+)?sense\b|"
        r"\bwhy\s+should\s+I\s+(?:have\s+to\s+)?(?:pay|be\s+charged|suffer)\b|\b(?:I'?ve|"
        r"I\s+have)\s+(?:already\s+)?(?:done|tried)\s+(?:everything|all\s+of\s+that|"
        r"what\s+you\s+(?:said|asked|suggested))\b",
        r"\bare\s+(?:you|u)\s+(?:even\s+)?listening\b",
    )),
    "loyal-customer": (False, (
        r"\b(?:customer|member|client|subscriber|user)\s+(?:for\s+|since\s+|of\s+)?(?:over\s+|"
        rf"almost\s+|nearly\s+)?{SPAN}\b",
        r"\b(?:with|from|using|used|banked\s+with|banking\s+with|flown\s+with|flying\s+with|"
        r"shopped\s+with|shopping\s+with|ordered\s+from|paying|paid)\s+(?:you|u)(?:\s+guys|"
        rf"\s+lot)?\s+(?:for|since)\s+(?:over\s+|almost\s+|nearly\s+)?{SPAN}\b",
        rf"\b{N}\s+(?:years?|yrs?)\s+(?:as\s+a\s+)?(?:loyal\s+)?(?:customer|member|client)\b|"
        rf"\b{N}\s+(?:years?|yrs?|decades?)\s+(?:I{AP}ve|we{AP}ve|ive|I\s+have|we\s+have)\s+been\b",
        rf"\b(?:customer|member|client|subscriber)\b[^.!?\n]{{0,30}}\bfor\s+(?:over\s+|almost\s+|"
        rf"nearly\s+)?{N}\s+years\b",
        rf"\b(?:gold|platinum|diamond|elite|vip|premier)\b[^.!?\n]{{0,15}}\bfor\s+{N}\s+(?:years|"
        r"yrs)\b|\byears\s+of\s+(?:loyalty|custom|business|membership|patronage)\b",
        r"\bhad\s+(?:my|an|this|the|our)\s+(?:\w+\s+){0,2}?(?:account|contract|policy|plan|"
        r"subscription|membership|card|number|broadband|mortgage|line)\s+(?:with\s+(?:you|"
        rf"u)\s+)?(?:for|since)\s+(?:over\s+|almost\s+|nearly\s+)?(?:{N}\s+(?:years?|yrs)|\d{{4}}|"
        r"years)\b",
        r"\bloyal\s+to\s+(?:you|your|u)\b|"
        r"\b(?:loyal|long[- ]?(?:time|standing)|faithful|life-?long)\s+(?:customer|member|client|"
        r"subscriber|user|flyer|flier)\b|\b(?:gold|platinum|diamond|elite|vip|premier)\s+(?:member"
        r"|status|tier|card\s*holder)\b",
        rf"\bloyal\s+(?:for|since)\s+(?:over\s+|almost\s+|nearly\s+)?{SPAN}|\bafter\s+all\s+(?:these"
        rf"|those)\s+years\b|\bcustomer\s+of\s+yours\s+(?:for|since)\s+(?:over\s+)?{SPAN}",
    )),
    "status-request": (True, (
        r"\bany\s+(?:update|news|progress|word|luck|info|eta|idea)s?\b|\bwhat'?s\s+(?:the\s+)?"
        r"(?:status|latest)\b|\b(?:got|have\s+you\s+got|is\s+there)\s+any\s+(?:update|news|eta)",
        r"\bstatus\s+(?:of|on)\s+(?:my|the|our)\b|\bwhere\s+(?:are\s+we|do\s+we\s+stand)\b",
        r"\bwhen\s+(?:will|can|should)\s+(?:I|we)\s+(?:know|hear|expect)\b|\btell\s+me\s+when\b",
        r"\bwhat\s+I\s+need\s+is\s+(?:a\s+|an\s+)?(?:date|time|timeline|eta|answer)\b|"
        r"\bgive\s+me\s+(?:a\s+|an\s+)?(?:date|timeline|eta|time\s?frame)\b",
        r"\b(?:checking|following)\s+(?:in|back|up)\s+on\b|\bwhere(?:'s|’s|\s+is|\s+are|"
        r"\s+r)\s+(?:my|our)\b|\bwhere(?:'s|’s|\s+is|\s+are)\s+the\s+(?:\w+\s+)?(?:engineer|"
        r"technician|driver|courier|refund|parcel|package|order|delivery|replacement|bags?|"
        r"luggage|money|credit|reply)\b|\bchase\s+(?:this|it)\s+up\b|\b(?:know|tell\s+me|"
        r"idea)\s+when\s+(?:my|the|it|I|we|this|our)\b",
        r"\btell\s+me\s+(?:if|whether|where)\b|\b(?:is|has)\s+(?:my|the)\s+\w+\s+(?:being\s+|"
        r"been\s+)?(?:processed|approved|shipped|dispatched|sent)\b",
        r"\bhow\s+(?:much\s+)?long(?:er)?\s+(?:will|is|does|do|until|till|before|should|am\s+I|"
        r"are\s+we|has|it|this|my|the|they|we|I)\b",
        r"\bwhen\s+(?:will|can|do|should|is|are|would)\s+(?:I|we|it|my|our|the|this|they|you|u)\b"
        r"[^.!?\n]{0,40}?\b(?:get|receive|arrive|be\s+(?:back|fixed|sorted|ready|delivered|done|"
        r"processed|refunded|resolved|here|shipped)|hear|come|ship|dispatch)",
        r"\bhow'?s\s+(?:my|the|our)\s+\w+\s+(?:coming|going|looking|progressing)\b|\bis\s+(?:it|"
        r"my\s+\w+|the\s+\w+)\s+(?:on\s+its\s+way|shipped|dispatched|out\s+for\s+delivery)\b|"
        r"\bwhere\s+(?:we|things)\s+(?:are|stand)\s+(?:with|on)\b|\b(?:like|want|need|get|have|"
        r"request(?:ing)?|appreciate)\s+(?:an?\s+|some\s+)?(?:update|eta|timeline|time\s?frame)\b|"
        r"\bis\s+(?:anyone|someone|somebody)\s+(?:looking|working)\s+(?:at|on|into)\b",
        r"\b(?:let\s+me\s+know|update\s+me|keep\s+me\s+(?:updated|posted|informed))\b[^.!?\n]"
        r"{0,15}?\b(?:when|where|how\s+long|status|progress)\b|\bwhat['’]?s\s+(?:happening|going\s+"
        r"on)\s+with\s+(?:my|our|the)\b|\beta\b|\bgive\s+(?:me|us)\s+(?:some|any|an?)\s+(?:info|"
        r"information|update|idea)\b|\bwhat'?s\s+(?:the\s+)?(?:hold\s?-?up|delay|deal|story)\s+"
        r"with\b",
        r"\btell\s+me\s+what\'?s\s+(?:happening|going\s+on)\b|(?:^|[.!?]\s*)what\'?s\s+(?:happening"
        r"|going\s+on)\s*\?|\badvise\s+(?:on\s+)?(?:the\s+)?(?:timeline|status|eta|progress)\b",
    )),
}

# Case matters here, so these run on the original text: shouted words, a brand's capital.
CASED: dict[str, tuple[str, ...]] = {
    "urgency": (r"\b(?:HELP|URGENT|ASAP|EMERGENCY)\b",),
    "repeated-contact": (r"\bAGAIN\b",),
    "churn-threat": (r"(?i:\bswitch(?:ing)?\s+(?:over\s+)?to)\s+[A-Z]\w+",),
    "outage": (r"(?i:\b(?:is|are)\s+)[A-Z]\w+\s+(?:\w+\s+)?(?i:down)\b",),
}

# ---- helpers for single decisions in signals.py --------------------------------------------
# Attempts, not requests: "on hold for an hour to speak to a human" (manager-request).
ATTEMPT = re.compile(
    r"\b(?:try\w*|tried|trys|attempt\w*|unable|impossible|hold|wait\w*|struggl\w*|fee)\b", F
)
# Words that take back an insult just before it ("I'm not calling you an idiot").
ABUSE_DISCLAIMER = re.compile(
    r"(?:\bnot|n't)\s+(?:calling|saying|having\s+a\s+go|trying\s+to\s+(?:be\s+rude|insult)|"
    r"blaming)\b|\bno\s+offen[cs]e\b|\bnothing\s+personal\b",
    F,
)
NOT_URGENT = re.compile(
    r"\bno\s+(?:rush|hurry|pressure)\b|\bnot\s+(?:urgent|in\s+a\s+hurry)\b|\bwhenever\s+you\b", F
)
NON_REFUNDABLE = re.compile(
    r"non-?refundable|not\s+(?:be\s+)?refundable|no\s+refunds?|cannot\s+be\s+refunded|"
    r"not\s+eligible\s+for\s+(?:a\s+)?refund|refunds?\s+(?:are|is)\s+not",
    F,
)
STILL_FAILING = re.compile(
    r"\b(?:same\s+(?:thing|error|problem|issue|result)|still\s+the\s+same|didn['’]?t\s+(?:work|"
    r"help|fix\s+it)|no\s+(?:luck|difference|change)|still\s+(?:not|doesn['’]?t|won['’]?t))\b",
    F,
)
RESOLVED = re.compile(
    "|".join((
        r"\b(?:works?|working|loading|loads|finished|ran|running|went\s+through|goes\s+through|"
        r"connect(?:ed|s|ing)|synced|syncs|printing|showing|displaying|updated|"
        r"charging)\s+(?:\w+\s+)?(?:now|again|fine|properly|perfectly|great|ok|okay|correctly|"
        r"this\s+time)\b|\b(?:can|could)\s+(?:log\s?in|sign\s+in|access|see|use|connect|print|pay|"
        r"watch)\s+(?:\w+\s+)?(?:now|again)\b|\b(?:it'?s|its|they'?re|"
        r"everything'?s)\s+back(?:\s+(?:now|up|on|online|again|working))?\b|\breceived\s+(?:it|"
        r"them|(?:the|my|our)\s+(?:\w+\s+)?(?:refund|replacement|parcel|package|order|card|item|"
        r"money|credit|voucher|bags?|luggage|suitcase))\b",
        r"\b(?:fixed|solved|sorted)\s+(?:it|the\s+(?:problem|issue))\b|\b(?:did|"
        r"done)\s+the\s+trick\b|\b(?:problem|issue|error)\s+(?:is\s+|has\s+been\s+)?(?:solved|"
        r"fixed|resolved|sorted|gone)\b",
        r"\b(?:refund|replacement|package|parcel|order|card|item|technician|bags?|luggage|"
        r"suitcase|money|credit|engineer|delivery|letter|code|router|part|they|"
        r"it)\s+(?:\w+\s+){0,2}?(?:c[oa]me\s+through|arrived|showed\s+up|turned\s+up|came\s+out|"
        r"got\s+here|reached\s+me|(?:was|has\s+been)\s+delivered)\b(?!\s+(?:\w+\s+)?(?:broken|"
        r"damaged|cracked|late|wrong|empty|open|faulty|dead|torn))",
        r"\b(?:that|this|which|it)(?:'s|\s+has)?\s+(?:did\s+(?:it|the\s+trick)|worked|fixed\s+it|"
        r"sorted\s+it|done\s+the\s+trick)\b(?!\s+(?:\w+\s+)?(?:before|until|till|yesterday|last|"
        r"previously|earlier))",
        r"\b(?:all|everything(?:'s|\s+is|\s+has\s+been)?|we'?re\s+all|it'?s\s+all|"
        r"its\s+all)\s+(?:now\s+)?(?:sorted|fixed|resolved|set|working|good|back\s+to\s+normal)\b|"
        r"\b(?:it'?s|its|that'?s)\s+(?:now\s+)?(?:sorted|fixed|resolved|working|"
        r"back\s+to\s+normal)\b|(?:^|[.!]\s*)(?:all\s+)?(?:fixed|sorted|solved|resolved)\s*[!.,]|"
        r"\bfound\s+it\s*[!.,]",
        r"\bback\s+(?:in\s+business|to\s+normal|up\s+and\s+running|online)\b|\b(?:got|have|['’]ve)"
        r"\s+(?:it|this|everything|things)\s+(?:sorted|fixed|figured\s+out|worked\s+out|resolved|"
        r"working)\b",
        r"\b(?:fixed|sorted|resolved)\s+itself\b|\bgot\s+(?:my|the|our)\s+(?:\w+\s+)?(?:refund|"
        r"money|bags?|luggage|parcel|package|order|"
        r"card|access)\b(?:\s+back)?|\bno\s+longer\s+(?:an\s+issue|a\s+problem|happening)\b",
        r"\b(?:it|that|everything|all|the\s+\w+(?:\s+\w+)?|my\s+\w+(?:\s+\w+)?)\s+(?:now\s+|finally\s+)?"
        r"(?:works|is\s+working|are\s+working)\s*(?:[.!,]|$)|\b(?:all|everything'?s?)\s+done\b",
        r"\b(?:refund|payment|money|credit|funds|transfer)\s+(?:\w+\s+){0,2}?(?:gone\s+through|went\s+"
        r"through|cleared|landed|hit\s+my\s+account|appeared)\b|\b(?:money|refund|credit|funds)\s+"
        r"(?:is|has\s+been|was)\s+(?:now\s+)?(?:back|returned|credited|in\s+my\s+account)\b|\bsort"
        r"(?:ing|ed)\s+(?:this|it|that|everything)\s+(?:out|for\s+me)\b",
    )),
    F,
)
THANKS = re.compile(
    r"\b(?:thanks?|thank\s+(?:you|u)|thanku|thx|thnx|ty|tysm|cheers|ta|appreciate\w*|great|perfect|"
    r"all\s+good|brilliant|awesome|amazing|legend|star|lifesaver|grateful)\b|[👍🙏]",
    F,
)
STILL_OPEN = re.compile(
    r"\b(?:but|however|except|still|another|though|although|without|not|never)\b|n['’]t\b|\?", F
)
AGENT_RESOLVED = re.compile(
    r"\b(?:has|have)\s+(?:now\s+)?been\s+(?:fixed|resolved|processed|refunded|delivered|restored|"
    r"credited|reversed|replaced|applied|corrected|unlocked|reactivated|cancell?ed)\b|\b(?:is|are)"
    r"\s+(?:now\s+)?(?:fixed|resolved|back\s+up|restored|live|unlocked|active)\b|\barrived\s+at\s+"
    r"your\b|\b(?:we|I)(?:['’]ve|\s+have)\s+(?:now\s+|just\s+|gone\s+ahead\s+and\s+)?(?:fixed|"
    r"resolved|deployed\s+a\s+fix|restored|refunded|processed|reset|sorted|applied|credited|"
    r"reversed|corrected|unlocked|reactivated|replaced|issued|waived|rebooked|deployed)\b|"
    r"\bshould\s+now\s+be\s+"
    r"(?:working|fixed|visible|able|back|showing)\b|\byou\s+should\s+now\s+be\s+able\b",
    F,
)
NOTE_RESOLVED = re.compile(r"\b(?:resolved|fixed|closed|sorted)\b", F)

# ---- message shape (specifics.py): how upset, whether it says what happened, issue kinds ----
UPSET = compile_folded(  # matched on fold(text)
    r"\b(?:frustrat\w*|annoy\w*|angry|furious|livid|fuming|seething|irate|incensed|enraged|"
    r"infuriat\w*|exasperat\w*|upset|unhappy|displeased|dissatisfied|disappoint\w*|gutted|"
    r"fed\s+up|sick\s+(?:and\s+tired\s+)?of|tired\s+of|had\s+enough|enough\s+is\s+enough|"
    r"exhaust\w*|stress\w*|worried|anxious|panick\w*|embarrass\w*|ridiculous|absurd|unacceptable|"
    r"unbelievable|terrible|awful|horrible|horrendous|dreadful|atrocious|abysmal|diabolical|"
    r"appall\w*|lousy|worst|joke|pathetic|disgust\w*|outrag\w*|useless|hopeless|garbage|rubbish|"
    r"sucks?|crap|crappy|shite?|bullshit|mess|shambles|shambolic|farce|nightmare|disaster|"
    r"disgrace\w*|shameful|shocking|unprofessional|wtf|wth|ffs|smh|fml|ugh+|argh+|grr+|"
    r"pissed(?:\s+off)?|(?:ticked|hacked|cheesed)\s+off|nothing\s+works|thanks\s+for\s+nothing|"
    r"losing\s+my\s+mind|end\s+of\s+my\s+(?:rope|tether)|wits['’]?\s+end|can['’]?t\s+believe|"
    r"are\s+you\s+(?:kidding|serious)|devastat\w*|heartbr\w*|humiliat\w*|in\s+tears|crying|"
    r"shaking|not\s+(?:happy|impressed|pleased|good\s+enough|ok|okay|acceptable|on)|(?:so|too|"
    r"ridiculously|needlessly|incredibly)\s+(?:difficult|hard|complicated)|poor\s+(?:service|"
    r"customer\s+service|experience|communication|show)|gone\s+downhill|going\s+downhill|"
    r"let\s+(?:me|us)\s+down|seriously\s*[?!])\b|[!?]{2,}|#\w*(?:fail|sucks|"
    r"worst|disappoint|shame|angry|frustrat|ripoff)\w*|[😡😤🤬😠🙄👎😒😩😫😭]",
)
# Praise or thanks: "!!" in "Thank you so much!!" is delight, not anger.
PRAISE = re.compile(
    r"\b(?:thanks?|thank\s+you|thx|ty|love|loved|great|awesome|amazing|best|appreciate\w*|"
    r"brilliant|excellent|perfect|wonderful|fantastic|kudos|yay|glad|happy)\b",
    F,
)
DISTRESS = re.compile(
    r"\b(?:nobody|no\s+one)\b|\bwhat\s+is\s+going\s+on\b|\bdon['’]?t\s+(?:even\s+)?know\s+what\s+to"
    r"\s+do\b|\bcan['’]?t\s+stop\b|\bwhat\s+am\s+I\s+(?:supposed|meant)\s+to\s+do\b|\bdesperate\w*",
    F,
)
HAPPENED = compile_folded(  # matched on fold(text)
    r"\b(?:locked|charged|cancel+ed|deleted|broke|broken|crashed|declined|arrived|delivered|"
    r"missing|late|delayed|stuck|(?:won't|can't|cannot|couldn't)\s+(?:\w+\s+)?(?:load|open|start|"
    r"work|log|sign|access|get|use|pay|find|connect|book|check|see|send|print|charge|turn|let|"
    r"accept)|doesn't\s+(?:load|open|start|work)|never\s+(?:arrived|came|showed|turned|got|"
    r"received|worked|heard)|stopped|failed|leak\w*|lost|wrong|twice|higher|went\s+up|overcharged|"
    r"dropped|blank|error|frozen|crushed|damaged|went\s+wrong|fail\w*|suspended|every\s+time|"
    r"bounced|rejected|disappeared|vanished|not\s+working|isn['’]?t\s+working|debited|taken)\b",
)
BANGS = re.compile(r"!{3,}|[!?]{4,}")
ISSUE_KINDS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, F)
    for p in (
        r"\b(?:charged|charges?|bill(?:ed)?|(?<!of\s)invoices?|payments?|refunds?|fees?|"
        r"overcharged|price|statement|paid\s+for|direct\s+debit|debited|tariff)\b",  # billing
        r"\b(?:deliver(?:y|ed)?|package|parcel|shipping|shipment|shipped|tracking|courier|wrong\s+"
        r"(?:size|item|colou?r)|bag\b[^.!?\n]{0,20}\b(?:didn'?t|never)\s+arrive|late|missing)\b",
        # ^ delivery
        r"\b(?:cracked|damaged|defective|faulty|leaking|broken\s+\w+|cold|stale|soggy|expired|"
        r"stained|torn|scratched|ripped|dead\s+pixels?)\b",  # product
        r"\b(?:log(?:ged)?\s?in|logs?\s+(?:me\s+)?out|sign(?:ed)?\s?in|password|locked\s+out|"
        r"verification\s+code|reset\s+(?:code|email|link))\b",  # access
        r"\b(?:crash\w*|error|bug|won'?t\s+load|not\s+loading|sync\w*|freez\w*|drops|dropping|"
        r"disconnect\w*|wi-?fi|internet)\b",  # technical
        r"\b(?:seat|boarding|layover|upgrade)\b",  # travel
        r"\b(?:engineer|technician|fitters?|installer|visit|no[- ]show)\b",  # a visit that failed
        r"\b(?:rude|unhelpful|hung\s+up|never\s+(?:called|rang)\s+back)\b",  # how we treated them
    )
)
ADDITIVE = re.compile(
    r"\b(?:also|plus|on\s+top\s+of\s+(?:that|this|everything)|another\s+thing|not\s+to\s+mention|"
    r"and\s+now|two\s+things|(?:two|three|several|a\s+few)\s+(?:things|problems|issues)|secondly|"
    r"thirdly|to\s+top\s+it\s+(?:all\s+)?off|to\s+make\s+(?:it|things|matters)\s+worse|"
    r"as\s+well\s+as|what'?s\s+more|one\s+more\s+thing)\b|^\s*(?:\d[.)]|[-*•])\s|"
    r",\s*(?:and\s+)?(?:it'?s|it\s+is|they'?re)\b",
    F | re.MULTILINE,
)
CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
ACRONYMS = frozenset(
    {  # common in support threads and not shouting
        "CSV", "USA", "UTC", "PDF", "API", "URL", "SMS", "FAQ", "ETA", "ATM", "VPN", "SSO",
        "GMT", "EST", "PST", "CST", "CET", "BST", "EOD", "ASAP", "HTTP", "HTTPS", "HTML",
        "JSON", "XML", "SQL", "AWS", "IBM", "BBB", "FTC", "FCC", "CFPB", "DHL", "UPS", "USPS",
        "FEDEX", "TSA", "IRS", "VAT", "GST", "CEO", "CTO", "CFO", "VIP", "LLC", "INC", "LTD",
        "PIN", "OTP", "MFA", "SIM", "ISP", "DNS", "SSL", "CPU", "GPU", "RAM", "SSD", "USB",
        "HDMI", "LED", "LCD", "OLED", "GPS", "NFC", "NYC", "LAX", "JFK", "SFO", "LHR", "ORD",
        "POS", "SKU", "RMA", "IMEI", "IBAN", "ACH", "APR", "DVR", "WIFI", "LTE", "DSL", "GDPR",
        "SLA", "CRM", "ERP", "SAP", "NASA", "AMEX", "HSBC", "EOM", "YTD", "QTY", "NHS", "DMV",
        "DVLA", "HMRC", "PAC", "PSN", "DM",
    }
)
