"""``dateline eval TASK``: score a layer on a public gold set, clean and degraded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options

METRIC_COLUMNS = ("precision", "recall", "f1")


def print_table(result: dict[str, Any], console: Console) -> None:
    """Clean and degraded scores side by side, overall and per label."""
    table = Table(title=f"dateline eval {result['task']} — {result['data']}")
    table.add_column("scope")
    for setting in ("clean", "degraded"):
        for metric in METRIC_COLUMNS:
            table.add_column(f"{setting} {metric[0].upper()}" if metric != "f1" else f"{setting} F1",
                             justify="right")
    table.add_row("overall", *[f"{result[s][m]:.3f}" for s in ("clean", "degraded") for m in METRIC_COLUMNS])
    for label in result["clean"].get("per_label", {}):
        table.add_row(label, *[f"{result[s]['per_label'][label][m]:.3f}"
                               for s in ("clean", "degraded") for m in METRIC_COLUMNS])
    console.print(table)
    extras = {k: v for k, v in result.items() if k not in ("task", "data", "clean", "degraded")}
    for key, value in extras.items():
        console.print(f"{key}: {value}")
    for setting in ("clean", "degraded"):
        info = {k: v for k, v in result[setting].items()
                if k not in (*METRIC_COLUMNS, "per_label", "tp", "fp", "fn")}
        console.print(f"{setting}: " + ", ".join(f"{k} {v}" for k, v in info.items()))


@click.group("eval")
def eval_group() -> None:
    """Score dateline on public gold sets (clean and degraded side by side)."""


@eval_group.command("ner")
@eval_options("CoNLL-2003 file, e.g. ../shared/data/conll2003/eng.testa", unit="documents")
def eval_ner(data: Path, output_format: str, limit: int | None) -> None:
    """Named entities (PER/ORG/LOC/MISC) on CoNLL-2003."""
    from dateline.evaluation.ner import evaluate_ner

    check_data(data)
    result = evaluate_ner(data, limit=limit)
    emit(result, output_format, print_table)


from dateline.cli.eval_geo import eval_geo  # noqa: E402

eval_group.add_command(eval_geo)

from dateline.cli.eval_time import eval_time  # noqa: E402

eval_group.add_command(eval_time)

from dateline.cli.eval_stories import eval_stories  # noqa: E402

eval_group.add_command(eval_stories)

from dateline.cli.eval_quotes import eval_quotes  # noqa: E402

eval_group.add_command(eval_quotes)

from dateline.cli.eval_events import eval_events  # noqa: E402

eval_group.add_command(eval_events)
