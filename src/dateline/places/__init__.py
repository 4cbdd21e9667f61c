"""Places: toponyms resolved to GeoNames entries, in context, with their spans.

>>> from dateline.places import configure
>>> configure(bias_countries=["IQ"])  # favour places in Iraq from now on  # doctest: +SKIP

The gazetteer is a SQLite file built from registry packages
(``python -m dateline.places.build``; built on first use if missing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.places.gazetteer import Gazetteer, get_gazetteer
    from dateline.places.stage import configure, demonym_country, places_of

__all__ = ["Gazetteer", "configure", "demonym_country", "get_gazetteer", "places_of"]


def __getattr__(name: str) -> Any:
    if name in ("configure", "demonym_country", "places_of"):
        from dateline.places import stage

        return getattr(stage, name)
    if name in ("Gazetteer", "get_gazetteer"):
        from dateline.places import gazetteer

        return getattr(gazetteer, name)
    raise AttributeError(f"module 'dateline.places' has no attribute '{name}'")
