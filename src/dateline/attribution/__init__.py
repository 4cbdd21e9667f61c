"""Attribution: who said what (quotes), and how sure anyone is (claims)."""

from dateline.attribution.claims import find_claims, summarize
from dateline.attribution.quotes import find_quotes

__all__ = ["find_claims", "find_quotes", "summarize"]
