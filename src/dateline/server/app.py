"""The application factory: routes, limits, error handling, and the web UI when installed.

>>> from dateline.server import ServerSettings, create_app
>>> app = create_app(ServerSettings(db="corpus.db", token="s3cret"))  # doctest: +SKIP

The store is opened (created if missing) when the app is made, so a bad
``--db`` fails at start, not at the first request; the models load at start
up (``warm``) in the analysis pool.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from dateline import __version__
from dateline.server import errors
from dateline.server.analysis import AnalysisService
from dateline.server.auth import TokenGuard
from dateline.server.limits import BodyLimit
from dateline.server.routes_export import router as export_router
from dateline.server.routes_meta import router as meta_router
from dateline.server.routes_read import router as read_router
from dateline.server.routes_write import router as write_router
from dateline.server.settings import ServerSettings
from dateline.server.stores import StoreAccess

log = logging.getLogger("dateline.server")

DESCRIPTION = """\
News articles in, a structured and verifiable record out: analyze an article
(`POST /api/analyze`), ingest articles into the corpus store
(`POST /api/articles`, needs the token) and read everything the store holds.
Lists are paged as `{items, total, total_capped, limit, offset}` (see
`Listing`: search, timeline and events count up to 10,000); errors are
`{"error": {code, title, message, where}}` with the codes of the shared
error catalogue (docs/errors.md).
"""


def _mount_ui(app: FastAPI) -> None:
    """Serve the web UI if its module is part of this installation."""
    try:
        from dateline.server.web import mount_ui
    except ModuleNotFoundError as exc:
        if exc.name != "dateline.server.web":
            raise
        return
    mount_ui(app)


def create_app(settings: ServerSettings) -> FastAPI:
    """Build the API over the store ``settings.db``."""
    stores = StoreAccess(settings.db)
    analysis = AnalysisService(settings.workers, settings.max_pending, settings.analysis_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm:
            await asyncio.get_running_loop().run_in_executor(None, analysis.warm)
        try:
            yield
        finally:
            analysis.shutdown()
            stores.close()

    # no /docs or /redoc: FastAPI's interactive pages load their scripts from a CDN, and this server
    # works offline; the description itself is at /openapi.json
    app = FastAPI(title="dateline", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.stores = stores
    app.state.analysis = analysis
    app.state.guard = TokenGuard(settings.token, settings.open_reads)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    for router in (write_router, read_router, export_router, meta_router):
        app.include_router(router)
    _mount_ui(app)
    return app
