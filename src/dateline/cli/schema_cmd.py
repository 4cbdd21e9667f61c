"""``dateline schema``: print the JSON Schema of the output record."""

from __future__ import annotations

import json

import click

from dateline.schema import json_schema


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the Analysis record (versioned)."""
    click.echo(json.dumps(json_schema(), indent=2))
