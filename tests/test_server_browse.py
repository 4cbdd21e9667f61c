"""The store's paged listings (dateline.store.browse), the totals of search, timeline and events pages,
and the fast text read behind search snippets."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import httpx
import pytest
from test_server_support import live_server

from dateline.schema import Analysis, ArticleMeta, Normalization, Place, PlaceMention, Span
from dateline.server import ServerSettings
from dateline.store import Store
from dateline.store.browse import Listing
from dateline.store.conditions import TOTAL_CAP, Total, capped_count
from dateline.store.db import analysis_text, decode_analysis, encode_analysis
from dateline.store.query import count_events, count_search, count_timeline
from dateline.store.records import SearchHit


def _analysis(article_id: str, text: str, day: str, place: str | None = None) -> Analysis:
    places = []
    if place:
        start = text.index(place)
        places = [Place(id="P1", name=place, geonames_id=99072, country_code="IQ", latitude=36.3,
                        longitude=43.1, confidence=0.9, focus=True,
                        mentions=[PlaceMention(span=Span(start=start, end=start + len(place), text=place),
                                               sentence=0)])]
    return Analysis(article=ArticleMeta(id=article_id, title=f"title {article_id}", source="Wire",
                                        published=day, published_from="metadata"),
                    text=text, normalization=Normalization(degraded=False, text=text), places=places)


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "b.db") as s:
        for i in range(7):
            s.add(_analysis(f"a{i}", f"Report {i} from Mosul about the river.", f"2017-06-{10 + i:02d}",
                            "Mosul" if i % 2 == 0 else None))
        yield s


def test_articles_are_paged_newest_first(store):
    page = store.list_articles(limit=3, offset=0)
    assert page.total == 7 and [a.id for a in page.items] == ["a6", "a5", "a4"]
    rest = store.list_articles(limit=10, offset=3)
    assert [a.id for a in rest.items] == ["a3", "a2", "a1", "a0"] and rest.total == 7
    assert store.list_articles(since="2017-06-15").total == 2


def test_places_aggregate_over_articles(store):
    page = store.list_places(mapped=True)
    (mosul,) = page.items
    assert (mosul.name, mosul.articles, mosul.mentions, mosul.latitude) == ("Mosul", 4, 4, 36.3)
    assert store.list_places(country="FR").total == 0
    assert store.list_places(q="100%_").items == []


def test_entities_and_stories_listings_have_totals(store):
    assert store.list_entities(q="nobody").total == 0
    stories = store.list_stories(limit=2)
    assert stories.total >= 1 and len(stories.items) <= 2


def _copies(store: Store, article_id: str, count: int) -> None:
    """``count`` copies of a stored article under new ids, with full-text rows (SQL only: no NLP)."""
    columns = ", ".join(r[1] for r in store.db.execute("PRAGMA table_info(articles)")
                        if r[1] not in ("pk", "id", "url"))
    store.db.execute(
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        f"INSERT INTO articles(id, {columns}) SELECT a.id || '#' || n.i, {columns} FROM n, articles a "
        f"WHERE a.id = ?", (count, article_id))
    store.db.execute("INSERT INTO articles_fts(rowid, title, body) SELECT pk, title, 'Copy from Mosul about the "
                     "river.' FROM articles WHERE id LIKE ?", (f"{article_id}#%",))


def test_search_and_timeline_totals_count_the_whole_list(store):
    db = store.db
    assert count_search(db, "river") == Total(7, False) and len(store.search("river", limit=3)) == 3
    assert count_search(db, "river", place="Mosul") == Total(4, False)
    assert count_search(db, "river", place="Mosul", since="2017-06-13") == Total(2, False)
    assert count_search(db, "river", entity="nobody at all") == Total(0, False)
    assert count_search(db, "Mosul river") == Total(7, False) and count_search(db, "Baghdad") == Total(0, False)
    assert count_search(db, "", until="2017-06-12") == Total(3, False) == (
        Total(len(store.search("", until="2017-06-12", limit=50)), False))
    assert count_search(db, '"unbalanced AND ( quote') == Total(0, False)
    stories = store.timeline(limit=100)
    assert count_timeline(db) == Total(len(stories), False) and len(stories) >= 1
    assert count_timeline(db, place="Mosul") == Total(len(store.timeline(place="Mosul", limit=100)), False)
    assert count_timeline(db, query="nothing-of-the-sort") == Total(0, False)
    assert count_events(db) == Total(0, False)


def test_totals_stop_at_the_cap(store):
    assert capped_count(store.db, "SELECT 1 FROM articles a", [], cap=7) == Total(7, False)
    assert capped_count(store.db, "SELECT 1 FROM articles a", [], cap=6) == Total(6, True)
    _copies(store, "a1", TOTAL_CAP)
    assert count_search(store.db, "river") == Total(TOTAL_CAP, True)
    assert count_search(store.db, "") == Total(TOTAL_CAP, True)
    assert count_search(store.db, "river", place="Mosul") == Total(4, False)  # copies have no places
    assert count_search(store.db, "river", until="2017-06-10") == Total(1, False)


def test_capped_total_through_the_api(store, tmp_path):
    _copies(store, "a1", TOTAL_CAP)
    schema = Listing[SearchHit].model_json_schema()["properties"]
    assert schema["total_capped"]["type"] == "boolean" and "10,000" in schema["total"]["description"]
    with live_server(ServerSettings(db=Path(store.path), warm=False)) as url, \
            httpx.Client(base_url=url, timeout=60) as client:
        last = client.get("/api/search", params={"q": "river", "limit": 20, "offset": TOTAL_CAP - 20}).json()
        exact = client.get("/api/search", params={"q": "river", "place": "Mosul"}).json()
    assert (last["total"], last["total_capped"], len(last["items"])) == (TOTAL_CAP, True, 20)
    assert (exact["total"], exact["total_capped"], len(exact["items"])) == (4, False, 4)


def test_analysis_text_reads_only_the_text():
    tricky = {"schema_version": "1.0", "article": {"id": "x", "title": 'a ,"text":"decoy"'},
              "text": 'the real "text" \u00e9', "normalization": {"text": "other"}}
    blob = encode_analysis(tricky)
    assert analysis_text(blob) == decode_analysis(blob)["text"] == tricky["text"]
    reordered = zlib.compress(json.dumps({"normalization": {"text": "n"}, "text": "t"}).encode())
    assert analysis_text(reordered) == "t"


def test_analysis_text_of_a_long_record_inflated_in_steps():
    text = "Crónica " + "él dijo \"sí\" — 東京 " * 20_000
    record = {"schema_version": "1.0", "article": {"id": "long"}, "text": text,
              "normalization": {"text": text.lower()}, "entities": [{"name": "x" * 50_000}]}
    assert analysis_text(encode_analysis(record)) == text


def test_numbers_too_large_for_sqlite_are_bad_values(store):
    from dateline.errors import BAD_VALUE, ConfigError

    huge = "9" * 20
    for call in (lambda: store.list_articles(story=int(huge)), lambda: store.events(story=int(huge)),
                 lambda: store.events(place=huge), lambda: store.search("", place=huge),
                 lambda: store.entity("#" + huge)):
        with pytest.raises(ConfigError) as caught:
            call()
        assert caught.value.kind is BAD_VALUE
