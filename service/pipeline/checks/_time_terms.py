"""The words `time_frame` reads: concrete time frames, vague ones, and promises without "I'll"."""

from __future__ import annotations

N = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty(?:-five)?|forty five|fifty|sixty|ninety|half\s+an)"
)
FEW = r"(?:a\s+)?(?:few|couple(?:\s+of)?)"
UNIT = (
    r"(?:(?:business|working|calendar)\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h(?![a-z])|days?|weeks?)"
)
DURATION = (
    rf"(?:{N}(?:\s*(?:-|–|to|or)\s*{N})?\s*-?\s*{UNIT}"
    rf"|{FEW}\s+(?:seconds?|minutes?|mins?|hours?)"
    rf"|(?:a\s+)?couple(?:\s+of)?\s+(?:(?:business|working)\s+)?days?)"
)
DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "by 5" / "at 3" are times, "by 5 days" / "at 3 locations" / "at 1 800 555" are not.
NOT_A_COUNT = (
    r"(?![\d:%]|,\d|\.\d|\s*(?:%|percent|\d|(?:business\s+|working\s+)?(?:seconds?|minutes?|mins?"
    r"|hours?|hrs?|days?|weeks?|months?|years?|items?|orders?|times?|people|customers?|of|x|units?"
    r"|pieces?|euros?|dollars?|pounds?|[kmg]b|km|miles?|locations?|stores?|accounts?)\b))"
)
CLOCK = (
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap](?:\.m\.?|m)(?![a-z]))?(?![\d:])"
    r"|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*(?:[ap](?:\.m\.?|m)(?![a-z])|o['’]clock)"
    rf"|(?:(?<=by\s)|(?<=at\s)|(?<=after\s)|(?<=before\s)|(?<=about\s)|(?<=around\s))"
    rf"(?:1[0-2]|0?[1-9]){NOT_A_COUNT}"
    r"|noon|midday|midnight|(?<=by\s)lunch(?:time)?|(?<=before\s)lunch(?:time)?"
)
NUMBER_WORDS = (
    "# a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty ninety half few couple"
)
MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
DAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday"
END = r"(?!\w)"
# (first words, pattern): each tried only where one of its first words occurs.
TIME_PATTERNS: dict[str, tuple[str, str]] = {
    "within": (
        "within in inside under over no less",
        rf"(?:(?:with)?in|inside(?:\s+of)?|under|(?:with)?in\s+(?:the\s+)?next|over\s+the\s+next"
        rf"|no\s+later\s+than|less\s+than)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+"
        rf"|another\s+|the\s+next\s+)?{DURATION}{END}"
        rf"|(?:(?:within|inside)\s+(?:the|an?|one)\s+(?:next\s+)?|in\s+(?:the\s+next|an?|one)\s+)"
        rf"(?:hour|day|business\s+day|working\s+day){END}",
    ),
    # "20 minutes from now"; relative to a known moment: "30 minutes before the engineer arrives"
    "from_now": (
        NUMBER_WORDS,
        rf"{DURATION}\s+(?:from\s+now|total|tops|max|at\s+most|before|ahead\s+of|after){END}",
    ),
    # a deadline the customer set: "before your meeting", "in time for Friday's payroll"
    "their_deadline": (
        "before in ahead",
        r"(?:before|in\s+time\s+for|ahead\s+of)\s+(?:your|the)\s+(?:[a-z0-9:'’-]+\s+){0,2}?"
        r"(?:meeting|call|flight|trip|appointment|recital|deadline|payroll|close|presentation"
        rf"|interview|departure|event|visit|shift|class|game|final){END}",
    ),
    "every": ("every hourly", rf"every\s+(?:{DURATION}|{UNIT}){END}|hourly{END}"),
    "about": (
        "takes take taking about around roughly approximately",
        rf"(?:takes?|taking|about|around|roughly|approximately)\s+{DURATION}{END}",
    ),
    "next": ("next", rf"next\s+(?:business\s+|working\s+)?(?:day|week|{DAY}){END}"),
    "end_of_day": (
        "by before at until till around after from end eod cob close",
        r"(?:(?:by|before|at|until|till|around|after|from)\s+(?:the\s+)?)?end\s+of\s+"
        r"(?:the\s+|my\s+|your\s+)?(?:business\s+)?(?:day|shift|week|month|play)(?!\w)"
        r"|(?:eod|cob|close\s+of\s+(?:business|play))(?!\w)",
    ),
    "clock": ("# noon midday midnight lunch lunchtime", rf"(?:{CLOCK}){END}"),
    "days_thing": (
        "by before after until during at for",
        r"(?:by|before|after|until|during|at|for)\s+(?:today|tomorrow|tonight)['’]s\s+\w+",
    ),
    "day": (
        f"today tomorrow tonight this the same-day {DAY_WORDS}",
        rf"(?:today|tomorrow|tonight)(?![\w'’])|this\s+(?:morning|afternoon|evening|week){END}"
        rf"|{DAY}{END}|the\s+(?:same|next|following)\s+(?:business\s+|working\s+)?day{END}"
        rf"|same-day{END}",
    ),
    "date": (
        f"# the {MONTH_WORDS}",
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"
        rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|the\s+\d{{1,2}}(?:st|nd|rd|th)"
        rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}}){END}",
    ),
    "now": (
        "now right straight immediately at before while during as after first",
        r"(?:(?:right\s+)?now(?!\s+that)|right\s+away|straight\s+away|immediately|at\s+once"
        r"|before\s+(?:we|you)\s+(?:hang\s+up|end\s+(?:the|this|our)\s+(?:call|chat)|go|leave"
        r"|disconnect|wrap\s+up)"
        r"|while\s+(?:you|we)(?:['’]re|\s+are)\s+(?:still\s+)?"
        r"(?:on\s+the\s+(?:line|phone|call)|here)"
        r"|during\s+(?:this|our)\s+(?:call|chat)"
        # alongside the customer: "as you go", "while you wait"
        r"|as\s+(?:you|we)\s+(?:go|talk|speak|explain|work\s+through\s+it)"
        r"|while\s+(?:you|we)\s+(?:wait|talk|speak|check|look|try|hold)"
        r"|(?:right\s+|straight\s+)?after\s+(?:this|our)\s+(?:call|chat)"
        r"|(?:right\s+|straight\s+)?after\s+(?:we|you)\s+(?:hang\s+up|end\s+(?:the|this|our)\s+"
        r"(?:call|chat))"
        r"|first\s+thing\s+(?:in\s+the\s+morning|tomorrow))(?!\w)",
    ),
}
# Vague words and events in place of a time ("soon", "ASAP", "once I hear back").
VAGUE_FIRST_WORDS = (
    "soon shortly asap a quickly promptly in at eventually sometime as before when whenever once "
    "later within over the after by first with urgently"
)
# "as soon as I have it / your photo": the customer's own step, not an event we wait on.
FROM_CUSTOMER = (
    r"(?:I|we)\s+(?:have|get|receive|see)\s+(?:it|them|that|those|this|your\s+[a-z-]+)\b"
    r"(?!\s+[a-z]+ed\b)"
)
# An event instead of a time: "once I hear back", "when billing confirms", "as soon as it's
# ready", "the moment they reply", "after the engineer visits". The customer's own step ("once
# you send the photo") is a condition, not a vague time (time_frame's _CONDITIONAL).
EVENT_SUBJECT = (
    rf"(?!you\b|you['’]|{FROM_CUSTOMER})(?:(?:I|we|they|he|she|it|this|that|there|everything"
    r"|anything|something|someone|somebody|things|the\s+\w+|(?:your|our|my|their|its|his|her|these|those)\s+\w+)"
    r"(?:\s+[a-z-]+(?=\s+(?:is|are|has|have|was|were|gets?|comes?|goes|confirms?|[a-z]+s)\b))?"
    r"(?:['’](?:s|re|ve|ll|d)\s+[a-z-]+|\s+(?:has|have|had|is|are|was|were|can|could|do|does"
    r"|gets?|got|comes?|goes)(?:\s+(?:been\s+)?[a-z]+ed\b|\s+(?:back|through|in|ready|done"
    r"|fixed|sorted|live))?|\s+[a-z]+(?:\s+(?:back|through|in|out|up|more|anything))?)"
    r"|[a-z]+(?:s\s+[a-z]+|\s+(?:has|have|is|are|gets?|comes?\s+back|[a-z]+(?:s|es|ed))))"
)
VAGUE = (
    r"(?:soon(?!\s+as\b)|shortly|asap|a\.s\.a\.p|quickly|promptly|in\s+due\s+course"
    r"|at\s+some\s+point|eventually|sometime|before\s+long|in\s+the\s+near\s+future"
    r"|when\s+possible|at\s+(?:the|my|our)\s+(?:first|earliest|next)(?:\s+(?:possible\s+)?"
    r"(?:opportunity|convenience|chance))?|(?:the\s+)?first\s+chance\s+(?:I|we)\s+get"
    r"|in\s+a\s+(?:bit|while|moment|little\s+while)|as\s+soon\s+as\s+possible"
    r"|as\s+(?:quickly|fast)\s+as\s+(?:possible|I\s+can|we\s+can)"
    r"|in\s+the\s+coming\s+(?:days|weeks)"
    r"|(?:in|within|over)\s+(?:the\s+next\s+)?(?:a\s+)?few\s+(?:days|weeks|months)"
    r"|as\s+(?:and\s+when|things\s+(?:progress|develop|change|move)|(?:I|we)\s+(?:learn|hear"
    r"|find\s+out|know)\s+more)"
    rf"|(?:as\s+soon\s+as|when(?:ever)?|once|(?<!at\s)(?<!for\s)the\s+(?:moment|minute|second"
    rf"|instant)|by\s+the\s+time|after)\s+{EVENT_SUBJECT}"
    r"|as\s+(?:a\s+)?(?:matter\s+of\s+)?(?:priority|urgency)|urgently"
    r"|with\s+(?:the\s+)?(?:highest\s+|top\s+)?(?:priority|urgency)"
    r"|later(?!\s+(?:today|tonight|this|tomorrow|on\s+today)))\b"
)
# Promises phrased without "I'll ...": "you'll hear from us", "expect an update", "will be sent".
OTHER_FIRST_WORDS = "you expect who and let will *'ll leave"
OTHER_COMMITMENTS = (
    r"\bleave\s+(?:it|this|that)\s+with\s+(?:me|us)\b"  # "leave it with me": I'll handle it
    r"|\byou(?:['’]ll|\s+will)\s+(?:\w+\s+)?(?:hear|receive|get|have|see)\s+(?:back|from\s+(?:me|us"
    r"|(?:our|the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:team|specialist|supervisor|manager|engineer"
    r"|technician|colleague|department))"
    r"|(?:\w+\s+){0,2}?(?:update|call|e-?mail|reply|response|message|confirmation|text|callback"
    r"|answer|news|link|tracking|label|refund|replacement|invoice|credit)s?\b)"
    r"|\bexpect\s+(?:an?|the|my|our)\s+(?:\w+\s+)?(?:update|call|e-?mail|reply|response|callback"
    r"|answer|message|confirmation)\b"
    r"|(?:(?<!you\s)will|(?!you['’])\w+['’]ll)\s+be\s+(?:\w+ly\s+)?(?P<passive>[a-z-]+ed|sent"
    r"|re-?sent|done)\b"
    r"|\bwho(?:['’]ll|\s+will)\s+(?P<who>[a-z-]+(?:\s+[a-z-]+){0,2})"
    r"|\band\s+(?:then\s+)?(?:will|shall)\s+(?P<coord>[a-z-]+(?:\s+[a-z-]+){0,2})"
    r"|\blet\s+me\b[^.?!]{0,80}?\band\s+(?:then\s+)?(?:get\s+back|circle\s+back|come\s+back"
    r"|let\s+you\s+know|update\s+you|follow\s+up|report\s+back|be\s+in\s+touch|keep\s+you"
    r"|call\s+you|e-?mail\s+you)\b"
)
