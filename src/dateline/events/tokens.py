"""Cheap walks over the parse: each token's children made once per document.

spaCy makes a new :class:`~spacy.tokens.Token` object on every access, and the
events layer walks the same few verbs' children many times; caching them per
document (in ``doc.user_data``, dropped by :func:`release`) keeps the layer cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

_KIDS_KEY = "dateline.events.children"


def kids(token: Token) -> list[Token]:
    """The children of a token, made once per document (spaCy builds new Token objects on every walk)."""
    cache = token.doc.user_data.get(_KIDS_KEY)
    if cache is None:
        cache = token.doc.user_data[_KIDS_KEY] = {}
    found = cache.get(token.i)
    if found is None:
        found = cache[token.i] = list(token.children)
    return found


_MEMO_KEY = "dateline.events.memo"
_UNSET = object()


def memo(token: Token, name: str, compute: Callable[[Token], Any]) -> Any:
    """``compute(token)``, computed once per token and per name for the document."""
    cache = token.doc.user_data.get(_MEMO_KEY)
    if cache is None:
        cache = token.doc.user_data[_MEMO_KEY] = {}
    key = (name, token.i)
    found = cache.get(key, _UNSET)
    if found is _UNSET:
        found = cache[key] = compute(token)
    return found


def lefts(token: Token) -> list[Token]:
    return [c for c in kids(token) if c.i < token.i]


def rights(token: Token) -> list[Token]:
    return [c for c in kids(token) if c.i > token.i]


def release(doc: Doc) -> None:
    """Drop the cache of children from a document."""
    doc.user_data.pop(_KIDS_KEY, None)
    doc.user_data.pop(_MEMO_KEY, None)

