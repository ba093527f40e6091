"""« Saisie en tableau »: a patient zéro's contacts typed or pasted like in a spreadsheet.

One row per contact (the columns of ``contacts import``). Ctrl+V or
« Coller » pastes TAB-separated rows copied from Excel or LibreOffice from
the current cell on, growing the table; every row is checked as it changes
with the import's own rules (:func:`app.core.contact_rows.check_row`): a bad
cell turns red with the French problem as its tooltip, and « Créer les
fiches » waits until no row is bad. A short while after the last change, a
trial import (``dry_run``) on the database thread says for each row whether
its fiche will be created, linked or is already linked. « Créer les fiches »
runs :func:`app.services.contact_import.import_contacts` on the database
thread: all rows in one transaction or none, and what was typed stays on an
error.

Signals:
    contacts_created(int): after a successful import, the number of fiches created or linked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.contact_rows import COLUMN_LABELS, COLUMNS, CellProblem, ContactRow, check_row
from app.core.dates import local_today
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.sheets import SheetError, column_key, split_pasted
from app.services.contact_import import ImportReport, Outcome, import_contacts
from app.workers.db_thread import DbFailure, DbThread

BAD_BRUSH = QBrush(QColor("#f6c6c6"))
START_ROWS = 10
PREVIEW_DELAY_MS = 400
RESULT_COLUMN = len(COLUMNS)

_OUTCOME_TEXT = {
    Outcome.CREATED: QT_TRANSLATE_NOOP("ContactGridDialog", "nouvelle fiche"),
    Outcome.LINKED: QT_TRANSLATE_NOOP("ContactGridDialog", "fiche existante\u00a0: sera liée"),
    Outcome.UNCHANGED: QT_TRANSLATE_NOOP("ContactGridDialog", "déjà contact de ce patient zéro"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactGridDialog", text)


def _tr_core(text: str) -> str:
    return QCoreApplication.translate("core", text)


class _Grid(QTableWidget):
    """The table: Ctrl+V pastes, Suppr clears the selected cells, Entrée goes down."""

    paste_requested = Signal()
    clear_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
            return
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            event.accept()
            return
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.currentRow() + 1
            if row >= self.rowCount():
                self.setRowCount(row + 1)
            self.setCurrentCell(row, max(self.currentColumn(), 0))
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Entrée: next row
            row = self.currentRow() + 1
            if row >= self.rowCount():
                self.setRowCount(row + 1)
            self.setCurrentCell(row, max(self.currentColumn(), 0))


class ContactGridDialog(QDialog):
    """Contacts of one patient zéro typed or pasted in a grid, created in one go."""

    contacts_created = Signal(int)

    def __init__(
        self, db_thread: DbThread, user: str, pz_uuid: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_grid_dialog")
        self.setWindowTitle(self.tr("Saisie en tableau des personnes contact"))
        self._db = db_thread
        self._user = user
        self._pz_uuid = pz_uuid
        self._busy = False
        self._filling = False
        self._generation = 0
        self._rows: list[ContactRow] = []
        self.bad_lines: list[int] = []
        self._problems: dict[int, list[str]] = {}
        #: check_row's answer by the cells' texts (the checks are pure: a row checked once)
        self._checked: dict[tuple[str, ...], tuple[ContactRow | None, list[CellProblem]]] = {}

        intro = QLabel(
            self.tr(
                "Une ligne par personne. Copiez des lignes dans Excel ou LibreOffice, "
                "placez-vous sur une cellule, puis Ctrl+V (ou «\u202fColler\u202f»)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = _Grid(START_ROWS, len(COLUMNS) + 1, self)
        self.table.setObjectName("contact_grid_table")
        self.table.setAccessibleName(self.tr("Personnes contact"))
        self.table.setHorizontalHeaderLabels(
            [_tr_core(COLUMN_LABELS[c]) for c in COLUMNS] + [self.tr("Fiche")]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # every column at least as wide as its title (« Date du dernier contact »)
        for column in range(self.table.columnCount() - 1):
            header.resizeSection(column, max(header.sectionSizeHint(column), 100))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.setTabKeyNavigation(True)
        self.table.itemChanged.connect(self._changed)
        self.table.paste_requested.connect(self.paste)
        self.table.clear_requested.connect(self.clear_selection)

        self.summary = QLabel(self)
        self.summary.setObjectName("contact_grid_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.paste_button = QPushButton(self.tr("Coller"), self)
        self.paste_button.setObjectName("contact_grid_paste")
        self.paste_button.clicked.connect(self.paste)
        self.remove_button = QPushButton(self.tr("Supprimer les lignes sélectionnées"), self)
        self.remove_button.setObjectName("contact_grid_remove")
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.create_button = QPushButton(self.tr("Créer les fiches"), self)
        self.create_button.setObjectName("contact_grid_create")
        self.create_button.setDefault(False)
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_fiches)
        close = QPushButton(self.tr("Fermer"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.preview)
        self.table.setCurrentCell(0, 0)
        self.resize(980, 480)
        self.check_all()

    # ------------------------------------------------------------------ content
    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def set_cell(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def _values(self, row: int) -> dict[str, str]:
        return {key: self.cell_text(row, i) for i, key in enumerate(COLUMNS)}

    def _is_empty(self, row: int) -> bool:
        return not any(self.cell_text(row, i).strip() for i in range(len(COLUMNS)))

    def paste(self) -> None:
        """The clipboard's TAB-separated rows from the current cell on (header line skipped)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.summary.setText(self.tr("Le presse-papiers ne contient pas de texte à coller."))
            return
        try:
            lines = split_pasted(text)
        except SheetError as exc:
            self.summary.setText(_tr_core(exc.template).format(**exc.params))
            return
        names = set(COLUMNS) | {column_key(_tr_core(label)) for label in COLUMN_LABELS.values()}
        names |= {column_key(label) for label in COLUMN_LABELS.values()}
        if lines and all(column_key(c) in names for c in lines[0][1] if c.strip()):
            lines = lines[1:]  # the header row copied with the data
        top = max(self.table.currentRow(), 0)
        left = max(self.table.currentColumn(), 0)
        if left >= len(COLUMNS):
            left = 0
        dropped = 0
        self._filling = True
        try:
            needed = top + len(lines) + 1
            if needed > self.table.rowCount():
                self.table.setRowCount(needed)
            for offset, (_line, cells) in enumerate(lines):
                for j, cell in enumerate(cells):
                    column = left + j
                    if column >= len(COLUMNS):
                        dropped += bool(cell.strip())
                        continue
                    self.set_cell(top + offset, column, cell.strip())
        finally:
            self._filling = False
        self.check_all()
        if dropped:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr(
                    "%n cellule(s) au-delà de la colonne «\u202fStatut\u202f» ignorée(s).",
                    "",
                    dropped,
                )
            )

    def clear_selection(self) -> None:
        self._filling = True
        try:
            for item in self.table.selectedItems():
                if item.column() < len(COLUMNS):
                    item.setText("")
        finally:
            self._filling = False
        self.check_all()

    def remove_selected_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if self.table.rowCount() < START_ROWS:
            self.table.setRowCount(START_ROWS)
        self.check_all()

    # --------------------------------------------------------------- checking
    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() >= len(COLUMNS):
            return
        if item.row() == self.table.rowCount() - 1 and item.text().strip():
            self.table.setRowCount(self.table.rowCount() + 1)
        self.check_all()

    def check_all(self) -> None:
        """Check every non-empty row; flag bad cells; enable « Créer » only when all are good."""
        today = local_today()
        self._rows = []
        self.bad_lines = []
        self._problems = {}
        self._filling = True
        try:
            for row in range(self.table.rowCount()):
                problems: list[CellProblem] = []
                if not self._is_empty(row):
                    good, problems = self._check(row, today)
                    if good is None:
                        self.bad_lines.append(row + 1)
                        self._problems[row + 1] = [p.message for p in problems]
                    else:
                        self._rows.append(good)
                self._flag(row, problems)
        finally:
            self._filling = False
        self._summarise()
        self._generation += 1
        if self._rows and not self.bad_lines:
            self.preview_timer.start()
        else:
            self.preview_timer.stop()

    def _check(self, row: int, today: date) -> tuple[ContactRow | None, list[CellProblem]]:
        values = self._values(row)
        key = (today.isoformat(), *values.values())
        found = self._checked.get(key)
        if found is None:
            if len(self._checked) > 10_000:
                self._checked.clear()
            found = self._checked[key] = check_row(row + 1, values, today)
        good, problems = found
        if good is not None and good.line != row + 1:
            good = dataclasses.replace(good, line=row + 1)
        return good, problems

    def _flag(self, row: int, problems: Sequence[CellProblem]) -> None:
        by_column: dict[int, list[str]] = {}
        for problem in problems:
            column = COLUMNS.index(problem.column) if problem.column in COLUMNS else 0
            by_column.setdefault(column, []).append(problem.message)
        for column in range(len(COLUMNS)):
            messages = by_column.get(column)
            item = self.table.item(row, column)
            if item is None:
                if not messages:
                    continue
                item = QTableWidgetItem("")
                self.table.setItem(row, column, item)
            item.setBackground(BAD_BRUSH if messages else QBrush())
            item.setToolTip("\n".join(messages) if messages else "")
        self._set_result(row, "")

    def _set_result(self, row: int, text: str) -> None:
        item = self.table.item(row, RESULT_COLUMN)
        if item is None:
            if not text:
                return
            item = QTableWidgetItem()
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, RESULT_COLUMN, item)
        item.setText(text)

    def _summarise(self) -> None:
        if self.bad_lines:
            text = self.tr("%n ligne(s) à corriger", "", len(self.bad_lines))
            first = self.bad_lines[0]
            text += " — " + self.tr("ligne {line}\u00a0: {problem}").format(
                line=first, problem=" ".join(self._problems.get(first, []))
            )
        elif self._rows:
            text = self.tr("%n personne(s) prête(s) à créer.", "", len(self._rows))
        else:
            text = self.tr("Aucune ligne remplie.")
        self.summary.setText(text)
        self.create_button.setEnabled(not self._busy and bool(self._rows) and not self.bad_lines)

    # --------------------------------------------------------------- database
    def hideEvent(self, event: QHideEvent) -> None:
        """Closed or hidden: no trial import is asked any more (the store may be closing)."""
        self.preview_timer.stop()
        super().hideEvent(event)

    def preview(self) -> None:
        """A trial import on the database thread: what will happen to each row's fiche."""
        if self._busy or not self._rows or self.bad_lines:
            return
        generation = self._generation
        user, pz, rows = self._user, self._pz_uuid, list(self._rows)
        ticket = self._db.submit(
            lambda db: import_contacts(db, user, pz, rows, dry_run=True)
        ).tie_to(self)
        ticket.finished.connect(lambda report: self._previewed(generation, report))

    def _previewed(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation or self._busy:
            return
        for line, outcome in report.outcomes:
            self._set_result(line - 1, _tr(_OUTCOME_TEXT[outcome]))
        for line, message in report.problems:
            self._set_result(line - 1, message)

    def create_fiches(self) -> None:
        """All the rows in one transaction on the database thread, or none of them."""
        self.check_all()
        if self._busy or not self._rows or self.bad_lines:
            return
        self._busy = True
        self.preview_timer.stop()
        self._generation += 1
        self.table.setEnabled(False)
        self.create_button.setEnabled(False)
        self.summary.setText(self.tr("Création des fiches en cours…"))
        user, pz, rows = self._user, self._pz_uuid, list(self._rows)
        ticket = self._db.submit(lambda db: import_contacts(db, user, pz, rows)).tie_to(self)
        ticket.finished.connect(self._created)
        ticket.failed.connect(self._failed)

    def _done(self) -> None:
        self._busy = False
        self.table.setEnabled(True)

    def _created(self, report: ImportReport) -> None:
        self._done()
        if report.problems:
            self._summarise()
            for line, message in report.problems:
                self.bad_lines.append(line)
                item = self.table.item(line - 1, 0)
                if item is not None:
                    item.setBackground(BAD_BRUSH)
                    item.setToolTip(message)
            first_line, first_message = report.problems[0]
            self.summary.setText(
                self.tr("Aucune fiche créée. Ligne {line}\u00a0: {problem}").format(
                    line=first_line, problem=first_message
                )
            )
            self.create_button.setEnabled(False)
            return
        self._filling = True
        try:
            self.table.clearContents()
            self.table.setRowCount(START_ROWS)
        finally:
            self._filling = False
        self.table.setCurrentCell(0, 0)
        self.check_all()
        counts = [
            self.tr("%n fiche(s) créée(s)", "", report.created),
            self.tr("%n liée(s)", "", report.linked),
            self.tr("%n déjà liée(s)", "", report.unchanged),
        ]
        self.summary.setText(", ".join(counts) + ".")
        self.contacts_created.emit(report.created + report.linked)

    def _failed(self, failure: DbFailure) -> None:
        self._done()
        self._summarise()
        self.summary.setText(
            self.tr("Aucune fiche créée, votre saisie est conservée.") + " " + failure.message
        )
