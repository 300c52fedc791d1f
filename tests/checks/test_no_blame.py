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
    # ownership and what we owed them
    "You should have had a real answer two emails ago.",
    "You were told it would arrive Monday, and it didn't. That's on us.",
    "Keisha, you were told 4:50 today. I'm sorry for the mix-up.",
    "I told you I'd call by noon and I didn't.",
    "The issue was on our side: a bad update.",
    "Obviously that's not the experience we want for you.",
    # empathy, reassurance and conditions
    "You could have lost the whole file, and I'm glad you didn't.",
    "You didn't do anything wrong.",
    "You never asked for this.",
    "If you didn't request this code, you can ignore it.",
    "If you'd like, I can resend it now.",
    "If you had any trouble with the link, tell me.",
    "Had we known sooner, we'd have held the parcel.",
    "I know you're frustrated, but I've found the cause and I'm fixing it now.",
    "No need to apologise, these things happen! I've reset it.",
    "It's hard to stay calm when the heating is off.",
    "You clearly care about getting this right.",
    "As you mentioned, the charger was missing.",
    "Please read the steps below and tell me where you get stuck.",
    "You agreed to the new delivery slot, so I've booked it.",
    "If it happens again, we'll replace the unit.",
    "Your flight was late, you missed your connection, and I'm rebooking you now.",
    "Mistakes happen, and this one was ours. I've fixed it.",
    "The outage is beyond our control, so I've credited your account.",
    "Going forward, please contact me directly on this thread.",
    "Are you sure you want to cancel the whole order?",
    "That's a bit much to deal with on a Friday.",
    "You're still on the old plan, so I've moved you to the new one.",
    "The fix worked as intended, so you're all set.",
    "Nobody was available to take your call, and that's on us.",
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
    (
        "We can't be held responsible; it isn't our problem.",
        ["We can't be held responsible", "isn't our problem"],
    ),
    ("The problem is on your end.", ["problem is on your end"]),
    # counterfactual blame, whatever the verb
    ("You could have used the CSV export this morning.", ["You could have used"]),
    ("You should have had time to cancel before it renewed.", ["You should have had time"]),
    (
        "If you'd checked the tracking page, you'd have seen it.",
        ["If you'd checked", "you'd have seen"],
    ),
    ("Had you kept the receipt, this would be easy.", ["Had you kept"]),
    ("You must not have saved the file.", ["You must not have saved"]),
    ("You clearly missed the confirmation email.", ["You clearly missed the confirmation email"]),
    ("You missed the warning on the checkout page.", ["You missed the warning"]),
    ("You never replied to the verification email.", ["You never replied"]),
    ("The problem is with your router's settings.", ["problem is with your router's settings"]),
    ("Your address was entered as 12 Elm St instead of 21 Elm St.",
     ["Your address was entered as 12 Elm St instead of"]),
    ("Each link was opened after it had already expired.", ["opened after it had already expired"]),
    ("You agreed to the terms when you signed up.", ["You agreed to the terms"]),
    # reminders and lectures
    ("As explained, the link expires after 24 hours.", ["As explained,"]),
    ("As outlined in my previous reply, drops aren't covered.", ["As outlined in my previous"]),
    ("I've told you twice now.", ["I've told you"]),
    ("You were told to restart the router first.", ["You were told"]),
    ("The email clearly said the sale ended Sunday.", ["clearly said"]),
    ("The instructions do say to unplug it first.", ["do say"]),
    ("Please read the instructions carefully.", ["Please read the instructions"]),
    ("Please check your spam folder before contacting us.", ["before contacting"]),
    # dismissal, correction, doubt
    ("There's no need to get upset.", ["no need to get upset"]),
    ("Let's keep this civil.", ["Let's keep this civil"]),
    ("You're overreacting.", ["You're overreacting"]),
    ("I understand you're upset, but the policy is clear.", ["I understand you're upset, but"]),
    ("Come on, it's a two-day delay.", ["Come on"]),
    ("Parcels do go missing now and then.", ["do go missing"]),
    ("Nobody is trying to scam you.", ["Nobody is trying to scam"]),
    ("To be fair, you did sign the contract.", ["To be fair, you"]),
    ("With respect, that's the policy.", ["With respect,"]),
    ("That's not how billing works.", ["That's not how billing works"]),
    ('"Fraud" is a strong word.', ["is a strong word"]),
    ("According to you, the box was empty.", ["According to you"]),
    (
        "The courier says it was delivered, but I've refunded you anyway.",
        ["but I've refunded you anyway"],
    ),
    # sibling phrasings of the same frames
    ("Outages happen, I'm afraid.", ["Outages happen"]),
    ("Bags get delayed all the time.", ["get delayed all the time"]),
    ("Our records show the driver called, but you weren't home.", ["you weren't home"]),
    ("As stated on our status page, we're working on it.", ["As stated on our status page"]),
    ("As we've explained on previous calls, claims take time.", ["As we've explained"]),
    ("Did you try clearing the cache like we suggested?", ["like we suggested"]),
    ("Did you read the terms of the travel pass?", ["Did you read the terms"]),
    ("You're probably on an old version of the app.", ["You're probably on an old"]),
    ("You must have waited too long to click the link.", ["You must have waited too long to"]),
    ("Next time, please use the link as soon as it arrives.", ["Next time, please"]),
    ("These outages are beyond our control.", ["beyond our control"]),
    ("The block worked exactly as it was designed to.", ["worked exactly as it was designed"]),
    ("Are you sure you checked the whole bag?", ["Are you sure you"]),
    ("Double charges are usually caused by your card issuer.", ["caused by your card issuer"]),
    ('"Theft" is a bit strong, Alex.', ["is a bit strong"]),
    ("We didn't steal anything.", ["We didn't steal"]),
    ("Please understand that plans renew automatically.", ["Please understand that"]),
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


def test_negated_blame_followed_by_but_still_blames(ctx: CheckContext) -> None:
    """ "I'm not saying it's your fault, but ..." blames while denying it (once a known limit)."""
    draft = "I'm not saying it's your fault, but the guide says unplug first."
    result = no_blame.check(draft, ctx)
    assert flagged(draft, result) == ["I'm not saying it's your fault, but"]
