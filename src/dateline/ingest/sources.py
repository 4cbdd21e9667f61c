"""Turn the caller's inputs into sources to read: stdin, files, directories, globs.

Expanding never stops the batch: a path that does not exist or a pattern that
matches nothing becomes a :class:`~dateline.ingest.article.Reject` in place and
the next input is expanded.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from dateline.errors import (
    INPUT_TOO_LARGE,
    NO_INPUT_FOUND,
    UNREADABLE_PATH,
    DatelineError,
    InputError,
)
from dateline.ingest.article import Reject, make_reject
from dateline.ingest.formats import EXTENSION_FORMATS, format_for_path

#: The input name that means standard input.
STDIN = "-"
#: Origin of everything read from standard input.
STDIN_ORIGIN = "<stdin>"
#: Characters that make an input that is not an existing path a glob pattern.
GLOB_CHARS = frozenset("*?[")
#: Bytes read up front to sniff the format and spot binary input.
HEAD_BYTES = 65_536


@dataclass(frozen=True)
class Source:
    """One file (or stdin) to read, with the format it was given, if any.

    ``fmt`` is the caller's format or the one the extension names; ``None``
    means the reader sniffs the first bytes.
    """

    origin: str
    path: Path | None
    fmt: str | None


def expand_inputs(inputs: Sequence[str], *, fmt: str | None) -> Iterator[Source | Reject]:
    """Each input as the sources it stands for, in the order given.

    Directories are walked recursively in sorted order, skipping hidden files
    and folders and, unless ``fmt`` is given, files whose extension names no
    format.  Files named directly or matched by a glob are always read.
    """
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            yield Source(STDIN_ORIGIN, None, fmt)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _directory(path, fmt)
        elif path.exists() or path.is_symlink():
            yield _file(path, fmt)
        elif GLOB_CHARS & set(name):
            yield from _pattern(name, fmt)
        else:
            yield make_reject(
                name,
                InputError("no such file or directory", kind=UNREADABLE_PATH),
            )


def _file(path: Path, fmt: str | None) -> Source:
    return Source(str(path), path, fmt or format_for_path(path))


def _directory(root: Path, fmt: str | None) -> Iterator[Source | Reject]:
    found: list[Path] = []
    problems: list[Reject] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(root)
        problems.append(make_reject(str(where), _os_error(error)))

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in files:
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if fmt is None and format_for_path(path) is None:
                continue  # a README.md or a .pdf beside the articles
            found.append(path)
    yield from problems
    if not found and not problems:
        known = ", ".join(sorted(ext for ext in EXTENSION_FORMATS if ext))
        yield make_reject(
            str(root),
            InputError(
                f"directory holds no files with a known extension ({known}); "
                "give a format to read other files",
                kind=NO_INPUT_FOUND,
            ),
        )
    for path in sorted(found):
        yield _file(path, fmt)


def _pattern(pattern: str, fmt: str | None) -> Iterator[Source | Reject]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield make_reject(pattern, InputError("pattern matches no files", kind=NO_INPUT_FOUND))
        return
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _directory(path, fmt)
        else:
            yield _file(path, fmt)


class _Replay(io.RawIOBase):
    """A raw stream that gives back bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class Opened:
    """An open source: its first bytes for sniffing and a stream that starts over.

    ``size`` is the file size in bytes, ``None`` for stdin.  Use as a context
    manager; stdin is left open.
    """

    def __init__(self, source: Source, raw: BinaryIO, size: int | None, *, owned: bool):
        self.source = source
        self.origin = source.origin
        self.size = size
        self.head = raw.read(HEAD_BYTES)
        self.complete = len(self.head) < HEAD_BYTES
        self.stream: BinaryIO = io.BufferedReader(_Replay(self.head, raw))
        self._raw = raw
        self._owned = owned

    def read_all(self, cap: int, *, limit_name: str) -> bytes:
        """The whole input, refused unread if it is bigger than ``cap`` bytes.

        Raises:
            InputError: ``INPUT_TOO_LARGE``, saying which limit it passed.
        """

        def too_large(size: str) -> InputError:
            return InputError(
                f"input is {size} bytes; at most {cap:,} bytes are read ({limit_name})",
                where=self.origin,
                kind=INPUT_TOO_LARGE,
            )

        if self.size is not None and self.size > cap:
            raise too_large(f"{self.size:,}")
        data = self.stream.read(cap + 1)
        if len(data) > cap:
            raise too_large(f"more than {cap:,}")
        return data

    def __enter__(self) -> Opened:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._owned:
            self._raw.close()


def open_source(source: Source) -> Opened:
    """Open a source for reading.

    Raises:
        InputError: ``UNREADABLE_PATH`` when the file cannot be opened (missing,
            permission denied, a folder) or stdin is not available.
    """
    if source.path is None:
        stdin = getattr(sys, "stdin", None)
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            raise InputError(
                "standard input is not available", where=source.origin, kind=UNREADABLE_PATH
            )
        try:
            return Opened(source, buffer, None, owned=False)
        except OSError as error:
            raise _os_error(error, where=source.origin) from error
    try:
        raw = open(source.path, "rb")  # noqa: SIM115 - closed by Opened.__exit__
    except OSError as error:
        raise _os_error(error, where=source.origin) from error
    try:
        size = os.fstat(raw.fileno()).st_size
        return Opened(source, raw, size, owned=True)
    except OSError as error:
        raw.close()
        raise _os_error(error, where=source.origin) from error


def _os_error(error: OSError, *, where: str | None = None) -> DatelineError:
    reason = (error.strerror or str(error)).lower()
    return InputError(f"cannot read: {reason}", where=where, kind=UNREADABLE_PATH)
