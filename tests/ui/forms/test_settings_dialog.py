"""The settings dialog: every declared setting, checks beside the field, only changes written."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox

from app.core import settings as S
from app.db.settings_store import SettingsStore
from app.ui.settings_dialog import SettingsDialog
from tests.ui.forms.conftest import USER
from tests.ui.helpers import type_text


def open_dialog(qtbot, open_thread) -> SettingsDialog:
    dialog = SettingsDialog(open_thread, USER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5_000)
    return dialog


def test_every_setting_has_a_field_and_retention_cannot_exceed_3_months(qtbot, store, open_thread):
    dialog = open_dialog(qtbot, open_thread)
    # Every setting a person may change; the internal ones (set by the program) are not shown.
    assert set(dialog.editors) == {k for k, s in S.REGISTRY.items() if not s.internal}
    assert "demo.enabled" in S.REGISTRY and "demo.enabled" not in dialog.editors
    months = dialog.editors["retention.months"]
    assert isinstance(months, QSpinBox) and (months.minimum(), months.maximum()) == (1, 3)
    assert months.value() == 3
    autolock = dialog.editors["security.autolock_minutes"]
    assert isinstance(autolock, QSpinBox) and autolock.value() == 5
    assert isinstance(dialog.editors["establishment.address"], QPlainTextEdit)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())][:4] == [
        "Établissement",
        "Conservation des données",
        "Sécurité",
        "Synchronisation",
    ]
    for key, editor in dialog.editors.items():
        assert editor.accessibleName(), key


def test_refused_value_keeps_the_text_and_saves_nothing(qtbot, store, open_thread, repo):
    dialog = open_dialog(qtbot, open_thread)
    phone = dialog.editors["establishment.contact_phone"]
    assert isinstance(phone, QLineEdit)
    type_text(phone, "12ab")
    dialog.save()
    message = dialog.messages["establishment.contact_phone"]
    assert message.isVisible() and "Numéro de téléphone non reconnu « 12ab »" in message.text()
    assert phone.text() == "12ab" and dialog.isVisible()
    assert dialog.problem.text() == "Corrigez les valeurs signalées ; rien n’a été enregistré."
    assert SettingsStore(repo.db, USER).get(S.ESTABLISHMENT_CONTACT_PHONE) == ""


def test_saves_the_changed_values(qtbot, store, open_thread, repo):
    dialog = open_dialog(qtbot, open_thread)
    type_text(dialog.editors["establishment.name"], "EHPAD Les Tilleuls")
    finess = dialog.editors["establishment.finess"]
    type_text(finess, "750000001")  # wrong check digit: a warning only
    assert dialog.editor.warnings["establishment.finess"].isVisible()
    dialog.editors["establishment.address"].setPlainText("12 rue des Lilas\n69003 Lyon")
    dialog.editors["retention.months"].setValue(2)
    dialog.editors["security.autolock_minutes"].setValue(10)
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as blocker:
        dialog.save()
    assert set(blocker.args[0]) == {
        "establishment.name",
        "establishment.finess",
        "establishment.address",
        "retention.months",
        "security.autolock_minutes",
    }
    stored = SettingsStore(repo.db, USER)
    assert stored.get(S.ESTABLISHMENT_NAME) == "EHPAD Les Tilleuls"
    assert stored.get(S.ESTABLISHMENT_ADDRESS) == "12 rue des Lilas\n69003 Lyon"
    assert stored.get(S.RETENTION_MONTHS) == 2
    assert stored.get(S.AUTOLOCK_MINUTES) == 10
