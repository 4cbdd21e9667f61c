"""Query parameters shared by the read and export routes, with their limits."""

from __future__ import annotations

from fastapi import Query

from dateline.config import MAX_PAGE_SIZE, MAX_RANKED_RESULTS
from dateline.errors import BAD_VALUE, ConfigError

DEFAULT_PAGE = 50


def limit_param(default: int = DEFAULT_PAGE, most: int = MAX_PAGE_SIZE) -> int:
    return Query(default, ge=1, le=most, description=f"Items per page (at most {most}).")


def offset_param() -> int:
    return Query(0, ge=0, le=MAX_RANKED_RESULTS, description="Items skipped before the page.")


def ranked_window(limit: int, offset: int) -> int:
    """How many ranked results to compute for a page; refuses pages past the ranking's depth."""
    if offset + limit > MAX_RANKED_RESULTS:
        raise ConfigError(f"offset + limit is {offset + limit}; ranked results go {MAX_RANKED_RESULTS:,} "
                          "deep: narrow the query instead", kind=BAD_VALUE)
    return offset + limit


ENTITY = Query(None, description="Only what names this entity (name, alias or #id).")
PLACE = Query(None, description="Only what names this place (name or GeoNames id).")
COUNTRY = Query(None, description="Only what has a place in this country (ISO 3166-1 alpha-2).")
SINCE = Query(None, description="On or after this date (2017-09-28, 2017-09, ...).")
UNTIL = Query(None, description="On or before this date.")
EVENT_TYPE = Query(None, description="Only articles reporting events of this PLOVER type.")
