"""Terminal view of an analysis: the article with entities highlighted."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.schema import Analysis

#: Highlight style per entity type.
TYPE_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "LOC": "bold green",
    "NORP": "bold yellow",
    "MISC": "bold blue",
}


def article_text(analysis: Analysis) -> Text:
    """The original text with every entity mention styled by type."""
    text = Text(analysis.text)
    for entity in analysis.entities:
        style = TYPE_STYLES.get(entity.type.value, "bold")
        for mention in entity.mentions:
            text.stylize(style, mention.span.start, mention.span.end)
    return text


def entity_table(analysis: Analysis) -> Table:
    """One row per entity: id, type, canonical name, mentions and aliases."""
    table = Table(title="Entities", expand=False)
    for column in ("id", "type", "name", "mentions", "aliases"):
        table.add_column(column, overflow="fold")
    for entity in analysis.entities:
        table.add_row(
            entity.id,
            Text(entity.type.value, style=TYPE_STYLES.get(entity.type.value, "")),
            entity.name,
            str(len(entity.mentions)),
            ", ".join(entity.aliases),
        )
    return table


def render(analysis: Analysis, console: Console) -> None:
    """Print one analysis: header, highlighted article and entity table."""
    meta = analysis.article
    header = Text()
    header.append(meta.title or meta.origin or meta.id, style="bold")
    details = [f"id {meta.id}"]
    if meta.published:
        details.append(f"published {meta.published.isoformat()} ({meta.published_from})")
    if analysis.dateline:
        place = analysis.dateline.place or "?"
        details.append(f"dateline {place}" + (f" / {analysis.dateline.agency}" if analysis.dateline.agency else ""))
    details.append("degraded input, restored" if analysis.normalization.degraded else "clean input")
    header.append("\n" + " · ".join(details), style="dim")
    legend = Text("  ".join(f"[{t}]" for t in TYPE_STYLES))
    for t, style in TYPE_STYLES.items():
        start = legend.plain.index(f"[{t}]")
        legend.stylize(style, start, start + len(t) + 2)
    console.print(Panel(Group(header, Text(""), article_text(analysis), Text(""), legend)))
    console.print(entity_table(analysis))
    for warning in analysis.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
