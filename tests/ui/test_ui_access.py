"""The window side of access control: sign-in, roles, lockout countdown, auto-lock, user switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.enums import FicheKind
from app.core.serialize import fiche_to_dict
from app.db.accounts import AccountStore
from app.db.drafts import DraftStore
from app.db.store import init_store, open_store
from app.ui.application import EXIT_OK, StartupFlow, install_translators
from app.ui.journal_viewer import JournalViewer
from app.ui.login import SignInDialog
from app.workers.db_thread import DbThread
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.support.markers import SURNAME, marker_patient_zero
from tests.ui.helpers import press_key, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture
def thread(qtbot) -> Iterator[DbThread]:
    db_thread = DbThread()
    db_thread.start()
    yield db_thread
    assert db_thread.shutdown()


@pytest.fixture
def station(data_dir: Path) -> Path:
    """A store with a référent and an agent; the agent left an unsaved draft."""
    from app.core.accounts import Role

    init_store(data_dir)
    with open_store(data_dir) as db:
        AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD)
        AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
    return data_dir


@pytest.fixture
def flow(qtbot, thread, station) -> Iterator[StartupFlow]:
    f = StartupFlow(thread, station, "os-user")
    yield f
    for w in (f.window, f.dialog):
        if w is not None:
            w.close()
            w.deleteLater()


def wait_sign_in(qtbot, flow) -> SignInDialog:
    qtbot.waitUntil(
        lambda: isinstance(flow.dialog, SignInDialog) and flow.dialog.isVisible(), timeout=10_000
    )
    return flow.dialog


def sign_in(qtbot, flow, login: str, password: str) -> None:
    flow.start()
    dialog = wait_sign_in(qtbot, flow)
    type_text(dialog.form.login, login)
    type_text(dialog.form.password, password)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as blocker:
        press_key(dialog.form.password, Qt.Key.Key_Return)
    assert blocker.args == [EXIT_OK]


def test_lockout_countdown_in_the_sign_in_dialog(qtbot, flow) -> None:
    flow.start()
    dialog = wait_sign_in(qtbot, flow)
    type_text(dialog.form.login, AGENT)
    for attempt in range(5):
        type_text(dialog.form.password, f"mauvais {attempt}")
        press_key(dialog.form.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.form.button.isEnabled() or dialog.form.waiting > 0)
    assert dialog.form.waiting == 30
    assert "30 seconde" in dialog.form.problem.text()
    assert not dialog.form.button.isEnabled()
    assert dialog.form.password.text() == ""  # the secret is not kept
    assert flow.window is None


def test_agent_has_no_restricted_action_in_the_window(qtbot, flow, tmp_path: Path) -> None:
    sign_in(qtbot, flow, AGENT, AGENT_PASSWORD)
    menu = flow.security_menu
    for action in (menu.excel_action, menu.pseudo_action, menu.journal_action, menu.forget_action):
        assert not action.isEnabled()
    # Even if the window called the export anyway, the service refuses.
    out = tmp_path / "x.xlsx"
    with qtbot.waitSignal(menu.failed, timeout=10_000) as blocker:
        menu.export_excel(str(out))
    assert "réservée au référent" in blocker.args[0] and not out.exists()
    viewer = JournalViewer(flow.autolock._db_thread, flow.session, flow.window)
    qtbot.waitUntil(lambda: "réservée au référent" in viewer.status.text(), timeout=10_000)
    assert viewer.table.rowCount() == 0
    viewer.deleteLater()


def test_referent_reads_the_journal(qtbot, flow) -> None:
    sign_in(qtbot, flow, REFERENT, REFERENT_PASSWORD)
    assert flow.security_menu.journal_action.isEnabled()
    flow.security_menu.show_journal()
    viewer = flow.security_menu.journal_viewer
    qtbot.waitUntil(lambda: viewer.table.rowCount() > 0, timeout=10_000)
    assert viewer.chain.text().endswith("intact")
    actions = {viewer.table.item(r, 2).text() for r in range(viewer.table.rowCount())}
    assert "connexion" in actions
    viewer.close()


def _texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLineEdit))


def test_auto_lock_hides_content_and_keeps_the_draft_from_another_user(
    qtbot, flow, station
) -> None:
    pz = marker_patient_zero()
    with open_store(station) as db:
        DraftStore(db, owner=AGENT).put(
            pz.uuid, FicheKind.PATIENT_ZERO, 0, {"base": fiche_to_dict(pz), "raw": {}}
        )
    sign_in(qtbot, flow, AGENT, AGENT_PASSWORD)
    agent_window = flow.window
    qtbot.waitUntil(lambda: len(agent_window.workspace.forms()) == 1, timeout=10_000)
    assert SURNAME in _texts(agent_window)
    lock = flow.autolock
    assert lock.interval_ms == 5 * 60_000  # default delay

    # Idle delay reached: the content is hidden behind the lock screen.
    lock.set_minutes(1)
    lock._timer.setInterval(50)
    lock._timer.start()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5_000)
    assert not agent_window.centralWidget().isVisible()
    assert not agent_window.menuBar().isEnabled()
    assert lock.screen.isVisible()
    assert SURNAME not in " ".join(
        w.text() for w in lock.screen.findChildren(QLineEdit) if w.isVisible()
    )

    # Another user signs in on the lock screen: a new window, without the agent's draft.
    form = lock.screen.form
    form.login.clear()
    type_text(form.login, REFERENT)
    type_text(form.password, REFERENT_PASSWORD)
    press_key(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.window is not agent_window, timeout=10_000)
    referent_window = flow.window
    assert flow.session.login == REFERENT
    # Every job queued before this one (the new window's draft restore) has run.
    ticket = flow.autolock._db_thread.submit(lambda db: None)
    qtbot.waitSignal(ticket.finished, timeout=10_000).wait()
    qtbot.waitUntil(lambda: not shiboken6.isValid(agent_window))  # closed and deleted
    assert referent_window.workspace.forms() == []
    assert SURNAME not in _texts(referent_window)

    # The draft is still the agent's, and comes back to them.
    with open_store(station) as db:
        assert DraftStore(db, owner=AGENT).get(pz.uuid) is not None
        assert DraftStore(db, owner=REFERENT).all() == []
    flow.autolock.lock()
    form = flow.autolock.screen.form
    form.login.clear()
    type_text(form.login, AGENT)
    type_text(form.password, AGENT_PASSWORD)
    press_key(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.session.login == AGENT, timeout=10_000)
    qtbot.waitUntil(lambda: len(flow.window.workspace.forms()) == 1, timeout=10_000)
    assert SURNAME in _texts(flow.window)


def test_same_user_unlocks(qtbot, flow) -> None:
    sign_in(qtbot, flow, AGENT, AGENT_PASSWORD)
    window = flow.window
    flow.autolock.lock()
    form = flow.autolock.screen.form
    assert form.login.text() == AGENT
    type_text(form.password, "mauvais mot de passe")
    press_key(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "incorrect" in form.problem.text(), timeout=10_000)
    assert flow.autolock.is_locked
    type_text(form.password, AGENT_PASSWORD)
    with qtbot.waitSignal(flow.autolock.unlocked, timeout=10_000):
        press_key(form.password, Qt.Key.Key_Return)
    assert flow.window is window and window.centralWidget().isVisible()
    assert window.menuBar().isEnabled()
