"""The browser UI: static pages served by the API's own process.

``mount_ui(app)`` serves ``static/index.html`` at ``/`` and the rest of
``static/`` at ``/static``.  The third-party files (Leaflet, the world map)
live in ``static/vendor/`` and are installed at build time by
``python -m dateline.server.assets``; without them the UI still works and the
map panel says how to install them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from dateline.server import assets

STATIC = Path(__file__).with_name("static")
INDEX = STATIC / "index.html"
log = logging.getLogger("dateline.server")


def missing_assets() -> list[str]:
    """Vendor files not installed (looked up at each call, so installing them needs no restart)."""
    return assets.missing(assets.VENDOR)


def vendor_status() -> dict[str, object]:
    """Whether the vendor files are installed, and which are missing."""
    absent = missing_assets()
    return {"installed": not absent, "missing": absent,
            "install": "python -m dateline.server.assets (or bash scripts/install_web_assets.sh)"}


def index_page() -> str:
    """The single page, marked with whether the map's assets are present."""
    state = "ok" if not missing_assets() else "missing"
    return INDEX.read_text(encoding="utf-8").replace("{{vendor}}", state)


def mount_ui(app: FastAPI) -> None:
    """Serve the UI at ``/`` and its files at ``/static`` on ``app``."""
    absent = missing_assets()
    if absent:
        log.warning("web UI assets missing (%s); the map is disabled until you run "
                    "python -m dateline.server.assets", ", ".join(absent[:3]) + ("…" if len(absent) > 3 else ""))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(index_page(), headers={"Cache-Control": "no-cache"})

    @app.get("/ui/assets", include_in_schema=False)
    def asset_status() -> JSONResponse:
        return JSONResponse(vendor_status())

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
