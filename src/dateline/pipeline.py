"""The runner: one article in, one :class:`~dateline.schema.Analysis` out.

An article flows through named stages.  Each stage declares the layers it
requires and the one it provides; the runner checks the order once, runs the
stages, and checks that each stage really provided its layer, naming the
stage that broke a record.  Stages before ``nlp`` run per article, ``nlp``
runs batched through spaCy's ``Language.pipe`` (the models load once per
process), stages after it run per article again.

A record that fails (bad input, or a stage error) becomes a
:class:`~dateline.ingest.Reject` and the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from dateline.config import FieldNames
from dateline.entities import extract_entities
from dateline.errors import DatelineError, FormatError, INTERNAL, MALFORMED_RECORD
from dateline.ingest import Article, ParsedDateline, Reject, article_from_text, parse_dateline
from dateline.ingest import parse_date
from dateline.nlp import load_pipeline, pipeline_versions
from dateline.normalize import NormalizedText, normalize
from dateline.schema import (
    Analysis,
    ArticleMeta,
    Dateline,
    Entity,
    Normalization,
    Sentence,
    Span,
)

log = logging.getLogger(__name__)

#: Articles sent to spaCy together; larger batches gain little on CPU.
DEFAULT_BATCH_SIZE = 16


@dataclass
class Context:
    """Everything known about one article while it moves through the stages."""

    article: Article
    degraded: bool | None = None
    layers: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    """A named step that reads some layers of a :class:`Context` and adds one."""

    name: str
    provides: str
    requires: tuple[str, ...]
    run: Callable[[Context], Any]


STAGES: dict[str, Stage] = {}


def register_stage(name: str, provides: str, requires: tuple[str, ...] = ()) -> Callable[
    [Callable[[Context], Any]], Callable[[Context], Any]
]:
    """Register a stage function under ``name`` (other packages may add their own)."""

    def decorate(func: Callable[[Context], Any]) -> Callable[[Context], Any]:
        STAGES[name] = Stage(name, provides, requires, func)
        return func

    return decorate


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


@register_stage("dateline", provides="dateline")
def _dateline_stage(ctx: Context) -> Dateline | None:
    parsed: ParsedDateline | None = parse_dateline(ctx.article.text)
    if parsed is None:
        return None
    text = ctx.article.text
    return Dateline(
        span=_span(text, *parsed.span),
        place=parsed.place,
        place_span=_span(text, *parsed.place_span) if parsed.place_span else None,
        agency=parsed.agency,
        agency_span=_span(text, *parsed.agency_span) if parsed.agency_span else None,
        date=parsed.date,
    )


@register_stage("normalize", provides="normalized")
def _normalize_stage(ctx: Context) -> NormalizedText:
    return normalize(ctx.article.text, force=ctx.degraded)


@register_stage("nlp", provides="doc", requires=("normalized",))
def _nlp_stage(ctx: Context) -> Any:  # pragma: no cover - the runner batches this stage
    return next(_parse([ctx]))


@register_stage("sentences", provides="sentences", requires=("doc", "normalized"))
def _sentences_stage(ctx: Context) -> list[Sentence]:
    normalized: NormalizedText = ctx.layers["normalized"]
    out = []
    for i, sent in enumerate(ctx.layers["doc"].sents):
        text = sent.text
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail <= lead:
            continue
        start, end = normalized.to_original(sent.start_char + lead, sent.start_char + trail)
        out.append(Sentence(index=len(out), span=_span(normalized.original, start, end)))
    return out


@register_stage("entities", provides="entities", requires=("doc", "normalized"))
def _entities_stage(ctx: Context) -> list[Entity]:
    return extract_entities(ctx.layers["doc"], ctx.layers["normalized"])


DEFAULT_STAGES = ("dateline", "normalize", "nlp", "sentences", "entities", "publication", "times",
                  "quotes", "claims", "places", "events")
#: Layers that later stages provide and that go into the Analysis as they are.
OPTIONAL_LAYERS = ("places", "publication", "times", "quotes", "claims", "events")


def check_order(names: Iterable[str]) -> list[Stage]:
    """Resolve stage names, checking each one's requirements come before it."""
    stages: list[Stage] = []
    provided: set[str] = set()
    for name in names:
        if name not in STAGES:
            known = ", ".join(sorted(STAGES))
            raise DatelineError(f"unknown stage '{name}'; known stages: {known}")
        stage = STAGES[name]
        missing = [r for r in stage.requires if r not in provided]
        if missing:
            raise DatelineError(f"stage '{name}' requires {missing} from an earlier stage")
        stages.append(stage)
        provided.add(stage.provides)
    if "normalized" not in provided:
        raise DatelineError("a pipeline needs the 'normalize' stage: every record keeps the normalization "
                            "verdict and maps its spans through it")
    return stages


def _parse(contexts: list[Context]) -> Iterator[Any]:
    """Run spaCy over the normalized texts, keeping known sentence starts."""
    nlp = load_pipeline()
    docs = []
    for ctx in contexts:
        normalized: NormalizedText = ctx.layers["normalized"]
        # The article-length bound (checked on input) is the only one: spaCy's follows it.
        nlp.max_length = max(nlp.max_length, len(normalized.text) + 1)
        doc = nlp.make_doc(normalized.text)
        if normalized.sentence_starts:
            starts = set(normalized.sentence_starts)
            for token in doc:
                if token.idx in starts:
                    token.is_sent_start = True
        docs.append(doc)
    for ctx, doc in zip(contexts, nlp.pipe(docs, batch_size=len(docs) or 1)):
        _dateline_is_no_subject(doc, ctx)
        yield doc


def _dateline_is_no_subject(doc: Any, ctx: Context) -> None:
    """A dateline (``GENEVA (Reuters) -``) says where the report was filed; when the parser makes
    it a subject of the first verb beside the real one, relabel it as the adverbial it is, so no
    later layer takes the city for the speaker or the actor."""
    found: Dateline | None = ctx.layers.get("dateline")
    if found is None:
        return
    mapped = ctx.layers["normalized"].from_original(found.span.start, found.span.end)
    if mapped is None:
        return
    start, end = mapped
    for token in doc:
        if token.idx >= end:
            break
        if token.idx >= start and token.dep_ in ("nsubj", "nsubjpass") and not (
                start <= token.head.idx < end) and any(
                c.dep_ == token.dep_ and c.idx >= end for c in token.head.children):
            token.dep_ = "npadvmod"


class Runner:
    """Runs the stages over articles; build one and reuse it for many."""

    def __init__(self, stages: Iterable[str] = DEFAULT_STAGES):
        self.stages = check_order(stages)
        names = [s.name for s in self.stages]
        split = names.index("nlp") if "nlp" in names else len(names)
        self.before = self.stages[:split]
        self.batched = self.stages[split : split + 1]
        self.after = self.stages[split + 1 :]
        #: Seconds spent in each stage so far, for benchmarks and profiling.
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}

    def _run_stage(self, stage: Stage, ctx: Context) -> None:
        started = time.perf_counter()
        try:
            value = stage.run(ctx)
        except DatelineError:
            raise
        except Exception as exc:  # a stage bug must not stop the batch
            log.exception("stage %s failed on %s", stage.name, ctx.article.origin or ctx.article.id)
            raise DatelineError(
                f"stage '{stage.name}' failed: {type(exc).__name__}: {exc}", kind=INTERNAL
            ) from exc
        finally:
            self.timings[stage.name] += time.perf_counter() - started
        ctx.layers[stage.provides] = value

    def _finish(self, ctx: Context) -> Analysis:
        article = ctx.article
        normalized: NormalizedText = ctx.layers["normalized"]
        dateline: Dateline | None = ctx.layers.get("dateline")
        published, published_from = article.published, article.published_from
        if published is None and dateline is not None and dateline.date:
            try:
                published = parse_date(dateline.date)
                published_from = "dateline" if published else None
            except DatelineError:
                ctx.warnings.append(f"dateline date '{dateline.date}' could not be read")
        return Analysis(
            article=ArticleMeta(
                id=article.id,
                title=article.title,
                source=article.source or (dateline.agency if dateline else None),
                url=article.url,
                published=published,
                published_from=published_from,
                origin=article.origin,
            ),
            text=article.text,
            normalization=Normalization(
                degraded=normalized.degraded,
                signals=dict(normalized.signals),
                text=normalized.text,
            ),
            dateline=dateline,
            sentences=ctx.layers.get("sentences", []),
            entities=ctx.layers.get("entities", []),
            **{layer: ctx.layers[layer] for layer in OPTIONAL_LAYERS if layer in ctx.layers},
            warnings=ctx.warnings,
            pipeline={"schema": Analysis.model_fields["schema_version"].default,
                      **pipeline_versions(), "stages": ",".join(s.name for s in self.stages)},
        )

    def run(
        self, articles: Iterable[Article | Reject], batch_size: int = DEFAULT_BATCH_SIZE,
        degraded: bool | None = None,
    ) -> Iterator[Analysis | Reject]:
        """Analyze articles in batches; pass rejects through in input order."""
        iterator = iter(articles)
        while True:
            chunk = list(islice(iterator, batch_size))
            if not chunk:
                return
            yield from self._run_chunk(chunk, degraded)

    def _run_chunk(
        self, chunk: list[Article | Reject], degraded: bool | None
    ) -> Iterator[Analysis | Reject]:
        results: list[Analysis | Reject | Context] = []
        for item in chunk:
            if isinstance(item, Reject):
                results.append(item)
                continue
            ctx = Context(item, degraded=degraded)
            try:
                for stage in self.before:
                    self._run_stage(stage, ctx)
                results.append(ctx)
            except DatelineError as error:
                results.append(Reject(item.origin or item.id, error))
        live = [r for r in results if isinstance(r, Context)]
        if self.batched and live:
            started = time.perf_counter()
            try:
                for ctx, doc in zip(live, _parse(live)):
                    ctx.layers["doc"] = doc
            except Exception:
                # A batch failure must not take the good records with it: retry one by one.
                for ctx in live:
                    ctx.layers["doc"] = self._parse_one(ctx)
            self.timings["nlp"] += time.perf_counter() - started
        for item in results:
            if not isinstance(item, Context):
                yield item
                continue
            if isinstance(item.layers.get("doc"), DatelineError):
                yield Reject(item.article.origin or item.article.id, item.layers["doc"])
                continue
            try:
                for stage in self.after:
                    self._run_stage(stage, item)
                yield self._finish(item)
            except DatelineError as error:
                yield Reject(item.article.origin or item.article.id, error)

    def _parse_one(self, ctx: Context) -> Any:
        try:
            return next(_parse([ctx]))
        except Exception as exc:
            return DatelineError(f"stage 'nlp' failed: {type(exc).__name__}: {exc}", kind=INTERNAL)


_default_runner: Runner | None = None


def default_runner() -> Runner:
    """The process-wide runner with the default stages."""
    global _default_runner
    if _default_runner is None:
        _default_runner = Runner()
    return _default_runner


def read(
    text: str,
    published: date | str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    degraded: bool | None = None,
) -> Analysis:
    """Analyze one article given as text.

    ``published`` (a date or an ISO string) anchors relative dates; ``degraded``
    forces (True) or forbids (False) the restoration of degraded text, which is
    otherwise detected.  Raises :class:`~dateline.errors.DatelineError` for
    input that is not an article (empty, binary, too large).

    >>> analysis = read("CAIRO (Reuters) - Egypt's president met officials in Cairo.")
    >>> [e.name for e in analysis.entities if e.type == "LOC"]
    ['Egypt', 'Cairo']
    """
    if not isinstance(text, str):
        raise FormatError(
            f"read() takes the article text as str, got {type(text).__name__}; "
            "use dateline.pipe() for records", kind=MALFORMED_RECORD,
        )
    article = article_from_text(text, id=id, published=published, origin="<text>")
    article.title, article.source, article.url = title, source, url
    result = next(default_runner().run([article], degraded=degraded))
    if isinstance(result, Reject):
        raise result.error
    return result


def _as_article(record: Any, fields: FieldNames, index: int) -> Article | Reject:
    """Accept an Article, a text string, or a mapping with article fields."""
    origin = f"<record {index}>"
    try:
        if isinstance(record, Article):
            return record
        if isinstance(record, str):
            return article_from_text(record, origin=origin)
        if isinstance(record, Mapping):
            text = record.get(fields.text)
            if not isinstance(text, str):
                raise FormatError(
                    f"record has no text field '{fields.text}' (fields: {sorted(map(str, record))})",
                    kind=MALFORMED_RECORD,
                )
            article = article_from_text(
                text,
                id=str(record[fields.id]) if record.get(fields.id) is not None else None,
                published=record.get(fields.published),
                origin=origin,
            )
            article.title = record.get(fields.title)
            article.source = record.get(fields.source)
            article.url = record.get(fields.url)
            return article
        raise FormatError(
            f"cannot read a {type(record).__name__} as an article; "
            "give a str, a mapping with a text field, or an Article",
            kind=MALFORMED_RECORD,
        )
    except DatelineError as error:
        return Reject(origin, error)


def pipe(
    records: Iterable[Any],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    fields: FieldNames = FieldNames(),
    degraded: bool | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> Iterator[Analysis]:
    """Analyze a stream of articles, loading the models once.

    ``records`` may hold text strings, mappings with article fields (names set
    by ``fields``) or :class:`~dateline.ingest.Article` objects.  Results come
    in input order; a record that cannot be analyzed is passed to ``on_reject``
    (by default logged as a warning) and skipped.
    """
    articles = (_as_article(r, fields, i) for i, r in enumerate(records))
    for result in default_runner().run(articles, batch_size=batch_size, degraded=degraded):
        if isinstance(result, Reject):
            if on_reject is not None:
                on_reject(result)
            else:
                log.warning("skipped %s: %s", result.origin, result.error)
            continue
        yield result


#: Layer modules that register their stages when imported; they import this
#: module for ``register_stage``, so they load last.
STAGE_MODULES = (
    "dateline.places.stage",  # places
    "dateline.times.stage",  # publication, times
    "dateline.attribution.stage",  # quotes, claims
    "dateline.events.stage",  # events
)
for _module in STAGE_MODULES:
    importlib.import_module(_module)
