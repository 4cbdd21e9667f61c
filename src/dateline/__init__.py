"""dateline: news articles in, a structured and verifiable record out.

>>> import dateline
>>> analysis = dateline.read("CAIRO (Reuters) - Egypt's president met officials.")
>>> analysis.dateline.agency
'Reuters'

The public surface is re-exported here; the pipeline (and spaCy) is imported
on first use, so ``import dateline`` stays cheap for tools that only need the
schema or the degradation functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError
from dateline.schema import SCHEMA_VERSION, Analysis

if TYPE_CHECKING:
    from dateline.pipeline import pipe, read

__version__ = "0.1.0"

__all__ = ["Analysis", "DatelineError", "SCHEMA_VERSION", "__version__", "pipe", "read"]


def __getattr__(name: str) -> Any:
    if name in ("read", "pipe"):
        from dateline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'dateline' has no attribute '{name}'")
