"""Bytes to text: byte-order marks, then UTF-8, then charset-normalizer's best guess.

News files that are not UTF-8 are nearly always in a legacy Western code page
(cp1252, latin-1).  On short English text charset-normalizer cannot tell
cp1252 from its siblings and may name cp1250, which turns ``à`` into ``ŕ``; so
among the encodings it finds equally plausible, cp1252 wins.

Line-based readers (JSONL, CSV) decode while they stream: they pick the
encoding from the first bytes with :func:`stream_encoding`, decode with
``surrogateescape`` so a bad byte stays on its own line, and ask
:func:`recover` to re-read just that line.  A file whose first bytes hold both
UTF-8 lines and legacy lines is streamed as UTF-8, the legacy lines recovered
one by one.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from dateline.config import BINARY_CONTROL_RATIO
from dateline.errors import BINARY_INPUT, UNDECODABLE_INPUT, InputError

#: Byte-order marks and the codec that reads past them; UTF-32 first, as its
#: little-endian mark starts with UTF-16's.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings preferred, in order, when charset-normalizer rates them as plausible
#: as its best guess (see the module docstring).
TIE_BREAK_ENCODINGS: tuple[str, ...] = ("cp1252",)
#: Bytes looked at to call input binary: enough to be sure, cheap on huge files.
BINARY_SAMPLE_BYTES = 65_536

#: C0 controls other than tab, newlines, vertical tab and form feed, and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = {c: None for c in _CONTROL_BYTES}
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True if ``data`` holds a NUL byte or too many control bytes to be text.

    The control-byte share is measured on the first :data:`BINARY_SAMPLE_BYTES`
    against :data:`~dateline.config.BINARY_CONTROL_RATIO`.  Callers skip this
    for UTF-16/32 input, where NUL bytes are normal.
    """
    if b"\x00" in data:
        return True
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > BINARY_CONTROL_RATIO


def refuse_binary(data: bytes, *, where: str | None = None) -> None:
    """Raise ``BINARY_INPUT`` if ``data`` looks binary and carries no UTF-16/32 byte-order mark."""
    if bom_encoding(data) is None and looks_binary(data):
        raise _binary(where)


def decode_bytes(data: bytes, *, where: str | None = None) -> str:
    """Decode a whole file or message to text.

    Raises:
        InputError: ``BINARY_INPUT`` for binary data, ``UNDECODABLE_INPUT``
            when neither UTF-8 nor any encoding charset-normalizer knows reads
            it as plausible text.
    """
    marked = bom_encoding(data)
    if marked is not None:
        try:
            return data.decode(marked)
        except UnicodeDecodeError as error:
            raise _undecodable(
                f"bytes are not valid {marked} despite its byte-order mark", where
            ) from error
    if looks_binary(data):
        raise _binary(where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = guess_decode(data)
    if guess is None:
        raise _undecodable("bytes are not UTF-8 and no known text encoding reads them", where)
    return guess[0]


def guess_decode(data: bytes) -> tuple[str, str] | None:
    """Text and encoding of charset-normalizer's best guess, or ``None`` if nothing fits."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for preferred in TIE_BREAK_ENCODINGS:
        tied = [m for m in matches if m.encoding == preferred and m.chaos <= best.chaos]
        if tied:
            best = tied[0]
            break
    text = str(best)
    if control_share(text) > BINARY_CONTROL_RATIO:
        return None  # "decodes" only into control characters: not text
    return text, best.encoding


def stream_encoding(head: bytes, *, complete: bool, where: str | None = None) -> str:
    """The encoding to stream a line-based file with, judged from its first bytes.

    ``complete`` says whether ``head`` is the whole input; if not, a multi-byte
    character cut at its end is not held against UTF-8.

    Raises:
        InputError: ``BINARY_INPUT`` or ``UNDECODABLE_INPUT``, as :func:`decode_bytes`.
    """
    marked = bom_encoding(head)
    if marked is not None:
        return marked
    if looks_binary(head):
        raise _binary(where)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _has_utf8_line(head, complete=complete):
        return "utf-8"  # a UTF-8 file with a few legacy lines: recover() reads those one by one
    guess = guess_decode(head)
    if guess is None:
        raise _undecodable("bytes are not UTF-8 and no known text encoding reads them", where)
    return guess[1]


def recover(text: str, encoding: str) -> str | None:
    """Re-read a piece of text decoded with ``surrogateescape``.

    Returns ``text`` itself when every byte decoded, the best guess for the
    piece's original bytes when some did not, or ``None`` if nothing reads them.
    """
    if not _ESCAPED_BYTE.search(text):
        return text
    raw = text.encode(encoding, "surrogateescape")
    guess = guess_decode(raw)
    return guess[0] if guess is not None else None


def _has_utf8_line(head: bytes, *, complete: bool) -> bool:
    """True if some line of ``head`` with non-ASCII bytes is valid UTF-8."""
    lines = head.split(b"\n")
    if not complete:
        lines = lines[:-1]  # the last line may be cut mid-character
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def control_share(text: str) -> float:
    """Share of characters in ``text`` that are control characters never seen in real text."""
    if not text:
        return 0.0
    return (len(text) - len(text.translate(_CONTROL_CHARS))) / len(text)


def _binary(where: str | None) -> InputError:
    return InputError(
        "input holds NUL bytes or many control bytes, so it looks binary; expected text "
        "(plain, JSON, CSV or HTML)",
        where=where,
        kind=BINARY_INPUT,
    )


def _undecodable(reason: str, where: str | None) -> InputError:
    return InputError(
        f"{reason}; expected UTF-8 or a common legacy encoding such as cp1252",
        where=where,
        kind=UNDECODABLE_INPUT,
    )
