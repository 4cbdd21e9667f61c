"""The store's paged listings (dateline.store.browse) and the fast text read behind search snippets."""

from __future__ import annotations

import json
import zlib

import pytest

from dateline.schema import Analysis, ArticleMeta, Normalization, Place, PlaceMention, Span
from dateline.store import Store
from dateline.store.db import analysis_text, decode_analysis, encode_analysis


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
