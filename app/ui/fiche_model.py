"""The list of fiches as a paged table model fed by the database thread.

The model never runs SQL itself. A query change asks the database thread for
the number of matching fiches and their first page, in one job; then pages
of :data:`PAGE_SIZE` rows are fetched when the view asks for rows it has not
got (``data()`` is only called for visible rows). Until its page arrives a
row shows "…"; ``dataChanged`` then repaints it. Only the most recently asked
pages are fetched (the others scrolled past), at most :data:`MAX_IN_FLIGHT` at
a time, and at most :data:`MAX_CACHED_PAGES` pages are kept, so a list of a
million fiches costs a few thousand rows of memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.core.clock import utcnow
from app.core.dates import format_date, format_datetime, local
from app.core.enums import FicheKind, LifecycleState, SyncState, label_of
from app.workers.db_thread import DbFailure, DbThread, Ticket

PAGE_SIZE = 200
MAX_IN_FLIGHT = 2
MAX_WANTED = 6
MAX_CACHED_PAGES = 50
PLACEHOLDER = "…"
SOON_DAYS = 7

_ModelIndex = QModelIndex | QPersistentModelIndex
_COLUMNS = 8
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class FicheRowLike(Protocol):
    uuid: str
    kind: FicheKind
    state: LifecycleState
    display_name: str
    birth_date: date | None
    unit: str
    created_at: datetime
    deadline: datetime
    sync_state: SyncState


class FicheSource(Protocol):
    """What the model needs from the repository (``app.services.fiches.FicheService``)."""

    def count(self, query: Any) -> int: ...

    def list_rows(self, query: Any, offset: int, limit: int) -> Sequence[FicheRowLike]: ...


def enum_label(member: StrEnum) -> str:
    """The label of an enumeration member, translated and capitalised for a table cell."""
    text = QCoreApplication.translate("core", label_of(member))
    return text[:1].upper() + text[1:]


class FicheListModel(QAbstractTableModel):
    """Read-only paged list of fiches (newest first).

    Signals:
        count_changed(int): number of fiches matching the current query.
        loading_changed(bool): true while a new query is being counted.
        failed(str): a French message when a database job failed.
    """

    count_changed = Signal(int)
    loading_changed = Signal(bool)
    failed = Signal(str)

    COL_KIND, COL_NAME, COL_BIRTH, COL_UNIT, COL_STATE, COL_CREATED, COL_DEADLINE, COL_SYNC = range(
        8
    )
    UuidRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        db_thread: DbThread,
        source_factory: Callable[[Any], FicheSource],
        query: Any,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self._source_factory = source_factory
        self._query = query
        self._headers = self._make_headers()
        self._bold = QFont()
        self._bold.setBold(True)
        self._generation = 0
        self._count = 0
        self._loaded = False
        self._pages: OrderedDict[int, Sequence[FicheRowLike]] = OrderedDict()
        self._failed_pages: set[int] = set()
        # row -> (the row object, its 8 cell texts): formatted once per fetched row,
        # dropped with its page (a new query, a page fetched again or let go)
        self._texts: dict[int, tuple[FicheRowLike, list[str]]] = {}
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._in_flight: dict[int, Ticket] = {}
        self._dropped = False
        self._refresh_ticket: Ticket | None = None
        self._count_ticket: Ticket | None = None
        self._stale_reloads_left = 1
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    def _make_headers(self) -> list[str]:
        return [
            self.tr("Type"),
            self.tr("Nom"),
            self.tr("Date de naissance"),
            self.tr("Unité"),
            self.tr("État"),
            self.tr("Créée le"),
            self.tr("Suppression prévue le"),
            self.tr("Synchronisation"),
        ]

    # -- queries -------------------------------------------------------------
    def query(self) -> Any:
        return self._query

    def set_query(self, query: Any) -> None:
        self._query = query
        self.refresh()

    def is_loaded(self) -> bool:
        """True once the current query's count and first page have arrived."""
        return self._loaded and self._refresh_ticket is None and self._count_ticket is None

    def refresh(self) -> None:
        """Count the current query again and reload from its first page."""
        self._stale_reloads_left = 1
        self._reload()

    def _reload(self) -> None:
        """Show the first page as soon as it is read, then count in a second job.

        Counting every match of a search scans far more rows than one page
        does, so the list fills first and grows to its full length after.
        """
        self._generation += 1
        generation = self._generation
        self._cancel_all()
        query = self._query
        factory = self._source_factory

        def job(db: Any) -> Sequence[FicheRowLike]:
            return factory(db).list_rows(query, 0, PAGE_SIZE)

        ticket = self._db_thread.submit(job).tie_to(self)
        ticket.finished.connect(lambda rows: self._on_first_page(generation, rows))
        ticket.failed.connect(lambda failure: self._on_refresh_failed(generation, failure))
        was_loading = self._refresh_ticket is not None or self._count_ticket is not None
        self._refresh_ticket = ticket
        if not was_loading:
            self.loading_changed.emit(True)

    def _cancel_all(self) -> None:
        for pending in (self._refresh_ticket, self._count_ticket):
            if pending is not None:
                pending.cancel()
        self._count_ticket = None
        for ticket in self._in_flight.values():
            ticket.cancel()
        self._in_flight.clear()
        self._wanted.clear()
        self._dropped = False

    def _on_first_page(self, generation: int, first: Sequence[FicheRowLike]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count = len(first)
        self._pages.clear()
        self._texts.clear()
        self._failed_pages.clear()
        if first:
            self._pages[0] = first
        self._loaded = True
        self.endResetModel()
        self._refresh_ticket = None
        if len(first) < PAGE_SIZE:
            self._counted(len(first))  # a short first page is the whole result
            return
        query = self._query
        factory = self._source_factory

        def job(db: Any) -> int:
            return int(factory(db).count(query))

        ticket = self._db_thread.submit(job).tie_to(self)
        ticket.finished.connect(lambda total: self._on_counted(generation, total))
        ticket.failed.connect(lambda failure: self._on_refresh_failed(generation, failure))
        self._count_ticket = ticket

    def _on_counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._count_ticket = None
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            # Fiches were deleted between the page and the count (a purge).
            self.beginResetModel()
            self._count = total
            self._pages.clear()
            self._texts.clear()
            self.endResetModel()
        self._counted(total)
        self._pump()

    def _counted(self, total: int) -> None:
        self.loading_changed.emit(False)
        self.count_changed.emit(total)

    def _on_refresh_failed(self, generation: int, failure: DbFailure) -> None:
        if generation != self._generation:
            return
        self._refresh_ticket = None
        self._count_ticket = None
        self.loading_changed.emit(False)
        self.failed.emit(failure.message)

    # -- paging ----------------------------------------------------------------
    def _want(self, page: int) -> None:
        if page in self._in_flight or page in self._failed_pages:
            return
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
            self._dropped = True
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def _pump(self) -> None:
        if self._refresh_ticket is not None:
            return  # a new first page is coming: the wanted pages belong to the old query
        while len(self._in_flight) < MAX_IN_FLIGHT and self._wanted:
            page, _ = self._wanted.popitem(last=True)  # the most recently shown first
            if page in self._pages:
                continue
            self._fetch(page)
        if self._dropped and not self._in_flight and not self._wanted and self._count:
            # Pages were dropped while scrolling fast: let the view ask again
            # for what is visible now.
            self._dropped = False
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self._headers) - 1)
            )

    def _fetch(self, page: int) -> None:
        generation = self._generation
        query = self._query
        factory = self._source_factory
        offset = page * PAGE_SIZE

        def job(db: Any) -> Sequence[FicheRowLike]:
            return factory(db).list_rows(query, offset, PAGE_SIZE)

        ticket = self._db_thread.submit(job).tie_to(self)
        ticket.finished.connect(lambda rows: self._on_page(generation, page, rows))
        ticket.failed.connect(lambda failure: self._on_page_failed(generation, page, failure))
        self._in_flight[page] = ticket

    def _on_page(self, generation: int, page: int, rows: Sequence[FicheRowLike]) -> None:
        if generation != self._generation:
            return
        self._in_flight.pop(page, None)
        self._drop_texts(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._drop_texts(self._pages.popitem(last=False)[0])
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._headers) - 1))
        if len(rows) < last - first + 1:
            self._page_was_short()
        self._pump()

    def _on_page_failed(self, generation: int, page: int, failure: DbFailure) -> None:
        if generation != self._generation:
            return
        self._in_flight.pop(page, None)
        self._failed_pages.add(page)  # not asked again until the next refresh
        self.failed.emit(failure.message)
        self._pump()

    def _page_was_short(self) -> None:
        """Fiches were deleted since the count (a purge): count again, once."""
        if self._stale_reloads_left > 0:
            self._stale_reloads_left -= 1
            QTimer.singleShot(0, self, self._reload)

    # -- Qt model interface ----------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def row_at(self, row: int) -> FicheRowLike | None:
        """The loaded row, or None if its page is not in memory."""
        if not 0 <= row < self._count:
            return None
        rows = self._pages.get(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called from C++ for every visible cell and every role on each paint (about
        # 1,600 calls for a screen of rows): the roles this model never answers return
        # first, and a shown row's texts are kept (``_texts``, dropped with its page),
        # so that most calls are two dictionary lookups.
        if role not in _ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        cached = self._texts.get(row)
        if cached is None:
            if not 0 <= row < self._count:
                return None
            page = row // PAGE_SIZE
            rows = self._pages.get(page)
            if rows is None:
                if role == _DISPLAY:
                    if page in self._failed_pages:
                        return ""
                    self._want(page)
                    return PLACEHOLDER
                return None
            offset = row % PAGE_SIZE
            if offset >= len(rows):
                return "" if role == _DISPLAY else None
            fiche = rows[offset]
            cached = self._texts[row] = (fiche, [self._display(fiche, c) for c in range(_COLUMNS)])
        fiche, texts = cached
        column = index.column()
        if role == _DISPLAY:
            if column == 0:  # once per row and paint: its page is in use
                self._pages.move_to_end(row // PAGE_SIZE)
            return texts[column] if 0 <= column < _COLUMNS else None
        if role == self.UuidRole:
            return fiche.uuid
        if role == _FONT and column == self.COL_KIND:
            return self._bold if fiche.kind is FicheKind.PATIENT_ZERO else None
        if role == _FOREGROUND and column == self.COL_DEADLINE:
            soon = local(fiche.deadline) <= utcnow() + timedelta(days=SOON_DAYS)
            return _SOON_COLOUR if soon else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DEADLINE:
            return self.tr("Suppression automatique prévue le {date}").format(
                date=format_datetime(fiche.deadline)
            )
        return None

    def _drop_texts(self, page: int) -> None:
        """Forget the texts of *page*'s rows (the page was replaced or let go)."""
        for row in range(page * PAGE_SIZE, (page + 1) * PAGE_SIZE):
            self._texts.pop(row, None)

    def _display(self, fiche: FicheRowLike, column: int) -> str:
        if column == self.COL_KIND:
            return enum_label(fiche.kind)
        if column == self.COL_NAME:
            return fiche.display_name
        if column == self.COL_BIRTH:
            return format_date(fiche.birth_date)
        if column == self.COL_UNIT:
            return fiche.unit
        if column == self.COL_STATE:
            return enum_label(fiche.state)
        if column == self.COL_CREATED:
            return format_datetime(fiche.created_at)
        if column == self.COL_DEADLINE:
            return format_date(fiche.deadline)
        return enum_label(fiche.sync_state)


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SOON_COLOUR = QColor(0xA4, 0x00, 0x00)


# The roles FicheListModel.data answers (as ints: C++ passes ints).
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        FicheListModel.UuidRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
