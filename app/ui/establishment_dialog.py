"""The establishment's details printed on the poster and the notice.

Name, FINESS, the référent or DPO and how to reach them, an optional logo:
the settings editor's fields (``app.ui.settings_editor``), each checked by its
setting; the logo must also be an image the printer can read. Values are read
and saved through the database thread; a refused value is explained in French
under its field and everything typed stays in place. A FINESS whose check
digit fails is only a warning: some numbers in use do not pass it.

Signals:
    saved(): the settings were written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.core import settings as S
from app.ui.settings_editor import ERROR_STYLE, SettingsEditor
from app.workers.db_thread import DbThread

FIELDS: tuple[S.Setting[str], ...] = (
    S.ESTABLISHMENT_NAME,
    S.ESTABLISHMENT_FINESS,
    S.ESTABLISHMENT_CONTACT_NAME,
    S.ESTABLISHMENT_CONTACT_PHONE,
    S.ESTABLISHMENT_CONTACT_EMAIL,
    S.ESTABLISHMENT_LOGO_PATH,
)


def _logo_problem(path: str) -> str:
    """The printer's own reading of the logo: a French problem, ``""`` if it is an image."""
    from app.print.render import load_logo  # the print stack, when first needed

    _logo, problem = load_logo(path)
    return problem


class EstablishmentDialog(QDialog):
    saved = Signal()

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("establishment_dialog")
        self.setWindowTitle(self.tr("Établissement\u00a0: affiche et notice d’information"))
        self._db_thread = db_thread
        self._user = user
        self.editor = SettingsEditor(
            [s.key for s in FIELDS], self, checks={S.ESTABLISHMENT_LOGO_PATH.key: _logo_problem}
        )
        #: The field of each setting (the editor's line edits).
        self.edits = self.editor.fields

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        note = QLabel(
            self.tr(
                "Ces informations s’impriment sur l’affiche et la notice remises aux patients "
                "et résidents. Indiquez un téléphone ou une adresse e-mail (ou les deux)."
            ),
            self,
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self.editor.loaded.connect(self._loaded)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self._failed)
        self.editor.read(db_thread, user)

    def _loaded(self, _values: dict[str, Any]) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.edits[S.ESTABLISHMENT_NAME.key].setFocus()

    def save(self) -> None:
        self.problem.hide()
        if not self.editor.save(self._db_thread, self._user):
            self._show_problem(
                self.tr("Corrigez les valeurs signalées\u202f; rien n’a été enregistré.")
            )
            return
        self.buttons.setEnabled(False)

    def _saved(self, _values: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit()
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
