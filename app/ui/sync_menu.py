"""The "Synchronisation" menu and status-bar widget of the main window.

:class:`SyncMenu` owns the :class:`~app.workers.sync_worker.SyncWorker` (its
own database connection on a pool thread), puts the status widget in the
status bar and offers "Synchroniser maintenant", the partner-account token and
the sync settings (server address, CA bundle, interval, development mode).
Settings are read and written through the database thread; the token goes to
the OS keyring from the worker's thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import label_of
from app.core.models import PatientZero
from app.core.settings import (
    SYNC_CA_BUNDLE,
    SYNC_DEV_MODE,
    SYNC_INTERVAL_MINUTES,
    SYNC_SERVER_URL,
)
from app.core.text import display_name
from app.db.store import StoreOpener
from app.sync.config import get_override
from app.ui.settings_editor import ERROR_STYLE, SettingsEditor
from app.ui.sync_status import SyncStatusWidget, TokenDialog
from app.workers.db_thread import DbThread
from app.workers.sync_worker import SyncWorker

if TYPE_CHECKING:
    from app.sync.outbox import RefusedFiche


#: The sync settings' dialog shows these, in this order (the settings editor's fields).
SYNC_KEYS = (
    SYNC_SERVER_URL.key,
    SYNC_CA_BUNDLE.key,
    SYNC_INTERVAL_MINUTES.key,
    SYNC_DEV_MODE.key,
)


class SyncSettingsDialog(QDialog):
    """Server address, CA bundle, interval and development mode: the settings editor's fields,
    labels and checks from the declarations; a refused value keeps the text.

    Signals:
        saved(): the settings were stored.
    """

    saved = Signal()

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_settings_dialog")
        self._db_thread = db_thread
        self._user = user
        self.setWindowTitle(self.tr("Paramètres de synchronisation"))
        self.editor = SettingsEditor(SYNC_KEYS, self)
        fields = self.editor.fields
        self.server = fields[SYNC_SERVER_URL.key]
        self.ca_bundle = fields[SYNC_CA_BUNDLE.key]
        self.interval = fields[SYNC_INTERVAL_MINUTES.key]
        self.dev_mode = fields[SYNC_DEV_MODE.key]
        self.error = QLabel(self)
        self.error.setObjectName("settings_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)  # until the values are loaded
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.editor.loaded.connect(lambda _values: self.buttons.setEnabled(True))
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self._refused)
        self.editor.read(db_thread, user)

    def save(self) -> None:
        """Check each value by its setting (message under the field, the text kept), then
        write the changed ones off the UI thread."""
        self.error.hide()
        if not self.editor.save(self._db_thread, self._user):
            self.error.setText(
                self.tr("Corrigez les valeurs signalées\u202f; rien n’a été enregistré.")
            )
            self.error.show()
            return
        self.buttons.setEnabled(False)

    def _saved(self, _values: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit()
        self.accept()

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(bool(self.editor.loaded_values))
        self.error.setText(message)  # what was typed stays in the fields
        self.error.show()


class RefusedFichesDialog(QDialog):
    """The fiches the central service refused, each with the service's French message."""

    def __init__(self, fiches: list[RefusedFiche], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fiches refusées par le service central"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Corrigez chaque fiche selon le message du service central puis "
                "enregistrez-la : elle repartira à la synchronisation suivante."
            )
            if fiches
            else self.tr("Aucune fiche refusée.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(fiches), 3, self)
        self.table.setObjectName("refused")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Personne"), self.tr("État"), self.tr("Message du service central")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, f in enumerate(fiches):
            person = display_name(
                PatientZero(
                    birth_name=f.birth_name, usage_name=f.usage_name, first_names=f.first_names
                )
            )
            for col, value in enumerate(
                (person, QCoreApplication.translate("core", label_of(f.state)), f.message)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, f.uuid)
                if col == 2:
                    item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SyncMenu(QObject):
    """The sync pieces of the main window.

    Signals:
        failed(str): a French message for the window's error display.
    """

    failed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        db_thread: DbThread,
        data_dir: Path,
        user: str,
        *,
        worker: SyncWorker | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db_thread = db_thread
        self._user = user
        # The main window's worker is the application context's (started and stopped by
        # it); a menu built alone makes its own and stops it with the window.
        self._own_worker = worker is None
        self.worker = worker or SyncWorker(
            db_thread.store_opener or StoreOpener(data_dir), user, self, config=get_override()
        )
        self.widget = SyncStatusWidget(self.worker, window)
        self.worker.failed.connect(self.failed)
        self.worker.not_configured.connect(self._not_configured)
        self.worker.token_required.connect(self.ask_token)
        self._token_dialog: TokenDialog | None = None
        window.installEventFilter(self)

    def build(self, menubar: QMenuBar, *, start: bool = True) -> None:
        """The menu and the status-bar widget; the first drain follows unless *start* is
        false (the main window calls :meth:`start` once it is painted)."""
        menu = menubar.addMenu(self.tr("&Synchronisation"))
        menu.addAction(self.widget.action)
        token = QAction(self.tr("&Jeton du compte partenaire…"), self)
        token.triggered.connect(lambda: self.ask_token(""))
        menu.addAction(token)
        refused = QAction(self.tr("Fiches &refusées…"), self)
        refused.triggered.connect(self.show_refused)
        menu.addAction(refused)
        settings = QAction(self.tr("&Paramètres de synchronisation…"), self)
        settings.triggered.connect(self.edit_settings)
        settings.setEnabled(get_override() is None)  # the demo fixes its own
        menu.addAction(settings)
        self._window.statusBar().addPermanentWidget(self.widget)
        # « En attente » follows every save, validation, deletion or import at once.
        workspace = getattr(self._window, "workspace", None)
        changed = getattr(workspace, "data_changed", None)
        if changed is not None:
            changed.connect(self.refresh_status)
        if start:
            QTimer.singleShot(0, self.start)

    def start(self) -> None:
        """The first drain, then the interval and the network watch (a worker of its own)."""
        if self._own_worker:
            self.worker.start()

    def refresh_status(self) -> None:
        """Read the pending count again (off the UI thread); the status bar follows."""
        self.worker.refresh_status()

    def _not_configured(self) -> None:
        self.failed.emit(
            self.tr(
                "Aucun service central n’est configuré\u00a0: les fiches validées restent "
                "en attente sur ce poste. Pour en configurer un, ouvrez Synchronisation › "
                "Paramètres de synchronisation (adresse du service), puis Synchronisation › "
                "Jeton du compte partenaire."
            )
        )

    def ask_token(self, message: str) -> None:
        if self._token_dialog is not None:
            return
        dialog = TokenDialog(
            message or self.tr("Saisissez le jeton du compte partenaire de l’établissement."),
            self._window,
        )
        dialog.token_entered.connect(self.worker.save_token)
        dialog.finished.connect(lambda _code: self._forget_dialog())
        self._token_dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self._token_dialog = None

    def show_refused(self) -> None:
        from app.sync.outbox import refused_fiches  # the sync client, when first used

        ticket = self._db_thread.submit(lambda db: refused_fiches(db)).tie_to(self)
        ticket.finished.connect(self._show_refused)
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _show_refused(self, fiches: list[RefusedFiche]) -> None:
        dialog = RefusedFichesDialog(fiches, self._window)
        self.refused_dialog = dialog
        dialog.open()

    def edit_settings(self) -> None:
        dialog = SyncSettingsDialog(self._db_thread, self._user, self._window)
        dialog.saved.connect(self.worker.sync_now)
        dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close and self._own_worker:
            self.worker.shutdown(wait=False)
        return False
