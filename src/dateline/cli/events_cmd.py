"""``dateline events``: who did what to whom, where and when, coded to PLOVER."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.options import field_names, input_options, published_date, reader_format, report_reject
from dateline.ingest import Reject, iter_articles
from dateline.pipeline import DEFAULT_BATCH_SIZE, Runner
from dateline.schema import Actor, Analysis

FORMATS = ("table", "json", "plover", "gdelt")


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


@click.command("events")
@input_options
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: one table per article; json: the events of each article; plover: one PLOVER "
              "JSON record per line; gdelt: a tab-separated table with GDELT's column names.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Only events at least this confident.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=DEFAULT_BATCH_SIZE, show_default=True)
def events_command(inputs: tuple[str, ...], output_format: str, input_format: str, published: str | None,
                   fields: tuple[str, ...], degraded: bool | None, min_confidence: float,
                   batch_size: int) -> int:
    """List the events of articles: PLOVER type and mode, source and target actors, place, time, certainty.

    Events are read from the parse: a predicate with its actor and recipient,
    classified to PLOVER's categories; a predicate without an actor, or without
    enough evidence, gives no event.  Places and times come from the event's
    own clause; the publication date stands in, marked, when the clause names
    no time.
    """
    published_on = published_date(published)
    from dateline.events.export import plover_records, write_gdelt

    articles = iter_articles(list(inputs), fmt=reader_format(input_format),
                             fields=field_names(fields), published=published_on)
    console = Console(highlight=False, soft_wrap=False)
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
            for record in plover_records(result):
                click.echo(json.dumps(record, ensure_ascii=False))
        elif output_format == "gdelt":
            write_gdelt([result], sys.stdout, header=header)
            header = False
        elif output_format == "json":
            collected.append({"article": result.article.model_dump(mode="json"),
                              "events": [e.model_dump(mode="json") for e in result.events]})
        else:
            print_events(result, console)
    if output_format == "gdelt" and header:
        write_gdelt([], sys.stdout, header=True)
    if output_format == "json" and (collected or not exit_code):
        payload = collected[0] if len(collected) == 1 else collected
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    return exit_code
