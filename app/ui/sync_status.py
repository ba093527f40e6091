"""Sync in the main window: status-bar widget, "Synchroniser maintenant", token dialog.

The widget shows "en ligne / hors ligne", "N en attente", "dernière
synchronisation : jj/mm/aaaa hh:mm" and, during a large sync, a progress bar.
It only listens to :class:`~app.workers.sync_worker.SyncWorker` signals.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.dates import format_datetime
from app.workers.sync_worker import LARGE_SYNC, SyncWorker

if TYPE_CHECKING:  # the sync client loads when a drain first runs, not with the window
    from app.sync.engine import SyncReport
    from app.sync.outbox import SyncStatus


def local_stamp(instant: datetime) -> str:
    """jj/mm/aaaa hh:mm in the establishment's time zone (``app.core.dates``)."""
    return format_datetime(instant)


class SyncStatusWidget(QWidget):
    """The sync part of the status bar."""

    def __init__(self, worker: SyncWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.online_label = QLabel(self.tr("connexion…"), self)
        self.online_label.setObjectName("sync_online")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("sync_pending")
        self.last_label = QLabel(self)
        self.last_label.setObjectName("sync_last")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("sync_progress")
        self.progress.setMaximumWidth(160)
        self.progress.setFormat(self.tr("envoi %v / %m"))
        self.progress.hide()
        self.action = QAction(self.tr("&Synchroniser maintenant"), self)
        self.action.setObjectName("sync_now")
        self.action.setToolTip(
            self.tr("Envoyer maintenant les fiches en attente au service central")
        )
        self.action.triggered.connect(self.worker.request_sync)
        button = QToolButton(self)
        button.setDefaultAction(self.action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for w in (self.online_label, self.pending_label, self.last_label, self.progress, button):
            layout.addWidget(w)
        worker.online_changed.connect(self.show_online)
        worker.status_changed.connect(self.show_status)
        worker.progress.connect(self.show_progress)
        worker.running_changed.connect(self.show_running)
        worker.finished.connect(self.show_report)

    @Slot(bool)
    def show_online(self, online: bool) -> None:
        self.online_label.setText(self.tr("en ligne") if online else self.tr("hors ligne"))

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        text = self.tr("%Ln en attente", "", status.pending)
        if status.rejected:
            text += " · " + self.tr("%Ln refusée(s)", "", status.rejected)
        self.pending_label.setText(text)
        if status.last_success is not None:
            self.last_label.setText(
                self.tr("dernière synchronisation : {when}").format(
                    when=local_stamp(status.last_success)
                )
            )
        else:
            self.last_label.setText(self.tr("jamais synchronisé"))

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if total >= LARGE_SYNC:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()

    @Slot(bool)
    def show_running(self, running: bool) -> None:
        self.action.setEnabled(not running)
        if not running:
            self.progress.hide()

    @Slot(object)
    def show_report(self, report: SyncReport) -> None:
        if report.outcome == "config":
            # Never left on « connexion… »: the service was not even tried.
            self.online_label.setText(
                self.tr("service central à configurer")
                if not self.worker.configured
                else self.tr("réglages de synchronisation à corriger")
            )
        elif report.outcome == "read_only":  # nothing tried: never left on « connexion… »
            self.online_label.setText(self.tr("envoi suspendu (lecture seule)"))
        if report.message:
            self.setToolTip(report.message)
        else:
            self.setToolTip(
                self.tr("Dernier envoi : {a} acceptée(s), {r} refusée(s), {c} conflit(s)").format(
                    a=report.accepted, r=report.rejected, c=report.conflicts
                )
            )


class TokenDialog(QDialog):
    """Asks for the partner-account token (masked); the text typed is kept on a refusal.

    Signals:
        token_entered(str): the token typed (never logged or shown).
    """

    token_entered = Signal(str)

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jeton du compte partenaire"))
        layout = QVBoxLayout(self)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.field = QLineEdit(self)
        self.field.setObjectName("token")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("jeton fourni pour le compte partenaire"))
        layout.addWidget(self.field)
        self.error = QLabel(self)
        self.error.setObjectName("token_error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        token = self.field.text().strip()
        if len(token) < 16 or any(c.isspace() for c in token):
            self.error.setText(self.tr("Jeton invalide : au moins 16 caractères, sans espace."))
            self.error.show()
            return  # the text typed stays in the field
        self.token_entered.emit(token)
        self.accept()
