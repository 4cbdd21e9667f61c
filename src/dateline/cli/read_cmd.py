"""``dateline read``: analyze articles and print the records."""

from __future__ import annotations

import json

import click

from dateline.cli.console import data_console
from dateline.cli.options import (
    field_names,
    input_options,
    published_date,
    reader_format,
    report_reject,
)
from dateline.config import MAX_ARTICLE_CHARS
from dateline.ingest import Reject, iter_articles
from dateline.pipeline import DEFAULT_BATCH_SIZE, Runner
from dateline.render import render

FORMATS = ("text", "json", "jsonl", "geojson")


@click.command("read")
@input_options
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text: highlighted article; json: one document; jsonl: a line each; "
              "geojson: the places as a FeatureCollection.")
@click.option("--max-chars", type=click.IntRange(min=1), default=MAX_ARTICLE_CHARS, show_default=True,
              help="Reject articles longer than this many characters.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=DEFAULT_BATCH_SIZE, show_default=True)
@click.option("--bias-country", "bias_countries", multiple=True, metavar="CC",
              help="Favour places in this country (ISO 3166-1 alpha-2, e.g. IQ); repeatable.")
def read_command(
    inputs: tuple[str, ...],
    output_format: str,
    input_format: str,
    published: str | None,
    fields: tuple[str, ...],
    degraded: bool | None,
    max_chars: int,
    batch_size: int,
    bias_countries: tuple[str, ...] = (),
) -> int:
    """Analyze news articles: files, directories, globs, or - for standard input.

    Plain text (clean or degraded, one article per file), JSON Lines, JSON, CSV/TSV
    and HTML are read.  Bad records are reported on stderr and skipped; the exit
    code is non-zero if any record was skipped.
    """
    published_on = published_date(published)
    articles = iter_articles(
        list(inputs),
        fmt=reader_format(input_format),
        fields=field_names(fields),
        published=published_on,
        max_article_chars=max_chars,
    )
    console = data_console(soft_wrap=False)
    collected = []
    exit_code = 0
    if bias_countries:
        from dateline.places import configure

        configure(bias_countries=list(bias_countries))
    for result in Runner().run(articles, batch_size=batch_size, degraded=degraded):
        if isinstance(result, Reject):
            code = report_reject(result)
            exit_code = exit_code or code
            continue
        if output_format == "jsonl":
            click.echo(result.model_dump_json())
        elif output_format == "json":
            collected.append(result.model_dump(mode="json"))
        elif output_format == "geojson":
            collected.append(result)
        else:
            render(result, console)
    if output_format == "geojson":
        from dateline.places.geojson import feature_collection

        click.echo(json.dumps(feature_collection(collected), indent=2, ensure_ascii=False))
    if output_format == "json" and (collected or not exit_code):
        payload = collected[0] if len(collected) == 1 else collected
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    return exit_code
