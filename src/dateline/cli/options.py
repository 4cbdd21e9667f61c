"""Option parsing shared by several commands."""

from __future__ import annotations

from dataclasses import fields, replace

from dateline.config import FieldNames
from dateline.errors import ConfigError


def field_names(pairs: tuple[str, ...]) -> FieldNames:
    """Parse ``--field text=body`` options into :class:`FieldNames`."""
    known = {f.name for f in fields(FieldNames)}
    names = FieldNames()
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in known or not value:
            raise ConfigError(
                f"--field takes NAME=COLUMN with NAME one of {sorted(known)}, got '{pair}'"
            )
        names = replace(names, **{key: value})
    return names
