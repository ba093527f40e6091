"""The application context: one owner of the background work (issue 14, item 4).

It owns the database thread, the task runner, the scheduler and the session's
purge and sync workers; it starts them after the first screen and stops them
in order (scheduler, workers, runner, database thread last); nothing runs
after it stopped. Its ``run_task`` helper calls back on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.db.store import init_store
from app.ui.main_window import MainWindow
from app.workers.context import AppContext
from app.workers.db_thread import DbThread
from app.workers.purge_job import PurgeJob
from app.workers.sync_worker import SyncWorker
from app.workers.tasks import TaskRunner

USER = "test:ui"


@pytest.fixture
def context(qtbot: QtBot, data_dir: Path) -> Iterator[AppContext]:
    """A context that owns its database thread, the store of *data_dir* open in it."""
    init_store(data_dir)
    ctx = AppContext(data_dir)
    ctx.start_db_thread()
    with qtbot.waitSignal(ctx.open_store(None).finished, timeout=10_000):
        pass
    yield ctx
    ctx.stop(wait=True)


def test_run_task_calls_back_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(result: object, error: BaseException | None) -> None:
        seen["result"], seen["error"] = result, error
        seen["callback_thread"] = QThread.currentThread()

    runner.run_task(work, done)
    qtbot.waitUntil(lambda: "callback_thread" in seen, timeout=5_000)
    assert seen["worker"] is False  # the work ran off the UI thread
    assert seen["callback_thread"] is ui_thread
    assert seen["result"] == 42 and seen["error"] is None

    def broken() -> None:
        raise ValueError("boom")

    runner.run_task(broken, done)
    qtbot.waitUntil(lambda: isinstance(seen.get("error"), ValueError), timeout=5_000)
    assert seen["result"] is None and seen["callback_thread"] is ui_thread
    runner.stop()


def test_to_main_from_a_pool_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    where: list[QThread] = []
    runner.run_task(lambda: runner.to_main(lambda: where.append(QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(where), timeout=5_000)
    assert where == [QThread.currentThread()]
    runner.stop()


def test_nothing_runs_after_stop(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    ran: list[str] = []
    called: list[object] = []
    runner.run_task(lambda: (gate.wait(5), ran.append("first")), lambda r, e: called.append(r))
    runner.stop(wait=False)
    gate.set()
    assert runner.run_task(lambda: ran.append("late")) is None
    qtbot.waitUntil(lambda: ran == ["first"], timeout=5_000)
    # The running task ended, but its callback is dropped: the program is stopping.
    with qtbot.assertNotEmitted(runner._to_main, wait=100):
        pass
    assert called == [] and ran == ["first"]


def test_lanes_of_one_thread_run_in_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.define_lane("serial", workers=1)
    order: list[int] = []
    futures = [runner.run_task(lambda i=i: order.append(i), lane="serial") for i in range(20)]
    for future in futures:
        assert future is not None
        future.result(timeout=5)
    assert order == list(range(20))
    runner.stop()


def test_context_owns_the_session_workers(context: AppContext) -> None:
    session = context.open_session(USER)
    assert isinstance(session.purge, PurgeJob) and isinstance(session.sync, SyncWorker)
    assert context.purge_job is session.purge and context.sync_worker is session.sync
    assert not context.scheduler_made  # APScheduler loads with the first purge
    # Another account signs in: the first one's workers stop, the new ones replace them.
    second = context.open_session("autre")
    assert session.purge.closed and session.sync._closed
    assert context.session is second
    # The first window closing afterwards leaves the newcomer's workers alone.
    context.end_session(session)
    assert context.session is second and not second.purge.closed


def test_start_then_stop_in_order(qtbot: QtBot, context: AppContext) -> None:
    session = context.open_session(USER)
    with (
        qtbot.waitSignal(session.sync.finished, timeout=10_000),
        qtbot.waitSignal(session.purge.finished, timeout=10_000),
    ):
        context.start(session)
    scheduler = context.scheduler
    assert scheduler.running
    assert {job.id for job in scheduler.get_jobs()} >= {"purge-daily", "purge-wake-check"}

    order: list[str] = []
    real_scheduler_shutdown = scheduler.shutdown
    real_sync = session.sync.shutdown
    real_purge = session.purge.shutdown
    real_runner = context.runner.stop
    real_db = context.db_thread.shutdown

    def spy(name, real):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            order.append(name)
            return real(*args, **kwargs)

        return call

    scheduler.shutdown = spy("scheduler", real_scheduler_shutdown)  # type: ignore[method-assign]
    session.sync.shutdown = spy("sync", real_sync)  # type: ignore[method-assign]
    session.purge.shutdown = spy("purge", real_purge)  # type: ignore[method-assign]
    context.runner.stop = spy("runner", real_runner)  # type: ignore[method-assign]
    context.db_thread.shutdown = spy("db", real_db)  # type: ignore[method-assign]
    with qtbot.waitSignal(context.stopped, timeout=10_000):
        context.stop(wait=True)
    # the jobs closed first (nothing is scheduled during the stop), the database thread last
    assert order == ["sync", "purge", "scheduler", "runner", "db"]
    assert not scheduler.running and not context.db_thread.running
    assert context.session is None

    # No job after stop: nothing starts, nothing is submitted, no session opens.
    context.start(session)
    assert context.run_task(lambda: None) is None
    assert not session.sync.sync_now()
    with pytest.raises(RuntimeError):
        context.open_session(USER)


def test_window_closed_stops_its_workers_db_thread_last(
    qtbot: QtBot, context: AppContext, data_dir: Path
) -> None:
    window = MainWindow(context.db_thread, data_dir, USER, context=context)
    qtbot.addWidget(window)
    assert window.purge.job is context.purge_job and window.sync_menu.worker is context.sync_worker
    window.show()
    qtbot.waitUntil(lambda: window.background_started, timeout=5_000)
    qtbot.waitUntil(lambda: context.session_started, timeout=5_000)
    workers = window.workers
    qtbot.waitUntil(lambda: workers.sync.last_report is not None, timeout=10_000)
    with qtbot.waitSignal(context.session_ended, timeout=5_000):
        window.close()
    assert workers.purge.closed and workers.sync._closed
    assert not workers.sync.sync_now()  # a closed window's worker runs nothing more
    assert context.db_thread.running  # the database thread outlives the window…
    context.stop(wait=True)
    assert not context.db_thread.running  # … and stops last, with the context


def test_a_window_alone_makes_and_stops_its_own_context(
    qtbot: QtBot, db_thread: DbThread, data_dir: Path
) -> None:
    from app.db.store import open_store

    init_store(data_dir)
    with qtbot.waitSignal(db_thread.open(lambda: (open_store(data_dir), None)).finished):
        pass
    open_thread = db_thread
    window = MainWindow(open_thread, data_dir, USER)
    qtbot.addWidget(window)
    own = window.context
    assert own.db_thread is open_thread and own.sync_worker is window.sync_menu.worker
    window.close()
    assert own.is_stopped
    assert open_thread.running  # not its thread to stop
