"""The retention purge, scheduled: at start-up, at the next deadline, daily, after sleep.

APScheduler (3.x, ``BackgroundScheduler``) holds four kinds of job:

- ``purge-now-…``: a run as soon as possible (start-up catch-up, wake-up,
  a manual request);
- ``purge-deadline``: a date trigger armed at the earliest upcoming deadline
  (a fiche, an acknowledged fiche under the "after transmission" rule, an
  exported file) and re-armed after every run and every change, so that a
  fiche is deleted at its deadline and not up to a day later;
- ``purge-daily``: the safety net;
- ``purge-wake-check``: every minute, compares how far the wall clock and the
  monotonic clock moved; a jump means the machine slept (or the clock was
  changed), and the purge runs at once.

Each run happens on a scheduler pool thread with its own database connection
(from the *open_db* factory), never on the UI thread, and only one at a time:
a run requested while another is going on is done right after it. Results go
to the UI by signal; the job never touches a widget.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.clock import Clock, get_clock
from app.core.errors import UserError
from app.db.connection import Database
from app.db.purge import PURGE_USER, PurgeReport, next_due
from app.services.retention import run_purge
from app.workers.db_thread import user_error_message

if TYPE_CHECKING:  # APScheduler loads with the first job, not with the main window
    from apscheduler.schedulers.base import BaseScheduler

log = logging.getLogger(__name__)

DEADLINE_JOB = "purge-deadline"
DAILY_JOB = "purge-daily"
WAKE_JOB = "purge-wake-check"
NOW_PREFIX = "purge-now-"
_NOW_IDS = itertools.count(1)
WAKE_CHECK_SECONDS = 60
WAKE_JUMP_SECONDS = 90


class PurgeJob(QObject):
    """Runs the purge on a schedule, off the UI thread.

    Signals:
        started(str): a run began (the reason: "demarrage", "echeance", "quotidien",
            "reveil", "demande"), emitted from the pool thread.
        finished(object): the :class:`PurgeReport` of a run.
        failed(str): a run failed; French message for the user.
        next_run_changed(object): the instant (UTC ``datetime``) the deadline
            trigger is armed for, or ``None`` when nothing is due.
    """

    started = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    next_run_changed = Signal(object)

    def __init__(
        self,
        open_db: Callable[[], Database],
        *,
        user: str = PURGE_USER,
        scheduler: BaseScheduler | None = None,
        scheduler_factory: Callable[[], BaseScheduler] | None = None,
        clock: Clock | None = None,
        wall_time: Callable[[], float] = time.time,
        monotonic_time: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_db = open_db
        self._user = user
        self._own_scheduler = scheduler is None and scheduler_factory is None
        self._scheduler: BaseScheduler | None = scheduler
        self._scheduler_factory = scheduler_factory
        self._clock = clock
        self._wall = wall_time
        self._mono = monotonic_time
        self._offset = wall_time() - monotonic_time()
        self._last_wall = wall_time()
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._again: str | None = None
        self._armed: datetime | None = None
        self._seen: datetime | None = None
        # one sequence for every job of the process: two sessions share a scheduler
        self._ids = _NOW_IDS
        self._closed = False
        self.last_report: PurgeReport | None = None

    @property
    def scheduler(self) -> BaseScheduler:
        """The scheduler given (or made by the factory given), else a ``BackgroundScheduler``
        of this job's own, made when first needed."""
        if self._scheduler is None and self._scheduler_factory is not None:
            self._scheduler = self._scheduler_factory()
        if self._scheduler is None:
            from apscheduler.schedulers.background import BackgroundScheduler

            self._scheduler = BackgroundScheduler(timezone=UTC)
        return self._scheduler

    # ------------------------------------------------------------ control

    def start(self) -> None:
        """Arm the safety nets and run a catch-up purge now (on a pool thread)."""
        if self._closed:
            return
        self.scheduler.add_job(
            self._run,
            "interval",
            hours=24,
            id=DAILY_JOB,
            args=["quotidien"],
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=None,
        )
        self.scheduler.add_job(
            self._check_wake,
            "interval",
            seconds=WAKE_CHECK_SECONDS,
            id=WAKE_JOB,
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=None,
        )
        if not self.scheduler.running:
            self.scheduler.start()
        self.request("demarrage")

    def shutdown(self, wait: bool = True) -> None:
        """Stop: the scheduler if this job created it (a running purge is waited for unless
        *wait* is false), else this job's entries in the scheduler it was given (whose
        owner stops it); nothing is scheduled by this job afterwards."""
        with self._state_lock:
            self._closed = True
        if self._scheduler is None:
            return
        if self._own_scheduler:
            stop_scheduler(self._scheduler, wait=wait)
            return
        from apscheduler.jobstores.base import JobLookupError

        for entry in self._scheduler.get_jobs():
            # The recurring entries only: a one-shot run is removed by the scheduler
            # itself once due (removing it here could race that removal and stop the
            # scheduler's thread); it does nothing once this job is closed.
            if getattr(entry.func, "__self__", None) is self and entry.id in (
                DAILY_JOB,
                WAKE_JOB,
            ):
                with contextlib.suppress(JobLookupError):
                    self._scheduler.remove_job(entry.id)

    @property
    def closed(self) -> bool:
        return self._closed

    def request(self, reason: str = "demande") -> None:
        """Run a purge as soon as possible on a pool thread."""
        if self._closed:
            return
        self.scheduler.add_job(
            self._run,
            id=f"{NOW_PREFIX}{next(self._ids)}",
            args=[reason],
            misfire_grace_time=None,
        )

    def data_changed(self, earliest: datetime | None = None) -> None:
        """Tell the job that fiches, settings or exports changed.

        With *earliest* (a deadline the caller knows, e.g. of the fiche just
        saved), the trigger is brought forward without touching the database;
        otherwise the next deadline is read again on a pool thread.
        """
        if earliest is not None:
            with self._state_lock:
                armed = self._armed
            if armed is None or earliest < armed:
                self._arm(earliest)
            return
        if self._closed:
            return
        self.scheduler.add_job(
            self.rearm_from_db, id=f"{NOW_PREFIX}{next(self._ids)}", misfire_grace_time=None
        )

    @property
    def armed_at(self) -> datetime | None:
        """When the deadline trigger will fire (UTC), if armed."""
        with self._state_lock:
            return self._armed

    # ----------------------------------------------------------- pool side

    def rearm_from_db(self) -> None:
        """Read the next deadline with a connection of this thread and arm the trigger."""
        try:
            db = self._open_db()
            try:
                when = next_due(db)
            finally:
                db.close()
        except Exception as exc:
            self._report_failure(exc)
            return
        self._arm(when)

    def _arm(self, when: datetime | None) -> None:
        """Arm the deadline trigger for *when*, an instant on the program's clock.

        The scheduler counts in real time: the trigger fires after the delay
        between the latest instant seen (clock, or an earlier run's high-water
        mark) and *when*. With the system clock that is *when* itself; with a
        clock set backwards it does not postpone; with a fake clock it does
        not fire at once over and over.
        """
        from apscheduler.jobstores.base import JobLookupError
        from apscheduler.triggers.date import DateTrigger

        with self._state_lock:
            if self._closed:  # a run ending after shutdown schedules nothing more
                return
            self._armed = when
            if when is not None:
                seen = max(self._now(), self._seen or self._now())
                real_now = datetime.fromtimestamp(self._wall(), UTC)
                run_date = real_now + max(when - seen, timedelta(0))
            if when is None:
                with contextlib.suppress(JobLookupError):
                    self.scheduler.remove_job(DEADLINE_JOB)
            else:
                self.scheduler.add_job(
                    self._run,
                    DateTrigger(run_date=run_date, timezone=UTC),
                    id=DEADLINE_JOB,
                    args=["echeance"],
                    replace_existing=True,
                    coalesce=True,
                    misfire_grace_time=None,
                )
        self.next_run_changed.emit(when)

    def _run(self, reason: str) -> None:
        """One purge, or a note to run again if one is already going on."""
        if self._closed:
            return
        if not self._run_lock.acquire(blocking=False):
            with self._state_lock:
                self._again = reason
            return
        try:
            while True:
                self._run_once(reason)
                with self._state_lock:
                    again, self._again = self._again, None
                if again is None:
                    break
                reason = again
        finally:
            self._run_lock.release()

    def _run_once(self, reason: str) -> None:
        self.started.emit(reason)
        try:
            db = self._open_db()
            try:
                report = run_purge(db, self._user, clock=self._clock)
            finally:
                db.close()
        except Exception as exc:
            self._report_failure(exc)
            # Try again in an hour rather than at the next daily run.
            self._arm(self._now() + timedelta(hours=1))
            return
        self.last_report = report
        with self._state_lock:
            self._seen = max(self._seen or report.as_of, report.as_of)
        self._arm(report.next_deadline)
        self.finished.emit(report)

    def _check_wake(self) -> None:
        """Run the purge when the wall clock moved much more than the monotonic one."""
        wall, mono = self._wall(), self._mono()
        offset = wall - mono
        jumped = abs(offset - self._offset) > WAKE_JUMP_SECONDS
        stalled = wall - self._last_wall > WAKE_CHECK_SECONDS + WAKE_JUMP_SECONDS
        self._offset, self._last_wall = offset, wall
        if jumped or stalled:
            log.info("clock jump or sleep detected: purge now")
            self.request("reveil")

    def _now(self) -> datetime:
        return (self._clock or get_clock()).now()

    def _report_failure(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):  # a known condition (the store, a setting): said
            message = user_error_message(exc)
        else:
            frames = traceback.extract_tb(exc.__traceback__)
            where = " <- ".join(f"{f.filename}:{f.lineno}" for f in reversed(frames))
            log.error("purge failed with %s at %s", type(exc).__qualname__, where or "?")
            message = QCoreApplication.translate(
                "PurgeJob",
                "La purge automatique a échoué ({name}) ; elle sera relancée. "
                "Le détail technique est dans le journal.",
            ).format(name=type(exc).__name__)
        self.failed.emit(message)


def stop_scheduler(scheduler: BaseScheduler, *, wait: bool = False) -> None:
    """Stop *scheduler* without racing its own thread.

    APScheduler 3 marks itself stopped *before* it takes the lock its thread
    holds while running due jobs; a one-shot job that thread then removes is
    looked for among the not-yet-started jobs, is not found, and
    ``JobLookupError`` kills the thread. So: pause (no new round starts),
    empty the stores (waits, under that lock, for a round in progress to end
    normally), and only then shut down. Nothing due is left for a last round.
    """
    from apscheduler.schedulers import SchedulerNotRunningError

    if not scheduler.running:
        return
    with contextlib.suppress(SchedulerNotRunningError):  # stopped meanwhile by someone else
        scheduler.pause()
        scheduler.remove_all_jobs()
    if scheduler.running:
        scheduler.shutdown(wait=wait)


def fire_pending(job: PurgeJob, now: datetime) -> list[str]:
    """Run, here and now, the jobs a paused scheduler holds that are due at *now*.

    For simulations with a fake clock (tests, what-if tools): "as soon as
    possible" jobs always, the deadline trigger when *now* reached it.
    Returns the ids run.
    """
    ran: list[str] = []
    for _ in range(1000):
        due: Any = None
        for j in job.scheduler.get_jobs():
            armed = job.armed_at
            if j.id.startswith(NOW_PREFIX) or (
                j.id == DEADLINE_JOB and armed is not None and armed <= now
            ):
                due = j
                break
        if due is None:
            return ran
        job.scheduler.remove_job(due.id)
        ran.append(due.id)
        due.func(*due.args)
    raise RuntimeError("scheduled jobs keep rescheduling themselves")
