"""The request size limit, enforced before any route reads the body.

A body announced larger than the limit is refused from its headers; one that
streams past it (chunked, or a lying ``Content-Length``) is refused as soon as
it does.  Only bodies within the limit are held, so memory per request is
bounded by the limit.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import BAD_VALUE, INPUT_TOO_LARGE
from dateline.server.errors import error_json


class BodyLimit:
    """ASGI middleware: answer 413 (DL103) to bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self, size: str) -> Any:
        return error_json(INPUT_TOO_LARGE, f"request body has {size} bytes; at most "
                          f"{self.max_bytes:,} are accepted")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await error_json(BAD_VALUE, "the Content-Length header is not a number")(scope, receive, send)
                return
            if length > self.max_bytes:
                await self._too_large(f"{length:,}")(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(f"more than {self.max_bytes:,}")(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
