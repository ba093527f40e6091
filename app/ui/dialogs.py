"""Start-up dialog: the passphrase (the recovery code is shown by ``app.ui.first_run``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.store import MIN_PASSPHRASE_CHARS

#: :meth:`QDialog.done` code of « J’ai oublié ma phrase secrète » (neither accepted nor rejected).
FORGOTTEN = 2


class PassphraseDialog(QDialog):
    """Asks for the database passphrase: twice when creating, once when opening.

    When opening, « J’ai oublié ma phrase secrète » closes it with
    :data:`FORGOTTEN` and emits :attr:`forgotten` (the start-up flow then asks
    for the recovery code: :mod:`app.ui.recover_dialog`).
    """

    forgotten = Signal()

    def __init__(self, *, create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self._create = create
        self.setWindowTitle(
            self.tr("Nouvelle phrase secrète") if create else self.tr("Phrase secrète")
        )
        self.setModal(True)

        if create:
            intro_text = self.tr(
                "Choisissez la phrase secrète qui protégera la base de données "
                "(au moins {n} caractères, par exemple plusieurs mots). "
                "Elle sera demandée à chaque démarrage."
            ).format(n=MIN_PASSPHRASE_CHARS)
        else:
            intro_text = self.tr(
                "Cette base de données est protégée par une phrase secrète. Saisissez-la."
            )
        intro = QLabel(intro_text, self)
        intro.setWordWrap(True)

        self.first = QLineEdit(self)
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("passphrase_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("Phrase secrète :"), self.first)
        if create:
            form.addRow(self.tr("Confirmation :"), self.second)
        else:
            self.second.hide()

        self.problem = QLabel(self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("passphrase_ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(super().reject)
        self.forgot_button: QPushButton | None = None
        if not create:
            forgot = self.buttons.addButton(
                self.tr("J’ai oublié ma phrase secrète…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            forgot.setObjectName("forgot_passphrase")
            forgot.setAutoDefault(False)
            forgot.clicked.connect(self._forgot)
            self.forgot_button = forgot

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        self.first.textChanged.connect(self._check)
        self.second.textChanged.connect(self._check)
        self._check()

    def passphrase(self) -> str:
        return self.first.text()

    def show_problem(self, message: str) -> None:
        """Show why the last try failed, clear the fields and ask again."""
        self.first.clear()
        self.second.clear()
        self.problem.setText(message)
        self.first.setFocus()

    def _check(self) -> None:
        text = self.first.text()
        problem = ""
        if self._create:
            if text and len(text.strip()) < MIN_PASSPHRASE_CHARS:
                problem = self.tr("Trop courte : au moins {n} caractères.").format(
                    n=MIN_PASSPHRASE_CHARS
                )
            elif self.second.text() and self.second.text() != text:
                problem = self.tr("Les deux saisies sont différentes.")
            ok = (
                len(text.strip()) >= MIN_PASSPHRASE_CHARS
                and self.second.text() == text
                and not problem
            )
        else:
            ok = bool(text)
        if problem or text:
            self.problem.setText(problem)
        self.ok_button.setEnabled(ok)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def _forgot(self) -> None:
        self.first.clear()
        self.done(FORGOTTEN)
        self.forgotten.emit()
