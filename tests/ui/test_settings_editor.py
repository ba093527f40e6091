"""The one settings editor: fields built from the declarations, each value checked by its
setting's validator (message under the field, text kept), saved off the UI thread; the
three dialogs built on it, and their labels in the language of the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from app.core import settings as S
from app.core.dates import ZONES
from app.db.accounts import AccountStore
from app.db.repositories import journal_rows
from app.db.settings_store import SettingsStore
from app.db.store import init_store
from app.ui.application import install_translators
from app.ui.settings_editor import SettingsEditor
from app.workers.db_thread import DbThread
from tests.ui.helpers import type_text

USER = "test:ui"
SHOWN = [k for k, s in S.REGISTRY.items() if not s.internal]
ESTABLISHMENT = [k for k in SHOWN if k.startswith("establishment.")]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def store(data_dir: Path) -> Path:
    init_store(data_dir)
    return data_dir


@pytest.fixture
def thread(store: Path, open_thread: DbThread) -> DbThread:
    return open_thread


@pytest.fixture
def french_afterwards(qapp: object) -> Iterator[None]:
    yield
    install_translators("fr")


def on_db(qtbot, thread: DbThread, fn) -> Any:  # type: ignore[no-untyped-def]
    ticket = thread.submit(fn)
    with qtbot.waitSignal(ticket.finished, timeout=10_000) as blocker:
        pass
    return blocker.args[0]


def editor_for(qtbot, keys: list[str]) -> SettingsEditor:  # type: ignore[no-untyped-def]
    editor = SettingsEditor(keys)
    qtbot.addWidget(editor)
    return editor


def test_fields_follow_the_declarations(qtbot) -> None:
    editor = editor_for(qtbot, SHOWN)
    assert list(editor.fields) == SHOWN
    assert not editor.isEnabled()  # until values are loaded
    for key, field in editor.fields.items():
        setting = S.REGISTRY[key]
        assert field.objectName() == key and field.accessibleName(), key
        if setting.type is bool:
            assert isinstance(field, QCheckBox), key
        elif setting.type is int:
            assert isinstance(field, QSpinBox), key
            assert setting.bounds is not None, f"{key}: an integer declares its bounds"
            assert (field.minimum(), field.maximum()) == setting.bounds, key
        elif setting.choices:
            assert isinstance(field, QComboBox), key
        elif setting.multiline:
            assert isinstance(field, QPlainTextEdit), key
        else:
            assert isinstance(field, QLineEdit), key
    zones = editor.fields["establishment.timezone"]
    assert isinstance(zones, QComboBox) and zones.count() == len(ZONES)
    assert zones.itemText(3) == "La Réunion"
    for key in ("establishment.logo_path", "sync.ca_bundle"):
        assert editor.findChild(QPushButton, key + ".browse") is not None, key
    months = editor.fields["retention.months"]
    assert isinstance(months, QSpinBox) and (months.minimum(), months.maximum()) == (1, 3)
    server = editor.fields["sync.server_url"]
    assert isinstance(server, QLineEdit) and server.placeholderText() == "https://"

    editor.load({"establishment.contact_phone": "+33145678912"})
    assert editor.isEnabled()
    values = editor.values()
    assert values["establishment.contact_phone"] == "01 45 67 89 12"  # shown nationally
    assert values["retention.months"] == 3 and values["establishment.timezone"] == "Europe/Paris"
    assert editor.changes() == {}  # the phone shown is the number stored


def test_each_value_is_checked_by_its_setting_and_the_text_is_kept(qtbot) -> None:
    keys = ["establishment.contact_phone", "establishment.contact_email", "sync.server_url"]
    editor = editor_for(qtbot, keys)
    editor.show()
    editor.load({})
    typed = {
        "establishment.contact_phone": "12ab",
        "establishment.contact_email": "dpo@",
        "sync.server_url": "http://central.exemple.fr",
    }
    for key, text in typed.items():
        type_text(editor.fields[key], text)
    assert editor.validate() is None
    for key, text in typed.items():
        field = editor.fields[key]
        assert isinstance(field, QLineEdit) and field.text() == text, key  # kept for correction
        with pytest.raises(S.SettingError) as refused:
            S.REGISTRY[key].validate(text)
        message = editor.messages[key]
        assert message.isVisible() and message.text() == str(refused.value), key  # its validator
    assert "Numéro de téléphone non reconnu «\u202f12ab\u202f»" in editor.problems()[0]
    assert editor.problems()[2].startswith("Adresse en http:// refusée\u00a0:")

    for key in typed:
        editor.fields[key].clear()  # type: ignore[attr-defined]
    type_text(editor.fields["establishment.contact_phone"], "0145678912")
    type_text(editor.fields["sync.server_url"], "https://tracage.exemple.fr/")
    assert editor.validate() == {
        "establishment.contact_phone": "+33145678912",
        "establishment.contact_email": "",
        "sync.server_url": "https://tracage.exemple.fr",
    }
    assert all(m.isHidden() for m in editor.messages.values())


def test_a_warning_does_not_refuse(qtbot) -> None:
    editor = editor_for(qtbot, ["establishment.finess"])
    editor.show()
    editor.load({})
    type_text(editor.fields["establishment.finess"], "750000001")  # check digit wrong
    warning = editor.warnings["establishment.finess"]
    assert warning.isVisible() and "clé" in warning.text()
    assert editor.validate() == {"establishment.finess": "750000001"}
    editor.fields["establishment.finess"].setText("750000002")  # type: ignore[attr-defined]
    assert warning.isHidden()


def test_a_screens_own_check_comes_after_the_settings(qtbot) -> None:
    editor = SettingsEditor(
        ["establishment.logo_path"],
        checks={"establishment.logo_path": lambda path: "illisible" if "x" in path else ""},
    )
    qtbot.addWidget(editor)
    editor.load({})
    assert editor.validate() == {"establishment.logo_path": ""}  # empty: not checked
    editor.fields["establishment.logo_path"].setText("  /tmp/x.png ")  # type: ignore[attr-defined]
    assert editor.validate() is None and editor.problems() == ["illisible"]


def test_reads_and_saves_the_changes_through_the_store(qtbot, thread: DbThread) -> None:
    on_db(qtbot, thread, lambda db: SettingsStore(db, USER).set_many({"establishment.name": "A"}))
    editor = editor_for(qtbot, ESTABLISHMENT)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.read(thread, USER)
    name = editor.fields["establishment.name"]
    assert isinstance(name, QLineEdit) and name.text() == "A" and editor.isEnabled()
    name.setText("EHPAD Les Tilleuls")
    editor.fields["establishment.timezone"].setCurrentIndex(3)  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        assert editor.save(thread, USER)
    assert saved.args[0] == {
        "establishment.name": "EHPAD Les Tilleuls",
        "establishment.timezone": "Indian/Reunion",
    }
    stored = on_db(qtbot, thread, lambda db: SettingsStore(db, USER).all())
    assert stored["establishment.name"] == "EHPAD Les Tilleuls"
    assert stored["establishment.timezone"] == "Indian/Reunion"
    keys = [r[5] for r in on_db(qtbot, thread, journal_rows) if r[2] == USER]
    assert "setting establishment.timezone" in keys and "setting establishment.finess" not in keys
    with qtbot.waitSignal(editor.saved, timeout=1_000) as again:
        assert editor.save(thread, USER)  # nothing changed since: nothing written
    assert again.args[0] == {}


def test_refused_value_writes_nothing(qtbot, thread: DbThread) -> None:
    editor = editor_for(qtbot, ["establishment.name", "establishment.contact_email"])
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.read(thread, USER)
    editor.fields["establishment.name"].setText("B")  # type: ignore[attr-defined]
    editor.fields["establishment.contact_email"].setText("dpo@")  # type: ignore[attr-defined]
    with qtbot.assertNotEmitted(editor.saved, wait=50):
        assert not editor.save(thread, USER)
    assert (
        on_db(qtbot, thread, lambda db: SettingsStore(db, USER).all())["establishment.name"] == ""
    )


def test_the_store_refusing_keeps_the_text(qtbot, thread: DbThread) -> None:
    """Only a référent changes settings: the store's refusal comes back in French."""
    on_db(
        qtbot,
        thread,
        lambda db: AccountStore(db).create_first_referent("cadre", "Réglages-2026-poste !"),
    )
    editor = editor_for(qtbot, ["establishment.name"])
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.read(thread, "agent.inconnu")
    editor.fields["establishment.name"].setText("C")  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.failed, timeout=10_000) as failed:
        editor.save(thread, "agent.inconnu")
    assert failed.args[0] and "Erreur interne" not in failed.args[0]
    assert editor.values() == {"establishment.name": "C"} and editor.isEnabled()


# ------------------------------------------------------------------ the dialogs


def test_the_three_dialogs_are_the_editor(qtbot, thread: DbThread) -> None:
    from app.ui.establishment_dialog import EstablishmentDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.sync_menu import SyncSettingsDialog

    settings = SettingsDialog(thread, USER)
    establishment = EstablishmentDialog(thread, USER)
    sync = SyncSettingsDialog(thread, USER)
    for dialog in (settings, establishment, sync):
        qtbot.addWidget(dialog)
        assert isinstance(dialog.editor, SettingsEditor)
    assert sorted(settings.editor.fields) == sorted(SHOWN)
    assert list(establishment.editor.fields) == [
        "establishment.name",
        "establishment.finess",
        "establishment.contact_name",
        "establishment.contact_phone",
        "establishment.contact_email",
        "establishment.logo_path",
    ]
    assert list(sync.editor.fields) == [
        "sync.server_url",
        "sync.ca_bundle",
        "sync.interval_minutes",
        "sync.dev_mode",
    ]
    qtbot.waitUntil(lambda: sync.editor.isEnabled(), timeout=10_000)
    assert sync.interval.value() == 15  # type: ignore[attr-defined]


def test_sync_settings_speak_the_windows_language(qtbot, thread: DbThread, french_afterwards):
    """The labels are declared in the « core » context and translated there (not in the
    dialog's own context, where an English window showed them in French)."""
    from app.ui.sync_menu import SyncSettingsDialog

    install_translators("en")
    dialog = SyncSettingsDialog(thread, USER)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Central service address\u00a0:" in labels
    assert "Automatic synchronisation (minutes)\u00a0:" in labels
    assert not any(text.startswith("Adresse du service central") for text in labels)
    dev_mode = dialog.editor.fields["sync.dev_mode"]
    assert isinstance(dev_mode, QCheckBox)
    assert dev_mode.text() == "Development mode (http:// to the loopback)"
    assert dialog.windowTitle() != "Paramètres de synchronisation"
