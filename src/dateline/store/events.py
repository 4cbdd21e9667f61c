"""Events across articles: each reported event joins the real-world event it reports, or starts one.

Many articles report the same attack or the same talks; each article's
:class:`~dateline.schema.Event` becomes a *mention* of one stored event.  On
arrival (in the article's transaction, after its story is known) a mention
joins the best stored event that is compatible with it on every axis:

* **story**: only events of the article's story are candidates, so the work
  per article stays small and no pass over the corpus ever runs;
* **type**: the same PLOVER category, or two categories the coder confuses
  for one act (:data:`COMPATIBLE_TYPES`: FIGHT and ASSAULT);
* **date**: the same day, or one date containing the other (``2021-03``
  holds ``2021-03-09``); a date that only stands in from the publication date
  is allowed :data:`PUBLICATION_SLACK_DAYS` either way; no date is no conflict;
* **place**: the same GeoNames place, one inside the other (a country holds
  its towns, a first-level division its places), or within :data:`NEARBY_KM`;
  no place is no conflict;
* **actors**: the two share a canonical entity, a known group or a country
  code on either side; an event whose actors are all unknown conflicts with
  none.

Otherwise the mention starts a new event.  An event's summary (type, mode,
date, place, actors, certainty) and its counts are recomputed from its
mentions whenever they change: ``article_count`` counts articles,
``source_count`` independent sources with the stories' reprint rule (a wire
reprint carries its original's ``source_key``).  Replacing an article takes
its mentions out first, and events left without mentions are dropped, so the
counts never drift.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.store.db import decode_analysis

#: Categories one act is often coded as; a mention of one may join an event of another.
COMPATIBLE_TYPES: tuple[frozenset[str], ...] = (frozenset({"FIGHT", "ASSAULT"}),)
#: Two resolved places closer than this are the same scene.
NEARBY_KM = 30.0
#: A date taken from the publication date may be off by this many days from the event's.
PUBLICATION_SLACK_DAYS = 2
#: Actors kept per side in an event's summary (the most mentioned).
SUMMARY_ACTORS = 5
#: Events of the story a mention is compared with (the latest ones).
CANDIDATE_EVENTS = 500
#: Stored analyses decoded at a time when an upgraded store's events are rebuilt.
BACKFILL_BATCH = 200
#: Feature codes of places that contain every place of their country.
COUNTRY_CODES = ("PCL",)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CERTAINTY_ORDER = ("asserted", "reported", "believed", "possible", "unverified", "not-corroborated",
                    "disputed", "denied")

Place = dict[str, Any]
ActorSummary = dict[str, Any]


@dataclass
class Mention:
    """One article's event, in the form dedup compares and the store keeps."""

    local_id: str
    type: str
    mode: str | None
    date: str | None
    from_publication: bool
    place: Place | None
    actors: dict[str, list[ActorSummary]]
    sentence: int
    sentence_span: tuple[int, int]
    sentence_text: str
    trigger: tuple[int, int, str]
    certainty: str
    claim_id: str | None
    confidence: float
    keys: set[str] = field(default_factory=set)


# -- reading an article's events ---------------------------------------------------------------

def iso_prefix(value: str | None) -> str | None:
    """The calendar part of a TIMEX value (``2021-03-09``, ``2021-03``, ``2021``), else none."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    return match.group(0) if match else None


def _actor(actor: Mapping[str, Any], entity_ids: Mapping[str, int]) -> ActorSummary:
    local = actor.get("entity_id")
    return {"name": actor.get("name") or actor.get("text") or "", "code": actor.get("code"),
            "sector": actor.get("sector"), "country": actor.get("country"), "actor_id": actor.get("actor_id"),
            "entity_id": entity_ids.get(local) if local else None}


def actor_keys(actors: Iterable[ActorSummary]) -> set[str]:
    """What identifies the actors across articles: canonical entities, known groups, countries."""
    keys: set[str] = set()
    for actor in actors:
        if actor.get("entity_id") is not None:
            keys.add(f"e:{actor['entity_id']}")
        if actor.get("actor_id"):
            keys.add(f"g:{actor['actor_id']}")
        for code in (actor.get("code"), actor.get("country")):
            if code:
                keys.add(f"c:{code}")
    return keys


def article_mentions(data: Mapping[str, Any], entity_ids: Mapping[str, int]) -> list[Mention]:
    """The events of one stored Analysis (as JSON) as mentions; actors point at canonical entities."""
    places = {p["id"]: p for p in data.get("places") or []}
    out = []
    for event in data.get("events") or []:
        time = event.get("time") or {}
        spot = event.get("place") or None
        place: Place | None = None
        if spot:
            resolved = places.get(spot.get("place_id") or "")
            place = {"name": (resolved or spot)["name"], "geonames_id": (resolved or {}).get("geonames_id"),
                     "country_code": spot.get("country_code") or (resolved or {}).get("country_code"),
                     "admin1": (resolved or {}).get("admin1"), "feature_code": (resolved or {}).get("feature_code"),
                     "latitude": (resolved or {}).get("latitude"), "longitude": (resolved or {}).get("longitude")}
        actors = {role: [_actor(a, entity_ids) for a in event.get(role) or []] for role in ("source", "target")}
        sentence, trigger = event["sentence_span"], event["trigger"]
        out.append(Mention(
            local_id=event["id"], type=event["type"], mode=event.get("mode"), date=iso_prefix(time.get("value")),
            from_publication=bool(time.get("publication")), place=place, actors=actors,
            sentence=event.get("sentence", 0), sentence_span=(sentence["start"], sentence["end"]),
            sentence_text=sentence.get("text", ""),
            trigger=(trigger["start"], trigger["end"], trigger["text"]), certainty=event.get("certainty", "asserted"),
            claim_id=event.get("claim_id"), confidence=float(event.get("confidence", 0.0)),
            keys=actor_keys(actors["source"] + actors["target"])))
    return out


# -- compatibility -----------------------------------------------------------------------------

def types_compatible(a: str, b: str) -> bool:
    """Whether two PLOVER categories may name one act."""
    return a == b or any(a in group and b in group for group in COMPATIBLE_TYPES)


def compatible_types(kind: str) -> list[str]:
    """The categories a mention of ``kind`` may join, itself included."""
    found = {kind}
    for group in COMPATIBLE_TYPES:
        if kind in group:
            found |= group
    return sorted(found)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, a_publication: bool, b: str | None, b_publication: bool) -> bool:
    """Same day, one date containing the other, or near enough when one stands in from publication."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    if a_publication or b_publication:
        day_a, day_b = _day(a), _day(b)
        if day_a is not None and day_b is not None:
            return abs((day_a - day_b).days) <= PUBLICATION_SLACK_DAYS
    return False


def _km(a: Place, b: Place) -> float | None:
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(outer: Place, inner: Place) -> bool:
    code = outer.get("feature_code") or ""
    if not outer.get("country_code") or outer.get("country_code") != inner.get("country_code"):
        return False
    if code.startswith(COUNTRY_CODES):
        return True
    return code == "ADM1" and bool(inner.get("admin1")) and inner.get("admin1") == outer.get("name")


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """The same place, one inside the other, or close; a missing place is no conflict."""
    if not a or not b:
        return True
    ids = (a.get("geonames_id"), b.get("geonames_id"))
    if ids[0] and ids[0] == ids[1]:
        return True
    # Names decide only when a side is unresolved: two Parises with their own ids are two places.
    if not (ids[0] and ids[1]) and (a.get("name") or "").casefold() == (b.get("name") or "").casefold():
        return True
    if _contains(a, b) or _contains(b, a):
        return True
    distance = _km(a, b)
    return distance is not None and distance <= NEARBY_KM


def actors_compatible(a: set[str], b: set[str]) -> bool:
    """Actor keys that share one, or a side with no known actor."""
    return not a or not b or bool(a & b)


# -- the stored events -------------------------------------------------------------------------

_EVENT_COLUMNS = ("id, type, date, date_from_publication, place_geonames_id, place_name, place_country, "
                  "place_admin1, place_feature_code, place_lat, place_lon, actor_keys")


@dataclass
class Candidate:
    id: int
    type: str
    date: str | None
    from_publication: bool
    place: Place | None
    keys: set[str]


def _candidate(row: tuple[Any, ...]) -> Candidate:
    place = None
    if row[5] is not None:
        place = {"geonames_id": row[4], "name": row[5], "country_code": row[6], "admin1": row[7],
                 "feature_code": row[8], "latitude": row[9], "longitude": row[10]}
    return Candidate(int(row[0]), row[1], row[2], bool(row[3]), place, set(json.loads(row[11])))


def _score(mention: Mention, event: Candidate) -> float | None:
    """How well a mention fits a stored event; none when any axis conflicts."""
    if not (types_compatible(mention.type, event.type)
            and dates_compatible(mention.date, mention.from_publication, event.date, event.from_publication)
            and places_compatible(mention.place, event.place)
            and actors_compatible(mention.keys, event.keys)):
        return None
    score = 1.0 + len(mention.keys & event.keys)
    if mention.type == event.type:
        score += 1.0
    if mention.date and mention.date == event.date:
        score += 1.0
    if mention.place and event.place and mention.place.get("geonames_id") == event.place.get("geonames_id"):
        score += 2.0
    return score


def _match(db: sqlite3.Connection, mention: Mention, story: int | None) -> int | None:
    if story is None:
        return None
    kinds = compatible_types(mention.type)
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE story_id = ? AND type IN "
                      f"({','.join('?' * len(kinds))}) ORDER BY id DESC LIMIT ?",
                      (story, *kinds, CANDIDATE_EVENTS)).fetchall()
    best: tuple[float, int] | None = None
    for row in rows:
        event = _candidate(row)
        score = _score(mention, event)
        if score is not None and (best is None or score >= best[0]):  # ties: the oldest event
            best = (score, event.id)
    return best[1] if best else None


def _claims(mention: Mention, claims: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str | None, int, str]]:
    """(claim id, source, unnamed, certainty): who says the mention's event happened, and how surely."""
    claim = claims.get(mention.claim_id or "")
    if claim is None:
        return [(mention.local_id, None, 0, mention.certainty)]
    out = []
    for number, cid in enumerate([claim["id"], *claim.get("linked", [])]):
        item = claims.get(cid)
        if item is None:
            continue
        source = item.get("source") or None
        certainty = mention.certainty if number == 0 else item.get("certainty", "reported")
        out.append((cid, source.get("name") if source else None, int(bool(source and source.get("unnamed"))),
                    certainty))
    return out


def add_article(db: sqlite3.Connection, pk: int, data: Mapping[str, Any], story: int | None) -> list[int]:
    """Place each event of a stored article in a real-world event; returns the events touched."""
    if not data.get("events"):
        return []
    entity_ids = dict(db.execute("SELECT local_id, entity_id FROM article_entities WHERE article_pk = ?",
                                 (pk,)).fetchall())
    claims = {c["id"]: c for c in data.get("claims") or []}
    touched: list[int] = []
    for mention in article_mentions(data, entity_ids):
        event_id = _match(db, mention, story)
        if event_id is None:
            event_id = int(db.execute("INSERT INTO events(story_id, type, source, target, actor_keys) "
                                      "VALUES (?, ?, '[]', '[]', '[]')", (story, mention.type)).lastrowid)
        db.execute(
            "INSERT OR REPLACE INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pk, mention.local_id, event_id, mention.type, mention.mode, mention.date, int(mention.from_publication),
             json.dumps(mention.place, ensure_ascii=False) if mention.place else None,
             json.dumps(mention.actors, ensure_ascii=False), mention.sentence, *mention.sentence_span,
             mention.sentence_text,
             *mention.trigger, mention.certainty, mention.claim_id, mention.confidence))
        db.executemany("INSERT OR REPLACE INTO event_claims VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [(event_id, pk, mention.local_id, *claim) for claim in _claims(mention, claims)])
        # The summary moves with each mention, so the article's next event compares against it.
        refresh_event(db, event_id)
        if event_id not in touched:
            touched.append(event_id)
    return touched


def remove_article(db: sqlite3.Connection, pk: int) -> None:
    """Take an article's mentions and claims out; events left with none are deleted."""
    events = [int(r[0]) for r in db.execute("SELECT DISTINCT event_id FROM event_mentions WHERE article_pk = ?",
                                            (pk,)).fetchall()]
    db.execute("DELETE FROM event_mentions WHERE article_pk = ?", (pk,))
    db.execute("DELETE FROM event_claims WHERE article_pk = ?", (pk,))
    for event_id in events:
        refresh_event(db, event_id)


def merge_stories(db: sqlite3.Connection, keep: int, gone: Iterable[int]) -> None:
    """Stories the clusterer merged hand their events to the one kept."""
    for story in gone:
        db.execute("UPDATE events SET story_id = ? WHERE story_id = ?", (keep, story))


def backfill(db: sqlite3.Connection, batch: int | None = None) -> int:
    """Events of every stored article, in arrival order (a store upgraded from version 1).

    Analyses are decoded ``batch`` (default :data:`BACKFILL_BATCH`) at a time, so memory
    stays flat however large the store.
    """
    batch = max(1, batch or BACKFILL_BATCH)
    keys = [(int(pk), story) for pk, story in db.execute("SELECT pk, story_id FROM articles ORDER BY pk")]
    for start in range(0, len(keys), batch):
        chunk = keys[start : start + batch]
        marks = ",".join("?" * len(chunk))
        blobs = dict(db.execute(f"SELECT pk, analysis FROM articles WHERE pk IN ({marks})",
                                [pk for pk, _ in chunk]))
        for pk, story in chunk:
            add_article(db, pk, decode_analysis(blobs[pk]), story)
    return len(keys)


# -- summaries ---------------------------------------------------------------------------------

def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _best_date(rows: list[tuple[str | None, bool]]) -> tuple[str | None, bool]:
    """The most precise date the mentions give, a date of the text before a publication stand-in."""
    for from_publication in (False, True):
        dates = [d for d, p in rows if d and p == from_publication]
        if dates:
            longest = max(len(d) for d in dates)
            counts = Counter(d for d in dates if len(d) == longest)
            top = max(counts.values())
            return min(d for d, n in counts.items() if n == top), from_publication
    return None, False


def _best_place(places: list[Place]) -> Place | None:
    """The place most mentions give, a resolved place below country level first."""
    resolved = [p for p in places if p.get("geonames_id")]
    local = [p for p in resolved if not (p.get("feature_code") or "").startswith(COUNTRY_CODES)]
    for pool in (local, resolved, places):
        if pool:
            key = _most_common(p.get("geonames_id") or p.get("name") for p in pool)
            return next(p for p in pool if (p.get("geonames_id") or p.get("name")) == key)
    return None


def _actor_identity(actor: ActorSummary) -> str:
    if actor.get("entity_id") is not None:
        return f"e:{actor['entity_id']}"
    if actor.get("actor_id"):
        return f"g:{actor['actor_id']}"
    return f"n:{(actor.get('name') or '').casefold()}|{actor.get('code') or ''}"


def _summarize_actors(sides: list[list[ActorSummary]]) -> list[ActorSummary]:
    counts: Counter[str] = Counter()
    first: dict[str, ActorSummary] = {}
    for side in sides:
        for identity in dict.fromkeys(_actor_identity(a) for a in side):
            counts[identity] += 1
        for actor in side:
            first.setdefault(_actor_identity(actor), actor)
    return [{**first[k], "mentions": n} for k, n in counts.most_common(SUMMARY_ACTORS)]


def _certainty(values: list[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    top = max(counts.values())
    ranked = [c for c in _CERTAINTY_ORDER if counts.get(c) == top]
    return ranked[0] if ranked else min(c for c, n in counts.items() if n == top)


def refresh_event(db: sqlite3.Connection, event_id: int) -> None:
    """Recompute an event's summary and counts from its mentions; delete it if it has none."""
    rows = db.execute(
        "SELECT m.article_pk, m.type, m.mode, m.date, m.date_from_publication, m.place, m.actors, m.certainty, "
        "m.confidence, a.source_key FROM event_mentions m JOIN articles a ON a.pk = m.article_pk "
        "WHERE m.event_id = ? ORDER BY m.article_pk, m.local_id", (event_id,)).fetchall()
    db.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
    if not rows:
        db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        db.execute("DELETE FROM event_claims WHERE event_id = ?", (event_id,))
        return
    kind = _most_common(r[1] for r in rows)
    mode = _most_common(r[2] for r in rows if r[1] == kind)
    day, from_publication = _best_date([(r[3], bool(r[4])) for r in rows])
    place = _best_place([json.loads(r[5]) for r in rows if r[5]]) or {}
    actors = [json.loads(r[6]) for r in rows]
    source = _summarize_actors([a["source"] for a in actors])
    target = _summarize_actors([a["target"] for a in actors])
    keys = sorted(set().union(*(actor_keys(a["source"] + a["target"]) for a in actors)))
    db.execute(
        "UPDATE events SET type = ?, mode = ?, date = ?, date_from_publication = ?, place_geonames_id = ?, "
        "place_name = ?, place_country = ?, place_admin1 = ?, place_feature_code = ?, place_lat = ?, "
        "place_lon = ?, source = ?, target = ?, actor_keys = ?, article_count = ?, source_count = ?, "
        "mention_count = ?, certainty = ?, confidence = ? WHERE id = ?",
        (kind, mode, day, int(from_publication), place.get("geonames_id"), place.get("name"),
         place.get("country_code"), place.get("admin1"), place.get("feature_code"), place.get("latitude"),
         place.get("longitude"), json.dumps(source, ensure_ascii=False), json.dumps(target, ensure_ascii=False),
         json.dumps(keys), len({r[0] for r in rows}), len({r[9] for r in rows}), len(rows),
         _certainty([r[7] for r in rows]), round(max(r[8] for r in rows), 3), event_id))
    db.executemany("INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?)",
                   sorted({(event_id, role, a["entity_id"]) for sides in actors for role in ("source", "target")
                           for a in sides[role] if a.get("entity_id") is not None}))
