"""Web addresses in text, as published or as a tokenizer left them.

A scraped page often opens with its own address; corpora tokenize it
(``http : / / www . a . com / 2008 / 12 / x - y . html``).  The clusterer
leaves names read inside an address out, and the publication date may be
read from one.
"""

from __future__ import annotations

import re

#: A web address, as published (``http://a.com/x-y``) or tokenized (``http : / / a . com / x - y``):
#: pieces of letters and digits joined by URL punctuation, never across a line break.  A join is
#: spaced only as tokenized text spaces it, with a space before its last mark (``a . com``, ``x= . y``);
#: a mark with a space after it alone (``a.com. Paris``, ``a.com: Obama``) ends the address.
_URL_PIECE = r"[\w~%+]+"
_URL_JOINT = r"[-./?=&#_:;!]"
#: A "." or ":" before a capitalized word or the end of the line: the sentence goes on, not the address.
_URL_STOP = r"[ \t]?[.:](?:[ \t]+(?-i:[A-ZÀ-ÖØ-Þ])(?:[^\W\d_]|['’-])*(?!\w)|[ \t]*(?:\n|\Z))"
_URL_MARK = rf"(?:(?!{_URL_STOP})[ \t]?{_URL_JOINT})"
_URL_JOIN = rf"{_URL_MARK}*(?!{_URL_STOP})(?:[ \t]{_URL_JOINT}[ \t]?|{_URL_JOINT})"
URL = re.compile(rf"(?:https?[ \t]?:[ \t]?/[ \t]?/[ \t]?|www(?:\.|[ \t]\.[ \t]?)){_URL_PIECE}"
                 rf"(?:{_URL_JOIN}{_URL_PIECE})*{_URL_MARK}*", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives web addresses (a scraped page often opens with its own)."""
    return [match.span() for match in URL.finditer(text)]


