from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.pipeline.drafting import Drafter


def get_drafter(request: Request) -> Drafter:
    drafter: Drafter = request.app.state.drafter
    return drafter


DrafterDep = Annotated[Drafter, Depends(get_drafter)]
