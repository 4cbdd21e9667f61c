"""What the attribution tests share: the stages they run and a reader that checks every span."""

from __future__ import annotations

from dateline.ingest import article_from_text
from dateline.pipeline import Runner
from dateline.schema import Analysis

STAGES = ("dateline", "normalize", "nlp", "sentences", "entities", "quotes", "claims")


def analyze(runner: Runner, text: str, degraded: bool | None = None) -> Analysis:
    """``text`` read by ``runner``, after checking that its quote and claim spans are verbatim."""
    result = next(runner.run([article_from_text(text)], degraded=degraded))
    assert isinstance(result, Analysis), result
    check_spans(result)
    return result


def check_spans(analysis: Analysis) -> None:
    """Every span of every quote and claim is verbatim in the original."""
    for quote in analysis.quotes:
        spans = [quote.content, *quote.segments, quote.cue]
        if quote.speaker is not None:
            spans.append(quote.speaker.span)
        for span in filter(None, spans):
            assert analysis.text[span.start:span.end] == span.text
    for claim in analysis.claims:
        for span in filter(None, [claim.content, claim.marker]):
            assert analysis.text[span.start:span.end] == span.text
