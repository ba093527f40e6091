"""The main window: composes the list of fiches, the menus and the status bar.

It holds no business logic: the list panel owns its model, every database
job goes through the :class:`~app.workers.db_thread.DbThread`, and the
background workers (purge, sync) are the :class:`~app.workers.context.AppContext`'s:
the window starts them once its first screen is drawn and ends its session's
workers when it closes.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSettings,
    QThread,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

import app
from app.core.dates import set_display_zone
from app.core.settings import ESTABLISHMENT_TIMEZONE
from app.services.fiches import FicheService
from app.services.station import about_facts, use_establishment_zone
from app.ui.fiche_list import FicheListPanel
from app.ui.forms.workspace import FicheWorkspace
from app.ui.help import HelpMenu, install_context_help
from app.ui.print_menu import PrintMenu
from app.ui.purge_panel import PurgeControls
from app.ui.sync_menu import SyncMenu
from app.workers.context import AppContext
from app.workers.db_thread import DbFailure, DbThread

#: The background jobs (purge, sync) start once the first screen is drawn with its
#: list (first page and count); a window never drawn (not shown, minimised) or whose
#: list did not load starts them this long after it was built or shown all the same.
BACKGROUND_FALLBACK_MS = 2000
#: Pure-Python libraries the first screen does not need, loaded by a background thread
#: once it is drawn, so that the first phone number shown or checked does not wait.
WARM_UP_MODULES = ("phonenumbers", "stdnum.fr.nir")


def _warm_up() -> None:
    for name in WARM_UP_MODULES:
        importlib.import_module(name)


class MainWindow(QMainWindow):
    """Tracing Desk's main window: the list of fiches and the open fiches, in tabs."""

    def __init__(
        self,
        db_thread: DbThread,
        data_dir: Path,
        user: str,
        parent: QWidget | None = None,
        *,
        context: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        # A window built on its own (tests, tools) gets a context of its own around the
        # database thread it is given: stopped with the window, the thread left running.
        self._own_context = context is None
        self.context = context or AppContext(data_dir, db_thread=db_thread, parent=self)
        self.workers = self.context.open_session(user)
        self._db_thread = db_thread
        self._data_dir = data_dir
        self._user = user
        self._error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Tracing Desk — fiches de traçage"))
        self.resize(1280, 760)
        # Every date shown from now on is on the establishment's clock (its setting);
        # the job runs before any job whose result shows a date.
        db_thread.submit(use_establishment_zone)

        self.fiches = FicheListPanel(db_thread, self._repository, self)
        self.fiches.failed.connect(self.show_error)
        self.workspace = FicheWorkspace(db_thread, user, self.fiches, self)
        self.workspace.failed.connect(self.show_error)
        self.workspace.data_changed.connect(self._fiches_changed)
        self.setCentralWidget(self.workspace)
        self.fiches.search.setFocus()  # a nurse starts by typing a name

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.statusBar().addPermanentWidget(self.summary_label)

        self._build_menus()
        self._quit_pending = False
        self._geometry_restored = False
        self.workspace.data_changed.connect(self._saved_while_quitting)
        self.workspace.failed.connect(self._quit_failed)
        # Forms left unsaved by a crash or a power cut reopen in their tabs.
        QTimer.singleShot(0, self.workspace.restore_drafts)
        # Nothing that the first screen does not need runs before it is drawn.
        self.background_started = False
        self._painted = False
        self._list_loaded = False
        self._background_fallback = QTimer(self)
        self._background_fallback.setSingleShot(True)
        self._background_fallback.setInterval(BACKGROUND_FALLBACK_MS)
        self._background_fallback.timeout.connect(self._start_background)
        self._background_fallback.start()
        self.fiches.model.count_changed.connect(self._first_list_loaded)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self._maybe_start_background()

    def _first_list_loaded(self, _count: int) -> None:
        self.fiches.model.count_changed.disconnect(self._first_list_loaded)
        self._list_loaded = True
        self._maybe_start_background()

    def _maybe_start_background(self) -> None:
        if self._painted and self._list_loaded and not self.background_started:
            self._background_fallback.start(0)  # once the list is on screen

    def _start_background(self) -> None:
        """After the first screen: the purge (banner, schedule, catch-up run) and the sync
        (first drain, interval, network watch)."""
        if self.background_started:
            return
        self.background_started = True
        self._background_fallback.stop()
        if not self._db_thread.running:  # closed before it was ever drawn
            return
        self.purge.start()
        self.sync_menu.start()
        self.context.start(self.workers)
        self.context.run_task(_warm_up)

    # -- closing: the question of Ctrl+W for every tab ----------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if not self.background_started and self._background_fallback.interval() != 0:
            self._background_fallback.start()  # the delay counts from the window shown
        if not self._geometry_restored:
            self._geometry_restored = True
            restore_geometry(self)
        # Installed last, asked first: a refused close reaches neither the purge, the
        # sync nor the auto-lock, which stop when the window closes.
        self.removeEventFilter(self)
        self.installEventFilter(self)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Close:
            if not self._may_ask():
                self.workspace.flush_drafts()  # nothing lost: the drafts reopen next time
                return super().eventFilter(watched, event)
            answer = self.workspace.confirm_close_all()
            if answer != "close":
                self._quit_pending = answer == "wait"
                event.ignore()
                return True
            save_geometry(self)
        return super().eventFilter(watched, event)

    def _may_ask(self) -> bool:
        """A person is at the window: shown, not locked (never another user's question),
        and the program still running (not its final clean-up)."""
        central = self.centralWidget()
        locked = central is not None and central.isHidden()
        return self.isVisible() and not locked and QThread.currentThread().loopLevel() > 0

    def closeEvent(self, event: QCloseEvent) -> None:
        self._quit_pending = False
        if not self.background_started:  # closed before it was drawn: nothing to start
            self.background_started = True
            self._background_fallback.stop()
        super().closeEvent(event)
        if event.isAccepted():  # this session's purge and sync stop with its window
            if self._own_context:
                self.context.stop()
            else:
                self.context.end_session(self.workers)

    def _saved_while_quitting(self) -> None:
        if self._quit_pending and not any(f.busy for f in self.workspace.forms()):
            self._quit_pending = False
            QTimer.singleShot(0, self.close)  # asks again for anything still unsaved

    def _quit_failed(self, _message: str) -> None:
        self._quit_pending = False  # a save was refused: the window stays

    def _repository(self, db: Any) -> FicheService:
        """The list reads through the service: each page showing names is journaled."""
        return FicheService(db, self._user)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        refresh = QAction(self.tr("&Actualiser la liste"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        self.settings_action = QAction(self.tr("&Paramètres…"), self)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quitter"), self)
        # Ctrl+Q everywhere (the platform's « Quit » key is empty on Windows and some Linux)
        quit_keys = [QKeySequence("Ctrl+Q")]
        platform_quit = QKeySequence(QKeySequence.StandardKey.Quit)
        if not platform_quit.isEmpty() and platform_quit != quit_keys[0]:
            quit_keys.append(platform_quit)
        self.quit_action.setShortcuts(quit_keys)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        self.workspace.install(self, self.menuBar())

        self.sync_menu = SyncMenu(
            self, self._db_thread, self._data_dir, self._user, worker=self.workers.sync
        )
        self.sync_menu.build(self.menuBar(), start=False)
        self.sync_menu.failed.connect(self.show_error)

        self.print_menu = PrintMenu(self, self._db_thread, self._user)
        self.print_menu.build(self.menuBar())
        self.print_menu.failed.connect(self.show_error)
        self.print_menu.done.connect(lambda text: self.statusBar().showMessage(text, 10_000))

        self.purge = PurgeControls(
            self,
            self._db_thread,
            self._data_dir,
            self._user,
            self._repository,
            job=self.workers.purge,
            on_purged=self.refresh,
        )
        self.purge.install(self.menuBar(), start=False)
        # An acknowledgement can bring a deadline forward (retention after transmission).
        self.sync_menu.worker.finished.connect(lambda _report: self.purge.data_changed())

        help_menu = self.menuBar().addMenu(self.tr("A&ide"))
        # The guides, the shortcut sheet, and F1 on every screen (app.ui.help).
        self.help_menu = HelpMenu(self)
        self.help_menu.install(help_menu)
        install_context_help()
        self.about_action = QAction(self.tr("À &propos de Tracing Desk"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    # -- data --------------------------------------------------------------------
    def _fiches_changed(self) -> None:
        self.refresh()
        self.purge.data_changed()

    def refresh(self) -> None:
        """Reload the list and the totals of the status bar (also at start)."""
        self.fiches.refresh()
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        ticket = self._db_thread.submit(lambda db: self._repository(db).summary()).tie_to(self)
        ticket.finished.connect(self._show_summary)
        ticket.failed.connect(lambda failure: self.show_error(failure.message))

    def _show_summary(self, summary: dict[str, int]) -> None:
        parts = [
            self.tr("%Ln fiche(s)", "", summary["total"]),
            self.tr("%Ln patient(s) zéro", "", summary["patients_zero"]),
            self.tr("%Ln contact(s)", "", summary["contacts"]),
        ]  # what waits for the central service is the sync widget's to say
        self.summary_label.setText(" · ".join(parts))

    # -- dialogs -----------------------------------------------------------------
    def show_settings(self) -> None:
        """Fichier › Paramètres: establishment, retention, security, sync."""
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._db_thread, self._user, self)
        dialog.saved.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self, values: dict[str, Any]) -> None:
        zone = values.get(ESTABLISHMENT_TIMEZONE.key)
        if isinstance(zone, str):
            set_display_zone(zone)
        self._fiches_changed()

    def show_error(self, message: str) -> None:
        """Tell the user that a database job failed (one box at a time)."""
        self.statusBar().showMessage(message, 15_000)
        if self._error_box is not None and self._error_box.isVisible():
            self._error_box.setText(message)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tracing Desk"), message, parent=self)
        box.setObjectName("error_box")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._error_box = box
        box.open()

    def show_about(self) -> None:
        """À propos: version, SQLCipher version, data directory, keyring backend, last sync,
        next purge (the facts are read in the database thread)."""

        def gather(db: Any) -> dict[str, str]:
            return about_facts(db, self._user)

        ticket = self._db_thread.submit(gather).tie_to(self)
        ticket.finished.connect(self._show_about_box)
        ticket.failed.connect(lambda failure: self._show_about_box({}, failure))

    def _show_about_box(self, info: dict[str, str], failure: DbFailure | None = None) -> None:
        unknown = self.tr("inconnue")
        if info.get("mode") == "passphrase":
            keyring = self.tr("{backend} (non utilisé : base protégée par une phrase secrète)")
        else:
            keyring = "{backend}"
        lines = [
            self.tr("Version du programme : {version}").format(version=app.__version__),
            self.tr("Version de SQLCipher : {version}").format(
                version=info.get("cipher") or unknown
            ),
            self.tr("Dossier de données : {path}").format(path=self._data_dir),
            self.tr("Trousseau du système : {backend}").format(
                backend=keyring.format(backend=info.get("keyring") or unknown)
            ),
        ]
        if info:
            lines.append(
                self.tr("Dernière synchronisation réussie : {when}").format(
                    when=info.get("last_sync") or self.tr("aucune")
                )
            )
            lines.append(
                self.tr("Prochaine suppression programmée : {when}").format(
                    when=info.get("next_purge") or self.tr("aucune (aucune fiche)")
                )
            )
        if failure is not None:
            lines.append(failure.message)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("À propos de Tracing Desk"),
            self.tr("Tracing Desk — poste de traçage des contacts"),
            parent=self,
        )
        box.setObjectName("about_box")
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.about_box = box
        box.open()


# -- window geometry (no personal data: a size and a position) ---------------------
GEOMETRY_KEY = "main_window/geometry"


def _settings() -> QSettings | None:
    """The program's QSettings (user scope), once ``configure_application`` named it."""
    if not QCoreApplication.organizationName():
        return None  # never "Unknown Organization"
    return QSettings()


def save_geometry(window: QMainWindow) -> None:
    settings = _settings()
    if settings is not None:
        settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        settings.sync()


def restore_geometry(window: QMainWindow) -> None:
    """Put the window back where it was, clamped to the screen it is now on."""
    settings = _settings()
    stored = settings.value(GEOMETRY_KEY) if settings is not None else None
    if stored is None or not window.restoreGeometry(stored):
        return
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    window.setGeometry(clamped(window.geometry(), screen.availableGeometry()))


def clamped(rect: QRect, area: QRect) -> QRect:
    """*rect* made to fit inside *area* (smaller if needed, then moved inside)."""
    width = min(rect.width(), area.width())
    height = min(rect.height(), area.height())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - width)
    y = min(max(rect.y(), area.y()), area.y() + area.height() - height)
    return QRect(x, y, width, height)
