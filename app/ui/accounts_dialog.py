"""« Comptes » (référent only): list the station's accounts, create, reset, disable, change role.

Every change goes through :mod:`app.services.accounts` on the
database thread (Argon2id hashing is slow by design and never runs on the UI
thread), which checks the référent's right itself (``permissions.require``),
keeps at least one active référent and journals each change without any
secret. This dialog only shows what the store answers: an agent who reached
it anyway sees the service's refusal and an empty list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import (
    FREE_ATTEMPTS,
    MIN_PASSWORD_LENGTH,
    PasswordRuleError,
    Role,
    check_password,
)
from app.core.dates import format_date
from app.services.accounts import (
    create_account,
    list_accounts,
    set_account_active,
    set_account_password,
    set_account_role,
)
from app.ui.login import FirstAccountForm
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.accounts import Account
    from app.db.connection import Database
    from app.db.permissions import Session

ERROR_STYLE = "color: #a40000;"


def password_rule_text() -> str:
    """The password rule of ``app.core.accounts``, explained in French."""
    return QCoreApplication.translate(
        "AccountsDialog",
        "Mot de passe : au moins {n} caractères (une phrase facile à retenir convient), "
        "pas un seul caractère répété, différent de l’identifiant. Aucune obligation de "
        "majuscules, chiffres ou symboles : c’est la longueur qui rend un mot de passe "
        "solide (recommandations de l’ANSSI et du NIST). Après {free} essais infructueux, "
        "chaque nouvel essai de connexion est retardé.",
    ).format(n=MIN_PASSWORD_LENGTH, free=FREE_ATTEMPTS)


def role_label(role: Role) -> str:
    return QCoreApplication.translate("core", role.label)


class NewAccountDialog(QDialog):
    """A new account: login, display name, password typed twice, role.

    Signals:
        submitted(str, str, object, str): login, display name, Role, password.
    """

    submitted = Signal(str, str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_account_dialog")
        self.setWindowTitle(self.tr("Nouveau compte"))
        self.form = FirstAccountForm(self)
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in (Role.AGENT, Role.REFERENT):
            self.role.addItem(role_label(role), role.value)
        role_row = QFormLayout()
        role_row.setContentsMargins(0, 0, 0, 0)
        role_row.addRow(self.tr("&Rôle :"), self.role)
        self.role.setAccessibleName(self.tr("Rôle"))
        rule = QLabel(password_rule_text(), self)
        rule.setObjectName("password_rule")
        rule.setWordWrap(True)
        self.form.problem.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Créer le compte"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(role_row)
        layout.addWidget(rule)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self.ok_button.setEnabled)
        self.form.check()
        self.form.login.setFocus()

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def show_problem(self, message: str) -> None:
        """The service refused (login taken…): say why, keep what was typed."""
        self.form.problem.setText(message)
        self.ok_button.setEnabled(True)

    def _accept(self) -> None:
        if not self.form.check():
            return
        self.ok_button.setEnabled(False)
        login, name, password = self.form.values()
        self.submitted.emit(login, name, self.chosen_role(), password)


class PasswordDialog(QDialog):
    """A new password for an account, typed twice, checked as it is typed.

    Signals:
        submitted(str): the new password.
    """

    submitted = Signal(str)

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Nouveau mot de passe"))
        self.login = login
        intro = QLabel(
            self.tr("Nouveau mot de passe du compte « {login} » :").format(login=login), self
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.first = QLineEdit(self)
        self.first.setObjectName("password")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("password_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Mot de passe :"), self.first)
        form.addRow(self.tr("&Confirmation :"), self.second)
        rule = QLabel(password_rule_text(), self)
        rule.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Enregistrer le mot de passe"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.first, self.second):
            field.textChanged.connect(self.check)
        self.check()
        self.first.setFocus()

    def check(self) -> bool:
        problem = ""
        if self.first.text():
            try:
                check_password(self.first.text(), self.login)
            except PasswordRuleError as exc:
                problem = str(exc)
        if not problem and self.second.text() and self.second.text() != self.first.text():
            problem = self.tr("Les deux saisies sont différentes.")
        self.problem.setText(problem)
        ok = bool(self.first.text() and self.second.text()) and not problem
        self.ok_button.setEnabled(ok)
        return ok

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.ok_button.setEnabled(True)

    def _accept(self) -> None:
        if self.check():
            self.ok_button.setEnabled(False)
            self.submitted.emit(self.first.text())


class AccountsDialog(QDialog):
    """The station's accounts, and what a référent may change about them."""

    COLUMNS = 5

    def __init__(
        self, db_thread: DbThread, session: Session, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_dialog")
        self.setWindowTitle(self.tr("Comptes du poste"))
        self.resize(760, 420)
        self._db_thread = db_thread
        self._session = session
        self.accounts: list[Account] = []
        self.subdialog: QDialog | None = None
        self._loaded = False

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Identifiant"),
                self.tr("Nom affiché"),
                self.tr("Rôle"),
                self.tr("État"),
                self.tr("Créé le"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.new_button = self._button("new_account", self.tr("&Nouveau compte…"), self.new)
        self.password_button = self._button(
            "reset_password", self.tr("&Réinitialiser le mot de passe…"), self.reset_password
        )
        self.active_button = self._button("toggle_active", self.tr("&Désactiver"), self.toggle)
        self.role_button = self._button("toggle_role", self.tr("Passer &référent"), self.switch)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.password_button, self.active_button):
            buttons.addWidget(button)
        buttons.addWidget(self.role_button)
        buttons.addStretch(1)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Un agent de traçage saisit et consulte les fiches ; un référent fait aussi "
                "les exports, consulte le journal, règle les paramètres et gère les comptes. "
                "Un compte désactivé ne peut plus se connecter ; le poste garde toujours au "
                "moins un référent actif. Chaque changement est inscrit au journal."
            ),
            self,
        )
        intro.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self._update_buttons()
        self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- reading -----------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        session = self._session
        chosen = select or self.selected_login()
        ticket = self._db_thread.submit(lambda db: list_accounts(db, session)).tie_to(self)
        ticket.finished.connect(lambda accounts: self._show(accounts, chosen))
        ticket.failed.connect(self._list_failed)

    def _list_failed(self, failure: DbFailure) -> None:
        self._loaded = False
        self.accounts = []
        self.table.setRowCount(0)
        self._problem(failure.message)
        self._update_buttons()

    def _show(self, accounts: list[Account], select: str | None) -> None:
        self._loaded = True
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            state = self.tr("actif") if account.active else self.tr("désactivé")
            created = format_date(account.created_at)
            values = [account.login, account.display_name, role_label(account.role)]
            for column, text in enumerate([*values, state, created]):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        for row, account in enumerate(accounts):
            if account.login == select:
                self.table.selectRow(row)
                break
        else:
            if accounts:
                self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    def selected_login(self) -> str | None:
        account = self.selected()
        return account.login if account is not None else None

    def _update_buttons(self) -> None:
        account = self.selected()
        self.new_button.setEnabled(self._loaded)
        for button in (self.password_button, self.active_button, self.role_button):
            button.setEnabled(self._loaded and account is not None)
        if account is not None:
            self.active_button.setText(
                self.tr("&Désactiver") if account.active else self.tr("Ré&activer")
            )
            self.role_button.setText(
                self.tr("Passer &agent de traçage")
                if account.role is Role.REFERENT
                else self.tr("Passer &référent")
            )

    # -- changing ----------------------------------------------------------------
    def new(self) -> None:
        dialog = NewAccountDialog(self)
        dialog.submitted.connect(
            lambda login, name, role, password: self._create(dialog, login, name, role, password)
        )
        self.subdialog = dialog
        dialog.open()

    def _create(
        self, dialog: NewAccountDialog, login: str, name: str, role: Role, password: str
    ) -> None:
        session = self._session
        ticket = self._db_thread.submit(
            lambda db: create_account(db, session, login, password, role, name)
        ).tie_to(dialog)

        def created(account: Account) -> None:
            dialog.accept()
            self._done(
                self.tr("Compte « {login} » créé ({role}).").format(
                    login=account.login, role=role_label(account.role)
                ),
                account.login,
            )

        ticket.finished.connect(created)
        ticket.failed.connect(lambda failure: dialog.show_problem(failure.message))

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = PasswordDialog(account.login, self)
        dialog.submitted.connect(lambda password: self._set_password(dialog, password))
        self.subdialog = dialog
        dialog.open()

    def _set_password(self, dialog: PasswordDialog, password: str) -> None:
        session, login = self._session, dialog.login
        ticket = self._db_thread.submit(
            lambda db: set_account_password(db, session, login, password)
        ).tie_to(dialog)

        def done(_none: object) -> None:
            dialog.accept()
            self._done(
                self.tr(
                    "Mot de passe de « {login} » remplacé : communiquez-le à la personne "
                    "de vive voix, jamais par écrit."
                ).format(login=login),
                login,
            )

        ticket.finished.connect(done)
        ticket.failed.connect(lambda failure: dialog.show_problem(failure.message))

    def toggle(self) -> None:
        account = self.selected()
        if account is None:
            return
        active = not account.active
        message = (
            self.tr("Compte « {login} » réactivé.")
            if active
            else self.tr("Compte « {login} » désactivé : il ne peut plus se connecter.")
        ).format(login=account.login)
        self._change(
            lambda db, session: set_account_active(db, session, account.login, active),
            message,
            account.login,
        )

    def switch(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = Role.AGENT if account.role is Role.REFERENT else Role.REFERENT
        message = self.tr("Compte « {login} » : rôle {role}.").format(
            login=account.login, role=role_label(role)
        )
        self._change(
            lambda db, session: set_account_role(db, session, account.login, role),
            message,
            account.login,
        )

    def _change(
        self, change: Callable[[Database, Session], None], message: str, login: str
    ) -> None:
        session = self._session
        for button in (self.password_button, self.active_button, self.role_button):
            button.setEnabled(False)
        ticket = self._db_thread.submit(lambda db: change(db, session)).tie_to(self)
        ticket.finished.connect(lambda _none: self._done(message, login))
        ticket.failed.connect(self._change_failed)

    def _change_failed(self, failure: DbFailure) -> None:
        self._problem(failure.message)
        self._update_buttons()

    def _done(self, message: str, login: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.reload(select=login)

    def _problem(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
