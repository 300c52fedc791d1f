"""Detect de-escalation signals in a thread: what the customer said that should shape the reply.

Each `Signal` carries verbatim evidence (a short clause of the message, <= ~80 characters) and
the index of the message it came from, so an agent can see *why* a technique was chosen.

- Only customer text is scanned for keywords, latest message first, so evidence is the most
  recent instance. Agent messages count only for `outage` ("our servers are down") and
  `resolved-follow-up` (the agent's fix is the last word); a note is used as evidence only when
  nothing else shows a resolution (notes are internal).
- Quoted text (``>`` lines, "On ... wrote:" tails, `your agent said "..."`) is masked first, so
  an agent's words quoted back never trigger a signal (see `specifics.mask_quoted`).
- Negation is checked in the few words before a match ("I'm not going to cancel", "I don't want
  a refund") for signals where a negator flips the meaning.
- Lexicons tolerate common typos ("manger", "cancle", "ur") because upset people type fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from service.pipeline.specifics import (
    describes_problem,
    first_sentence,
    is_negated,
    mask_quoted,
    several_issues_at,
    shouting_span,
    snippet,
    sounds_distressed,
    upset_span,
    word_count,
)
from service.schemas import Message, Policy, Signal, Thread

SIGNAL_DESCRIPTIONS: dict[str, str] = {
    "abuse": "insults, profanity or threats aimed at the agent or the company's people",
    "resolved-follow-up": "the issue is already fixed; this reply is a follow-up",
    "manager-request": "asks for a manager, supervisor, a human or an escalation",
    "legal-threat": "mentions lawyers, suing, small claims, the BBB, a chargeback or a regulator",
    "refund-demand": "asks for a refund or their money back",
    "refund-outside-policy": "asks for a refund that the policy (or a rule or note) does not allow",
    "outage": "describes a service outage (site down, 503s, not loading for everyone)",
    "rant": "a long emotional message in a live channel (chat or phone)",
    "multi-issue": "several distinct problems in one message",
    "broken-promise": "an earlier promise or expectation was not kept",
    "urgency": "a deadline or time pressure (by tomorrow, in an hour, urgent)",
    "repeated-contact": "has asked before, or the problem keeps recurring",
    "unresolved-after-handoff": "was transferred or passed around and had to start again",
    "specific-loss": "states a concrete loss (lost two hours, missed a flight, failed at 92%)",
    "wants-options": "asks what their options are, or offers an either/or",
    "compensation-request": "asks for compensation or for the company to make it right",
    "churn-threat": "threatens to cancel, switch provider or never come back",
    "arguing": "argues with the agent (you're not listening, stop telling me to...)",
    "loyal-customer": "mentions a long relationship or a loyalty status",
    "status-request": "asks for an update or a status",
    "vague-complaint": "a short complaint with no specifics about what happened",
    "shouting": "words in capitals (not acronyms) or runs of exclamation marks",
    "first-contact-upset": "an upset first message with no stronger signal",
}
SIGNAL_IDS: tuple[str, ...] = tuple(SIGNAL_DESCRIPTIONS)

_F = re.IGNORECASE
_N = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|"
    r"multiple|many|so\s+many)"
)
_ORD = r"(?:second|third|fourth|fifth|sixth|2nd|3rd|[4-9]th|umpteenth|nth)"
_YOUR = r"(?:your|ur|yr|the|a|an)"
_BOSS = r"(?:manager|manger|managr|supervis[oe]r|superior|boss|team\s+lead)"
_INSULT = (
    r"(?:idiots?|morons?|imbeciles?|clowns?|dumbass(?:es)?|jackass(?:es)?|a[rs]seholes?|retards?|"
    r"scum(?:bags?)?|losers?|buffoons?|muppets?|twats?|dickheads?|pricks?|bitch(?:es)?|cretins?)"
)
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_EVENT = (
    r"(?:flight|connection|meeting|call|deadline|appointment|event|interview|train|bus|ferry|"
    r"wedding|presentation|exam|shift|dinner|party|birthday|funeral|class|concert|show|game|"
    r"trip|ceremony|graduation|recital|payment|window|check-?in)"
)

# signal -> (negatable, alternatives). Each is compiled to one case-insensitive regex and run on
# the masked customer text; (?-i:...) marks the few case-sensitive bits (AGAIN, HELP).
_LEXICON: dict[str, tuple[bool, tuple[str, ...]]] = {
    "abuse": (True, (
        rf"\byou\s+(?:[\w-]+\s+){{0,3}}?{_INSULT}\b",
        rf"\b(?:bunch|pack|load)\s+of\s+(?:[\w-]+\s+){{0,2}}?{_INSULT}",
        r"\bare\s+you\s+(?:all\s+)?(?:idiots?|stupid|dumb|morons?|brain-?dead|deaf|blind)\b",
        r"\bf+u+c*k+\s*(?:you|u|off|yourselves?)\b|\bgo\s+(?:fuck|to\s+hell)\b|\bscrew\s+you\b",
        r"\bshut\s+(?:the\s+\w+\s+)?up\b|\bstfu\b",
        r"\b(?:fucking|f\*+ing|effing)\s+(?:idiots?|morons?|clowns?|incompetent|useless|liars?)\b",
        r"\b(?:I'?ll|I\s+will|gonna|going\s+to)\s+(?:come\s+(?:and\s+)?)?find\s+(?:you|your)\b",
        r"\byou'?ll\s+regret\b|\bwatch\s+your\s+back\b|\bI\s+know\s+where\s+you\b",
    )),
    "manager-request": (True, (
        rf"\b(?:speak|talk|chat)\s+(?:to|with)\s+(?:{_YOUR}|someone|somebody)\s+(?:\w+\s+)?"
        rf"(?:{_BOSS}|human|person)\b",
        rf"\b(?:transfer|put|get|connect|pass)\s+me\s+(?:through\s+)?(?:to|with)\s+(?:{_YOUR}\s+)?"
        rf"(?:{_BOSS}|human|someone|somebody)\b",
        rf"\bescalate\s+(?:this|it|my\s+\w+)\b|\bescalated\s+to\s+{_YOUR}\s+{_BOSS}\b",
        rf"\b(?:want|like|need|get\s+me)\s+{_YOUR}\s+{_BOSS}\b|\b{_BOSS}\s*,?\s+(?:please|now)\b",
        r"\bget\s+me\s+(?:a|an|your|the)\s+(?:real\s+|live\s+|actual\s+)?(?:person|human|agent)\b",
        r"\bsomeone\s+(?:with|who\s+has)\s+(?:more\s+)?authority\b|\bsomeone\s+(?:in\s+charge|"
        r"(?:more\s+)?senior|higher\s+up)\b",
    )),
    "legal-threat": (True, (
        r"\b(?:lawyers?|attorneys?|solicitors?|legal\s+action|lawsuit|small\s+claims|class\s+action"
        r"|BBB|better\s+business\s+bureau|charge\s?backs?|ombudsman|trading\s+standards|consumer\s+"
        r"protection|attorney\s+general|FTC|FCC|CFPB)\b",
        r"\b(?:sue|suing)\s+(?:you|your|them|the|for)\b|\b(?:I'?ll|will|gonna|going\s+to)\s+sue\b",
        r"\breport(?:ing)?\s+(?:you|this|your\s+\w+)\s+to\b|\b(?:in|to)\s+court\b",
        r"\bdisput(?:e|ing)\s+(?:this|the|that)\s+(?:charge|payment|transaction)\b",
        r"\b(?:go(?:ing)?|call(?:ing)?|contact(?:ing)?)\s+(?:to\s+)?my\s+(?:bank|card\s+compan\w+)\b",
    )),
    "refund-demand": (True, (
        r"\b(?:want|need|demand|expect|request(?:ing)?|ask(?:ing)?\s+for|like|deserve|entitled\s+to"
        r"|give\s+me|issue\s+me|get)\b[^.!?\n]{0,25}?\brefund\b",
        r"\brefund\s+(?:me|us|it|this)\b|\bmoney\s+(?:back|return(?:ed)?)\b|\breimburse\s+(?:me|us)\b",
        r"\b(?:can|could)\s+(?:that|this|it|the\s+(?:charge|purchase|payment))\s+be\s+(?:undone|"
        r"reversed|refunded)\b",
        r"\b(?:charge|payment|fee|transaction)s?\s+(?:be\s+)?(?:reversed|refunded|credited\s+back)\b",
        r"\b(?:my|the|our)\s+(?:[£$€]?\d[\d.,]*\s+)?(?:\w+\s+)?(?:money|fee|deposit|payment|charge)\s+"
        r"back\b",
        r"\breverse\s+(?:the|this|that)\s+(?:charge|payment|fee)\b",
    )),
    "outage": (True, (
        r"\b(?:site|website|app|servers?|service|system|platform|portal|api|checkout|network|"
        r"everything|it)(?:'s|\s+is|\s+are|\s+was|\s+were|\s+went|\s+goes|\s+(?:has|have)\s+been)"
        r"\s+(?:\w+\s+)?down\b",
        r"\b(?:is|are)\s+(?:the\s+|your\s+)?(?:site|website|app|servers?|service|system|network|api"
        r"|it|you)\s+down\b|(?<!let me )(?<!let us )\bdown\s+(?:again|for\s+everyone)\b",
        r"\boutages?\b|\bdowntime\b|\b(?:getting|got|seeing|returns?)\s+(?:an?\s+)?5\d\d\b",
        r"\b5\d\d\s+(?:errors?|bad\s+gateway|service\s+unavailable)\b",
        r"\bnot\s+(?:loading|working)\s+for\s+(?:anyone|everyone|anybody|any\s+of\s+us)\b",
        r"\btheirs\s+(?:are|is)\s+(?:dead|down)\b|\b(?:something|anything)\s+(?:wrong|broken)\s+on"
        r"\s+your\s+(?:side|end)\b",
        r"\b(?:anyone|everyone)\s+else(?:'s)?\b|\bis\s+it\s+just\s+me\b",
        r"\bno\s+(?:signal|service|coverage|power|internet|connection)\s+(?:in|across|for)\s+(?:the\s+)?"
        r"(?:whole|entire|all)\b",
        r"\b(?:colleagues|coworkers|co-workers|everyone|others|neighbou?rs|whole\s+team)\s+(?:\w+\s+)?"
        r"(?:have|has|are\s+having|see|seeing)\s+the\s+same\s+(?:issue|problem|thing)\b",
    )),
    "broken-promise": (True, (
        r"\byou\s+(?:guys\s+)?(?:said|promised|told\s+me|guaranteed|assured)\b",
        r"\b(?:was|were)\s+(?:supposed|meant|promised|guaranteed)\s+to\b",
        r"\b(?:rep|agent|guy|lady|website|site|company|confirmation|email|faq|terms)\s+(?:\w+\s+)?"
        r"(?:said|says|states|promised|told\s+me|guaranteed)\b|\b(?:spoke|talked)\s+to\b[^.!?\n]{0,25}\b(?:said|told)\b",
        r"\bpaid\s+(?:extra\s+)?for\s+(?:next[- ]day|express|overnight|same[- ]day|priority)\b",
        r"\b(?:I\s+was|we\s+were)\s+told\b[^.!?\n]{0,40}\b(?:would|will|'d)\b",
        r"\band\s+now\s+(?:you(?:'re)?\s+(?:say|saying|tell)|it'?s\s+another|another)\b|\bpushed\s+"
        r"back\s+again\b|\bnow\s+you(?:'re)?\s+(?:say|saying|telling\s+me)\b",
        rf"\bsaid\s+(?:it\s+would\s+(?:take|be)\s+)?{_N}\s+(?:business\s+)?(?:days|weeks|hours)\b",
        r"\bper\s+(?:your|the)\s+(?:\w+'s\s+)?(?:email|agent|rep|message|letter|call|chat)\b",
    )),
    "urgency": (False, (
        r"\burgent(?:ly)?\b|\basap\b|\bas\s+soon\s+as\s+possible\b|\bemergency\b|\bimmediately\b",
        r"\btime[- ]sensitive\b|\bright\s+(?:now|away)\b|\bdeadline\b|\bfor\s+tonight\b",
        rf"\b(?:by|before|until)\s+(?:(?:end\s+of\s+)?(?:the\s+)?(?:day|tomorrow|tonight|today|eod|"
        rf"noon|midnight)|{_DAY}|this\s+(?:morning|afternoon|evening)|\d{{1,2}}(?::\d\d)?\s?[ap]m)\b",
        r"\b(?:fly|flying|flight|leave|leaving|meeting|starts?|due|boarding|appointment)\b[^.!?\n]"
        r"{0,30}\b(?:in|within)\s+(?:an?|one|two|three|\d+|half\s+an?)\s+(?:hours?|minutes|mins)\b",
        r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:presentation|meeting|flight|interview|exam|appointment|"
        r"wedding|audit|demo|launch|event)\s+(?:is|starts|leaves)\s+(?:at|in|tomorrow|tonight|today"
        r"|this)\b",
        rf"\b(?:by|before)\s+(?:my|our|the)\s+(?:\w+\s+){{0,3}}?(?:on\s+{_DAY}|{_DAY}|tomorrow|"
        r"tonight|today)\b|\bbefore\s+I\s+(?:leave|go|"
        r"fly|head)\b",
        r"\b(?:in|within)\s+the\s+next\s+(?:\d+|few|couple\s+of|two|three)\s+(?:hours?|minutes|mins)\b",
        r"\b(?:need|needs|have\s+to|must|has\s+to)\b[^.!?\n]{0,40}\b(?:today|tonight|this\s+"
        r"(?:morning|afternoon|evening))\b",
        r"(?-i:\b(?:HELP|URGENT|ASAP|EMERGENCY)\b)",
    )),
    "repeated-contact": (False, (
        rf"\b{_ORD}\s+(?:time|e-?mail|message|call|request|ticket|attempt|chat|DM|follow[- ]up)\b",
        rf"\b{_ORD}\s+(?:\w+\s+)?(?:in\s+(?:a|\d+|two|three)\b|this\s+(?:week|month|year)|running"
        r"|in\s+a\s+row)",
        r"\b(?:called|emailed|written|wrote|messaged|contacted|chatted|tweeted|DM'?d|reached\s+out|"
        rf"rang|phoned|asked|requested|unsubscribed|reported|complained|submitted|chased|raised|"
        rf"filed)\b(?:\s+\w+){{0,3}}?\s+{_N}\s+times\b",
        r"\b(?:told|asked|gave|sent|explained)\b(?:\s+\w+){0,5}\s+twice\b",
        r"\bstill\s+(?:waiting|no\b|nothing|haven'?t|hasn'?t|not\b|broken)",
        r"\b(?:not|isn'?t)\s+the\s+first\s+time\b|\bhow\s+many\s+(?:more\s+)?times\b",
        r"\b(?:happened|happening|failed|failing|broke|crashed|died|dropped|stopped|leaking|charged|"
        r"wrong|late|missing|locked|cancel+ed)[.!,]?\s+(?:\w+\s+)?again\b",
        r"\b(?:yet|once|all\s+over)\s+again\b|\b(?:asking|writing|calling|contacting|chasing)\s+"
        r"(?:\w+\s+)?again\b|(?:^|[.!?]\s*)again\s*[.!?]|(?-i:\bAGAIN\b)",
        r"\b(?:nobody|no\s+one)\s+(?:has\s+)?(?:got(?:ten)?\s+back|replied|responded|answered|"
        r"called\s+(?:me\s+)?back)|\bno\s+(?:reply|response|answer)\s+(?:yet|since|for)\b",
        r"\b(?:already|previously)\s+(?:told|explained|reported|contacted|called|emailed)\b",
        r"\b(?:every|each)\s+time\s+I\s+(?:call|contact|write)\b|\bevery\.\s*single\.\s*\w+",
        r"\bevery\s+single\s+time\b|\bkeeps?\s+happening\b",
        r"\band\s+now\s+(?:by|via|over|on|in)\s+(?:e-?mail|chat|phone|twitter|here)\b",
    )),
    "unresolved-after-handoff": (False, (
        r"\b(?:transferred|passed|bounced|shuffled)\s+(?:me\s+)?(?:around|between|back)\b",
        r"\b(?:get|got|keep\s+getting)\s+transferred\b",
        r"\b(?:start|explain|repeat)\s+(?:\w+\s+){0,3}?(?:from\s+(?:scratch|the\s+(?:start|"
        r"beginning))|all\s+over\s+again|everything\s+again)\b",
    )),
    "specific-loss": (True, (
        r"\b(?:lost|losing|wasted)\s+(?:\w+\s+){0,2}?(?:hours?|days?|minutes|work|data|files|photos"
        r"|money|sales?|orders|customers?|clients?|deals?|renewal|contract|progress|weekend|revenue"
        r"|meetings?)\b",
        rf"\bmissed\s+(?:my|the|a|our|his|her)\s+(?:\S+\s+){{0,2}}?{_EVENT}\b",
        r"\b(?:failed|died|crashed|stopped|froze)\s+at\s+\d{1,3}\s?%",
        rf"\b(?:going\s+to|gonna|will)\s+miss\s+(?:my|the|our)\s+(?:\S+\s+){{0,2}}?{_EVENT}\b",
        r"\b(?:smashed|shattered|destroyed)\b",
        r"\b(?:wiped|deleted|erased)\s+(?:\w+\s+){0,2}?(?:photos|pictures|files|data|documents|work"
        r"|contacts|everything)\b|\b(?:spoiled|ruined)\b",
        r"\btook\s+the\s+(?:day|morning|afternoon)\s+off\b|\bcost\s+(?:me|us)\s+(?:\$|£|€|\d)",
        r"\bhad\s+to\s+(?:pay|buy|rent|book)\b",
    )),
    "wants-options": (True, (
        r"\bwhat\s+(?:are|r)\s+(?:my|the|our)\s+(?:options|choices|alternatives)\b",
        r"\b(?:my|our|what|which)\s+(?:options|choices|alternatives)\b",
        r"\b(?:any|other)\s+(?:other\s+)?(?:options|alternatives)\b|\b(?:any\s+other|another)\s+way\b",
        r"\bwhat\s+(?:can|could|would)\s+you\s+(?:do|offer|suggest|recommend)\b",
        r"\bwhat\s+do\s+you\s+(?:suggest|recommend)\b|\banything\s+you\s+can\s+do\b",
        r"\bwhich\s+(?:one|\w+)\s+should\s+(?:I|we)\b|\bor\s+(?:the|a)\s+\w+\s*\?",
        r"\beither\s+(?:get|have|send|swap|return|exchange|a|an)\b[^.!?\n]{1,60}\bor\b",
        r"\b(?:replacement|exchange|repair|credit)\s+or\s+(?:a\s+)?(?:refund|replacement|credit)\b",
    )),
    "compensation-request": (True, (
        r"\bcompensat(?:e|ion)\b|\bgoodwill\b|\bmake\s+(?:it|this|things|that)\s+right\b",
        r"\bmake\s+up\s+for\b|\bsomething\s+for\s+(?:the|my)\s+(?:trouble|hassle)\b",
    )),
    "churn-threat": (True, (
        r"\b(?:cancel+|cancle|cansel)(?:ing|ed|led)?\s+(?:my|our|the)\s+(?:\w+\s+)?(?:account|acc?ount"
        r"|subscription|plan|membership|service|contract)\b",
        r"\b(?:want|get)\s+(?:this|it|everything)\s+cancel+ed\b|\bclos(?:e|ing)\s+(?:my|our)\s+acc",
        r"\bswitch(?:ing)?\s+(?:over\s+)?to\s+(?:(?-i:[A-Z])\w+|a\s+competitor|another)\b",
        r"\b(?:business|go|going|shop|shopping)\s+elsewhere\b|\bcompetitors?\b",
        r"\btake\s+(?:my|our)\s+(?:money|business|custom)\s+(?:to|elsewhere)\b",
        r"\bnever\s+(?:using|use|buying|buy|ordering|order|flying|fly|shopping|booking|staying)\s+"
        r"(?:\w+\s+)?(?:you|your|this|with|from|here|again)\b",
        r"\b(?:done|through)\s+with\s+(?:you|your|this)\b|\bwon'?t\s+be\s+(?:renewing|back)\b",
        r"\b(?:lost|losing)\s+(?:a|me\s+as\s+a)\s+customer\b",
        r"\bthinking\s+(?:about|of)\s+(?:cancel+ing|leaving|switching)\b",
        r"\b(?:got|have|getting|found)\s+(?:a\s+)?(?:better\s+|cheaper\s+)?(?:quote|offer|deal)\s+"
        r"from\b|\bgo(?:ing)?\s+back\s+to\s+my\s+(?:old|previous|former)\b",
        r"\b(?:go|going|switch|move|moving)\s+(?:with|to)\s+(?:another|a\s+different|a\s+new)\s+"
        r"(?:supplier|provider|company|bank|carrier|vendor|airline|service)\b",
    )),
    "arguing": (False, (
        r"\byou(?:'re|\s+are)\s+not\s+(?:even\s+)?listening\b|\byou\s+(?:aren'?t|don'?t)\s+(?:even\s+)"
        r"?listen|\bnot\s+what\s+I\s+(?:asked|said|meant)\b|\bnot\s+trying\s+to\s+argue\b",
        r"\byou\s+keep\s+(?:saying|telling|blaming|insisting)\b|\bstop\s+(?:telling|asking)\s+me\b",
        r"\bnot\s+(?:on\s+)?my\s+(?:end|fault)\b",
    )),
    "loyal-customer": (False, (
        rf"\b(?:customer|member|client|subscriber|user)\s+(?:for|since)\s+(?:over\s+|almost\s+|"
        rf"nearly\s+)?(?:{_N}|\d{{4}}|years|decades?|a\s+decade|ages)\b",
        rf"\b(?:with|from|using|banking\s+with|flying\s+with|shopping\s+with)\s+you(?:\s+guys)?\s+"
        rf"(?:for|since)\s+(?:over\s+|almost\s+)?(?:{_N}|\d{{4}}|years|ages)\b",
        rf"\b{_N}\s+years?\s+(?:as\s+a\s+)?(?:loyal\s+)?(?:customer|member|client)\b",
        rf"\b(?:customer|member|client|subscriber)\b[^.!?\n]{{0,30}}\bfor\s+(?:over\s+|almost\s+|"
        rf"nearly\s+)?{_N}\s+years\b",
        rf"\b(?:gold|platinum|diamond|elite|vip)\b[^.!?\n]{{0,15}}\bfor\s+{_N}\s+(?:years|yrs)\b",
        r"\bloyal\s+(?:customer|member|client)\b|\b(?:gold|platinum|diamond|elite|vip)\s+(?:member"
        r"|status|tier)\b",
    )),
    "status-request": (True, (
        r"\bany\s+(?:update|news|progress|word|luck)s?\b|\bwhat'?s\s+(?:the\s+)?(?:status|latest)\b",
        r"\bstatus\s+(?:of|on)\s+(?:my|the|our)\b|\bwhere\s+(?:are\s+we|do\s+we\s+stand)\b",
        r"\bwhen\s+(?:will|can|should)\s+(?:I|we)\s+(?:know|hear|expect)\b|\btell\s+me\s+when\b",
        r"\bwhat\s+I\s+need\s+is\s+(?:a\s+|an\s+)?(?:date|time|timeline|eta|answer)\b|\bgive\s+me\s+"
        r"(?:a\s+|an\s+)?(?:date|timeline|eta|time\s?frame)\b",
        r"\b(?:checking|following)\s+(?:in|back|up)\s+on\b|\bwhere(?:'s|\s+is)\s+my\b",
        r"\btell\s+me\s+(?:if|whether|where)\b|\b(?:is|has)\s+(?:my|the)\s+\w+\s+(?:being\s+|been\s+)?"
        r"(?:processed|approved|shipped|dispatched|sent)\b",
    )),
}
_COMPILED: dict[str, tuple[bool, re.Pattern[str]]] = {
    sid: (neg, re.compile("|".join(alts), _F)) for sid, (neg, alts) in _LEXICON.items()
}
_NOT_URGENT = re.compile(
    r"\bno\s+(?:rush|hurry|pressure)\b|\bnot\s+(?:urgent|in\s+a\s+hurry)\b|\bwhenever\s+you\b", _F
)
_NON_REFUNDABLE = re.compile(
    r"non-?refundable|not\s+(?:be\s+)?refundable|no\s+refunds?|cannot\s+be\s+refunded|not\s+eligible"
    r"\s+for\s+(?:a\s+)?refund|refunds?\s+(?:are|is)\s+not",
    _F,
)
_STILL_FAILING = re.compile(
    r"\b(?:same\s+(?:thing|error|problem|issue|result)|still\s+the\s+same|didn'?t\s+(?:work|help|"
    r"fix\s+it)|no\s+(?:luck|difference|change))\b",
    _F,
)
_RESOLVED = re.compile(
    r"\b(?:works?|working|loading|finished|ran)\s+(?:\w+\s+)?(?:now|again|fine|properly|perfectly)"
    r"\b|\b(?:fixed|solved|sorted|did)\s+(?:it|the\s+(?:trick|problem|issue))\b|\b(?:problem|issue)"
    r"\s+(?:is\s+|has\s+been\s+)?(?:solved|fixed|resolved|sorted)\b|\b(?:refund|replacement|"
    r"package|parcel|order|card|item|technician)\s+(?:\w+\s+){0,2}?(?:came\s+through|arrived|"
    r"showed\s+up|came\s+out)\b",
    _F,
)
_THANKS = re.compile(
    r"\b(?:thanks?|thank\s+you|thx|ty|appreciate\w*|great|perfect|all\s+good)\b", _F
)
_STILL_OPEN = re.compile(r"\b(?:but|however|except|still|another)\b|\?", _F)
_AGENT_RESOLVED = re.compile(
    r"\b(?:has|have)\s+been\s+(?:fixed|resolved|processed|refunded|delivered|restored|credited|"
    r"reversed|replaced)\b|"
    r"\b(?:is|are)\s+(?:now\s+)?(?:fixed|resolved|back\s+up|restored)\b|\barrived\s+at\s+your\b|"
    r"\bwe'?ve\s+(?:fixed|resolved|deployed\s+a\s+fix|restored|refunded)\b",
    _F,
)
_NOTE_RESOLVED = re.compile(r"\b(?:resolved|fixed|closed|sorted)\b", _F)
_Add = Callable[[str, int, int, int], None]


def detect_signals(thread: Thread, policy: Policy | None = None) -> list[Signal]:
    """All signals in ``thread``, one per id (latest evidence), in `SIGNAL_IDS` order."""
    msgs = thread.messages
    cust = [i for i, m in enumerate(msgs) if m.role == "customer"]
    masked = {i: mask_quoted(msgs[i].text) for i in cust}
    found: dict[str, Signal] = {}

    def add(sid: str, idx: int, start: int, end: int) -> None:
        """Record ``sid`` once; an empty span means the message as a whole (its first sentence)."""
        if sid not in found:
            text = msgs[idx].text
            evidence = snippet(text, start, end) if end > start else first_sentence(text)
            found[sid] = Signal(id=sid, evidence=evidence, message_index=idx)

    for sid, (negatable, pattern) in _COMPILED.items():
        for i in reversed(cust):
            if sid == "urgency" and _NOT_URGENT.search(masked[i]):
                continue
            if m := _first(pattern, masked[i], negatable):
                add(sid, i, m.start(), m.end())
                break
    outage = _COMPILED["outage"][1]
    for i, msg in enumerate(msgs):  # the agent saying "our servers are down" counts too
        if msg.role == "agent" and (m := outage.search(mask_quoted(msg.text))):
            add("outage", i, m.start(), m.end())
    _shape_signals(thread, cust, masked, add)
    _resolved(thread, cust, masked, add)
    if "refund-demand" in found and _refund_outside_policy(policy, thread.notes):
        found["refund-outside-policy"] = found["refund-demand"].model_copy(
            update={"id": "refund-outside-policy"}
        )
    last = cust[-1]
    if not set(found) - {"shouting", "urgency"} and all(m.role != "agent" for m in msgs[:last]):
        if span := upset_span(masked[last]):
            add("first-contact-upset", last, *span)
        elif "shouting" in found:
            found["first-contact-upset"] = found["shouting"].model_copy(
                update={"id": "first-contact-upset"}
            )
    return [found[s] for s in SIGNAL_IDS if s in found]


def _first(pattern: re.Pattern[str], text: str, negatable: bool) -> re.Match[str] | None:
    return next(
        (m for m in pattern.finditer(text) if not (negatable and is_negated(text, m.start()))), None
    )


def _shape_signals(thread: Thread, cust: list[int], masked: dict[int, str], add: _Add) -> None:
    """Signals that come from shape (length, capitals, issue kinds, turns), not one phrase."""
    msgs, last = thread.messages, cust[-1]
    for i in reversed(cust):
        if span := shouting_span(masked[i]):
            add("shouting", i, *span)
            break
    for i in reversed(cust):
        if (at := several_issues_at(masked[i])) is not None:
            add("multi-issue", i, at, at + 1)
            break
    turn = [last]  # the customer's latest run of messages
    while turn[0] > 0 and msgs[turn[0] - 1].role == "customer":
        turn.insert(0, turn[0] - 1)
    text = " ".join(masked[i] for i in turn)
    words = word_count(text)
    if thread.channel in ("chat", "phone") and sounds_distressed(text) and (
        words >= 70 or (len(turn) >= 3 and words >= 50)
    ):
        add("rant", turn[0], 0, 0)
    everything = " ".join(masked[i] for i in cust)
    span = upset_span(masked[last])
    if span and words <= 25 and not describes_problem(everything):
        add("vague-complaint", last, *span)
    turns = sum(1 for i in cust if i == 0 or msgs[i - 1].role != "customer")
    if turns >= 3 or _spans_days([msgs[i] for i in cust]):
        add("repeated-contact", last, 0, 0)
    if turns >= 2 and (m := _STILL_FAILING.search(masked[last])):  # our suggestion did not work
        add("repeated-contact", last, m.start(), m.end())


def _spans_days(messages: list[Message]) -> bool:
    """Customer messages sent more than a day apart: they had to come back."""
    stamps = [m.sent_at.timestamp() for m in messages if m.sent_at]
    return len(stamps) >= 2 and max(stamps) - min(stamps) >= 86_400


def _resolved(thread: Thread, cust: list[int], masked: dict[int, str], add: _Add) -> None:
    """Resolved when the customer confirms the fix last, or the agent's fix is the last word."""
    msgs, last = thread.messages, cust[-1]
    text = masked[last]
    m = _RESOLVED.search(text)
    negated = m and (is_negated(text, m.start(), 2) or re.search(r"stopped\s*$", text[: m.start()]))
    if m and not negated:
        confirmed = _THANKS.search(text) or word_count(text) <= 25
        if confirmed and not _STILL_OPEN.search(text[m.end() :]):
            add("resolved-follow-up", last, m.start(), m.end())
            return
    agent = next((i for i in range(last - 1, -1, -1) if msgs[i].role == "agent"), None)
    fixed = agent is not None and _AGENT_RESOLVED.search(msgs[agent].text)
    if fixed and _THANKS.search(text) and word_count(text) <= 12 and not _STILL_OPEN.search(text):
        add("resolved-follow-up", last, 0, len(msgs[last].text))  # "Received, thank you!"
        return
    after = range(len(msgs) - 1, last, -1)
    for role, pattern in (("agent", _AGENT_RESOLVED), ("note", _NOTE_RESOLVED)):
        for i in after:
            hit = pattern.search(msgs[i].text) if msgs[i].role == role else None
            if hit and not is_negated(msgs[i].text, hit.start()):
                add("resolved-follow-up", i, hit.start(), hit.end())
                return


def _refund_outside_policy(policy: Policy | None, notes: Iterable[Message]) -> bool:
    """`full_refund` decides when set; otherwise a rule or note saying "non-refundable" does."""
    if policy is not None and policy.full_refund is not None:
        return not policy.full_refund
    rules = list(policy.rules) if policy else []
    return any(_NON_REFUNDABLE.search(t) for t in [*rules, *(n.text for n in notes)])
