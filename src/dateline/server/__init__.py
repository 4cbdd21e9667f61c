"""The REST API (``dateline serve``): analyze articles, ingest them, read the corpus store.

:func:`create_app` builds the FastAPI application for one store file;
``dateline serve --db FILE`` runs it with uvicorn.  The OpenAPI description
is served at ``/openapi.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.server.settings import ServerSettings

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(settings: ServerSettings) -> FastAPI:
    """Build the API (imports FastAPI on first use, so ``import dateline.server`` stays cheap)."""
    from dateline.server.app import create_app as build

    return build(settings)


__all__ = ["ServerSettings", "create_app"]
