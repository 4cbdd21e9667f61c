"""``dateline entity``: profile of one entity across the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.store_options import db_option, emit, open_store, output_options


def _table(profile: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    from dateline.cli.console import data_console

    console = data_console()
    console.print(Text.assemble((profile.name, "bold"), f" ({profile.type}, #{profile.id}"
                                f"{', ' + profile.country if profile.country else ''}): {profile.mention_count} "
                                f"mentions in {profile.article_count} articles, {len(profile.stories)} stories"))
    console.print("aliases: " + ", ".join(f"{a} ({n})" for a, n in profile.aliases))
    table = Table(title="articles")
    for column in ("date", "id", "title", "source", "story"):
        table.add_column(column, overflow="fold")
    for article in profile.articles:
        table.add_row(article.date or "", article.id, article.title or "", article.source or "",
                      str(article.story_id or ""))
    console.print(table)
    for label, quotes in (("quotes by", profile.quotes_by), ("quotes about", profile.quotes_about)):
        if quotes:
            console.print(f"{label}:")
            for quote in quotes[:10]:
                console.print(f"  {quote.article_id}: {quote.speaker or '?'}: “{quote.text}”")
    if profile.events:
        console.print("events:")
        for event in profile.events[:10]:
            place = f" at {event.place.name}" if event.place else ""
            console.print(f"  #{event.id} {event.date or '?'} {event.type}{place}: {event.article_count} "
                          f"articles, {event.source_count} sources")


@click.command("entity")
@click.argument("name")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="Articles listed at most.")
@output_options
def entity_command(name: str, db: Path, limit: int, output_format: str, output: Path | None) -> None:
    """Profile of the entity NAME (a name, an alias, or #ID): aliases, articles, stories, quotes, events."""
    with open_store(db) as store:
        profile = store.entity(name, limit=limit)
    emit(profile, output_format, output, _table)
