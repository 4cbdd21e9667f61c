"""The API token: writes need it, reads too when the server is started with ``--token-reads``.

Clients send ``Authorization: Bearer <token>``.  The comparison is
constant-time (:func:`hmac.compare_digest`), so response times say nothing
about how much of a guess was right.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dateline.errors import TOKEN_MISSING, TOKEN_REFUSED, RequestError

bearer = HTTPBearer(auto_error=False, description="The token the server was started with "
                    "(--token or DATELINE_API_TOKEN).")


class TokenGuard:
    """Decides whether a request may read or write."""

    def __init__(self, token: str | None, open_reads: bool):
        self._token = token.encode("utf-8") if token else None
        self.open_reads = open_reads

    def check(self, credentials: HTTPAuthorizationCredentials | None, *, write: bool) -> None:
        """Raise DL501 (401) without a token, DL502 (403) with a wrong one or when writes are off."""
        if not write and self.open_reads:
            return
        if self._token is None:
            raise RequestError("this server is read-only: start it with --token (or DATELINE_API_TOKEN) "
                               "to accept writes", kind=TOKEN_REFUSED)
        if credentials is None or not credentials.credentials:
            action = "writing" if write else "reading"
            raise RequestError(f"{action} needs the API token: send 'Authorization: Bearer <token>'",
                               kind=TOKEN_MISSING)
        given = credentials.credentials.encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(given, self._token):
            raise RequestError("the API token is wrong", kind=TOKEN_REFUSED)


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def may_read(request: Request, credentials: Credentials) -> None:
    """Dependency of every read route."""
    request.app.state.guard.check(credentials, write=False)


def may_write(request: Request, credentials: Credentials) -> None:
    """Dependency of every write route."""
    request.app.state.guard.check(credentials, write=True)
