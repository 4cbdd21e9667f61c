"""Options shared by the commands that read articles, and their parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date
from typing import TypeVar, overload

import click

from dateline.config import FieldNames
from dateline.errors import BAD_VALUE, ConfigError, DatelineError
from dateline.ingest import Reject, parse_date

INPUT_FORMATS = ("auto", "text", "jsonl", "json", "csv", "tsv", "html")

F = TypeVar("F", bound=Callable[..., object])


@overload
def input_options(command: F, *, required: bool = True) -> F: ...
@overload
def input_options(command: None = None, *, required: bool = True) -> Callable[[F], F]: ...
def input_options(command: F | None = None, *, required: bool = True) -> F | Callable[[F], F]:
    """Add the input options every article-reading command takes.

    ``INPUTS``, ``--input-format``, ``--published``, ``--field`` and
    ``--degraded/--clean``, passed as ``inputs``, ``input_format``,
    ``published``, ``fields`` and ``degraded``.  Used bare, or as
    ``input_options(required=False)`` by a command that has another source
    of articles when no PATH is given.
    """
    if command is None:
        return lambda func: _add_input_options(func, required)
    return _add_input_options(command, required)


def _add_input_options(command: F, required: bool) -> F:
    decorators = [
        click.argument("inputs", nargs=-1, required=required,
                       metavar="PATH... | -" if required else "[PATH... | -]"),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                     help="Input format; auto goes by file extension, then by content."),
        click.option("--published", metavar="DATE", help="Publication date for articles that carry none."),
        click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
                     help="JSONL/CSV field holding NAME (id, title, text, published, source, url)."),
        click.option("--degraded/--clean", default=None,
                     help="Force or forbid restoration of degraded text (default: detect)."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def published_date(value: str | None) -> date | None:
    """Parse ``--published``; a bad date is a BAD_VALUE error naming the option."""
    if not value:
        return None
    try:
        return parse_date(value, where="--published")
    except DatelineError as error:
        error.kind = BAD_VALUE
        raise


def reader_format(value: str) -> str | None:
    """``--input-format`` as :func:`~dateline.ingest.iter_articles` takes it."""
    return None if value == "auto" else value


def field_names(pairs: tuple[str, ...]) -> FieldNames:
    """Parse ``--field text=body`` options into :class:`FieldNames`."""
    known = {f.name for f in fields(FieldNames)}
    names = FieldNames()
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in known or not value:
            raise ConfigError(
                f"--field takes NAME=COLUMN with NAME one of {sorted(known)}, got '{pair}'"
            )
        names = replace(names, **{key: value})
    return names


def report_reject(reject: Reject) -> int:
    """Print a skipped record on stderr, once naming where it came from; return its exit code."""
    error = reject.error
    where = "" if error.where else f"{reject.origin}: "
    click.echo(f"skipped {where}{error}", err=True)
    return error.kind.exit_code
