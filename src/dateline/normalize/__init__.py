"""Judge whether an article is in the degraded corpus form and restore it.

Research corpora often ship news lowercased and tokenized, one sentence per
line, with apostrophes stripped (``cairo ( reuters ) - ... the city s el nuri
mosque .``).  NLP models read such text badly, so :func:`normalize` restores a
readable form (``Cairo (Reuters) - ... the city's El Nuri mosque.``) for them
to read, while every character of it still points at the input character it
came from: spans found in the restored text map back to exact spans of the
input with :meth:`NormalizedText.to_original`.  Clean text passes through
untouched.
"""

from __future__ import annotations

from dateline.normalize.detect import MIN_LOWERCASE_RATIO, DegradationReport, detect_degraded
from dateline.normalize.offsets import NormalizedText, identity
from dateline.normalize.restore import restore

__all__ = ["DegradationReport", "NormalizedText", "detect_degraded", "normalize"]


def normalize(text: str, *, force: bool | None = None) -> NormalizedText:
    """Restore ``text`` if it looks degraded; pass it through untouched otherwise.

    ``force=True`` restores and ``force=False`` passes through whatever the
    detection says (``degraded`` then reports the forced choice; ``signals``
    are measured all the same).  Forced restoration recases only text with
    (almost) no capitals, so tokenized but cased text keeps its case.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"normalize() expects the article text as str, got {type(text).__name__}"
            + ("; decode the bytes first" if isinstance(text, (bytes, bytearray)) else "")
        )
    report = detect_degraded(text)
    degraded = report.degraded if force is None else bool(force)
    if not degraded or not text:
        return identity(text, report.signals)
    if force is None:
        recase_text = report.lowercased
    else:
        recase_text = report.signals["lowercase_ratio"] >= MIN_LOWERCASE_RATIO
    restored, origin, sentence_starts = restore(text, recase_text=recase_text)
    return NormalizedText(
        original=text,
        text=restored,
        degraded=True,
        signals=report.signals,
        origin=origin,
        sentence_starts=sentence_starts,
    )
