"""The contact finder's table of candidates: one row per person, a check box to keep it.

Every rank-1 candidate is ticked when the list is shown; a person already a
contact of this patient zéro is flagged, unticked, greyed and cannot be ticked.
The shared days are shown compactly (``jj/mm``, consecutive days as one range),
the full list of dates in a tooltip.

The strings keep the translation context of the dialog that shows the table
(``"ContactFinderDialog"``) or ``"contact_finder"``.

Signals:
    checks_changed(): a box was ticked or unticked, or the rows were replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.contact_finder import Candidate, Motive
from app.core.dates import format_date
from app.ui.forms.fields import translate

COLUMNS = (
    "keep",
    "last_name",
    "first_name",
    "birth_date",
    "status",
    "motive",
    "already",
    "days",
)


def motive_text(motive: Motive) -> str:
    labels = {
        Motive.ROOM: translate("contact_finder", "même chambre"),
        Motive.TABLE: translate("contact_finder", "même table"),
        Motive.STAFF: translate("contact_finder", "personnel de l’unité"),
        Motive.TEAM: translate("contact_finder", "même équipe"),
        Motive.UNIT: translate("contact_finder", "même unité"),
    }
    return labels[motive]


def status_text(status: str) -> str:
    if status == "personnel":
        return translate("contact_finder", "personnel")
    return translate("contact_finder", "résident")


def compact_days(days: Sequence[date]) -> str:
    """``jj/mm`` of each day, consecutive days as one range: « 24/11–26/11, 28/11 »."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    parts = []
    for first, last in runs:
        text = first.strftime("%d/%m")
        if last != first:
            text += "–" + last.strftime("%d/%m")
        parts.append(text)
    return ", ".join(parts)


class CandidatesTable(QTableWidget):
    """The ranked candidates, a check box in the first column."""

    checks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("candidates")
        self.setAccessibleName(translate("ContactFinderDialog", "Personnes proposées"))
        self.setHorizontalHeaderLabels(
            [
                translate("ContactFinderDialog", "Garder"),
                translate("ContactFinderDialog", "Nom"),
                translate("ContactFinderDialog", "Prénom"),
                translate("ContactFinderDialog", "Date de naissance"),
                translate("ContactFinderDialog", "Statut"),
                translate("ContactFinderDialog", "Motif"),
                translate("ContactFinderDialog", "Déjà contact"),
                translate("ContactFinderDialog", "Jours partagés"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("days"), QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        self.setMinimumHeight(160)
        self.itemChanged.connect(self._item_changed)

    def fill(self, candidates: Sequence[Candidate], ticked: set[int] | None = None) -> None:
        """One row per candidate; *ticked* rows checked (default: every rank-1 candidate)."""
        self.blockSignals(True)
        self.setRowCount(len(candidates))
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row, candidate in enumerate(candidates):
            person = candidate.person
            days = list(candidate.days)
            values = [
                "",
                person.last_name,
                person.first_name,
                format_date(person.birth_date),
                status_text(candidate.status),
                motive_text(candidate.motive),
                translate("ContactFinderDialog", "oui") if candidate.already_contact else "",
                compact_days(days),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if column == 0 and not candidate.already_contact:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                if candidate.already_contact:
                    item.setForeground(grey)
                item.setFlags(flags)
                if COLUMNS[column] == "days":
                    item.setToolTip(", ".join(format_date(d) for d in days))
                self.setItem(row, column, item)
            keep = self.item(row, 0)
            assert keep is not None
            if candidate.already_contact:
                keep.setToolTip(
                    translate("ContactFinderDialog", "Déjà personne contact de ce patient zéro")
                )
            else:
                on = candidate.rank == 1 if ticked is None else row in ticked
                keep.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                keep.setData(
                    Qt.ItemDataRole.AccessibleTextRole, translate("ContactFinderDialog", "Garder")
                )
        self.blockSignals(False)
        self.fit_columns()
        self.checks_changed.emit()

    def fit_columns(self) -> None:
        for index, name in enumerate(COLUMNS):
            if name != "days":  # the days take the room left (elided, full list in a tooltip)
                self.resizeColumnToContents(index)

    # -- ticking ---------------------------------------------------------------------
    def is_checked(self, row: int) -> bool:
        item = self.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.item(row, 0)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all_checked(self, checked: bool) -> None:
        self.blockSignals(True)
        for row in range(self.rowCount()):
            self.set_checked(row, checked)
        self.blockSignals(False)
        self.checks_changed.emit()

    def checked_rows(self) -> set[int]:
        """The rows whose box is ticked."""
        return {row for row in range(self.rowCount()) if self.is_checked(row)}

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.checks_changed.emit()
