"""The header of the view: what the article is and where its dates come from."""

from __future__ import annotations

from rich.text import Text

from dateline.schema import Analysis

#: Expressions of an estimate's evidence named in the header; the rest are elided.
EVIDENCE_SHOWN = 4


def publication_line(analysis: Analysis) -> str:
    """The publication date and its source, e.g. ``published 2024-05-07 (metadata)``.

    The source is always shown because every relative time hangs on this date;
    an estimate also shows its interval and confidence, so a reader can judge it.
    """
    pub = analysis.publication
    if pub is None:
        meta = analysis.article
        if meta.published:
            return f"published {meta.published.isoformat()} ({meta.published_from or 'metadata'})"
        return "published: unknown"
    day = pub.date.isoformat() if pub.date else "unknown"
    if pub.source != "estimated":
        return f"published {day} ({pub.source})"
    details = []
    if pub.earliest or pub.latest:
        earliest = pub.earliest.isoformat() if pub.earliest else "?"
        latest = pub.latest.isoformat() if pub.latest else "?"
        details.append(f"{earliest}–{latest}")
    details.append(f"confidence {pub.confidence:.2f}")
    if pub.evidence:
        details.append("from " + ", ".join(pub.evidence[:EVIDENCE_SHOWN])
                       + (", …" if len(pub.evidence) > EVIDENCE_SHOWN else ""))
    return f"published {day} (estimated, {', '.join(details)})"


def header(analysis: Analysis) -> Text:
    """Title line, then id, publication date, dateline and input quality in dim."""
    meta = analysis.article
    text = Text(meta.title or meta.origin or meta.id, style="bold")
    details = [f"id {meta.id}", publication_line(analysis)]
    if analysis.dateline:
        line = analysis.dateline
        agency = f" / {line.agency}" if line.agency else ""
        written = f" ({line.date})" if line.date else ""
        details.append(f"dateline {line.place or '?'}{agency}{written}")
    details.append("degraded input, restored" if analysis.normalization.degraded else "clean input")
    text.append("\n" + " · ".join(details), style="dim")
    return text
