from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard

from app.db import keystore
from app.db.store import init_store, open_store, store_exists, store_id, store_mode
from app.ui.application import (
    EXIT_CANCELLED,
    EXIT_OK,
    EXIT_STORE_ERROR,
    StartupFlow,
    install_translators,
    run_gui,
)
from app.ui.dialogs import PassphraseDialog
from app.ui.first_run import PAGE_ACCOUNT, PAGE_CENTRAL, PAGE_RECOVERY, FirstRunWizard
from tests.ui.helpers import press_key, type_text

REFERENT = "referente"
REFERENT_PASSWORD = "Une phrase de référente"

PASSPHRASE = "Chère Thérèse, 12 œufs à Noël"


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture
def flow(qtbot, db_thread, data_dir):
    f = StartupFlow(db_thread, data_dir, "test:ui")
    yield f
    if f.window is not None:
        f.window.close()
        f.window.deleteLater()
    if f.dialog is not None:
        f.dialog.deleteLater()


def wait_dialog(qtbot, flow, kind, name: str | None = None):
    def ready() -> bool:
        d = flow.dialog
        return isinstance(d, kind) and d.isVisible() and (name is None or d.objectName() == name)

    qtbot.waitUntil(ready, timeout=15_000)
    return flow.dialog


def create_referent(qtbot, flow) -> None:
    """The first run: the wizard (establishment, référent, code typed back, offline)."""
    wizard = wait_dialog(qtbot, flow, FirstRunWizard)
    wizard.next()
    type_text(wizard.establishment.editors["establishment.name"], "Centre hospitalier")
    wizard.next()
    assert wizard.currentId() == PAGE_ACCOUNT
    form = wizard.account.form
    type_text(form.login, REFERENT)
    type_text(form.first, "court")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled() and "12 caractères" in form.problem.text()
    form.first.clear()
    type_text(form.first, REFERENT_PASSWORD)
    type_text(form.second, REFERENT_PASSWORD)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    if wizard.recovery is not None:
        assert wizard.currentId() == PAGE_RECOVERY
        groups = wizard.recovery.code.split("-")
        type_text(wizard.recovery.confirm, "".join(groups[i] for i in wizard.recovery.asked))
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_CENTRAL
    wizard.next()
    with qtbot.waitSignal(flow.finished, timeout=15_000) as blocker:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [EXIT_OK]
    assert flow.session is not None and flow.session.login == REFERENT


def wait_dialog_child(qtbot, parent, name: str) -> QMessageBox:
    qtbot.waitUntil(
        lambda: (b := parent.findChild(QMessageBox, name)) is not None and b.isVisible()
    )
    return parent.findChild(QMessageBox, name)


def snapshot(directory: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(directory)): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir",
            p.stat().st_mtime_ns,
        )
        for p in sorted(directory.rglob("*"))
    }


def test_first_run_creates_the_store_and_shows_the_code_once(qtbot, flow, data_dir):
    assert not store_exists(data_dir)
    flow.start()
    wizard = wait_dialog(qtbot, flow, FirstRunWizard)
    assert store_exists(data_dir)
    assert store_mode(data_dir) == "keyring"
    page = wizard.recovery
    code = page.code_label.text()
    assert len(code.replace("-", "").replace(" ", "")) >= 16
    assert page.code_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert "conservez-le en lieu sûr" in page.subTitle()
    assert "ne sera plus jamais affiché" in page.subTitle()
    press_key(wizard, Qt.Key.Key_Escape)  # a slip does not lose the code: it asks first
    box = wait_dialog_child(qtbot, wizard, "quit_first_run")
    assert "ne sera plus affiché" in box.informativeText()
    box.findChild(QPushButton, "stay").click()
    assert wizard.isVisible()
    create_referent(qtbot, flow)
    assert flow.window is not None and flow.window.isVisible()
    qtbot.waitUntil(lambda: flow.window.summary_label.text().startswith("0 fiche"))
    assert flow.window.fiches.count_label.text() == "Aucune fiche enregistrée"


def test_refused_keyring_offers_a_passphrase(qtbot, flow, data_dir):
    keyring.set_keyring(fail.Keyring())
    flow.start()
    box = wait_dialog(qtbot, flow, QMessageBox, "keyring_refused")
    assert "trousseau" in box.text()
    assert not store_exists(data_dir)
    use = next(b for b in box.buttons() if b.objectName() == "use_passphrase")
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)

    dialog = wait_dialog(qtbot, flow, PassphraseDialog)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    assert dialog.second.isVisible()
    type_text(dialog.first, "trop court")
    assert not dialog.ok_button.isEnabled()
    assert "12" in dialog.problem.text()
    dialog.first.clear()
    type_text(dialog.first, PASSPHRASE)
    type_text(dialog.second, PASSPHRASE + "!")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == "Les deux saisies sont différentes."
    press_key(dialog.second, Qt.Key.Key_Backspace)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    wizard = wait_dialog(qtbot, flow, FirstRunWizard)
    assert store_mode(data_dir) == "passphrase"
    assert wizard.recovery is not None  # the code wraps the passphrase: shown and typed back
    create_referent(qtbot, flow)
    open_store(data_dir, passphrase=PASSPHRASE).close()


def test_refused_keyring_quit_creates_nothing(qtbot, flow, data_dir):
    keyring.set_keyring(fail.Keyring())
    flow.start()
    box = wait_dialog(qtbot, flow, QMessageBox, "keyring_refused")
    quit_button = next(b for b in box.buttons() if b.objectName() != "use_passphrase")
    with qtbot.waitSignal(flow.finished) as blocker:
        qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [EXIT_CANCELLED]
    assert not store_exists(data_dir)


def test_passphrase_store_asks_again_when_wrong(qtbot, flow, db_thread, data_dir):
    init_store(data_dir, passphrase=PASSPHRASE)
    before = snapshot(data_dir)
    flow.start()
    dialog = wait_dialog(qtbot, flow, PassphraseDialog)
    assert not dialog.second.isVisible()
    type_text(dialog.first, "une mauvaise phrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: (
            isinstance(flow.dialog, PassphraseDialog)
            and flow.dialog is not dialog
            and flow.dialog.isVisible()
        ),
        timeout=15_000,
    )
    again = flow.dialog
    assert "Phrase secrète incorrecte" in again.problem.text()
    assert snapshot(data_dir) == before
    type_text(again.first, PASSPHRASE)
    press_key(again.first, Qt.Key.Key_Return)
    create_referent(qtbot, flow)
    # Workers (purge, sync) open their own connections with the passphrase typed
    # at start, which is kept in memory only.
    opener = db_thread.store_opener
    assert opener is not None and PASSPHRASE not in repr(opener)
    with opener() as own:
        assert own.schema_version > 0


def test_wrong_key_shows_the_error_and_touches_nothing(qtbot, flow, data_dir):
    init_store(data_dir)
    keyring.set_password(keystore.SERVICE, store_id(data_dir), "ab" * 32)  # another key
    before = snapshot(data_dir)
    flow.start()
    box = wait_dialog(qtbot, flow, QMessageBox, "startup_error")
    assert "ne correspond pas à la base de données" in box.text()
    with qtbot.waitSignal(flow.finished) as blocker:
        box.button(QMessageBox.StandardButton.Close).click()
    assert blocker.args == [EXIT_STORE_ERROR]
    assert flow.window is None
    assert snapshot(data_dir) == before


def test_run_gui_exits_with_the_store_error_status(qtbot, data_dir):
    init_store(data_dir)
    keyring.set_password(keystore.SERVICE, store_id(data_dir), "cd" * 32)
    before = snapshot(data_dir)
    seen: list[str] = []

    def close_error_box() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "startup_error" and widget.isVisible():
                seen.append(widget.text())
                widget.button(QMessageBox.StandardButton.Close).click()
                return
        QTimer.singleShot(20, close_error_box)

    QTimer.singleShot(0, close_error_box)
    try:
        code = run_gui(["tracing-desk"], data_dir)
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(True)
    assert code == EXIT_STORE_ERROR
    assert seen and "clé" in seen[0]
    assert snapshot(data_dir) == before


def test_busy_indicator_while_the_database_thread_works(qtbot, flow, db_thread, data_dir):
    import threading

    init_store(data_dir, passphrase=PASSPHRASE)
    gate = threading.Event()
    db_thread.open(lambda: (gate.wait(15) and None, None))  # holds the thread, opens nothing
    flow.start()
    qtbot.waitUntil(flow.busy_visible, timeout=5_000)
    assert flow.busy_visible()
    gate.set()
    dialog = wait_dialog(qtbot, flow, PassphraseDialog)
    assert not flow.busy_visible()
    dialog.reject()
