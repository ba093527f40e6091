"""Quitting asks about unsaved typing (as Ctrl+W does), the lock records why, the window
remembers its size and place (clamped to the screen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app.core.accounts import Role
from app.core.enums import JournalAction
from app.db.permissions import Session
from app.db.repositories import journal_rows
from app.db.store import init_store, open_store
from app.ui.lock import AutoLock
from app.ui.main_window import GEOMETRY_KEY, MainWindow, clamped
from tests.ui.forms.conftest import USER
from tests.ui.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def store(data_dir: Path, fake_clock) -> Path:
    init_store(data_dir)
    return data_dir


@pytest.fixture
def window(qtbot, store, open_thread) -> Iterator[MainWindow]:
    w = MainWindow(open_thread, store, USER)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
    yield w
    for form in w.workspace.forms():
        form._autosave_timer.stop()


def _typed_patient_zero(qtbot, window: MainWindow):
    form = window.workspace.new_patient_zero()
    name = form.findChild(QLineEdit, "nom_naissance")
    name.setFocus()
    type_text(name, "Lefèvre")
    assert form.has_unsaved()
    return form


def _answer_box(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click *button* of the next question box (it runs its own event loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)


def _quit(window: MainWindow) -> None:
    """Ctrl+Q, from inside the event loop as in the program."""
    QTimer.singleShot(0, lambda: QTest.keyClick(window, Qt.Key.Key_Q, CTRL))


def test_quit_asks_like_ctrl_w_and_cancel_keeps_everything(qtbot, window):
    form = _typed_patient_zero(qtbot, window)
    watching = window.purge._watch.isActive()
    seen: list[str] = []
    _answer_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    _quit(window)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
    qtbot.wait(50)  # the refused close has been handled
    assert seen == ["Enregistrer les modifications de cette fiche avant de la fermer ?"]
    assert window.isVisible()
    assert form.findChild(QLineEdit, "nom_naissance").text() == "Lefèvre"
    assert window.purge._watch.isActive() == watching  # a refused close stops nothing


def test_quit_with_save_closes_once_saved(qtbot, window, store):
    form = _typed_patient_zero(qtbot, window)
    uuid = form.fiche.uuid
    seen: list[str] = []
    _answer_box(qtbot, QMessageBox.StandardButton.Save, seen)
    _quit(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert len(seen) == 1
    db = open_store(store)
    try:
        assert db.query_one("SELECT count(*) FROM fiches WHERE uuid = ?", (uuid,))[0] == 1
    finally:
        db.close()


def test_close_button_asks_and_discard_closes(qtbot, window):
    _typed_patient_zero(qtbot, window)
    seen: list[str] = []
    _answer_box(qtbot, QMessageBox.StandardButton.Discard, seen)
    QTimer.singleShot(0, window.close)  # what the title bar's close button does
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert len(seen) == 1


def test_nothing_unsaved_closes_without_a_question(qtbot, window):
    window.workspace.new_patient_zero()  # opened, nothing typed
    _quit(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def _lock_details(store: Path) -> list[str]:
    db = open_store(store)
    try:
        return [r[5] for r in journal_rows(db) if r[3] == JournalAction.LOCK.value]
    finally:
        db.close()


def test_lock_records_manual_or_idle(qtbot, window, store):
    lock = AutoLock(window, window._db_thread, Session(USER, Role.REFERENT), minutes=5)
    QTest.keyClick(window, Qt.Key.Key_L, CTRL)
    assert lock.is_locked
    qtbot.waitUntil(lambda: _lock_details(store) == ["manuel"], timeout=5_000)
    lock._unlock()
    lock.lock_idle()  # the idle timer's slot
    qtbot.waitUntil(lambda: _lock_details(store) == ["manuel", "inactivité"], timeout=5_000)
    lock.stop()


@pytest.fixture
def settings_dir(tmp_path: Path) -> Iterator[Path]:
    """The program's QSettings in a temporary folder (as ``configure_application`` names it)."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("TracingDeskTest")
    QCoreApplication.setApplicationName("Tracing Desk test")
    yield folder
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName("")


def test_geometry_is_remembered_and_holds_no_personal_data(qtbot, settings_dir, store, open_thread):
    first = MainWindow(open_thread, store, USER)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(60, 50, 900, 600)
    qtbot.waitUntil(lambda: first.geometry().width() == 900, timeout=5_000)
    QTimer.singleShot(0, first.close)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=5_000)
    stored = QSettings()
    assert stored.allKeys() == [GEOMETRY_KEY]  # a size and a place, nothing else

    second = MainWindow(open_thread, store, USER)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    restored = second.geometry()
    area = second.screen().availableGeometry()
    assert (restored.y(), restored.height()) == (50, 600)  # remembered
    # clamped: no wider than the screen (down to the window's own minimum), moved inside it
    assert restored.width() == max(min(900, area.width()), second.minimumWidth())
    assert restored.x() == max(area.x(), min(60, area.right() + 1 - restored.width()))


def test_clamped_to_the_available_screen():
    area = QRect(0, 0, 1366, 728)
    assert clamped(QRect(3000, -50, 900, 600), area) == QRect(466, 0, 900, 600)
    assert clamped(QRect(10, 10, 2560, 1400), area) == QRect(0, 0, 1366, 728)
    assert clamped(QRect(100, 80, 800, 500), area) == QRect(100, 80, 800, 500)
