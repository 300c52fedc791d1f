"""channel-fit: the draft's length and shape fit the thread's channel."""

from __future__ import annotations

import pytest

from evals.check_accuracy import LABELLED_DIR, read_rows
from service.pipeline.checks import channel_fit
from service.pipeline.checks.base import CheckContext, Windows
from service.pipeline.checks.guard import CheckSuite
from service.schemas import Thread
from tests.checks.conftest import assert_labelled_file, assert_scores, flagged, measure

DATA = LABELLED_DIR / "channel-fit.jsonl"
CHECK_ID = channel_fit.CHECK_ID


def ctx_for(
    channel: str,
    customer: str = "Dana Reyes",
    agent: str = "Sam",
    said: str = "Third time asking. The export died at 92% AGAIN.",
) -> CheckContext:
    thread = Thread.model_validate(
        {
            "channel": channel,
            "customer": {"name": customer},
            "agent": {"name": agent},
            "messages": [{"role": "customer", "text": said}],
        }
    )
    return CheckContext(thread=thread, windows=Windows("30 minutes", "1 business day"))


BODY = (
    "I'm sorry the export failed again. I've restarted it with the CSV workaround, and I'll send "
    "you the file within 30 minutes."
)

PASSES = [
    # chat: short paragraphs, the name inside the first sentence, a closing sentence is fine
    ("chat", f"Dana, thank you for sticking with this.\n\n{BODY}"),
    ("chat", f"Hi Dana! {BODY}"),
    ("chat", f"Hi Dana, thanks for waiting.\n\n{BODY}"),
    ("chat", f"{BODY}\n\nThanks again for bearing with me."),
    ("chat", f"{BODY}\n\nTalk soon, Dana."),
    ("chat", "Here's the plan:\n1. I re-run the export.\n2. I check it.\n3. I send it.\n4. Done."),
    # email: greeting with the customer's name, sign-off with the agent's
    ("email", f"Hi Dana,\n\n{BODY}\n\nBest,\nSam"),
    ("email", f"Dear Ms. Reyes,\n\n{BODY}\n\nKind regards,\nSam"),
    ("email", f"Dana,\n\n{BODY}\n\n— Sam"),
    ("email", f"Good morning Dana,\n\n{BODY}\n\nThanks,\nSam Lee\nCustomer Care"),
    ("email", f"Hi Dana, thanks for waiting.\n\n{BODY}\n\nThanks, Sam"),
    ("email", f"Hi Dana,\n\n{BODY}\n\nThank you for your patience,\nSam"),
    # phone: spoken lines; talking about a link or an attachment is fine
    ("phone", "Hi Dana, it's Sam.\nI'm sorry the export failed again.\nI'm re-running it now."),
    ("phone", "Dana, I'll text you a link to the status page right after this call."),
    ("phone", "I'll email you the guide with the steps attached, so you have them in writing."),
    ("phone", "Thanks for calling, Dana. I'll stay with you until it's done."),
    # social: public-safe, moves to a DM; a signature is fine
    ("social", "Dana, I'm sorry. Could you DM us the email on your account? I'll reply within 1h."),
    ("social", "Dana, that's on us. Send us a direct message and I'll pick it up there. — Sam"),
    ("social", "Please DM us your order number and I'll check it there within 30 minutes."),
    ("social", "Sorry, Dana. Email us at support@calm.example and I'll reply within 30 minutes."),
]

FAILS = [
    # (channel, draft, text under each reported span)
    ("chat", f"Dear Dana,\n\n{BODY}\n\nBest regards,\nSam", ["Dear Dana,", "Best regards,\nSam"]),
    ("chat", f"{BODY}\n\nThanks,\nSam", ["Thanks,\nSam"]),
    ("chat", f"Hi Dana,\n\n{BODY}", ["Hi Dana,"]),
    ("chat", f"{BODY}\n\n— Sam", ["— Sam"]),
    ("chat", f"{BODY}\n\nKind regards, Sam", ["Kind regards, Sam"]),
    ("chat", f"## Update\n{BODY}", ["## Update"]),
    ("chat", f"{BODY} {BODY} {BODY}", [f"{BODY} {BODY} {BODY}"]),
    ("email", BODY + "\n\nBest,\nSam", [BODY]),
    ("email", f"Hi Dana,\n\n{BODY}", [BODY]),
    ("email", f"Hello,\n\n{BODY}\n\nBest,\nSam", ["Hello,"]),
    ("email", f"Hi Dan,\n\n{BODY}\n\nBest,\nSam", ["Hi Dan,"]),
    (
        "email",
        f"Hi Dana,\n\n{BODY}\n\nBest regards,\nThe Support Team",
        ["Best regards,\nThe Support Team"],
    ),
    ("email", f"Hi Dana,\n\n{BODY}\n\nBest,\n[Agent Name]", ["Best,\n[Agent Name]"]),
    (
        "phone",
        "Please go to https://help.example.com/reset now.",
        ["https://help.example.com/reset"],
    ),
    ("phone", "Here's what we'll do:\n- restart it\n- test it", ["- restart it", "- test it"]),
    ("phone", "Dear Dana,\nI'm re-running the export now.", ["Dear Dana,"]),
    ("phone", "I'm re-running it now.\n\nBest regards,\nSam", ["Best regards,\nSam"]),
    ("phone", "To reset it, click here and follow the link below.", ["click here", "link below"]),
    ("phone", "Please see the attached guide.", ["see the attached"]),
    ("phone", "**Step 1:** restart the router.", ["**Step 1:**"]),
    ("phone", "I'm on it now 🙂", ["🙂"]),
    ("social", "Sorry about order #44102, Dana. DM us and I'll fix it.", ["order #44102"]),
    ("social", "I've refunded the $49.99, Dana. DM us with any questions.", ["$49.99"]),
    ("social", "Dana, the card ending 4421 was charged twice. DM us.", ["ending 4421"]),
    ("social", "Dana, I'll call you on 415-555-0142 today. DM us if easier.", ["415-555-0142"]),
    ("social", "Dana, is dana.r@gmail.com right? DM us to confirm.", ["dana.r@gmail.com"]),
    (
        "social",
        "Sorry, Dana. Could you reply here with your order number?",
        ["Could you reply here with your order number?", "reply here with your order"],
    ),
    (
        "social",
        "Sorry about the export, Dana. I'll post an update here soon.",
        ["I'll post an update here soon."],
    ),
]


@pytest.mark.parametrize(("channel", "draft"), PASSES)
def test_passes(channel: str, draft: str) -> None:
    result = channel_fit.check(draft, ctx_for(channel))
    assert result.passed, result.message
    assert result.id == CHECK_ID == "channel-fit"


@pytest.mark.parametrize(("channel", "draft", "spans"), FAILS)
def test_fails_with_spans(channel: str, draft: str, spans: list[str]) -> None:
    result = channel_fit.check(draft, ctx_for(channel))
    assert not result.passed
    assert flagged(draft, result) == spans
    assert result.message and result.hint


def test_the_same_text_fits_chat_but_not_email() -> None:
    assert channel_fit.check(BODY, ctx_for("chat")).passed
    result = channel_fit.check(BODY, ctx_for("email"))
    assert "no greeting" in result.message and "no sign-off" in result.message
    assert "'Hi Dana,'" in result.hint and "'Sam'" in result.hint


def test_chat_length_limit_reports_the_overflow() -> None:
    words = ["word"] * (channel_fit.CHAT_MAX_WORDS + 5)
    draft = "\n\n".join(" ".join(words[i : i + 20]) + "." for i in range(0, len(words), 20))
    result = channel_fit.check(draft, ctx_for("chat"))
    assert "135 words (max 130)" in result.message
    assert result.spans[0][1] == len(draft)


def test_social_length_is_280_characters() -> None:
    base = "Dana, I'm sorry. Could you DM us? I'll reply within 30 minutes. "
    ok = (base * 5)[: channel_fit.SOCIAL_MAX_CHARS]
    assert channel_fit.check(ok, ctx_for("social")).passed
    long = ok + " More."
    result = channel_fit.check(long, ctx_for("social"))
    assert not result.passed and result.spans[0][0] == channel_fit.SOCIAL_MAX_CHARS


def test_email_greeting_without_a_usable_name_may_omit_it() -> None:
    ctx = ctx_for("email", customer="@dana_r")
    assert channel_fit.check(f"Hi there,\n\n{BODY}\n\nBest,\nSam", ctx).passed


def test_email_hint_uses_the_thread_names() -> None:
    result = channel_fit.check(BODY, ctx_for("email", customer="Helen Brooks", agent="Lena"))
    assert "'Hi Helen,'" in result.hint and "'Lena'" in result.hint


def test_social_public_outage_and_thanks_need_no_dm() -> None:
    outage = ctx_for("social", said="@Calm your dashboard is DOWN again!!!")
    draft = "Marco, you're right, we're down, and I'm sorry. Our team is restoring service now. "
    draft += "I'll post the next update here within 30 minutes."
    assert channel_fit.check(draft, outage).passed
    thanks = ctx_for("social", said="@Calm thank you for sorting that so quickly, you're the best")
    assert channel_fit.check("Thank you, Dana, that's kind. Enjoy the new lamp!", thanks).passed
    complaint = ctx_for("social", said="@Calm you charged me twice")
    assert not channel_fit.check("Sorry about that, Dana. We're on it.", complaint).passed


def test_phone_hint_shows_how_to_open_aloud() -> None:
    result = channel_fit.check("Dear Dana,\nI'm on it.", ctx_for("phone"))
    assert "'Hi Dana, it's Sam.'" in result.hint


@pytest.mark.parametrize(
    "draft", ["", "   \n ", "\n\n\n", "!!!", "—", "[[", "x" * 5000, "a\n" * 400, "🙂" * 50]
)
@pytest.mark.parametrize("channel", ["chat", "email", "phone", "social"])
def test_never_raises(channel: str, draft: str) -> None:
    result = channel_fit.check(draft, ctx_for(channel))
    assert all(0 <= s <= e <= len(draft) for s, e in result.spans)


def test_empty_draft_fits_no_channel() -> None:
    assert not channel_fit.check("  ", ctx_for("chat")).passed


def test_runs_through_the_guard() -> None:
    suite = CheckSuite([(CHECK_ID, channel_fit.check)])
    draft = f"Dear Dana,\n\n{BODY}"
    [result] = suite.run(draft, ctx_for("chat"))
    assert result.id == CHECK_ID and not result.passed
    assert flagged(draft, result) == ["Dear Dana,"] and result.hint
    [ok] = suite.run(BODY, ctx_for("chat"))
    assert ok.passed


# ---- the labelled set ---------------------------------------------------------------------


def test_labelled_set_is_big_and_well_formed() -> None:
    assert_labelled_file(read_rows(DATA), CHECK_ID)


def test_precision_and_recall_on_the_labelled_set() -> None:
    assert_scores(measure(channel_fit.check, CHECK_ID, read_rows(DATA)), CHECK_ID)
