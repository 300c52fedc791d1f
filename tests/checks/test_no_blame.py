"""no-blame: nothing blames, corrects or dismisses the customer."""

from __future__ import annotations

import pytest

from service.pipeline.checks import no_blame
from service.pipeline.checks.base import CheckContext
from tests.checks.conftest import flagged

PASSES = [
    # empathy and negation
    "You shouldn't have had to wait on hold for an hour.",
    "You should not have to chase us for an answer.",
    "Nobody should have to wait two weeks for a refund.",
    "No one should have to repeat themselves three times.",
    "You should never have been put in this position.",
    "It's not your fault at all — the update broke the export.",
    "Please don't worry, this wasn't your mistake.",
    "None of this is your fault.",
    "This was not user error; the sync bug affected every account.",
    "Just so you know, you didn't do anything wrong.",
    "You must have been so frustrated seeing that error again.",
    "You must have had a rough week with all of this.",
    "You must have spent hours on this.",
    # expectations about our own system
    "You should have received a confirmation email from us at 9:14.",
    "You should have received a text with the code by now.",
    "You should've gotten an email from us this morning.",
    "You should have been notified about the fee upfront, and I'm sorry you weren't.",
    "You should have an email from me with the label.",
    "You should now have access to the dashboard again.",
    "You should be able to log in now.",
    "You should see the credit on your next invoice.",
    # the customer's words quoted back
    "You said 'calm down' was what you were told — that's not OK.",
    'You mentioned the last agent wrote "as I already said" twice. I\'m sorry about that.',
    "You wrote “per my last email” — fair, and here is the answer.",
    # first person owning it
    "I should have made that clearer when we spoke.",
    "As discussed on the phone, I've applied the credit.",
    "I realise my last message may not have reached you, so here's the summary again.",
    # relax as reassurance, not an order
    "You can relax now — the refund went through.",
    "Sit back and relax, we'll take it from here.",
    "I won't tell you to calm down; you have every reason to be upset.",
    "I hear you — nobody likes being told to calm down.",
    # ordinary text
    "I checked, and the charge is for the annual renewal on 3 March.",
    "Your account was locked because the password was entered incorrectly five times.",
    "It looks like the card on file expired in February.",
    "",
]

FAILS = [
    # (draft, text under each reported span)
    ("You should have read the setup guide.", ["You should have read"]),
    ("You should've contacted us sooner.", ["You should've contacted"]),
    ("You should have checked the size chart.", ["You should have checked"]),
    ("You should have split the file before uploading.", ["You should have split"]),
    ("You should have been more careful.", ["You should have been more"]),
    ("You should just have told us.", ["You should just have told"]),
    ("You should read our FAQ.", ["You should read"]),
    ("As I already said, the refund takes 5-7 business days.", ["As I already said"]),
    ("As I said, this is the last step.", ["As I said"]),
    ("Like I told you, the warranty doesn't cover water damage.", ["Like I told you"]),
    ("As I mentioned in my last email, exports need splitting.", ["As I mentioned"]),
    ("As previously stated, refunds take 5 days.", ["As previously stated"]),
    ("As mentioned before, we don't offer phone support.", ["As mentioned before"]),
    ("Per my last email, the replacement shipped Monday.", ["Per my last email"]),
    ("As per my previous message, that's not possible.", ["As per my previous message"]),
    ("I already explained this twice.", ["I already explained"]),
    ("Did you even read my last email?", ["Did you even read my last"]),
    ("Please calm down, I'm trying to help.", ["calm down"]),
    ("Calm down and let me explain.", ["Calm down"]),
    ("Relax, it's just a billing glitch.", ["Relax"]),
    ("Just relax, it'll be fine.", ["Just relax"]),
    ("You need to understand that we get hundreds of these.", ["You need to understand"]),
    ("You have to understand our position.", ["You have to understand"]),
    ("Obviously the link expires after 24 hours.", ["Obviously"]),
    ("Clearly you didn't get my last message.", ["Clearly you"]),
    ("You failed to attach the receipt.", ["You failed to"]),
    ("You forgot to attach the receipt, so I can't process it.", ["You forgot to"]),
    ("You didn't read the terms.", ["You didn't read"]),
    ("Unfortunately you did not provide the order number.", ["you did not provide"]),
    ("If you had followed the steps, it would have worked.", ["If you had followed"]),
    ("If you'd read the article, you'd know.", ["If you'd read"]),
    ("You must have entered the wrong card number.", ["You must have entered"]),
    ("You must have missed the confirmation email.", ["You must have missed"]),
    ("You entered the wrong password five times.", ["You entered the wrong"]),
    ("That's your fault, not ours.", ["your fault"]),
    ("Honestly, this was your mistake.", ["your mistake"]),
    ("That's user error — charge it first.", ["user error"]),
    ("You made a mistake in the address.", ["You made a mistake"]),
    ("You're wrong about the charge.", ["You're wrong"]),
    ("You are mistaken — that's the annual renewal.", ["You are mistaken"]),
    ("It's not our fault the courier lost the parcel.", ["not our fault"]),
    ("We can't be held responsible; it isn't our problem.", ["isn't our problem"]),
    ("The problem is on your end.", ["problem is on your end"]),
    # quoted text is skipped, our own words are not
    (
        "You said 'calm down' was what you were told. Please calm down.",
        ["calm down"],
    ),
    # several offences
    (
        "As I said, you should have read the guide. Calm down.",
        ["As I said", "you should have read", "Calm down"],
    ),
]


@pytest.mark.parametrize("draft", PASSES)
def test_passes(draft: str, ctx: CheckContext) -> None:
    result = no_blame.check(draft, ctx)
    assert result.passed, result.message
    assert result.id == no_blame.CHECK_ID == "no-blame"


@pytest.mark.parametrize(("draft", "spans"), FAILS)
def test_fails_with_spans(draft: str, spans: list[str], ctx: CheckContext) -> None:
    result = no_blame.check(draft, ctx)
    assert not result.passed
    assert flagged(draft, result) == spans
    assert result.message and result.hint


def test_quoted_span_position_points_at_our_words(ctx: CheckContext) -> None:
    draft = "You said 'calm down' was what you were told. Please calm down."
    result = no_blame.check(draft, ctx)
    assert result.spans == [(draft.rindex("calm down"), len(draft) - 1)]


def test_message_names_the_kind_and_quotes_the_words(ctx: CheckContext) -> None:
    result = no_blame.check("Per my last email, it shipped.", ctx)
    assert result.message == 'Reminds the customer they were already told: "Per my last email"'
    assert result.hint.startswith('Remove "Per my last email" and restate the information plainly')


def test_hints_are_not_repeated(ctx: CheckContext) -> None:
    result = no_blame.check("As I said, it shipped. As I said, it's paid.", ctx)
    assert len(result.spans) == 2
    assert result.hint.count("restate the information plainly") == 1


def test_known_limit_negated_blame_followed_by_but(ctx: CheckContext) -> None:
    """ "I'm not saying it's your fault, but ..." blames while denying it; not caught (yet)."""
    result = no_blame.check("I'm not saying it's your fault, but the guide says unplug first.", ctx)
    assert result.passed
