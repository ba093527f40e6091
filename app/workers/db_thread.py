"""The one thread that talks to the encrypted database.

SQLCipher connections must stay in the thread that opened them, and the UI
thread must never wait on SQL, key derivation or opening. So the store is
opened *inside* this thread and every database job is a callable
``fn(db) -> result`` run here, one at a time, in submission order. Results
come back to the UI thread by signal on a :class:`Ticket`.

Usage (UI thread)::

    db_thread = DbThread()
    db_thread.start()
    t = db_thread.open(lambda: (open_store(), None))
    t.failed.connect(show_error)
    t2 = db_thread.submit(lambda db: FicheRepository(db, user).count(q))
    t2.finished.connect(on_count)
    ...
    db_thread.shutdown()      # closes the database in its thread

Known conditions (:class:`app.core.errors.UserError`: the store's, access,
export, decoding, settings errors…) fail the ticket with their French message;
anything else is a bug: it is logged (type and code location only, never the
exception text, which could quote personal data) and fails the ticket with a
generic French message (« Erreur interne »).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from app.core.errors import UserError

log = logging.getLogger(__name__)

#: A deferred write (the journal's consultation of a page) that found the store
#: locked by another connection is tried again after this delay.
DEFERRED_RETRY_MS = 1000


@dataclass(frozen=True)
class DbFailure:
    """Why a database job failed.

    ``message`` is French text meant for the user; ``internal`` is true for a
    programming error (already logged) rather than a known condition (``UserError``).
    """

    message: str
    error: BaseException
    internal: bool = False


class Ticket(QObject):
    """One submitted job, living in the UI thread.

    Signals:
        finished(object): the job's return value.
        failed(object): a :class:`DbFailure`.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, ticket_id: int) -> None:
        super().__init__()
        self.id = ticket_id
        self.flag = _CancelFlag()
        self.done = False

    def cancel(self) -> None:
        """Skip the job if it has not started yet, and drop its result in any case."""
        self.flag.cancelled = True

    @property
    def cancelled(self) -> bool:
        return self.flag.cancelled

    def tie_to(self, owner: QObject) -> Ticket:
        """Cancel this job if *owner* (whose slots get the result) is destroyed first."""
        owner.destroyed.connect(self.cancel)
        return self


class _CancelFlag:
    """Shared by a ticket (UI thread) and its job (database thread): a plain bool."""

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False


class _Job:
    """What crosses to the worker: plain Python, no QObject."""

    __slots__ = ("flag", "fn", "id", "is_open")

    def __init__(
        self, job_id: int, fn: Callable[..., Any], is_open: bool, flag: _CancelFlag
    ) -> None:
        self.id = job_id
        self.fn = fn
        self.is_open = is_open
        self.flag = flag


class _Worker(QObject):
    """Lives in the database thread; owns the Database object.

    Signals:
        done(int, bool, object): job id, success, result or DbFailure.
    """

    done = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._db: Any = None
        self._retry_armed = False

    @Slot(object)
    def run(self, job: _Job) -> None:
        if job.flag.cancelled:
            self.done.emit(job.id, False, None)
            return
        try:
            if job.is_open:
                self._close_db()
                db, info = job.fn()
                self._db = db
                result = info
            else:
                if self._db is None:
                    raise RuntimeError("database job submitted before the store was opened")
                result = job.fn(self._db)
        except Exception as exc:  # every failure must reach the UI
            self.done.emit(job.id, False, _failure_for(exc))
            return
        self.done.emit(job.id, True, result)
        self._flush_deferred()

    def _flush_deferred(self) -> None:
        """The writes a job left for after its answer (the journal's consultation of a
        page): the answer is on its way to the UI thread, the writes happen now."""
        db = self._db
        if db is None or not getattr(db, "has_deferred", False):  # (tests give fakes)
            return
        try:
            done = db.flush_deferred(wait=False)
        except Exception as exc:
            _log_bug("a deferred write", exc)
            return
        if not done and not self._retry_armed:  # another connection is writing
            self._retry_armed = True  # again in a moment; the jobs go on meanwhile
            QTimer.singleShot(DEFERRED_RETRY_MS, self, self._retry_deferred)

    def _retry_deferred(self) -> None:
        self._retry_armed = False
        self._flush_deferred()

    @Slot()
    def close(self) -> None:
        self._close_db()

    def _close_db(self) -> None:
        db, self._db = self._db, None
        if db is None:
            return
        try:
            db.close()
        except Exception as exc:
            _log_bug("closing the database", exc)


def _failure_for(exc: BaseException) -> DbFailure:
    if isinstance(exc, UserError):
        return DbFailure(user_error_message(exc), exc)
    _log_bug("a database job", exc)
    message = QCoreApplication.translate(
        "DbThread",
        "Erreur interne du programme ({name}). L’opération n’a pas été effectuée ; "
        "le détail technique est dans le journal.",
    ).format(name=type(exc).__name__)
    return DbFailure(message, exc, internal=True)


def user_error_message(exc: BaseException) -> str:
    """The user's message for a known condition, translated (in the error's ``context``).

    In French it is ``str(exc)``: the message, then the technical detail if any.
    """
    if not isinstance(exc, UserError):
        return str(exc)
    text = QCoreApplication.translate(exc.context, exc.template)
    if exc.params:
        try:
            text = text.format(**exc.params)
        except (KeyError, IndexError, ValueError):  # a translation's placeholders are wrong
            text = exc.message
    detail = exc.detail
    if detail:
        text = QCoreApplication.translate(
            "DbThread", "{message} (détail technique : {detail})"
        ).format(message=text, detail=detail)
    return text


def _log_bug(what: str, exc: BaseException) -> None:
    """Log a programming error without its message (it could quote personal data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames))
    log.error("%s failed with %s at %s", what, type(exc).__qualname__, where or "?")


class DbThread(QObject):
    """The database thread, seen from the UI thread.

    Signals:
        busy_changed(bool): true while at least one job is queued or running.
    """

    busy_changed = Signal(bool)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("tracing-desk-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.done.connect(self._on_done)
        # quit() may end the thread's loop before the queued close has run: the
        # thread's own last signal closes the database too, in that thread.
        self._thread.finished.connect(self._worker.close, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._worker.deleteLater)
        self._tickets: dict[int, Ticket] = {}
        self._ids = itertools.count(1)
        self._running = False
        #: How workers open their own connection to the store this thread opened
        #: (set by whoever opens it: it knows the passphrase of passphrase mode).
        self.store_opener: Callable[[], Any] | None = None

    # -- life cycle ------------------------------------------------------
    def start(self) -> None:
        if not self._running:
            self._thread.start()
            self._running = True

    @property
    def running(self) -> bool:
        return self._running

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Drop queued jobs, close the database in its thread and stop the thread.

        Waits for the job in progress (if any) to end: only called when the
        program quits. Returns false if the thread did not stop in time.
        """
        if not self._running:
            return True
        for ticket in self._tickets.values():
            ticket.cancel()
        self._close.emit()
        self._thread.quit()
        stopped = self._thread.wait(timeout_ms)
        self._running = False
        self._tickets.clear()
        return bool(stopped)

    # -- jobs --------------------------------------------------------------
    def open(self, opener: Callable[[], tuple[Any, Any]]) -> Ticket:
        """Run ``opener()`` in the thread; it returns ``(database, info)``.

        The database stays in the thread (a previous one is closed first);
        the ticket's ``finished`` gets ``info``.
        """
        return self._enqueue(opener, is_open=True)

    def submit(self, fn: Callable[[Any], Any]) -> Ticket:
        """Run ``fn(db)`` in the thread after every job submitted before it."""
        return self._enqueue(fn, is_open=False)

    def _enqueue(self, fn: Callable[..., Any], *, is_open: bool) -> Ticket:
        if not self._running:
            raise RuntimeError("DbThread.start() was not called")
        ticket = Ticket(next(self._ids))
        was_idle = not self._tickets
        self._tickets[ticket.id] = ticket
        if was_idle:
            self.busy_changed.emit(True)
        self._submit.emit(_Job(ticket.id, fn, is_open, ticket.flag))
        return ticket

    @Slot(int, bool, object)
    def _on_done(self, job_id: int, ok: bool, payload: object) -> None:
        ticket = self._tickets.pop(job_id, None)
        if ticket is None:
            return
        ticket.done = True
        try:
            if not ticket.cancelled:
                if ok:
                    ticket.finished.emit(payload)
                else:
                    ticket.failed.emit(payload)
        finally:
            if not self._tickets:
                self.busy_changed.emit(False)
