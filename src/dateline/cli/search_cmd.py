"""``dateline search``: full-text search over a corpus store, with filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.store_options import db_option, emit, filter_options, open_store, output_options


def _table(hits: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    from dateline.cli.console import data_console

    table = Table(title=f"{len(hits)} article{'s' if len(hits) != 1 else ''}")
    for column in ("date", "id", "title / snippet", "source", "story"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        shown = Text.assemble((hit.title, "bold"), "\n", hit.snippet) if hit.title else hit.snippet
        table.add_row(hit.date or "", hit.id, shown, hit.source or "", str(hit.story_id or ""))
    data_console().print(table)


@click.command("search")
@click.argument("query", required=False, default="")
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_options
def search_command(query: str, db: Path, entity: str | None, place: str | None, country: str | None,
                   since: str | None, until: str | None, event_type: str | None, limit: int,
                   output_format: str, output: Path | None) -> None:
    """Search the articles of a store: every word of QUERY, best match first.

    Without QUERY the filters alone select, newest first.
    """
    with open_store(db) as store:
        hits = store.search(query, entity=entity, place=place, country=country, since=since, until=until,
                            event_type=event_type, limit=limit)
    emit(hits, output_format, output, _table)
