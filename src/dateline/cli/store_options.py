"""Options and output shared by the corpus commands (search, entity, story, timeline)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import BaseModel

from dateline.errors import BAD_OPTION, ConfigError

OUTPUT_FORMATS = ("table", "json", "jsonl", "csv", "parquet", "geojson")
F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option("--db", "db", required=True, type=click.Path(path_type=Path), metavar="FILE",
                        help="The store file (made by 'dateline ingest').")(func)


def output_options(func: F) -> F:
    func = click.option("--output", "-o", type=click.Path(path_type=Path), default=None, metavar="FILE",
                        help="Write the result to FILE instead of standard output.")(func)
    return click.option("--format", "-f", "output_format", type=click.Choice(OUTPUT_FORMATS), default="table",
                        show_default=True, help="table: for reading; json; or an export format "
                        "(jsonl, csv, parquet, geojson).")(func)  # type: ignore[return-value]


def filter_options(func: F) -> F:
    for name, help_text in reversed((
        ("--entity", "Only articles naming this entity (name, alias or #id)."),
        ("--place", "Only articles naming this place (name or GeoNames id)."),
        ("--country", "Only articles with a place in this country (ISO 3166-1 alpha-2)."),
        ("--since", "Only articles dated on or after DATE."),
        ("--until", "Only articles dated on or before DATE."),
        ("--event-type", "Only articles reporting events of this PLOVER type (ASSAULT, PROTEST, ...)."),
    )):
        func = click.option(name, default=None, help=help_text)(func)
    return func


def open_store(db: Path) -> Any:
    from dateline.store import Store

    return Store(db, create=False)


def emit(result: Any, output_format: str, output: Path | None, table: Callable[[Any], None]) -> None:
    """Print or write a query result in the chosen format."""
    from dateline.store.export import export

    if output_format == "table":
        if output is not None:
            raise ConfigError("--output needs an export format (--format json, jsonl, csv, parquet, geojson)",
                              kind=BAD_OPTION)
        table(result)
        return
    if output_format == "json":
        payload = ([r.model_dump(mode="json") for r in result] if isinstance(result, list)
                   else result.model_dump(mode="json") if isinstance(result, BaseModel) else result)
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
        return
    if output_format == "parquet" and output is None:
        raise ConfigError("parquet is binary: give a file with --output FILE", kind=BAD_OPTION)
    text = export(result, output, output_format)
    if text is not None:
        sys.stdout.write(text)
