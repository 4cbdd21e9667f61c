"""Terminal view of an analysis: every layer of the record, compactly.

A panel with the header and the article (entities, times and quotes
highlighted), then one table per non-empty layer, then the warnings.
``header``, ``article`` and ``tables`` each build one part; this module only
puts them together.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from dateline.render.article import article_text, legend
from dateline.render.header import header, publication_line
from dateline.render.styles import LAYER_STYLES, TYPE_STYLES
from dateline.render.tables import (
    claim_table,
    entity_table,
    event_table,
    place_table,
    quote_table,
    tables,
    time_table,
)
from dateline.schema import Analysis

__all__ = [
    "LAYER_STYLES", "TYPE_STYLES", "article_text", "claim_table", "entity_table", "event_table",
    "header", "legend", "place_table", "publication_line", "quote_table", "render", "time_table",
]


def render(analysis: Analysis, console: Console) -> None:
    """Print one analysis: header and highlighted article, the tables, then warnings."""
    console.print(Panel(Group(header(analysis), Text(""), article_text(analysis), Text(""), legend(analysis))))
    for table in tables(analysis):
        console.print(table)
    for warning in analysis.warnings:
        console.print(Text.assemble(("warning:", "yellow"), " ", warning))
