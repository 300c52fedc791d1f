from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import DrafterDep
from service.schemas import CheckReport, CheckRequest

router = APIRouter(prefix="/v1", tags=["checks"])


@router.post("/checks", response_model=CheckReport, summary="Check a draft a person wrote")
async def check_draft(body: CheckRequest, drafter: DrafterDep) -> CheckReport:
    """All nine checks on ``draft`` against its thread, policy and facts. Always 200 for valid
    input: ``passed`` says whether every check passed; failing checks carry spans and a hint."""
    return drafter.check(body)
