"""Every failure as JSON carrying the shared error catalogue's code, never a traceback.

The body is always ``{"error": {"code", "title", "message", "where"}}`` with
the catalogue's HTTP status: a :class:`~dateline.errors.DatelineError` keeps
its own kind; FastAPI's parameter validation becomes DL204 (DL202 for a body
that is not JSON); an unknown route DL505, a wrong method DL506.  An
unexpected exception is logged and answered DL901 without details.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import (
    BAD_METHOD,
    BAD_OPTION,
    BAD_VALUE,
    BINARY_INPUT,
    BUSY,
    INPUT_TOO_LARGE,
    INTERNAL,
    MALFORMED_RECORD,
    NO_ENDPOINT,
    NOT_FOUND,
    TIMED_OUT,
    TOKEN_MISSING,
    TOKEN_REFUSED,
    UNKNOWN_FORMAT,
    DatelineError,
    ErrorKind,
)

log = logging.getLogger("dateline.server")


class ErrorDetail(BaseModel):
    """One error of the catalogue, as every interface reports it."""

    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    message: str
    where: str | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    model_config = ConfigDict(extra="forbid")

    error: ErrorDetail


def error_json(kind: ErrorKind, message: str, where: str | None = None,
               status: int | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": kind.code, "title": kind.title, "message": message, "where": where}}
    return JSONResponse(body, status_code=status or kind.http_status, headers=headers)


def from_error(error: DatelineError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.kind is TOKEN_MISSING else None
    return error_json(error.kind, error.message, error.where, headers=headers)


def _describe(problem: dict[str, Any]) -> str:
    place = [str(p) for p in problem.get("loc", ()) if p != "body"]
    where = " ".join(place[:1]) + (f" '{'.'.join(place[1:])}'" if len(place) > 1 else "")
    return f"{where}: {problem.get('msg', 'invalid')}" if where else str(problem.get("msg", "invalid"))


def validation_response(error: RequestValidationError) -> JSONResponse:
    problems = list(error.errors())
    if any(str(p.get("type", "")).startswith("json") for p in problems):
        return error_json(MALFORMED_RECORD, "the request body is not valid JSON")
    text = "; ".join(_describe(p) for p in problems[:5]) or "invalid request"
    return error_json(BAD_VALUE, f"invalid request: {text}")


#: Catalogue kind for the HTTP errors Starlette raises itself.
_HTTP_KINDS = {404: NO_ENDPOINT, 405: BAD_METHOD, 413: INPUT_TOO_LARGE, 415: UNKNOWN_FORMAT}


def http_response(error: StarletteHTTPException) -> JSONResponse:
    kind = _HTTP_KINDS.get(error.status_code, BAD_VALUE if error.status_code < 500 else INTERNAL)
    message = {404: "no such endpoint; the API is described at /openapi.json and /docs",
               405: "this endpoint does not take that method; see /openapi.json"}.get(
        error.status_code, str(error.detail))
    return error_json(kind, message, status=error.status_code, headers=getattr(error, "headers", None))


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON error body."""

    async def on_dateline(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DatelineError)
        if exc.kind.http_status >= 500 and exc.kind not in (BUSY, TIMED_OUT):
            log.error("request failed: %s", exc)
        return from_error(exc)

    async def on_validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return validation_response(exc)

    async def on_http(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return http_response(exc)

    async def on_anything(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_json(INTERNAL, f"unexpected {type(exc).__name__}; the server log has details")

    app.add_exception_handler(DatelineError, on_dateline)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_anything)


def responses(*kinds: ErrorKind) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the error kinds a route may answer with."""
    out: dict[int | str, dict[str, Any]] = {}
    for kind in kinds:
        entry = out.setdefault(kind.http_status, {"model": ErrorBody, "description": ""})
        entry["description"] = ", ".join(filter(None, [entry["description"], f"{kind.code} {kind.title}"]))
    return out


#: Errors any route may answer with.
COMMON = (BAD_VALUE, BAD_OPTION, NO_ENDPOINT, BAD_METHOD, INPUT_TOO_LARGE)
#: Errors of routes that read the store (reads may need the token).
READ = (*COMMON, TOKEN_MISSING, TOKEN_REFUSED)
#: Errors of routes that analyze articles.
ANALYZE = (*COMMON, MALFORMED_RECORD, UNKNOWN_FORMAT, BINARY_INPUT, BUSY, TIMED_OUT)
WRITE = (*ANALYZE, TOKEN_MISSING, TOKEN_REFUSED)
LOOKUP = (*READ, NOT_FOUND)
