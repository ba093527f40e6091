"""Background work that is not SQL on the open store: one helper, picard's shape.

:meth:`TaskRunner.run_task` runs ``func()`` on a pool thread and hands
``callback(result, error)`` to the UI thread; :meth:`TaskRunner.to_main`
queues any call to the UI thread. The sync worker (its HTTP drains), the
purge scheduler's runs and the start-up warm-up all go through it; SQL on the
window's open database stays the :class:`~app.workers.db_thread.DbThread`'s.

Work is grouped in *lanes*, each a pool of its own: a lane of one thread runs
its tasks one after the other (a sync drain, then the status read asked
meanwhile), a wider lane runs them side by side. Once :meth:`TaskRunner.stop`
is called, nothing more runs: a new task is refused and the callbacks of the
tasks still going are dropped.

Usage (UI thread)::

    runner.run_task(lambda: fetch(url), lambda result, error: show(result, error))
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

#: The lane of tasks given no lane (short, independent jobs).
DEFAULT_LANE = "tasks"
DEFAULT_WORKERS = 2

Callback = Callable[[Any, BaseException | None], None]


def log_bug(what: str, exc: BaseException) -> None:
    """Log a programming error without its message (it could quote personal data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames))
    log.error("%s failed with %s at %s", what, type(exc).__qualname__, where or "?")


class TaskRunner(QObject):
    """Pool threads for background work, and the way back to the UI thread.

    Create it in the UI thread: :meth:`to_main` runs its calls in the thread
    this object lives in.
    """

    _to_main = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._sizes: dict[str, int] = {}
        self._lock = threading.Lock()
        self._stopped = False
        # Always queued: a call made from the UI thread itself also waits for the event loop.
        self._to_main.connect(self._call, Qt.ConnectionType.QueuedConnection)

    @property
    def stopped(self) -> bool:
        return self._stopped

    def define_lane(self, lane: str, *, workers: int) -> str:
        """Say how many threads *lane* runs (1: its tasks one after the other); returns *lane*."""
        with self._lock:
            self._sizes[lane] = workers
        return lane

    def executor(self, lane: str = DEFAULT_LANE) -> ThreadPoolExecutor:
        """The pool of *lane*, made when first asked for (its size from :meth:`define_lane`,
        else two threads). Raises ``RuntimeError`` once the runner is stopped.
        """
        with self._lock:
            if self._stopped:
                raise RuntimeError("the task runner is stopped")
            pool = self._lanes.get(lane)
            if pool is None:
                workers = self._sizes.get(lane, DEFAULT_WORKERS)
                pool = ThreadPoolExecutor(
                    max_workers=workers, thread_name_prefix=f"tracing-desk-{lane}"
                )
                self._lanes[lane] = pool
            return pool

    def run_task(
        self,
        func: Callable[[], Any],
        callback: Callback | None = None,
        *,
        lane: str = DEFAULT_LANE,
    ) -> Future[None] | None:
        """Run ``func()`` on a thread of *lane*; then ``callback(result, error)`` on the UI thread.

        *error* is the exception ``func`` raised (``result`` is then ``None``);
        without a callback, an exception is logged as a bug (type and place
        only). Returns the task's future, or ``None`` when the runner is stopped
        (the task is not run).
        """

        def task() -> None:
            try:
                result = func()
            except Exception as exc:  # every failure must reach the caller or the log
                if callback is None:
                    log_bug("a background task", exc)
                else:
                    self.to_main(callback, None, exc)
                return
            if callback is not None:
                self.to_main(callback, result, None)

        try:
            return self.executor(lane).submit(task)
        except RuntimeError:  # stopped (or its lane was closed meanwhile): nothing runs
            return None

    def to_main(self, func: Callable[..., Any], *args: Any) -> None:
        """Call ``func(*args)`` on the UI thread, soon (from any thread)."""
        if not self._stopped:
            self._to_main.emit(partial(func, *args))

    @Slot(object)
    def _call(self, call: Callable[[], Any]) -> None:
        if self._stopped:  # the program is stopping: no result is shown any more
            return
        call()

    def close_lane(self, lane: str, *, wait: bool = False) -> None:
        """Stop *lane*: its queued tasks are dropped (the one running ends). Asked again,
        the lane starts afresh."""
        with self._lock:
            pool = self._lanes.pop(lane, None)
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def stop(self, *, wait: bool = True) -> None:
        """Refuse new tasks, drop queued ones and (by default) wait for the running ones."""
        with self._lock:
            self._stopped = True
            pools, self._lanes = list(self._lanes.values()), {}
        for pool in pools:
            pool.shutdown(wait=wait, cancel_futures=True)
