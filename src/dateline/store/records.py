"""Typed results of store queries (pydantic, so they print as JSON and export flat)."""

from __future__ import annotations

from typing import Any

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
    date_from: str | None = Field(None, description="Where the date comes from: metadata, option, dateline, "
                                  "header (a date line at the head of a web page), url or estimated.")
    story_id: int | None = None
    reprint_of: str | None = Field(None, description="Id of the article this one is a near-copy of.")


#: The columns :func:`article_ref` reads, on ``articles a`` left-joined to its original as ``r``.
ARTICLE_REF_COLUMNS = "a.id, a.title, a.source, a.date, a.date_from, a.story_id, r.id"


def article_ref(row: tuple[Any, ...]) -> ArticleRef:
    """An :class:`ArticleRef` from a row of :data:`ARTICLE_REF_COLUMNS`."""
    return ArticleRef(id=row[0], title=row[1], source=row[2], date=row[3], date_from=row[4],
                      story_id=row[5], reprint_of=row[6])


class ActorRef(Result):
    """One side of a stored event, merged over its mentions."""

    name: str
    code: str | None = Field(None, description="PLOVER actor code: ISO alpha-3 country, IGO, UNO, ...")
    sector: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 country of the actor.")
    entity_id: int | None = Field(None, description="Canonical entity of the store, if any.")
    actor_id: str | None = Field(None, description="Known group or body, e.g. 'islamic-state'.")
    mentions: int = Field(1, description="Mentions of the event naming this actor.")


class EventPlaceRef(PlaceRef):
    """Where a stored event happened, with what GDELT-style exports need to type the place."""

    feature_code: str | None = Field(None, description="GeoNames feature code: PPLA, PCLI, ADM1, ...")
    admin1: str | None = None


class EventRef(Result):
    """A real-world event as the store deduplicated it from its articles' reports."""

    id: int
    type: str = Field(description="PLOVER category.")
    mode: str | None = None
    date: str | None = Field(None, description="ISO 8601, reduced precision kept ('2021-03').")
    date_from_publication: bool = Field(False, description="True when only publication dates stand in.")
    place: EventPlaceRef | None = None
    source: list[ActorRef] = Field(default_factory=list)
    target: list[ActorRef] = Field(default_factory=list)
    story_id: int | None = None
    article_count: int
    source_count: int = Field(description="Independent sources: reprints count once.")
    mention_count: int
    certainty: str | None = Field(None, description="The certainty most of its mentions carry.")
    confidence: float


class EventClaim(Result):
    """Who says the event happened, and how surely."""

    article_id: str
    source: str | None = Field(None, description="The speaker; none when the article states it itself.")
    unnamed: bool = False
    certainty: str


class EventMention(Result):
    """One article's report of the event."""

    article_id: str
    article_date: str | None = None
    url: str | None = None
    event_id: str = Field(description="The event's id within the article, e.g. 'V2'.")
    type: str
    certainty: str
    trigger: str
    sentence: str = Field(description="The sentence the event was read from.")
    span: tuple[int, int] = Field(description="The sentence's [start, end) in the article text.")


class EventView(EventRef):
    """An event with its reports and the claims about it (a list of events carries the first of each)."""

    certainties: dict[str, int] = Field(default_factory=dict, description="Claims per certainty level.")
    claims: list[EventClaim] = Field(default_factory=list)
    mentions: list[EventMention] = Field(default_factory=list)


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
    events: list[EventRef] = Field(default_factory=list, description="Events it acted in or was the target of.")
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
    events: list[EventRef] = Field(default_factory=list)


class TimelineEntry(Result):
    date: str | None
    story_id: int
    title: str | None
    article_count: int
    source_count: int
    last_date: str | None = None
    places: list[PlaceRef] = Field(default_factory=list)
    event_count: int = 0
    events: list[EventRef] = Field(default_factory=list, description="Its most reported events.")
