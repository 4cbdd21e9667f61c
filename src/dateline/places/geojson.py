"""GeoJSON export: one FeatureCollection of Point features, one per resolved place.

Coordinates are ``[longitude, latitude]`` (RFC 7946).  Each feature carries
the article id, the place's GeoNames data, whether it is a focus or the
dateline place, and every mention with its span in the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.schema import Analysis


def features(analysis: Analysis) -> list[dict[str, Any]]:
    """The Point features of one analysis (places without coordinates are left out)."""
    out = []
    for place in analysis.places:
        if place.latitude is None or place.longitude is None:
            continue
        out.append({
            "type": "Feature",
            "id": f"{analysis.article.id}/{place.id}",
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": {
                "article": analysis.article.id,
                "place": place.id,
                "name": place.name,
                "geonames_id": place.geonames_id,
                "feature_class": place.feature_class,
                "feature_code": place.feature_code,
                "country_code": place.country_code,
                "admin1": place.admin1,
                "confidence": place.confidence,
                "focus": place.focus,
                "dateline": place.dateline,
                "entity_id": place.entity_id,
                "mentions": [
                    {"start": m.span.start, "end": m.span.end, "text": m.span.text, "sentence": m.sentence}
                    for m in place.mentions
                ],
            },
        })
    return out


def feature_collection(analyses: Iterable[Analysis]) -> dict[str, Any]:
    """A FeatureCollection of the places of all the analyses."""
    return {"type": "FeatureCollection", "features": [f for a in analyses for f in features(a)]}
