"""The journal viewer (référent only): who did what, when, on which fiche (UUID).

Filters: user, action, date range (days of the establishment's calendar).
The query runs in the database thread through ``app.services.journal``, which
refuses an agent whatever the window shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.dates import display_zone_name, format_datetime, local_today
from app.core.enums import JournalAction
from app.services.journal import JournalFilter, JournalPage, journal_page, journal_users
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.permissions import Session

PAGE = 500


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class JournalViewer(QDialog):
    """Journal des accès, newest first, one page of :data:`PAGE` entries."""

    def __init__(self, db_thread: DbThread, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("journal_viewer")
        self.setWindowTitle(self.tr("Journal des accès"))
        self.resize(1000, 600)
        self._db_thread = db_thread
        self._session = session

        self.user = QComboBox(self)
        self.user.setObjectName("user_filter")
        self.user.addItem(self.tr("Tous les utilisateurs"), "")
        self.action = QComboBox(self)
        self.action.setObjectName("action_filter")
        self.action.addItem(self.tr("Toutes les actions"), None)
        for member, label in JournalAction.choices():
            self.action.addItem(label, member)
        today = local_today()
        self.use_since = QCheckBox(self.tr("Depuis le"), self)
        self.since = QDateEdit(_qdate(today), self)
        self.use_until = QCheckBox(self.tr("Jusqu’au"), self)
        self.until = QDateEdit(_qdate(today), self)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.apply_button = QPushButton(self.tr("&Filtrer"), self)
        self.apply_button.setObjectName("apply")
        filters = QHBoxLayout()
        for widget in (
            self.user,
            self.action,
            self.use_since,
            self.since,
            self.use_until,
            self.until,
            self.apply_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("journal_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date et heure"),
                self.tr("Utilisateur"),
                self.tr("Action"),
                self.tr("Fiche (identifiant)"),
                self.tr("Détail"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # each column as wide as its title and its cells, the detail takes the rest
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.chain = QLabel(self)
        self.chain.setObjectName("chain")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        bottom.addWidget(self.chain)
        layout.addLayout(bottom)
        layout.addWidget(buttons)

        self.apply_button.clicked.connect(self.refresh)
        self._load_users()
        self.refresh()

    def current_filter(self) -> JournalFilter:
        action = self.action.currentData()
        return JournalFilter(
            user=str(self.user.currentData() or ""),
            action=action if isinstance(action, JournalAction) else None,
            since=self.since.date().toPython() if self.use_since.isChecked() else None,  # type: ignore[arg-type]
            until=self.until.date().toPython() if self.use_until.isChecked() else None,  # type: ignore[arg-type]
        )

    def _load_users(self) -> None:
        session = self._session
        ticket = self._db_thread.submit(lambda db: journal_users(db, session)).tie_to(self)
        ticket.finished.connect(self._fill_users)
        ticket.failed.connect(self._failed)

    def _fill_users(self, users: list[str]) -> None:
        for name in users:
            self.user.addItem(name, name)

    def refresh(self) -> None:
        session, flt = self._session, self.current_filter()
        zone = display_zone_name()
        self.status.setText(self.tr("Chargement…"))

        ticket = self._db_thread.submit(
            lambda db: journal_page(db, session, flt, limit=PAGE, tz=zone)
        ).tie_to(self)
        ticket.finished.connect(self._show)
        ticket.failed.connect(self._failed)

    def _show(self, page: JournalPage) -> None:
        total, lines, chain_ok = page.total, page.lines, page.chain_ok
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            label = line.action.label if line.action else line.action_value
            values = [
                format_datetime(line.at, seconds=True),
                line.user,
                QCoreApplication.translate("core", label),
                line.fiche_uuid or "",
                line.detail,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.status.setText(
            self.tr("%n entrée(s) affichée(s)", "", len(lines))
            + " / "
            + self.tr("%n au total", "", total)
        )
        self.chain.setText(
            self.tr("Chaînage du journal : intact")
            if chain_ok
            else self.tr("Chaînage du journal : ROMPU (journal modifié)")
        )

    def _failed(self, failure: DbFailure) -> None:
        self.status.setText(failure.message)
