"""Events: who did what to whom, where and when, coded to PLOVER.

The ``events`` stage (:mod:`dateline.events.stage`) reads predicate-argument
frames off the dependency parse (:mod:`~dateline.events.frames`), codes their
actors (:mod:`~dateline.events.actors`), classifies them
(:mod:`~dateline.events.classify`) and gives each event its place, time,
certainty and magnitudes; :mod:`~dateline.events.export` writes PLOVER JSON
and a GDELT-style table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.events.stage import extract_events

__all__ = ["extract_events"]


def __getattr__(name: str) -> Any:
    if name == "extract_events":
        from dateline.events import stage

        return stage.extract_events
    raise AttributeError(f"module 'dateline.events' has no attribute '{name}'")
