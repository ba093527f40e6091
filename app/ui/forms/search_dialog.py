"""Find an existing fiche by name, birth date, NIR or phone (to link it).

The search runs on the database thread ~150 ms after the last key (older
results arriving late are dropped: a generation counter). The
dialog returns the chosen fiche's UUID (``chosen_uuid``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.dates import format_date
from app.core.enums import FicheKind
from app.services.fiches import FicheRow
from app.ui.forms import service
from app.ui.forms.fields import capitalised, enum_text
from app.workers.db_thread import DbFailure, DbThread

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150


class SearchDialog(QDialog):
    def __init__(
        self,
        db_thread: DbThread,
        user: str,
        kind: FicheKind | None,
        title: str,
        parent: QWidget | None = None,
        *,
        exclude: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_dialog")
        self.setWindowTitle(title)
        self._db = db_thread
        self._user = user
        self._kind = kind
        self._exclude = exclude
        self._generation = 0
        self.chosen_uuid: str | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("search_text")
        self.edit.setPlaceholderText(
            self.tr("Nom, date de naissance (jj/mm/aaaa), NIR ou téléphone")
        )
        self.edit.setAccessibleName(self.tr("Rechercher"))
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(self.tr("Résultats"))
        self.results.itemActivated.connect(self._pick)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(lambda: self._pick(self.results.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        self.edit.returnPressed.connect(self._enter)
        self.resize(560, 420)

    def _enter(self) -> None:
        if self.timer.isActive():
            self.search()
        elif self.results.count():
            self.results.setFocus()

    def search(self) -> None:
        self.timer.stop()
        text = self.edit.text().strip()
        if len(text) < 2:
            self.results.clear()
            return
        self._generation += 1
        generation = self._generation
        user, kind = self._user, self._kind
        ticket = self._db.submit(lambda db: service.search(db, user, text, kind)).tie_to(self)
        ticket.finished.connect(lambda rows: self._show(generation, rows))
        ticket.failed.connect(self._failed)

    def _show(self, generation: int, rows: list[FicheRow]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for row in rows:
            if row.uuid in self._exclude:
                continue
            parts = [row.display_name, capitalised(enum_text(row.kind))]
            if row.birth_date:
                parts.insert(1, self.tr("né(e) le {date}").format(date=format_date(row.birth_date)))
            parts.append(enum_text(row.state))
            item = QListWidgetItem(" — ".join(parts))
            item.setData(UUID_ROLE, row.uuid)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.info.setText(
                self.tr("%n résultat(s) ; Entrée pour choisir.", "", self.results.count())
            )
        else:
            self.info.setText(self.tr("Aucune fiche ne correspond."))

    def _failed(self, failure: DbFailure) -> None:
        self.info.setText(failure.message)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen_uuid = str(item.data(UUID_ROLE))
        self.accept()
