"""``dateline story``: one story of the corpus, its articles and sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.store_options import db_option, emit, open_store, output_options


def _table(view: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    from dateline.cli.console import data_console

    console = data_console()
    console.print(Text.assemble((f"story {view.id}", "bold"), f": {view.title or ''}"))
    console.print(f"{view.first_date or '?'} – {view.last_date or '?'}: {view.article_count} articles, "
                  f"{view.source_count} independent sources ({', '.join(view.sources)})")
    table = Table(title="articles")
    for column in ("date", "id", "title", "source", "reprint of"):
        table.add_column(column, overflow="fold")
    for article in view.articles:
        table.add_row(article.date or "", article.id, article.title or "", article.source or "",
                      article.reprint_of or "")
    console.print(table)
    if view.entities:
        console.print("entities: " + ", ".join(f"{e.name} ({e.mentions})" for e in view.entities))
    if view.places:
        console.print("places: " + ", ".join(f"{p.name} ({p.articles})" for p in view.places))
    if view.events:
        console.print("events: " + "; ".join(
            f"#{e.id} {e.type} {e.date or ''}{' at ' + e.place.name if e.place else ''} ({e.article_count})"
            for e in view.events))


@click.command("story")
@click.argument("story_id", type=int, metavar="ID")
@db_option
@output_options
def story_command(story_id: int, db: Path, output_format: str, output: Path | None) -> None:
    """One story: its articles in date order, independent sources, main entities, places and events."""
    with open_store(db) as store:
        view = store.story(story_id)
    emit(view, output_format, output, _table)
