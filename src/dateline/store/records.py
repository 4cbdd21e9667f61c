"""Typed results of store queries (pydantic, so they print as JSON and export flat)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Result(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlaceRef(Result):
    name: str
    geonames_id: int | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    articles: int = Field(1, description="Articles naming the place (within the result).")


class EntityRef(Result):
    id: int
    name: str
    type: str
    mentions: int


class ArticleRef(Result):
    id: str
    title: str | None = None
    source: str | None = None
    date: str | None = Field(None, description="Publication date, or its estimate.")
    story_id: int | None = None
    reprint_of: str | None = Field(None, description="Id of the article this one is a near-copy of.")


class IngestReport(Result):
    """What one ingest run did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    stories: int = 0
    seconds: float = 0.0


class SearchHit(Result):
    id: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    story_id: int | None = None
    score: float = Field(description="BM25 relevance (higher is better); 0 without a query.")
    snippet: str
    places: list[PlaceRef] = Field(default_factory=list)


class QuoteRef(Result):
    article_id: str
    speaker: str | None = None
    text: str
    certainty: str | None = None


class EntityProfile(Result):
    id: int
    name: str
    type: str
    country: str | None = None
    mention_count: int
    article_count: int
    aliases: list[tuple[str, int]] = Field(description="Forms used and how often, most used first.")
    articles: list[ArticleRef]
    stories: list[int]
    quotes_by: list[QuoteRef] = Field(default_factory=list)
    quotes_about: list[QuoteRef] = Field(default_factory=list)
    events: list[dict[str, object]] = Field(default_factory=list,
                                            description="Empty until the events layer exists.")
    places: list[PlaceRef] = Field(default_factory=list)


class StoryView(Result):
    id: int
    title: str | None
    first_date: str | None
    last_date: str | None
    article_count: int
    source_count: int = Field(description="Independent sources: reprints count once.")
    sources: list[str]
    articles: list[ArticleRef]
    entities: list[EntityRef]
    places: list[PlaceRef]


class TimelineEntry(Result):
    date: str | None
    story_id: int
    title: str | None
    article_count: int
    source_count: int
    last_date: str | None = None
    places: list[PlaceRef] = Field(default_factory=list)
