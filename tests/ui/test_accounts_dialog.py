"""Account management (référent): the « Comptes » dialog and its service rules."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.accounts import Role
from app.db.accounts import AccountError, AccountStore
from app.db.permissions import PermissionDenied, Session
from app.db.repositories import journal_rows
from app.db.store import init_store, open_store
from app.ui.accounts_dialog import AccountsDialog, NewAccountDialog, PasswordDialog
from app.ui.application import EXIT_OK, StartupFlow, install_translators
from app.ui.login import SignInDialog
from app.workers.db_thread import DbThread
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.ui.helpers import press_key, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NEW_LOGIN = "cmartin"
NEW_PASSWORD = "Une phrase de passe de nuit"
RESET_PASSWORD = "Autre phrase bien longue 7"
SECRETS = (REFERENT_PASSWORD, AGENT_PASSWORD, NEW_PASSWORD, RESET_PASSWORD)


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture
def station(data_dir: Path) -> Path:
    init_store(data_dir)
    with open_store(data_dir) as db:
        AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD, "M. Lefèvre")
        AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
    return data_dir


@pytest.fixture
def thread(qtbot, station: Path) -> Iterator[DbThread]:
    db_thread = DbThread()
    db_thread.start()
    ticket = db_thread.open(lambda: (open_store(station), None))
    with qtbot.waitSignal(ticket.finished, timeout=10_000):
        pass
    yield db_thread
    assert db_thread.shutdown()


def _dialog(qtbot, thread: DbThread, session: Session) -> AccountsDialog:
    dialog = AccountsDialog(thread, session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _loaded(qtbot, dialog: AccountsDialog, rows: int) -> None:
    qtbot.waitUntil(lambda: dialog.table.rowCount() == rows and dialog._loaded, timeout=10_000)


def _select(dialog: AccountsDialog, login: str) -> None:
    row = next(i for i, a in enumerate(dialog.accounts) if a.login == login)
    dialog.table.selectRow(row)


def _account(station: Path, login: str):
    with open_store(station) as db:
        return AccountStore(db).get(login)


def _no_secret_in_journal_or_logs(station: Path, caplog) -> None:
    with open_store(station) as db:
        journal = repr(journal_rows(db))
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    for secret in SECRETS:
        assert secret not in journal
        assert secret not in logged


def test_agent_cannot_manage_accounts_in_the_window_or_the_services(qtbot, thread, station) -> None:
    dialog = _dialog(qtbot, thread, Session(AGENT, Role.AGENT))
    qtbot.waitUntil(lambda: "réservée au référent" in dialog.status.text(), timeout=10_000)
    assert dialog.table.rowCount() == 0
    for button in (
        dialog.new_button,
        dialog.password_button,
        dialog.active_button,
        dialog.role_button,
    ):
        assert not button.isEnabled()
    with open_store(station) as db:
        store = AccountStore(db, AGENT)
        attempts = [
            store.list,
            lambda: store.create("intrus", NEW_PASSWORD, Role.REFERENT),
            lambda: store.set_password(REFERENT, NEW_PASSWORD),
            lambda: store.set_active(REFERENT, False),
            lambda: store.set_role(AGENT, Role.REFERENT),
        ]
        for attempt in attempts:
            with pytest.raises(PermissionDenied):
                attempt()
    assert _account(station, "intrus") is None
    assert _account(station, AGENT).role is Role.AGENT
    assert _account(station, REFERENT).active


def test_the_menu_entry_is_for_referents_only(qtbot, thread, station) -> None:
    for login, password, enabled in (
        (AGENT, AGENT_PASSWORD, False),
        (REFERENT, REFERENT_PASSWORD, True),
    ):
        flow = StartupFlow(thread, station, "os-user")
        flow.start()
        qtbot.waitUntil(
            lambda f=flow: isinstance(f.dialog, SignInDialog) and f.dialog.isVisible(),
            timeout=10_000,
        )
        form = flow.dialog.form
        type_text(form.login, login)
        type_text(form.password, password)
        with qtbot.waitSignal(flow.finished, timeout=10_000) as blocker:
            press_key(form.password, Qt.Key.Key_Return)
        assert blocker.args == [EXIT_OK]
        assert flow.security_menu.accounts_action.isEnabled() is enabled
        if enabled:
            flow.security_menu.accounts_action.trigger()
            dialog = flow.security_menu.accounts_dialog
            _loaded(qtbot, dialog, 2)
            dialog.close()
        flow.window.close()
        flow.window.deleteLater()


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_referent_creates_an_account_by_keyboard(qtbot, thread, station, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = _dialog(qtbot, thread, Session(REFERENT, Role.REFERENT))
    _loaded(qtbot, dialog, 2)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    dialog.new_button.setFocus()
    press_key(dialog.new_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: isinstance(dialog.subdialog, NewAccountDialog) and dialog.subdialog.isVisible(),
        timeout=5_000,
    )
    new = dialog.subdialog
    new.activateWindow()
    qtbot.waitUntil(new.isActiveWindow, timeout=5_000)
    assert new.form.login.hasFocus()
    rule = new.findChild(type(new.form.problem), "password_rule")
    assert "au moins 12 caractères" in rule.text() and "ANSSI" in rule.text()
    type_text(focused(), NEW_LOGIN)
    press_key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "Claire Martin")
    press_key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "trop court")
    assert new.form.problem.text() == "Le mot de passe doit compter au moins 12 caractères."
    assert not new.ok_button.isEnabled()
    focused().clear()
    type_text(focused(), NEW_PASSWORD)
    press_key(focused(), Qt.Key.Key_Tab)
    type_text(focused(), NEW_PASSWORD + "x")
    assert new.form.problem.text() == "Les deux saisies sont différentes."
    press_key(focused(), Qt.Key.Key_Backspace)
    assert new.form.problem.text() == "" and new.ok_button.isEnabled()
    press_key(focused(), Qt.Key.Key_Tab)
    assert focused() is new.role and new.chosen_role() is Role.AGENT
    press_key(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10_000)
    assert not new.isVisible()
    assert dialog.status.text() == "Compte « cmartin » créé (agent de traçage)."
    assert dialog.selected().login == NEW_LOGIN

    account = _account(station, NEW_LOGIN)
    assert (account.role, account.display_name, account.active) == (
        Role.AGENT,
        "Claire Martin",
        True,
    )
    with open_store(station) as db:
        assert AccountStore(db).authenticate(NEW_LOGIN, NEW_PASSWORD).role is Role.AGENT
        created = [r for r in journal_rows(db) if r[5] == f"compte {NEW_LOGIN} agent"]
    assert len(created) == 1 and created[0][2] == REFERENT  # who created it

    # A login already taken: the service's message, what was typed is kept.
    dialog.new()
    again = dialog.subdialog
    type_text(again.form.login, NEW_LOGIN)
    type_text(again.form.first, NEW_PASSWORD)
    type_text(again.form.second, NEW_PASSWORD)
    again.ok_button.click()
    qtbot.waitUntil(lambda: "déjà pris" in again.form.problem.text(), timeout=10_000)
    assert again.isVisible() and again.form.login.text() == NEW_LOGIN
    again.reject()
    _no_secret_in_journal_or_logs(station, caplog)


def test_last_active_referent_cannot_be_disabled_or_demoted(qtbot, thread, station) -> None:
    dialog = _dialog(qtbot, thread, Session(REFERENT, Role.REFERENT))
    _loaded(qtbot, dialog, 2)
    _select(dialog, REFERENT)
    assert dialog.active_button.text() == "&Désactiver"
    dialog.active_button.click()
    qtbot.waitUntil(lambda: "au moins un compte référent actif" in dialog.status.text())
    assert _account(station, REFERENT).active
    qtbot.waitUntil(dialog.role_button.isEnabled)
    assert dialog.role_button.text() == "Passer &agent de traçage"
    dialog.status.clear()
    dialog.role_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.role_button.isEnabled()
            and "au moins un compte référent actif" in dialog.status.text()
        )
    )
    assert _account(station, REFERENT).role is Role.REFERENT
    with open_store(station) as db:
        store = AccountStore(db, REFERENT)
        with pytest.raises(AccountError, match="au moins un compte référent actif"):
            store.set_active(REFERENT, False)
        with pytest.raises(AccountError, match="au moins un compte référent actif"):
            store.set_role(REFERENT, Role.AGENT)

    # Disable then enable the agent; promote it: then the first référent may step down.
    _select(dialog, AGENT)
    dialog.active_button.click()
    qtbot.waitUntil(lambda: "désactivé" in dialog.status.text(), timeout=10_000)
    assert not _account(station, AGENT).active
    qtbot.waitUntil(
        lambda: dialog.active_button.isEnabled() and dialog.active_button.text() == "Ré&activer",
        timeout=10_000,
    )
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "désactivé"
    dialog.active_button.click()
    qtbot.waitUntil(lambda: "réactivé" in dialog.status.text(), timeout=10_000)
    assert _account(station, AGENT).active
    qtbot.waitUntil(lambda: dialog.role_button.isEnabled(), timeout=10_000)
    assert dialog.role_button.text() == "Passer &référent"
    dialog.role_button.click()
    qtbot.waitUntil(lambda: "rôle référent" in dialog.status.text(), timeout=10_000)
    assert _account(station, AGENT).role is Role.REFERENT
    qtbot.waitUntil(lambda: dialog.role_button.isEnabled(), timeout=10_000)
    _select(dialog, REFERENT)
    dialog.role_button.click()
    qtbot.waitUntil(lambda: _account(station, REFERENT).role is Role.AGENT, timeout=10_000)
    with open_store(station) as db:
        details = [r[5] for r in journal_rows(db) if r[2] == REFERENT]
    assert f"compte {AGENT} désactivé" in details and f"compte {AGENT} activé" in details
    assert f"compte {AGENT} referent" in details and f"compte {REFERENT} agent" in details


def test_reset_password_is_journaled_without_the_secret(qtbot, thread, station, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = _dialog(qtbot, thread, Session(REFERENT, Role.REFERENT))
    _loaded(qtbot, dialog, 2)
    _select(dialog, AGENT)
    dialog.password_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.subdialog, PasswordDialog), timeout=5_000)
    reset = dialog.subdialog
    type_text(reset.first, RESET_PASSWORD)
    type_text(reset.second, RESET_PASSWORD)
    press_key(reset.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Mot de passe de « jdupont » remplacé" in dialog.status.text())
    with open_store(station) as db:
        store = AccountStore(db)
        assert store.authenticate(AGENT, RESET_PASSWORD).login == AGENT
        details = [r[5] for r in journal_rows(db)]
    assert f"mot de passe {AGENT}" in details
    _no_secret_in_journal_or_logs(station, caplog)


def test_the_first_account_must_be_a_referent(data_dir: Path) -> None:
    init_store(data_dir)
    with open_store(data_dir) as db:
        with pytest.raises(AccountError, match="premier compte"):
            AccountStore(db, "cli:root").create(AGENT, AGENT_PASSWORD, Role.AGENT)
        assert not AccountStore(db).has_accounts()
