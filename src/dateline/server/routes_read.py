"""Read routes: everything the corpus store offers, paged as ``{items, total, limit, offset}``.

Routes are plain functions: FastAPI runs them in its thread pool, where each
thread reads through its own store connection (:mod:`dateline.server.stores`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request

from dateline.schema import Analysis
from dateline.server.auth import may_read
from dateline.server.errors import LOOKUP, READ, responses
from dateline.server.params import (
    COUNTRY,
    ENTITY,
    EVENT_TYPE,
    PLACE,
    SINCE,
    UNTIL,
    limit_param,
    offset_param,
    ranked_window,
)
from dateline.store import Store
from dateline.store import query as queries
from dateline.store.browse import (
    ClaimItem,
    EntitySummary,
    Listing,
    PlaceSummary,
    QuoteItem,
    StorySummary,
)
from dateline.store.conditions import Total
from dateline.store.records import (
    ArticleRef,
    EntityProfile,
    EventView,
    SearchHit,
    StoryView,
    TimelineEntry,
)

router = APIRouter(prefix="/api", dependencies=[Depends(may_read)])


def reader(request: Request) -> Store:
    """This thread's store connection."""
    return request.app.state.stores.reader()  # type: ignore[no-any-return]


def page(items: list[Any], total: Total, limit: int, offset: int) -> dict[str, Any]:
    """A page cut from a ranked list computed ``offset + limit`` deep, with the whole list's total."""
    return {"items": items[offset : offset + limit], "total": total.value, "total_capped": total.capped,
            "limit": limit, "offset": offset}


@router.get("/articles", response_model=Listing[ArticleRef], responses=responses(*READ), tags=["articles"],
            summary="List stored articles, newest first")
def list_articles(request: Request, source: str | None = Query(None, description="Only from this source."),
                  story: int | None = Query(None, description="Only of this story."),
                  since: str | None = SINCE, until: str | None = UNTIL, limit: int = limit_param(),
                  offset: int = offset_param()) -> Any:
    return reader(request).list_articles(source=source, story=story, since=since, until=until,
                                         limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", response_model=Analysis, responses=responses(*LOOKUP),
            tags=["articles"], summary="One stored article's Analysis")
def get_article(request: Request, article_id: str = Path(description="The article's id.")) -> Any:
    return reader(request).article(article_id)


@router.get("/search", response_model=Listing[SearchHit], responses=responses(*READ), tags=["search"],
            summary="Full-text search with filters")
def search(request: Request, q: str = Query("", description="Every word must occur; BM25 order. "
                                            "Empty: the filters alone, newest first."),
           entity: str | None = ENTITY, place: str | None = PLACE, country: str | None = COUNTRY,
           since: str | None = SINCE, until: str | None = UNTIL, event_type: str | None = EVENT_TYPE,
           limit: int = limit_param(20), offset: int = offset_param()) -> Any:
    filters: dict[str, Any] = {"entity": entity, "place": place, "country": country, "since": since,
                               "until": until, "event_type": event_type}
    store = reader(request)
    hits = store.search(q, **filters, limit=ranked_window(limit, offset))
    return page(hits, queries.count_search(store.db, q, **filters), limit, offset)


@router.get("/entities", response_model=Listing[EntitySummary], responses=responses(*READ),
            tags=["entities"], summary="Entities whose name or alias contains q")
def list_entities(request: Request, q: str | None = Query(None, description="Part of a name or alias."),
                  type: str | None = Query(None, description="PERSON, ORG, LOC, NORP or MISC."),
                  limit: int = limit_param(), offset: int = offset_param()) -> Any:
    return reader(request).list_entities(q=q, type=type, limit=limit, offset=offset)


@router.get("/entities/{name:path}", response_model=EntityProfile, responses=responses(*LOOKUP),
            tags=["entities"], summary="Profile of one entity")
def get_entity(request: Request, name: str = Path(description="Name, alias or #id (URL-encoded: %2312)."),
               limit: int = limit_param(50)) -> Any:
    return reader(request).entity(name, limit=limit)


@router.get("/stories", response_model=Listing[StorySummary], responses=responses(*READ), tags=["stories"],
            summary="Stories, latest first")
def list_stories(request: Request, since: str | None = SINCE, until: str | None = UNTIL,
                 min_articles: int = Query(1, ge=1, le=1_000_000, description="Only stories with at least "
                                           "this many articles."),
                 limit: int = limit_param(), offset: int = offset_param()) -> Any:
    return reader(request).list_stories(since=since, until=until, min_articles=min_articles, limit=limit,
                                        offset=offset)


@router.get("/stories/{story_id}", response_model=StoryView, responses=responses(*LOOKUP), tags=["stories"],
            summary="One story: articles, sources, entities, places")
def get_story(request: Request, story_id: int = Path(ge=0, le=2**62)) -> Any:
    return reader(request).story(story_id)


@router.get("/events", response_model=Listing[EventView], responses=responses(*READ), tags=["events"],
            summary="Deduplicated events in date order")
def list_events(request: Request, type: str | None = Query(None, description="PLOVER type, e.g. ASSAULT."),
                entity: str | None = ENTITY, place: str | None = PLACE, country: str | None = COUNTRY,
                since: str | None = SINCE, until: str | None = UNTIL,
                story: int | None = Query(None, description="Only of this story."),
                limit: int = limit_param(), offset: int = offset_param()) -> Any:
    filters: dict[str, Any] = {"type": type, "entity": entity, "place": place, "country": country,
                               "since": since, "until": until, "story": story}
    store = reader(request)
    events = store.events(**filters, limit=limit, offset=offset)
    total = queries.count_events(store.db, **filters)
    return {"items": events, "total": total.value, "total_capped": total.capped, "limit": limit,
            "offset": offset}


@router.get("/events/{event_id}", response_model=EventView, responses=responses(*LOOKUP), tags=["events"],
            summary="One event with its mentions and claims")
def get_event(request: Request, event_id: int = Path(ge=0, le=2**62)) -> Any:
    return reader(request).event(event_id)


@router.get("/quotes", response_model=Listing[QuoteItem], responses=responses(*READ), tags=["quotes"],
            summary="Quotes across the corpus, newest articles first")
def list_quotes(request: Request, speaker: str | None = Query(None, description="Part of the speaker's name."),
                q: str | None = Query(None, description="Words the quote contains."),
                certainty: str | None = Query(None, description="asserted, reported, possible, believed, "
                                              "unverified, not-corroborated, denied or disputed."),
                article: str | None = Query(None, description="Only this article's quotes."),
                since: str | None = SINCE, until: str | None = UNTIL,
                limit: int = limit_param(), offset: int = offset_param()) -> Any:
    return reader(request).list_quotes(speaker=speaker, q=q, certainty=certainty, article=article,
                                       since=since, until=until, limit=limit, offset=offset)


@router.get("/claims", response_model=Listing[ClaimItem], responses=responses(*READ), tags=["quotes"],
            summary="Claims and their certainty across the corpus")
def list_claims(request: Request, source: str | None = Query(None, description="Part of the source's name."),
                q: str | None = Query(None, description="Words the claim contains."),
                certainty: str | None = Query(None, description="Certainty level, as for quotes."),
                article: str | None = Query(None, description="Only this article's claims."),
                since: str | None = SINCE, until: str | None = UNTIL,
                limit: int = limit_param(), offset: int = offset_param()) -> Any:
    return reader(request).list_claims(source=source, q=q, certainty=certainty, article=article,
                                       since=since, until=until, limit=limit, offset=offset)


@router.get("/places", response_model=Listing[PlaceSummary], responses=responses(*READ), tags=["places"],
            summary="Places over the corpus with coordinates and counts, for a map")
def list_places(request: Request, country: str | None = COUNTRY,
                q: str | None = Query(None, description="Part of the place name."),
                focus: bool = Query(False, description="Only places articles are about."),
                mapped: bool = Query(False, description="Only places with coordinates."),
                limit: int = limit_param(), offset: int = offset_param()) -> Any:
    return reader(request).list_places(country=country, q=q, focus=focus, mapped=mapped, limit=limit,
                                       offset=offset)


@router.get("/timeline", response_model=Listing[TimelineEntry], responses=responses(*READ),
            tags=["stories"], summary="Stories in date order, filtered like search")
def timeline(request: Request, q: str | None = Query(None, description="Words an article must contain."),
             entity: str | None = ENTITY, place: str | None = PLACE, country: str | None = COUNTRY,
             since: str | None = SINCE, until: str | None = UNTIL, event_type: str | None = EVENT_TYPE,
             limit: int = limit_param(), offset: int = offset_param()) -> Any:
    filters: dict[str, Any] = {"query": q, "entity": entity, "place": place, "country": country,
                               "since": since, "until": until, "event_type": event_type}
    store = reader(request)
    entries = store.timeline(**filters, limit=ranked_window(limit, offset))
    return page(entries, queries.count_timeline(store.db, **filters), limit, offset)
