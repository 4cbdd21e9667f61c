"""``dateline eval events``: event coding on PLOVER gold standard records, clean and degraded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options

SETTINGS = ("clean", "degraded")
#: (label, key, count key) of the scores shown.
ROWS = (
    ("event type accuracy", "type_accuracy", "records"),
    ("event type macro F1", "macro_f1", None),
    ("mode accuracy", "mode_accuracy", "mode_records"),
    ("source country accuracy", "source_country_accuracy", "source_country_records"),
    ("source sector accuracy", "source_sector_accuracy", "source_sector_records"),
    ("target country accuracy", "target_country_accuracy", "target_country_records"),
    ("target sector accuracy", "target_sector_accuracy", "target_sector_records"),
)


def print_events_table(result: dict[str, Any], console: Console) -> None:
    """Scores clean and degraded side by side, per-type F1, then the confusion table (clean)."""
    table = Table(title=f"dateline eval events — {result['data']}")
    table.add_column("metric")
    table.add_column("records", justify="right")
    for setting in SETTINGS:
        table.add_column(setting, justify="right")
    for label, key, count in ROWS:
        table.add_row(label, str(result["clean"][count]) if count else "",
                      *[f"{result[s][key]:.3f}" for s in SETTINGS])
    console.print(table)
    per_type = Table(title="per event type (F1)")
    per_type.add_column("type")
    per_type.add_column("gold", justify="right")
    for setting in SETTINGS:
        per_type.add_column(setting, justify="right")
    for label, scores in result["clean"]["per_label"].items():
        degraded = result["degraded"]["per_label"].get(label, {"f1": 0.0})
        per_type.add_row(label, str(scores["gold"]), f"{scores['f1']:.3f}", f"{degraded['f1']:.3f}")
    console.print(per_type)
    confusion = result["clean"]["confusion"]
    predicted = sorted({p for row in confusion.values() for p in row})
    matrix = Table(title="confusion, clean (rows gold, columns predicted)")
    matrix.add_column("gold \\ predicted")
    for label in predicted:
        matrix.add_column(label[:5], justify="right")
    for gold, row in confusion.items():
        matrix.add_row(gold, *[str(row.get(p, "")) for p in predicted])
    console.print(matrix)
    for setting in SETTINGS:
        info = result[setting]
        console.print(f"{setting}: records {info['records']}, with an event {info['with_event']}, "
                      f"skipped {info['skipped']}, words_per_second {info['words_per_second']}, "
                      f"events stage {info['events_stage_seconds']} s")


@click.command("events")
@eval_options("PLOVER gold standard records (JSON), e.g. ../shared/data/plover/gsr-dev.json", unit="records")
def eval_events(data: Path, output_format: str, limit: int | None) -> None:
    """Events (PLOVER type, mode, actors) on PLOVER gold standard records."""
    from dateline.evaluation.plover import evaluate_events

    check_data(data)
    result = evaluate_events(data, limit=limit)
    emit(result, output_format, print_events_table)
