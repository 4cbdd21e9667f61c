"""``dateline serve``: the REST API (and the web UI when installed) over one store."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.config import ANALYSIS_TIMEOUT_SECONDS
from dateline.server.settings import TOKEN_ENV


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="The store file; created if missing.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar=TOKEN_ENV, show_envvar=True, default=None, metavar="TOKEN",
              help="Secret that writes need (Authorization: Bearer TOKEN); without it the server is "
              "read-only. Prefer the environment variable: arguments are visible to other users.")
@click.option("--open-reads/--token-reads", default=True, show_default=True,
              help="Let anyone read, or ask the token for reads too.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Threads analyzing articles (models are shared).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=ANALYSIS_TIMEOUT_SECONDS,
              show_default=True, help="Seconds one article's analysis may take before the request "
              "is answered 504.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve_command(db: Path, host: str, port: int, token: str | None, open_reads: bool, workers: int,
                  timeout: float, log_level: str) -> None:
    """Serve the REST API over a store: analyze, ingest, search, browse, export.

    The API is described at /openapi.json; the web UI,
    when installed, is at /.  Models load before the first request.
    """
    import uvicorn

    from dateline.server import ServerSettings, create_app

    settings = ServerSettings(db=db, token=token, open_reads=open_reads, workers=workers,
                              analysis_timeout=timeout)
    app = create_app(settings)
    if token is None:
        click.echo(f"no token: the API is read-only (set {TOKEN_ENV} to accept writes)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
