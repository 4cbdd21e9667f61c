"""The console the commands print article data with."""

from __future__ import annotations

from typing import Any

from rich.console import Console


def data_console(**options: Any) -> Console:
    """A console that prints text as written: no markup, no automatic highlighting.

    Articles hold brackets (``[/]``, ``[red]``, ``[link=...]``); read as rich
    markup they would restyle the output or stop it with an error.  Commands
    style their own words with :class:`rich.text.Text` instead.
    """
    return Console(markup=False, highlight=False, **options)
