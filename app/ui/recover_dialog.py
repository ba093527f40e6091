"""« J’ai oublié ma phrase secrète »: a new passphrase with the recovery code, in the window.

Offered by the passphrase prompt of a store in passphrase mode. The person
types the recovery code printed at creation and a new passphrase twice; the
rules are the command line's (``tracing-desk recover``): the code's own check
(:func:`app.services.passphrase.check_recovery_code`, which tells a typo), and
:func:`app.services.passphrase.check_new_passphrase`. The replacement itself
(:func:`app.services.passphrase.recover_passphrase`: key derivations, re-keying of the
database, journal entry) runs on a pool thread, never on the UI thread, with
a busy indicator; the dialog cannot be closed meanwhile. On success
:attr:`RecoverPassphraseDialog.recovered` gives the new passphrase (kept in
memory only) so that the start-up flow opens the store with it.

Every refusal is said in French under the fields, and what was typed stays.
Nothing here logs what was typed: an unexpected error is logged by its type.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services.passphrase import (
    MIN_PASSPHRASE_CHARS,
    check_new_passphrase,
    check_recovery_code,
    recover_passphrase,
)
from app.workers.db_thread import user_error_message

log = logging.getLogger(__name__)

DIALOG_NAME = "recover_passphrase_dialog"


class _Signals(QObject):
    done = Signal()
    refused = Signal(object)  # the UserError
    crashed = Signal()


class _Replace(QRunnable):
    """The replacement of the passphrase, on a pool thread (slow key derivations)."""

    def __init__(self, signals: _Signals, code: str, new: str, data_dir: Path, user: str) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._signals = signals
        self._args = (code, new, data_dir, user)

    def run(self) -> None:
        code, new, data_dir, user = self._args
        try:
            recover_passphrase(code, new, data_dir, user=user)
        except UserError as exc:
            self._signals.refused.emit(exc)
            return
        except Exception as exc:  # a bug: its type only (the text could quote a secret)
            log.error("passphrase recovery failed with %s", type(exc).__qualname__)
            self._signals.crashed.emit()
            return
        self._signals.done.emit()


class RecoverPassphraseDialog(QDialog):
    """Recovery code + new passphrase (twice) → the store re-keyed off the UI thread.

    Signals:
        recovered(str): the new passphrase; the dialog is accepted right after.
    """

    recovered = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        user: str,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(DIALOG_NAME)
        self._data_dir = data_dir
        self._user = user
        self._pool = pool or QThreadPool.globalInstance()
        self._busy = False
        self._new = ""
        self.setWindowTitle(self.tr("Phrase secrète oubliée"))
        self.setModal(True)

        intro = QLabel(
            self.tr(
                "Saisissez le code de récupération imprimé à la création de la base "
                "(32\u00a0caractères, tirets et espaces facultatifs), puis choisissez une "
                "nouvelle phrase secrète (au moins {n}\u00a0caractères, par exemple "
                "plusieurs mots). L’ancienne phrase secrète ne servira plus\u202f; le même "
                "code de récupération reste valable."
            ).format(n=MIN_PASSPHRASE_CHARS),
            self,
        )
        intro.setWordWrap(True)

        self.code = QLineEdit(self)
        self.code.setObjectName("recovery_code")
        self.first = QLineEdit(self)
        self.first.setObjectName("new_passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("new_passphrase_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("Code de récupération\u00a0:"), self.code)
        form.addRow(self.tr("Nouvelle phrase secrète\u00a0:"), self.first)
        form.addRow(self.tr("Confirmation\u00a0:"), self.second)

        self.problem = QLabel(self)
        self.problem.setObjectName("recover_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")

        self.progress = QProgressBar(self)
        self.progress.setObjectName("recover_busy")
        self.progress.setRange(0, 0)  # busy, no known end
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.working = QLabel(
            self.tr("Remplacement de la phrase secrète en cours, patientez…"), self
        )
        self.working.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("recover_ok")
        self.ok_button.setText(self.tr("Remplacer la phrase secrète"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.working)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.refused.connect(self._refused)
        self._signals.crashed.connect(self._crashed)
        self.second.textChanged.connect(self._check_match)
        self.first.textChanged.connect(self._check_match)

    @property
    def busy(self) -> bool:
        """The replacement is running on a pool thread."""
        return self._busy

    def _check_match(self) -> None:
        if self.second.text() and self.second.text() != self.first.text():
            self.problem.setText(self.tr("Les deux saisies de la phrase secrète sont différentes."))
        elif self.problem.text() == self.tr(
            "Les deux saisies de la phrase secrète sont différentes."
        ):
            self.problem.clear()

    def problem_in_typing(self) -> str:
        """Why what is typed cannot be used (French), or ``""``: checked before any work."""
        try:
            check_recovery_code(self.code.text())
        except UserError as exc:
            return user_error_message(exc)
        if self.first.text() != self.second.text():
            return self.tr("Les deux saisies de la phrase secrète sont différentes.")
        try:
            check_new_passphrase(self.first.text())
        except UserError as exc:
            return user_error_message(exc)
        return ""

    def accept(self) -> None:
        """« Remplacer la phrase secrète »: check, then re-key on a pool thread."""
        if self._busy:
            return
        problem = self.problem_in_typing()
        if problem:
            self.problem.setText(problem)
            return
        self._new = self.first.text()
        self._set_busy(True)
        self._pool.start(
            _Replace(self._signals, self.code.text(), self._new, self._data_dir, self._user)
        )

    def reject(self) -> None:
        if not self._busy:  # the re-keying cannot be abandoned half-way
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.working.setVisible(busy)
        for widget in (self.code, self.first, self.second, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.problem.clear()

    def _done(self) -> None:
        self._set_busy(False)
        new, self._new = self._new, ""
        self.recovered.emit(new)
        super().accept()

    def _refused(self, error: UserError) -> None:
        self._set_busy(False)
        self._new = ""
        self.problem.setText(user_error_message(error))
        self.code.setFocus()

    def _crashed(self) -> None:
        self._set_busy(False)
        self._new = ""
        self.problem.setText(
            self.tr(
                "Erreur interne\u00a0: la phrase secrète n’a pas été remplacée. Réessayez\u202f; "
                "si cela persiste, utilisez «\u202ftracing-desk recover\u202f» ou contactez le "
                "service informatique."
            )
        )
