"""« J’ai oublié ma phrase secrète »: the recovery code and a new passphrase, in the window.

The passphrase prompt offers the button; the dialog checks the code and the
new passphrase (the command line's rules), re-keys the store off the UI
thread with a busy indicator, then the store opens with the new passphrase;
the old one no longer opens it. Every refusal is French and keeps the typing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core.enums import JournalAction
from app.db import accounts, recovery, store
from app.db.accounts import AccountStore
from app.db.errors import WrongKeyError
from app.ui.application import EXIT_OK, StartupFlow, install_translators
from app.ui.dialogs import PassphraseDialog
from app.ui.login import SignInDialog
from app.ui.recover_dialog import RecoverPassphraseDialog
from app.workers.db_thread import DbThread
from tests.ui.helpers import press_key, type_text

OLD = "Chère Thérèse, 12 œufs à Noël"
NEW = "Élise préfère les crêpes de Noël"
REFERENT = "mlefevre"
PASSWORD = "Référente du 3e étage"


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture(autouse=True)
def cheap_hasher() -> Iterator[None]:
    accounts.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))
    yield
    accounts.set_hasher(PasswordHasher.from_parameters(accounts.RFC_9106_LOW_MEMORY))


@pytest.fixture
def code(data_dir: Path) -> str:
    """A store in passphrase mode with a référent; its recovery code."""
    result = store.init_store(data_dir, passphrase=OLD)
    with store.open_store(data_dir, passphrase=OLD) as db:
        AccountStore(db).create_first_referent(REFERENT, PASSWORD)
    return result.recovery_code


@pytest.fixture
def thread(qtbot) -> Iterator[DbThread]:
    db_thread = DbThread()
    db_thread.start()
    yield db_thread
    assert db_thread.shutdown()


@pytest.fixture
def flow(qtbot, thread, data_dir) -> Iterator[StartupFlow]:
    f = StartupFlow(thread, data_dir, "os-user")
    yield f
    if f.window is not None:
        for form in f.window.workspace.forms():
            form._autosave_timer.stop()
    for w in (f.window, f.dialog):
        if w is not None:
            w.close()
            w.deleteLater()


@pytest.fixture
def dialog(qtbot, data_dir: Path, code: str) -> RecoverPassphraseDialog:
    d = RecoverPassphraseDialog(data_dir, "os-user")
    qtbot.addWidget(d)
    d.show()
    return d


def _wait_dialog(qtbot, flow: StartupFlow, kind: type) -> QDialog:
    qtbot.waitUntil(
        lambda: isinstance(flow.dialog, kind) and flow.dialog.isVisible(), timeout=15_000
    )
    return flow.dialog


def _fill(d: RecoverPassphraseDialog, code: str, first: str, second: str) -> None:
    for field, text in ((d.code, code), (d.first, first), (d.second, second)):
        field.clear()
        type_text(field, text)


def test_forgotten_passphrase_replaced_then_the_window_opens(
    qtbot, flow: StartupFlow, thread: DbThread, code: str, data_dir: Path
) -> None:
    flow.start()
    prompt = _wait_dialog(qtbot, flow, PassphraseDialog)
    assert prompt.forgot_button is not None
    assert prompt.forgot_button.text() == "J’ai oublié ma phrase secrète…"
    qtbot.mouseClick(prompt.forgot_button, Qt.MouseButton.LeftButton)

    recover = _wait_dialog(qtbot, flow, RecoverPassphraseDialog)
    assert recover.windowTitle() == "Phrase secrète oubliée"
    assert not prompt.isVisible()
    _fill(recover, code.lower(), NEW, NEW)  # the code as typed: lower case, dashes
    qtbot.mouseClick(recover.ok_button, Qt.MouseButton.LeftButton)
    # The re-keying runs off the UI thread, with a busy indicator; no closing meanwhile.
    assert recover.busy and recover.progress.isVisible()
    assert not recover.ok_button.isEnabled()
    recover.reject()
    assert recover.busy

    sign_in = _wait_dialog(qtbot, flow, SignInDialog)
    assert not recover.busy
    type_text(sign_in.form.login, REFERENT)
    type_text(sign_in.form.password, PASSWORD)
    with qtbot.waitSignal(flow.finished, timeout=15_000) as blocker:
        press_key(sign_in.form.password, Qt.Key.Key_Return)
    assert blocker.args == [EXIT_OK]
    assert flow.window is not None and flow.window.isVisible()
    # The workers open their connections with the new passphrase.
    opener = thread.store_opener
    assert opener is not None and NEW not in repr(opener)
    opener().close()

    with pytest.raises(WrongKeyError):
        store.open_store(data_dir, passphrase=OLD)
    with store.open_store(data_dir, passphrase=NEW) as db:
        row = db.query_one(
            "SELECT count(*) FROM journal WHERE action = ?", (JournalAction.KEY_RECOVERY.value,)
        )
        assert row is not None and row[0] == 1


def test_cancel_goes_back_to_the_passphrase_prompt(
    qtbot, flow: StartupFlow, code: str, data_dir: Path
) -> None:
    flow.start()
    prompt = _wait_dialog(qtbot, flow, PassphraseDialog)
    qtbot.mouseClick(prompt.forgot_button, Qt.MouseButton.LeftButton)
    recover = _wait_dialog(qtbot, flow, RecoverPassphraseDialog)
    with qtbot.assertNotEmitted(flow.finished, wait=0):
        recover.reject()
    again = _wait_dialog(qtbot, flow, PassphraseDialog)
    assert again is not prompt
    store.open_store(data_dir, passphrase=OLD).close()  # nothing changed


def test_mismatch_and_weak_passphrase_refused_before_any_work(
    qtbot, dialog: RecoverPassphraseDialog, code: str, data_dir: Path
) -> None:
    _fill(dialog, code, NEW, NEW + "x")
    assert dialog.problem.text() == "Les deux saisies de la phrase secrète sont différentes."
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy and dialog.isVisible()
    assert dialog.problem.text() == "Les deux saisies de la phrase secrète sont différentes."
    assert dialog.second.text() == NEW + "x"  # the typing stays

    _fill(dialog, code, "Noël court", "Noël court")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.problem.text().startswith("Phrase secrète trop courte")
    assert dialog.first.text() == "Noël court" and dialog.code.text() == code
    store.open_store(data_dir, passphrase=OLD).close()  # nothing changed


def test_wrong_or_mistyped_code_refused_in_french(
    qtbot, dialog: RecoverPassphraseDialog, code: str, data_dir: Path
) -> None:
    canonical = recovery.normalise_code(code)
    typo = canonical[:5] + ("A" if canonical[5] != "A" else "B") + canonical[6:]
    _fill(dialog, typo, NEW, NEW)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy  # told at once: the code's own check
    assert "faute de frappe" in dialog.problem.text()

    other = recovery.generate_code()  # well formed, but not this store's
    _fill(dialog, other, NEW, NEW)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.busy
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text().startswith("Ce code de récupération ne correspond pas")
    assert dialog.code.text() == other and dialog.first.text() == NEW  # the typing stays
    store.open_store(data_dir, passphrase=OLD).close()  # nothing changed
    with pytest.raises(WrongKeyError):
        store.open_store(data_dir, passphrase=NEW)
