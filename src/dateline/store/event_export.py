"""Stored events as PLOVER JSON records and GDELT-style rows.

The same columns and codes as the single-article exports of
:mod:`dateline.events.export`, but one record per deduplicated event: GDELT's
``NumMentions``, ``NumSources`` and ``NumArticles`` carry the event's mention,
independent-source and article counts, ``GLOBALEVENTID`` its store id, and the
dateline columns name the earliest article that reported it.  PLOVER records
add the counts, the articles and the claims (who says it happened, how surely).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from dateline.events.export import (
    CAMEO_ROOT,
    CODER,
    DATELINE_COLUMNS,
    GDELT_COLUMNS,
    QUAD,
    actor_columns,
    category_scale,
    clean_cell,
    date_parts,
    geo_columns,
)
from dateline.schema import Actor, Place
from dateline.store.records import ActorRef, EventPlaceRef, EventView


def _actor(ref: ActorRef) -> Actor:
    return Actor(text=ref.name, name=ref.name, code=ref.code, country=ref.country, sector=ref.sector,
                 actor_id=ref.actor_id, via="entity" if ref.entity_id is not None else "text", confidence=1.0)


def _place(ref: EventPlaceRef | None) -> Place | None:
    if ref is None:
        return None
    return Place(id="P0", name=ref.name, geonames_id=ref.geonames_id, feature_code=ref.feature_code,
                 country_code=ref.country_code, admin1=ref.admin1, latitude=ref.latitude,
                 longitude=ref.longitude, confidence=1.0, mentions=[])


def _plover_actor(ref: ActorRef) -> dict[str, Any]:
    return {"code": ref.code, "sector": ref.sector, "entity_text": ref.name,
            "identifier_id": ref.actor_id or (str(ref.entity_id) if ref.entity_id is not None else None),
            "identifier_text": ref.name, "mentions": ref.mentions}


def plover_record(event: EventView) -> dict[str, Any]:
    """One PLOVER JSON record for a stored event."""
    from dateline import __version__

    first = event.mentions[0] if event.mentions else None
    place = event.place
    return {
        "id": str(event.id),
        "date": event.date,
        "actor": [_plover_actor(a) for a in event.source],
        "recipient": [_plover_actor(a) for a in event.target],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [],
        "event_loc": None if place is None else {
            "name": place.name, "geonames_id": place.geonames_id, "lat": place.latitude, "lon": place.longitude,
            "country_code": place.country_code, "admin1": place.admin1},
        "event_text": list(dict.fromkeys(m.trigger for m in event.mentions)),
        "quad_code": QUAD.get(event.type),
        "event_scale": category_scale(event.type, event.mode),
        "text": first.sentence if first else None,
        "text_info": ({"article_id": first.article_id, "start": first.span[0], "end": first.span[1]}
                      if first else None),
        "coder": f"{CODER} {__version__}",
        "certainty": event.certainty,
        "certainties": event.certainties,
        "confidence": event.confidence,
        "date_from_publication": event.date_from_publication,
        "story_id": event.story_id,
        "article_count": event.article_count,
        "source_count": event.source_count,
        "mention_count": event.mention_count,
        "articles": list(dict.fromkeys(m.article_id for m in event.mentions)),
        "claims": [c.model_dump(mode="json") for c in event.claims],
    }


def gdelt_row(event: EventView) -> dict[str, Any]:
    """GDELT-style row of a stored event (GDELT columns first, then dateline's)."""
    sqldate, month, year, fraction = date_parts(event.date)
    root = CAMEO_ROOT.get(event.type, "")
    score = category_scale(event.type, event.mode)
    first = event.mentions[0] if event.mentions else None
    row: dict[str, Any] = {
        "GLOBALEVENTID": event.id,
        "SQLDATE": sqldate, "MonthYear": month, "Year": year, "FractionDate": fraction,
        **actor_columns("Actor1", _actor(event.source[0]) if event.source else None),
        **actor_columns("Actor2", _actor(event.target[0]) if event.target else None),
        "IsRootEvent": 1,
        "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
        "QuadClass": QUAD.get(event.type, ""),
        "GoldsteinScale": score if score is not None else "",
        "NumMentions": event.mention_count, "NumSources": event.source_count, "NumArticles": event.article_count,
        "AvgTone": "",
    }
    for prefix in ("Actor1Geo_", "Actor2Geo_"):
        row.update({prefix + k: v for k, v in geo_columns(None).items()})
    row.update({"ActionGeo_" + k: v for k, v in geo_columns(_place(event.place)).items()})
    added = (first.article_date or "").replace("-", "") if first else ""
    row["DATEADDED"] = f"{added}000000" if len(added) == 8 else ""
    row["SOURCEURL"] = (first.url or "") if first else ""
    row.update({
        "ArticleID": first.article_id if first else "", "EventID": first.event_id if first else "",
        "PLOVEREventType": event.type, "PLOVERMode": event.mode or "", "Certainty": event.certainty or "",
        "Confidence": event.confidence, "Sentence": "", "TriggerStart": "", "TriggerEnd": "",
        "TriggerText": first.trigger if first else "", "DateFromPublication": int(event.date_from_publication),
    })
    return row


def gdelt_table(events: Iterable[EventView]) -> str:
    """Stored events as one tab-separated GDELT-style table (header included)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*GDELT_COLUMNS, *DATELINE_COLUMNS], delimiter="\t",
                            lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for event in events:
        writer.writerow({k: clean_cell(v) for k, v in gdelt_row(event).items()})
    return buffer.getvalue()
