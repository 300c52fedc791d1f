"""Word lists and phrase patterns for the `tone` check (kept apart so tone.py stays readable)."""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# All-caps words that are names of things, not shouting (support threads, product docs, time).
ACRONYMS = _set(
    """
    ACH AI AMEX AOL API APR ASAP ATM AWS BBB BST CAD CCPA CDN CEO CET CFO CFPB CMS COO CPU CRM
    CSS CST CSV CTO CVV DHL DIY DMV DNS DOB DSL DVD DVLA DVR EDT EMEA EOD EOM ERP EST ETA ETL EU
    EUR FAQ FEDEX FTC FTP FCC FYI GBP GDPR GMT GPS GPU GST HDMI HIPAA HMRC HQ HTML HTTP HTTPS IBAN
    IBM ID IMAP IMEI IOS IRS ISBN ISO ISP IVR JFK JPEG JPG JSON KYC LAN LAX LCD LED LHR LLC LTD LTE
    MAC MDT MFA MMS MST NAS NASA NFC NHS NYC OCR OLED ORD OTP PAC PDF PDT PGP PHP PIN PNG POP POS
    PST PSN QA QR QTY RAM RMA ROI RSS RSVP SaaS SAP SDK SEO SFO SIM SKU SLA SMS SMTP SOC SQL SSD
    SSH SSL SSN SSO SUV TBD TSA TV UAT UPS URL USA USB USD USPS UTC UX UI VAT VIN VIP VOIP VPN WIFI
    XML YTD ZIP AUD NZD INR CHF JPY SEPA BACS UPI EDI OTA ESIM ESTA IATA PNR CAPTCHA COVID NOTAM
    AMA MSRP APAC LATAM CC BCC RMA ACME OEM MDM SDK IDE OOO EOL BETA ALPHA
    """
)
# Two-letter words that are shouting in capitals ("NO refunds"); other two-letter capitals
# ("OK", "ID", "AM", "PM", "US", "DM") are left alone.
SHOUTED_SHORT = _set("NO DO ME MY WE SO GO BE IS")
# Two-letter capitals that are names of things and never join a shouted run.
NAMES_OF_THINGS = ACRONYMS | _set(
    "OK AM PM DM UK US HR PC PR IP OS GB MB KB TB HD ET PT CT MT TX CA NY NJ FL"
)
# Everyday words people shout: a caps word the customer wrote counts as an acronym we may repeat
# only when it is none of these (and has no everyday suffix: -ING, -LY, -NESS ...).
COMMON = _set(
    """
    about above across after again against all almost alone already also always am an and angry
    another answer any anyone anything are around as ask asked asking at away awful back bad be
    because been before being best better big bill billed both broke broken but buy call called
    can cancel cancelled cannot care charge charged charges check close come completely could
    customer customers damn day days dead did die died do does done down each else email empty
    end enough even ever every everyone everything exactly extremely fail failed fails fake few
    final finally fine first five fix fixed for four free from full gave get give go going gone
    good got great had has hate have he help her here hers him his hold home horrible hour hours
    how huge i if immediately in into is it its just keep kept know last late later least left
    less let lie lied like live long look lost lot love made make many may me mine minute
    minutes money month months more most much must my need never new next nine no nobody none
    nor not nothing now of off ok okay old on once one only open or other our out over own paid
    pay people phone please point problem promised real really refund refunds reply right ruined
    said same say see seriously seven she should since six so some someone something soon sorry
    still stop such sure take taken tell ten terrible than thank thanks that the their them then
    there these they thing things think third this those three through time times to today told
    too total totally twice two under unacceptable until up upset urgent us use used useless very
    wait waited waiting want wanted was waste wasted we week weeks well were what when where which
    while who whole why will with without won wont work worked working worst would wrong year
    years yes yet you your yours zero account app order package delivery service support website
    site password login internet printer page file data update bug crash error export delivered
    ship shipped hello hi dear thief thieves liar liars scam joke insane crazy garbage trash
    """
)
EVERYDAY_SUFFIXES = (
    "ING",
    "LY",
    "NESS",
    "MENT",
    "TION",
    "SION",
    "ABLE",
    "IBLE",
    "FUL",
    "LESS",
    "OUS",
    "IVE",
    "ED",
)
VOWELS = frozenset("AEIOUY")

_PROFANE = (
    "damn damned damnit dammit goddamn goddamned goddamnit hell crap crappy crappier crappiest "
    "shit shits shitty shitting shite bullshit bullshitting horseshit fuck fucks fucked fucker "
    "fuckers fucking fuckin fck fcking fckin fuk fukin wtf wth ffs stfu omfg asshole assholes ass "
    "arse arses arsehole arseholes jackass dumbass bastard bastards bitch bitches bitching bitchy "
    "piss pissed pissing pisses bloody bollocks freaking frigging friggin effing"
)
# (kind, first words, pattern): each pattern is tried only where one of its first words occurs
# (see `text.Triggered`), case-insensitive, on the draft with quotes and URLs masked.
PATTERNS: list[tuple[str, str, str]] = [
    ("profanity", _PROFANE, r"[a-z]+"),
    ("profanity", "screw", r"screw\s+(?:you|this|that)\b"),
    # masked: "f***", "f**king", "sh*t", "b*tch", "a**hole", "d*mn"
    (
        "profanity",
        "f s sh b a d",
        r"(?:[fs][*#@$%!]{2,}[a-z]*|f[*#@]ck\w*|sh[*#@!1]t\w*|b[*#@]tch\w*|a[*#@]{2}(?:hole)?"
        r"|d[*#@]mn|f-word)(?![\w*#@$%])",
    ),
    (
        "sarcasm",
        "oh great wonderful fantastic brilliant perfect lovely terrific super awesome",
        r"(?:oh\s*,?\s+)?(?:great|wonderful|fantastic|brilliant|perfect|lovely|terrific|super"
        r"|awesome)\s*[,!.—–-]*\s+(?:yet\s+)?another\b",
    ),
    (
        "sarcasm",
        "oh",
        r"oh\s*,?\s+(?:great|wonderful|joy|brilliant|fantastic|perfect|lovely|well|sure|really"
        r"|please|boy|right|man|brother)\b",
    ),
    ("sarcasm", "sure yeah right yes", r"(?:sure|yeah|right|yes)\s*,?\s+because\b"),
    # a grudging concession: "..., but sure, let's sort it out"
    ("sarcasm", "but", r"but\s+(?:sure|fine|ok(?:ay)?|whatever)\s*[,.!]"),
    ("sarcasm", "yeah", r"yeah\s*,?\s+right\b"),
    (
        "sarcasm",
        "thanks nice cool wow",
        r"thanks\s+for\s+nothing\b|nice\s+try\b|cool\s+story\b|wow\s*,?\s+just\s+wow\b",
    ),
    ("sarcasm", "good best", r"(?:good|best\s+of)\s+luck\s+with\s+that\b"),
    (
        "sarcasm",
        "congrats congratulations",
        r"congrat(?:ulation)?s\s*,?\s+you\b"
        r"|congrat(?:ulation)?s\s+on\s+(?:finding|being|breaking|hitting|getting|managing)\b",
    ),
    (
        "sarcasm",
        "lol lmao lmfao rofl haha hahaha hehe smh jk duh pfft jeez geez sheesh ugh",
        r"[a-z]+\b",
    ),
    # exasperation: "good grief", "Come on, ...", a bare "Wow."
    ("sarcasm", "good", r"good\s+grief\b"),
    ("sarcasm", "come", r"come\s+on\s*[,.!?]"),
    ("sarcasm", "wow", r"(?:^|(?<=[.!?]\s))wow\s*[.!?]"),
    ("sarcasm", "whatever", r"whatever\b(?=\s*[.!?]|\s+you\s+say)"),
    ("sarcasm", "if sorry", r"if\s+you\s+say\s+so\b|sorry\s+not\s+sorry\b"),
    ("sarcasm", "it", r"it(?:['’]s|\s+is)\s+what\s+it\s+is\b"),
    ("condescension", "obviously", r"obviously\b"),
    (
        "condescension",
        "as",
        r"as\s+you\s+can\s+(?:clearly\s+)?see\b|as\s+(?:anyone|everyone)\s+(?:can|could|would)"
        r"\s+(?:see|tell|know)\b|as\s+you(?:['’]re|\s+are)?\s+(?:surely|no\s+doubt|well)\s+"
        r"(?:aware|know)\b",
    ),
    (
        "condescension",
        "i",
        r"I['’]m\s+sure\s+(?:even\s+)?you(?:['’]d|\s+would|\s+will|['’]ll|\s+can|\s+could"
        r"|\s+must)?\s+(?:already\s+)?(?:know|understand|realis|realiz|be\s+aware|appreciate"
        r"|agree|see\s+why)|I\s+hate\s+to\s+break\s+it\s+to\s+you\b"
        r"|I\s+don['’]t\s+know\s+(?:what|how)\s+else\s+to\s+(?:tell|say|explain)\b",
    ),
    ("condescension", "surely", r"surely\s+you\b"),
    ("condescension", "you", r"you\s+do\s+(?:realise|realize|understand|know)\b"),
    (
        "condescension",
        "not it",
        r"not\s+(?:exactly\s+)?rocket\s+science\b|not\s+my\s+(?:problem|job|department)\b"
        r"|it(?:['’]s|\s+is)\s+(?:really\s+)?not\s+that\s+(?:hard|difficult|complicated)\b",
    ),
    ("condescension", "with", r"with\s+all\s+(?:due\s+)?respect\b"),
    # correcting the customer's word: "'Theft' is a strong word"
    (
        "condescension",
        "is s",
        r"(?:is|s)\s+(?:a\s+)?(?:bit\s+|rather\s+|pretty\s+)?(?:strong|harsh|big)\s+"
        r"(?:word|words|language|accusation)\b",
    ),
    ("condescension", "no", r"no\s+offen[cs]e\b"),
    ("condescension", "news", r"news\s*flash\b"),
    ("condescension", "newsflash", r"newsflash\b"),
    (
        "condescension",
        "let",
        r"let\s+me\s+(?:explain|say|put)\s+(?:this|it)[\s,]+(?:again[\s,]+)?(?:slowly"
        r"|more\s+simply|one\s+more\s+time|in\s+simple\s+terms)\b",
    ),
    ("condescension", "for", r"for\s+the\s+(?:last|hundredth|umpteenth|nth|millionth)\s+time\b"),
    (
        "condescension",
        "not unsure i",
        r"(?:not\s+sure|unsure|I\s+don['’]t\s+(?:know|understand|see))\s+why\s+you(?:['’]d"
        r"|\s+would)?\s+(?:ever\s+|even\s+)?(?:expect|think|assume|believe)\b",
    ),
    ("passive-aggressive", "as per", r"(?:as\s+)?per\s+my\s+(?:last|previous|earlier)\b"),
    (
        "passive-aggressive",
        "kindly",
        r"kindly\s+(?:note\s+that\s+you|be\s+advised|refrain|stop|understand)\b",
    ),
    (
        "passive-aggressive",
        "please",
        r"please\s+(?:note|understand)\s+that\s+you\b|please\s+refrain\s+from\b",
    ),
    (
        "passive-aggressive",
        "i let just",
        r"I(?:['’]d|\s+would)\s+(?:like\s+to\s+)?remind\s+you\b|let\s+me\s+remind\s+you\b"
        r"|just\s+a\s+(?:friendly\s+)?reminder\s+that\s+you\b",
    ),
    # "As I already said", "as previously stated": reminders that the customer was told are
    # no-blame's to judge, not tone's.
    (
        "lecturing",
        "stop quit no watch",
        r"(?:stop|quit)\s+(?:shouting|yelling|swearing|cursing)\b"
        r"|no\s+need\s+(?:to\s+(?:shout|yell|swear|be\s+rude)|for\s+(?:that|this)\s+(?:tone"
        r"|language))\b|watch\s+your\s+(?:tone|language)\b",
    ),
    (
        "lecturing",
        "i",
        r"I(?:['’]d|\s+would)\s+appreciate\s+it\s+if\s+you(?:['’]d|\s+would|\s+could)\s+"
        r"(?:stop|not|calm|lower|refrain|be\s+(?:more\s+)?(?:polite|civil|respectful))\b"
        r"|I(?:['’]m|\s+am)\s+not\s+going\s+to\s+(?:argue|debate|fight)\b",
    ),
    ("lecturing", "don", r"don['’]t\s+take\s+that\s+tone\b"),
    (
        "rhetorical",
        "what",
        r"what\s+did\s+you\s+expect\b|what\s+(?:more|else)\s+do\s+you\s+"
        r"(?:want|expect)\b",
    ),
    ("rhetorical", "isn", r"isn['’]t\s+(?:it|that)\s+obvious\b"),
    (
        "rhetorical",
        "how",
        r"how\s+(?:hard|difficult)\s+(?:is|can|could)\s+(?:it|that)(?:\s+(?:possibly\s+)?be)?\b",
    ),
    (
        "rhetorical",
        "do",
        r"do\s+you\s+(?:really|honestly|seriously)\s+(?:think|expect|believe|want)\b",
    ),
    (
        "rhetorical",
        "why",
        r"why\s+would\s+(?:you|anyone)\s+(?:ever\s+|even\s+)?(?:do|think|expect|want|assume)\b",
    ),
    ("rhetorical", "are", r"are\s+you\s+(?:serious|kidding|joking)\b"),
    ("rhetorical", "seriously really", r"(?:^|(?<=[.!?]\s))(?:seriously|really)\s*\?"),
    (
        "rhetorical",
        "did have",
        r"did\s+you\s+(?:even|bother\s+to)\b|have\s+you\s+(?:even|bothered)\b",
    ),
    ("rhetorical", "happy satisfied", r"(?:happy|satisfied)\s+now\s*\?"),
    (
        "insult",
        "stupid idiot idiots idiotic moron morons moronic incompetent pathetic clueless dumb "
        "imbecile ridiculous absurd disgraceful shambles nonsense",
        r"[a-z]+\b",
    ),
    (
        "insult",
        "you",
        r"you(?:['’]re|\s+are)\s+(?:being\s+)?(?:(?:very|so|really|a\s+bit|quite|just)\s+)?"
        r"(?:unreasonable|rude|hysterical|dramatic|irrational|childish|aggressive|abusive"
        r"|difficult|impossible|paranoid|emotional|entitled|overreacting|over-reacting)\b",
    ),
    (
        "anger",
        "i",
        r"I(?:['’]m|\s+am)\s+(?:(?:just|also|so|really|honestly|equally)\s+)*(?:as\s+)?(?:angry"
        r"|furious|livid|mad|fuming|pissed|outraged|enraged|sick\s+of|fed\s+up)\b",
    ),
]
# Symbols no word index can find: grawlix ("#@%!"), eye-roll / laughing / angry emoji, a shrug.
SYMBOLS: list[tuple[str, str]] = [
    ("profanity", r"(?<![\w!])(?=[@#$%&*!]*[@#$%&])[@#$%&*!]{4,}"),
    (
        "sarcasm",
        "[\U0001f644\U0001f612\U0001f643\U0001f602\U0001f923\U0001f926\U0001f60f\U0001f937]"
        r"|¯\\_\(ツ\)_/¯",
    ),
    ("anger", "[\U0001f621\U0001f92c\U0001f624\U0001f620]"),
]
# Words from the customer's anger that the draft must not hand back ("this app is useless").
ECHO_WORDS = _set("useless joke jokes garbage trash rubbish clowns scam scammers disgrace unreal")

KIND_MESSAGES = {
    "profanity": "Profanity",
    "sarcasm": "Sarcasm",
    "condescension": "Condescending or dismissive",
    "passive-aggressive": "Passive-aggressive",
    "lecturing": "Lectures the customer",
    "rhetorical": "Rhetorical question",
    "insult": "Insulting or heated word",
    "anger": "Mirrors the customer's anger",
    "mirror": "Echoes the customer's angry words",
}
KIND_HINTS = {
    "profanity": "Remove {q}: no profanity, even softened; say it plainly (e.g. \"This shouldn't "
    "have happened, and I'm fixing it now.\").",
    "sarcasm": "Remove {q}: say what happened plainly and sincerely.",
    "condescension": "Remove {q}: explain plainly, without implying the customer should have "
    "known.",
    "passive-aggressive": 'Replace {q} with a plain restatement (e.g. "To recap: ...").',
    "lecturing": "Remove {q}: don't lecture; if the language is abusive, state the boundary "
    'once, calmly ("I want to keep helping you with this."), and return to the problem.',
    "rhetorical": "Replace {q} with a statement, or a real question about what they need.",
    "insult": "Remove {q}: describe the problem in calm, neutral words, never the customer.",
    "anger": "Replace {q} with calm ownership (e.g. \"I understand why you're upset, and I'm on "
    'it.").',
    "mirror": "Don't hand back the customer's {q}; name the impact in calm words (what failed, "
    "what it cost them).",
}
