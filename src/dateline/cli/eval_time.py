"""``dateline eval time``: time expressions on TimeML (TempEval-3 task A), clean and degraded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options

SETTINGS = ("clean", "degraded")


def _row(result: dict[str, Any], label: str, pick: Any) -> list[str]:
    return [label, *[f"{pick(result[s]):.3f}" for s in SETTINGS]]


def print_time_table(result: dict[str, Any], console: Console) -> None:
    """TempEval-3 task A scores, clean and degraded side by side, then the estimate."""
    table = Table(title=f"dateline eval time — {result['data']}")
    table.add_column("metric")
    for setting in SETTINGS:
        table.add_column(setting, justify="right")
    for name in ("precision", "recall", "f1"):
        table.add_row(*_row(result, f"relaxed {name}", lambda r, n=name: r["relaxed"][n]))
    for name in ("precision", "recall", "f1"):
        table.add_row(*_row(result, f"strict {name}", lambda r, n=name: r["strict"][n]))
    table.add_row(*_row(result, "type accuracy", lambda r: r["type_accuracy"]))
    table.add_row(*_row(result, "value accuracy", lambda r: r["value_accuracy"]))
    table.add_row(*_row(result, "type F1", lambda r: r["type"]["f1"]))
    table.add_row(*_row(result, "value F1", lambda r: r["value"]["f1"]))
    console.print(table)
    estimate = Table(title="publication date estimated with the DCT hidden")
    estimate.add_column("metric")
    for setting in SETTINGS:
        estimate.add_column(setting, justify="right")
    rows = [(key, (key,)) for key in ("within_7_days", "same_month", "same_year", "interval_covers",
                                      "median_interval_days", "estimated", "documents")]
    rows += [(f"of estimated: {key}", ("of_estimated", key))
             for key in ("within_7_days", "same_year", "interval_covers", "mean_confidence")]
    rows += [("confident: estimated", ("confident", "estimated")),
             ("confident: within_7_days", ("confident", "within_7_days"))]
    for label, path in rows:
        values = []
        for setting in SETTINGS:
            value: Any = result["publication_estimate"][setting]
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            values.append(value)
        estimate.add_row(label, *[f"{v:.3f}" if isinstance(v, float) else str(v) for v in values])
    console.print(estimate)
    for setting in SETTINGS:
        info = result[setting]
        console.print(f"{setting}: documents {info['documents']}, gold {info['gold']}, "
                      f"predicted {info['predicted']}, skipped {info['skipped']}, "
                      f"words_per_second {info['words_per_second']}")


@click.command("time")
@eval_options("A TimeML file or a folder of .tml files, e.g. ../shared/data/tempeval3", unit="documents")
def eval_time(data: Path, output_format: str, limit: int | None) -> None:
    """Time expressions (TIMEX3) on TimeML, as TempEval-3 task A."""
    from dateline.evaluation.timeml import evaluate_time

    check_data(data)
    result = evaluate_time(data, limit=limit)
    emit(result, output_format, print_time_table)
