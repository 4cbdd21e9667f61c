"""``dateline ingest``: analyze articles into a corpus store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dateline.cli.options import field_names, input_options, published_date, reader_format
from dateline.config import MAX_ARTICLE_CHARS
from dateline.pipeline import DEFAULT_BATCH_SIZE


@click.command("ingest")
@input_options
@click.option("--db", "db", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="The store file; created if missing.")
@click.option("--max-chars", type=click.IntRange(min=1), default=MAX_ARTICLE_CHARS, show_default=True,
              help="Reject articles longer than this many characters.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=DEFAULT_BATCH_SIZE, show_default=True)
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
def ingest_command(inputs: tuple[str, ...], db: Path, input_format: str, published: str | None,
                   fields: tuple[str, ...], degraded: bool | None, max_chars: int, batch_size: int,
                   progress: bool | None) -> int:
    """Analyze articles into a corpus store: entities resolved across articles, stories, search.

    Re-running is safe: articles already stored unchanged are skipped, a changed
    article replaces its earlier version (kept and linked), and an interrupted run
    continues where it stopped.  Bad records are stored in the rejects table with
    their reason and the batch goes on; the exit code is non-zero if any was rejected.
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.store import IngestReport, Store

    published_on = published_date(published)
    show = sys.stderr.isatty() if progress is None else progress
    console = Console(stderr=True)
    store = Store(db, create=True)
    try:
        with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
                      TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=console,
                      disable=not show, transient=False) as bar:
            task = bar.add_task("ingest", total=None, status="")

            def on_progress(report: IngestReport) -> None:
                done = report.added + report.replaced + report.unchanged + report.rejected
                rate = (report.added + report.replaced) / report.seconds if report.seconds else 0.0
                bar.update(task, completed=done, status=f"{done} read, {report.added} added, "
                           f"{report.unchanged} unchanged, {report.rejected} rejected ({rate:.1f}/s)")

            report = store.ingest(list(inputs), fmt=reader_format(input_format),
                                  fields=field_names(fields), published=published_on, degraded=degraded,
                                  max_article_chars=max_chars, batch_size=batch_size,
                                  on_progress=on_progress)
        rejects = store.db.execute("SELECT origin, code, message FROM rejects").fetchall() if report.rejected else []
    finally:
        store.close()
    for origin, code, message in rejects[-20:]:
        click.echo(f"rejected {origin}: {message} [{code}]", err=True)
    click.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
               f"{report.rejected} rejected; {report.stories} stories in {db} ({report.seconds:.1f} s)")
    return 65 if report.rejected else 0
