"""`channel-fit`: the draft's length and shape fit the thread's channel.

Rules (contract, "Check ids": "chat short with short paragraphs; email greeting and sign-off; phone
a spoken talk track"; prompts/system.md, "Fit the channel"). Words are whitespace-separated tokens;
paragraphs are separated by a blank line.

- every channel: no markdown headings ("## Next steps"); an empty draft fits no channel.
- chat: at most 130 words; each paragraph at most 60 words and 4 sentences (the prompt's "one to
  three sentences", with one short sentence of slack such as "Which suits you better?"; list
  lines are not counted as sentences); no greeting block (a "Dear ..." opening, or a salutation
  alone on the first line ending in a comma: "Hi Dana,") and no sign-off block (a letter closing
  such as "Best regards," / "Thanks,\\nSam", or a last line that is just the agent's name).
- email: starts with a greeting line (Hi / Hello / Hey / Dear / Good morning ... or the name
  alone: "Dana,") that uses the customer's first or last name when the thread gives a real name
  ("Hello," or "Hi there," then fails, and so does another person's name); ends with a sign-off
  whose last three lines include the agent's name on a short line ("Best,\\nSam", "Thanks, Sam",
  "-- Sam"); at most 350 words; no paragraph over 100 words.
- phone (a talk track said aloud): at most 220 words; no sentence over 30 words; no line over 80
  words (a new line marks a pause); no links (URLs), list lines, markdown, emoji, "Dear ..."
  opening or sign-off block; nothing that only works on a screen ("click here", "see below",
  "see attached", "the link below", "in this email").
- social (a public reply): at most 280 characters (plain character count; links are not
  shortened); nothing private in public: order / ticket / account ids ("#44102", "order
  55120", "ZX81KQ"), card endings, e-mail addresses (a team address such as support@... is
  fine), phone numbers (unless it is our line: "call us on ..."), amounts ("$18.99"), street
  addresses, stated account secrets ("your balance is"), or asking the customer to post such
  details publicly ("reply with your order number") unless that sentence moves to a DM; and it
  moves the conversation to a private channel (DM / direct message / private message / email
  us ...). Exempt from the move: a reply to pure thanks or praise, and a service-wide problem
  handled in public (the draft names an outage / status page / restoring ... and promises the
  next update publicly: "I'll post an update here"). No "Dear" opening or letter sign-off; a
  Twitter-style name signature ("-- Sam") is fine.

Source: seed 000 "Calm the Storm" -- "Tone, Pace, and the Power of Pauses" ("In chat, break
paragraphs intentionally to invite breath"; the talk track's pauses) and its scripts "across
phone, chat, and email"; prompts/system.md "Fit the channel".
"""

from __future__ import annotations

from service.pipeline.checks import _channel_shapes as shp
from service.pipeline.checks import _public_reply as pub
from service.pipeline.checks.base import CheckContext, failed, passed
from service.pipeline.text import analyze, quote
from service.schemas import CheckResult

CHECK_ID = "channel-fit"

CHAT_MAX_WORDS = 130
CHAT_PARAGRAPH_WORDS = 60
CHAT_PARAGRAPH_SENTENCES = 4
EMAIL_MAX_WORDS = 350
EMAIL_PARAGRAPH_WORDS = 100
PHONE_MAX_WORDS = 220
PHONE_SENTENCE_WORDS = 30
PHONE_LINE_WORDS = 80
SOCIAL_MAX_CHARS = 280

Problem = tuple[str, tuple[int, int], str]  # (message, span, hint)
_OPEN_BY_NAME = (
    "Drop the letter-style greeting; open with the customer's name in the first sentence."
)


def check(draft: str, ctx: CheckContext) -> CheckResult:
    channel = ctx.thread.channel
    if not draft.strip():
        return failed(CHECK_ID, f"The {channel} draft is empty", [], "Write the reply.")
    names = shp.Names.of(ctx.thread.customer.name, ctx.thread.agent.name)
    problems = shp.headings(draft)
    if channel == "email":
        problems += _email(draft, names)
    elif channel == "phone":
        problems += _phone(draft, names)
    elif channel == "social":
        problems += _social(draft, ctx, names)
    else:
        problems += _chat(draft, names)
    if not problems:
        return passed(CHECK_ID)
    problems.sort(key=lambda p: p[1])
    return failed(
        CHECK_ID,
        "; ".join(p[0] for p in problems),
        [p[1] for p in problems],
        " ".join(dict.fromkeys(p[2] for p in problems)),
    )


def _chat(draft: str, names: shp.Names) -> list[Problem]:
    out = _too_long(
        draft,
        CHAT_MAX_WORDS,
        "chat",
        "Cut the chat reply to at most {n} words: keep the acknowledgement, what you're doing "
        "and when, and drop the rest",
    )
    sentences = analyze(draft).sentences
    listed = [span for span in shp.lines(draft) if shp.is_list_line(draft[span[0] : span[1]])]
    for start, end in shp.paragraphs(draft):
        text = draft[start:end]
        count = shp.count_words(text)
        said = sum(
            1
            for s in sentences
            if start <= s.start < end and not any(a <= s.start < b for a, b in listed)
        )
        if count > CHAT_PARAGRAPH_WORDS or said > CHAT_PARAGRAPH_SENTENCES:
            out.append(
                (
                    f"Chat paragraph too long ({count} words, {said} sentences): {quote(text, 60)}",
                    (start, end),
                    f"Split long chat paragraphs: one to three short sentences each, at most "
                    f"{CHAT_PARAGRAPH_WORDS} words.",
                )
            )
    out += shp.letter_opening(draft, standalone_salutation=True, hint=_OPEN_BY_NAME)
    out += shp.letter_closing(draft, names, name_line_counts=True)
    return out


def _email(draft: str, names: shp.Names) -> list[Problem]:
    out = _too_long(draft, EMAIL_MAX_WORDS, "email", "Cut the email to at most {n} words")
    out += shp.email_greeting(draft, names)
    out += shp.email_signoff(draft, names)
    for start, end in shp.paragraphs(draft):
        count = shp.count_words(draft[start:end])
        if count > EMAIL_PARAGRAPH_WORDS:
            out.append(
                (
                    f"Email paragraph of {count} words: {quote(draft[start:end], 60)}",
                    (start, end),
                    f"Break email paragraphs up: at most {EMAIL_PARAGRAPH_WORDS} words each.",
                )
            )
    return out


def _phone(draft: str, names: shp.Names) -> list[Problem]:
    out = _too_long(draft, PHONE_MAX_WORDS, "phone", "Cut the talk track to at most {n} words")
    for s in analyze(draft).sentences:
        count = shp.count_words(s.text)
        if count > PHONE_SENTENCE_WORDS:
            out.append(
                (
                    f"Sentence too long to say ({count} words): {quote(s.text, 60)}",
                    s.span,
                    f"Say it in short spoken sentences (at most {PHONE_SENTENCE_WORDS} words), one "
                    "per line.",
                )
            )
    for start, end in shp.lines(draft):
        count = shp.count_words(draft[start:end])
        if count > PHONE_LINE_WORDS:
            out.append(
                (
                    f"Talk-track line of {count} words with no pause",
                    (start, end),
                    "Put each spoken sentence on its own line, where the agent pauses.",
                )
            )
    out += shp.screen_only(draft)
    hello = f"Hi {names.customer_first}, " if names.customer_first else "Hi, "
    out += shp.letter_opening(
        draft,
        standalone_salutation=False,
        hint=f"Open the way you'd say it: '{hello}it's {names.agent_first}.'",
    )
    out += shp.letter_closing(draft, names, name_line_counts=True)
    return out


def _social(draft: str, ctx: CheckContext, names: shp.Names) -> list[Problem]:
    out: list[Problem] = []
    size = len(draft.strip())
    if size > SOCIAL_MAX_CHARS:
        cut = len(draft) - len(draft.lstrip()) + SOCIAL_MAX_CHARS
        out.append(
            (
                f"Public reply is {size} characters (max {SOCIAL_MAX_CHARS})",
                (cut, len(draft.rstrip())),
                f"Cut the public reply to {SOCIAL_MAX_CHARS} characters: one line of "
                "acknowledgement, what you're doing, then the move to a direct message.",
            )
        )
    out += pub.unsafe_in_public(draft)
    customer = [m.text for m in ctx.thread.customer_messages]
    if not pub.moves_private(draft) and not pub.private_exempt(draft, customer[-1]):
        out.append(
            (
                "Public reply doesn't move the conversation to a private channel",
                analyze(draft).sentences[-1].span,
                "Acknowledge publicly, then move to a private channel with a time frame, e.g. "
                f"\"Could you send us a direct message? I'll pick it up there within "
                f'{ctx.windows.first_update}."',
            )
        )
    out += shp.letter_opening(draft, standalone_salutation=False, hint=_OPEN_BY_NAME)
    out += shp.letter_closing(draft, names, name_line_counts=False)
    return out


def _too_long(draft: str, limit: int, channel: str, hint: str) -> list[Problem]:
    if shp.count_words(draft) <= limit:
        return []
    words = list(shp.WORD.finditer(draft))
    span = (words[limit].start(), words[-1].end())
    message = f"{channel.capitalize()} draft is {len(words)} words (max {limit})"
    return [(message, span, hint.format(n=limit) + f" (it has {len(words)}).")]
