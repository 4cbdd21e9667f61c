"""The one error catalogue shared by the library, the CLI and the REST API.

Each error has a stable code (``DL1xx`` input, ``DL2xx`` formats and fields,
``DL3xx`` configuration and models, ``DL4xx`` store, ``DL5xx`` REST API
requests, ``DL9xx`` internal), a message that says
what was received and what is accepted, and the CLI exit code and HTTP status
that every interface uses for it.  Interfaces never invent their own messages:
they print ``str(error)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorKind:
    """A catalogue entry: code, short title, exit code and HTTP status."""

    code: str
    title: str
    exit_code: int
    http_status: int


EMPTY_INPUT = ErrorKind("DL101", "empty input", 65, 422)
BINARY_INPUT = ErrorKind("DL102", "binary input", 65, 415)
INPUT_TOO_LARGE = ErrorKind("DL103", "input too large", 65, 413)
UNDECODABLE_INPUT = ErrorKind("DL104", "undecodable text", 65, 422)
UNREADABLE_PATH = ErrorKind("DL105", "unreadable path", 66, 404)
NO_INPUT_FOUND = ErrorKind("DL106", "no input found", 66, 404)
UNKNOWN_FORMAT = ErrorKind("DL201", "unknown format", 65, 415)
MALFORMED_RECORD = ErrorKind("DL202", "malformed record", 65, 422)
MISSING_FIELD = ErrorKind("DL203", "missing field", 65, 422)
BAD_VALUE = ErrorKind("DL204", "bad value", 64, 422)
NO_TEXT_EXTRACTED = ErrorKind("DL205", "no text extracted", 65, 422)
BAD_OPTION = ErrorKind("DL301", "bad option", 64, 400)
MODEL_MISSING = ErrorKind("DL302", "model missing", 69, 503)
NO_STORE = ErrorKind("DL401", "store not found", 66, 404)
BAD_STORE = ErrorKind("DL402", "store unreadable", 65, 500)
STORE_VERSION = ErrorKind("DL403", "store version", 65, 409)
NOT_FOUND = ErrorKind("DL404", "not in store", 66, 404)
TOKEN_MISSING = ErrorKind("DL501", "token required", 77, 401)
TOKEN_REFUSED = ErrorKind("DL502", "token refused", 77, 403)
BUSY = ErrorKind("DL503", "server busy", 75, 503)
TIMED_OUT = ErrorKind("DL504", "analysis timed out", 75, 504)
NO_ENDPOINT = ErrorKind("DL505", "no such endpoint", 64, 404)
BAD_METHOD = ErrorKind("DL506", "method not allowed", 64, 405)
INTERNAL = ErrorKind("DL901", "internal error", 70, 500)

CATALOGUE: tuple[ErrorKind, ...] = (
    EMPTY_INPUT,
    BINARY_INPUT,
    INPUT_TOO_LARGE,
    UNDECODABLE_INPUT,
    UNREADABLE_PATH,
    NO_INPUT_FOUND,
    UNKNOWN_FORMAT,
    MALFORMED_RECORD,
    MISSING_FIELD,
    BAD_VALUE,
    NO_TEXT_EXTRACTED,
    BAD_OPTION,
    MODEL_MISSING,
    NO_STORE,
    BAD_STORE,
    STORE_VERSION,
    NOT_FOUND,
    TOKEN_MISSING,
    TOKEN_REFUSED,
    BUSY,
    TIMED_OUT,
    NO_ENDPOINT,
    BAD_METHOD,
    INTERNAL,
)


class DatelineError(Exception):
    """Base of every error dateline raises on purpose.

    ``where`` names the file, line or record the error is about, so a message
    always points at the bad input.
    """

    kind: ErrorKind = INTERNAL

    def __init__(self, message: str, *, where: str | None = None, kind: ErrorKind | None = None):
        super().__init__(message)
        if kind is not None:
            self.kind = kind
        self.message = message
        self.where = where

    @property
    def code(self) -> str:
        return self.kind.code

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.kind.code} {self.kind.title}]"

    def to_dict(self) -> dict[str, str | None]:
        """The error as the REST API and JSON outputs report it."""
        return {
            "code": self.kind.code,
            "title": self.kind.title,
            "message": self.message,
            "where": self.where,
        }


class InputError(DatelineError):
    """The input itself cannot be read as an article (empty, binary, too large...)."""

    kind = EMPTY_INPUT


class FormatError(DatelineError):
    """The input is readable but not in a format or shape dateline accepts."""

    kind = UNKNOWN_FORMAT


class ConfigError(DatelineError):
    """An option or configuration value is wrong."""

    kind = BAD_OPTION


class ModelError(DatelineError):
    """A model that dateline needs is not installed or cannot be loaded."""

    kind = MODEL_MISSING


class RequestError(DatelineError):
    """A REST API request is refused as such: no or wrong token, busy, too slow, unknown route."""

    kind = NO_ENDPOINT


class StoreError(DatelineError):
    """The corpus store is missing, unreadable, of another version, or lacks what was asked."""

    kind = BAD_STORE
