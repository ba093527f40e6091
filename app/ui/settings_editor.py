"""One editor for settings, built from their declarations (``app.core.settings.REGISTRY``).

Every screen that edits settings is this widget with a list of keys: the
settings dialog (every setting, in tabs), the establishment dialog, the sync
settings and the first-run wizard's establishment page. Each field comes from
its setting's declaration:

* ``bool``: a check box; ``int``: a spin box within the setting's bounds;
* ``choices``: a drop-down list of translated labels;
* ``multiline``: a text of several lines; ``file_filter``: a path and « Parcourir… »;
* otherwise a line, with the declared placeholder.

The label and help are translated in the ``core`` context, where the
declarations mark them. Each value is checked by **its setting's one
validator** (:meth:`~app.core.settings.Setting.validate`), plus an optional
extra check given by the screen (the logo must be an image); a refused value
gets its French message under its field and what was typed stays. A
declared ``warning`` (a FINESS whose check digit fails) shows under the field
without refusing.

:meth:`read` and :meth:`save` go through the settings store on the database
thread; a screen without a database yet (the wizard) uses :meth:`load`,
:meth:`values` and :meth:`validate` alone.

Signals:
    loaded(object): the dict of values shown, after :meth:`read`.
    saved(object): the dict of values written (``{}`` when nothing changed).
    failed(str): a French message; the database or the store refused the save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import settings as S
from app.core.errors import UserError
from app.db.settings_store import SettingsStore
from app.ui.tab_style import keep_accents
from app.workers.db_thread import DbFailure, DbThread

ERROR_STYLE = "color: #a40000;"
WARNING_STYLE = "color: #8a5300;"
HELP_STYLE = "color: #555;"

#: An extra check of a screen: the French problem with *value*, ``""`` if none.
ExtraCheck = Callable[[Any], str]


def _core(text: str) -> str:
    return QCoreApplication.translate("core", text) if text else ""


def error_text(exc: BaseException) -> str:
    """A refused value's message in the current language (its template, then its params;
    a setting's label among them translated too)."""
    if not isinstance(exc, UserError):
        return str(exc)
    params = dict(exc.params)
    if isinstance(params.get("label"), str):
        params["label"] = _core(params["label"])
    try:
        text = QCoreApplication.translate(exc.context, exc.template)
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):  # a translation's placeholders are wrong
        return exc.message


class SettingsEditor(QWidget):
    """The fields of *keys*, in order; with *pages*, the same keys in tabs of a title each.

    *checks* adds a screen's own check to a key's (after the setting's validator).
    """

    loaded = Signal(object)
    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        keys: Sequence[str],
        parent: QWidget | None = None,
        *,
        pages: Sequence[tuple[str, Sequence[str]]] = (),
        checks: Mapping[str, ExtraCheck] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_editor")
        self.keys: tuple[str, ...] = tuple(keys)
        unknown = [k for k in self.keys if k not in S.REGISTRY]
        if unknown:
            raise KeyError(f"undeclared settings: {unknown}")
        self._checks: dict[str, ExtraCheck] = dict(checks or {})
        #: The field of each key (a QLineEdit, QPlainTextEdit, QSpinBox, QComboBox or QCheckBox).
        self.fields: dict[str, QWidget] = {}
        #: The French message under each field (hidden unless its value is refused).
        self.messages: dict[str, QLabel] = {}
        #: The warning under a field whose setting declares one.
        self.warnings: dict[str, QLabel] = {}
        #: The values last loaded (what « changed » compares with).
        self.loaded_values: dict[str, Any] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.tabs: QTabWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if pages:
            paged = [k for _title, page_keys in pages for k in page_keys]
            if sorted(paged) != sorted(self.keys):
                raise ValueError("every key in exactly one page")
            self.tabs = QTabWidget(self)
            keep_accents(self.tabs.tabBar())  # « Établissement » keeps its É when inactive
            for title, page_keys in pages:
                page = QWidget()
                form = self._new_form(page)
                for key in page_keys:
                    self._add_row(form, page, key)
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setWidget(page)
                self.tabs.addTab(scroll, title)
            layout.addWidget(self.tabs)
        else:
            form = self._new_form(None)
            for key in self.keys:
                self._add_row(form, self, key)
            layout.addLayout(form)
        self.setEnabled(False)  # until values are loaded

    # -- building ----------------------------------------------------------------
    @staticmethod
    def _new_form(page: QWidget | None) -> QFormLayout:
        form = QFormLayout(page) if page is not None else QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # a label beside its field, not halfway down the field's help text
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return form

    def _add_row(self, form: QFormLayout, owner: QWidget, key: str) -> None:
        setting = S.REGISTRY[key]
        label = _core(setting.label)
        field = self._field(setting)
        field.setObjectName(key)
        field.setAccessibleName(label)
        self.fields[key] = field
        self._forms[key] = form
        cell = QWidget(owner)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if setting.file_filter:
            row = QHBoxLayout()
            row.addWidget(field, 1)
            browse = QPushButton(self.tr("Parcourir…"), cell)
            browse.setObjectName(key + ".browse")
            browse.clicked.connect(lambda _checked=False, k=key: self._browse(k))
            row.addWidget(browse)
            box.addLayout(row)
        else:
            box.addWidget(field)
        if setting.help:
            help_label = QLabel(_core(setting.help), cell)
            help_label.setWordWrap(True)
            help_label.setStyleSheet(HELP_STYLE)
            box.addWidget(help_label)
        if setting.warning is not None:
            warning = self._note(cell, key + ".warning", WARNING_STYLE)
            box.addWidget(warning)
            self.warnings[key] = warning
            if isinstance(field, QLineEdit):
                field.textChanged.connect(lambda _text, k=key: self._warn(k))
        message = self._note(cell, key + ".message", ERROR_STYLE)
        box.addWidget(message)
        self.messages[key] = message
        # never taller than its contents: spare room stays below the last row, not
        # spread inside a help text (which then floats far from its field)
        policy = cell.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
        cell.setSizePolicy(policy)
        if isinstance(field, QCheckBox):
            form.addRow(cell)
            return
        row_label = QLabel(label + "\u00a0:", owner)
        row_label.setWordWrap(True)
        # a wrapped label is as wide as its text up to ~28 characters (else Qt makes it
        # narrow, three lines high, and cuts the third)
        metrics = row_label.fontMetrics()
        wide = metrics.horizontalAdvance(row_label.text())
        row_label.setMinimumWidth(min(wide, metrics.averageCharWidth() * 28))
        row_label.setBuddy(field)
        form.addRow(row_label, cell)

    @staticmethod
    def _note(parent: QWidget, name: str, style: str) -> QLabel:
        note = QLabel(parent)
        note.setObjectName(name)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setStyleSheet(style)
        note.hide()
        return note

    @staticmethod
    def _field(setting: S.Setting[Any]) -> QWidget:
        if setting.type is bool:
            return QCheckBox(_core(setting.label))
        if setting.type is int:
            spin = QSpinBox()
            low, high = setting.bounds or (0, 1_000_000)
            spin.setRange(low, high)
            return spin
        if setting.choices:
            combo = QComboBox()
            for value, label in setting.choices:
                combo.addItem(_core(label), value)
            return combo
        if setting.multiline:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # Tab leaves the field, as everywhere
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            return edit
        line = QLineEdit()
        if setting.placeholder:
            line.setPlaceholderText(setting.placeholder)
        if setting.file_filter:
            line.setClearButtonEnabled(True)
        return line

    def form_for(self, key: str) -> QFormLayout:
        """The form holding *key*'s row (a screen adds its own rows there)."""
        return self._forms[key]

    # -- values ------------------------------------------------------------------
    def load(self, values: Mapping[str, Any]) -> None:
        """Show *values* (a key left out shows its default); they become the reference
        :meth:`changes` compares with. The fields are enabled."""
        for key in self.keys:
            setting = S.REGISTRY[key]
            value = values.get(key, setting.default)
            self.loaded_values[key] = value
            self._show(key, value)
            self.messages[key].hide()
        self.setEnabled(True)

    def _show(self, key: str, value: Any) -> None:
        field = self.fields[key]
        setting = S.REGISTRY[key]
        if isinstance(field, QCheckBox):
            field.setChecked(bool(value))
        elif isinstance(field, QSpinBox):
            field.setValue(int(value))
        elif isinstance(field, QComboBox):
            index = field.findData(value)
            if index < 0:  # a value no longer offered: shown as is until changed
                field.addItem(str(value), value)
                index = field.count() - 1
            field.setCurrentIndex(index)
        elif isinstance(field, QPlainTextEdit):
            field.setPlainText(str(value))
        elif isinstance(field, QLineEdit):
            field.setText(setting.shown(value))
        self._warn(key)

    def value(self, key: str) -> Any:
        """*key*'s value as typed (not checked)."""
        field = self.fields[key]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QSpinBox):
            return field.value()
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        assert isinstance(field, QLineEdit)
        return field.text()

    def values(self) -> dict[str, Any]:
        """Every value as typed, not checked (:meth:`validate` checks them)."""
        return {key: self.value(key) for key in self.keys}

    def validate(self) -> dict[str, Any] | None:
        """Every value checked by its setting (and the screen's extra check), normalised;
        None when one is refused: its French message shows under its field, the text
        stays as typed."""
        checked: dict[str, Any] = {}
        ok = True
        for key in self.keys:
            message = self.messages[key]
            try:
                value = S.REGISTRY[key].validate(self.value(key))
            except S.SettingError as exc:
                problem = error_text(exc)
            else:
                extra = self._checks.get(key)
                problem = extra(value) if extra is not None and value else ""
                checked[key] = value
            message.setText(problem)
            message.setVisible(bool(problem))
            ok = ok and not problem
        return checked if ok else None

    def problems(self) -> list[str]:
        """The messages shown under the fields (after :meth:`validate`), in order."""
        return [self.messages[k].text() for k in self.keys if not self.messages[k].isHidden()]

    def changes(self) -> dict[str, Any] | None:
        """The checked values that differ from those loaded; None when one is refused."""
        checked = self.validate()
        if checked is None:
            return None
        return {
            key: value
            for key, value in checked.items()
            if value != self.loaded_values.get(key, S.REGISTRY[key].default)
        }

    def _warn(self, key: str) -> None:
        label = self.warnings.get(key)
        warn = S.REGISTRY[key].warning
        if label is None or warn is None:
            return
        value = self.value(key)
        text = _core(warn(value)) if isinstance(value, str) else ""
        label.setText(text)
        label.setVisible(bool(text))

    def _browse(self, key: str) -> None:
        setting = S.REGISTRY[key]
        field = self.fields[key]
        assert isinstance(field, QLineEdit)
        path, _filter = QFileDialog.getOpenFileName(
            self, _core(setting.label), field.text(), _core(setting.file_filter)
        )
        if path:
            field.setText(path)

    # -- the database ------------------------------------------------------------
    def read(self, db_thread: DbThread, user: str) -> None:
        """Load the stored values off the UI thread; then :meth:`load` and ``loaded``."""
        keys = self.keys

        def stored(db: Any) -> dict[str, Any]:
            store = SettingsStore(db, user)
            return {key: store.get(S.REGISTRY[key]) for key in keys}

        ticket = db_thread.submit(stored).tie_to(self)
        ticket.finished.connect(self._read)
        ticket.failed.connect(self._failed)

    def _read(self, values: dict[str, Any]) -> None:
        self.load(values)
        self.loaded.emit(values)

    def save(self, db_thread: DbThread, user: str) -> bool:
        """Write the changed values off the UI thread (one transaction, journaled by key);
        ``saved`` follows, or ``failed``. False (nothing written, messages under the
        fields) when a value is refused."""
        values = self.changes()
        if values is None:
            return False
        if not values:
            self.saved.emit({})
            return True
        self.setEnabled(False)
        ticket = db_thread.submit(lambda db: SettingsStore(db, user).set_many(values)).tie_to(self)
        ticket.finished.connect(self._saved)
        ticket.failed.connect(self._failed)
        return True

    def _saved(self, values: dict[str, Any]) -> None:
        self.loaded_values.update(values)
        self.setEnabled(True)
        self.saved.emit(values)

    def _failed(self, failure: DbFailure) -> None:
        self.setEnabled(bool(self.loaded_values))
        self.failed.emit(failure.message)
