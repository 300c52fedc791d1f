"""Shared fixtures' helpers: render a request into prompt messages, and check a draft's rules.

`problems(draft, request, ...)` is a strict, independent reading of Calm's nine checks (the
guard in ``service/pipeline/checks`` is the authority; these are the playbook's own promises),
returning human-readable problems so a failing test says exactly what broke and where.
"""

from __future__ import annotations

import re
from pathlib import Path

from service.pipeline.checks.base import Windows
from service.pipeline.prompt import build_prompt, resolve_windows
from service.pipeline.prompt_files import PromptLibrary
from service.pipeline.text import split_sentences
from service.schemas import TECHNIQUE_IDS, DraftRequest, Signal, TechniqueChoice

REPO_PROMPTS = Path(__file__).resolve().parents[2] / "prompts"

_COMMITMENT = re.compile(
    r"\b(?:I'll|I will|we'll|we will|you'll|you will|will be with you)\b", re.I
)
_VAGUE = re.compile(r"\b(?:soon|shortly|asap|as soon as|in due course|later|at some point)\b", re.I)
_HOLLOW = re.compile(r"sorry (?:for any|you feel|if\b|, but|but\b)|apologi[sz]e for any", re.I)
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\b", re.I)
_ACTION = re.compile(r"\b(?:I'm [\w-]+ing|I am [\w-]+ing|I've|I have|I'll|I will|I can)\b")
_REFUSAL = re.compile(
    r"\b(?:can't|cannot|unable|not possible|isn't possible|not allowed|isn't available|"
    r"not available|won't be able)\b",
    re.I,
)
_CAN_DO = re.compile(r"\b(?:I can|we can|you can|what I can|here's what|instead)\b", re.I)
_BLAME = re.compile(
    r"\b(?:you should have|as I (?:already )?said|per my last|calm down|you need to understand|"
    r"obviously|relax)\b",
    re.I,
)
# "CSV" (no vowels) and these are acronyms; "AGAIN" or "DOWN" from the customer is shouting.
_ACRONYMS = ("USA", "UTC", "GMT", "EU", "UK", "US", "API", "VIP", "ETA", "ID", "IT", "OK")
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{\{|<insert|\bTBD\b|\bXXX?\b", re.I)


def write_library(root: Path) -> PromptLibrary:
    """A prompt library in ``root``: the real thread/re-ask templates, minimal markdown files.

    The playbook reads thread.jinja's format, so that template is copied from the repository;
    system.md and the technique files are stand-ins so these tests don't depend on their prose.
    """
    (root / "techniques").mkdir(parents=True, exist_ok=True)
    for name in ("thread.jinja", "reask.jinja"):
        (root / name).write_text(
            (REPO_PROMPTS / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (root / "system.md").write_text(
        "---\nversion: 1\n---\nYou write calm replies.\n", encoding="utf-8"
    )
    for tid in TECHNIQUE_IDS:
        name = tid.replace("-", " ").capitalize()
        (root / "techniques" / f"{tid}.md").write_text(
            f"---\nid: {tid}\nname: {name}\nversion: 1\nsummary: x\n---\nFollow {name}.\n",
            encoding="utf-8",
        )
    return PromptLibrary(root)


def windows_for(request: DraftRequest) -> Windows:
    return resolve_windows(request.policy, first_update="30 minutes", resolution="1 business day")


def messages_for(
    request: DraftRequest,
    library: PromptLibrary,
    *,
    technique: str,
    signals: list[Signal] | None = None,
    specifics: list[str] | None = None,
) -> list[dict[str, str]]:
    prompt = build_prompt(
        request,
        technique=TechniqueChoice(id=technique, why="chosen for the test"),
        signals=signals or [],
        specifics=specifics or [],
        windows=windows_for(request),
        library=library,
        model="calm/playbook",
        budget=20_000,
    )
    return prompt.messages


def public_text(request: DraftRequest) -> str:
    """Everything a draft may ground a number or an acronym in."""
    parts = [m.text for m in request.thread.messages if m.role != "note"]
    parts += [request.thread.subject or "", *request.facts]
    windows = windows_for(request)
    parts += [windows.first_update, windows.resolution]
    if request.policy:
        parts += [*request.policy.rules, *request.policy.escalation_targets]
        parts.append(str(request.policy.max_credit_months or ""))
    return " ".join(parts)


def problems(draft: str, request: DraftRequest, note_words: tuple[str, ...] = ()) -> list[str]:
    """Every rule the draft breaks, as readable strings (empty when it passes)."""
    found: list[str] = []
    thread, policy = request.thread, request.policy
    windows = windows_for(request)
    channel = thread.channel
    first = thread.customer.name.split()[0]
    sentences = [s.text for s in split_sentences(draft)]

    if not draft.strip():
        return ["empty draft"]
    if re.search(r"[A-Za-z]", first) and first not in draft:
        found.append(f"no first name {first!r}")
    if _PLACEHOLDER.search(draft):
        found.append(f"placeholder: {_PLACEHOLDER.search(draft)}")
    if "!" in draft:
        found.append("exclamation mark")
    for i, sentence in enumerate(sentences):
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
        if _COMMITMENT.search(sentence) and not any(
            w in sentence for w in (windows.first_update, windows.resolution)
        ):
            found.append(f"commitment without a window: {sentence!r}")
        if _VAGUE.search(sentence):
            found.append(f"vague timing: {sentence!r}")
        if _APOLOGY.search(sentence):
            if _HOLLOW.search(sentence):
                found.append(f"hollow apology: {sentence!r}")
            if not (_ACTION.search(sentence.split("sorry", 1)[-1]) or _ACTION.search(nxt)):
                found.append(f"apology without an action: {sentence!r}")
        if _REFUSAL.search(sentence) and not (_CAN_DO.search(sentence) or _CAN_DO.search(nxt)):
            found.append(f"refusal without an alternative: {sentence!r}")
        if _BLAME.search(sentence):
            found.append(f"blame: {sentence!r}")
    found += _policy_problems(draft, request)
    grounded = public_text(request)
    for number in re.findall(r"\d+(?::\d+)?", draft):
        if number not in grounded:
            found.append(f"ungrounded number {number!r}")
    trusted = " ".join([*request.facts, *(m.text for m in thread.messages if m.role == "agent")])
    for word in re.findall(r"\b[A-Z][A-Z0-9]+\b", draft):
        if word not in trusted and word not in _ACRONYMS and re.search(r"[AEIOU]", word):
            found.append(f"capitals {word!r}")
    low = draft.lower()
    for word in note_words:
        if re.search(rf"\b{re.escape(word.lower())}", low):
            found.append(f"note word {word!r}")
    found += _channel_problems(draft, channel, first, thread.agent.name)
    if policy is None and re.search(r"\bcredit \d|\bmonths? of credit", draft):
        found.append("credit offered without a policy")
    return found


def _policy_problems(draft: str, request: DraftRequest) -> list[str]:
    found: list[str] = []
    policy = request.policy
    limit = policy.max_credit_months if policy else None
    for match in re.finditer(r"credit (\d+) months?|(\d+) months? of credit", draft):
        months = int(match.group(1) or match.group(2))
        if limit is None or months > limit:
            found.append(f"credit of {months} months (limit {limit})")
    if re.search(r"\ba month of credit\b", draft) and not limit:
        found.append(f"a month of credit (limit {limit})")
    full = policy.full_refund if policy else None
    for sentence in split_sentences(draft):
        if (
            "full refund" in sentence.text
            and full is not True
            and not _REFUSAL.search(sentence.text)
        ):
            found.append(f"full refund promised: {sentence.text!r}")
    targets = [t.lower() for t in (policy.escalation_targets if policy else [])]
    for match in re.finditer(r"bringing in our ([\w -]+?)(?: now|,| and| to|\.)", draft):
        if match.group(1).lower() not in targets:
            found.append(f"hand-off to unlisted {match.group(1)!r}")
    return found


def _channel_problems(draft: str, channel: str, first: str, agent: str) -> list[str]:
    found: list[str] = []
    words = len(re.findall(r"[A-Za-z0-9']+", draft))
    paragraphs = [p for p in draft.split("\n\n") if p.strip()]
    if channel == "chat":
        if words > 130:
            found.append(f"chat too long: {words} words")
        if not 2 <= len(paragraphs) <= 4:
            found.append(f"chat has {len(paragraphs)} paragraphs")
        if re.search(r"regards|sincerely", draft, re.I):
            found.append("chat has a sign-off")
    elif channel == "email":
        if not draft.startswith("Hi ") or not draft.split("\n", 1)[0].endswith(","):
            found.append("email has no greeting line")
        if not re.search(rf"regards,\n{re.escape(agent)}$", draft):
            found.append("email has no sign-off with the agent's name")
        if not 3 <= len(paragraphs) - 2 <= 5:
            found.append(f"email has {len(paragraphs) - 2} body paragraphs")
    elif channel == "phone":
        if re.search(r"https?://|^\s*[-*•]", draft, re.M):
            found.append("phone has links or bullets")
        if agent.split()[0] not in draft:
            found.append("phone doesn't introduce the agent")
    elif channel == "social" and len(draft) > 400:
        found.append(f"social too long: {len(draft)} chars")
    return found
