"""The program's one owner of background work: :class:`AppContext`.

The start-up flow creates it; it holds, starts and stops:

- the database thread (:class:`~app.workers.db_thread.DbThread`), the only
  place for SQL on the window's open store; the store is created or opened
  here (:meth:`AppContext.create_store`, :meth:`AppContext.open_store`), in
  that thread;
- the task runner (:class:`~app.workers.tasks.TaskRunner`): every other piece
  of background work, through :meth:`AppContext.run_task` /
  :meth:`AppContext.to_main`;
- the scheduler (APScheduler, made when first needed, its runs on the
  runner's ``purge`` lane);
- the session's workers: the retention purge
  (:class:`~app.workers.purge_job.PurgeJob`) and the sync
  (:class:`~app.workers.sync_worker.SyncWorker`, for the signed-in account).

:meth:`open_session` makes the workers of a signed-in account (those of the
previous one are stopped); :meth:`start` starts them (the main window calls it
once its first screen is drawn); :meth:`end_session` stops them (the window
closes); :meth:`stop` stops everything in order — the workers, the scheduler,
the task runner, then the database thread last — after which no job runs.
Menus and panels use the workers held here; they never create their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.db.purge import PURGE_USER
from app.db.store import StoreOpener, init_store, open_store, store_exists
from app.sync.config import get_override
from app.workers.db_thread import DbThread, Ticket
from app.workers.purge_job import PurgeJob, stop_scheduler
from app.workers.sync_worker import SyncWorker
from app.workers.tasks import DEFAULT_LANE, Callback, TaskRunner

if TYPE_CHECKING:  # APScheduler loads with the first purge, not with the main window
    from apscheduler.schedulers.base import BaseScheduler

    from app.db.connection import Database

log = logging.getLogger(__name__)

#: The scheduler's runs (purge, its wake-up check) share this lane of the runner.
PURGE_LANE = "purge"
PURGE_WORKERS = 4


@dataclass(frozen=True, eq=False)
class SessionWorkers:
    """The workers of one signed-in account's window."""

    user: str
    purge: PurgeJob
    sync: SyncWorker


class AppContext(QObject):
    """What runs in the background for one running program (create it in the UI thread).

    Signals:
        session_ended(): the session's workers were stopped.
        stopped(): everything was stopped, the database thread last.
    """

    session_ended = Signal()
    stopped = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        db_thread: DbThread | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        #: A database thread given by the caller is the caller's to stop (tests, tools).
        self._owns_db_thread = db_thread is None
        self.db_thread = db_thread or DbThread()
        self.runner = TaskRunner(self)
        self.runner.define_lane(PURGE_LANE, workers=PURGE_WORKERS)
        self._scheduler: BaseScheduler | None = None
        self.session: SessionWorkers | None = None
        self._session_started = False
        self._stopped = False

    # -- the database thread and the store ---------------------------------------------
    def start_db_thread(self) -> None:
        self.db_thread.start()

    def store_exists(self) -> bool:
        return store_exists(self.data_dir)

    def create_store(self, passphrase: str | None) -> Ticket:
        """Create the store (database thread) and keep it open there.

        The ticket's ``finished`` gets the creation's result (its ``recovery_code``).
        """
        data_dir = self.data_dir

        def create() -> tuple[object, object]:
            result = init_store(data_dir, passphrase=passphrase)
            return open_store(data_dir, passphrase=passphrase), result

        self.db_thread.store_opener = StoreOpener(data_dir, passphrase)
        return self.db_thread.open(create)

    def open_store(self, passphrase: str | None) -> Ticket:
        """Open the store (database thread: key derivation, migrations, checks) and keep it."""
        data_dir = self.data_dir

        def open_() -> tuple[object, None]:
            return open_store(data_dir, passphrase=passphrase), None

        self.db_thread.store_opener = StoreOpener(data_dir, passphrase)
        return self.db_thread.open(open_)

    @property
    def opener(self) -> Callable[[], Database]:
        """How a worker opens its own connection to the store the database thread opened."""
        return self.db_thread.store_opener or StoreOpener(self.data_dir)

    # -- one way to run work off the UI thread -----------------------------------------
    def run_task(
        self,
        func: Callable[[], Any],
        callback: Callback | None = None,
        *,
        lane: str = DEFAULT_LANE,
    ) -> Future[None] | None:
        """``func()`` on a pool thread, then ``callback(result, error)`` on the UI thread
        (see :meth:`TaskRunner.run_task`); ``None`` once stopped (nothing runs)."""
        return self.runner.run_task(func, callback, lane=lane)

    def to_main(self, func: Callable[..., Any], *args: Any) -> None:
        """Call ``func(*args)`` on the UI thread (from any thread)."""
        self.runner.to_main(func, *args)

    @property
    def scheduler(self) -> BaseScheduler:
        """The program's scheduler (made when first needed; its runs on the ``purge`` lane)."""
        if self._scheduler is None:
            from apscheduler.executors.pool import BasePoolExecutor
            from apscheduler.schedulers.background import BackgroundScheduler

            runner = self.runner

            class _RunnerExecutor(BasePoolExecutor):  # type: ignore[misc]
                def __init__(self) -> None:
                    super().__init__(runner.executor(PURGE_LANE))

                def shutdown(self, wait: bool = True) -> None:
                    runner.close_lane(PURGE_LANE, wait=wait)

            self._scheduler = BackgroundScheduler(
                timezone=UTC, executors={"default": _RunnerExecutor()}
            )
        return self._scheduler

    @property
    def scheduler_made(self) -> bool:
        return self._scheduler is not None

    # -- the session's workers -------------------------------------------------------------
    def open_session(self, user: str) -> SessionWorkers:
        """The purge and the sync for *user* (not started: see :meth:`start`); the previous
        session's workers are stopped first."""
        if self._stopped:
            raise RuntimeError("the application context is stopped")
        self.end_session()
        purge = PurgeJob(
            self.opener, user=PURGE_USER, scheduler_factory=lambda: self.scheduler, parent=self
        )
        sync = SyncWorker(self.opener, user, self, config=get_override(), runner=self.runner)
        self.session = SessionWorkers(user, purge, sync)
        self._session_started = False
        return self.session

    @property
    def purge_job(self) -> PurgeJob | None:
        return self.session.purge if self.session is not None else None

    @property
    def sync_worker(self) -> SyncWorker | None:
        return self.session.sync if self.session is not None else None

    @property
    def session_started(self) -> bool:
        return self._session_started

    def start(self, session: SessionWorkers | None = None) -> None:
        """Start the session's workers: the purge (schedule, catch-up run) and the sync
        (first drain, interval, network watch). Once per session, only the current one
        (*session*, when given, must be it); never after :meth:`stop`."""
        current = self.session
        if self._stopped or current is None or self._session_started:
            return
        if (session is not None and session is not current) or not self.db_thread.running:
            return
        self._session_started = True
        current.purge.start()
        current.sync.start()

    def end_session(self, session: SessionWorkers | None = None) -> None:
        """Stop the session's workers (a running drain or purge ends on its own); with
        *session*, only if it is still the current one (a window closed after another
        user signed in leaves the newcomer's workers alone)."""
        current = self.session
        if current is None or (session is not None and session is not current):
            return
        self.session = None
        self._session_started = False
        current.sync.shutdown(wait=False)
        current.purge.shutdown(wait=False)
        self.session_ended.emit()

    @property
    def is_stopped(self) -> bool:
        return self._stopped

    def stop(self, *, wait: bool = False) -> None:
        """Stop everything, in order: the workers, the scheduler, the task runner (with
        *wait*, its running tasks are waited for), then the database thread (its job in
        progress ends, the store is closed in it). Nothing runs afterwards."""
        if self._stopped:
            return
        self._stopped = True
        self.end_session()  # the jobs closed first: nothing is scheduled during the stop
        if self._scheduler is not None:
            stop_scheduler(self._scheduler, wait=False)
        self.runner.stop(wait=wait)
        if self._owns_db_thread:
            self.db_thread.shutdown()
        self.stopped.emit()
