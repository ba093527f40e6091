"""Drives the sync client off the UI thread and reports by Qt signal.

The outbox is drained at start, every N minutes (setting ``sync.interval_minutes``),
on "Synchroniser maintenant" and when the network comes back. A drain runs on
a pool thread with its own database connection (``opener``), never on the UI
thread nor on the database thread (HTTP may take minutes). Only one drain runs
at a time: a request made meanwhile is remembered and runs right after; the
workstation-wide file lock keeps the command line and another window out too.

The network coming back is told by ``QNetworkInformation`` when a backend is
available; in any case, while the last drain found the service unreachable, a
light reachability probe (``GET /v1/health``) runs every ``probe_seconds``.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.core.clock import get_clock
from app.core.errors import UserError
from app.db.connection import Database
from app.db.errors import StoreError
from app.sync.config import SyncConfig, load_config
from app.workers.db_thread import user_error_message
from app.workers.tasks import TaskRunner

if TYPE_CHECKING:
    from app.sync import outbox
    from app.sync.backoff import RetryPolicy
    from app.sync.engine import SyncReport

# The sync client (its HTTP library, the engine, the outbox) is imported by the
# pool thread's jobs, when first used: the main window's start-up never loads it.

log = logging.getLogger(__name__)

Opener = Callable[[], Database]
_LANES = itertools.count(1)
#: A sync of more than this many fiches shows a progress bar.
LARGE_SYNC = 100


def read_status(db: Database) -> outbox.SyncStatus:
    """What the status bar shows; « en attente » is the one count of the service layer."""
    from app.sync import outbox

    return outbox.status(db, get_clock().now())


class SyncWorker(QObject):
    """The sync, seen from the UI thread.

    Signals:
        running_changed(bool): a drain started (True) or ended (False).
        progress(int, int): fiches processed, fiches to process.
        finished(object): the :class:`~app.sync.engine.SyncReport` of a drain.
        status_changed(object): a :class:`~app.sync.outbox.SyncStatus` (pending count, last sync).
        online_changed(bool): the central service answers (True) or not (False).
        token_required(str): the token is missing or refused; French message to show.
        failed(str): a problem that is not about the network or the token (French).
        not_configured(): « Synchroniser maintenant » was asked while no central
            service is configured (the window says how to configure one).
    """

    running_changed = Signal(bool)
    progress = Signal(int, int)
    finished = Signal(object)
    status_changed = Signal(object)
    online_changed = Signal(bool)
    token_required = Signal(str)
    failed = Signal(str)
    not_configured = Signal()
    _done = Signal(object, object)  # report, status (from the pool thread)
    _probed = Signal(bool)

    def __init__(
        self,
        opener: Opener,
        user: str,
        parent: QObject | None = None,
        *,
        probe_seconds: float = 30.0,
        config: SyncConfig | None = None,
        policy: RetryPolicy | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self._user = user
        self._config = config
        self._policy = policy
        # One lane of one thread: a drain, a status read, a token, a probe, one at a time.
        self._runner = runner or TaskRunner(self)
        self._own_runner = runner is None
        self._lane = self._runner.define_lane(f"sync-{next(_LANES)}", workers=1)
        self._cancel = threading.Event()
        self._running = False
        self._again = False
        self._asked = False  # a person asked for the next drain
        self._asked_current = False  # … and for the one running
        self._online: bool | None = None
        self._closed = False
        self._done.connect(self._on_done)
        self._probed.connect(self._on_probed)
        self.interval = QTimer(self)
        self.interval.timeout.connect(self.sync_now)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(int(probe_seconds * 1000))
        self.probe_timer.timeout.connect(self._probe)
        self._network: Any = None
        self.last_report: SyncReport | None = None
        self.configured = True

    # ----------------------------------------------------------- life cycle

    def start(self) -> None:
        """Drain once now, then on the interval; watch the network."""
        self._watch_network()
        self.sync_now()

    def shutdown(self, wait: bool = True) -> None:
        """Stop timers, cut a retry wait short and (by default) wait for the drain to end."""
        self._closed = True
        self._cancel.set()
        self.interval.stop()
        self.probe_timer.stop()
        if self._own_runner:
            self._runner.stop(wait=wait)
        else:
            self._runner.close_lane(self._lane, wait=wait)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def online(self) -> bool | None:
        return self._online

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
                self._network = QNetworkInformation.instance()
                self._network.reachabilityChanged.connect(self.on_reachability)
        except (ImportError, RuntimeError, AttributeError):
            self._network = None  # the periodic probe covers it

    @Slot(object)
    def on_reachability(self, reachability: Any) -> None:
        """The system says the network changed: sync when it is back."""
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()

    # ------------------------------------------------------------- actions

    @Slot()
    def request_sync(self) -> bool:
        """« Synchroniser maintenant »: like :meth:`sync_now`, and a missing set-up is said."""
        self._asked = True
        return self.sync_now()

    @Slot()
    def sync_now(self) -> bool:
        """Start a drain; if one is running, run another right after it. False if deferred."""
        if self._closed:
            return False
        if self._running:
            self._again = True
            return False
        self._running = True
        self._asked_current, self._asked = self._asked, False
        self._cancel.clear()
        self.running_changed.emit(True)
        if self._submit(self._drain_job) is None:  # the program is stopping
            self._running = False
            self.running_changed.emit(False)
            return False
        return True

    def refresh_status(self) -> Future[None] | None:
        """Read the pending count and last sync (pool thread); ``status_changed`` follows."""
        return self._submit(self._status_job)

    def save_token(self, token: str) -> Future[None] | None:
        """Keep a new token (keyring, or database in passphrase mode; pool thread), then sync."""
        return self._submit(lambda: self._token_job(token))

    def _submit(self, job: Callable[[], None]) -> Future[None] | None:
        """*job* on this worker's lane (``None`` once stopped: it does not run)."""
        if self._closed:
            return None
        return self._runner.run_task(job, lane=self._lane)

    # ------------------------------------------------------ pool-thread jobs

    def _config_for(self, db: Database) -> SyncConfig:
        return self._config or load_config(db, self._user)

    def _drain_job(self) -> None:
        from app.services.sync_setup import sync_now
        from app.sync.engine import SyncReport

        report: SyncReport | None = None
        status: outbox.SyncStatus | None = None
        try:
            db = self._opener()
            try:
                report = sync_now(
                    db,
                    self._user,
                    self._config_for(db),
                    policy=self._policy,
                    cancel=self._cancel,
                    progress=lambda done, total: self.progress.emit(done, total),
                )
                status = read_status(db)
                config = self._config_for(db)
                self._interval_minutes = config.interval_minutes
                self.configured = bool(config.server_url)
            finally:
                db.close()
        except UserError as exc:  # a known condition: its French message
            outcome = "store" if isinstance(exc, StoreError) else getattr(exc, "outcome", "error")
            report = SyncReport(outcome=outcome, message=user_error_message(exc))
        except Exception as exc:  # a bug: logged without its text (could quote data)
            log.error("sync job failed with %s", type(exc).__qualname__)
            report = SyncReport(outcome="error", message="Erreur interne de la synchronisation.")
        self._done.emit(report, status)

    def _status_job(self) -> None:
        try:
            db = self._opener()
            try:
                status = read_status(db)
            finally:
                db.close()
        except UserError:
            return
        except Exception as exc:  # a bug: logged without its text
            log.error("sync status failed with %s", type(exc).__qualname__)
            return
        self.status_changed.emit(status)

    def _token_job(self, token: str) -> None:
        from app.services.sync_setup import save_token

        try:
            db = self._opener()
            try:
                config = self._config_for(db)
                save_token(db, self._user, config.server_url, token, dev_mode=config.dev_mode)
            finally:
                db.close()
        except UserError as exc:
            self.token_required.emit(user_error_message(exc))
            return
        except Exception as exc:  # a bug: logged without its text
            log.error("saving the sync token failed with %s", type(exc).__qualname__)
            self.failed.emit("Erreur interne : le jeton n’a pas été enregistré.")
            return
        self._probed.emit(True)  # then sync (on the UI thread)

    def _probe_job(self) -> None:
        from app.sync.transport import CentralClient

        reachable = False
        try:
            db = self._opener()
            try:
                config = self._config_for(db)
            finally:
                db.close()
            with CentralClient(config, token="") as client:
                reachable = client.health()
        except UserError:
            reachable = False
        except Exception as exc:  # a bug: logged without its text
            log.error("sync probe failed with %s", type(exc).__qualname__)
        self._probed.emit(reachable)

    # ------------------------------------------------------ UI-thread slots

    @Slot()
    def _probe(self) -> None:
        if not self._running and not self._closed:
            self._submit(self._probe_job)

    @Slot(bool)
    def _on_probed(self, reachable: bool) -> None:
        if reachable:
            self._set_online(True)
            self.sync_now()

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.online_changed.emit(online)
        if online:
            self.probe_timer.stop()
        elif not self._closed and not self.probe_timer.isActive():
            self.probe_timer.start()

    @Slot(object, object)
    def _on_done(self, report: SyncReport, status: outbox.SyncStatus | None) -> None:
        self._running = False
        self.last_report = report
        self.running_changed.emit(False)
        if report.outcome == "offline":
            self._set_online(False)
        elif report.outcome in ("ok", "refused", "auth", "cancelled"):
            self._set_online(True)
        if report.outcome == "auth":
            self.token_required.emit(report.message)
        elif report.outcome == "config" and not self.configured:
            # No server address yet: sync is simply off, unless someone asked for it.
            if self._asked_current:
                self.not_configured.emit()
        elif report.outcome == "read_only":
            # Read-only store: the window's banner says it already; said again
            # only to someone who asked for this sync.
            if self._asked_current:
                self.failed.emit(report.message)
        elif report.outcome in ("config", "tls", "refused", "store", "error"):
            self.failed.emit(report.message)
        if status is not None:
            self.status_changed.emit(status)
        self.finished.emit(report)
        minutes = getattr(self, "_interval_minutes", None)
        if minutes and not self._closed:
            self.interval.setInterval(int(minutes) * 60_000)
            if not self.interval.isActive():
                self.interval.start()
        if self._again and not self._closed:
            self._again = False
            self.sync_now()
