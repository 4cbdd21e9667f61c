"""Shared vocabulary of the terminal view: styles, span references, short text.

Every part of the view styles the same layer the same way and points back into
the article the same way (``start–end`` offsets), so a reader learns it once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich import box
from rich.table import Table
from rich.text import Text

from dateline.schema import Span

#: Highlight style per entity type.
TYPE_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "LOC": "bold green",
    "NORP": "bold yellow",
    "MISC": "bold blue",
}

#: Styles of the other layers highlighted in the article.  They carry no colour
#: and no boldness, so they stack on the entity colours instead of hiding them.
LAYER_STYLES = {
    "time": "underline",
    "quote": "italic",
    "cue": "reverse",
}

#: Longest quoted or claimed content shown in a table cell, in characters.
CONTENT_CHARS = 80


def entity_style(type_name: str) -> str:
    """The highlight style of an entity type ('bold' for an unknown one)."""
    return TYPE_STYLES.get(type_name, "bold")


def offsets(span: Span | None) -> str:
    """``start–end`` of a span, the key to find it in the original text."""
    return f"{span.start}–{span.end}" if span else ""


def offsets_of(spans: Sequence[Span]) -> str:
    """Offsets of the first span, with ``+N`` for the others (a row per entity, not per mention)."""
    if not spans:
        return ""
    more = f" +{len(spans) - 1}" if len(spans) > 1 else ""
    return offsets(spans[0]) + more


def shorten(text: str, limit: int = CONTENT_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "…"


def new_table(title: str, *columns: str, wide: Mapping[str, int] | None = None) -> Table:
    """A compact titled table: light rules, no vertical borders, long cells fold.

    The columns named in ``wide`` (free text) share the spare width in the
    given ratios and wrap; the others (ids, offsets, codes) keep their width.
    """
    wide = wide or {}
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False, collapse_padding=True, header_style="bold dim")
    for column in columns:
        if column in wide:
            table.add_column(column, overflow="fold", ratio=wide[column], min_width=10)
        else:
            table.add_column(column, overflow="fold")
    return table


def add_row(table: Table, *cells: str | Text) -> None:
    """Add a row whose plain strings are shown as written.

    Rich reads ``[...]`` in a plain string as markup; an article may hold
    brackets (``[/]``, ``[red]``), which must neither style the view nor break it.
    """
    table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in cells))
