"""``dateline quotes``: who said what in each article, and how sure anyone is."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.cli.console import data_console
from dateline.cli.options import report_reject
from dateline.errors import DatelineError
from dateline.ingest import Reject, iter_articles
from dateline.pipeline import Runner
from dateline.schema import Analysis

#: Stages the command needs: no places, and times only for claims' dates later on.
STAGES = ("dateline", "normalize", "nlp", "sentences", "entities", "quotes", "claims")
#: Longest content shown in the table before it is cut.
CONTENT_WIDTH = 160


def _cut(text: str, width: int = CONTENT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _speaker(quote) -> str:  # type: ignore[no-untyped-def]
    speaker = quote.speaker
    if speaker is None:
        return "—"
    label = speaker.name + (" (unnamed)" if speaker.unnamed else "")
    if speaker.via in ("pronoun", "nominal", "adjacent") and speaker.span is not None:
        label += f" ← {speaker.span.text}"
    return label


def print_quotes(analysis: Analysis, console: Console) -> None:
    """The quotes of one article as a table, then the claims that are linked."""
    from dateline.attribution import summarize

    title = analysis.article.title or analysis.article.origin or analysis.article.id
    table = Table(title=f"Quotes — {title}", show_lines=False)
    table.add_column("id")
    table.add_column("speaker")
    table.add_column("kind")
    table.add_column("content")
    table.add_column("certainty")
    for quote in analysis.quotes:
        table.add_row(quote.id, _speaker(quote), quote.kind.value, _cut(quote.content.text),
                      quote.certainty.value.replace("-", " "))
    if not analysis.quotes:
        console.print(f"{title}: no quotes found")
    else:
        console.print(table)
    for proposition, line in summarize(analysis.claims).items():
        console.print(Text.assemble((proposition, "bold"), f": {line}"))


@click.command("quotes")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--format", "-f", "output_format", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="table: one table per article; json: quotes and claims per article.")
@click.option("--degraded/--clean", default=None,
              help="Force or forbid restoration of degraded text (default: detect).")
def quotes_command(inputs: tuple[str, ...], output_format: str, degraded: bool | None) -> int:
    """List the quotes of articles: speaker, kind, content and certainty.

    Direct quotes in any quote marks, reported speech (said, told, according to,
    saying:) and, in degraded text, quotes whose marks were stripped.  Claims
    about the same proposition are summed up under the table.
    """
    console = data_console(soft_wrap=False)
    records = []
    exit_code = 0
    for result in Runner(STAGES).run(iter_articles(list(inputs)), degraded=degraded):
        if isinstance(result, Reject):
            code = report_reject(result)
            exit_code = exit_code or code
            continue
        if output_format == "json":
            records.append({
                "article": result.article.model_dump(mode="json"),
                "quotes": [q.model_dump(mode="json") for q in result.quotes],
                "claims": [c.model_dump(mode="json") for c in result.claims],
            })
        else:
            print_quotes(result, console)
    if output_format == "json":
        click.echo(json.dumps(records[0] if len(records) == 1 else records, indent=2, ensure_ascii=False))
    if not records and output_format == "json" and exit_code:
        raise DatelineError("no article could be read")
    return exit_code
