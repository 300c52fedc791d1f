from __future__ import annotations

from fastapi import APIRouter

from service import __version__
from service.api.deps import DrafterDep
from service.schemas import TECHNIQUE_IDS, TechniqueInfo

router = APIRouter(tags=["meta"])


@router.get("/v1/techniques", response_model=list[TechniqueInfo], summary="The 16 techniques")
async def list_techniques(drafter: DrafterDep) -> list[TechniqueInfo]:
    return technique_infos(drafter)


@router.get("/healthz", summary="Liveness and what this process drafts with")
async def health(drafter: DrafterDep) -> dict[str, object]:
    return {
        "status": "ok",
        "version": __version__,
        "default_model": drafter.settings.default_model,
        "fallback_models": drafter.settings.fallback_models,
        "checks": drafter.suite.ids,
        "prompts": {"system": drafter.library.system.ref, "thread": drafter.library.thread.ref},
    }


def technique_infos(drafter: DrafterDep) -> list[TechniqueInfo]:
    infos = []
    for tid in TECHNIQUE_IDS:
        doc = drafter.library.technique(tid)
        infos.append(
            TechniqueInfo(
                id=tid,
                name=doc.meta.get("name", tid),
                summary=doc.meta.get("summary", ""),
                version=doc.ref,
            )
        )
    return infos
