"""Writes that wait for the reader's answer (``Database.defer_write``, issue 16).

The journal's consultation of a page of the list is written just after the page
is handed over, not before: these tests check that it is never lost nor seen
missing on the same connection (a statement, a transaction or the closing runs
it first), and that the database thread writes it right after the answer.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlcipher3 import dbapi2 as sqlcipher

from app.core.enums import JournalAction
from app.core.models import PatientZero
from app.db.connection import Cursor, Database
from app.db.fiche_queries import FicheQuery
from app.db.store import open_store
from app.services.fiches import FicheService
from app.workers.db_thread import DbThread

USER = "infirmiere.test"


def _views(db: Database) -> list[str]:
    return [
        str(r[0])
        for r in db.query(
            "SELECT detail FROM journal WHERE action = ? ORDER BY id", (JournalAction.VIEW.value,)
        )
    ]


def test_a_page_of_the_list_is_journaled_before_anything_else_reads(db: Database) -> None:
    service = FicheService(db, USER)
    service.save(PatientZero(birth_name="Lefèvre", first_names="Élodie"))
    rows = service.list_rows(FicheQuery(text="lefèv"), 0, 50)
    assert len(rows) == 1 and db.has_deferred  # not written yet: the page comes first
    assert _views(db) == ["liste [texte (nom)]\u00a0: 1 ligne(s)"]  # the next read sees it
    assert not db.has_deferred


def test_a_transaction_writes_the_deferred_entries_first(db: Database) -> None:
    order: list[str] = []
    db.defer_write(lambda cur: order.append("différée"))
    with db.transaction():
        order.append("transaction")
    assert order == ["différée", "transaction"]


def test_closing_writes_them(data_dir: Path, db: Database) -> None:
    service = FicheService(db, USER)
    service.save(PatientZero(birth_name="Martin", first_names="Zoé"))
    service.search("martin", None, 20)
    db.close()
    with open_store(data_dir) as again:
        assert _views(again) == ["recherche [texte (nom)]\u00a0: 1 ligne(s)"]


def test_a_failed_deferred_write_fails_the_statement_that_runs_it(db: Database) -> None:
    def broken(cur: Cursor) -> None:
        cur.execute("INSERT INTO no_such_table VALUES (1)")

    db.defer_write(broken)
    with pytest.raises(sqlcipher.OperationalError, match="no_such_table"):
        db.query("SELECT 1")
    assert db.query("SELECT 1") == [(1,)]  # done with: not retried for ever


def test_the_database_thread_writes_them_right_after_the_answer(
    qtbot: QtBot, data_dir: Path, db: Database
) -> None:
    FicheService(db, USER).save(PatientZero(birth_name="Lefèvre", first_names="Anaïs"))
    thread = DbThread()
    thread.start()
    try:
        opened = thread.open(lambda: (open_store(data_dir), None))
        with qtbot.waitSignal(opened.finished):
            pass
        job_thread: list[int] = []

        def page(worker_db: Database) -> int:
            job_thread.append(threading.get_ident())
            return len(FicheService(worker_db, USER).list_rows(FicheQuery(), 0, 50))

        ticket = thread.submit(page)
        with qtbot.waitSignal(ticket.finished) as answer:
            pass
        assert answer.args == [1]
        # No other job follows: the worker wrote the entry on its own, in its thread.
        qtbot.waitUntil(lambda: _views(db) == ["liste\u00a0: 1 ligne(s)"], timeout=5_000)
        assert job_thread and job_thread[0] != threading.get_ident()
    finally:
        thread.shutdown()


def test_a_store_locked_by_another_writer_delays_the_entry_not_the_reads(
    data_dir: Path, db: Database
) -> None:
    """A purge or a vacuum holds the write lock: the page and the other reads go on at
    once, the entry waits (never lost) and is written once the lock is released."""
    service = FicheService(db, USER)
    service.save(PatientZero(birth_name="Lefèvre", first_names="Élodie"))
    with open_store(data_dir) as writer:
        writer.execute("BEGIN IMMEDIATE")
        try:
            assert len(service.list_rows(FicheQuery(), 0, 50)) == 1
            started = time.monotonic()
            assert db.query("SELECT count(*) FROM fiches") == [(1,)]
            assert time.monotonic() - started < 1.0  # not the 5 s of busy_timeout
            assert db.has_deferred and not db.flush_deferred(wait=False)
        finally:
            writer.execute("COMMIT")
    assert _views(db) == ["liste\u00a0: 1 ligne(s)"]
    assert not db.has_deferred


def test_the_database_thread_tries_again_once_the_store_is_free(
    qtbot: QtBot, data_dir: Path, db: Database
) -> None:
    FicheService(db, USER).save(PatientZero(birth_name="Martin", first_names="Zoé"))
    thread = DbThread()
    thread.start()
    writer = open_store(data_dir)
    try:
        opened = thread.open(lambda: (open_store(data_dir), None))
        with qtbot.waitSignal(opened.finished):
            pass
        writer.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        ticket = thread.submit(lambda d: len(FicheService(d, USER).list_rows(FicheQuery(), 0, 9)))
        with qtbot.waitSignal(ticket.finished) as answer:
            pass
        assert answer.args == [1] and time.monotonic() - started < 2.0  # the page at once
        writer.execute("COMMIT")
        # No other job: the thread's own retry writes the entry.
        qtbot.waitUntil(lambda: _views(db) == ["liste\u00a0: 1 ligne(s)"], timeout=5_000)
    finally:
        writer.close()
        thread.shutdown()
