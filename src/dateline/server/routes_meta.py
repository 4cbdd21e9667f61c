"""Health and counts: what a monitor or a dashboard polls."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from dateline import __version__
from dateline.schema import SCHEMA_VERSION
from dateline.server.auth import may_read
from dateline.server.errors import READ, responses
from dateline.server.models import Health

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=Health, summary="Liveness and what the server accepts")
def health(request: Request) -> Any:
    """Always open (no token), so a monitor needs no secret; reveals counts only."""
    state = request.app.state
    articles = state.stores.reader().db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return Health(status="ok", version=__version__, schema_version=SCHEMA_VERSION, articles=articles,
                  analyses_in_progress=state.analysis.admitted, writes=state.settings.token is not None,
                  open_reads=state.settings.open_reads)


@router.get("/stats", response_model=dict[str, int], responses=responses(*READ),
            dependencies=[Depends(may_read)], summary="Rows per table of the store")
def stats(request: Request) -> Any:
    return request.app.state.stores.reader().counts()
