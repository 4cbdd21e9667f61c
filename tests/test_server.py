"""The REST API on a real uvicorn server: analyze, ingest, every read route, limits, errors, tokens."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import httpx
import pytest
from test_server_support import live_server

from dateline.errors import BUSY, DatelineError
from dateline.server import ServerSettings
from dateline.server.analysis import AnalysisService

TOKEN = "test-token-5f2a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY_LIMIT = 400_000
ARTICLES = [
    {"id": "mosul-1", "source": "Reuters", "published": "2017-06-20", "title": "Iraqi forces close in on Mosul mosque",
     "text": "MOSUL, Iraq (Reuters) - Iraqi forces closed in on the al-Nuri mosque in Mosul's old city on "
             "Tuesday, where Islamic State leader Abu Bakr al-Baghdadi declared his caliphate in 2014. "
             "\"We will free the old city within days,\" an Iraqi commander told Reuters."},
    {"id": "mosul-2", "source": "BBC", "published": "2017-06-21", "title": "IS blows up Mosul's al-Nuri mosque",
     "text": "MOSUL, Iraq (BBC) - Islamic State militants blew up the al-Nuri mosque in Mosul's old city on "
             "Wednesday as Iraqi forces closed in, the Iraqi military said. Baghdadi declared his caliphate "
             "from the mosque in 2014."},
    {"id": "flood-1", "source": "AFP", "published": "2017-08-14", "title": "Floods kill dozens in Bangladesh",
     "text": "DHAKA (AFP) - Floods in northern Bangladesh killed at least 40 people on Monday, officials said, "
             "after the Teesta river burst its banks near Rangpur."},
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("server") / "corpus.db"
    settings = ServerSettings(db=db, token=TOKEN, max_request_bytes=BODY_LIMIT, max_batch=10)
    with live_server(settings) as url:
        with httpx.Client(base_url=url, timeout=120) as client:
            response = client.post("/api/articles", json=ARTICLES, headers=AUTH)
            assert response.status_code == 200, response.text
        yield url


@pytest.fixture()
def client(base: str):
    with httpx.Client(base_url=base, timeout=120) as c:
        yield c


def _error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    return error


# -- analyze ------------------------------------------------------------------------------------------

def test_analyze_json_body(client):
    response = client.post("/api/analyze", json={"text": ARTICLES[0]["text"], "published": "2017-06-20",
                                                 "title": "t", "source": "Reuters"})
    assert response.status_code == 200
    data = response.json()
    assert data["article"]["published"] == "2017-06-20" and data["article"]["title"] == "t"
    assert any(e["name"] == "Mosul" for e in data["places"])
    text = data["text"]
    assert all(text[m["span"]["start"]:m["span"]["end"]] == m["span"]["text"]
               for e in data["entities"] for m in e["mentions"])


def test_analyze_text_body_with_query_metadata(client):
    response = client.post("/api/analyze?published=2017-08-14&title=Floods",
                           content=ARTICLES[2]["text"].encode("utf-8"),
                           headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 200
    assert response.json()["article"]["title"] == "Floods"
    assert response.json()["publication"]["date"] == "2017-08-14"


def test_analyze_layers_runs_a_prefix_of_the_pipeline(client):
    data = client.post("/api/analyze", json={"text": ARTICLES[0]["text"], "layers": ["entities"]}).json()
    assert data["entities"] and not data["places"] and not data["events"]
    _error(client.post("/api/analyze", json={"text": "x y", "layers": ["nope"]}), 422, "DL204")
    only = client.post("/api/analyze", json={"text": ARTICLES[0]["text"], "layers": ["dateline"]})
    assert only.status_code == 200, only.text
    assert only.json()["dateline"]["agency"] == "Reuters" and only.json()["entities"] == []


def test_analyze_bad_bodies(client):
    _error(client.post("/api/analyze", content=b'{"text": "unclosed',
                       headers={"Content-Type": "application/json"}), 422, "DL202")
    _error(client.post("/api/analyze", json=["not", "an", "object"]), 422, "DL202")
    _error(client.post("/api/analyze", json={"title": "no text"}), 422, "DL202")
    _error(client.post("/api/analyze", json={"text": 12}), 422, "DL204")
    _error(client.post("/api/analyze", json={"text": "a b", "publishd": "2017"}), 422, "DL204")
    _error(client.post("/api/analyze", json={"text": "   "}), 422, "DL101")
    _error(client.post("/api/analyze", json={"text": "a b", "published": "not a date"}), 422, "DL204")
    _error(client.post("/api/analyze", content=b"\x00\x01\x02binary\x00\xff" * 50,
                       headers={"Content-Type": "text/plain"}), 415, "DL102")
    _error(client.post("/api/analyze", content=b"caf\xe9 \xff\xfe",
                       headers={"Content-Type": "text/plain; charset=utf-8"}), 422, "DL104")
    _error(client.post("/api/analyze", content=b"abc", headers={"Content-Type": "text/plain; charset=klingon"}),
           415, "DL201")
    # codecs that are no text encodings, and one that fails in its own way
    _error(client.post("/api/analyze", content=b"abc", headers={"Content-Type": "text/plain; charset=rot13"}),
           415, "DL201")
    _error(client.post("/api/analyze", content=b"hello world",
                       headers={"Content-Type": "text/plain; charset=punycode"}), 422, "DL104")
    _error(client.post("/api/analyze", content=b"<p>hi</p>", headers={"Content-Type": "text/html"}), 415, "DL201")
    _error(client.post("/api/analyze", content=b"text"), 415, "DL201")
    _error(client.get("/api/analyze"), 405, "DL506")


def test_huge_bodies_are_refused_before_reading(client):
    error = _error(client.post("/api/analyze", content=b"a " * BODY_LIMIT,
                               headers={"Content-Type": "text/plain"}), 413, "DL103")
    assert f"{BODY_LIMIT:,}" in error["message"]

    def chunks():  # no Content-Length: the limit applies while streaming
        for _ in range(10):
            yield b"word " * 10_000

    _error(client.post("/api/analyze", content=chunks(), headers={"Content-Type": "text/plain"}), 413, "DL103")


def test_article_over_the_character_limit_is_413(tmp_path):
    settings = ServerSettings(db=tmp_path / "s.db", max_article_chars=1000, warm=False)
    with live_server(settings) as url:
        response = httpx.post(f"{url}/api/analyze", json={"text": "word " * 400})
        _error(response, 413, "DL103")


def test_analysis_timeout_is_504(tmp_path):
    settings = ServerSettings(db=tmp_path / "s.db", analysis_timeout=0.001, warm=False)
    with live_server(settings) as url:
        response = httpx.post(f"{url}/api/analyze", json={"text": ARTICLES[1]["text"]}, timeout=60)
        error = _error(response, 504, "DL504")
        assert "took longer" in error["message"]
        assert httpx.get(f"{url}/api/health").status_code == 200


def test_full_analysis_queue_is_503():
    service = AnalysisService(workers=1, max_pending=0, timeout=5)
    release = threading.Event()

    async def scenario() -> None:
        first = asyncio.ensure_future(service.run(lambda stop: release.wait(5)))
        await asyncio.sleep(0.05)
        with pytest.raises(DatelineError) as refused:
            await service.run(lambda stop: None)
        assert refused.value.kind is BUSY
        release.set()
        await first

    asyncio.run(scenario())
    service.shutdown()


# -- ingest -------------------------------------------------------------------------------------------

def test_ingest_needs_the_right_token(client):
    article = {"id": "x-1", "text": "LONDON (Reuters) - Parliament met on Monday."}
    error = _error(client.post("/api/articles", json=article), 401, "DL501")
    assert "token" in error["message"]
    _error(client.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}), 403, "DL502")
    _error(client.post("/api/articles", json=article, headers={"Authorization": "Basic eDp5"}), 401, "DL501")
    assert client.get("/api/articles/x-1").status_code == 404


def test_ingest_reports_each_article_and_skips_bad_ones(client):
    before = client.get("/api/stats").json()
    batch = [
        {"id": "peru-1", "source": "AP", "published": "2019-03-02",
         "text": "LIMA (AP) - Floods and mudslides in southern Peru killed 12 people on Saturday near Arequipa."},
        {"id": "broken", "text": None},
        "not an object",
        {"id": "blank", "text": " \n "},
        ARTICLES[0],
    ]
    response = client.post("/api/articles", json=batch, headers=AUTH)
    assert response.status_code == 200
    report = response.json()
    statuses = [(i["index"], i["id"], i["status"]) for i in report["items"]]
    assert statuses == [(0, "peru-1", "added"), (1, "broken", "rejected"), (2, None, "rejected"),
                        (3, "blank", "rejected"), (4, "mosul-1", "unchanged")]
    assert report["items"][0]["story_id"] is not None and report["items"][4]["story_id"] is not None
    assert report["items"][1]["error"]["code"] == "DL204"
    assert report["items"][3]["error"]["code"] == "DL101"
    assert (report["added"], report["rejected"], report["unchanged"]) == (1, 3, 1)
    after = client.get("/api/stats").json()
    assert after["articles"] == before["articles"] + 1
    assert after["rejects"] >= before["rejects"] + 3
    assert client.get("/api/articles/mosul-1").json()["article"]["source"] == "Reuters"


def test_ids_with_slashes(client):
    article = {"id": "wire/2017/06/a", "text": "BAGHDAD (Reuters) - The Iraqi parliament met on Sunday."}
    assert client.post("/api/articles", json=article, headers=AUTH).json()["items"][0]["status"] == "added"
    assert client.get("/api/articles/wire/2017/06/a").json()["article"]["id"] == "wire/2017/06/a"


def test_ingest_replaces_a_changed_article(client):
    changed = {**ARTICLES[2], "text": ARTICLES[2]["text"] + " The army was sent to help."}
    response = client.post("/api/articles", json=changed, headers=AUTH)
    assert response.json()["items"][0]["status"] == "replaced"
    assert client.get("/api/articles/flood-1").json()["text"].endswith("sent to help.")


def test_ingest_bad_requests(client):
    _error(client.post("/api/articles", content=b"{nope", headers={**AUTH, "Content-Type": "application/json"}),
           422, "DL202")
    _error(client.post("/api/articles", json=[], headers=AUTH), 422, "DL202")
    _error(client.post("/api/articles", json=[{"text": "a"}] * 11, headers=AUTH), 422, "DL202")
    _error(client.post("/api/articles", content=b"text", headers={**AUTH, "Content-Type": "text/plain"}),
           415, "DL201")


# -- reads --------------------------------------------------------------------------------------------

def test_article_list_is_paged(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert set(first) == {"items", "total", "total_capped", "limit", "offset"}
    assert first["total"] >= 3 and len(first["items"]) == 2 and first["total_capped"] is False
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == min(first["total"], 4)
    assert client.get("/api/articles", params={"offset": 10_000}).json()["items"] == []
    _error(client.get("/api/articles", params={"limit": 0}), 422, "DL204")
    _error(client.get("/api/articles", params={"limit": 501}), 422, "DL204")
    _error(client.get("/api/articles", params={"limit": "many"}), 422, "DL204")
    _error(client.get("/api/articles", params={"since": "yesterday-ish"}), 422, "DL204")


def test_search_with_filters_and_pages(client):
    hits = client.get("/api/search", params={"q": "mosque"}).json()
    assert {h["id"] for h in hits["items"]} == {"mosul-1", "mosul-2"}
    assert [h["id"] for h in client.get("/api/search", params={"q": "mosque", "country": "BD"}).json()["items"]] == []
    paged = client.get("/api/search", params={"q": "mosque", "limit": 1, "offset": 1}).json()
    assert len(paged["items"]) == 1 and paged["items"][0]["id"] == hits["items"][1]["id"]
    assert (hits["total"], hits["total_capped"], paged["total"], paged["total_capped"]) == (2, False, 2, False)
    beyond = client.get("/api/search", params={"q": "mosque", "offset": 5}).json()
    assert beyond["items"] == [] and beyond["total"] == 2
    assert client.get("/api/search", params={"q": "mosque", "country": "BD"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "floods", "country": "BD"}).json()["total"] == 1
    assert client.get("/api/search", params={"entity": "Baghdadi"}).json()["total"] == 2
    recent = client.get("/api/search", params={"since": "2017-06-21", "limit": 500}).json()
    assert recent["total"] == len(recent["items"]) >= 2 and "mosul-1" not in {h["id"] for h in recent["items"]}
    assert client.get("/api/search", params={"q": 'mosque" OR *'}).status_code == 200
    _error(client.get("/api/search", params={"country": "Iraq"}), 400, "DL301")
    _error(client.get("/api/search", params={"limit": 500, "offset": 9_600}), 422, "DL204")


def test_entities_and_profiles(client):
    found = client.get("/api/entities", params={"q": "baghdadi"}).json()
    assert found["total"] >= 1 and "Baghdadi" in found["items"][0]["name"]
    profile = client.get(f"/api/entities/{found['items'][0]['name']}").json()
    assert {a["id"] for a in profile["articles"]} >= {"mosul-1", "mosul-2"}
    assert client.get(f"/api/entities/%23{found['items'][0]['id']}").json()["id"] == found["items"][0]["id"]
    assert client.get("/api/entities/u.s./forces").status_code == 404
    _error(client.get("/api/entities/nobody at all"), 404, "DL404")


def test_stories_timeline_places(client):
    stories = client.get("/api/stories").json()
    assert stories["total"] == len(stories["items"]) >= 2
    story = client.get(f"/api/stories/{stories['items'][0]['id']}").json()
    assert story["articles"]
    _error(client.get("/api/stories/999999"), 404, "DL404")
    _error(client.get("/api/stories/abc"), 422, "DL204")
    timeline = client.get("/api/timeline", params={"country": "IQ"}).json()
    assert timeline["items"] and all(e["story_id"] for e in timeline["items"])
    assert timeline["total"] == len(timeline["items"]) and timeline["total_capped"] is False
    everything = client.get("/api/timeline").json()
    assert everything["total"] == len(everything["items"]) > timeline["total"]
    first = client.get("/api/timeline", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["total"] == everything["total"]
    assert client.get("/api/timeline", params={"q": "Teesta"}).json()["total"] == 1
    places = client.get("/api/places", params={"mapped": True}).json()
    mosul = next(p for p in places["items"] if p["name"] == "Mosul")
    assert mosul["articles"] == 2 and mosul["latitude"] and mosul["longitude"]
    assert mosul["events"] is not None


def test_events_quotes_claims(client):
    events = client.get("/api/events").json()
    assert set(events) == {"items", "total", "total_capped", "limit", "offset"}
    assert events["total"] == len(events["items"]) and events["total_capped"] is False
    if events["items"]:
        kind = events["items"][0]["type"]
        typed = client.get("/api/events", params={"type": kind, "limit": 1}).json()
        assert typed["total"] == sum(e["type"] == kind for e in events["items"]) and len(typed["items"]) == 1
        assert client.get("/api/events", params={"offset": events["total"]}).json()["total"] == events["total"]
    assert client.get("/api/events", params={"country": "FR"}).json()["total"] == 0
    if events["items"]:
        first = events["items"][0]
        assert client.get(f"/api/events/{first['id']}").json()["id"] == first["id"]
    _error(client.get("/api/events/987654"), 404, "DL404")
    quotes = client.get("/api/quotes", params={"article": "mosul-1"}).json()
    assert any("free the old city" in q["text"] for q in quotes["items"])
    assert client.get("/api/quotes", params={"speaker": "nobody-like-this"}).json()["items"] == []
    claims = client.get("/api/claims").json()
    assert all(c["certainty"] for c in claims["items"])


def test_exports(client):
    csv = client.get("/api/export/search", params={"q": "mosque", "format": "csv"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("id,")
    geo = client.get("/api/export/places", params={"format": "geojson"})
    assert geo.json()["type"] == "FeatureCollection"
    parquet = client.get("/api/export/articles", params={"format": "parquet"})
    assert parquet.content[:4] == b"PAR1"
    lines = client.get("/api/export/stories", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) >= 2
    assert client.get("/api/export/events", params={"format": "gdelt"}).text.startswith("GLOBALEVENTID")
    assert client.get("/api/export/events", params={"format": "plover"}).status_code == 200
    _error(client.get("/api/export/stories", params={"format": "gdelt"}), 400, "DL301")
    _error(client.get("/api/export/everything"), 422, "DL204")
    _error(client.get("/api/export/search", params={"format": "xlsx"}), 422, "DL204")


def test_exports_take_the_listing_filters(client):
    """Each export honours the filters its listing route accepts."""
    def rows(what: str, **params: object) -> list[dict]:
        answer = client.get(f"/api/export/{what}", params={"format": "jsonl", **params})
        assert answer.status_code == 200, answer.text
        return [json.loads(line) for line in answer.text.splitlines()]

    stories = client.get("/api/stories").json()["items"]
    most = max(s["article_count"] for s in stories)
    exported = rows("stories", min_articles=most)
    assert exported and all(s["article_count"] >= most for s in exported)
    assert len(rows("stories")) >= len(exported)
    quotes = rows("quotes", article="mosul-1")
    assert quotes and {q["article_id"] for q in quotes} == {"mosul-1"}
    claims = rows("claims", article="mosul-1")
    assert claims and {c["article_id"] for c in claims} == {"mosul-1"}
    listed = client.get("/api/places", params={"focus": "true", "mapped": "true"}).json()["items"]
    places = rows("places", focus="true", mapped="true")
    assert [p["name"] for p in places] == [p["name"] for p in listed[: len(places)]]
    assert places and all(p["latitude"] is not None for p in places)


def test_health_stats_openapi(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["writes"] is True and health["articles"] >= 3
    assert client.get("/api/stats").json()["articles"] >= 3
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/articles", "/api/search", "/api/places", "/api/export/{what}"} <= set(spec["paths"])
    _error(client.get("/api/does-not-exist"), 404, "DL505")
    assert client.get("/docs").status_code == 404  # its scripts would come from a CDN: not served


def test_token_reads_and_read_only_servers(tmp_path):
    with live_server(ServerSettings(db=tmp_path / "r.db", token=TOKEN, open_reads=False, warm=False)) as url:
        _error(httpx.get(f"{url}/api/articles"), 401, "DL501")
        _error(httpx.get(f"{url}/api/articles", headers={"Authorization": "Bearer nope"}), 403, "DL502")
        assert httpx.get(f"{url}/api/articles", headers=AUTH).status_code == 200
        assert httpx.get(f"{url}/api/health").status_code == 200
        # analysis is not open on a server that asks the token for reads
        _error(httpx.post(f"{url}/api/analyze", json={"text": "a b c"}), 401, "DL501")
    with live_server(ServerSettings(db=tmp_path / "w.db", warm=False)) as url:
        error = _error(httpx.post(f"{url}/api/articles", json={"text": "a b c"}, headers=AUTH), 403, "DL502")
        assert "read-only" in error["message"]
    with pytest.raises(DatelineError):
        ServerSettings(db=tmp_path / "x.db", open_reads=False)


def test_reads_stay_responsive_during_analysis(client):
    analysis_done: list[float] = []

    def analyze_long_article() -> None:
        client.post("/api/analyze", json={"text": ARTICLES[0]["text"] * 150})
        analysis_done.append(time.perf_counter())

    slow = threading.Thread(target=analyze_long_article)
    slow.start()
    time.sleep(0.3)
    with httpx.Client(base_url=str(client.base_url), timeout=120) as other:
        assert other.get("/api/articles", params={"limit": 1}).status_code == 200
    read_done = time.perf_counter()
    slow.join()
    # the read is answered while the long analysis still runs, not queued behind it
    assert read_done < analysis_done[0]


def test_serve_command_refuses_bad_settings_before_listening(tmp_path, capsys, monkeypatch):
    from dateline.cli.main import main

    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--token-reads"]) == 64
    assert "DL301" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path), "--token", "t"]) == 65
    assert "DL402" in capsys.readouterr().err


def test_a_stage_that_breaks_on_the_text_is_not_a_server_error(client, monkeypatch):
    from dateline.pipeline import STAGES, Stage

    def broken(ctx):
        raise ValueError("boom")

    original = STAGES["events"]
    monkeypatch.setitem(STAGES, "events", Stage("events", "events", original.requires, broken))
    from dateline.server.analysis import runner_for

    runner_for.cache_clear()
    try:
        body = {"text": "Rebels attacked the town.", "layers": ["events"]}  # a runner built after the patch
        error = _error(client.post("/api/analyze", json=body), 422, "DL901")
        assert "boom" in error["message"]
    finally:
        monkeypatch.undo()
        runner_for.cache_clear()
