"""Events in the corpus store: dedup across articles, counts, replacement, migration, queries, CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.errors import NOT_FOUND, ConfigError, DatelineError, StoreError
from dateline.schema import (
    Actor,
    Analysis,
    ArticleMeta,
    Certainty,
    Event,
    EventConfidence,
    EventPlace,
    EventTime,
    EventType,
    Normalization,
    Place,
    PlaceMention,
    Span,
)
from dateline.store import Store
from dateline.store.db import decode_analysis
from dateline.store.events import (
    actors_compatible,
    dates_compatible,
    iso_prefix,
    places_compatible,
    types_compatible,
)
from dateline.store.migrations import MIGRATIONS, _statements

# Our own articles: a Kabul checkpoint bombing reported by Reuters, the same wire
# copy reprinted by a second outlet, and an independent AFP report; an attack of
# the same kind the same day in Kandahar; a protest in Santiago.
KABUL_WIRE = ("KABUL (Reuters) - A Taliban suicide bomber attacked a police checkpoint in Kabul on Tuesday, "
              "killing 12 police officers, Afghan officials said. The interior ministry said the attacker "
              "detonated a car packed with explosives near the checkpoint. The Taliban claimed responsibility "
              "for the attack.")
ARTICLES = [
    {"id": "kabul-reuters", "source": "Reuters", "published": "2021-03-09",
     "title": "Suicide bomber kills 12 at Kabul checkpoint", "text": KABUL_WIRE},
    {"id": "kabul-reprint", "source": "Gulf Courier", "published": "2021-03-09",
     "title": "Suicide bomber kills 12 at Kabul checkpoint", "text": KABUL_WIRE},
    {"id": "kabul-afp", "source": "AFP", "published": "2021-03-09", "title": "Taliban bomber hits Kabul police post",
     "text": "KABUL (AFP) - Taliban militants attacked a police checkpoint in Kabul on Tuesday with a car bomb, "
             "killing at least 12 policemen, the Afghan interior ministry said. A Taliban spokesman said the "
             "group carried out the attack. The government condemned the bombing."},
    {"id": "kandahar-ap", "source": "AP", "published": "2021-03-09", "title": "Gunmen attack police in Kandahar",
     "text": "KANDAHAR, Afghanistan (AP) - Taliban gunmen attacked a police post in Kandahar on Tuesday, killing "
             "four officers, provincial officials said. The attackers fled after a gunbattle that lasted two "
             "hours."},
    {"id": "santiago-protest", "source": "AP", "published": "2021-03-12",
     "title": "Thousands march in Santiago over pensions",
     "text": "SANTIAGO, Chile (AP) - Thousands of protesters marched through central Santiago on Friday to demand "
             "higher pensions, police said. Riot police fired tear gas at demonstrators near the presidential "
             "palace."},
]
KABUL = {"kabul-reuters", "kabul-reprint", "kabul-afp"}
EVENT_TABLES = ("events", "event_mentions", "event_actors", "event_claims")


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _copy(db: Path, to: Path) -> Path:
    with Store(db, create=False) as store:
        store.db.execute(f"VACUUM INTO '{to}'")
    return to


def _event_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall() for t in EVENT_TABLES}


def _articles_of(event) -> set[str]:
    return {m.article_id for m in event.mentions}


def _kabul(store: Store):
    found = [e for e in store.events(limit=500) if _articles_of(e) & KABUL]
    assert len(found) >= 1
    return max(found, key=lambda e: e.article_count)


def _consistent(store: Store) -> None:
    """No mention without its article, no event without a mention, counts as the mentions say."""
    db = store.db
    assert db.execute("SELECT count(*) FROM event_mentions m LEFT JOIN articles a ON a.pk = m.article_pk "
                      "WHERE a.pk IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                      "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM event_claims c WHERE NOT EXISTS (SELECT 1 FROM event_mentions m "
                      "WHERE m.article_pk = c.article_pk AND m.local_id = c.local_id)").fetchone()[0] == 0
    for eid, articles, sources in db.execute("SELECT id, article_count, source_count FROM events").fetchall():
        row = db.execute("SELECT count(DISTINCT a.pk), count(DISTINCT a.source_key) FROM event_mentions m "
                         "JOIN articles a ON a.pk = m.article_pk WHERE m.event_id = ?", (eid,)).fetchone()
        assert row == (articles, sources)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A store with the articles above (one NLP pass for the whole module)."""
    folder = tmp_path_factory.mktemp("events")
    source = _write(folder / "news.jsonl", ARTICLES)
    db = folder / "news.db"
    with Store(db) as store:
        report = store.ingest([str(source)])
    assert report.added == len(ARTICLES)
    return {"db": db, "source": source, "folder": folder}


# -- dedup across articles -----------------------------------------------------------------

def test_reprints_and_an_independent_report_make_one_event(corpus):
    with Store(corpus["db"], create=False) as store:
        event = _kabul(store)
        assert _articles_of(event) == KABUL
        assert (event.article_count, event.source_count) == (3, 2)  # the reprint counts with its original
        assert event.type in ("FIGHT", "ASSAULT")
        assert event.place is not None and event.place.name == "Kabul" and event.place.country_code == "AF"
        assert event.date == "2021-03-09"
        assert {c.article_id for c in event.claims} == KABUL
        assert all(c.certainty for c in event.claims) and sum(event.certainties.values()) == len(event.claims)
        assert all(m.sentence and m.span[1] > m.span[0] for m in event.mentions)
        assert store.event(event.id) == event
        _consistent(store)


def test_same_kind_of_event_elsewhere_stays_apart(corpus):
    with Store(corpus["db"], create=False) as store:
        kabul = _kabul(store)
        kandahar = [e for e in store.events(limit=500) if "kandahar-ap" in _articles_of(e)]
        assert kandahar and all(e.id != kabul.id for e in kandahar)
        attack = next(e for e in kandahar if e.type in ("FIGHT", "ASSAULT"))
        assert attack.article_count == 1 and attack.place is not None and attack.place.geonames_id != 1138958


def test_reingest_is_idempotent(corpus, tmp_path):
    db = _copy(corpus["db"], tmp_path / "again.db")
    with Store(db, create=False) as store:
        before = _event_rows(store)
        report = store.ingest([str(corpus["source"])])
        assert report.unchanged == len(ARTICLES) and report.added == 0
        assert _event_rows(store) == before


def test_updated_article_replaces_its_mentions(corpus, tmp_path):
    db = _copy(corpus["db"], tmp_path / "update.db")
    updates = [
        {**ARTICLES[2], "text": ARTICLES[2]["text"] + " Hospital officials said 20 people were wounded."},
        {**ARTICLES[3], "text": "KANDAHAR, Afghanistan (AP) - Provincial officials in Kandahar said on Tuesday "
                                "that the police post would reopen next week after repairs."},
    ]
    with Store(db, create=False) as store:
        kandahar_before = {e.id for e in store.events(limit=500) if "kandahar-ap" in _articles_of(e)}
        report = store.ingest([str(_write(tmp_path / "update.jsonl", updates))])
        assert report.replaced == 2
        event = _kabul(store)
        assert _articles_of(event) == KABUL and (event.article_count, event.source_count) == (3, 2)
        pk = store.db.execute("SELECT pk FROM articles WHERE id = 'kabul-afp'").fetchone()[0]
        versions = store.db.execute("SELECT DISTINCT article_pk FROM event_mentions m JOIN articles a "
                                    "ON a.pk = m.article_pk WHERE a.id = 'kabul-afp'").fetchall()
        assert versions == [(pk,)]  # only the new version's mentions
        remaining = {e.id for e in store.events(limit=500) if "kandahar-ap" in _articles_of(e)}
        assert not (kandahar_before & remaining)  # the old version's events went with it
        _consistent(store)


# -- migration -----------------------------------------------------------------------------

def _version_1_copy(source: Path, target: Path) -> None:
    """A store as version 1 wrote it: the first migration only, holding the same articles."""
    old = sqlite3.connect(target, isolation_level=None)
    old.execute("BEGIN")
    for statement in _statements(MIGRATIONS[0]):
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute("ATTACH DATABASE ? AS new", (str(source),))
    tables = [r[0] for r in old.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'articles_fts%'")]
    for table in tables:  # the columns version 1 had (later migrations add some)
        columns = ", ".join(row[1] for row in old.execute(f"PRAGMA main.table_info({table})"))
        old.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM new.{table}")
    for pk, title, blob in old.execute("SELECT pk, title, analysis FROM main.articles").fetchall():
        old.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                    (pk, title or "", decode_analysis(blob)["text"]))
    old.execute("COMMIT")
    old.execute("DETACH DATABASE new")
    old.close()


@pytest.mark.parametrize("batch", [200, 2])
def test_version_1_store_upgrades_in_place_and_gets_its_events(corpus, tmp_path, monkeypatch, batch):
    from dateline.store import events

    monkeypatch.setattr(events, "BACKFILL_BATCH", batch)  # small batches: the rebuild reads in rounds
    db = tmp_path / "v1.db"
    _version_1_copy(corpus["db"], db)
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    assert check.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events'").fetchone()[0] == 0
    check.close()
    with Store(corpus["db"], create=False) as store:
        expected = sorted((e.type, e.article_count, e.source_count, e.date) for e in store.events(limit=500))
    with Store(db, create=False) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.counts()["articles"] == len(ARTICLES)
        assert {h.id for h in store.search("checkpoint")} >= {"kabul-reuters", "kabul-afp"}
        got = sorted((e.type, e.article_count, e.source_count, e.date) for e in store.events(limit=500))
        assert got == expected
        _consistent(store)


def test_migration_applied_by_another_process_meanwhile_is_not_run_twice(tmp_path, monkeypatch):
    from dateline.store import migrations

    path = tmp_path / "race.db"
    first = sqlite3.connect(path, isolation_level=None)
    second = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(first)
    real = migrations.current_version
    calls = []

    def stale(connection):  # the second read its version before the first committed
        calls.append(connection)
        return 0 if len(calls) == 1 else real(connection)

    monkeypatch.setattr(migrations, "current_version", stale)
    assert migrations.migrate(second) == migrations.SCHEMA_VERSION
    first.close()
    second.close()


# -- queries -------------------------------------------------------------------------------

def test_search_by_event_type(corpus):
    with Store(corpus["db"], create=False) as store:
        assert {h.id for h in store.search("", event_type="protest")} == {"santiago-protest"}
        assert {h.id for h in store.search("police", event_type="PROTEST")} == {"santiago-protest"}
        fights = {h.id for kind in ("FIGHT", "ASSAULT") for h in store.search("", event_type=kind)}
        assert KABUL <= fights
        assert [e.story_id for e in store.timeline(event_type="PROTEST")] == [store.search("pensions")[0].story_id]
        with pytest.raises(ConfigError) as error:
            store.search("", event_type="PICNIC")
        assert error.value.kind.code == "DL204" and "PROTEST" in str(error.value)


def test_event_filters_and_paging(corpus):
    with Store(corpus["db"], create=False) as store:
        everything = store.events(limit=500)
        assert [e.id for e in everything] == [e.id for e in sorted(everything, key=lambda e: (e.date or "~", e.id))]
        kabul = _kabul(store)
        assert kabul.id in {e.id for e in store.events(place="Kabul")}
        assert kabul.id in {e.id for e in store.events(place="1138958")}
        assert kabul.id in {e.id for e in store.events(country="af", type=kabul.type)}
        assert all(e.place and e.place.country_code == "CL" for e in store.events(country="CL"))
        assert kabul.id in {e.id for e in store.events(since="2021-03", until="2021-03-09")}
        assert kabul.id not in {e.id for e in store.events(since="2021-03-10")}
        assert {e.type for e in store.events(type="protest")} == {"PROTEST"}
        assert {e.story_id for e in store.events(story=kabul.story_id)} == {kabul.story_id}
        first, second = store.events(limit=1), store.events(limit=1, offset=1)
        assert [e.id for e in first + second] == [e.id for e in everything[:2]]
        for bad in ({"type": "PICNIC"}, {"country": "AFG"}, {"since": "soon"}, {"limit": 0}, {"offset": -1},
                    {"limit": "many"}):
            with pytest.raises(DatelineError) as error:
                store.events(**bad)
            assert error.value.kind.exit_code == 64
        with pytest.raises(StoreError) as error:
            store.event(99999)
        assert error.value.kind is NOT_FOUND


def test_entity_profile_and_story_carry_events(corpus):
    with Store(corpus["db"], create=False) as store:
        kabul = _kabul(store)
        actor = next(a for a in kabul.source + kabul.target if a.entity_id is not None)
        profile = store.entity(f"#{actor.entity_id}")
        assert kabul.id in {e.id for e in profile.events}
        assert kabul.id in {e.id for e in store.events(entity=f"#{actor.entity_id}")}
        assert store.events(entity="nobody at all") == []
        story = store.story(kabul.story_id)
        assert kabul.id in {e.id for e in story.events}
        entry = next(t for t in store.timeline() if t.story_id == kabul.story_id)
        assert entry.event_count >= 1 and entry.events[0].article_count == max(e.article_count for e in story.events)


# -- dedup rules, without the NLP ----------------------------------------------------------

def test_compatibility_rules():
    assert types_compatible("FIGHT", "ASSAULT") and not types_compatible("PROTEST", "ASSAULT")
    assert dates_compatible("2021-03-09", False, "2021-03", False)
    assert dates_compatible("2021-03-09", False, None, False)
    assert not dates_compatible("2021-03-09", False, "2021-03-11", False)
    assert dates_compatible("2021-03-09", False, "2021-03-11", True)  # a publication stand-in may lag
    assert not dates_compatible("2021-03-01", False, "2021-03-11", True)
    assert iso_prefix("2021-03-09T10:00") == "2021-03-09" and iso_prefix("PAST_REF") is None
    kabul = {"name": "Kabul", "geonames_id": 1138958, "country_code": "AF", "feature_code": "PPLC",
             "latitude": 34.528, "longitude": 69.172}
    suburb = {"name": "Paghman", "geonames_id": 1, "country_code": "AF", "latitude": 34.588, "longitude": 68.953}
    country = {"name": "Afghanistan", "geonames_id": 1149361, "country_code": "AF", "feature_code": "PCLI"}
    kandahar = {"name": "Kandahar", "geonames_id": 1138335, "country_code": "AF", "feature_code": "PPLA",
                "latitude": 31.612, "longitude": 65.71}
    assert places_compatible(kabul, country) and places_compatible(country, kandahar)
    assert places_compatible(kabul, suburb)  # about 20 km apart
    assert not places_compatible(kabul, kandahar) and places_compatible(kabul, None)
    paris, paris_texas = ({"name": "Paris", "geonames_id": 2988507, "country_code": "FR"},
                          {"name": "Paris", "geonames_id": 4717560, "country_code": "US"})
    assert not places_compatible(paris, paris_texas)
    assert places_compatible(paris, {"name": "paris", "country_code": "FR"})  # unresolved: the name decides
    assert actors_compatible({"c:AFG"}, set()) and actors_compatible({"c:AFG", "e:3"}, {"e:3"})
    assert not actors_compatible({"c:AFG"}, {"c:PAK"})


PLACES = {
    "Kabul": (1138958, "AF", "PPLC", 34.52813, 69.17233),
    "Herat": (1139715, "AF", "PPLA", 34.34817, 62.19967),
}
#: One wire text for every hand-made article, so they share a story and only their events differ.
WIRE = ("Militants attacked a police checkpoint in Kabul and another in Herat on Tuesday, killing 12 officers "
        "in Kabul and four in Herat, officials said.")


def _made(article_id: str, source: str, events: list[dict[str, object]]) -> Analysis:
    """A hand-made article whose events are given: type, place, date, publication, actor code."""
    places = [Place(id=f"P{i}", name=name, geonames_id=gid, country_code=cc, feature_code=code, latitude=lat,
                    longitude=lon, confidence=0.9,
                    mentions=[PlaceMention(span=Span(start=WIRE.index(name), end=WIRE.index(name) + len(name),
                                                     text=name), sentence=0)])
              for i, (name, (gid, cc, code, lat, lon)) in enumerate(PLACES.items(), 1)]
    ids = {p.name: p.id for p in places}
    made = []
    for number, spec in enumerate(events, 1):
        name = spec.get("place")
        at = WIRE.index(name) if name else 0
        place = (EventPlace(place_id=ids[name], name=name, country_code="AF",
                            span=Span(start=at, end=at + len(name), text=name), confidence=0.8) if name else None)
        made.append(Event(
            id=f"V{number}", type=EventType(spec["type"]),
            source=[Actor(text="militants", name="militants", code=spec.get("code"), via="noun", confidence=0.7)],
            trigger=Span(start=10, end=18, text="attacked"), sentence=0,
            sentence_span=Span(start=0, end=len(WIRE), text=WIRE), place=place,
            time=EventTime(value=spec.get("date"), publication=bool(spec.get("publication")), confidence=0.8),
            certainty=Certainty.REPORTED, rule="test", confidence=0.8,
            field_confidence=EventConfidence(type=0.8)))
    return Analysis(article=ArticleMeta(id=article_id, source=source, title="Checkpoints attacked"), text=WIRE,
                    normalization=Normalization(degraded=False, text=WIRE), places=places, events=made)


def test_dedup_compares_type_date_place_and_actors():
    with Store(":memory:") as store:
        store.add(_made("a", "Wire A", [{"type": "ASSAULT", "place": "Kabul", "date": "2021-03-09", "code": "AFG"}]))
        store.add(_made("b", "Wire B", [
            {"type": "FIGHT", "place": "Kabul", "date": "2021-03-09", "code": "AFG"},   # same attack, other type
            {"type": "ASSAULT", "place": "Herat", "date": "2021-03-09", "code": "AFG"},  # elsewhere
            {"type": "ASSAULT", "place": "Kabul", "date": "2021-03-02", "code": "AFG"},  # a week before
            {"type": "ASSAULT", "place": "Kabul", "date": "2021-03-09", "code": "PAK"},  # other actors
            {"type": "PROTEST", "place": "Kabul", "date": "2021-03-09", "code": "AFG"},  # another kind of act
        ]))
        store.add(_made("c", "Wire C", [{"type": "ASSAULT", "place": None, "date": "2021-03", "code": None}]))
        assert len({r[0] for r in store.db.execute("SELECT story_id FROM articles")}) == 1
        events = {(e.type, e.place.name if e.place else None, e.date, tuple(a.code for a in e.source)): e
                  for e in store.events()}
        assert len(events) == 5
        first = next(e for e in events.values() if e.article_count == 3)
        assert (first.place.name, first.date) == ("Kabul", "2021-03-09")
        assert {(m.article_id, m.event_id) for m in first.mentions} == {("a", "V1"), ("b", "V1"), ("c", "V1")}
        assert sorted(e.article_count for e in events.values()) == [1, 1, 1, 1, 3]
        _consistent(store)


def test_event_lists_cap_reports_per_event_and_the_event_gives_them_all():
    from dateline.store.query import LISTED_REPORTS

    reports = LISTED_REPORTS + 3
    with Store(":memory:") as store:
        for number in range(reports):
            store.add(_made(f"r{number:02d}", f"Outlet {number}",
                            [{"type": "ASSAULT", "place": "Kabul", "date": "2021-03-09", "code": "AFG"}]))
        (listed,) = store.events()
        assert listed.article_count == reports and len(listed.mentions) == len(listed.claims) == LISTED_REPORTS
        assert sum(listed.certainties.values()) == reports
        full = store.event(listed.id)
        assert len(full.mentions) == len(full.claims) == reports
        assert [m.article_id for m in full.mentions][:LISTED_REPORTS] == [m.article_id for m in listed.mentions]


def test_merged_stories_hand_over_their_events():
    from dateline.store.events import merge_stories

    with Store(":memory:") as store:
        store.add(_made("a", "Wire A", [{"type": "ASSAULT", "place": "Kabul", "date": "2021-03-09"}]))
        (event,) = store.events()
        store.db.execute("UPDATE events SET story_id = 99")
        merge_stories(store.db, 7, [99])
        assert store.event(event.id).story_id == 7


# -- CLI -----------------------------------------------------------------------------------

def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_lists_store_events(corpus, capsys, tmp_path):
    db = str(corpus["db"])
    code, out, err = run(["events", "--db", db, "--format", "json"], capsys)
    assert code == 0, err
    events = json.loads(out)
    kabul = max((e for e in events if {m["article_id"] for m in e["mentions"]} & KABUL),
                key=lambda e: e["article_count"])
    assert (kabul["article_count"], kabul["source_count"]) == (3, 2)
    code, out, _ = run(["events", "--db", db, "--type", "protest", "--format", "jsonl"], capsys)
    assert code == 0 and {json.loads(line)["type"] for line in out.splitlines()} == {"PROTEST"}
    code, out, _ = run(["events", "--db", db, "--format", "gdelt"], capsys)
    header, *rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and len(rows) == len(events)
    row = next(dict(zip(header, r)) for r in rows if r[0] == str(kabul["id"]))
    assert (row["NumArticles"], row["NumSources"], row["ActionGeo_FeatureID"]) == ("3", "2", "1138958")
    code, out, _ = run(["events", "--db", db, "--format", "plover", "--place", "Kabul"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records and all(r["event_loc"]["name"] == "Kabul" for r in records)
    assert any(r["article_count"] == 3 and r["claims"] for r in records)
    code, out, _ = run(["events", "--db", db, "--format", "geojson", "--country", "AF"], capsys)
    assert code == 0 and json.loads(out)["features"]
    target = tmp_path / "events.parquet"
    code, _, _ = run(["events", "--db", db, "--format", "parquet", "--output", str(target)], capsys)
    assert code == 0 and target.stat().st_size > 0
    code, out, _ = run(["events", "--db", db], capsys)
    assert code == 0 and "Kabul" in out
    code, out, _ = run(["search", "--db", db, "--event-type", "PROTEST", "--format", "json"], capsys)
    assert code == 0 and [h["id"] for h in json.loads(out)] == ["santiago-protest"]
    code, out, _ = run(["story", str(kabul["story_id"]), "--db", db], capsys)
    assert code == 0 and f"#{kabul['id']} {kabul['type']}" in out


@pytest.mark.parametrize("args, code, message", [
    (["events", "--db", "{db}", "--type", "PICNIC"], 64, "DL204"),
    (["events", "--db", "{db}", "--country", "AFG"], 64, "DL301"),
    (["events", "--db", "{db}", "--since", "soon"], 64, "DL204"),
    (["events", "--db", "{db}", "--format", "parquet"], 64, "DL301"),
    (["events", "--db", "{db}", "--published", "2021-01-01"], 64, "DL301"),
    (["events", "--db", "{db}", "{source}"], 64, "DL301"),
    (["events"], 64, "DL301"),
    (["events", "{source}", "--entity", "Taliban"], 64, "DL301"),
    (["events", "{source}", "--format", "csv"], 64, "DL301"),
    (["events", "--db", "{missing}"], 66, "DL401"),
    (["events", "--db", "{db}", "--limit", "0"], 2, "--limit"),
    (["search", "--db", "{db}", "--event-type", "picnic"], 64, "DL204"),
])
def test_cli_bad_event_options_give_clear_errors(corpus, tmp_path, capsys, args, code, message):
    values = {"db": str(corpus["db"]), "source": str(corpus["source"]), "missing": str(tmp_path / "none.db")}
    got, _, err = run([a.format(**values) for a in args], capsys)
    assert got == code, err
    assert message in err and "Traceback" not in err and err.startswith("error: ")
