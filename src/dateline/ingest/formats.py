"""Which reader a file needs: the caller's format, else the extension, else a sniff."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.errors import UNKNOWN_FORMAT, FormatError
from dateline.ingest.decoding import bom_encoding

#: The formats dateline reads, by canonical name.
FORMATS: tuple[str, ...] = ("text", "jsonl", "json", "csv", "tsv", "html")
#: Other names accepted for a format (file extensions, mostly).
FORMAT_ALIASES: dict[str, str] = {
    "txt": "text",
    "plain": "text",
    "story": "text",
    "ndjson": "jsonl",
    "htm": "html",
}
#: Format of each known file extension; a file without extension is plain text.
EXTENSION_FORMATS: dict[str, str] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".story": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
}
#: A sniffed input starting with "<" is HTML only if one of these tags shows up.
HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|title|meta)\b", re.I)


def resolve_format(fmt: str) -> str:
    """The canonical name of a format the caller asked for.

    Raises:
        FormatError: ``UNKNOWN_FORMAT`` naming the accepted formats.
    """
    name = fmt.strip().lower().lstrip(".")
    name = FORMAT_ALIASES.get(name, name)
    if name not in FORMATS:
        raise FormatError(
            f"unknown format {fmt!r}; accepted: {', '.join(FORMATS)}", kind=UNKNOWN_FORMAT
        )
    return name


def format_for_path(path: Path) -> str | None:
    """The format a file's extension names, or ``None`` for an unknown extension."""
    return EXTENSION_FORMATS.get(path.suffix.lower())


def sniff_format(head: bytes) -> str:
    """Guess the format of input with no telling extension from its first bytes.

    ``{`` opens JSON Lines, ``<`` followed by HTML tags opens a page, anything
    else is read as plain text.
    """
    encoding = bom_encoding(head) or "utf-8"
    start = head.decode(encoding, "replace").lstrip("\ufeff \t\r\n")
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("<") and HTML_TAG.search(start):
        return "html"
    return "text"
