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
from dateline.schema import Claim, Quote

#: Private layer: the :class:`~dateline.attribution.quotes.Article` of the quotes stage.
ARTICLE_LAYER = "_attribution_article"


@register_stage("quotes", provides="quotes", requires=("doc", "normalized", "entities", "sentences"))
def _quotes_stage(ctx: Context) -> list[Quote]:
    article, found = collect(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                             ctx.layers["sentences"])
    ctx.layers[ARTICLE_LAYER] = article
    return to_records(article, found)


@register_stage("claims", provides="claims",
                requires=("quotes", "doc", "normalized", "entities", "sentences"))
def _claims_stage(ctx: Context) -> list[Claim]:
    return find_claims(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                       ctx.layers["sentences"], ctx.layers["quotes"], ctx.layers.pop(ARTICLE_LAYER, None))
