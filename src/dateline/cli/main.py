"""Entry point: builds the command group and turns errors into exit codes.

This is the only place where the CLI converts exceptions: a
:class:`~dateline.errors.DatelineError` prints its one-line message and exits
with the catalogue's code; anything unexpected prints a one-line internal
error (set ``DATELINE_DEBUG=1`` for the traceback); never a raw traceback.
"""

from __future__ import annotations

import logging
import os
import sys

import click

from dateline import __version__
from dateline.cli.entity_cmd import entity_command
from dateline.cli.eval_cmd import eval_group
from dateline.cli.events_cmd import events_command
from dateline.cli.ingest_cmd import ingest_command
from dateline.cli.quotes_cmd import quotes_command
from dateline.cli.read_cmd import read_command
from dateline.cli.schema_cmd import schema_command
from dateline.cli.search_cmd import search_command
from dateline.cli.serve_cmd import serve_command
from dateline.cli.story_cmd import story_command
from dateline.cli.timeline_cmd import timeline_command
from dateline.errors import INTERNAL, DatelineError

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """Turn news articles into a structured, verifiable record of what happened."""


cli.add_command(read_command)
cli.add_command(schema_command)
cli.add_command(eval_group)
cli.add_command(ingest_command)
cli.add_command(search_command)
cli.add_command(entity_command)
cli.add_command(story_command)
cli.add_command(timeline_command)
cli.add_command(quotes_command)
cli.add_command(events_command)
cli.add_command(serve_command)


def _fail(message: str, code: int) -> int:
    click.echo(f"error: {message}", err=True)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return (and exit with) the process exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        result = cli.main(args=argv, prog_name="dateline", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except click.exceptions.UsageError as exc:
        hint = f"\nTry '{exc.ctx.command_path} --help'." if exc.ctx else ""
        code = _fail(f"{exc.format_message()}{hint}", EXIT_USAGE)
    except click.exceptions.Abort:
        code = _fail("interrupted", EXIT_INTERRUPTED)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except DatelineError as exc:
        code = _fail(str(exc), exc.kind.exit_code)
    except KeyboardInterrupt:
        code = _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        code = 0
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("DATELINE_DEBUG"):
            raise
        code = _fail(
            f"{type(exc).__name__}: {exc} [{INTERNAL.code} {INTERNAL.title}; "
            "set DATELINE_DEBUG=1 for details]",
            INTERNAL.exit_code,
        )
    return code


def run() -> None:
    """Console-script wrapper."""
    sys.exit(main())


if __name__ == "__main__":
    run()
