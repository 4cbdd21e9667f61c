"""Article analysis off the event loop: a bounded thread pool with a per-request deadline.

The models load once per process (:func:`dateline.nlp.load_pipeline`); jobs
run in a small pool of worker threads, so the server keeps answering reads
while articles are analyzed.  At most ``workers + max_pending`` jobs are
admitted; beyond that a request is answered 503 (DL503) at once, which bounds
memory under load.  A request whose job outlives the deadline is answered 504
(DL504); the job is told to stop at its next article and keeps its slot until
it does.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from dateline.errors import BAD_VALUE, BUSY, TIMED_OUT, ConfigError, RequestError

if TYPE_CHECKING:
    from dateline.pipeline import Runner

T = TypeVar("T")

#: Layers a client may ask for, in pipeline order (the stage that provides each runs, and all before it).
LAYERS = ("dateline", "sentences", "entities", "publication", "times", "quotes", "claims", "places",
          "events")


class AnalysisService:
    """Runs analysis jobs in worker threads with admission control and deadlines."""

    def __init__(self, workers: int, max_pending: int, timeout: float):
        self.capacity = workers + max_pending
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dateline-analysis")
        self._admitted = 0
        self._lock = threading.Lock()

    @property
    def admitted(self) -> int:
        """Jobs running or waiting now."""
        return self._admitted

    def _release(self, _: Future[Any]) -> None:
        with self._lock:
            self._admitted -= 1

    async def run(self, job: Callable[[threading.Event], T], *, timeout: float | None = None) -> T:
        """Run ``job(stop)`` in a worker; ``stop`` is set when the deadline passes."""
        with self._lock:
            if self._admitted >= self.capacity:
                raise RequestError(f"{self._admitted} analyses are running or waiting; try again shortly",
                                   kind=BUSY)
            self._admitted += 1
        stop = threading.Event()
        try:
            future = self._executor.submit(job, stop)
        except RuntimeError as exc:  # shutting down
            self._release(Future())
            raise RequestError("the server is shutting down", kind=BUSY) from exc
        future.add_done_callback(self._release)
        limit = self.timeout if timeout is None else timeout
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), limit)
        except TimeoutError:
            stop.set()
            future.cancel()
            raise RequestError(f"the analysis took longer than {limit:g} s and was stopped; send a "
                               "shorter article or ask the operator to raise --timeout",
                               kind=TIMED_OUT) from None

    def warm(self) -> None:
        """Load the models and caches in a worker thread, before the first request needs them."""
        from dateline.pipeline import read

        self._executor.submit(read, "CAIRO (Reuters) - Egypt's president met officials in Cairo on "
                              "Monday, a spokesman said.").result()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def check_layers(layers: list[str] | None) -> tuple[str, ...] | None:
    """The requested layers, checked; None for all."""
    if not layers:
        return None
    unknown = [name for name in layers if name not in LAYERS]
    if unknown:
        raise ConfigError(f"unknown layer {', '.join(repr(u) for u in unknown)}; layers are "
                          f"{', '.join(LAYERS)}", kind=BAD_VALUE)
    return tuple(sorted(set(layers), key=LAYERS.index))


@lru_cache(maxsize=len(LAYERS) + 1)
def runner_for(layers: tuple[str, ...] | None) -> Runner:
    """The runner computing ``layers``: the default stages up to the last one asked for.

    Running a prefix of the pipeline keeps every stage's inputs in place, so a
    partial record equals the full one without the later layers.
    """
    from dateline.pipeline import DEFAULT_STAGES, STAGES, Runner, default_runner

    if layers is None:
        return default_runner()
    last = max(i for i, name in enumerate(DEFAULT_STAGES) if STAGES[name].provides in layers)
    # Every record holds the normalization, so the runner goes at least that far ("dateline" alone).
    return Runner(DEFAULT_STAGES[: max(last, DEFAULT_STAGES.index("normalize")) + 1])
