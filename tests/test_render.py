"""The terminal view of ``dateline read``: every layer shown, each row traceable to the text."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console

from dateline.render import article_text, legend, publication_line, quote_table, render
from dateline.schema import PublicationDate

#: An invented wire story: a dateline, a quote with a cue, a named speaker,
#: relative dates and an arrest with a number.
STORY = (
    "LYON, France (AFP) - Police in Lyon arrested four people on Monday after a protest "
    "against the closure of a river bridge turned violent, the mayor said. "
    "\"Nobody wants to see the city cut in two,\" Mayor Gregory Doucet told reporters outside city hall. "
    "Residents said the works could last until September.\n"
)


@pytest.fixture(scope="module")
def analysis():
    import dateline

    return dateline.read(STORY, published="2025-03-12", title="Arrests after Lyon bridge protest")


def shown(analysis, width: int = 80) -> str:
    """The view as plain text, as a terminal of ``width`` columns prints it."""
    console = Console(record=True, width=width, highlight=False)
    render(analysis, console)
    return console.export_text()


def test_every_layer_has_its_titled_table(analysis):
    out = shown(analysis)
    for title in ("Entities", "Places", "Times", "Quotes", "Claims", "Events"):
        assert f"\n{title}" in out, title
    assert "Arrests after Lyon bridge protest" in out


def test_header_gives_the_publication_date_with_its_source_and_the_dateline(analysis):
    out = shown(analysis, width=120)
    assert "published 2025-03-12 (option)" in out
    assert "dateline LYON, France / AFP" in out
    assert "clean input" in out


def test_an_estimated_date_shows_its_interval_and_confidence(analysis):
    estimate = PublicationDate(date=date(2025, 3, 11), source="estimated", earliest=date(2025, 3, 9),
                               latest=date(2025, 3, 14), confidence=0.6, evidence=["monday"])
    line = publication_line(analysis.model_copy(update={"publication": estimate}))
    assert line == "published 2025-03-11 (estimated, 2025-03-09–2025-03-14, confidence 0.60, from monday)"


def test_places_show_geonames_id_coordinates_and_focus(analysis):
    out = shown(analysis)
    lyon = next(place for place in analysis.places if place.name == "Lyon")
    first = lyon.mentions[0].span
    assert STORY[first.start:first.end].lower() == "lyon"
    row = next(line for line in out.splitlines() if f" {lyon.geonames_id} " in line)
    assert "Lyon" in row and lyon.country_code in row and f"{first.start}–{first.end}" in row
    assert f"{lyon.latitude:.2f},{lyon.longitude:.2f}" in row
    assert ("●" in row) == lyon.focus


def test_times_show_the_text_as_written_and_the_resolved_value(analysis):
    out = shown(analysis)
    monday = next(time for time in analysis.times if time.span.text == "Monday")
    assert monday.value == "2025-03-10"
    row = next(line for line in out.splitlines() if " Monday " in line and "2025-03-10" in line)
    assert f"{monday.span.start}–{monday.span.end}" in row
    assert "from publication" in row


def test_quotes_name_the_speaker_and_cue(analysis):
    out = shown(analysis)
    assert "Gregory Doucet" in out
    quote = next(q for q in analysis.quotes if q.speaker and q.speaker.name == "Gregory Doucet")
    row = next(line for line in out.splitlines() if line.startswith(f" {quote.id} "))
    assert quote.cue.text in row and quote.kind.value in row


def test_a_speaker_linked_to_an_entity_is_shown_by_the_entity_name(analysis):
    quote = next(q for q in analysis.quotes if q.speaker and q.speaker.entity_id)
    entity = next(e for e in analysis.entities if e.id == quote.speaker.entity_id)
    speaker = quote.speaker.model_copy(update={"name": "the mayor"})
    changed = analysis.model_copy(update={"quotes": [quote.model_copy(update={"speaker": speaker})]})
    console = Console(record=True, width=120)
    console.print(quote_table(changed))
    assert entity.name in console.export_text()


def test_events_show_type_mode_actors_place_and_time(analysis):
    out = shown(analysis, width=120)
    event = next(e for e in analysis.events if e.type.value == "COERCE")
    row = next(line for line in out.splitlines() if line.startswith(f" {event.id} "))
    assert "COERCE (arrest)" in row
    assert event.source[0].name in row
    assert f"{event.trigger.start}–{event.trigger.end}" in row
    assert event.place and event.place.name in row
    assert "arrested 4" in out


def test_the_view_fits_80_columns(analysis):
    assert max(len(line) for line in shown(analysis).splitlines()) <= 80


def test_empty_layers_have_no_table(analysis):
    out = shown(analysis.model_copy(update={"quotes": [], "claims": [], "events": []}))
    assert "Quotes" not in out and "Claims" not in out and "Events" not in out
    assert "quote" not in out.splitlines()[-1]


def test_article_highlights_times_quotes_and_entities(analysis):
    text = article_text(analysis)
    monday = next(time for time in analysis.times if time.span.text == "Monday")
    styles = {str(span.style) for span in text.spans if span.start <= monday.span.start < span.end}
    assert "underline" in styles
    assert any("italic" in str(span.style) for span in text.spans)
    assert text.plain == STORY.rstrip()
    assert [word for word in ("time", "quote", "cue") if word in legend(analysis).plain] == ["time", "quote", "cue"]


def test_warnings_are_printed(analysis):
    out = shown(analysis.model_copy(update={"warnings": ["a test warning"]}))
    assert "warning: a test warning" in out
