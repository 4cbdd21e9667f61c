"""``dateline eval geo``: toponym detection and resolution on LGL / GeoWebNews."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options

#: Rows of the table: (label, key, format).
ROWS = (
    ("detection precision", "precision", "{:.3f}"),
    ("detection recall", "recall", "{:.3f}"),
    ("detection F1", "f1", "{:.3f}"),
    ("resolution acc@161km (detected)", "resolution_acc_161", "{:.3f}"),
    ("end-to-end acc@161km", "end_to_end_acc_161", "{:.3f}"),
    ("mean error km", "mean_error_km", "{:.1f}"),
    ("median error km", "median_error_km", "{:.1f}"),
    ("GeoNames id exact", "geonames_exact", "{:.3f}"),
    ("gold toponyms with coordinates", "gold_with_coordinates", "{}"),
    ("detected, unresolved", "detected_unresolved", "{}"),
    ("words/s", "words_per_second", "{:.0f}"),
)


def print_geo_table(result: dict[str, Any], console: Console) -> None:
    """Clean and degraded side by side."""
    table = Table(title=f"dateline eval geo — {result['data']} ({result['format']}, "
                        f"{result['gold_toponyms']} gold toponyms)")
    table.add_column("metric")
    table.add_column("clean", justify="right")
    table.add_column("degraded", justify="right")
    for label, key, fmt in ROWS:
        table.add_row(label, fmt.format(result["clean"][key]), fmt.format(result["degraded"][key]))
    for setting in ("clean", "degraded"):
        places = result[setting]["places_only"]
        table.add_row(f"places only F1 ({setting})", f"{places['f1']:.3f}" if setting == "clean" else "",
                      f"{places['f1']:.3f}" if setting == "degraded" else "")
    console.print(table)
    console.print(f"end-to-end degraded - clean: {result['end_to_end_degraded_minus_clean']:+.4f}")


@click.command("geo")
@eval_options("LGL or GeoWebNews XML, e.g. ../shared/data/geo/lgl.xml", unit="articles")
def eval_geo(data: Path, output_format: str, limit: int | None) -> None:
    """Places: toponym detection and resolution (accuracy@161km) on LGL / GeoWebNews."""
    from dateline.evaluation.geo import evaluate_geo

    check_data(data)
    result = evaluate_geo(data, limit=limit)
    emit(result, output_format, print_geo_table)
