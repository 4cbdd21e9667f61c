"""Routes that run the pipeline: analyze a posted article, ingest articles into the store."""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import APIRouter, Depends, Request

from dateline.config import MAX_BATCH_ARTICLES
from dateline.errors import (
    INTERNAL,
    MALFORMED_RECORD,
    TOKEN_MISSING,
    TOKEN_REFUSED,
    DatelineError,
    FormatError,
)
from dateline.ingest import Article, Reject
from dateline.schema import Analysis
from dateline.server import bodies
from dateline.server.analysis import check_layers, runner_for
from dateline.server.auth import may_read, may_write
from dateline.server.errors import ANALYZE, WRITE, ErrorDetail, error_json, responses
from dateline.server.models import AnalyzeRequest, ArticleIn, IngestItem, IngestResult, IngestStatus

router = APIRouter(prefix="/api", tags=["analysis"])
log = logging.getLogger("dateline.server")

_ANALYZE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": AnalyzeRequest.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "description": "The article text; metadata as "
                                  "query parameters."}},
    },
}
_INGEST_BODY = {
    "required": True,
    "content": {"application/json": {"schema": {"oneOf": [
        ArticleIn.model_json_schema(),
        {"type": "array", "items": ArticleIn.model_json_schema(), "minItems": 1, "maxItems": MAX_BATCH_ARTICLES},
    ]}}},
}


def _analyze_one(article: Article, layers: tuple[str, ...] | None, degraded: bool | None) -> Analysis:
    result = next(runner_for(layers).run([article], degraded=degraded))
    if isinstance(result, Reject):
        raise result.error
    return result


@router.post("/analyze", response_model=Analysis, summary="Analyze one article (not stored)",
             responses=responses(*ANALYZE, TOKEN_MISSING, TOKEN_REFUSED),
             openapi_extra={"requestBody": _ANALYZE_BODY}, dependencies=[Depends(may_read)])
async def analyze(request: Request, published: str | None = None, title: str | None = None,
                  source: str | None = None, url: str | None = None, id: str | None = None,
                  degraded: bool | None = None) -> Any:
    """Run the pipeline over a posted article and return its Analysis.

    The body is a JSON article (``{"text": ..., "title": ..., "layers": [...]}``)
    or the bare text as ``text/plain`` with metadata as query parameters.
    """
    settings = request.app.state.settings
    kind = bodies.require_type(request.headers.get("content-type"), ("application/json", "text/plain"))
    body = await request.body()
    if kind == "text/plain":
        _, charset = bodies.media_type(request.headers.get("content-type"))
        item = AnalyzeRequest(text=bodies.decode_text(body, charset), published=published, title=title,
                              source=source, url=url, id=id, degraded=degraded, layers=None)
    else:
        item = bodies.validate(AnalyzeRequest, bodies.parse_json(body))
    layers = check_layers(item.layers)
    article = bodies.to_article(item, origin="<request>", max_article_chars=settings.max_article_chars)
    try:
        return await request.app.state.analysis.run(lambda stop: _analyze_one(article, layers, item.degraded))
    except DatelineError as error:
        if error.kind is not INTERNAL:
            raise
        # A stage that breaks on this text: the request is answered, not the server failed.
        log.error("analysis failed: %s", error)
        return error_json(INTERNAL, f"the pipeline could not analyze this text: {error.message}", status=422)


def _rejected(index: int, article_id: str | None, error: DatelineError) -> IngestItem:
    return IngestItem(index=index, id=article_id, status=IngestStatus.REJECTED,
                      error=ErrorDetail.model_validate(error.to_dict()))


def _ingest_job(request: Request, pending: list[tuple[int, Article, bool | None]],
                results: dict[int, IngestItem], unreadable: list[Reject]) -> Any:
    """The worker's part: record unreadable items as rejects, skip unchanged articles, analyze the
    others and store each in its own transaction."""
    stores = request.app.state.stores

    def job(stop: threading.Event) -> None:
        from dateline.store import article_hash

        for reject in unreadable:
            stores.write(lambda s, r=reject: s.add_reject(r))
        for index, article, degraded in pending:
            if stop.is_set():
                return
            reader = stores.reader()
            if reader.status(article) == "unchanged":
                results[index] = IngestItem(index=index, id=article.id, status=IngestStatus.UNCHANGED,
                                            story_id=_story_of(reader, article), error=None)
                continue
            result = next(runner_for(None).run([article], degraded=degraded))
            if isinstance(result, Reject):
                stores.write(lambda s, r=result: s.add_reject(r))
                results[index] = _rejected(index, article.id, result.error)
                continue
            digest = article_hash(article)
            try:
                outcome = stores.write(lambda s, a=result, d=digest: s.add(a, content_hash=d))
            except DatelineError as error:
                results[index] = _rejected(index, article.id, error)
                continue
            except Exception as exc:  # a storage bug must not stop the batch; the transaction rolled back
                log.exception("storing %s failed", article.id)
                results[index] = _rejected(index, article.id, DatelineError(
                    f"storing the article failed: {type(exc).__name__}", kind=INTERNAL))
                continue
            results[index] = IngestItem(index=index, id=article.id, status=IngestStatus(outcome),
                                        story_id=_story_of(stores.reader(), article), error=None)

    return job


def _story_of(store: Any, article: Article) -> int | None:
    row = store.db.execute("SELECT story_id FROM articles WHERE id = ? OR (url = ? AND ? IS NOT NULL) "
                           "ORDER BY id = ? DESC LIMIT 1", (article.id, article.url, article.url,
                                                            article.id)).fetchone()
    return row[0] if row else None


@router.post("/articles", response_model=IngestResult, summary="Ingest articles into the store",
             responses=responses(*WRITE), openapi_extra={"requestBody": _INGEST_BODY},
             dependencies=[Depends(may_write)], tags=["articles"])
async def ingest(request: Request) -> Any:
    """Analyze and store one JSON article or a list of them (needs the token).

    Each article is stored in its own transaction and reported as added,
    replaced (an earlier version, same id or URL, is archived), unchanged
    (already stored; not analyzed again) or rejected with the reason; a bad
    article never stops the others.
    """
    settings = request.app.state.settings
    bodies.require_type(request.headers.get("content-type"), ("application/json",))
    data = bodies.parse_json(await request.body())
    records = data if isinstance(data, list) else [data]
    if isinstance(data, list) and not data:
        raise FormatError("the list of articles is empty", kind=MALFORMED_RECORD)
    if len(records) > settings.max_batch:
        raise FormatError(f"{len(records)} articles in one request; at most {settings.max_batch} are "
                          "accepted: split the batch", kind=MALFORMED_RECORD)
    results: dict[int, IngestItem] = {}
    pending: list[tuple[int, Article, bool | None]] = []
    unreadable: list[Reject] = []
    for index, record in enumerate(records):
        try:
            item = bodies.validate(ArticleIn, record, where=f"item {index}")
            article = bodies.to_article(item, origin=f"<request item {index}>",
                                        max_article_chars=settings.max_article_chars)
        except DatelineError as error:
            given = record.get("id") if isinstance(record, dict) else None
            results[index] = _rejected(index, given if isinstance(given, str) else None, error)
            unreadable.append(Reject(f"<request item {index}>", error))
            continue
        pending.append((index, article, item.degraded))
    timeout = settings.analysis_timeout * max(1, len(pending))
    await request.app.state.analysis.run(_ingest_job(request, pending, results, unreadable), timeout=timeout)
    items = [results[i] for i in sorted(results)]
    counts = {s.value: sum(1 for r in items if r.status is s) for s in IngestStatus}
    return IngestResult(items=items, **counts)
