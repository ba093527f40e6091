"""Editable lists of a fiche: places stayed (j), structures (k), gatherings (l).

Each list is a :class:`ListEditor` binding (path ``lieux_sejour``,
``structures``, ``rassemblements``) holding one row per item; a row has its own
bindings at paths relative to the item, so validation issues such as
``structures[1].nom`` land beside the right field of the right row. Choices
come from ``app.core.enums`` (the decree's wording, E-k and E-l), places from
the INSEE codes there and the country names of the French locale (Babel).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from babel import Locale
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import identifiers as ids
from app.core.enums import (
    COLLECTIVITES,
    DEPARTEMENTS,
    FicheKind,
    GatheringPurpose,
    HousingSubtype,
    PlaceKind,
    StructureType,
    gathering_purposes,
)
from app.core.models import Gathering, PlaceStayed, StructureVisit
from app.core.record_paths import covers, get_path, set_path
from app.core.validation import Issue
from app.ui.forms.fields import (
    Binding,
    DateBinding,
    EnumComboBinding,
    LinesBinding,
    TextBinding,
    path_label,
    plain_tooltip,
    translate,
)

#: Territory codes of Babel that are not countries, and French territories (j lists them apart).
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK", "FR", "FX"}
    | {"GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"}
)
_INDEX = re.compile(r"^(\w+)\[(\d+)\]\.?(.*)$")


@lru_cache(maxsize=4)
def countries(language: str = "fr") -> tuple[tuple[str, str], ...]:
    """(ISO code, name) of every country, in the given language, sorted by name."""
    territories = Locale.parse(language).territories
    found = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return tuple(sorted(found, key=lambda item: Locale.parse(language).territories[item[0]]))


def _long_combo(combo: QComboBox, chars: int = 28) -> None:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    if not combo.isEditable():  # an enumeration's label, never user text
        combo.currentIndexChanged.connect(
            lambda _i: combo.setToolTip(plain_tooltip(combo.currentText()))
        )


class PlacePickerBinding(Binding):
    """A département / collectivité by INSEE code, or a country by name (letter j)."""

    def __init__(self, label: str, kind: EnumComboBinding, parent: QObject | None) -> None:
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _long_combo(self.combo, 26)
        super().__init__("code", label, self.combo, parent)
        self.extra_paths = ("nom",)
        self._kind = kind
        self._filled_for: PlaceKind | None = None
        kind.changed.connect(self._kind_changed)
        self.combo.editTextChanged.connect(lambda _t: self.changed.emit())
        self._fill(PlaceKind.DEPARTEMENT)

    def _current_kind(self) -> PlaceKind:
        value, _ = self._kind.value()
        return value if isinstance(value, PlaceKind) else PlaceKind.DEPARTEMENT

    def _kind_changed(self) -> None:
        self._fill(self._current_kind())
        self.combo.setEditText("")

    def _fill(self, kind: PlaceKind) -> None:
        if kind is self._filled_for:
            return
        self._filled_for = kind
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        if kind is PlaceKind.COUNTRY:
            for code, name in countries("fr"):
                self.combo.addItem(name, code)
        else:
            table = DEPARTEMENTS if kind is PlaceKind.DEPARTEMENT else COLLECTIVITES
            for code, name in table.items():
                self.combo.addItem(f"{code} — {name}", code)
        completer = QCompleter(
            [self.combo.itemText(i) for i in range(self.combo.count())], self.combo
        )
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def load(self, record: Any) -> None:
        assert isinstance(record, PlaceStayed)
        self._fill(record.kind)
        if record.kind is PlaceKind.COUNTRY:
            self.combo.setEditText(record.name or record.code)
        else:
            table = DEPARTEMENTS if record.kind is PlaceKind.DEPARTEMENT else COLLECTIVITES
            known = table.get(record.code.strip().upper())
            self.combo.setEditText(f"{record.code} — {known}" if known else record.code)

    def store(self, record: Any) -> list[Issue]:
        assert isinstance(record, PlaceStayed)
        text = self.combo.currentText().strip()
        if record.kind is PlaceKind.COUNTRY:
            record.name = text
            record.code = next(
                (c for c, n in countries("fr") if n.casefold() == text.casefold()), ""
            )
            return []
        code = text.split("—")[0].strip().split(" ")[0].upper() if text else ""
        record.code = code
        table = DEPARTEMENTS if record.kind is PlaceKind.DEPARTEMENT else COLLECTIVITES
        record.name = table.get(code, "")
        return []

    def set_value(self, value: Any) -> None:  # pragma: no cover - load/store are used
        self.combo.setEditText(str(value or ""))

    def value(self) -> tuple[Any, list[Issue]]:  # pragma: no cover - load/store are used
        return self.combo.currentText(), []

    def raw(self) -> Any:
        return self.combo.currentText()

    def set_raw(self, raw: Any) -> None:
        self._fill(self._current_kind())
        self.combo.setEditText(str(raw))


class RowEditor(QFrame):
    """One item of a list: its bindings (relative paths) and a « Retirer » button.

    Signals:
        changed(): a field of the row changed.
        remove_requested(object): the row asks to be removed.
    """

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, factory: Callable[[], Any], title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.factory = factory
        self.item: Any = factory()
        self.bindings: list[Binding] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title, self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.remove = QPushButton(translate("forms", "Retirer"), self)
        self.remove.setObjectName("remove_row")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addLayout(self.grid)

    def place(self, binding: Binding, row: int, column: int, span: int = 1) -> Binding:
        """Put *binding* at (row, column) with its label above it."""
        label = QLabel(binding.label, self)
        label.setBuddy(binding.focus_widget())
        cell = QVBoxLayout()
        cell.setSpacing(1)
        cell.addWidget(label)
        cell.addWidget(binding.container)
        self.grid.addLayout(cell, row, column, 1, span)
        binding.changed.connect(self.changed)
        self.bindings.append(binding)
        return binding

    def load(self, item: Any) -> None:
        self.item = item
        for binding in self.bindings:
            binding.load(item)

    def base(self) -> Any:
        """A copy of the loaded item: what the row does not show (a field written by an
        import or a sync) is saved back unchanged, never dropped."""
        fresh = self.factory()
        return copy.deepcopy(self.item) if type(self.item) is type(fresh) else fresh

    def store(self) -> tuple[Any, list[Issue]]:
        item = self.base()
        issues: list[Issue] = []
        for binding in self.bindings:
            issues.extend(binding.store(item))
        return item, issues

    def raw(self) -> list[Any]:
        return [b.raw() for b in self.bindings]

    def set_raw(self, raw: Sequence[Any]) -> None:
        for binding, value in zip(self.bindings, raw, strict=False):
            binding.set_raw(value)

    def set_editable(self, editable: bool) -> None:
        self.remove.setVisible(editable)
        for binding in self.bindings:
            binding.set_editable(editable)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        for binding in self.bindings:
            binding.show_issues([i for i in issues if binding.covers(i.path)])

    def focus_relative(self, path: str) -> None:
        for binding in self.bindings:
            if binding.covers(path):
                binding.focus()
                return
        if self.bindings:
            self.bindings[0].focus()


class PlaceRow(RowEditor):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(PlaceStayed, translate("forms", "Lieu de séjour"), parent)
        kind = EnumComboBinding("type", translate("forms", "Type de lieu"), PlaceKind, self)
        kind.combo.removeItem(0)  # a place always has a type
        _long_combo(kind.combo, 18)
        self.place(kind, 0, 0)
        self.place(
            PlacePickerBinding(translate("forms", "Département, collectivité ou pays"), kind, self),
            0,
            1,
        )
        self.grid.setColumnStretch(1, 1)

    def store(self) -> tuple[Any, list[Issue]]:
        item = self.base()
        kind, picker = self.bindings
        issues = kind.store(item)
        issues += picker.store(item)
        return item, issues


class StructureRow(RowEditor):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(StructureVisit, translate("forms", "Structure fréquentée"), parent)
        label = path_label
        kind = EnumComboBinding("type", label("structures.type"), StructureType, self)
        _long_combo(kind.combo, 30)
        subtype = EnumComboBinding("sous_type", label("structures.sous_type"), HousingSubtype, self)
        _long_combo(subtype.combo, 26)
        self.place(kind, 0, 0, 2)
        self.place(subtype, 0, 2, 2)
        self.place(TextBinding("nom", label("structures.nom"), self), 1, 0, 2)
        self.place(
            TextBinding(
                "telephone",
                label("structures.telephone"),
                self,
                normalize=ids.parse_phone,
                display=ids.format_phone,
            ),
            1,
            2,
        )
        self.place(
            DateBinding("date_frequentation", label("structures.date_frequentation"), self), 1, 3
        )
        self.place(LinesBinding("adresse.lignes", translate("forms", "Adresse"), self), 2, 0, 2)
        self.place(TextBinding("adresse.code_postal", label("adresse.code_postal"), self), 2, 2)
        self.place(TextBinding("adresse.commune", label("adresse.commune"), self), 2, 3)
        self.place(
            TextBinding(
                "adresse.pays",
                label("adresse.pays"),
                self,
                placeholder=translate("forms", "France si vide"),
            ),
            3,
            0,
            2,
        )
        for column in range(4):
            self.grid.setColumnStretch(column, 1)
        self._kind = kind
        self._subtype = subtype
        kind.changed.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        value, _ = self._kind.value()
        housing = value is StructureType.COLLECTIVE_HOUSING
        self._subtype.combo.setEnabled(housing)
        if not housing:
            self._subtype.combo.setCurrentIndex(0)

    def load(self, item: Any) -> None:
        super().load(item)
        self._kind_changed()


class GatheringRow(RowEditor):
    """A gathering; its purpose from the decree's E-l list for the fiche's kind."""

    def __init__(self, parent: QWidget | None, kind: FicheKind) -> None:
        super().__init__(Gathering, translate("forms", "Rassemblement"), parent)
        label = path_label
        self.place(TextBinding("lieu", label("rassemblements.lieu"), self), 0, 0)
        self.place(DateBinding("date", label("rassemblements.date"), self), 0, 1)
        purpose = EnumComboBinding(
            "objet",
            label("rassemblements.objet"),
            GatheringPurpose,
            self,
            members=gathering_purposes(kind),
        )
        _long_combo(purpose.combo, 24)
        self.place(purpose, 0, 2)
        self.place(TextBinding("precision", label("rassemblements.precision"), self), 0, 3)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(3, 2)


class ListEditor(Binding):
    """A list of items, one :class:`RowEditor` each, with « Ajouter ».

    Issues at ``<path>[i].<field>`` go to row *i*; issues at the list's own
    path show under the list.
    """

    def __init__(
        self,
        path: str,
        label: str,
        row_factory: Callable[[QWidget], RowEditor],
        add_text: str,
        parent: QObject | None,
    ) -> None:
        self.panel = QWidget()
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(translate("forms", "Aucun."), self.panel)
        self.add_button = QPushButton(add_text, self.panel)
        self.add_button.setObjectName(f"{path}:add")
        outer = QVBoxLayout(self.panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty)
        outer.addLayout(self.rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        super().__init__(path, label, self.panel, parent)
        self.widget.setObjectName(path)
        self.add_button.setAccessibleName(add_text)
        self.panel.setFocusProxy(self.add_button)
        self._row_factory = row_factory
        self.rows: list[RowEditor] = []
        self._editable = True
        self.add_button.clicked.connect(self._add_clicked)

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.bindings[0].focus()
        self.changed.emit()

    def add_row(self) -> RowEditor:
        row = self._row_factory(self.panel)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        row.set_editable(self._editable)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self._renumber()
        return row

    def _remove(self, row: RowEditor) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].bindings[0].focus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _renumber(self) -> None:
        self.empty.setVisible(not self.rows)
        for i, row in enumerate(self.rows):
            base = row.title.text().split(" n°")[0]
            row.title.setText(f"{base} n° {i + 1}")
            row.setAccessibleName(row.title.text())

    def clear_rows(self) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        self._renumber()

    # binding interface
    def set_value(self, value: Any) -> None:
        self.clear_rows()
        for item in value or []:
            self.add_row().load(item)

    def load(self, record: Any) -> None:
        self.set_value(get_path(record, self.path))

    def value(self) -> tuple[Any, list[Issue]]:
        items: list[Any] = []
        issues: list[Issue] = []
        for i, row in enumerate(self.rows):
            item, row_issues = row.store()
            items.append(item)
            issues.extend(
                Issue(f"{self.path}[{i}].{x.path}", x.severity, x.template, x.params)
                for x in row_issues
            )
        return items, issues

    def store(self, record: Any) -> list[Issue]:
        items, issues = self.value()
        set_path(record, self.path, items)
        return issues

    def raw(self) -> Any:
        return [row.raw() for row in self.rows]

    def set_raw(self, raw: Any) -> None:
        self.clear_rows()
        for row_raw in raw or []:
            self.add_row().set_raw(row_raw)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_button.setVisible(editable)
        for row in self.rows:
            row.set_editable(editable)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        own: list[Issue] = []
        per_row: dict[int, list[Issue]] = {}
        for issue in issues:
            match = _INDEX.match(issue.path)
            if match and match[1] == self.path and int(match[2]) < len(self.rows):
                relative = Issue(match[3], issue.severity, issue.template, issue.params)
                per_row.setdefault(int(match[2]), []).append(relative)
            else:
                own.append(issue)
        for i, row in enumerate(self.rows):
            row.show_issues(per_row.get(i, []))
        self.message.show_issues(own)

    def focus_path(self, path: str) -> None:
        match = _INDEX.match(path)
        if match and match[1] == self.path and int(match[2]) < len(self.rows):
            self.rows[int(match[2])].focus_relative(match[3])
        else:
            self.add_button.setFocus()

    def covers(self, issue_path: str) -> bool:
        return covers(self.path, issue_path)


def places_editor(label: str, parent: QObject | None) -> ListEditor:
    return ListEditor(
        "lieux_sejour", label, PlaceRow, translate("forms", "Ajouter un lieu de séjour"), parent
    )


def structures_editor(label: str, parent: QObject | None) -> ListEditor:
    return ListEditor(
        "structures", label, StructureRow, translate("forms", "Ajouter une structure"), parent
    )


def gatherings_editor(label: str, parent: QObject | None, kind: FicheKind) -> ListEditor:
    return ListEditor(
        "rassemblements",
        label,
        lambda row_parent: GatheringRow(row_parent, kind),
        translate("forms", "Ajouter un rassemblement"),
        parent,
    )
