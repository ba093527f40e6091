"""The purge in the main window: the banner, "Suppressions à venir" and the purge report.

- :class:`PurgeBanner`: above the list, warns when fiches *not yet
  transmitted* reach their deadline within ``purge.warn_days`` days (they
  will be deleted anyway: transmit them now), and when an exported file
  could not be deleted or was moved.
- :class:`UpcomingDialog`: the fiches the purge will delete within 7 or 30
  days, earliest first.
- :class:`PurgeControls`: shows what the :class:`~app.workers.purge_job.PurgeJob`
  does (the job is the :class:`~app.workers.context.AppContext`'s, which starts
  and stops it): "N fiches supprimées le …" in the status bar and as a
  notification, refreshes the list after a purge, re-arms the job's deadline.

Every read goes through the database thread; nothing here runs SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import get_clock
from app.core.dates import format_date, format_datetime
from app.core.enums import label_of
from app.services.fiches import FicheRow, FicheService
from app.services.retention import (
    MISSING_FILE,
    SUSPENDED_LABEL,
    SUSPENDED_MESSAGE,
    SuspendedPurge,
    Upcoming,
    banner_facts,
    last_purge,
    next_purge,
)
from app.workers.db_thread import DbFailure, DbThread
from app.workers.purge_job import PurgeJob

RepoFactory = Callable[[Any], FicheService]
BANNER_REFRESH_MS = 15 * 60 * 1000
WATCH_MS = 60 * 1000


def local_text(instant: datetime, with_time: bool = True) -> str:
    """``jj/mm/aaaa`` (and ``hh:mm``) on the establishment's clock (``app.core.dates``)."""
    return format_datetime(instant) if with_time else format_date(instant)


# ------------------------------------------------------------------- banner


class PurgeBanner(QFrame):
    """A yellow strip above the list; hidden when there is nothing to say.

    Signals:
        show_upcoming(): the user asked for the list of upcoming deletions.
    """

    show_upcoming = Signal()

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self._user = user
        self.setObjectName("purge_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#purge_banner { background: #fff3cd; color: #664d03; }")
        self.text = QLabel(self)
        self.text.setObjectName("purge_banner_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = QPushButton(self.tr("Voir les suppressions à venir"), self)
        self.view.setObjectName("purge_banner_view")
        self.view.clicked.connect(self.show_upcoming)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.view)
        self.setVisible(False)
        self.facts: dict[str, Any] = {}

    def refresh(self) -> None:
        if not self._db_thread.running:  # the window is closing
            return
        user = self._user
        ticket = self._db_thread.submit(lambda db: banner_facts(db, user)).tie_to(self)
        ticket.finished.connect(self._show)

    def _show(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        lines: list[str] = []
        if facts["count"]:
            lines.append(
                self.tr(
                    "%n fiche(s) non transmise(s) seront supprimées d’ici le {date} "
                    "(délai de conservation) : transmettez-les maintenant.",
                    "",
                    facts["count"],
                ).format(date=local_text(facts["earliest"]))
            )
        for f in facts["problems"]:
            if f.state == MISSING_FILE:
                lines.append(
                    self.tr(
                        "Fichier exporté introuvable (déplacé ou renommé ?) : {path}. "
                        "Supprimez vous-même toute copie avant le {date}."
                    ).format(path=f.path, date=local_text(f.deadline))
                )
            else:
                lines.append(
                    self.tr(
                        "Le fichier exporté {path} n’a pas pu être supprimé ({error}) ; "
                        "fermez-le s’il est ouvert. La purge réessaiera."
                    ).format(path=f.path, error=f.last_error or "?")
                )
        self.text.setText("\n".join(lines))
        self.setVisible(bool(lines))


# ---------------------------------------------------------------- upcoming


class UpcomingModel(QAbstractTableModel):
    """Rows of the "Suppressions à venir" table (read-only)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("UpcomingModel", "Suppression le"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Nom"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Type"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Transmission"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Unité"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FicheRow] = []

    def set_rows(self, rows: list[FicheRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("UpcomingModel", str(self.HEADERS[section]))
        return None

    def data(self, index: QModelIndex | Any, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return local_text(row.deadline)
        if column == 1:
            return row.display_name
        if column == 2:
            return label_of(row.kind)
        if column == 3:
            return label_of(row.sync_state)
        return row.unit


def _upcoming_facts(db: Any, repo_for: RepoFactory, days: int) -> Upcoming:
    until = get_clock().now() + timedelta(days=days)
    return repo_for(db).upcoming(until)


class UpcomingDialog(QDialog):
    """The fiches due within 7 or 30 days, earliest first."""

    def __init__(
        self, db_thread: DbThread, repo_for: RepoFactory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self._repo_for = repo_for
        self.setObjectName("upcoming_dialog")
        self.setWindowTitle(self.tr("Suppressions à venir"))
        self.resize(760, 480)
        self.days_7 = QRadioButton(self.tr("7 prochains jours"), self)
        self.days_7.setObjectName("days_7")
        self.days_30 = QRadioButton(self.tr("30 prochains jours"), self)
        self.days_30.setObjectName("days_30")
        self.days_7.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.days_7, 7)
        group.addButton(self.days_30, 30)
        group.idClicked.connect(self.load)
        self.summary = QLabel(self)
        self.summary.setObjectName("upcoming_summary")
        self.model = UpcomingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        choice = QHBoxLayout()
        choice.addWidget(self.days_7)
        choice.addWidget(self.days_30)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.days = 7

    def load(self, days: int | None = None) -> None:
        self.days = days or (30 if self.days_30.isChecked() else 7)
        repo_for, wanted = self._repo_for, self.days
        ticket = self._db_thread.submit(lambda db: _upcoming_facts(db, repo_for, wanted))
        ticket.tie_to(self)
        ticket.finished.connect(self._show)
        ticket.failed.connect(self._failed)

    def _show(self, found: Upcoming) -> None:
        self.model.set_rows(found.rows)
        text = self.tr(
            "%n fiche(s) seront supprimées dans les {days} prochains jours.", "", found.total
        )
        text = text.format(days=self.days)
        if found.total > len(found.rows):
            text += " " + self.tr("Les {shown} premières sont affichées.").format(
                shown=len(found.rows)
            )
        self.summary.setText(text)

    def _failed(self, failure: DbFailure) -> None:
        self.summary.setText(failure.message)


# ---------------------------------------------------------------- controls


class PurgeControls(QObject):
    """Wires the purge into a main window (banner, menu action, status bar, job).

    Signals:
        purged(object): a purge run finished (its report), after the list was refreshed.
    """

    purged = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        db_thread: DbThread,
        data_dir: Path,
        user: str,
        repo_for: RepoFactory,
        *,
        job: PurgeJob,
        on_purged: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db_thread = db_thread
        self._repo_for = repo_for
        self._on_purged = on_purged
        self._dialog: UpcomingDialog | None = None
        self._tray: QSystemTrayIcon | None = None
        self.banner = PurgeBanner(db_thread, user, window)
        self.banner.show_upcoming.connect(self.show_upcoming)
        self.status = QLabel(window)
        self.status.setObjectName("purge_status")
        window.statusBar().addPermanentWidget(self.status)
        self.suspended = False  # the last run found the store read-only
        self.job = job  # started and stopped by its owner (the application context)
        self.job.finished.connect(self._purged)
        self.job.failed.connect(self._failed)
        self.job.next_run_changed.connect(self._next_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(BANNER_REFRESH_MS)
        self._timer.timeout.connect(self.banner.refresh)
        # Changes made by any part of the program (a form, an import, a setting)
        # can bring the next deadline forward: look every minute (an indexed
        # min() on the database thread) and re-arm the trigger if so.
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.check_next_deadline)
        window.installEventFilter(self)

    def install(self, menubar: QMenuBar, *, start: bool = True) -> None:
        """Put the banner above the central widget, add the menu action, start the banner
        (unless *start* is false: the main window calls :meth:`start` once painted)."""
        central = self._window.takeCentralWidget()
        container = QWidget(self._window)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        if central is not None:
            layout.addWidget(central, 1)
        self._window.setCentralWidget(container)
        menu = menubar.addMenu(self.tr("&Conservation"))
        self.upcoming_action = QAction(self.tr("&Suppressions à venir…"), self)
        self.upcoming_action.triggered.connect(self.show_upcoming)
        menu.addAction(self.upcoming_action)
        self.purge_now_action = QAction(self.tr("&Lancer la purge maintenant"), self)
        self.purge_now_action.triggered.connect(lambda: self.job.request("demande"))
        menu.addAction(self.purge_now_action)
        if start:
            self.start()

    def start(self) -> None:
        """Read the banner's and the last run's facts, start the timers."""
        self._show_last_run()
        self.banner.refresh()
        self._timer.start()
        self._watch.start()

    def check_next_deadline(self) -> None:
        """Read the earliest deadline (database thread) and bring the trigger forward to it."""
        if not self._db_thread.running:  # the database thread was shut down: stop too
            self.stop()
            return
        ticket = self._db_thread.submit(next_purge).tie_to(self)
        ticket.finished.connect(self._earliest_known)

    def _earliest_known(self, earliest: datetime | None) -> None:
        if earliest is not None:
            self.job.data_changed(earliest)

    def data_changed(self, earliest: datetime | None = None) -> None:
        """Call after fiches, settings or exports changed: re-arms the deadline trigger."""
        self.job.data_changed(earliest)

    def show_upcoming(self) -> None:
        if self._dialog is None:
            self._dialog = UpcomingDialog(self._db_thread, self._repo_for, self._window)
        self._dialog.load()
        self._dialog.show()
        self._dialog.raise_()

    # -- job results (UI thread, queued from the pool thread) ---------------------
    def _purged(self, report: Any) -> None:
        if not self._db_thread.running:  # a late report after the window's session ended
            return
        if isinstance(report, SuspendedPurge):  # read-only store: said here, no box
            self.suspended = True
            self.status.setText(QCoreApplication.translate("services", SUSPENDED_LABEL))
            self.status.setToolTip(
                QCoreApplication.translate("services", SUSPENDED_MESSAGE).format(
                    overdue=report.overdue
                )
            )
            self.banner.refresh()
            self.purged.emit(report)
            return
        if report.fiches or report.files_deleted:
            self._announce(report.fiches, report.finished_at or report.as_of)
            if self._on_purged is not None:
                self._on_purged()
        self.banner.refresh()
        self.purged.emit(report)

    def _announce(self, count: int, when: datetime) -> None:
        text = self.tr("%n fiche(s) supprimée(s) le {date}", "", count).format(
            date=local_text(when)
        )
        # said once, by the purge's own place in the status bar (a temporary message
        # too would repeat it, drawn over the counters when the bar is narrow)
        self.status.setText(text)
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self._window.windowIcon(), self)
            self._tray.show()
            self._tray.showMessage(self.tr("Purge de conservation"), text)

    def _show_last_run(self) -> None:
        if not self._db_thread.running:
            return
        ticket = self._db_thread.submit(last_purge).tie_to(self)
        ticket.finished.connect(self._last_run_known)

    def _last_run_known(self, last: tuple[datetime, int] | None) -> None:
        if last is not None and not self.status.text():
            when, count = last
            self.status.setText(
                self.tr("%n fiche(s) supprimée(s) le {date}", "", count).format(
                    date=local_text(when)
                )
            )

    def _failed(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 30_000)

    def _next_changed(self, when: datetime | None) -> None:
        if self.suspended:  # the tooltip says why nothing is deleted
            return
        if when is None:
            self.status.setToolTip(self.tr("Aucune suppression programmée."))
        else:
            self.status.setToolTip(
                self.tr("Prochaine suppression : {date}").format(date=local_text(when))
            )

    def stop(self) -> None:
        """Stop the timers (the window closes; the job stops with the window's session)."""
        self._timer.stop()
        self._watch.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        return False
