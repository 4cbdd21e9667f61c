"""Pipeline stages ``publication`` and ``times``.

``publication`` decides the anchor date: the article's metadata or the
caller's ``--published``, else the dateline's date when it has a year, else
the date a web page prints at its head or in its address
(:mod:`dateline.times.header`), else an estimate from the text (:mod:`dateline.times.estimate`).  ``times`` finds
and normalizes the time expressions against it and maps every span back to
the original text.  Both read the spaCy ``Doc`` of the normalized text; when
``times`` runs without ``publication`` before it, it decides the anchor
itself and stores that layer too.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.errors import DatelineError
from dateline.ingest import parse_date
from dateline.ingest.datelines import parse_dateline
from dateline.normalize import NormalizedText
from dateline.pipeline import Context, register_stage
from dateline.schema import PublicationDate, Span, TimeExpression, TimeType
from dateline.times.context import tense_at
from dateline.times.estimate import (
    collect_evidence,
    dateline_hint,
    estimate_publication,
    text_evidence,
)
from dateline.times.extract import detect, extract_times
from dateline.times.header import header_date

#: A relative value computed from an estimated date is less sure than the expression.
ESTIMATED_ANCHOR_FACTOR = 0.8


def decide_publication(ctx: Context) -> PublicationDate:
    """The publication date for ``ctx``: given, from the dateline, or estimated."""
    article = ctx.article
    if article.published is not None:
        return PublicationDate(date=article.published, source=article.published_from or "metadata",
                               earliest=article.published, latest=article.published)
    return publication_from_text(ctx)


def publication_from_text(ctx: Context) -> PublicationDate:
    """The publication date the article's own text gives: its dateline's date, the date at
    the head of the page (or in its address), else an estimate.

    Reads the ``dateline`` layer, or the opening line itself when that stage did not run.
    """
    if "dateline" in ctx.layers:
        written = getattr(ctx.layers["dateline"], "date", None)
    else:
        parsed = parse_dateline(ctx.article.text)
        written = parsed.date if parsed is not None else None
    if written and re.search(r"\d{4}", written):  # a yearless date (``March 3``) only hints
        try:
            found = parse_date(written)
        except DatelineError:
            found = None
        if found is not None:
            return PublicationDate(date=found, source="dateline", earliest=found, latest=found)
    headed = header_date(ctx.article.text, ctx.article.url)
    if headed is not None:
        return PublicationDate(date=headed.date, source=headed.source, earliest=headed.date,
                               latest=headed.date, evidence=[ctx.article.text[headed.start:headed.end]]
                               if headed.end > headed.start else [ctx.article.url or ""])
    return estimate_from_text(ctx.layers["normalized"].text, ctx.layers.get("doc"),
                              dateline_hint(written))


def estimate_from_text(text: str, doc: Any = None, hint: tuple[int, int] | None = None) -> PublicationDate:
    """An estimated :class:`PublicationDate` from the time expressions of ``text``.

    Besides the dates, the people in office and the things the text names
    bound the years (:mod:`dateline.times.periods`).
    """
    low, matches, neighbours = detect(text, doc)

    def tense(match: Any) -> str | None:
        return tense_at(doc, neighbours.token_index(match.start)) if doc is not None else None

    evidence = collect_evidence(low, matches, tense) + text_evidence(low)
    estimate = estimate_publication(evidence, hint)
    return PublicationDate(
        date=estimate.date,
        source="estimated",
        earliest=estimate.earliest,
        latest=estimate.latest,
        confidence=estimate.confidence,
        evidence=estimate.evidence,
    )


@register_stage("publication", provides="publication", requires=("doc", "normalized"))
def _publication_stage(ctx: Context) -> PublicationDate:
    return decide_publication(ctx)


@register_stage("times", provides="times", requires=("doc", "normalized"))
def _times_stage(ctx: Context) -> list[TimeExpression]:
    publication: PublicationDate | None = ctx.layers.get("publication")
    if publication is None:
        publication = decide_publication(ctx)
        ctx.layers["publication"] = publication
    normalized: NormalizedText = ctx.layers["normalized"]
    return times_for_text(normalized, ctx.layers.get("doc"), publication)


def times_for_text(normalized: NormalizedText, doc: Any, publication: PublicationDate | None
                   ) -> list[TimeExpression]:
    """The time expressions of a normalized text, spans in its original."""
    anchor = publication.date if publication is not None else None
    estimated = publication is not None and publication.source == "estimated"
    out = []
    for found in extract_times(normalized.text, doc, anchor):
        start, end = normalized.to_original(found.start, found.end)
        value = found.value
        relative = value.relative
        confidence = value.confidence
        anchor_name = None
        if relative:
            anchor_name = "reference" if value.anaphoric else ("estimated" if estimated else "publication")
            if anchor is None:
                anchor_name = None
            elif estimated:
                confidence *= ESTIMATED_ANCHOR_FACTOR
        out.append(TimeExpression(
            span=Span(start=start, end=end, text=normalized.original[start:end]),
            sentence=found.sentence,
            type=TimeType(value.type),
            value=value.value,
            mod=value.mod,
            anchor=anchor_name,
            relative=relative,
            confidence=round(confidence, 3),
        ))
    return out
