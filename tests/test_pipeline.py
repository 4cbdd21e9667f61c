"""The whole spine on our own articles: spans, entities, coreference, API."""

from __future__ import annotations

import datetime

import pytest

import dateline
from dateline.errors import DatelineError
from dateline.pipeline import Runner, check_order


def names(analysis, entity_type=None):
    return {e.name for e in analysis.entities if entity_type is None or e.type.value == entity_type}


def entity_named(analysis, name):
    matches = [e for e in analysis.entities if e.name == name]
    assert matches, f"no entity named {name!r} in {sorted(names(analysis))}"
    return matches[0]


@pytest.mark.parametrize("fixture", ["clean_analysis", "degraded_analysis"])
def test_every_span_is_verbatim_in_the_original(fixture, request):
    analysis = request.getfixturevalue(fixture)
    spans = [m.span for e in analysis.entities for m in e.mentions]
    spans += [s.span for s in analysis.sentences]
    assert spans
    for span in spans:
        assert analysis.text[span.start : span.end] == span.text


def test_clean_article_passes_through_untouched(clean_analysis, clean_text):
    assert clean_analysis.normalization.degraded is False
    assert clean_analysis.normalization.text == clean_text
    assert clean_analysis.article.published == datetime.date(2024, 6, 11)
    assert clean_analysis.article.published_from == "option"


def test_clean_article_entities(clean_analysis):
    assert {"Khartoum", "Sudan", "Jeddah", "Nyala"} <= names(clean_analysis, "LOC")
    assert "El Fasher" in names(clean_analysis)
    assert {"Faisal bin Farhan", "Mohamed Hamdan Dagalo"} <= names(clean_analysis, "PERSON")
    assert {"Reuters", "Rapid Support Forces", "United Nations"} <= names(clean_analysis, "ORG")


def test_degraded_article_is_detected_and_restored(degraded_analysis):
    norm = degraded_analysis.normalization
    assert norm.degraded is True
    assert norm.text.startswith("Khartoum (Reuters) - Sudan's")
    assert "the city's airport" in norm.text


def test_degraded_article_entities(degraded_analysis):
    assert {"Khartoum", "Sudan", "Jeddah", "Nyala"} <= names(degraded_analysis, "LOC")
    assert {"Faisal bin Farhan", "Mohamed Hamdan Dagalo"} <= names(degraded_analysis, "PERSON")
    assert {"Reuters", "Rapid Support Forces", "United Nations"} <= names(degraded_analysis)


@pytest.mark.parametrize("fixture", ["clean_analysis", "degraded_analysis"])
def test_surname_and_acronym_corefer(fixture, request):
    analysis = request.getfixturevalue(fixture)
    dagalo = entity_named(analysis, "Mohamed Hamdan Dagalo")
    assert [m.span.text.lower() for m in dagalo.mentions] == ["mohamed hamdan dagalo", "dagalo"]
    rsf = entity_named(analysis, "Rapid Support Forces")
    assert "rsf" in rsf.aliases
    assert len(rsf.mentions) == 4


@pytest.mark.parametrize("fixture", ["clean_analysis", "degraded_analysis"])
def test_dateline(fixture, request):
    line = request.getfixturevalue(fixture).dateline
    assert line is not None
    assert line.agency == "Reuters"
    assert line.place.lower() == "khartoum"
    assert line.place_span.text.lower() == "khartoum"


def test_sentences_follow_the_lines_of_degraded_input(degraded_analysis, degraded_text):
    lines = [line for line in degraded_text.splitlines() if line.strip()]
    assert [s.span.text for s in degraded_analysis.sentences] == lines


def test_analysis_round_trips_through_json(degraded_analysis):
    again = dateline.Analysis.model_validate_json(degraded_analysis.model_dump_json())
    assert again == degraded_analysis
    assert again.schema_version == dateline.SCHEMA_VERSION


def test_pipe_streams_in_order_and_skips_bad_records():
    rejected = []
    records = [
        "PARIS (AFP) - French President Emmanuel Macron met Angela Merkel in Berlin.",
        "",
        {"id": "x1", "text": "Kenyan police arrested two men in Nairobi on Monday.", "published": "2023-01-02"},
        {"title": "no text here"},
        42,
    ]
    results = list(dateline.pipe(records, on_reject=rejected.append))
    assert [r.article.id for r in results][1] == "x1"
    assert results[1].article.published == datetime.date(2023, 1, 2)
    assert "Emmanuel Macron" in names(results[0], "PERSON")
    assert "Nairobi" in names(results[1], "LOC")
    assert [r.error.code for r in rejected] == ["DL101", "DL202", "DL202"]


@pytest.mark.parametrize("bad", ["", "   \n  ", "\x00\x01\x02binary\x00\x00"])
def test_read_rejects_non_articles(bad):
    with pytest.raises(DatelineError):
        dateline.read(bad)


def test_read_rejects_non_text():
    with pytest.raises(DatelineError, match="takes the article text as str"):
        dateline.read(b"bytes")  # type: ignore[arg-type]


def test_stage_order_is_checked():
    with pytest.raises(DatelineError, match="requires"):
        check_order(["entities", "nlp"])
    with pytest.raises(DatelineError, match="unknown stage"):
        Runner(["normalize", "nope"])
    with pytest.raises(DatelineError, match="needs the 'normalize' stage"):
        Runner(["dateline"])


def test_text_without_entities_gives_an_empty_list():
    analysis = dateline.read("it rained all day and nobody came .")
    assert analysis.entities == []
    assert analysis.sentences


def test_the_parser_takes_what_the_article_bound_lets_through(monkeypatch):
    """One length bound: an article the caller allowed is parsed even past spaCy's own limit."""
    from dateline.config import MAX_ARTICLE_CHARS
    from dateline.errors import INPUT_TOO_LARGE
    from dateline.nlp import load_pipeline

    with pytest.raises(DatelineError) as caught:
        dateline.read("x " * (MAX_ARTICLE_CHARS // 2 + 1))
    assert caught.value.kind == INPUT_TOO_LARGE
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 50)
    text = "The ferry to Port Elm ran again on Monday after a week of repairs, the harbour master said."
    analysis = dateline.read(text)
    assert analysis.sentences and len(text) > 50
