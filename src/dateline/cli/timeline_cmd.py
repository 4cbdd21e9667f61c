"""``dateline timeline``: the stories of a corpus in date order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.store_options import db_option, emit, filter_options, open_store, output_options


def _table(entries: list[Any]) -> None:
    from rich.table import Table

    from dateline.cli.console import data_console

    table = Table(title=f"{len(entries)} stor{'ies' if len(entries) != 1 else 'y'}")
    for column in ("date", "story", "title", "articles", "sources"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(entry.date or "", str(entry.story_id), entry.title or "", str(entry.article_count),
                      str(entry.source_count))
    data_console().print(table)


@click.command("timeline")
@db_option
@click.option("--query", "-q", default=None, help="Only stories with an article matching these words.")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
def timeline_command(db: Path, query: str | None, entity: str | None, place: str | None,
                     country: str | None, since: str | None, until: str | None, event_type: str | None,
                     limit: int, output_format: str, output: Path | None) -> None:
    """Stories in date order, with article and independent-source counts; filters as 'search'."""
    with open_store(db) as store:
        entries = store.timeline(query=query, entity=entity, place=place, country=country, since=since,
                                 until=until, event_type=event_type, limit=limit)
    emit(entries, output_format, output, _table)
