"""The article text with its extracted layers highlighted, and the legend for it."""

from __future__ import annotations

from rich.text import Text

from dateline.render.styles import LAYER_STYLES, TYPE_STYLES, entity_style
from dateline.schema import Analysis


def article_text(analysis: Analysis) -> Text:
    """The original text with quotes, cues, times and entity mentions styled.

    Quotes go first because they span whole clauses; the shorter layers are
    laid on top so an entity inside a quote keeps its colour.
    """
    text = Text(analysis.text)
    for quote in analysis.quotes:
        for piece in quote.segments or [quote.content]:
            text.stylize(LAYER_STYLES["quote"], piece.start, piece.end)
        if quote.cue:
            text.stylize(LAYER_STYLES["cue"], quote.cue.start, quote.cue.end)
    for time in analysis.times:
        text.stylize(LAYER_STYLES["time"], time.span.start, time.span.end)
    for entity in analysis.entities:
        for mention in entity.mentions:
            text.stylize(entity_style(entity.type.value), mention.span.start, mention.span.end)
    text.rstrip()
    return text


def legend(analysis: Analysis) -> Text:
    """Each style used in the article, written in that style; layers only when present."""
    labels = [(f"[{name}]", style) for name, style in TYPE_STYLES.items()]
    if analysis.times:
        labels.append(("time", LAYER_STYLES["time"]))
    if analysis.quotes:
        labels.append(("quote", LAYER_STYLES["quote"]))
        if any(quote.cue for quote in analysis.quotes):
            labels.append(("cue", LAYER_STYLES["cue"]))
    text = Text()
    for i, (label, style) in enumerate(labels):
        if i:
            text.append("  ")
        text.append(label, style=style)
    return text
