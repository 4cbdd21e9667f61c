"""``dateline eval stories``: online story clustering, B³ and pairwise, clean and degraded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options

SETTINGS = ("clean", "degraded")


def print_stories_table(result: dict[str, Any], console: Console) -> None:
    table = Table(title=f"dateline eval stories — {result['data']} ({result['articles']} articles, "
                        f"{result['gold_stories']} gold stories)")
    table.add_column("metric")
    for setting in SETTINGS:
        table.add_column(setting, justify="right")
    for name in ("precision", "recall", "f1"):
        table.add_row(f"B³ {name}", *[f"{result[s][name]:.3f}" for s in SETTINGS])
    for name in ("precision", "recall", "f1"):
        table.add_row(f"pairwise {name}", *[f"{result[s]['pairwise'][name]:.3f}" for s in SETTINGS])
    for name in ("stories", "mixed_stories", "rejected", "seconds"):
        table.add_row(name.replace("_", " "), *[str(result[s][name]) for s in SETTINGS])
    console.print(table)


@click.command("stories")
@eval_options("JSON Lines {id, story, text}, e.g. ../shared/data/ecbplus/stories-dev.jsonl", unit="articles")
def eval_stories(data: Path, output_format: str, limit: int | None) -> None:
    """Stories: online clustering of articles into real-world events (B³ and pairwise F1)."""
    from dateline.evaluation.stories import evaluate_stories

    check_data(data)
    result = evaluate_stories(data, limit=limit)
    emit(result, output_format, print_stories_table)
