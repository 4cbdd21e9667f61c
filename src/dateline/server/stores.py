"""Store connections for a threaded server: one reader per thread, one writer behind a lock.

SQLite in WAL mode lets readers run while the writer commits, but a
connection must not serve two threads at once.  Each worker thread gets its
own read-only :class:`~dateline.store.Store`; writes go through the single
writer, whose story clusterer keeps state in memory, one at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dateline.store import Store

T = TypeVar("T")


class StoreAccess:
    """The store file of one server, opened (and created if missing) at start."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._writer = Store(self.path, create=True)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._readers_lock = threading.Lock()

    def reader(self) -> Store:
        """This thread's read connection (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, create=False)
            self._local.store = store
            with self._readers_lock:
                self._readers.append(store)
        return store

    def write(self, action: Callable[[Store], T]) -> T:
        """Run ``action`` on the writer, one writer at a time."""
        with self._write_lock:
            return action(self._writer)

    def close(self) -> None:
        with self._readers_lock:
            for store in self._readers:
                store.close()
            self._readers.clear()
        with self._write_lock:
            self._writer.close()
