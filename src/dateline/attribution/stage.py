"""Pipeline stages ``quotes`` and ``claims``.

Both read the spaCy ``Doc`` of the normalized text, the entities (for
speakers) and the sentences, and map every span back to the original text.
"""

from __future__ import annotations

from dateline.attribution.claims import find_claims
from dateline.attribution.quotes import find_quotes
from dateline.pipeline import Context, register_stage
from dateline.schema import Claim, Quote


@register_stage("quotes", provides="quotes", requires=("doc", "normalized", "entities", "sentences"))
def _quotes_stage(ctx: Context) -> list[Quote]:
    return find_quotes(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                       ctx.layers["sentences"])


@register_stage("claims", provides="claims",
                requires=("quotes", "doc", "normalized", "entities", "sentences"))
def _claims_stage(ctx: Context) -> list[Claim]:
    return find_claims(ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"],
                       ctx.layers["sentences"], ctx.layers["quotes"])
