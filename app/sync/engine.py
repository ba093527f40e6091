"""Draining the outbox once: batches, retries, answers recorded, one run logged.

:func:`drain_once` is what the command, the worker and the tests call. It
takes the workstation's sync lock (one sync at a time), reads the
configuration and the token, then sends batches in queue order until the
queue is empty, the network gives up, the token is refused or *cancel* is set.
Each batch is rebuilt just before each attempt, so that a fiche that reached
its deletion deadline while retrying is left out (purge wins). The
Idempotency-Key of a batch is derived from its exact content: a retry of the
same batch, even by a restarted program after a crash, carries the same key.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from app import paths
from app.core.clock import get_clock
from app.core.i18n import QT_TRANSLATE_NOOP
from app.db.connection import Database
from app.sync import outbox
from app.sync.backoff import RetryPolicy, call_with_retries
from app.sync.config import SyncConfig, check_server_url, get_token, load_config
from app.sync.errors import ServerRefusedError, SyncError, TransientError
from app.sync.lock import SyncLock
from app.sync.transport import CentralClient, FicheOutcome

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

READ_ONLY_MESSAGE = QT_TRANSLATE_NOOP(
    "sync",
    "Synchronisation suspendue\u00a0: la base est ouverte en lecture seule, les fiches "
    "restent en attente sur ce poste jusqu’à sa réparation par le référent.",
)


@dataclass(slots=True)
class SyncReport:
    """What one drain did. ``outcome``: ok, offline, auth, refused, tls, config, busy,
    cancelled, read_only."""

    outcome: str = "ok"
    accepted: int = 0
    rejected: int = 0
    conflicts: int = 0
    remaining: int = 0
    expired: int = 0
    message: str = ""
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def idempotency_key(body: bytes) -> str:
    return "td1-" + hashlib.sha256(body).hexdigest()[:48]


def encode_batch(items: list[outbox.OutboxItem]) -> bytes:
    """``{"protocol":1,"fiches":[…]}``, compact, UTF-8: the texts of the items joined."""
    fiches = ",".join(i.payload_json() for i in items)
    return f'{{"protocol":1,"fiches":[{fiches}]}}'.encode()


class _Halt(threading.Event):
    """Set by the drain when it stops sending (a batch failed), or when *user* is set
    (the program quits): the POSTs queued behind a failed batch give up at once
    instead of spending their own retries."""

    def __init__(self, user: threading.Event) -> None:
        super().__init__()
        self._user = user

    def is_set(self) -> bool:
        return super().is_set() or self._user.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        end = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = _HALT_POLL if end is None else min(_HALT_POLL, end - time.monotonic())
            if left <= 0:
                return False
            super().wait(left)
        return True


_HALT_POLL = 0.1


@dataclass(slots=True)
class _InFlight:
    """A batch posted (or queued to be), its answer not recorded yet."""

    batch: list[outbox.OutboxItem]
    before: int
    """The queue position it was read after (read again from there on a 413)."""
    future: Future[tuple[dict[str, int], list[FicheOutcome]]]


class Drain:
    """One pass over the outbox with one client."""

    def __init__(
        self,
        db: Database,
        client: CentralClient,
        user: str,
        *,
        batch_size: int = 200,
        policy: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.user = user
        self.batch_size = batch_size
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.progress = progress
        self.rng = rng or random.Random()
        self.report = SyncReport()
        self._done = 0
        self._total = 0
        self._halt = _Halt(self.cancel)

    def _attempt(self, batch: list[outbox.OutboxItem]) -> tuple[dict[str, int], list[FicheOutcome]]:
        now = get_clock().now()
        live = [i for i in batch if i.deadline > now]  # purge wins, even between retries
        if not live:
            return {}, []
        body = encode_batch(live)
        outcomes = self.client.post_batch(body, idempotency_key(body))
        return {i.uuid: i.version for i in live}, outcomes

    def run(self) -> SyncReport:
        """Send every sendable batch, one POST in flight while the next is prepared.

        The POSTs go one after the other, in queue order, on a thread of their
        own; this thread meanwhile reads and encodes the next batch and records
        the previous batch's answers, so the local work hides behind the round
        trip (issue 16). The outbox changes only when an answer is recorded: a
        batch whose answer never comes stays pending and goes again, with the
        same Idempotency-Key if its content is the same.
        """
        total = outbox.count_sendable(self.db, get_clock().now())
        self._done, self._total = 0, total
        if self.progress:
            self.progress(0, total)
        after = 0
        flight: _InFlight | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracing-desk-post") as posts:
            while True:
                batch: list[outbox.OutboxItem] = []
                if not self.cancel.is_set():
                    in_flight = {i.uuid for i in flight.batch} if flight is not None else ()
                    batch = outbox.next_batch(
                        self.db, get_clock().now(), self.batch_size, after, stop_at=in_flight
                    )
                nxt = None
                if batch:
                    nxt = _InFlight(batch, after, posts.submit(self._send, batch))
                    after = batch[-1].position
                answered = flight is not None
                if flight is not None:
                    try:
                        redo = self._finish(flight)
                    except BaseException:
                        self._halt.set()  # the batch behind gives up its retries
                        if nxt is not None:  # its answer, if it came, is kept
                            self._finish_quietly(nxt)
                        raise
                    if redo is not None:  # 413: the same fiches again, in halves
                        if nxt is not None:
                            self._finish_quietly(nxt)
                        after, nxt = redo, None
                flight = nxt
                # Nothing left to read and nothing in flight; after an answer, read once
                # more: what was saved during the round trip goes in this drain too.
                if flight is None and not batch and not answered:
                    break
        if self.cancel.is_set():
            self.report.outcome = "cancelled"
        return self.report

    def _send(self, batch: list[outbox.OutboxItem]) -> tuple[dict[str, int], list[FicheOutcome]]:
        """On the POST thread: the batch, with its retries."""
        return call_with_retries(
            lambda: self._attempt(batch),
            self.policy,
            rng=self.rng,
            cancel=self._halt,
            on_retry=self._on_retry,
        )

    def _finish(self, flight: _InFlight) -> int | None:
        """Wait for *flight*'s answer and record it; the position to read again from when
        the service found the batch too large (413), else ``None``."""
        try:
            sent, outcomes = flight.future.result()
        except ServerRefusedError as exc:
            if exc.status != 413 or len(flight.batch) <= 1:
                raise
            log.info("sync: batch of %d refused as too large, halved", len(flight.batch))
            self.batch_size = max(1, len(flight.batch) // 2)
            return flight.before
        if sent:
            applied = outbox.apply_outcomes(self.db, outcomes, sent, get_clock().now(), self.user)
            self.report.accepted += applied.accepted
            self.report.rejected += applied.rejected
            self.report.conflicts += applied.conflicts
        self._done += len(flight.batch)
        if self.progress:
            self.progress(min(self._done, self._total), max(self._total, self._done))
        return None

    def _finish_quietly(self, flight: _InFlight) -> None:
        """:meth:`_finish` for a batch sent after one that failed: its answer is recorded
        if it came; its own failure is not the one to report."""
        try:
            self._finish(flight)
        except Exception as exc:
            log.info("sync: batch sent after a failed one also failed (%s)", type(exc).__name__)

    def _on_retry(self, attempt: int, delay: float, exc: TransientError) -> None:
        log.info("sync: retry %d in %.2f s after %s", attempt + 1, delay, type(exc).__name__)


def drain_once(
    db: Database,
    user: str,
    *,
    config: SyncConfig | None = None,
    policy: RetryPolicy | None = None,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    lock_dir: Path | None = None,
    rng: random.Random | None = None,
) -> SyncReport:
    """Send what is pending once; never raises a :class:`SyncError` (it is in the report).

    On a read-only store (:attr:`Database.write_refusal`) nothing is sent and
    nothing is recorded: the answers could not be kept, so the same fiches
    would go again and again. The report's outcome is ``read_only``.
    """
    if db.write_refusal is not None:
        now = get_clock().now()
        return SyncReport(
            outcome="read_only",
            message=READ_ONLY_MESSAGE,
            remaining=outbox.count_sendable(db, now),
            expired=outbox.count_expired_unsent(db, now),
        )
    started = get_clock().now()
    report = SyncReport()
    lock = SyncLock(lock_dir or paths.data_dir())
    locked = False
    try:
        lock.acquire()
        locked = True
        cfg = config or load_config(db, user)
        url = check_server_url(cfg.server_url, dev_mode=cfg.dev_mode)
        token = get_token(url, db)  # keyring, or the database in passphrase mode
        with CentralClient(cfg, token) as client:
            drain = Drain(
                db,
                client,
                user,
                batch_size=cfg.batch_size,
                policy=policy,
                cancel=cancel,
                progress=progress,
                rng=rng,
            )
            try:
                report = drain.run()
            except SyncError:
                report = drain.report
                raise
    except SyncError as exc:
        report.outcome = exc.outcome
        report.message = str(exc)
        report.retry_after = exc.retry_after
    finally:
        if locked:
            lock.release()
    now = get_clock().now()
    report.remaining = outbox.count_sendable(db, now)
    report.expired = outbox.count_expired_unsent(db, now)
    if report.outcome != "busy":
        _record(db, started, now, report)
    return report


def _record(db: Database, started: datetime, finished: datetime, report: SyncReport) -> None:
    outbox.record_run(
        db,
        started,
        finished,
        report.outcome,
        report.accepted,
        report.rejected,
        report.conflicts,
        report.remaining,
    )
