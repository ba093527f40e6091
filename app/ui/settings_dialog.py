"""The settings dialog: every declared setting (``app.core.settings.REGISTRY``), by section.

Établissement (name, FINESS, address, référent or DPO contact, logo, time
zone), Conservation (a period shorter than the 3-month maximum, deletion after
acknowledged transmission, warning before deletion), Sécurité (auto-lock
delay, journal retention) and Synchronisation (central service). The fields
are the settings editor's (``app.ui.settings_editor``), built from each
declaration, so a setting declared later by another feature appears here
without changing this file.

Values are read and written on the database thread. A refused value gets its
French message beside the field and keeps what was typed; a FINESS whose
check digit fails is only a warning. Only changed values are written (one
transaction, journaled by key; only a référent may change them).

Signals:
    saved(object): the dict of values written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.core import settings as S
from app.core.i18n import QT_TRANSLATE_NOOP
from app.ui.purge_task_box import PurgeTaskBox
from app.ui.settings_editor import ERROR_STYLE, SettingsEditor
from app.workers.db_thread import DbThread

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Établissement"), ("establishment.",)),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Conservation des données"),
        ("retention.", "purge."),
    ),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Sécurité"), ("security.", "journal.")),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Synchronisation"), ("sync.",)),
)


def _section_title(title: str) -> str:
    return QCoreApplication.translate("SettingsDialog", title)


def pages() -> list[tuple[str, list[str]]]:
    """The tabs (translated title, keys): each section, then « Autres » for a setting no
    section claims; the settings the program sets itself are not shown."""
    shown = [k for k, setting in S.REGISTRY.items() if not setting.internal]
    out: list[tuple[str, list[str]]] = []
    placed: set[str] = set()
    for title, prefixes in SECTIONS:
        keys = [k for k in shown if k.startswith(prefixes)]
        placed.update(keys)
        out.append((_section_title(title), keys))
    others = [k for k in shown if k not in placed]
    if others:
        out.append((QCoreApplication.translate("SettingsDialog", "Autres"), others))
    return out


class SettingsDialog(QDialog):
    saved = Signal(object)

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Paramètres"))
        self._db = db_thread
        self._user = user
        tabs = pages()
        self.editor = SettingsEditor([k for _title, keys in tabs for k in keys], self, pages=tabs)
        assert self.editor.tabs is not None
        self.tabs = self.editor.tabs
        #: The field of each setting shown (the editor's).
        self.editors = self.editor.fields
        self.messages = self.editor.messages
        # The daily OS purge task: its state, and registering it for this user.
        self.purge_task = PurgeTaskBox(self)
        self.editor.form_for(S.RETENTION_MONTHS.key).addRow(self.purge_task)

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)  # until the values are loaded

        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self.editor.loaded.connect(self._loaded)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self._failed)
        self.editor.read(db_thread, user)

    def _loaded(self, _values: dict[str, Any]) -> None:
        self.buttons.setEnabled(True)
        first = self.editors.get(S.ESTABLISHMENT_NAME.key)
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        self.problem.hide()
        if not self.editor.save(self._db, self._user):
            self.problem.setText(
                self.tr("Corrigez les valeurs signalées\u202f; rien n’a été enregistré.")
            )
            self.problem.show()
            return
        self.buttons.setEnabled(False)

    def _saved(self, values: dict[str, Any]) -> None:
        self.buttons.setEnabled(True)
        if values:
            self.saved.emit(values)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(bool(self.editor.loaded_values))  # not if nothing was read
        self.problem.setText(message)
        self.problem.show()
