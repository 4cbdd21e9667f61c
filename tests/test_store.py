"""The corpus store: idempotent ingest, versions, rejects, kill -9, resolution, stories, queries, CLI."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.errors import NOT_FOUND, StoreError
from dateline.schema import Analysis, ArticleMeta, Entity, EntityType, Mention, Normalization, Span
from dateline.store import Store
from dateline.store.resolve import Resolver

# Our own small articles: two reports of one Bangladesh flood, a reprint of the
# first, a flood of the same kind elsewhere and later, a Mosul battle story, and
# an update of one of them.
ARTICLES = [
    {"id": "flood-1", "source": "Reuters", "published": "2017-08-14",
     "title": "Floods kill dozens in northern Bangladesh",
     "text": "DHAKA (Reuters) - Floods in northern Bangladesh killed at least 40 people on Monday, officials "
             "said, after the Teesta river burst its banks near Rangpur following days of monsoon rain. "
             "Disaster minister Mofazzal Hossain Chowdhury said thousands of families had fled to shelters."},
    {"id": "flood-2", "source": "AFP", "published": "2017-08-15",
     "title": "Bangladesh flood toll rises as Teesta river swells",
     "text": "DHAKA (AFP) - The death toll from floods in northern Bangladesh rose to 55 on Tuesday as the "
             "Teesta river kept rising around Rangpur, disaster minister Mofazzal Hossain Chowdhury said. "
             "Monsoon rain has flooded thousands of homes and families fled to shelters."},
    {"id": "flood-1-reprint", "source": "Dhaka Tribune", "published": "2017-08-14",
     "title": "Floods kill dozens in northern Bangladesh",
     "text": "DHAKA (Reuters) - Floods in northern Bangladesh killed at least 40 people on Monday, officials "
             "said, after the Teesta river burst its banks near Rangpur following days of monsoon rain. "
             "Disaster minister Mofazzal Hossain Chowdhury said thousands of families had fled to shelters."},
    {"id": "flood-peru", "source": "AP", "published": "2019-03-02",
     "title": "Floods and mudslides hit southern Peru",
     "text": "LIMA (AP) - Floods and mudslides in southern Peru killed 12 people on Saturday after heavy rain "
             "swelled the Vitor river near Arequipa, Peru's civil defense institute said. Governor Elmer "
             "Caceres said hundreds of homes were destroyed."},
    {"id": "mosul-1", "source": "Reuters", "published": "2017-06-20",
     "title": "Iraqi forces close in on Mosul mosque",
     "text": "MOSUL, Iraq (Reuters) - Iraqi forces closed in on the al-Nuri mosque in Mosul's old city on "
             "Tuesday, where Islamic State (IS) leader Abu Bakr al-Baghdadi declared his caliphate in 2014. "
             "Baghdadi has not been seen since."},
    {"id": "mosul-2", "source": "BBC", "published": "2017-06-21",
     "title": "IS blows up Mosul's al-Nuri mosque",
     "text": "MOSUL, Iraq (BBC) - Islamic State militants blew up the al-Nuri mosque in Mosul's old city on "
             "Wednesday as Iraqi forces closed in, the Iraqi military said. ISIS leader al-Baghdadi declared "
             "his caliphate from the mosque in 2014."},
]
UPDATED = {**ARTICLES[0], "text": ARTICLES[0]["text"] + " The army was sent to help with rescue work."}


def _write(path: Path, rows: list[dict[str, str]], bad: bool = False) -> Path:
    lines = [json.dumps(r) for r in rows]
    if bad:
        lines.insert(1, "{not json")
        lines.append(json.dumps({"id": "empty", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(db_path: Path) -> dict[str, str]:
    """A digest of every table's rows (FTS shadow tables included)."""
    connection = sqlite3.connect(db_path)
    out = {}
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if name == "articles_fts":
            continue
        digest = hashlib.sha1()
        for row in connection.execute(f"SELECT * FROM {name} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
        out[name] = digest.hexdigest()
    connection.close()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A store with the articles above (one NLP pass for the whole module)."""
    folder = tmp_path_factory.mktemp("corpus")
    source = _write(folder / "news.jsonl", ARTICLES, bad=True)
    db = folder / "news.db"
    with Store(db) as store:
        report = store.ingest([str(source)])
    return {"db": db, "source": source, "report": report, "folder": folder}


def _story(store: Store, article_id: str) -> int:
    return store.db.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


# -- ingest --------------------------------------------------------------------------------

def test_ingest_stores_articles_and_rejects(corpus):
    report = corpus["report"]
    assert (report.added, report.rejected) == (6, 2)
    with Store(corpus["db"], create=False) as store:
        rejects = store.db.execute("SELECT origin, code, message FROM rejects ORDER BY origin").fetchall()
        assert {code for _, code, _ in rejects} == {"DL202", "DL101"}
        assert all("news.jsonl" in origin for origin, _, _ in rejects)
        assert all(message for _, _, message in rejects)
        analysis = store.article("mosul-2")
        assert analysis.article.source == "BBC"
        assert any(e.name == "Mosul" for e in analysis.places)


def test_reingest_changes_nothing(corpus, tmp_path):
    copy = tmp_path / "copy.db"
    with Store(corpus["db"], create=False) as store:
        store.db.execute(f"VACUUM INTO '{copy}'")
    before = _rows(copy)
    with Store(copy, create=False) as store:
        report = store.ingest([str(corpus["source"])])
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 6)
    assert _rows(copy) == before


def test_updated_article_replaces_and_links(corpus, tmp_path):
    copy = tmp_path / "update.db"
    with Store(corpus["db"], create=False) as store:
        store.db.execute(f"VACUUM INTO '{copy}'")
    with Store(copy, create=False) as store:
        report = store.ingest([str(_write(tmp_path / "update.jsonl", [UPDATED]))])
        assert report.replaced == 1
        row = store.db.execute("SELECT version, previous FROM articles WHERE id = 'flood-1'").fetchone()
        assert row == (2, "flood-1@1")
        old = store.db.execute("SELECT version, replaced_by FROM article_versions WHERE article_id = 'flood-1'").fetchall()
        assert old == [(1, "flood-1")]
        assert "rescue work" in store.article("flood-1").text
        assert store.db.execute("SELECT count(*) FROM articles WHERE id = 'flood-1'").fetchone()[0] == 1
        hits = store.search("rescue")
        assert [h.id for h in hits] == ["flood-1"]
        assert _story(store, "flood-1") == _story(store, "flood-2")


# -- kill -9 -------------------------------------------------------------------------------

KILL_SCRIPT = """
import sys
from dateline.store import Store
with Store(sys.argv[1]) as store:
    store.ingest([sys.argv[2]], batch_size=2)
"""


def test_kill_9_loses_nothing_committed(tmp_path):
    rows = [{"id": f"n{i:03d}", "published": "2020-01-01",
             "text": f"Police in town number {i} arrested {i % 7 + 2} men on Tuesday after a robbery, "
                     f"officials in Lagos said. The suspects were taken to station {i}."} for i in range(120)]
    source = _write(tmp_path / "many.jsonl", rows)
    db = tmp_path / "kill.db"
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(db), str(source)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    committed = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                check = sqlite3.connect(db, timeout=1)
                committed = check.execute("SELECT count(*) FROM articles").fetchone()[0]
                check.close()
            except sqlite3.OperationalError:
                continue
            if committed >= 8:
                break
    assert process.poll() is None, "ingest finished before it could be killed; make the batch bigger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with Store(db, create=False) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
        assert len(ids) >= committed >= 8
        assert len(ids) < len(rows)
        for article_id in ids:  # every committed article is whole: record, story, index
            analysis = store.article(article_id)
            assert analysis.text.startswith("Police in town number")
            assert store.db.execute("SELECT count(*) FROM stories s JOIN articles a ON a.story_id = s.id "
                                    "WHERE a.id = ?", (article_id,)).fetchone()[0] == 1
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        report = store.ingest([str(source)])
        assert report.unchanged == len(ids)
        assert report.added == len(rows) - len(ids)
        assert store.db.execute("SELECT count(DISTINCT id), count(*) FROM articles").fetchone() == (120, 120)
        assert len(store.search("robbery", limit=500)) == 120


# -- entity resolution ---------------------------------------------------------------------

def _analysis(article_id: str, entities: list[tuple[str, str, list[str], list[str]]]) -> Analysis:
    """A hand-made Analysis: entities as (name, type, aliases, mention texts)."""
    text = " ".join(m for *_, mentions in entities for m in mentions) or "nothing"
    made, position = [], 0
    for number, (name, kind, aliases, mentions) in enumerate(entities, 1):
        spans = []
        for mention in mentions:
            start = text.index(mention, position)
            position = start + len(mention)
            spans.append(Mention(span=Span(start=start, end=position, text=mention), sentence=0,
                                 type=EntityType(kind), confidence=0.9))
        made.append(Entity(id=f"E{number}", type=EntityType(kind), name=name, aliases=aliases, mentions=spans))
    return Analysis(article=ArticleMeta(id=article_id), text=text,
                    normalization=Normalization(degraded=False, text=text), entities=made)


def _canonical(store: Store, article_id: str, local: str = "E1") -> int:
    return store.db.execute("SELECT ae.entity_id FROM article_entities ae JOIN articles a ON a.pk = ae.article_pk "
                            "WHERE a.id = ? AND ae.local_id = ?", (article_id, local)).fetchone()[0]


def test_surname_alone_and_group_aliases_resolve_across_articles():
    with Store(":memory:") as store:
        store.add(_analysis("a", [("Baghdadi", "PERSON", [], ["baghdadi"])]))  # before the full name
        store.add(_analysis("b", [("Abu Bakr al-Baghdadi", "PERSON", ["baghdadi"],
                                   ["abu bakr al-baghdadi", "baghdadi"]),
                                  ("Islamic State", "ORG", ["is"], ["islamic state", "is"])]))
        store.add(_analysis("c", [("al-Baghdadi", "PERSON", [], ["al-baghdadi"]), ("ISIS", "ORG", [], ["isis"])]))
        store.add(_analysis("d", [("ISIL", "ORG", [], ["isil"])]))
        person = _canonical(store, "b")
        assert _canonical(store, "a") == _canonical(store, "c") == person
        group = _canonical(store, "b", "E2")
        assert _canonical(store, "c", "E2") == _canonical(store, "d") == group
        profile = store.entity("baghdadi")
        assert profile.name == "Abu Bakr al-Baghdadi"
        assert profile.article_count == 3 and profile.mention_count == 4
        assert dict(profile.aliases) == {"baghdadi": 2, "abu bakr al-baghdadi": 1, "al-baghdadi": 1}
        assert {a for a, _ in store.entity("isil").aliases} == {"islamic state", "is", "isis", "isil"}
        assert store.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 2


def test_two_people_sharing_a_surname_stay_apart():
    with Store(":memory:") as store:
        store.add(_analysis("g", [("George Bush", "PERSON", ["bush"], ["george bush", "bush"])]))
        store.add(_analysis("j", [("Jeb Bush", "PERSON", ["bush"], ["jeb bush", "bush"])]))
        store.add(_analysis("x", [("Bush", "PERSON", [], ["bush"])]))
        george, jeb, bare = (_canonical(store, a) for a in "gjx")
        assert len({george, jeb, bare}) == 3  # no evidence which Bush: kept apart
        assert store.entity("jeb bush").name == "Jeb Bush"


def test_surname_joins_the_person_its_story_names():
    with Store(":memory:") as store:
        store.add(_analysis("g", [("George Bush", "PERSON", ["bush"], ["george bush", "bush"])]))
        store.add(_analysis("j", [("Jeb Bush", "PERSON", ["bush"], ["jeb bush", "bush"])]))
        store.db.execute("UPDATE articles SET story_id = 7 WHERE id = 'j'")  # j's story names Jeb only
        story = _story(store, "j")
        resolver = Resolver(store.db)
        bare = Entity(id="E1", type=EntityType.PERSON, name="Bush", mentions=[])
        assert resolver.resolve(bare, story) == _canonical(store, "j")


# -- stories -------------------------------------------------------------------------------

def test_online_stories_keep_same_kind_events_apart(corpus):
    with Store(corpus["db"], create=False) as store:
        flood = _story(store, "flood-1")
        assert _story(store, "flood-2") == flood
        assert _story(store, "flood-1-reprint") == flood
        assert _story(store, "flood-peru") != flood
        assert _story(store, "mosul-1") == _story(store, "mosul-2") != flood
        view = store.story(flood)
        assert view.article_count == 3
        assert view.source_count == 2  # the reprint counts with its original
        reprint = next(a for a in view.articles if a.id == "flood-1-reprint")
        assert reprint.reprint_of == "flood-1"


def test_far_apart_sites_lower_a_pair_score_and_shared_places_do_not():
    from dateline.store.stories import Member, pair_score, sites_apart

    vector = {"words": {"w:fire": 0.8, "w:supermarket": 0.6}, "lead": {"l:fire": 1.0}}

    def member(site: tuple[float, float], places: set[str]) -> Member:
        return Member(vector, 2021, set(), None, set(), [], site, frozenset(places))

    leeds = member((53.80, -1.55), {"2644688"})
    exeter = member((50.72, -3.53), {"2649808"})
    leeds_again = member((53.79, -1.54), {"2644688"})
    assert sites_apart(leeds, exeter) and not sites_apart(leeds, leeds_again)
    assert pair_score(leeds, exeter) < pair_score(leeds, leeds_again)
    unplaced = member(None, set())  # type: ignore[arg-type]
    assert not sites_apart(leeds, unplaced)


def test_firm_dates_far_apart_lower_a_pair_score_and_estimates_do_not():
    from dateline.store.stories import WINDOW_DAYS, Member, pair_score

    vector = {"words": {"w:flood": 0.8, "w:river": 0.6}, "lead": {"l:flood": 1.0}}

    def member(day: int | None) -> Member:
        return Member(vector, None, set(), None, set(), [], day=day)

    monday = member(737000)
    assert pair_score(monday, member(737000 + WINDOW_DAYS + 30)) < pair_score(monday, member(737003))
    assert pair_score(monday, member(None)) == pair_score(monday, member(737003))


def test_each_article_records_where_its_date_comes_from(corpus, tmp_path):
    import dateline

    with Store(corpus["db"], create=False) as store:
        rows = dict(store.db.execute("SELECT id, date_from FROM articles"))
        listed = store.story(_story(store, "flood-1")).articles
    assert rows["flood-1"] == rows["mosul-2"] == "metadata"
    assert {a.date_from for a in listed} == {"metadata"}
    with Store(tmp_path / "headed.db") as store:
        store.add(dateline.read("Harbour reopens after the storm\nPosted : March 14 , 2011\n"
                                "The harbour at Port Elm reopened on Monday after a week of repairs.",
                                id="harbour"))
        assert store.db.execute("SELECT date, date_from FROM articles").fetchone() == ("2011-03-14", "header")


def test_store_of_version_2_learns_where_its_dates_come_from(corpus, tmp_path):
    import shutil

    from dateline.store.migrations import SCHEMA_VERSION

    db = tmp_path / "v2.db"
    shutil.copy(corpus["db"], db)
    old = sqlite3.connect(db, isolation_level=None)
    old.execute("ALTER TABLE articles DROP COLUMN date_from")
    old.execute("PRAGMA user_version = 2")
    old.close()
    with Store(db, create=False) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = dict(store.db.execute("SELECT id, date_from FROM articles"))
    assert set(rows.values()) == {"metadata"}


# -- queries -------------------------------------------------------------------------------

def test_search_with_filters(corpus):
    with Store(corpus["db"], create=False) as store:
        assert {h.id for h in store.search("floods")} == {"flood-1", "flood-2", "flood-1-reprint", "flood-peru"}
        assert {h.id for h in store.search("floods", country="PE")} == {"flood-peru"}
        assert {h.id for h in store.search("floods", since="2018-01-01")} == {"flood-peru"}
        assert {h.id for h in store.search("", until="2017-06-30")} == {"mosul-1", "mosul-2"}
        assert {h.id for h in store.search("mosque", entity="isis")} == {"mosul-1", "mosul-2"}
        assert {h.id for h in store.search("", place="Rangpur")} >= {"flood-1", "flood-2"}
        assert store.search("floods", entity="nobody at all") == []
        assert store.search('"unbalanced AND ( quote') == []  # FTS syntax in user input is inert
        hit = store.search("Teesta", limit=1)[0]
        assert "Teesta" in hit.snippet
        entries = store.timeline()
        assert [e.date for e in entries] == sorted(e.date for e in entries)
        assert len(store.timeline(country="PE")) == 1


def test_export_formats(corpus, tmp_path):
    import pyarrow.parquet as pq

    with Store(corpus["db"], create=False) as store:
        hits = store.search("floods")
        store.export(hits, tmp_path / "hits.parquet", "parquet")
        assert pq.read_table(tmp_path / "hits.parquet").num_rows == len(hits)
        lines = store.export(hits, None, "jsonl").splitlines()
        assert {json.loads(line)["id"] for line in lines} == {h.id for h in hits}
        assert store.export(hits, None, "csv").splitlines()[0].startswith("id,title,source,date")
        geo = json.loads(store.export(hits, None, "geojson"))
        assert geo["type"] == "FeatureCollection" and geo["features"]


# -- CLI -----------------------------------------------------------------------------------

def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_queries(corpus, capsys):
    db = str(corpus["db"])
    code, out, _ = run(["search", "floods", "--db", db, "--country", "PE", "--format", "json"], capsys)
    assert code == 0 and [h["id"] for h in json.loads(out)] == ["flood-peru"]
    code, out, _ = run(["entity", "baghdadi", "--db", db, "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["name"] == "Abu Bakr al-Baghdadi"
    code, out, _ = run(["timeline", "--db", db], capsys)
    assert code == 0 and "Floods kill dozens" in out
    code, out, _ = run(["story", "1", "--db", db], capsys)
    assert code == 0 and "independent sources" in out
    code, out, _ = run(["search", "mosque", "--db", db, "--format", "csv"], capsys)
    assert code == 0 and out.startswith("id,")


def test_cli_prints_brackets_in_articles_as_written(tmp_path, capsys):
    """Article text is never read as terminal markup: ``[/]`` neither styles nor breaks a view."""
    text = ("The harbour council met on Monday [/bold] in Port Elm. \"We will not [/] give up [red],\" "
            "Mayor Anna Berg said. Police arrested two [/x] men.")
    source = _write(tmp_path / "brackets.jsonl", [{"id": "b1", "title": "Vote [/] delayed", "text": text}])
    (tmp_path / "brackets.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "brackets.db")
    assert run(["ingest", str(source), "--db", db], capsys)[0] == 0
    for args in (["search", "council"], ["entity", "Berg"], ["story", "1"], ["timeline"]):
        code, out, err = run([*args, "--db", db], capsys)
        assert code == 0, (args, err)
        assert "[/]" in out, args
    for command in ("read", "quotes", "events"):
        code, out, err = run([command, str(tmp_path / "brackets.txt")], capsys)
        assert code == 0 and "Traceback" not in err, (command, err)
    assert "[/]" in run(["read", str(tmp_path / "brackets.txt")], capsys)[1]


def test_cli_ingest_reports_and_exit_code(tmp_path, capsys):
    source = _write(tmp_path / "two.jsonl", ARTICLES[3:4], bad=True)
    code, out, err = run(["ingest", str(source), "--db", str(tmp_path / "x.db")], capsys)
    assert code == 65
    assert "1 added" in out and "2 rejected" in out
    assert "DL202" in err and "Traceback" not in err


@pytest.mark.parametrize("setup, args, code, message", [
    ("missing", ["search", "x"], 66, "DL401"),
    ("garbage", ["entity", "x"], 65, "DL402"),
    ("store", ["story", "999"], 66, "DL404"),
    ("store", ["entity", "nobody at all"], 66, "DL404"),
    ("store", ["search", "x", "--event-type", "PICNIC"], 64, "DL204"),
    ("store", ["search", "x", "--since", "not a date"], 64, "DL204"),
    ("store", ["story", "1", "--format", "parquet"], 64, "DL301"),
])
def test_cli_bad_input_gives_a_clear_error(corpus, tmp_path, capsys, setup, args, code, message):
    db = {"missing": tmp_path / "none.db", "garbage": tmp_path / "garbage.db", "store": corpus["db"]}[setup]
    if setup == "garbage":
        db.write_bytes(b"this is not a database at all\n" * 10)
    got, out, err = run([*args, "--db", str(db)], capsys)
    assert got == code, err
    assert message in err and "Traceback" not in err
    assert err.startswith("error: ")


def test_corrupted_store_is_refused(tmp_path):
    db = tmp_path / "broken.db"
    with Store(db) as store:
        store.add(_analysis("a", [("Jeb Bush", "PERSON", [], ["jeb bush"])]))
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError) as error:
        Store(db, create=False).search("bush")
    assert error.value.kind.code == "DL402"


def test_unknown_story_is_not_found():
    with Store(":memory:") as store, pytest.raises(StoreError) as error:
        store.story(42)
    assert error.value.kind is NOT_FOUND


def test_full_name_absorbs_a_surname_named_earlier_in_the_same_article():
    with Store(":memory:") as store:
        store.add(_analysis("a", [("Baghdadi", "PERSON", [], ["baghdadi"])]))
        store.add(_analysis("b", [("Baghdadi", "PERSON", [], ["baghdadi"]),
                                  ("Abu Bakr al-Baghdadi", "PERSON", [], ["abu bakr al-baghdadi"])]))
        assert _canonical(store, "a") == _canonical(store, "b") == _canonical(store, "b", "E2")
        profile = store.entity("abu bakr al-baghdadi")
        assert (profile.article_count, profile.mention_count) == (2, 3)
        assert store.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 1


def test_story_metrics():
    from dateline.evaluation.stories import b_cubed, pairwise

    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert b_cubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold)["f1"] == 1.0
    merged = b_cubed({"a": 0, "b": 0, "c": 0, "d": 0}, gold)
    assert (merged["precision"], merged["recall"]) == (0.5, 1.0)
    split = pairwise({"a": 1, "b": 2, "c": 3, "d": 3}, gold)
    assert (split["precision"], split["recall"]) == (1.0, 0.5)
