"""The list of fiches: search field, filters and the table.

Typing in the search field runs the search ~150 ms after the last key; a
filter change runs it at once. Every query runs on the database thread
(through :class:`~app.ui.fiche_model.FicheListModel`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import FicheKind, LifecycleState, SyncState
from app.services.fiches import FicheQuery
from app.ui.fiche_model import SOON_DAYS, FicheListModel, enum_label
from app.workers.db_thread import DbThread

SEARCH_DELAY_MS = 150  # after the last key (issue 16: typing never waits on a search)

UNIT_COLUMN_CHARS = 24
UNIT_FILTER_CHARS = 18  # units are free text: wide enough for most, elided beyond
CELL_PADDING_PX = 20


class FicheListPanel(QWidget):
    """Search, filters and table of fiches (read-only for now).

    Signals:
        failed(str): a database job of the list failed (French message).
    """

    failed = Signal(str)

    def __init__(
        self,
        db_thread: DbThread,
        source_factory: Callable[[Any], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self._source_factory = source_factory
        self.model = FicheListModel(db_thread, source_factory, FicheQuery(), self)
        self.model.count_changed.connect(self._show_count)
        self.model.loading_changed.connect(self._show_loading)
        self.model.failed.connect(self.failed)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Rechercher : nom, date de naissance (jj/mm/aaaa), NIR ou téléphone")
        )
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.apply_query)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)

        self.kind_filter = self._combo(self.tr("Tous les types"), FicheKind)
        self.kind_filter.setObjectName("kind_filter")
        self.state_filter = self._combo(self.tr("Tous les états"), LifecycleState)
        self.state_filter.setObjectName("state_filter")
        self.sync_filter = self._combo(self.tr("Toutes synchronisations"), SyncState)
        self.sync_filter.setObjectName("sync_filter")
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("unit_filter")
        self.unit_filter.setAccessibleName(self.tr("Unité"))
        self.unit_filter.setToolTip(self.tr("Fiches d’une unité (service) seulement"))
        self.unit_filter.addItem(self.tr("Toutes les unités"), None)
        # Units are free text: the combo does not grow with a very long one.
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(UNIT_FILTER_CHARS)
        self.unit_filter.currentIndexChanged.connect(self.apply_query)
        self.due_filter = QCheckBox(self.tr("Suppression d’ici 7 jours"), self)
        self.due_filter.setObjectName("due_filter")
        self.due_filter.setToolTip(
            self.tr("Fiches dont la suppression automatique aura lieu dans les 7 prochains jours")
        )
        self.due_filter.toggled.connect(self.apply_query)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView(self)
        self.table.setObjectName("fiches")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures a million rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FicheListModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self._fit_columns()
        # A new result lays the rows out now rather than after a first paint (Qt
        # delays it): one paint of the list per result instead of two, while typing.
        self.model.modelReset.connect(self.table.doItemsLayout)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.sync_filter)
        filters.addWidget(self.unit_filter)
        filters.addWidget(self.due_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        focus_search = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        focus_search.activated.connect(self._focus_search)

    def _fit_columns(self) -> None:
        """Size each column to its header and widest possible value (never to the data:
        measuring rows would read pages the user never looks at)."""
        cells = self.table.fontMetrics()
        heads = self.table.horizontalHeader().fontMetrics()
        samples: dict[int, list[str]] = {
            FicheListModel.COL_KIND: [enum_label(m) for m in FicheKind],
            FicheListModel.COL_BIRTH: ["00/00/0000"],
            FicheListModel.COL_UNIT: [
                "M" * (UNIT_COLUMN_CHARS // 2) + "a" * (UNIT_COLUMN_CHARS // 2)
            ],
            FicheListModel.COL_STATE: [enum_label(m) for m in LifecycleState],
            FicheListModel.COL_CREATED: ["00/00/0000 00:00"],
            FicheListModel.COL_DEADLINE: ["00/00/0000"],
            FicheListModel.COL_SYNC: [enum_label(m) for m in SyncState],
        }
        for column, texts in samples.items():
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                heads.horizontalAdvance(header) + 2 * CELL_PADDING_PX,
                *(cells.horizontalAdvance(t) + CELL_PADDING_PX for t in texts),
            )
            self.table.setColumnWidth(column, width)

    def _combo(self, everything: str, enum: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for member in enum:
            combo.addItem(enum_label(member), member.value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self.apply_query)
        return combo

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- query -------------------------------------------------------------------
    def current_query(self) -> FicheQuery:
        return FicheQuery(
            text=self.search.text().strip(),
            kind=_member(FicheKind, self.kind_filter),
            state=_member(LifecycleState, self.state_filter),
            sync_state=_member(SyncState, self.sync_filter),
            unit=self.unit_filter.currentData() or None,
            due_within_days=SOON_DAYS if self.due_filter.isChecked() else None,
        )

    def _text_changed(self, _text: str) -> None:
        self._search_timer.start()  # restarts: the search runs after the last key

    def apply_query(self) -> None:
        """Run the query the widgets show now (if it differs from the one shown)."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query() or not self.model.is_loaded():
            self.model.set_query(query)

    def refresh(self) -> None:
        """Run the query again and reread the units (after saves, a purge, at start)."""
        self._search_timer.stop()
        self.model.set_query(self.current_query())
        self.refresh_units()

    def refresh_units(self) -> None:
        """Reread the distinct units on the database thread (after the list's own jobs)."""
        factory = self._source_factory
        ticket = self._db_thread.submit(lambda db: factory(db).units()).tie_to(self)
        ticket.finished.connect(self._show_units)
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _show_units(self, units: list[str]) -> None:
        combo = self.unit_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for unit in units:
                combo.addItem(unit, unit)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        if chosen and combo.findData(chosen) < 0:
            self.apply_query()  # the chosen unit has no fiche left (purge): show them all

    # -- feedback ----------------------------------------------------------------
    def _show_count(self, count: int) -> None:
        if count == 0:
            filtered = self.current_query() != FicheQuery()
            text = (
                self.tr("Aucune fiche ne correspond à la recherche")
                if filtered
                else self.tr("Aucune fiche enregistrée")
            )
        else:
            text = self.tr("%Ln fiche(s) affichée(s)", "", count)
        self.count_label.setText(text)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Recherche…"))


def _member(enum: Any, combo: QComboBox) -> Any:
    """The enumeration member chosen in *combo* (items hold the value), or None for "all"."""
    value = combo.currentData()
    return enum(value) if value else None
