"""The language of blame for `no-blame`: each frame puts the customer in the wrong.

A pattern is (kind, first words, regex); `no_blame` runs each only where one of its first words
occurs and then applies the pattern's filters (negation, condition, empathy, ownership). Kinds:
blame (what the customer did or failed to do), repeat (they were already told), dismiss (their
feelings waved away), correct (they are wrong), doubt (they are not believed), deflect (not us).
"""

from __future__ import annotations

_ADV = r"(?:(?:just|really|probably|already|definitely|simply|clearly|obviously|never|only)\s+)?"
_DOCS = (
    r"(?:e-?mails?|messages?|instructions|guides?|manual|terms(?:\s+and\s+conditions)?|t&cs|pages?"
    r"|site|website|notices?|confirmations?|polic(?:y|ies)|faqs?|screens?|labels?|listing"
    r"|descriptions?|invoices?|receipts?|letters?|contract|agreement|checkout|documentation|docs"
    r"|articles?|app|form|warning|reply|response|note|steps)"
)
_EQUIPMENT = (
    r"(?:end|side|device|setup|set-up|network|connection|router|modem|browser|computer|laptop"
    r"|phone|settings|equipment|wi-?fi|internet|bank|card\s+issuer|provider|app|installation"
    r"|firewall|antivirus|email\s+client|spam\s+filter|printer|cable|account\s+settings)"
)
_FEELING = (
    r"(?:(?:this|that|it)(?:['’]s|\s+is|\s+has\s+been)\s+(?:\w+\s+)?(?:frustrating|upsetting"
    r"|annoying|disappointing|stressful|infuriating)"
    r"|you(?:['’]re|\s+are)\s+(?:\w+\s+)?(?:upset|frustrated|angry|annoyed|disappointed|unhappy"
    r"|mad|irritated|stressed|fed\s+up)|you\s+feel\b[^,.;]{0,40}|your\s+(?:frustration|anger"
    r"|concerns?|disappointment|upset|feelings|point)|how\s+you\s+feel|you(?:['’]re|\s+are)\s+"
    r"(?:\w+\s+)?frustrated|you(?=[,—–]?\s+but\b))"
)
# name -> (kind, first words, pattern)
PATTERNS: dict[str, tuple[str, str, str]] = {
    # ---- blame: what the customer did wrong, or should have done
    "should_have": ("blame", "you", rf"\byou\s+(?:should|could)(?:['’]ve|\s+{_ADV}have)\s+{_ADV}"
                    r"[a-z]+(?:\s+[a-z]+){0,3}"),
    "should_read": ("blame", "you", r"\byou\s+should\s+(?:(?:really|probably|just)\s+)?(?:read"
                    r"|know\s+better|have\s+known|learn|pay\s+(?:more\s+)?attention"
                    r"|be\s+more\s+careful)\b"),
    "would_have_known": ("blame", "you", r"\byou(?:['’]d|\s+would)\s+(?:['’]ve|have)\s+"
                         r"(?:known|seen|noticed|realised|realized|found|spotted|understood|read"
                         r"|avoided)\b"),
    "failed_to": ("blame", "you", r"\byou\s+(?:\w+ly\s+)?(?:failed|forgot|neglected)\s+to\b"),
    "didnt": ("blame", "you", r"\byou\s+(?:clearly\s+|simply\s+|just\s+)?(?:didn['’]t|did\s+not"
              r"|never)\s+(?:even\s+|bother\s+to\s+)?(?P<verb>[a-z-]+)(?:\s+(?P<next>[a-z]+))?"),
    "did_emphatic": ("blame", "you", r"\byou\s+did\s+(?P<verb>agree|sign|accept|order|choose"
                     r"|select|opt|tick|click|confirm|request|receive|get|see|read|authori[sz]e"
                     r"|approve|book|enter|type|set)\b"),
    # "you missed the email" blames; "you missed your connection / the game" is bad luck
    "missed": ("blame", "you", r"\byou\s+(?:\w+ly\s+)?(?:overlooked|ignored|skipped|misread"
               r"|misunderstood|misheard|mistyped|misspell(?:ed|t)|forgot|missed\s+(?:the|our|my"
               rf"|a|an|this|that)\s+(?:[a-z-]+\s+)?(?:{_DOCS}|notice|section|field|box|checkbox"
               r"|details?|deadline|cut-?off|part|line|bit))\b"),
    "agreed_terms": ("blame", "you", r"\byou\s+(?:\w+ly\s+|did\s+|have\s+)?(?:agreed\s+to|accepted"
                     r"|consented\s+to|signed\s+up\s+(?:for|to)|signed|opted\s+into)\s+(?:our\s+|the\s+"
                     r"|a\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:terms|term|contract|conditions|t&cs"
                     r"|polic(?:y|ies)|agreement)\b"),
    "fault": ("blame", "your user operator you",
              r"\byour\s+(?:own\s+)?(?:fault|mistake|error)\b|\b(?:user|operator)\s+error\b"
              r"|\byou\s+made\s+(?:a|an|the)\s+(?:\w+\s+)?(?:mistake|error)\b"),
    "if_you_had": ("blame", "if had", r"\b(?:if\s+you(?:['’]d|\s+had)|had\s+you)\s+(?:just\s+"
                   r"|only\s+|simply\s+|actually\s+|bothered\s+to\s+)?(?P<verb>[a-z-]+)"),
    "must_have": ("blame", "you", r"\byou\s+(?P<neg>must\s+not|mustn['’]t|must)\s+have\s+"
                  r"(?:\w+ly\s+)?(?P<verb>[a-z-]+)"),
    "wrong_thing": ("blame", "you your", r"\byou\s+(?:\w+\s+)?(?:entered|typed|used|selected|chose"
                    r"|picked|clicked|gave|put|sent|ordered|bought|set\s+up|booked|registered)\s+"
                    r"(?:(?:in|up)\s+)?(?:(?:the|a)\s+wrong\b|[^.;]{0,50}?\b(?:rather\s+than"
                    r"|instead\s+of)\b)"
                    r"|\byour\s+(?:[a-z'’-]+\s+){1,2}(?:was|were|is|are|has\s+been)\s+(?:set\s+up"
                    r"|entered|typed|selected|configured|filled\s+in|spelt|spelled|booked"
                    r"|registered|addressed|set|chosen)\b[^.;]{0,50}?\b(?:rather\s+than"
                    r"|instead\s+of|incorrectly|wrongly|wrong|by\s+mistake)\b"),
    "your_end": ("blame", "problem issue error fault trouble cause it",
                 r"\b(?:problem|issue|error|fault|trouble|cause|it)(?:['’]s|\s+(?:is|was|lies"
                 r"|seems\s+to\s+be|appears\s+to\s+be|must\s+be))\s+(?:(?:a|an)\s+(?:problem"
                 r"|issue)\s+)?(?:on|at|with|in)\s+your\s+(?:own\s+)?(?:[a-z-]+['’]s\s+)?"
                 rf"{_EQUIPMENT}\b"),
    "not_saying": ("blame", "i", r"\bI(?:['’]m|\s+am)\s+not\s+(?:saying|suggesting|blaming\s+you"
                   r"|pointing\s+fingers)\b[^.;!?]{0,60}?[,—–]?\s+but\b"),
    "not_home": ("blame", "you nobody no", r"\b(?:you|nobody|no\s*one)\s+(?:weren['’]t|were\s+not"
                 r"|wasn['’]t|was\s+not)\s+(?:at\s+)?(?:home|in|there|available|around|reachable"
                 r"|answering)\b"),
    "too_long": ("blame", "you", r"\byou\s+(?:\w+\s+){0,3}?too\s+(?:long|late)\s+(?:to|before)\b"),
    # a guess that their setup is at fault ("you're probably on an old version"), not a fact
    "old_setup": ("blame", "you", r"\byou(?:['’]re|\s+are)\s+(?:(?:probably|likely|clearly)\s+"
                  r"(?:still\s+)?(?:using|on|running)|(?:still\s+)?(?:using|running))\s+"
                  r"(?:an?\s+|the\s+)?(?:old|outdated|older|unsupported|wrong|out-of-date)\b"),
    "caused_by_you": ("blame", "caused triggered", r"\b(?:caused|triggered)\s+by\s+your\s+"
                      rf"(?:own\s+)?(?:[a-z-]+['’]s\s+)?{_EQUIPMENT}\b"),
    "next_time": ("blame", "next in going from", r"\b(?:next\s+time|in\s+(?:the\s+)?future"
                  r"|going\s+forward|from\s+now\s+on)\s*,?\s+(?:you\s+(?:should|need\s+to|must"
                  r"|might\s+want\s+to|could)|please|make\s+sure|remember|try\s+to|always)\b"
                  r"(?!\s+(?:just\s+)?(?:contact|e-?mail|call|message|reach|ask|ring|reply\s+to)\s+"
                  r"(?:me|us)\b)"),
    "too_late": ("blame", "opened clicked used submitted requested returned placed tried",
                 r"\b(?:opened|clicked|used|submitted|requested|returned|placed|tried)\b[^.;]{0,60}"
                 r"?\b(?:after\s+(?:it|they|the\s+\w+)\s+(?:had\s+)?(?:already\s+)?(?:expired"
                 r"|closed|passed|ended|lapsed)|too\s+late|after\s+the\s+(?:deadline|cut-?off"
                 r"|window\s+closed))\b"),
    "lecture_before": ("blame", "before prior", r"\b(?:before|prior\s+to)\s+(?:contacting"
                       r"|reporting|reaching\s+out|complaining|raising|chasing|getting\s+in\s+touch"
                       r"|opening\s+a\s+(?:ticket|case|complaint)|messaging\s+us|emailing\s+us"
                       r"|calling\s+us|writing\s+(?:to\s+)?us)\b"),
    "read_this": ("repeat", "please kindly make",
                  r"\b(?:please|kindly|make\s+sure\s+(?:to|you))\s+(?:(?:re-?read|reread|review"
                  r"|refer\s+to|consult|go\s+(?:back\s+)?(?:over|through)|read)\s+(?:through\s+)?"
                  rf"(?:the|our|my)\s+(?!attached|linked|below|enclosed)(?:[a-z-]+\s+){{0,2}}?"
                  rf"(?:{_DOCS})\b(?!\s+(?:below|above|here|attached|linked))|read\s+(?:[a-z-]+\s+){{0,4}}?(?:carefully|properly|thoroughly"
                  r"|again)\b)"),
    # ---- repeat: reminding the customer they were told
    "as_i_said": ("repeat", "as like", r"\b(?:as|like)\s+I(?:['’]ve|\s+have)?\s+(?:already\s+"
                  r"|previously\s+|just\s+|clearly\s+)?(?:said|mentioned|explained|stated|noted"
                  r"|told\s+you|pointed\s+out|wrote|informed\s+you|advised|outlined)\b"),
    "as_stated": ("repeat", "as",
                  r"\bas\s+(?:previously|already|was|clearly)\s+(?:stated|mentioned|explained"
                  r"|noted|said|advised|discussed|outlined|indicated)\b"
                  r"|\bas\s+(?:stated|mentioned|explained|noted|advised|discussed|outlined"
                  r"|indicated)\s+(?:before|earlier|previously|above|already)\b"
                  r"|\bas\s+(?:stated|mentioned|explained|noted|advised|outlined|indicated"
                  r"|detailed|set\s+out)\s*(?:,|in\s+(?:my|our|the)\s+(?:previous|last|earlier"
                  rf"|prior|first|original)\b|(?:in|on)\s+(?:the|our)\s+(?:[a-z-]+\s+)?{_DOCS}\b)"),
    "per_my": ("repeat", "as per see refer", r"\b(?:(?:as\s+)?per|see|refer\s+to)\s+my\s+(?:last"
               r"|previous|earlier|prior)\s+(?:e-?mail|message|reply|response|note)\b"),
    "did_you_read": ("repeat", "did have", r"\bdid\s+you\s+(?:even\s+)?(?:read|see|get|check)\s+"
                     r"(?:my|our)\s+(?:last|previous|earlier)\b|\b(?:did|have)\s+you\s+(?:even\s+)?"
                     r"(?:read|checked|check|looked\s+at|look\s+at|followed|follow)\s+(?:the|our"
                     rf"|my)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_DOCS})\b"),
    "like_we_said": ("repeat", "as like", r"\b(?:as|like)\s+we(?:['’]ve|\s+have)?\s+(?:already\s+"
                     r"|previously\s+|clearly\s+)?(?:said|mentioned|explained|stated|told\s+you"
                     r"|suggested|recommended|advised|pointed\s+out|outlined)\b"
                     r"|\bas\s+(?:our|my)\s+(?:previous|last|earlier)\s+(?:reply|message|e-?mail"
                     r"|response|note)\s+(?:said|says|mentioned|explained|stated)\b"),
    "already_told": ("repeat", "i", r"\bI(?:['’]ve|\s+have)?\s+already\s+(?:told\s+you|explained"
                     r"|said|answered)\b|\bI(?:['’]ve|\s+have)?\s+(?:previously\s+|clearly\s+)?"
                     r"(?:told\s+you|explained(?:\s+(?:this|that|it))?(?:\s+to\s+you)?|said\s+"
                     r"(?:this|that|it)|mentioned\s+(?:this|that|it))(?=\s*(?:already|before"
                     r"|twice|three\s+times|several|multiple|many|again|earlier|previously"
                     r"|[:.;—–]|,\s+(?:the|your|this|that|it|but)\b|$))"),
    "you_were_told": ("repeat", "you", r"\byou\s+were\s+(?:(?:already|clearly|previously"
                      r"|explicitly|also|specifically)\s+)*(?P<verb>told|informed|advised|warned"
                      r"|notified|reminded|sent|given|shown|provided)\b"),
    "doc_says": ("repeat", "clearly explicitly plainly specifically do does did it",
                 r"\b(?:(?:clearly|explicitly|plainly|specifically)\s+(?:says?|said|states?|stated"
                 r"|shows?|showed|shown|mentions?|mentioned|explains?|explained|notes?|noted|warns?"
                 r"|warned|tells?|told|lists?|listed|displays?|displayed)"
                 r"|(?:does|do|did)\s+(?:say|state|show|mention|explain|note|warn|tell|list)"
                 r"|it\s+says\s+(?:so\s+)?(?:right|clearly)\s+(?:there|on|in)"
                 r"|it\s+says\s+so\s+(?:there|on|in))\b"),
    "in_the_doc": ("repeat", "in on", rf"\b(?:in|on)\s+the\s+(?:[a-z-]+\s+){{0,2}}?{_DOCS}\s+"
                   r"(?:that\s+)?you\s+(?:received|got|were\s+sent|signed|accepted|agreed\s+to"
                   r"|read|were\s+given)\b"),
    # ---- dismiss: waving the customer's feelings away
    "calm_down": ("dismiss", "calm", r"\bcalm\s+down\b"),
    "relax": ("dismiss", "please just try need must relax",
              r"\b(?:(?:please|just|try\s+to|need\s+to|must)\s+)?relax\b"),
    "understand": ("dismiss", "you please", r"\byou\s+(?:need|have|must|['’]ve\s+got|got)\s+to\s+"
                   r"(?:understand|realise|realize|calm|relax|listen|pay\s+attention|appreciate"
                   r"|accept)\b|\byou\s+must\s+(?:understand|appreciate|realise|realize|accept)\b"
                   r"|\bplease\s+(?:try\s+to\s+)?(?:understand|appreciate|realise|realize"
                   r"|bear\s+in\s+mind)\s+(?:that|our|we)\b"),
    "obviously": ("dismiss", "obviously clearly you as", r"\bobviously\b|\bclearly\s+you\b"
                  r"|\byou\s+clearly\b|\bas\s+you\s+(?:should|ought\s+to)\s+know\b"),
    "no_need": ("dismiss", "no", r"\bno\s+need\s+(?:to\s+(?:get\s+|be\s+(?:so\s+)?)?(?:upset"
                r"|angry|rude|worked\s+up|aggressive|defensive|emotional|hostile|nasty|shout"
                r"|yell|raise\s+your|swear|use\s+that|take\s+that|be\s+like\s+that|overreact"
                r"|(?:be\s+)?dramatic|get\s+personal)|for\s+(?:that|the\s+attitude|that\s+tone"
                r"|this\s+tone|language\s+like\s+that|rudeness|shouting))\b"),
    "keep_civil": ("dismiss", "let please i keep remain stay try",
                   r"(?:(?P<lead>let['’]s|let\s+us|please|I\s+(?:would|['’]d|must)\s+ask\s+"
                   r"(?:that\s+)?you|try)\s+(?:try\s+)?(?:to\s+)?)?(?:keep|remain|stay|be)\s+(?:(?:this"
                   r"|things|it|the\s+conversation|our\s+conversation)\s+)?(?:civil|calm"
                   r"|respectful|polite|professional|courteous)\b"),
    "overreacting": ("dismiss", "you", r"\byou(?:['’]re|\s+are)\s+(?:\w+\s+)?(?:overreacting"
                     r"|being\s+(?:\w+\s+)?(?:unreasonable|dramatic|rude|aggressive|emotional"
                     r"|difficult|hostile|silly|ridiculous|irrational|hysterical)|over-?sensitive"
                     r"|too\s+(?:sensitive|emotional)|making\s+(?:a\s+big\s+deal|too\s+much))\b"),
    "feeling_but": ("dismiss", "i", r"\bI\s+(?:\w+\s+)?(?:understand|get|hear|appreciate|know|see"
                    rf"|realise|realize|respect)\s+(?:that\s+)?{_FEELING}[^.;!?]{{0,40}}?[,—–]?\s+"
                    r"but\b"),
    "fair_you": ("correct", "to in honestly frankly with respectfully",
                 r"\b(?:to\s+be\s+(?:fair|honest|frank)|in\s+(?:all\s+)?fairness|honestly"
                 r"|frankly)\s*,?\s+(?:you|your)\b|\b(?:to\s+be\s+fair|in\s+(?:all\s+)?fairness)"
                 r"\s+to\s+(?:the|our|them|him|her)\b|\b(?:with\s+(?:all\s+due\s+)?respect"
                 r"|respectfully)\s*,"),
    "come_on": ("dismiss", "come", r"\bcome\s+on\b"),
    "happens": ("dismiss", "these such it do does outages delays mistakes errors glitches "
                "issues problems accidents bugs crashes things get go gets goes are happens",
                r"\b(?:these|such)\s+things\s+(?:do\s+)?happen\b"
                r"|\b(?:outages|delays|mistakes|errors|glitches|issues|problems|accidents|bugs"
                r"|crashes|things)\s+(?:do\s+|can\s+|will\s+)?happen\b(?!\s+(?:rarely|very\s+rarely"
                r"|seldom))"
                r"|\b(?:get|go|gets|goes|are)\s+(?:delayed|lost|missing|misplaced|mislaid)\s+"
                r"(?:all\s+the\s+time|sometimes|from\s+time\s+to\s+time|occasionally|a\s+lot)\b"
                r"|\bhappens\s+(?:a\s+lot|all\s+the\s+time|quite\s+often)\b"
                r"|\bit\s+(?:does\s+)?happens?(?=\s*(?:[.!,;—–]|$))"
                r"|\b(?:do|does)\s+(?:go\s+missing|happen|get\s+(?:lost|delayed|damaged|stuck)"
                r"|break|fail)\b"),
    # ---- correct / doubt / deflect
    "wrong": ("correct", "you", r"\byou(?:['’]re|\s+are)\s+(?:simply\s+|just\s+)?(?:wrong"
              r"|mistaken|incorrect)\b|\byou(?:['’]ve|\s+have)?\s+got\s+it\s+wrong\b"),
    "not_how": ("correct", "that this it", r"\b(?:that|this|it)(?:['’]s|\s+is|\s+was)?\s*(?:not"
                r"|n['’]t|isn['’]t|wasn['’]t)\s+(?:(?:quite|really|exactly)\s+)?(?:how\s+(?:it"
                r"|this|that|(?:(?:the|our|your)\s+)?[a-z'’-]+(?:\s+[a-z'’-]+){0,2}?)\s+"
                r"(?:works?|worked|operates?)|what\s+(?:I|we|the\s+\w+|our\s+\w+)\s+(?:actually\s+)?"
                r"(?:said|say|says|wrote|stated|states|show|shows|meant|means)|what\s+happened)\b"
                r"|\b(?:simply|just)\s+not\s+(?:true|correct|accurate)\b"),
    "strong_word": ("correct", "is a that's that", r"\bis\s+(?:a\s+)?(?:bit\s+of\s+)?(?:a\s+)?"
                    r"(?:strong|harsh|big|loaded)\s+word\b|(?:(?<=_\s)is|\bthat['’]s|\bthat\s+is)\s+(?:a\s+)?"
                    r"(?:bit|little|rather)\s+(?:strong|harsh|dramatic|extreme|unfair)\b"
                    r"|(?<=_\s)is\s+(?:a\s+)?(?:bit|little)\s+much\b|\b(?:let['’]s\s+not|no\s+need\s+to)\s+"
                    r"exaggerate\b|\bexaggerating\b"),
    "doubt": ("doubt", "according you supposedly allegedly not if why",
              r"\baccording\s+to\s+you\b|\byou\s+(?:claim|claimed|allege|alleged)\b"
              r"|\bsupposedly\b|\ballegedly\b|\bif\s+what\s+you\s+(?:say|said)\s+is\s+true\b"
              r"|\b(?:not\s+sure|don['’]t\s+know|unclear)\s+(?:why|where|how)\s+you\s+(?:would\s+)?"
              r"(?:think|thought|believe|got|get|feel)\b|\bwhy\s+would\s+you\s+think\b"),
    "nobody_is": ("dismiss", "nobody no we", r"\b(?:nobody|no\s*one|we)(?:['’]s|\s+is|\s+are"
                  r"|['’]re)\s+(?:not\s+)?(?:trying\s+to\s+)?(?:scam|cheat|rip|lie|trick|steal"
                  r"|scamming|cheating|ripping|lying|tricking|stealing)\b|\bwe\s+(?:didn['’]t|did\s+not"
                  r"|haven['’]t|have\s+not|never)\s+(?:steal|stole|scam|scammed|cheat|cheated|lie|lied"
                  r"|rip|ripped|trick|tricked|overcharge|overcharged)\b"),
    "are_you_sure": ("doubt", "are", r"\bare\s+you\s+(?:sure|certain|positive)\s+(?:that\s+)?"
                     r"(?:you(?!\s+(?:want|would|['’]d|wish|need))|it|the|they|this)\b"),
    "but_anyway": ("doubt", "but", r"\bbut\b(?:[^.;!?]|\.\d){0,120}?\b(?:anyway|anyhow|regardless"
                   r"|all\s+the\s+same|either\s+way|as\s+a\s+(?:one-off|courtesy|goodwill))\b"),
    "not_blamed": ("deflect", "we i", r"\b(?:we|I)(?:\s+(?:can(?:not|['’]t)|won['’]t|aren['’]t"
                   r"|are\s+not|am\s+not)|['’]re\s+not|['’]m\s+not)\s+(?:be\s+)?(?:expected\s+to"
                   r"|held\s+(?:responsible|accountable|liable)|responsible|liable|accountable"
                   r"|to\s+blame)\b"),
    "not_our_fault": ("deflect", "not never *n't nothing", r"(?:not|\w*n['’]t|never)\s+"
                      r"(?:really\s+|exactly\s+)?our\s+(?:fault|problem|responsibility)\b"
                      r"|\bnothing\s+(?:is\s+)?wrong\s+(?:on|with|at)\s+our\s+(?:side|end"
                      r"|servers?|system|network)\b"),
    "not_us": ("deflect", "beyond out worked did working",
               r"\b(?:beyond|out\s+of)\s+our\s+(?:control|hands)\b"
               r"|\bworked\s+exactly\s+as\s+(?:it\s+(?:was|is|['’]s)\s+)?(?:designed|supposed"
               r"|meant|intended)\b|\bdid\s+(?:exactly\s+)?what\s+it\s+(?:was|is|['’]s)\s+"
               r"(?:designed|supposed|meant|intended)\s+to\b"),
}
