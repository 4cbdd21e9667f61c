"""``dateline eval quotes``: attribution on PolNeAR, clean and degraded, beside textacy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.eval_common import check_data, emit, eval_options
from dateline.errors import UNREADABLE_PATH, DatelineError

SETTINGS = ("clean", "degraded")
#: (row label, key in a setting's scores, metric inside it or None for a plain number).
ROWS = (
    ("content overlap P", "content_overlap", "precision"),
    ("content overlap R", "content_overlap", "recall"),
    ("content overlap F1", "content_overlap", "f1"),
    ("content exact F1", "content_exact", "f1"),
    ("cue F1", "cue", "f1"),
    ("source F1", "source", "f1"),
    ("source accuracy (content found)", "source_accuracy", None),
    ("full attribution accuracy", "full_attribution_accuracy", None),
)


def _value(scores: dict[str, Any] | None, key: str, metric: str | None) -> str:
    if not scores:
        return "—"
    value = scores[key] if metric is None else scores[key][metric]
    return f"{value:.3f}"


def print_quotes_table(result: dict[str, Any], console: Console) -> None:
    """dateline and textacy, clean and degraded, one metric a row."""
    textacy = result.get("textacy", {})
    table = Table(title=f"dateline eval quotes — {result['data']} ({result['documents']} documents)")
    table.add_column("metric")
    for setting in SETTINGS:
        table.add_column(f"dateline {setting}", justify="right")
    for setting in SETTINGS:
        table.add_column(f"textacy {setting}", justify="right")
    for label, key, metric in ROWS:
        table.add_row(label, *[_value(result[s], key, metric) for s in SETTINGS],
                      *[_value(textacy.get(s), key, metric) for s in SETTINGS])
    console.print(table)
    console.print(f"degraded/clean content overlap F1: {result['degraded_to_clean']}")
    for setting in SETTINGS:
        info = result[setting]
        console.print(f"{setting}: gold {info['gold']}, predicted {info['predicted']}, skipped {info['skipped']}, "
                      f"{info['seconds']} s, attribution stages {info['attribution_seconds']} s "
                      f"({info['attribution_share_of_spacy']:.1%} of spaCy's time)")
    failed = ", ".join(f"{s} {textacy[s]['failed']} of {textacy[s]['documents']} documents raised"
                       for s in SETTINGS if isinstance(textacy.get(s), dict) and textacy[s].get("failed"))
    console.print(f"textacy: {textacy.get('note', 'not run')}" + (f" ({failed}, scored as empty)" if failed else ""))


@click.command("quotes")
@eval_options("A PolNeAR split folder (text/ and attributions/), e.g. ../shared/data/polnear/dev", unit="documents")
@click.option("--textacy/--no-textacy", "with_textacy", default=True, show_default=True,
              help="Also score textacy's direct_quotations on the same documents (if installed).")
def eval_quotes(data: Path, output_format: str, limit: int | None, with_textacy: bool) -> None:
    """Quotes and attribution on PolNeAR (Source / Cue / Content), with textacy beside."""
    from dateline.evaluation.polnear import evaluate_quotes

    check_data(data)
    try:
        result = evaluate_quotes(data, limit=limit, textacy=with_textacy)
    except FileNotFoundError as exc:
        raise DatelineError(str(exc), kind=UNREADABLE_PATH) from exc
    emit(result, output_format, print_quotes_table)
