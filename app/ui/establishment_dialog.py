"""The establishment's details printed on the poster and the notice.

Name, FINESS, the référent or DPO and how to reach them, an optional logo.
Values are read and saved through the database thread; a refused value is
explained in French and everything typed stays in place. A FINESS whose
check digit fails is only a warning: some numbers in use do not pass it.

Signals:
    saved(): the settings were written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import settings as S
from app.core.identifiers import (
    IdentifierError,
    finess_key_warning,
    format_phone,
    normalize_finess,
)
from app.db.settings_store import SettingsStore
from app.print.render import load_logo
from app.workers.db_thread import DbFailure, DbThread

FIELDS: tuple[S.Setting[str], ...] = (
    S.ESTABLISHMENT_NAME,
    S.ESTABLISHMENT_FINESS,
    S.ESTABLISHMENT_CONTACT_NAME,
    S.ESTABLISHMENT_CONTACT_PHONE,
    S.ESTABLISHMENT_CONTACT_EMAIL,
    S.ESTABLISHMENT_LOGO_PATH,
)


class EstablishmentDialog(QDialog):
    saved = Signal()

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("establishment_dialog")
        self.setWindowTitle(self.tr("Établissement : affiche et notice d’information"))
        self._db_thread = db_thread
        self._user = user
        self.edits: dict[str, QLineEdit] = {}

        form = QFormLayout()
        for setting in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(setting.key)
            edit.setEnabled(False)  # until the current values are loaded
            if setting.help:
                edit.setToolTip(QCoreApplication.translate("core", setting.help))
            self.edits[setting.key] = edit
            if setting is S.ESTABLISHMENT_LOGO_PATH:
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                choose = QPushButton(self.tr("Choisir…"), self)
                choose.clicked.connect(self._choose_logo)
                remove = QPushButton(self.tr("Retirer"), self)
                remove.clicked.connect(edit.clear)
                row.addWidget(choose)
                row.addWidget(remove)
                form.addRow(QCoreApplication.translate("core", setting.label), row)
            else:
                form.addRow(QCoreApplication.translate("core", setting.label), edit)
        self.edits[S.ESTABLISHMENT_CONTACT_EMAIL.key].setPlaceholderText("dpo@exemple.fr")
        self.edits[S.ESTABLISHMENT_FINESS.key].textChanged.connect(self._check_finess)

        self.finess_warning = QLabel(self)
        self.finess_warning.setObjectName("finess_warning")
        self.finess_warning.setWordWrap(True)
        self.finess_warning.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
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
        layout.addLayout(form)
        layout.addWidget(self.finess_warning)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self._load()

    # -- loading -----------------------------------------------------------------
    def _load(self) -> None:
        def read(db: Any) -> dict[str, str]:
            store = SettingsStore(db, self._user)
            return {setting.key: store.get(setting) for setting in FIELDS}

        ticket = self._db_thread.submit(read).tie_to(self)
        ticket.finished.connect(self._loaded)
        ticket.failed.connect(self._failed)

    def _loaded(self, values: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            value = values.get(key, "")
            if key == S.ESTABLISHMENT_CONTACT_PHONE.key and value:
                value = format_phone(value)
            edit.setText(value)
            edit.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.edits[S.ESTABLISHMENT_NAME.key].setFocus()

    # -- checks ------------------------------------------------------------------
    def _check_finess(self, text: str) -> None:
        warning = finess_key_warning(text)  # the same core rule as the first-run wizard
        self.finess_warning.setText(QCoreApplication.translate("core", warning))
        self.finess_warning.setVisible(bool(warning))

    def _choose_logo(self) -> None:
        start = self.edits[S.ESTABLISHMENT_LOGO_PATH.key].text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Logo de l’établissement"),
            start,
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
        )
        if path:
            self.edits[S.ESTABLISHMENT_LOGO_PATH.key].setText(path)

    def values(self) -> dict[str, str]:
        """Checked values to store; raises ``ValueError`` with a French message."""
        out: dict[str, str] = {}
        for setting in FIELDS:
            text = self.edits[setting.key].text()
            if setting is S.ESTABLISHMENT_FINESS and text.strip():
                try:
                    text = normalize_finess(text)
                except IdentifierError as exc:
                    raise ValueError(
                        QCoreApplication.translate("core", exc.template).format(**exc.params)
                    ) from None
            if setting is S.ESTABLISHMENT_LOGO_PATH and text.strip():
                _logo, problem = load_logo(text.strip())
                if problem:
                    raise ValueError(problem)
            out[setting.key] = setting.validate(text)
        return out

    # -- saving ------------------------------------------------------------------
    def save(self) -> None:
        try:
            values = self.values()
        except ValueError as exc:  # SettingError is a ValueError
            self._show_problem(str(exc))
            return
        self.problem.hide()
        self.buttons.setEnabled(False)
        user = self._user
        ticket = self._db_thread.submit(lambda db: SettingsStore(db, user).set_many(values))
        ticket.tie_to(self)
        ticket.finished.connect(self._saved)
        ticket.failed.connect(self._failed)

    def _saved(self, _values: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit()
        self.accept()

    def _failed(self, failure: DbFailure) -> None:
        self.buttons.setEnabled(True)
        self._show_problem(failure.message)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
