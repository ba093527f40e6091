"""The « Sécurité » menu: lock, exports, journal, accounts, « Oublier ce poste ».

Restricted entries are disabled for an agent; the services behind them
check the role again (``app.db.permissions``), so a disabled entry is a
courtesy, not the protection.

Signals:
    forgotten(): the station was forgotten; the program must quit.
    failed(str): a job failed (French message).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMenuBar, QMessageBox

from app.core.accounts import Permission, Role, allowed
from app.exports.service import ExportResult, export_excel, export_pseudonymised
from app.logging_setup import shutdown_logging
from app.services.station import forget_plan, forget_station
from app.ui.accounts_dialog import AccountsDialog
from app.ui.journal_viewer import JournalViewer
from app.ui.lock import AutoLock
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.permissions import Session
    from app.services.station import ForgetPlan


class SecurityMenu(QObject):
    forgotten = Signal()
    failed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        db_thread: DbThread,
        data_dir: Path,
        session: Session,
        autolock: AutoLock,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db_thread = db_thread
        self._data_dir = data_dir
        self._session = session
        self._autolock = autolock
        self.journal_viewer: JournalViewer | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.box: QMessageBox | None = None

    def build(self, bar: QMenuBar) -> QMenu:
        menu = QMenu(self.tr("&Sécurité"), bar)
        menu.setObjectName("security_menu")
        help_action = next(
            (a for a in bar.actions() if a.menu() is not None and "ide" in a.text()), None
        )
        if help_action is not None:
            bar.insertMenu(help_action, menu)
        else:
            bar.addMenu(menu)
        who = QAction(
            self.tr("Connecté : {login} ({role})").format(
                login=self._session.login, role=self._session.role.label
            ),
            menu,
        )
        who.setEnabled(False)
        menu.addAction(who)
        menu.addAction(self._autolock.lock_action)
        menu.addSeparator()
        referent = allowed(self._session.role, Permission.EXPORT)
        self.excel_action = self._action(
            menu, self.tr("Exporter le fichier &Excel (transmission)…"), self.export_excel
        )
        self.pseudo_action = self._action(
            menu, self.tr("Exporter les données &pseudonymisées…"), self.export_pseudonymised
        )
        self.journal_action = self._action(menu, self.tr("&Journal des accès…"), self.show_journal)
        self.accounts_action = self._action(menu, self.tr("&Comptes…"), self.show_accounts)
        self.accounts_action.setObjectName("accounts_action")
        self.accounts_action.setEnabled(allowed(self._session.role, Permission.MANAGE_ACCOUNTS))
        menu.addSeparator()
        self.forget_action = self._action(menu, self.tr("&Oublier ce poste…"), self.forget)
        for action in (self.excel_action, self.pseudo_action, self.journal_action):
            action.setEnabled(referent)
        self.forget_action.setEnabled(self._session.role is Role.REFERENT)
        self.menu = menu
        return menu

    def _action(self, menu: QMenu, text: str, slot: object) -> QAction:
        action = QAction(text, menu)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- exports --------------------------------------------------------------
    def export_excel(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Fichier Excel de transmission"),
                "",
                self.tr("Classeur Excel (*.xlsx)"),
            )
        if path:
            self._export(lambda db, p=Path(path): export_excel(db, self._session, p))

    def export_pseudonymised(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Export pseudonymisé"),
                "",
                self.tr("Classeur Excel (*.xlsx);;Fichier CSV (*.csv)"),
            )
        if path:
            self._export(lambda db, p=Path(path): export_pseudonymised(db, self._session, p))

    def _export(self, job: object) -> None:
        ticket = self._db_thread.submit(job).tie_to(self)  # type: ignore[arg-type]
        ticket.finished.connect(self._exported)
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _exported(self, result: ExportResult) -> None:
        self._window.statusBar().showMessage(
            self.tr(
                "Export terminé : %n fiche(s). Il sera supprimé à l’échéance de conservation.",
                "",
                result.fiches,
            ),
            15_000,
        )

    # -- journal --------------------------------------------------------------
    def show_journal(self) -> None:
        viewer = JournalViewer(self._db_thread, self._session, self._window)
        self.journal_viewer = viewer
        viewer.open()

    # -- accounts -------------------------------------------------------------
    def show_accounts(self) -> None:
        dialog = AccountsDialog(self._db_thread, self._session, self._window)
        self.accounts_dialog = dialog
        dialog.open()

    # -- forget ---------------------------------------------------------------
    def forget(self) -> None:
        session = self._session

        ticket = self._db_thread.submit(lambda db: forget_plan(db, session)).tie_to(self)
        ticket.finished.connect(self._confirm_forget)
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _confirm_forget(self, plan: ForgetPlan) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Oublier ce poste"),
            self.tr(
                "Toutes les données de ce poste vont être supprimées définitivement : "
                "%n fiche(s), la clé de chiffrement du trousseau et les fichiers exportés.",
                "",
                plan.fiches,
            ),
            parent=self._window,
        )
        box.setObjectName("forget_box")
        lines = []
        if plan.not_transmitted:
            lines.append(
                self.tr(
                    "%n fiche(s) n’ont pas encore été transmises au service central : "
                    "elles seront perdues.",
                    "",
                    plan.not_transmitted,
                )
            )
        lines.append(
            self.tr(
                "Le code de récupération n’ouvrira plus rien : il n’y aura aucun moyen de "
                "retrouver ces données."
            )
        )
        box.setInformativeText("\n\n".join(lines))
        confirm = box.addButton(
            self.tr("Supprimer définitivement"), QMessageBox.ButtonRole.DestructiveRole
        )
        confirm.setObjectName("confirm_forget")
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.finished.connect(
            lambda _r: self._do_forget(plan) if box.clickedButton() is confirm else None
        )
        self.box = box
        box.open()

    def _do_forget(self, plan: ForgetPlan) -> None:
        data_dir = self._data_dir

        def forget() -> tuple[None, object]:
            shutdown_logging()
            return None, forget_station(data_dir, plan)

        # ``open`` closes the database in its thread first, then deletes.
        ticket = self._db_thread.open(forget)
        ticket.finished.connect(lambda _report: self.forgotten.emit())
        ticket.failed.connect(lambda failure: self._forget_failed(failure))

    def _forget_failed(self, failure: DbFailure) -> None:
        self.failed.emit(failure.message)
