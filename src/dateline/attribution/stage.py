"""Pipeline stages ``quotes`` and ``claims``.

Both read the spaCy ``Doc`` of the normalized text, the entities (for
speakers) and the sentences, and map every span back to the original text.
The quotes stage leaves its parse bookkeeping (sentence bounds, entities by
token) in a private layer that the claims stage reuses; the record ignores it.
"""

from __future__ import annotations

from dateline.attribution.claims import find_claims
from dateline.attribution.quotes import collect, to_records
from dateline.pipeline import Context, register_stage
from dateline.schema import Claim, Quote, Span

#: Private layer: the :class:`~dateline.attribution.quotes.Article` of the quotes stage.
ARTICLE_LAYER = "_attribution_article"


@register_stage("quotes", provides="quotes", requires=("doc", "normalized", "entities", "sentences"))
def _quotes_stage(ctx: Context) -> list[Quote]:
    article, found = collect(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                             ctx.layers["sentences"])
    ctx.layers[ARTICLE_LAYER] = article
    quotes = to_records(article, found)
    dateline = ctx.layers.get("dateline")
    if dateline is None:
        return quotes
    text = ctx.article.text
    return [q.model_copy(update={"content": after_dateline(q.content, dateline.span, text),
                                 "segments": [after_dateline(s, dateline.span, text) for s in q.segments]})
            for q in quotes]


@register_stage("claims", provides="claims",
                requires=("quotes", "doc", "normalized", "entities", "sentences"))
def _claims_stage(ctx: Context) -> list[Claim]:
    claims = find_claims(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                         ctx.layers["sentences"], ctx.layers["quotes"], ctx.layers.pop(ARTICLE_LAYER, None))
    dateline = ctx.layers.get("dateline")
    if dateline is None:
        return claims
    return [c.model_copy(update={"content": after_dateline(c.content, dateline.span, ctx.article.text)})
            for c in claims]


def after_dateline(span: Span, dateline: Span, text: str) -> Span:
    """A span that starts inside the dateline (``CAIRO (Reuters) - Egypt said ...``), moved to
    start after it: what was said is not where it was filed."""
    if not (dateline.start <= span.start < dateline.end < span.end):
        return span
    start = dateline.end
    while start < span.end and text[start].isspace():
        start += 1
    return Span(start=start, end=span.end, text=text[start:span.end])
