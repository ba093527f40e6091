"""The first-run wizard: by keyboard alone, the recovery code typed back, demonstration mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QToolBar, QWizard

from app.core import settings as S
from app.db import accounts
from app.db.accounts import AccountStore
from app.db.settings_store import SettingsStore
from app.db.store import open_store, store_exists
from app.services.provisioning import DEMO_PATIENTS_ZERO
from app.ui.application import EXIT_CANCELLED, EXIT_OK, StartupFlow, install_translators
from app.ui.first_run import (
    PAGE_ACCOUNT,
    PAGE_CENTRAL,
    PAGE_ESTABLISHMENT,
    PAGE_RECOVERY,
    PAGE_SUMMARY,
    PAGE_WELCOME,
    FirstRunWizard,
)
from app.ui.first_run_pages import RecoveryPage, write_recovery_pdf
from tests.ui.helpers import type_text

LOGIN = "cadre.sante"
PASSWORD = "Une longue phrase de passe"
ESTABLISHMENT = "EHPAD Les Églantines"
CODE = "7K2M-9QXD-4HZT-0B8R-W3NP-6YJC-5FVG-1SAE"


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture(autouse=True)
def cheap_hasher() -> Iterator[None]:
    """Argon2id still, with small parameters so that the tests stay fast."""
    accounts.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))
    yield
    accounts.set_hasher(PasswordHasher.from_parameters(accounts.RFC_9106_LOW_MEMORY))


@pytest.fixture
def flow(qtbot, db_thread, data_dir) -> Iterator[StartupFlow]:
    f = StartupFlow(db_thread, data_dir, "test:ui")
    yield f
    if f.window is not None:
        for form in f.window.workspace.forms():
            form._autosave_timer.stop()
        f.window.close()
        f.window.deleteLater()
    if f.dialog is not None:
        f.dialog.deleteLater()


def wait_wizard(qtbot, flow) -> FirstRunWizard:
    qtbot.waitUntil(
        lambda: isinstance(flow.dialog, FirstRunWizard) and flow.dialog.isVisible(),
        timeout=15_000,
    )
    wizard = flow.dialog
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)
    return wizard


# -- the keyboard ---------------------------------------------------------------
def focused(wizard):
    widget = wizard.focusWidget()
    assert widget is not None
    return widget


def key(wizard, k: Qt.Key) -> None:
    QTest.keyClick(focused(wizard), k)


def write(wizard, text: str) -> None:
    type_text(focused(wizard), text)


def tab(wizard, times: int = 1) -> None:
    for _ in range(times):
        key(wizard, Qt.Key.Key_Tab)


def enter(wizard) -> None:
    key(wizard, Qt.Key.Key_Return)


def fill_account(wizard) -> None:
    assert focused(wizard).objectName() == "login"
    write(wizard, LOGIN)
    tab(wizard)
    write(wizard, "Cadre de santé")
    tab(wizard)
    write(wizard, PASSWORD)
    tab(wizard)
    write(wizard, PASSWORD)
    enter(wizard)


def groups_asked(page: RecoveryPage) -> str:
    groups = page.code.split("-")
    return " ".join(groups[i] for i in page.asked)


# -- tests -------------------------------------------------------------------------
def test_wizard_completes_by_keyboard_alone(qtbot, flow, data_dir):
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    assert store_exists(data_dir)  # the key exists before its recovery code is shown
    assert wizard.currentId() == PAGE_WELCOME
    assert focused(wizard).objectName() == "mode_real"
    enter(wizard)

    assert wizard.currentId() == PAGE_ESTABLISHMENT
    assert focused(wizard).objectName() == S.ESTABLISHMENT_NAME.key
    enter(wizard)  # the name is required: Entrée does nothing yet
    assert wizard.currentId() == PAGE_ESTABLISHMENT
    write(wizard, ESTABLISHMENT)
    tab(wizard)
    write(wizard, "750000000")
    tab(wizard)
    write(wizard, "3 allée des Tilleuls 37000 Tours")  # the multi-line address: Tab leaves it
    tab(wizard)
    assert focused(wizard).objectName() == S.ESTABLISHMENT_CONTACT_NAME.key
    write(wizard, "Délégué à la protection des données")
    tab(wizard)
    write(wizard, "not a phone")
    enter(wizard)
    phone = wizard.establishment.editors[S.ESTABLISHMENT_CONTACT_PHONE.key]
    message = wizard.establishment.editor.messages[S.ESTABLISHMENT_CONTACT_PHONE.key]
    assert wizard.currentId() == PAGE_ESTABLISHMENT
    assert message.isVisible() and message.text()  # a French message under the field
    assert wizard.establishment.editor.problems() == [message.text()]
    assert phone.text() == "not a phone"  # what was typed stays
    assert focused(wizard) is phone  # the refused field, to correct it
    phone.selectAll()
    write(wizard, "02 47 00 00 00")
    enter(wizard)

    assert wizard.currentId() == PAGE_ACCOUNT
    fill_account(wizard)

    assert wizard.currentId() == PAGE_RECOVERY
    page = wizard.recovery
    qtbot.waitUntil(lambda: focused(wizard) is page.confirm)
    assert page.code_label.text().count("-") == 7
    write(wizard, groups_asked(page).lower())  # case and spaces do not matter
    enter(wizard)

    assert wizard.currentId() == PAGE_CENTRAL
    assert focused(wizard).objectName() == "central_offline"
    enter(wizard)

    assert wizard.currentId() == PAGE_SUMMARY
    summary = wizard.summary.summary.text()
    assert ESTABLISHMENT in summary and LOGIN in summary and "hors ligne" in summary
    assert PASSWORD not in summary
    with qtbot.waitSignal(flow.finished, timeout=15_000) as blocker:
        enter(wizard)
    assert blocker.args == [EXIT_OK]
    assert flow.session is not None and flow.session.login == LOGIN
    assert flow.window is not None and flow.window.isVisible()
    assert not wizard.isVisible()

    with open_store(data_dir) as db:
        account = AccountStore(db).get(LOGIN)
        assert account is not None and account.role is accounts.Role.REFERENT
        settings = SettingsStore(db, LOGIN)
        assert settings.get(S.ESTABLISHMENT_NAME) == ESTABLISHMENT
        assert settings.get(S.ESTABLISHMENT_CONTACT_PHONE) == "+33247000000"
        assert settings.get(S.DEMO_MODE) is False
        assert settings.get(S.SYNC_SERVER_URL) == ""
    assert flow.window.findChild(QToolBar, "demo_banner") is None


def test_recovery_confirmation_rejects_a_wrong_entry(qtbot):
    wizard = FirstRunWizard(CODE)
    qtbot.addWidget(wizard)
    page = wizard.recovery
    groups = CODE.split("-")
    asked = [groups[i] for i in page.asked]
    other = next(g for i, g in enumerate(groups) if i not in page.asked)

    type_text(page.confirm, asked[0] + other)  # one good group, one wrong
    assert not page.validatePage()
    assert "Ce ne sont pas les groupes" in page.problem.text()
    assert not page.confirmed
    page.confirm.clear()
    type_text(page.confirm, asked[1] + asked[0])  # the right groups, in the wrong order
    assert not page.validatePage()
    page.confirm.clear()
    type_text(page.confirm, asked[0][:3])  # too short
    assert not page.validatePage()
    page.confirm.clear()
    # Crockford spelling is lenient: O for 0, I or L for 1, dashes, lower case.
    typed = f"{asked[0]}-{asked[1]}".replace("0", "o").replace("1", "l").lower()
    type_text(page.confirm, typed)
    assert page.validatePage()
    assert page.confirmed and page.problem.text() == ""


def test_wrong_code_keeps_the_wizard_on_the_recovery_page(qtbot, flow):
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    enter(wizard)
    write(wizard, ESTABLISHMENT)
    enter(wizard)
    fill_account(wizard)
    page = wizard.recovery
    qtbot.waitUntil(lambda: focused(wizard) is page.confirm)
    write(wizard, "AAAABBBB")
    enter(wizard)
    assert wizard.currentId() == PAGE_RECOVERY and page.problem.text()
    assert page.confirm.selectedText() == "AAAABBBB"  # selected: typing replaces it
    write(wizard, groups_asked(page))
    enter(wizard)
    assert wizard.currentId() == PAGE_CENTRAL


def test_escape_asks_before_quitting_and_can_go_on(qtbot, flow, data_dir):
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    key(wizard, Qt.Key.Key_Escape)
    box = wizard.findChild(QMessageBox, "quit_first_run")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "code de récupération ne sera plus affiché" in box.informativeText()
    box.findChild(type(box.defaultButton()), "stay").click()
    assert wizard.isVisible()
    key(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(flow.finished) as blocker:
        box.findChild(type(box.defaultButton()), "quit").click()
    assert blocker.args == [EXIT_CANCELLED]
    assert store_exists(data_dir)  # the database stays; a later start shows the wizard again


def test_demonstration_mode_fills_fictitious_data_and_shows_a_banner(qtbot, flow, data_dir):
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    key(wizard, Qt.Key.Key_Down)  # « Mode démonstration »
    assert wizard.welcome.demo.isChecked()
    enter(wizard)
    name = wizard.establishment.editors[S.ESTABLISHMENT_NAME.key]
    assert name.text() == "EHPAD de démonstration"
    enter(wizard)
    fill_account(wizard)
    qtbot.waitUntil(lambda: focused(wizard) is wizard.recovery.confirm)
    write(wizard, groups_asked(wizard.recovery))
    enter(wizard)
    assert wizard.currentId() == PAGE_SUMMARY  # no central service: nothing is ever sent
    assert "Mode démonstration" in wizard.summary.summary.text()
    with qtbot.waitSignal(flow.finished, timeout=60_000):
        enter(wizard)
    window = flow.window
    qtbot.waitUntil(lambda: window.findChild(QToolBar, "demo_banner") is not None, timeout=10_000)
    banner = window.findChild(QToolBar, "demo_banner")
    assert banner.isVisible() and not banner.toggleViewAction().isVisible()
    assert "Mode démonstration — données fictives" in " ".join(
        w.text() for w in banner.findChildren(type(window.summary_label))
    )
    assert window.windowTitle().endswith("DÉMONSTRATION")
    with open_store(data_dir) as db:
        assert SettingsStore(db, LOGIN).get(S.DEMO_MODE) is True
        count = db.query_one("SELECT count(*) FROM fiches WHERE kind = 'patient_zero'")[0]
        assert count == DEMO_PATIENTS_ZERO


def test_failed_demonstration_data_is_retried_by_terminer_alone(qtbot, flow, data_dir, monkeypatch):
    from app.db.errors import DiskFullError
    from app.services import provisioning

    real_demo_data = provisioning.demo_data
    attempts: list[int] = []

    def full_once(*args, **kwargs):
        attempts.append(1)
        if len(attempts) == 1:
            raise DiskFullError()
        return real_demo_data(*args, **kwargs)

    monkeypatch.setattr(provisioning, "demo_data", full_once)
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    key(wizard, Qt.Key.Key_Down)  # « Mode démonstration »
    enter(wizard)
    enter(wizard)
    fill_account(wizard)
    qtbot.waitUntil(lambda: focused(wizard) is wizard.recovery.confirm)
    write(wizard, groups_asked(wizard.recovery))
    enter(wizard)
    assert wizard.currentId() == PAGE_SUMMARY
    enter(wizard)
    problem = wizard.summary.problem
    qtbot.waitUntil(lambda: "fiches fictives" in problem.text(), timeout=30_000)
    assert "Le poste est mis en service" in problem.text() and "disque" in problem.text()
    assert wizard.isVisible() and not wizard.summary.busy
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    with qtbot.waitSignal(flow.finished, timeout=60_000):
        enter(wizard)  # « Terminer » again: only the fictitious fiches are made
    assert len(attempts) == 2
    with open_store(data_dir) as db:
        assert db.query("SELECT count(*) FROM accounts") == [(1,)]
        count = db.query_one("SELECT count(*) FROM fiches WHERE kind = 'patient_zero'")[0]
        assert count == DEMO_PATIENTS_ZERO


def test_central_service_address_is_checked_and_token_kept_in_the_keyring(qtbot, tmp_path: Path):
    import keyring

    from app.sync.config import token_entry

    wizard = FirstRunWizard(None)
    qtbot.addWidget(wizard)
    central = wizard.central
    central.online.setChecked(True)
    type_text(central.url, "http://tracage.exemple.fr")
    assert not central.validatePage()
    assert "https://" in central.problem.text()
    central.url.clear()
    type_text(central.url, "https://tracage.exemple.fr/")
    type_text(central.ca_bundle, str(tmp_path / "absent.pem"))
    assert not central.validatePage() and "introuvable" in central.problem.text()
    central.ca_bundle.clear()
    assert central.validatePage()
    type_text(central.token, "jeton-partenaire-0123456789")
    assert central.choice() == ("https://tracage.exemple.fr", "", "jeton-partenaire-0123456789")

    # Applied in the database thread's job: token in the keyring, URL in the settings.
    from app.db.store import init_store
    from app.services.provisioning import FirstRunChoices, apply_choices

    init_store()
    with open_store() as db:
        provisioned = apply_choices(
            db,
            FirstRunChoices(
                demo=False,
                login=LOGIN,
                display_name="",
                password=PASSWORD,
                settings={S.ESTABLISHMENT_NAME.key: ESTABLISHMENT},
                server_url="https://tracage.exemple.fr",
                token="jeton-partenaire-0123456789",
            ),
        )
        assert provisioned.session.login == LOGIN and not provisioned.keyring_problem
        assert SettingsStore(db, LOGIN).get(S.SYNC_SERVER_URL) == "https://tracage.exemple.fr"
    secret = keyring.get_password("tracing-desk", token_entry("https://tracage.exemple.fr"))
    assert secret == "jeton-partenaire-0123456789"


def test_existing_store_without_account_skips_the_code_page(qtbot, flow, data_dir):
    from app.db.store import init_store

    init_store(data_dir)  # as « tracing-desk init » does: it printed the code
    flow.start()
    wizard = wait_wizard(qtbot, flow)
    assert wizard.recovery is None
    enter(wizard)
    write(wizard, ESTABLISHMENT)
    enter(wizard)
    fill_account(wizard)
    assert wizard.currentId() == PAGE_CENTRAL


def test_recovery_code_page_prints_to_pdf(qtbot, tmp_path: Path):
    target = tmp_path / "code.pdf"
    write_recovery_pdf(CODE, target)
    assert target.read_bytes().startswith(b"%PDF-")
    wizard = FirstRunWizard(CODE)
    qtbot.addWidget(wizard)
    assert wizard.recovery.code_label.text() == CODE
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Terminer"
    assert isinstance(wizard.recovery.confirm, QLineEdit)
