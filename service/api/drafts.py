from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import DrafterDep
from service.schemas import Draft, DraftRequest

router = APIRouter(prefix="/v1", tags=["drafts"])


@router.post("/drafts", response_model=Draft, summary="Draft a de-escalating reply for a thread")
async def create_draft(body: DraftRequest, drafter: DrafterDep) -> Draft:
    """Always answers with a draft: ``ready`` when every check passed, else ``flagged``."""
    return await drafter.draft(body)
