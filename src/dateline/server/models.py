"""Bodies the API accepts and the ingest report it returns (results reuse the store's records)."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from dateline.server.errors import ErrorDetail


class ArticleIn(BaseModel):
    """One article to analyze or store; only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article body (plain text; may open with a dateline).")
    id: str | None = Field(None, description="Stable id; a hash of the text when absent.")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="Publication date, e.g. 2017-09-28; anchors "
                                  "relative dates.")
    source: str | None = Field(None, description="Publisher or agency.")
    degraded: bool | None = Field(None, description="Force (true) or forbid (false) restoring degraded "
                                  "text; detected when absent.")


class AnalyzeRequest(ArticleIn):
    """An article to analyze without storing it."""

    layers: list[str] | None = Field(None, description="Layers wanted (dateline, sentences, entities, "
                                     "publication, times, quotes, claims, places, events); the pipeline "
                                     "runs up to the last one named. All when absent.")


class IngestStatus(str, Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


class IngestItem(BaseModel):
    """What happened to one posted article."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(description="Position in the posted list (0 for a single article).")
    id: str | None = Field(None, description="The article's id in the store; null if unreadable.")
    status: IngestStatus
    story_id: int | None = None
    error: ErrorDetail | None = Field(None, description="Why a rejected article was rejected.")


class IngestResult(BaseModel):
    """The per-article outcome of an ingest request, with totals."""

    model_config = ConfigDict(extra="forbid")

    items: list[IngestItem]
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0


class Health(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: str = Field(description="'ok' when the store answers.")
    version: str
    schema_version: str
    articles: int
    analyses_in_progress: int
    writes: bool = Field(description="True when the server accepts writes (started with a token).")
    open_reads: bool
