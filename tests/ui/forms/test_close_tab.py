"""Closing a tab with unsaved typing (Ctrl+W): the edit session's decision, in the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app.core.edit_session import CloseDecision
from app.core.models import PatientZero
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.forms.test_forms import _open
from tests.ui.helpers import type_text


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click *button* of the next question box (it runs its own event loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)


def _close_tab(window, form) -> None:
    """Ctrl+W on *form*'s tab, from inside the event loop as in the program."""
    QTimer.singleShot(0, lambda: window.workspace.close_tab(window.workspace.indexOf(form)))


def _open_tab(window, uuid: str) -> bool:
    return any(f.fiche.uuid == uuid for f in window.workspace.forms())


def _type(form, path: str, text: str) -> None:
    edit = form.findChild(QLineEdit, path)
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)


def test_nothing_typed_closes_without_a_question(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    assert form.close_decision() is CloseDecision.CLOSE
    _close_tab(window, form)
    qtbot.waitUntil(lambda: not _open_tab(window, pz.uuid), timeout=5_000)


def test_save_chosen_closes_the_tab_once_saved(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    _type(form, "nom_usage", "Martin")
    assert form.close_decision() is CloseDecision.ASK
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Save, seen)
    _close_tab(window, form)
    qtbot.waitUntil(lambda: not _open_tab(window, pz.uuid), timeout=5_000)
    assert len(seen) == 1
    assert repo.get(pz.uuid, journal_consultation=False).usage_name == "Martin"


def test_save_blocked_by_an_error_keeps_the_tab_and_the_typing(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    _type(form, "date_naissance", "31/02/1950")
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Save, seen)
    _close_tab(window, form)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
    qtbot.waitUntil(lambda: form.panel.isVisible(), timeout=5_000)
    assert window.workspace.indexOf(form) >= 0 and not form.busy
    assert not form.session.close_after_save
    assert form.findChild(QLineEdit, "date_naissance").text() == "31/02/1950"


def test_a_refused_save_calls_the_close_off(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    other = repo.get(pz.uuid, journal_consultation=False)
    other.first_names = "Hélène Marie"
    repo.save(other)  # another station saved it meanwhile
    _type(form, "nom_usage", "Martin")
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Save, seen)
    _close_tab(window, form)
    qtbot.waitUntil(lambda: form.banner.conflict_box.isVisible(), timeout=5_000)
    assert window.workspace.indexOf(form) >= 0 and not form.session.close_after_save
    # Reloaded and saved later: the tab stays (the close was called off).
    form.banner.reload_button.click()
    qtbot.waitUntil(lambda: not form.banner.conflict_box.isVisible(), timeout=5_000)
    assert form.save()
    qtbot.waitUntil(lambda: not form.has_unsaved() and not form.busy, timeout=5_000)
    assert window.workspace.indexOf(form) >= 0
    assert repo.get(pz.uuid, journal_consultation=False).usage_name == "Martin"
