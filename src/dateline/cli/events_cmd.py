"""``dateline events``: who did what to whom, where and when, coded to PLOVER.

Read from articles (``PATH...``: each article's own events), or from a corpus
store (``--db FILE`` and no PATH: the events deduplicated across its articles,
with their article and independent-source counts).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.console import data_console
from dateline.cli.options import (
    field_names,
    input_options,
    published_date,
    reader_format,
    report_reject,
)
from dateline.errors import BAD_OPTION, ConfigError
from dateline.ingest import Reject, iter_articles
from dateline.pipeline import DEFAULT_BATCH_SIZE, Runner
from dateline.schema import Actor, Analysis

FORMATS = ("table", "json", "jsonl", "csv", "parquet", "geojson", "plover", "gdelt")
#: Formats that need the store's records (one row per deduplicated event).
STORE_FORMATS = ("jsonl", "csv", "parquet", "geojson")


def _actors(actors: list[Actor]) -> str:
    parts = []
    for actor in actors:
        code = "/".join(x for x in (actor.code, actor.sector) if x)
        parts.append(f"{actor.name} [{code}]" if code else actor.name)
    return "; ".join(parts) or "—"


def print_events(analysis: Analysis, console: Console) -> None:
    """The events of one article as a table."""
    title = analysis.article.title or analysis.article.origin or analysis.article.id
    if not analysis.events:
        console.print(f"{title}: no events found")
        return
    table = Table(title=f"Events — {title}")
    for column in ("id", "type", "mode", "source", "target", "place", "time", "certainty", "conf.", "words"):
        table.add_column(column, overflow="fold")
    for event in analysis.events:
        time = "—"
        if event.time is not None and event.time.value:
            time = event.time.value + (" (published)" if event.time.publication else "")
        table.add_row(event.id, event.type.value, event.mode or "", _actors(event.source), _actors(event.target),
                      event.place.name if event.place else "—", time, event.certainty.value.replace("-", " "),
                      f"{event.confidence:.2f}", event.trigger.text)
    console.print(table)


def _store_actors(actors: list[Any]) -> str:
    parts = []
    for actor in actors:
        code = "/".join(x for x in (actor.code, actor.sector) if x)
        parts.append(f"{actor.name} [{code}]" if code else actor.name)
    return "; ".join(parts) or "—"


def print_store_events(events: list[Any], console: Console) -> None:
    """Deduplicated events of a store as one table."""
    table = Table(title=f"{len(events)} event{'s' if len(events) != 1 else ''}")
    for column in ("id", "date", "type", "mode", "source", "target", "place", "articles", "sources", "certainty"):
        table.add_column(column, overflow="fold")
    for event in events:
        day = (event.date or "—") + (" (published)" if event.date and event.date_from_publication else "")
        table.add_row(str(event.id), day, event.type, event.mode or "", _store_actors(event.source),
                      _store_actors(event.target), event.place.name if event.place else "—",
                      str(event.article_count), str(event.source_count),
                      (event.certainty or "").replace("-", " "))
    console.print(table)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _from_store(db: Path, output_format: str, output: Path | None, filters: dict[str, Any]) -> int:
    from dateline.cli.store_options import open_store
    from dateline.store.event_export import gdelt_table, plover_record
    from dateline.store.export import export

    if output_format == "parquet" and output is None:
        raise ConfigError("parquet is binary: give a file with --output FILE", kind=BAD_OPTION)
    with open_store(db) as store:
        events = store.events(**filters)
    if output_format == "table":
        if output is not None:
            raise ConfigError("--output needs a file format (--format json, jsonl, csv, parquet, geojson, "
                              "plover, gdelt)", kind=BAD_OPTION)
        print_store_events(events, data_console(soft_wrap=False))
    elif output_format == "json":
        _write(json.dumps([e.model_dump(mode="json") for e in events], indent=2, ensure_ascii=False) + "\n", output)
    elif output_format == "plover":
        _write("".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in events), output)
    elif output_format == "gdelt":
        _write(gdelt_table(events), output)
    else:
        text = export(events, output, output_format)
        if text is not None:
            sys.stdout.write(text)
    return 0


@click.command("events")
@input_options(required=False)
@click.option("--db", "db", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="List the events of this store (made by 'dateline ingest'), deduplicated across its "
              "articles; give no PATH.")
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table; json; plover: one PLOVER JSON record per line; gdelt: a tab-separated table "
              "with GDELT's column names; with --db also jsonl, csv, parquet, geojson.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Write the result to FILE instead of standard output.")
@click.option("--type", "--event-type", "event_type", default=None, metavar="TYPE",
              help="With --db: only events of this PLOVER category (ASSAULT, PROTEST, ...).")
@click.option("--entity", default=None, help="With --db: only events this entity acted in or was the target of.")
@click.option("--place", default=None, help="With --db: only events at this place (name or GeoNames id).")
@click.option("--country", default=None, help="With --db: only events in this country (ISO 3166-1 alpha-2).")
@click.option("--since", default=None, metavar="DATE", help="With --db: only events dated on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="With --db: only events dated on or before DATE.")
@click.option("--story", type=click.IntRange(min=1), default=None, help="With --db: only events of this story.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="With --db: at most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="With --db: skip this many events first (paging).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Only events at least this confident.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=DEFAULT_BATCH_SIZE, show_default=True)
def events_command(inputs: tuple[str, ...], output_format: str, input_format: str, published: str | None,
                   fields: tuple[str, ...], degraded: bool | None, db: Path | None, output: Path | None,
                   event_type: str | None, entity: str | None, place: str | None, country: str | None,
                   since: str | None, until: str | None, story: int | None, limit: int, offset: int,
                   min_confidence: float, batch_size: int) -> int:
    """List events: PLOVER type and mode, source and target actors, place, time, certainty.

    With PATHs, the events of each article.  Events are read from the parse: a
    predicate with its actor and recipient, classified to PLOVER's categories;
    a predicate without an actor, or without enough evidence, gives no event.
    Places and times come from the event's own clause; the publication date
    stands in, marked, when the clause names no time.

    With --db FILE and no PATH, the events of a store: each real-world event
    once, however many articles report it, with its article count, its count
    of independent sources (a wire reprint counts with its original) and who
    says it happened; the filters narrow the list.
    """
    filters = {"type": event_type, "entity": entity, "place": place, "country": country, "since": since,
               "until": until, "story": story}
    if db is not None:
        if inputs:
            raise ConfigError("give PATHs to read articles, or --db FILE to list a store's events, not both",
                              kind=BAD_OPTION)
        if published or fields or input_format != "auto" or degraded is not None:
            raise ConfigError("--published, --field, --input-format and --degraded/--clean apply to reading "
                              "PATHs, not to --db", kind=BAD_OPTION)
        return _from_store(db, output_format, output,
                           {**filters, "limit": limit, "offset": offset, "min_confidence": min_confidence})
    if not inputs:
        raise ConfigError("give PATH... (or - for standard input) to read articles, or --db FILE to list "
                          "a store's events", kind=BAD_OPTION)
    given = [f"--{k}" for k, v in filters.items() if v is not None]
    if given:
        raise ConfigError(f"{', '.join(given)} {'filter' if len(given) > 1 else 'filters'} a store's events: "
                          "use with --db FILE", kind=BAD_OPTION)
    if output_format in STORE_FORMATS:
        raise ConfigError(f"--format {output_format} lists a store's events: use it with --db FILE "
                          "(for articles: table, json, plover, gdelt)", kind=BAD_OPTION)
    if output is not None:
        with output.open("w", encoding="utf-8") as stream:
            return _from_articles(inputs, output_format, input_format, published, fields, degraded,
                                  min_confidence, batch_size, stream)
    return _from_articles(inputs, output_format, input_format, published, fields, degraded, min_confidence,
                          batch_size, sys.stdout)


def _from_articles(inputs: tuple[str, ...], output_format: str, input_format: str, published: str | None,
                   fields: tuple[str, ...], degraded: bool | None, min_confidence: float, batch_size: int,
                   stream: TextIO) -> int:
    published_on = published_date(published)
    from dateline.events.export import plover_records, write_gdelt

    articles = iter_articles(list(inputs), fmt=reader_format(input_format),
                             fields=field_names(fields), published=published_on)
    console = data_console(soft_wrap=False, file=stream if stream is not sys.stdout else None)
    collected = []
    exit_code = 0
    header = True
    for result in Runner().run(articles, batch_size=batch_size, degraded=degraded):
        if isinstance(result, Reject):
            code = report_reject(result)
            exit_code = exit_code or code
            continue
        if min_confidence:
            result = result.model_copy(update={"events": [e for e in result.events if e.confidence >= min_confidence]})
        if output_format == "plover":
            stream.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in plover_records(result))
        elif output_format == "gdelt":
            write_gdelt([result], stream, header=header)
            header = False
        elif output_format == "json":
            collected.append({"article": result.article.model_dump(mode="json"),
                              "events": [e.model_dump(mode="json") for e in result.events]})
        else:
            print_events(result, console)
    if output_format == "gdelt" and header:
        write_gdelt([], stream, header=True)
    if output_format == "json" and (collected or not exit_code):
        payload = collected[0] if len(collected) == 1 else collected
        stream.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return exit_code
