"""The time layer: time expressions normalized TIMEX3-style, and the publication date.

- :mod:`~dateline.times.rules`: the detection grammar (named regex rules);
- :mod:`~dateline.times.context`: context checks for ambiguous words and the tense of a clause;
- :mod:`~dateline.times.normalize_value`: TIMEX3 type, value and mod of each expression;
- :mod:`~dateline.times.estimate`: the publication date estimated from the text;
- :mod:`~dateline.times.anchor`: :func:`time_for`, the time of a clause for later layers;
- :mod:`~dateline.times.stage`: the ``publication`` and ``times`` pipeline stages.
"""

from dateline.times.anchor import time_for
from dateline.times.extract import Found, extract_times

__all__ = ["Found", "extract_times", "time_for"]
