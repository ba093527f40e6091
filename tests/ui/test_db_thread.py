from __future__ import annotations

import logging
import threading

import pytest

from app.workers.db_thread import DbFailure, DbThread


class FakeDb:
    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.closed_in: int | None = None

    def close(self) -> None:
        self.closed_in = threading.get_ident()


def _open(qtbot, db_thread: DbThread) -> FakeDb:
    holder: dict[str, FakeDb] = {}

    def opener():
        holder["db"] = FakeDb()
        return holder["db"], "ouverte"

    ticket = db_thread.open(opener)
    with qtbot.waitSignal(ticket.finished) as blocker:
        pass
    assert blocker.args == ["ouverte"]
    return holder["db"]


def test_jobs_run_in_the_db_thread_in_order(qtbot, db_thread):
    db = _open(qtbot, db_thread)
    assert db.thread != threading.get_ident()
    seen: list[int] = []
    tickets = [
        db_thread.submit(lambda d, i=i: (seen.append(i), threading.get_ident())[1])
        for i in range(20)
    ]
    with qtbot.waitSignal(tickets[-1].finished) as blocker:
        pass
    assert seen == list(range(20))
    assert blocker.args == [db.thread]


def test_shutdown_closes_the_database_in_its_thread(qtbot):
    t = DbThread()
    t.start()
    db = _open(qtbot, t)
    assert t.shutdown()
    assert db.closed_in == db.thread


def test_store_error_is_a_failure_with_its_french_message(qtbot, db_thread):
    errors = pytest.importorskip("app.db.errors")
    _open(qtbot, db_thread)

    def boom(db):
        raise errors.StoreError("Le disque est plein.")

    ticket = db_thread.submit(boom)
    with qtbot.waitSignal(ticket.failed) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure, DbFailure)
    assert failure.message == "Le disque est plein."
    assert not failure.internal


def test_bug_is_logged_without_its_message(qtbot, db_thread, caplog):
    _open(qtbot, db_thread)

    def bug(db):
        raise ValueError("DUPONT Jean 1 85 05 78 006 084 36")

    ticket = db_thread.submit(bug)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(ticket.failed) as blocker:
        pass
    failure = blocker.args[0]
    assert failure.internal
    assert "ValueError" in failure.message
    assert "DUPONT" not in failure.message
    assert "ValueError" in caplog.text
    assert "DUPONT" not in caplog.text


def test_job_before_open_fails(qtbot, db_thread, caplog):
    ticket = db_thread.submit(lambda db: 1)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(ticket.failed):
        pass


def test_cancelled_job_does_not_run(qtbot, db_thread):
    _open(qtbot, db_thread)
    gate = threading.Event()
    ran: list[str] = []
    first = db_thread.submit(lambda db: gate.wait(10))
    second = db_thread.submit(lambda db: ran.append("second"))
    third = db_thread.submit(lambda db: "third")
    second.cancel()
    gate.set()
    with qtbot.waitSignal(third.finished):
        pass
    assert first.done
    assert ran == []


def test_busy_changed(qtbot, db_thread):
    _open(qtbot, db_thread)
    states: list[bool] = []
    db_thread.busy_changed.connect(states.append)
    ticket = db_thread.submit(lambda db: None)
    with qtbot.waitSignal(ticket.finished):
        pass
    qtbot.waitUntil(lambda: states == [True, False])


def test_many_emits_keep_true_alive(qtbot, db_thread):
    """PySide6 6.12 drops a reference to True at every Python emit (see qt_compat)."""
    import sys

    _open(qtbot, db_thread)
    tickets = [db_thread.submit(lambda db: True) for _ in range(3000)]
    with qtbot.waitSignal(tickets[-1].finished):
        pass
    del tickets
    assert sys.getrefcount(True) > 1_000_000


def test_void_calls_keep_none_alive():
    """Each call of a C++ method returning nothing drops a reference to None."""
    import sys

    from PySide6.QtCore import QObject

    from app.workers import qt_compat

    probe = QObject()
    for _ in range(200_000):  # far more than None's references in a fresh process
        probe.setObjectName("x")
    assert qt_compat.install() or sys.getrefcount(None) > 1_000_000


def test_result_for_a_destroyed_owner_is_dropped(qtbot, db_thread):
    from PySide6.QtCore import QObject

    _open(qtbot, db_thread)
    started, gate = threading.Event(), threading.Event()
    owner = QObject()
    got: list[object] = []
    ticket = db_thread.submit(lambda db: (started.set(), gate.wait(10))).tie_to(owner)
    ticket.finished.connect(got.append)
    after = db_thread.submit(lambda db: "after")
    assert started.wait(10)  # the job is running when its owner goes away
    owner.deleteLater()
    qtbot.waitUntil(lambda: ticket.cancelled)
    with qtbot.waitSignal(after.finished):
        gate.set()
    assert got == []
