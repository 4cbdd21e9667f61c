"""What one API server is started with: its store, token, limits and analysis workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dateline.config import (
    ANALYSIS_TIMEOUT_SECONDS,
    MAX_ARTICLE_CHARS,
    MAX_BATCH_ARTICLES,
    MAX_PENDING_ANALYSES,
    MAX_REQUEST_BYTES,
)
from dateline.errors import BAD_OPTION, ConfigError

#: Environment variable read for the write token when ``--token`` is not given.
TOKEN_ENV = "DATELINE_API_TOKEN"


@dataclass(frozen=True)
class ServerSettings:
    """Settings of :func:`dateline.server.create_app`; limits default to :mod:`dateline.config`.

    ``token`` guards writes (ingest); with ``open_reads`` false it guards reads
    too.  Without a token the server is read-only.  ``warm`` loads the models
    before the first request instead of during it.
    """

    db: Path
    token: str | None = None
    open_reads: bool = True
    analysis_timeout: float = ANALYSIS_TIMEOUT_SECONDS
    workers: int = 1
    max_pending: int = MAX_PENDING_ANALYSES
    max_request_bytes: int = MAX_REQUEST_BYTES
    max_article_chars: int = MAX_ARTICLE_CHARS
    max_batch: int = MAX_BATCH_ARTICLES
    warm: bool = True

    def __post_init__(self) -> None:
        if self.token is not None and not self.token.strip():
            raise ConfigError("the API token is empty; give a secret string or none", kind=BAD_OPTION)
        if not self.open_reads and self.token is None:
            raise ConfigError(f"--token-reads needs a token (--token or {TOKEN_ENV})", kind=BAD_OPTION)
        if self.workers < 1 or self.max_pending < 0 or self.analysis_timeout <= 0:
            raise ConfigError("workers must be at least 1, max_pending at least 0 and the analysis "
                              "timeout positive", kind=BAD_OPTION)
