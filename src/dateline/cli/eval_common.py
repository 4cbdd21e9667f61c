"""What every ``dateline eval TASK`` command shares: options, data check, output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from dateline.errors import UNREADABLE_PATH, DatelineError

F = TypeVar("F", bound=Callable[..., object])


def eval_options(data_help: str, unit: str = "documents") -> Callable[[F], F]:
    """Add ``--data``, ``--format table|json`` and ``--limit`` to an eval command."""

    def decorate(command: F) -> F:
        command = click.option("--limit", type=click.IntRange(min=1), default=None,
                               help=f"Only the first N {unit}.")(command)
        command = click.option("--format", "output_format", type=click.Choice(("table", "json")),
                               default="table", show_default=True)(command)
        return click.option("--data", required=True, type=click.Path(path_type=Path), help=data_help)(command)

    return decorate


def check_data(path: Path) -> None:
    """Fail with a clear error when the evaluation data is not there."""
    if not path.exists():
        raise DatelineError(f"no evaluation data at {path}", kind=UNREADABLE_PATH)


def emit(result: dict[str, Any], output_format: str, print_table: Callable[[dict[str, Any], Console], None]) -> None:
    """Print the result as one JSON object, or as the task's readable table."""
    if output_format == "json":
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        print_table(result, Console())
