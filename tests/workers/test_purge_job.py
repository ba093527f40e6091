"""The scheduled purge: start-up catch-up on a pool thread, the deadline trigger, one run
at a time, wake-up detection, failures, and a simulated year on a fake clock."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from pytestqt.qtbot import QtBot

from app.core import settings as s
from app.core.clock import FakeClock
from app.db import purge as purge_mod
from app.db.connection import Database
from app.db.errors import DatabaseLockedError
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.db.timefmt import from_db, to_db
from app.workers import purge_job
from app.workers.purge_job import DEADLINE_JOB, NOW_PREFIX, PurgeJob, fire_pending
from tests.support.purge import USER, contact, deadline_of, patient_zero, save_at


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def paused() -> Iterator[BackgroundScheduler]:
    """A scheduler that never fires by itself: the test fires the jobs on its fake clock."""
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.start(paused=True)
    yield scheduler
    scheduler.shutdown(wait=False)


def _now_jobs(job: PurgeJob) -> list[Any]:
    return [j for j in job.scheduler.get_jobs() if j.id.startswith(NOW_PREFIX)]


def test_start_catches_up_on_a_pool_thread_and_arms_the_next_deadline(
    qtbot: QtBot, fake_clock: FakeClock
) -> None:
    t0 = z(2100, 1, 10, 9)
    init_store()
    db = open_store()
    due, later = patient_zero(n=1), patient_zero(n=2)
    save_at(db, fake_clock, t0, due)
    save_at(db, fake_clock, t0 + timedelta(days=40), later)
    later_deadline = from_db(deadline_of(db, later.uuid))
    db.close()
    fake_clock.set(t0 + timedelta(days=100))

    threads: list[threading.Thread] = []

    def open_db() -> Database:
        threads.append(threading.current_thread())
        return open_store()

    job = PurgeJob(open_db)
    try:
        with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
            job.start()
        report = blocker.args[0]
        assert report.fiches == 1 and report.next_deadline == later_deadline
        assert threads and threading.main_thread() not in threads
        qtbot.waitUntil(lambda: job.armed_at == later_deadline)
        armed = job.scheduler.get_job(DEADLINE_JOB)
        # The scheduler counts real time: it fires after the delay left on the program's clock.
        expected = datetime.now(UTC) + (later_deadline - fake_clock.now())
        assert armed is not None and abs(armed.next_run_time - expected) < timedelta(seconds=30)
        assert {j.id for j in job.scheduler.get_jobs()} >= {
            purge_job.DAILY_JOB,
            purge_job.WAKE_JOB,
        }
    finally:
        job.shutdown()


def test_only_one_purge_runs_at_a_time(
    paused: BackgroundScheduler, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_store()
    running = 0
    most = 0
    calls: list[str] = []
    first_inside = threading.Event()
    release = threading.Event()
    real = purge_mod.purge

    def slow_purge(db: Database, user: str, **kw: Any) -> purge_mod.PurgeReport:
        nonlocal running, most
        running += 1
        most = max(most, running)
        calls.append(user)
        first_inside.set()
        release.wait(5)
        try:
            return real(db, user, **kw)
        finally:
            running -= 1

    monkeypatch.setattr(purge_job, "run_purge", slow_purge)
    job = PurgeJob(open_store, scheduler=paused)
    first = threading.Thread(target=job._run, args=["demarrage"])
    first.start()
    assert first_inside.wait(5)
    job._run("echeance")  # returns at once: noted to run again after the first
    job._run("reveil")
    assert len(calls) == 1
    release.set()
    first.join(5)
    assert most == 1
    assert len(calls) == 2  # the two requests made meanwhile coalesce into one more run


def test_wake_from_sleep_runs_the_purge(paused: BackgroundScheduler) -> None:
    wall, mono = [1_000_000.0], [50.0]
    job = PurgeJob(
        open_store, scheduler=paused, wall_time=lambda: wall[0], monotonic_time=lambda: mono[0]
    )
    wall[0] += 60
    mono[0] += 60
    job._check_wake()
    assert _now_jobs(job) == []
    # Suspended for two hours: the wall clock moved, the monotonic clock did not.
    wall[0] += 7200 + 60
    mono[0] += 60
    job._check_wake()
    [pending] = _now_jobs(job)
    assert pending.args == ("reveil",)


def test_a_failed_run_is_reported_and_retried_within_the_hour(
    qtbot: QtBot, paused: BackgroundScheduler, fake_clock: FakeClock
) -> None:
    def locked() -> Database:
        raise DatabaseLockedError()

    job = PurgeJob(locked, scheduler=paused)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job._run("quotidien")
    assert blocker.args[0] == str(DatabaseLockedError())
    assert job.armed_at == fake_clock.now() + timedelta(hours=1)


def test_any_known_problem_is_said_and_a_bug_is_logged_by_type(
    qtbot: QtBot,
    paused: BackgroundScheduler,
    fake_clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A UserError that is not a store error (a refused setting) is said as it is; anything
    else is a bug: a generic French message, logged with its type and frames only."""

    def refused() -> Database:
        raise s.SettingError("Délai de conservation refusé.")

    def bug() -> Database:
        raise RuntimeError("patient Dupont")  # a bug's text may quote personal data

    job = PurgeJob(refused, scheduler=paused)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job._run("quotidien")
    assert blocker.args == ["Délai de conservation refusé."]
    assert "purge failed" not in caplog.text

    job = PurgeJob(bug, scheduler=paused)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job._run("quotidien")
    assert "(RuntimeError)" in blocker.args[0] and "Dupont" not in blocker.args[0]
    assert "purge failed with RuntimeError at" in caplog.text and "Dupont" not in caplog.text
    assert job.armed_at == fake_clock.now() + timedelta(hours=1)


def test_data_changed_brings_the_trigger_forward(
    paused: BackgroundScheduler, fake_clock: FakeClock
) -> None:
    init_store()
    job = PurgeJob(open_store, scheduler=paused)
    soon = fake_clock.now() + timedelta(days=3)
    job.data_changed(soon + timedelta(days=1))
    job.data_changed(soon)
    job.data_changed(soon + timedelta(days=2))  # later: the armed trigger stays
    assert job.armed_at == soon
    job.data_changed()  # read again from the database: nothing stored, nothing due
    fire_pending(job, fake_clock.now())
    assert job.armed_at is None and job.scheduler.get_job(DEADLINE_JOB) is None


def test_a_simulated_year_never_lets_a_fiche_outlive_its_deadline(
    paused: BackgroundScheduler, fake_clock: FakeClock
) -> None:
    rng = random.Random(551)
    start = z(2026, 1, 1)
    end = z(2027, 1, 1)
    fake_clock.set(start)
    init_store()
    db = open_store()
    job = PurgeJob(open_store, scheduler=paused)
    job.start()
    fire_pending(job, start)

    seconds = int((end - start).total_seconds())
    creations = sorted(start + timedelta(seconds=rng.randrange(seconds)) for _ in range(260))
    probes = [start + timedelta(hours=7 * i) for i in range(seconds // (7 * 3600))]
    settings_change = z(2026, 7, 14, 15, 17)
    events: list[tuple[datetime, str]] = sorted(
        [(t, "create") for t in creations]
        + [(t, "probe") for t in probes]
        + [(settings_change, "settings"), (end + timedelta(days=100), "probe")]
    )
    saved: list[str] = []
    checks = 0
    lateness: list[timedelta] = []

    def due_before(t: datetime) -> int:
        row = db.query_one("SELECT count(*) FROM fiches WHERE deadline < ?", (to_db(t),))
        assert row is not None
        return int(row[0])

    def advance_to(t: datetime) -> None:
        # Fire the deadline trigger each time the clock reaches it, in order.
        while job.armed_at is not None and job.armed_at <= t:
            when = job.armed_at
            due = {
                str(u): from_db(str(d))
                for u, d in db.query(
                    "SELECT uuid, deadline FROM fiches WHERE deadline <= ?", (to_db(when),)
                )
            }
            fake_clock.set(when)
            fire_pending(job, when)
            lateness.extend(when - d for d in due.values())
            assert due_before(when + timedelta(microseconds=1)) == 0
        fake_clock.set(t)

    for t, kind in events:
        advance_to(t)
        assert due_before(t) == 0, f"a fiche outlived its deadline at {t}"
        checks += 1
        if kind == "create":
            pz = patient_zero(n=len(saved))
            fiches: list[Any] = [pz]
            if saved and rng.random() < 0.5:
                fiches.append(contact("Lié", pz, n=len(saved) + 10_000))
            save_at(db, fake_clock, t, *fiches)
            saved += [f.uuid for f in fiches]
            job.data_changed(min(from_db(deadline_of(db, f.uuid)) for f in fiches))
        elif kind == "settings":
            SettingsStore(db, USER).set(s.RETENTION_MONTHS, 2)
            job.data_changed()
            fire_pending(job, t)
            advance_to(t)
    assert checks > 1000
    row = db.query_one("SELECT count(*) FROM fiches")
    assert row is not None and int(row[0]) == 0
    purged = db.query(
        "SELECT count(*) FROM journal WHERE action = 'purge' AND fiche_uuid IS NOT NULL"
    )[0][0]
    assert purged == len(saved)
    # Every fiche went at its deadline exactly, except those whose deadline the
    # shorter setting moved into the past: they went at the change.
    late = [d for d in lateness if d > timedelta(0)]
    assert all(d <= timedelta(days=31) for d in late)
    assert len(late) < len(saved) // 4
    db.close()


def test_trigger_counts_from_the_latest_instant_seen(
    paused: BackgroundScheduler, fake_clock: FakeClock
) -> None:
    init_store()
    wall = [1_900_000_000.0]
    job = PurgeJob(open_store, scheduler=paused, wall_time=lambda: wall[0])
    seen = fake_clock.now()
    job._run("demarrage")  # the purge has now seen this instant
    fake_clock.set(seen - timedelta(days=10))  # the system clock is put back
    job.data_changed(seen + timedelta(hours=1))
    armed = job.scheduler.get_job(DEADLINE_JOB)
    real_now = datetime.fromtimestamp(wall[0], UTC)
    # One hour from now in real time, not ten days and one hour.
    assert armed is not None and armed.next_run_time == real_now + timedelta(hours=1)


def test_stopping_the_scheduler_while_it_hands_out_a_job_does_not_kill_its_thread() -> None:
    """APScheduler marks itself stopped before taking the lock its thread holds while
    handing out due jobs; a plain ``shutdown`` then made that thread look for the one-shot
    job among the unstarted ones and die with ``JobLookupError``."""
    from apscheduler.executors.pool import ThreadPoolExecutor

    handing_out, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    class SlowExecutor(ThreadPoolExecutor):  # type: ignore[misc]
        def _do_submit_job(self, job: Any, run_times: Any) -> None:
            handing_out.set()
            release.wait(5)
            super()._do_submit_job(job, run_times)

    previous_hook = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)  # type: ignore[assignment]
    try:
        scheduler = BackgroundScheduler(timezone=UTC, executors={"default": SlowExecutor(1)})
        scheduler.start()
        scheduler.add_job(lambda: None, id=f"{NOW_PREFIX}race")
        assert handing_out.wait(5)
        stopper = threading.Thread(target=purge_job.stop_scheduler, args=(scheduler,))
        stopper.start()
        stopper.join(0.2)  # the stop waits for the round in progress, in the pause
        release.set()
        stopper.join(5)
        assert not stopper.is_alive()
        assert not scheduler.running
    finally:
        threading.excepthook = previous_hook
    assert errors == []
