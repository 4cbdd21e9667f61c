"""One table per layer of the analysis, each row pointing back into the text.

Every table has an ``at`` column with the character offsets of its span (for
an entity or place, its first mention and how many more there are), because a
fact a reader cannot find in the article is a fact they cannot check.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from dateline.render.styles import add_row, entity_style, new_table, offsets, offsets_of, shorten
from dateline.schema import Actor, Analysis, Event, Speaker


def entity_names(analysis: Analysis) -> dict[str, str]:
    """Entity id to canonical name, to show names where records link an entity."""
    return {entity.id: entity.name for entity in analysis.entities}


def speaker_name(speaker: Speaker | None, names: dict[str, str]) -> Text:
    """The linked entity's name, else the speaker's description (dim when unnamed)."""
    if speaker is None:
        return Text("—", style="dim")
    name = names.get(speaker.entity_id or "", speaker.name)
    return Text(name, style="dim" if speaker.unnamed and not speaker.entity_id else "")


def entity_table(analysis: Analysis) -> Table:
    """One row per entity: id, first mention, type, canonical name, mentions, aliases."""
    table = new_table("Entities", "id", "at", "type", "name", "n", "aliases", wide={"aliases": 1})
    for entity in analysis.entities:
        add_row(table, 
            entity.id,
            offsets_of([mention.span for mention in entity.mentions]),
            Text(entity.type.value, style=entity_style(entity.type.value)),
            entity.name,
            str(len(entity.mentions)),
            ", ".join(entity.aliases),
        )
    return table


def place_table(analysis: Analysis) -> Table:
    """One row per resolved place: GeoNames entry, coordinates, mentions, focus.

    ``●`` marks the places the article is about; the dateline's place says so
    after its name.
    """
    table = new_table("Places", "id", "at", "name", "cc", "geonames", "lat, lon", "n", "focus",
                      wide={"name": 1})
    for place in analysis.places:
        where = ""
        if place.latitude is not None and place.longitude is not None:
            where = f"{place.latitude:.2f},{place.longitude:.2f}"
        name = Text(place.name)
        if place.dateline:
            name.append(" (dateline)", style="dim")
        add_row(table, 
            place.id,
            offsets_of([mention.span for mention in place.mentions]),
            name,
            place.country_code or "",
            str(place.geonames_id) if place.geonames_id is not None else "—",
            where,
            str(len(place.mentions)),
            "●" if place.focus else "",
        )
    return table


def time_table(analysis: Analysis) -> Table:
    """One row per time expression: as written, TIMEX3 type and value, and its anchor."""
    table = new_table("Times", "at", "text", "type", "value", "relative", wide={"text": 1})
    for time in analysis.times:
        value = time.value + (f" ({time.mod})" if time.mod else "")
        relative = ""
        if time.relative:
            relative = f"yes, from {time.anchor}" if time.anchor else "yes, unanchored"
        add_row(table, offsets(time.span), time.span.text, time.type.value, value, relative)
    return table


def quote_table(analysis: Analysis) -> Table:
    """One row per quote: who said it, the cue, how it is given, and what was said."""
    names = entity_names(analysis)
    table = new_table("Quotes", "id", "at", "speaker", "cue", "kind", "content",
                      wide={"speaker": 1, "content": 3})
    for quote in analysis.quotes:
        add_row(table, 
            quote.id,
            offsets(quote.content),
            speaker_name(quote.speaker, names),
            quote.cue.text if quote.cue else "",
            quote.kind.value,
            shorten(quote.content.text),
        )
    return table


def claim_table(analysis: Analysis) -> Table:
    """One row per claim: whose it is, how sure (and the words saying so), and what."""
    names = entity_names(analysis)
    table = new_table("Claims", "id", "at", "holder", "certainty", "content", wide={"holder": 1, "content": 3})
    for claim in analysis.claims:
        holder = speaker_name(claim.source, names) if claim.source else Text("article", style="dim")
        certainty = claim.certainty.value + (f" ({claim.marker.text})" if claim.marker else "")
        add_row(table, claim.id, offsets(claim.content), holder, certainty, shorten(claim.content.text))
    return table


def actors(side: list[Actor]) -> str:
    """Actor names joined, with their PLOVER codes when known."""
    return ", ".join(actor.name + (f" [{actor.code}]" if actor.code else "") for actor in side)


def event_cell(event: Event) -> Text:
    """PLOVER type and mode, then the trigger words and any numbers, in dim."""
    cell = Text(event.type.value, style="bold")
    if event.mode:
        cell.append(f" ({event.mode})")
    cell.append(f"\n“{event.trigger.text}”", style="dim")
    for magnitude in event.magnitudes:
        number = "?" if magnitude.value is None else f"{'~' if magnitude.approximate else ''}{magnitude.value}"
        cell.append(f"\n{magnitude.kind} {number}", style="dim")
    return cell


def event_where_when(event: Event) -> Text:
    """Place (with country) on one line, the TIMEX3 value on the next.

    When the clause names no time the publication date stands in; that is
    said, since such a date is weaker evidence than one written in the clause.
    """
    cell = Text()
    if event.place:
        cell.append(event.place.name + (f" ({event.place.country_code})" if event.place.country_code else ""))
    if event.time:
        when = event.time.value or "?"
        if event.time.publication:
            when = f"{event.time.value} (pub. date)" if event.time.value else "pub. date unknown"
        cell.append(("\n" if cell else "") + when, style="dim" if event.time.publication else "")
    return cell


def event_table(analysis: Analysis) -> Table:
    """One row per event: type, who did it to whom, where, when and how sure."""
    table = new_table("Events", "id", "at", "event", "source → target", "where / when", "certainty",
                      wide={"source → target": 3, "where / when": 2})
    for event in analysis.events:
        who = actors(event.source) + (f" → {actors(event.target)}" if event.target else "")
        add_row(table, event.id, offsets(event.trigger), event_cell(event), who,
                      event_where_when(event), event.certainty.value)
    return table


def tables(analysis: Analysis) -> list[Table]:
    """The table of every layer that has rows, in reading order of the record."""
    layers = [
        (analysis.entities, entity_table),
        (analysis.places, place_table),
        (analysis.times, time_table),
        (analysis.quotes, quote_table),
        (analysis.claims, claim_table),
        (analysis.events, event_table),
    ]
    return [build(analysis) for rows, build in layers if rows]
