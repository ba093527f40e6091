"""Sign-in at start, and the creation of the station's first account (a référent).

Password hashing (Argon2id) runs in the database thread: the dialogs only
submit the attempt and wait for the answer by signal. After repeated
failures the service refuses attempts for a while and says how long; the
form shows a countdown and keeps its button disabled until then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
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

from app.core.accounts import MIN_PASSWORD_LENGTH, PasswordRuleError, check_login, check_password
from app.services import sessions
from app.services.sessions import SignInError
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.permissions import Session


def grow_to_fit(widget: QWidget) -> None:
    """Make *widget*'s dialog tall enough for a message that now wraps on more lines.

    A dialog's minimum size ignores the height its wrapped labels need at its
    width: without this, a longer message squeezes the fields to a few pixels.
    """
    top = widget.window()
    if isinstance(top, QDialog) and top.layout() is not None:
        # once the layouts have taken the new text in (a posted layout request)
        QTimer.singleShot(0, top, lambda: _grow(top))


def _grow(top: QWidget) -> None:
    layout = top.layout()
    if layout is None or not top.isVisible():
        return
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(top.width())
    else:
        need = layout.totalSizeHint().height()
    if top.height() < need:
        top.resize(top.width(), need)


class SignInForm(QWidget):
    """Login + password + a problem line with a countdown (used at start and on the lock screen).

    Signals:
        submitted(str, str): login and password, when the person validates.
    """

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, *, login: str = "") -> None:
        super().__init__(parent)
        self.login = QLineEdit(login, self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.button = QPushButton(self.tr("Se connecter"), self)
        self.button.setObjectName("sign_in")
        self.button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("&Identifiant :"), self.login)
        form.addRow(self.tr("&Mot de passe :"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.login.returnPressed.connect(self.password.setFocus)
        self._wait = 0
        self._base_problem = ""
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._busy = False

    def _submit(self) -> None:
        if self._busy or self._wait > 0 or not self.button.isEnabled():
            return
        if not self.login.text().strip() or not self.password.text():
            self.show_problem(self.tr("Indiquez votre identifiant et votre mot de passe."))
            return
        self.set_busy(True)
        self.submitted.emit(self.login.text().strip(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setEnabled(not busy and self._wait == 0)

    def refused(self, message: str, retry_after: int) -> None:
        """Show why the attempt was refused; count down *retry_after* seconds."""
        self.set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self._base_problem = message
        self._wait = retry_after
        if retry_after > 0:
            self._ticker.start()
        self._render()

    def show_problem(self, message: str) -> None:
        self._base_problem = message
        self._render()

    def _tick(self) -> None:
        self._wait = max(0, self._wait - 1)
        if self._wait == 0:
            self._ticker.stop()
            self._base_problem = ""
        self._render()

    def _render(self) -> None:
        text = self._base_problem
        if self._wait > 0:
            text = self.tr(
                "Trop d’essais infructueux : nouvel essai possible dans %n seconde(s).",
                "",
                self._wait,
            )
        self.problem.setText(text)
        grow_to_fit(self)
        self.button.setEnabled(not self._busy and self._wait == 0)

    @property
    def waiting(self) -> int:
        return self._wait


class SignInDialog(QDialog):
    """« Connexion » at start (and when switching user)."""

    def __init__(self, parent: QWidget | None = None, *, login: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("Tracing Desk — connexion"))
        self.form = SignInForm(self, login=login)
        intro = QLabel(
            self.tr(
                "Données de santé couvertes par le secret professionnel : connectez-vous avec "
                "votre compte personnel."
            ),
            self,
        )
        intro.setWordWrap(True)
        quit_button = QPushButton(self.tr("Quitter"), self)
        quit_button.setObjectName("quit")
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(quit_button, 0, Qt.AlignmentFlag.AlignLeft)
        (self.form.password if login else self.form.login).setFocus()


class FirstAccountForm(QWidget):
    """The référent's login, display name and password typed twice, checked as they are typed.

    Used by :class:`FirstAccountDialog` and by the first-run wizard
    (``app.ui.first_run``). The rules are the service's (``app.core.accounts``).

    Signals:
        changed(bool): after every edit, whether the entries are acceptable.
    """

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("display_name")
        self.first = QLineEdit(self)
        self.first.setObjectName("password")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("password_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Identifiant :"), self.login)
        form.addRow(self.tr("&Nom affiché :"), self.display_name)
        form.addRow(self.tr("&Mot de passe :"), self.first)
        form.addRow(self.tr("&Confirmation :"), self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.acceptable = False
        for field in (self.login, self.first, self.second):
            field.textChanged.connect(self.check)

    def check(self) -> bool:
        """Show the first broken rule (if any); True when the account can be created."""
        problem = ""
        try:
            if self.login.text().strip():
                check_login(self.login.text())
            if self.first.text():
                check_password(self.first.text(), self.login.text())
        except PasswordRuleError as exc:
            problem = str(exc)
        if not problem and self.second.text() and self.second.text() != self.first.text():
            problem = self.tr("Les deux saisies sont différentes.")
        complete = bool(self.login.text().strip() and self.first.text() and self.second.text())
        self.problem.setText(problem)
        grow_to_fit(self)
        ok = complete and not problem
        self.acceptable = ok
        self.changed.emit(ok)
        return ok

    def values(self) -> tuple[str, str, str]:
        """Login, display name, password."""
        return self.login.text().strip(), self.display_name.text().strip(), self.first.text()


def first_account_intro() -> str:
    return QCoreApplication.translate(
        "FirstAccountDialog",
        "Créez le compte du référent de ce poste. Il consulte le journal, fait les "
        "exports, règle les paramètres et crée les comptes des agents de traçage. "
        "Le mot de passe compte au moins {n} caractères : une phrase facile à retenir "
        "convient.",
    ).format(n=MIN_PASSWORD_LENGTH)


class FirstAccountDialog(QDialog):
    """The station's first account: the référent (who then creates the agents' accounts).

    Signals:
        chosen(str, str, str): login, display name, password.
    """

    chosen = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_account_dialog")
        self.setWindowTitle(self.tr("Tracing Desk — compte référent"))
        intro = QLabel(first_account_intro(), self)
        intro.setWordWrap(True)
        self.form = FirstAccountForm(self)
        self.login = self.form.login
        self.display_name = self.form.display_name
        self.first = self.form.first
        self.second = self.form.second
        self.problem = self.form.problem
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Créer le compte"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self.ok_button.setEnabled)
        self.form.check()

    def _check(self) -> bool:
        return self.form.check()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.ok_button.setEnabled(True)

    def _accept(self) -> None:
        if self._check():
            self.ok_button.setEnabled(False)
            self.chosen.emit(self.login.text().strip(), self.display_name.text(), self.first.text())


class SignInController(QObject):
    """Asks who is there: first account if the station has none, else sign-in.

    Signals:
        asking(object): the dialog now shown.
        signed_in(object): the :class:`Session`.
        cancelled(): the person chose to quit.
        failed(str): a database job failed (French message).
    """

    asking = Signal(object)
    signed_in = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, db_thread: DbThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self.dialog: QDialog | None = None

    def start(self, login: str = "") -> None:
        ticket = self._db_thread.submit(sessions.has_accounts).tie_to(self)
        ticket.finished.connect(lambda has: self._ask(bool(has), login))
        ticket.failed.connect(lambda f: self.failed.emit(f.message))

    def _ask(self, has_accounts: bool, login: str) -> None:
        if has_accounts:
            dialog: QDialog = SignInDialog(login=login)
            assert isinstance(dialog, SignInDialog)
            dialog.form.submitted.connect(lambda who, secret: self._attempt(dialog, who, secret))
        else:
            dialog = FirstAccountDialog()
            assert isinstance(dialog, FirstAccountDialog)
            dialog.chosen.connect(lambda who, name, secret: self._create(dialog, who, name, secret))
        dialog.rejected.connect(self.cancelled)
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()
        self.asking.emit(dialog)

    def _attempt(self, dialog: SignInDialog, login: str, password: str) -> None:
        ticket = self._db_thread.submit(
            lambda db: sessions.authenticate(db, login, password)
        ).tie_to(dialog)
        ticket.finished.connect(lambda session: self._done(dialog, session))
        ticket.failed.connect(lambda failure: self._refused(dialog, failure))

    def _refused(self, dialog: SignInDialog, failure: DbFailure) -> None:
        retry = failure.error.retry_after if isinstance(failure.error, SignInError) else 0
        dialog.form.refused(failure.message, retry)

    def _create(self, dialog: FirstAccountDialog, login: str, name: str, password: str) -> None:
        ticket = self._db_thread.submit(
            lambda db: sessions.create_first_referent(db, login, password, name)
        ).tie_to(dialog)
        ticket.finished.connect(lambda session: self._done(dialog, session))
        ticket.failed.connect(lambda failure: dialog.show_problem(failure.message))

    def _done(self, dialog: QDialog, session: Session) -> None:
        dialog.blockSignals(True)  # closing it is not a cancellation
        dialog.close()
        dialog.deleteLater()
        self.dialog = None
        self.signed_in.emit(session)
