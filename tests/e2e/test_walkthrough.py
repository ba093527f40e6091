"""A nurse's day in the real window, step by step, each step's layout checked.

First-run wizard, the list, a new patient zéro typed with accents, three
contacts, validation, the synchronisation settings, the poster's print
preview, the lock screen (a wrong password, then the right one). Every step is
checked by :mod:`tests.ui.layout_check`.

With ``TRACING_DESK_SCREENSHOTS=1`` each step is also saved at 1280×720 in
``docs/screenshots/journee-NN-….png`` (never in CI: the documentation's
pictures change only when someone asks for them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.enums import LifecycleState
from app.db.accounts import AccountStore
from app.db.store import init_store, open_store
from app.ui.application import install_translators
from app.ui.forms.patient_zero import PatientZeroForm
from app.ui.main_window import MainWindow
from tests.support.ui_store import bulk_insert, synthetic_rows
from tests.ui.forms.test_forms import CTRL, answer, focused, key
from tests.ui.helpers import type_text
from tests.ui.layout_check import layout_problems, settle

USER = "infirmiere.test"
PASSWORD = "Une longue phrase de passe"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTH, HEIGHT = 1280, 720


@pytest.fixture(autouse=True)
def french(qapp) -> Iterator[None]:
    install_translators("fr")
    yield
    install_translators("fr")


class Walk:
    """Checks each step's layout, and saves its picture when asked to."""

    def __init__(self) -> None:
        self.step = 0
        self.problems: list[str] = []
        self.save = os.environ.get("TRACING_DESK_SCREENSHOTS") == "1"

    def __call__(self, name: str, widget: QWidget) -> None:
        self.step += 1
        settle(widget)
        self.problems += [f"[{name}] {p}" for p in layout_problems(widget)]
        if self.save:
            SHOTS.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(SHOTS / f"journee-{self.step:02d}-{name}.png"))


@pytest.fixture
def station(data_dir: Path, fake_clock) -> Path:
    init_store(data_dir)
    with open_store(data_dir) as db:
        AccountStore(db).create_first_referent(USER, PASSWORD, "Hélène Lefèvre")
        bulk_insert(db, synthetic_rows(60))
    return data_dir


def test_a_nurses_day(qtbot, station, open_thread) -> None:
    walk = Walk()
    _first_run(qtbot, walk)

    window = MainWindow(open_thread, station, USER)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    with qtbot.waitSignal(window.fiches.model.count_changed, timeout=10_000):
        window.refresh()
    qtbot.waitUntil(lambda: window.summary_label.text() != "", timeout=10_000)
    walk("liste", window)
    try:
        _patient_zero(qtbot, window, walk)
        _sync_and_print(qtbot, window, walk)
        _lock_and_sign_in(qtbot, window, open_thread, walk)
    finally:
        for form in window.workspace.forms():
            form._autosave_timer.stop()
    assert walk.problems == [], "\n".join(walk.problems)


def _first_run(qtbot, walk: Walk) -> None:
    from app.core import settings as S
    from app.db.recovery import generate_code
    from app.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(generate_code())
    qtbot.addWidget(wizard)
    wizard.resize(760, 600)
    wizard.show()
    qtbot.waitExposed(wizard)
    walk("premier-lancement-bienvenue", wizard)
    wizard.next()
    type_text(wizard.establishment.editors[S.ESTABLISHMENT_NAME.key], "EHPAD Les Tilleuls")
    walk("premier-lancement-etablissement", wizard)
    wizard.next()
    form = wizard.account.form
    type_text(form.login, "cadre.sante")
    type_text(form.display_name, "Cadre de santé")
    type_text(form.first, PASSWORD)
    type_text(form.second, PASSWORD)
    walk("premier-lancement-referent", wizard)
    wizard.next()
    page = wizard.recovery
    groups = page.code.split("-")
    page.confirm.setText(" ".join(groups[i] for i in page.asked))
    walk("premier-lancement-code", wizard)
    wizard.next()
    walk("premier-lancement-service-central", wizard)
    wizard.next()
    walk("premier-lancement-resume", wizard)
    wizard.close()


def _patient_zero(qtbot, window: MainWindow, walk: Walk) -> None:
    key(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_form(), PatientZeroForm))
    form = window.workspace.current_form()
    assert isinstance(form, PatientZeroForm)
    type_text(focused(window), "Lefèvre")
    key(window, Qt.Key.Key_Tab)
    key(window, Qt.Key.Key_Tab)
    type_text(focused(window), "Hélène")
    walk("patient-zero-nouveau", window)
    for name, first, phone, day in (
        ("Durand", "Loïc", "0698765432", "23/11/2026"),
        ("Martin", "Zoé", "+44 20 7946 0018", "22/11/2026"),
        ("Œuvray", "Inès", "", "21/11/2026"),
    ):
        if form.fiche.version == 0:
            key(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
        rows = form.contacts.table.rowCount()
        type_text(focused(window), name)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), first)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), phone)
        key(window, Qt.Key.Key_Tab)
        key(window, Qt.Key.Key_Down)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), day)
        key(window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda r=rows: form.contacts.table.rowCount() == r + 1, timeout=5_000)
    form.scroller.ensureWidgetVisible(form.contacts.table, 0, 40)
    walk("patient-zero-trois-contacts", window)

    key(window, Qt.Key.Key_Return, CTRL)  # what is missing, listed
    walk("patient-zero-validation-refusee", window)
    for _ in range(30):
        if form.fiche.state is LifecycleState.VALIDATED or not form.panel.isVisible():
            break
        errors = [
            p
            for p, t in zip(form.panel.paths(), form.panel.texts(), strict=True)
            if t.startswith("✖")
        ]
        if not errors:
            break
        form.panel.list.setCurrentRow(form.panel.paths().index(errors[0]))
        key(window, Qt.Key.Key_Return)
        answer(window, errors[0])
        key(window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.VALIDATED, timeout=5_000)
    walk("patient-zero-valide", window)


def _sync_and_print(qtbot, window: MainWindow, walk: Walk) -> None:
    from app.print.render import DocumentKind, PaperFormat
    from app.ui.print_menu import Target

    window.sync_menu.edit_settings()
    qtbot.waitUntil(lambda: _dialog("sync_settings_dialog", "SyncSettingsDialog") is not None)
    dialog = _dialog("sync_settings_dialog", "SyncSettingsDialog")
    walk("synchronisation-reglages", dialog)
    dialog.reject()

    window.print_menu.actions[(DocumentKind.POSTER, PaperFormat.A4, Target.PREVIEW)].trigger()
    menu = window.print_menu
    qtbot.waitUntil(
        lambda: (
            (menu.box is not None and menu.box.isVisible())
            or (menu.dialog is not None and menu.dialog.isVisible())
        ),
        timeout=10_000,
    )
    if menu.box is not None and menu.box.isVisible():  # the establishment is not filled in
        walk("affiche-parametres-incomplets", menu.box)
        anyway = next(
            b
            for b in menu.box.buttons()
            if menu.box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )
        anyway.click()
        qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible())
    assert menu.dialog is not None
    menu.dialog.resize(WIDTH, HEIGHT)
    walk("affiche-apercu", menu.dialog)
    menu.dialog.reject()


def _dialog(name: str, kind: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and (widget.objectName() == name or type(widget).__name__ == kind):
            return widget
    return None


def _lock_and_sign_in(qtbot, window: MainWindow, thread, walk: Walk) -> None:
    from app.core.accounts import Role
    from app.db.permissions import Session
    from app.ui.lock import AutoLock

    lock = AutoLock(window, thread, Session(USER, Role.REFERENT, "Hélène Lefèvre"), minutes=5)
    lock.lock()
    screen = lock.screen
    assert screen is not None
    walk("verrouillage", window)
    type_text(screen.form.password, "mauvais mot de passe")
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.form.problem.text() != "", timeout=10_000)
    walk("verrouillage-mot-de-passe-refuse", window)
    qtbot.waitUntil(screen.form.button.isEnabled, timeout=10_000)
    type_text(screen.form.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        key(window, Qt.Key.Key_Return)
    walk("deverrouillage", window)
