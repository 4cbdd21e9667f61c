"""``GET /api/export/{what}``: query results as files (JSONL, CSV, GeoJSON, Parquet, PLOVER, GDELT).

``what`` names the listing (``search``, ``articles``, ``entities``,
``stories``, ``places``, ``timeline``, ``quotes``, ``claims``, ``events``);
its filters are the listing's query parameters, and up to ``limit`` records
(at most :data:`~dateline.config.MAX_EXPORT_RECORDS`) are written.  PLOVER
and GDELT are event formats, so they need ``what=events``.
"""

from __future__ import annotations

import tempfile
from enum import Enum
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from dateline.config import MAX_EXPORT_RECORDS
from dateline.errors import BAD_OPTION, ConfigError
from dateline.server.auth import may_read
from dateline.server.errors import READ, responses
from dateline.server.params import COUNTRY, ENTITY, EVENT_TYPE, PLACE, SINCE, UNTIL
from dateline.store import Store

router = APIRouter(prefix="/api", dependencies=[Depends(may_read)], tags=["export"])


class What(str, Enum):
    SEARCH = "search"
    ARTICLES = "articles"
    ENTITIES = "entities"
    STORIES = "stories"
    PLACES = "places"
    TIMELINE = "timeline"
    QUOTES = "quotes"
    CLAIMS = "claims"
    EVENTS = "events"


class Format(str, Enum):
    JSONL = "jsonl"
    CSV = "csv"
    GEOJSON = "geojson"
    PARQUET = "parquet"
    PLOVER = "plover"
    GDELT = "gdelt"


MEDIA = {
    Format.JSONL: ("application/x-ndjson", "jsonl"),
    Format.CSV: ("text/csv; charset=utf-8", "csv"),
    Format.GEOJSON: ("application/geo+json", "geojson"),
    Format.PARQUET: ("application/vnd.apache.parquet", "parquet"),
    Format.PLOVER: ("application/x-ndjson", "plover.jsonl"),
    Format.GDELT: ("text/tab-separated-values; charset=utf-8", "gdelt.tsv"),
}

#: Body schemas of the formats that are not plain text.
FILE_SCHEMAS: dict[str, dict[str, Any]] = {
    "application/geo+json": {"type": "object", "description": "A GeoJSON FeatureCollection."},
    "application/vnd.apache.parquet": {"type": "string", "format": "binary"},
}


def _records(store: Store, what: What, p: dict[str, Any], limit: int) -> list[Any]:
    """The listing's records, ``limit`` deep."""
    if what is What.SEARCH:
        return store.search(p["q"] or "", entity=p["entity"], place=p["place"], country=p["country"],
                            since=p["since"], until=p["until"], event_type=p["event_type"], limit=limit)
    if what is What.TIMELINE:
        return store.timeline(query=p["q"], entity=p["entity"], place=p["place"], country=p["country"],
                              since=p["since"], until=p["until"], event_type=p["event_type"], limit=limit)
    if what is What.EVENTS:
        return store.events(type=p["event_type"], entity=p["entity"], place=p["place"], country=p["country"],
                            since=p["since"], until=p["until"], story=p["story"], limit=limit)
    listings = {
        What.ARTICLES: lambda: store.list_articles(source=p["source"], story=p["story"], since=p["since"],
                                                   until=p["until"], limit=limit),
        What.ENTITIES: lambda: store.list_entities(q=p["q"], type=p["type"], limit=limit),
        What.STORIES: lambda: store.list_stories(since=p["since"], until=p["until"],
                                                 min_articles=p["min_articles"], limit=limit),
        What.PLACES: lambda: store.list_places(country=p["country"], q=p["q"], focus=p["focus"],
                                               mapped=p["mapped"], limit=limit),
        What.QUOTES: lambda: store.list_quotes(q=p["q"], speaker=p["speaker"], certainty=p["certainty"],
                                               article=p["article"], since=p["since"], until=p["until"],
                                               limit=limit),
        What.CLAIMS: lambda: store.list_claims(q=p["q"], source=p["speaker"], certainty=p["certainty"],
                                               article=p["article"], since=p["since"], until=p["until"],
                                               limit=limit),
    }
    return list(listings[what]().items)


def render(records: list[Any], fmt: Format) -> bytes:
    """The records in ``fmt`` as bytes (PLOVER and GDELT: event records)."""
    if fmt in (Format.PLOVER, Format.GDELT):
        from dateline.store.event_export import gdelt_table, plover_record

        if fmt is Format.GDELT:
            return gdelt_table(records).encode("utf-8")
        import json

        return "".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in records).encode("utf-8")
    from dateline.store.export import export

    if fmt is Format.PARQUET:
        with tempfile.TemporaryDirectory(prefix="dateline-export-") as folder:
            path = Path(folder) / "export.parquet"
            export(records, path, "parquet")
            return path.read_bytes()
    return (export(records, None, fmt.value) or "").encode("utf-8")


@router.get("/export/{what}", summary="Export query results as a file",
            responses={**responses(*READ), 200: {"description": "The file.", "content": {
                media: {"schema": FILE_SCHEMAS.get(media, {"type": "string"})}
                for media in sorted({m for m, _ in MEDIA.values()})}}})
def export_results(request: Request, what: What, format: Format = Format.JSONL,
                   q: str | None = Query(None, description="Words (search, timeline, entities, places, quotes, "
                                         "claims)."),
                   entity: str | None = ENTITY, place: str | None = PLACE, country: str | None = COUNTRY,
                   since: str | None = SINCE, until: str | None = UNTIL, event_type: str | None = EVENT_TYPE,
                   type: str | None = Query(None, description="Entity type (entities)."),
                   source: str | None = Query(None, description="Article source (articles)."),
                   story: int | None = Query(None, description="Story id (articles, events)."),
                   speaker: str | None = Query(None, description="Speaker or claim source (quotes, claims)."),
                   certainty: str | None = Query(None, description="Certainty level (quotes, claims)."),
                   article: str | None = Query(None, description="Only this article's (quotes, claims)."),
                   min_articles: int = Query(1, ge=1, le=1_000_000,
                                             description="Only stories with at least this many articles."),
                   focus: bool = Query(False, description="Only places articles are about (places)."),
                   mapped: bool = Query(False, description="Only places with coordinates (places)."),
                   limit: int = Query(1000, ge=1, le=MAX_EXPORT_RECORDS,
                                      description=f"Records written (at most {MAX_EXPORT_RECORDS:,}).")) -> Response:
    params = {"q": q, "entity": entity, "place": place, "country": country, "since": since, "until": until,
              "event_type": event_type, "type": type, "source": source, "story": story, "speaker": speaker,
              "certainty": certainty, "article": article, "min_articles": min_articles, "focus": focus,
              "mapped": mapped}
    if format in (Format.PLOVER, Format.GDELT) and what is not What.EVENTS:
        raise ConfigError(f"{format.value} is an event format: export events (/api/export/events)",
                          kind=BAD_OPTION)
    records = _records(request.app.state.stores.reader(), what, params, limit)
    media, extension = MEDIA[format]
    return Response(render(records, format), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="dateline-{what.value}.{extension}"'})
