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
    """The installed binding keeps its references to True (PySide6 6.12 on Python 3.11
    dropped one at every emit: the pair ``app.earlyinit`` refuses)."""
    import sys

    _open(qtbot, db_thread)
    before = sys.getrefcount(True)
    tickets = [db_thread.submit(lambda db: True) for _ in range(3000)]
    with qtbot.waitSignal(tickets[-1].finished):
        pass
    del tickets
    # the bug lost one reference per emit (3000); other objects come and go meanwhile
    assert sys.getrefcount(True) >= before - 1500


def test_void_calls_keep_none_alive():
    """A C++ method returning nothing keeps None's references (the 6.12 bug on 3.11)."""
    import sys

    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200_000):  # far more than None's references in a fresh process
        probe.setObjectName("x")
    assert sys.getrefcount(None) >= before - 50_000  # the bug lost 200,000


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


def _failure_of(qtbot, db_thread: DbThread, error: BaseException) -> DbFailure:
    _open(qtbot, db_thread)

    def job(db):
        raise error

    ticket = db_thread.submit(job)
    with qtbot.waitSignal(ticket.failed) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure, DbFailure) and failure.error is error
    return failure


def test_decode_error_reaches_the_user_in_french(qtbot, db_thread, caplog):
    from app.core.serialize import DecodeError

    with caplog.at_level(logging.ERROR):
        failure = _failure_of(qtbot, db_thread, DecodeError("date_naissance", "date invalide"))
    assert failure.message == "date_naissance\u00a0: date invalide"
    assert not failure.internal
    assert "Erreur interne" not in failure.message
    assert caplog.text == ""  # a known condition is not a bug: no crash record


def test_setting_error_reaches_the_user_in_french(qtbot, db_thread):
    from app.core.settings import SettingError

    message = "« Durée de conservation » doit être compris entre 1 et 3."
    failure = _failure_of(qtbot, db_thread, SettingError(message))
    assert failure.message == message and not failure.internal


def test_access_and_export_errors_are_known_conditions(qtbot, db_thread):
    from app.core.accounts import Permission
    from app.db.permissions import PermissionDenied
    from app.exports.service import ExportError

    denied = PermissionDenied(Permission.EXPORT)
    failure = _failure_of(qtbot, db_thread, denied)
    assert failure.message == str(denied) and not failure.internal
    refused = _failure_of(qtbot, db_thread, ExportError("Le dossier n’existe pas."))
    assert refused.message == "Le dossier n’existe pas." and not refused.internal


def test_key_error_is_an_internal_error(qtbot, db_thread, caplog):
    with caplog.at_level(logging.ERROR):
        failure = _failure_of(qtbot, db_thread, KeyError("DUPONT"))
    assert failure.internal
    assert failure.message.startswith("Erreur interne")
    assert "KeyError" in failure.message and "DUPONT" not in failure.message
    assert "KeyError" in caplog.text and "DUPONT" not in caplog.text


class _Translator:
    """A translator of the ``core`` context (one French source → its English text)."""

    def __init__(self, source: str, english: str) -> None:
        from PySide6.QtCore import QTranslator

        class Translator(QTranslator):
            def translate(self, context, text, disambiguation=None, n=-1):
                return english if (context, text) == ("core", source) else ""

            def isEmpty(self) -> bool:
                return False

        self.translator = Translator()

    def __enter__(self):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.installTranslator(self.translator)
        return self

    def __exit__(self, *exc):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.removeTranslator(self.translator)


NIR_LENGTH = "Le NIR doit compter 15 caractères, clé comprise ({count} saisis)."


def test_message_is_translated_in_its_context_then_filled_in(qtbot, db_thread):
    from app.core.identifiers import IdentifierError, normalize_nir

    with pytest.raises(IdentifierError) as caught:
        normalize_nir("1234")
    assert caught.value.template == NIR_LENGTH
    with _Translator(NIR_LENGTH, "The NIR has 15 characters, key included ({count} typed)."):
        failure = _failure_of(qtbot, db_thread, caught.value)
    assert failure.message == "The NIR has 15 characters, key included (4 typed)."
    assert not failure.internal


def test_a_translation_with_wrong_placeholders_falls_back_to_french(qtbot, db_thread):
    from app.core.identifiers import IdentifierError

    error = IdentifierError(NIR_LENGTH, count=4)
    with _Translator(NIR_LENGTH, "The NIR has 15 characters ({number} typed)."):
        failure = _failure_of(qtbot, db_thread, error)
    assert failure.message == str(error) and "4 saisis" in failure.message
    assert not failure.internal
