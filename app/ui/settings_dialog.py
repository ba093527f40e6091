"""The settings dialog: every declared setting (``app.core.settings.REGISTRY``), by section.

Établissement (name, FINESS, address, référent or DPO contact, logo, time
zone), Conservation (a period shorter than the 3-month maximum, deletion after
acknowledged transmission, warning before deletion), Sécurité (auto-lock
delay, journal retention) and Synchronisation (central service). Each field is
built from its declaration (type, label, help), so a setting declared later by
another feature appears here without changing this file.

Values are read and written on the database thread. A refused value gets its
French message beside the field and keeps what was typed; a FINESS whose
check digit fails is only a warning. Only changed values are written (one
transaction, journaled by key; only a référent may change them).

Signals:
    saved(object): the dict of values written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import settings as S
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.identifiers import (
    IdentifierError,
    finess_key_warning,
    format_phone,
    normalize_finess,
)
from app.core.timefmt import ZONES
from app.db.settings_store import SettingsStore
from app.ui.purge_task_box import PurgeTaskBox
from app.ui.tab_style import keep_accents
from app.workers.db_thread import DbFailure, DbThread

#: Bounds of the integer settings (their checks say the same in French).
INT_RANGES: dict[str, tuple[int, int]] = {
    "retention.months": (1, 3),
    "retention.after_transmission_days": (0, 92),
    "purge.warn_days": (1, 60),
    "sync.interval_minutes": (1, 1440),
    "security.autolock_minutes": (1, 60),
    "journal.retention_months": (6, 36),
}
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Établissement"), ("establishment.",)),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Conservation des données"),
        ("retention.", "purge."),
    ),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Sécurité"), ("security.", "journal.")),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Synchronisation"), ("sync.",)),
)
MULTILINE = frozenset({"establishment.address"})


def _section_title(title: str) -> str:
    return QCoreApplication.translate("SettingsDialog", title)


class SettingsDialog(QDialog):
    saved = Signal(object)

    def __init__(self, db_thread: DbThread, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Paramètres"))
        self._db = db_thread
        self._user = user
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.loaded: dict[str, Any] = {}

        self.tabs = QTabWidget(self)
        keep_accents(self.tabs.tabBar())  # « Établissement » keeps its É when inactive
        placed: set[str] = set()
        for title, prefixes in SECTIONS:
            keys = [k for k in S.REGISTRY if k.startswith(prefixes)]
            placed.update(keys)
            self._add_page(_section_title(title), keys)
        placed.update(k for k, setting in S.REGISTRY.items() if setting.internal)
        others = [k for k in S.REGISTRY if k not in placed]
        if others:
            self._add_page(self.tr("Autres"), others)
        # The daily OS purge task: its state, and registering it for this user.
        self.purge_task = PurgeTaskBox(self)
        retention = self.tabs.widget(1)  # « Conservation des données »
        inner = retention.widget() if isinstance(retention, QScrollArea) else None
        form = inner.layout() if inner is not None else None
        if isinstance(form, QFormLayout):
            form.addRow(self.purge_task)

        self.finess_warning = QLabel(self)
        self.finess_warning.setObjectName("finess_warning")
        self.finess_warning.setWordWrap(True)
        self.finess_warning.setStyleSheet("color: #8a5300;")
        self.finess_warning.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)  # until the values are loaded
        finess = self.editors.get(S.ESTABLISHMENT_FINESS.key)
        if isinstance(finess, QLineEdit):
            finess.textChanged.connect(self._check_finess)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.finess_warning)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._load()

    # -- building ----------------------------------------------------------------
    def _add_page(self, title: str, keys: list[str]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # a label beside its field, not halfway down the field's help text
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key in keys:
            setting = S.REGISTRY[key]
            label = QCoreApplication.translate("core", setting.label)
            editor = self._editor(setting)
            editor.setObjectName(key)
            editor.setAccessibleName(label)
            editor.setEnabled(False)
            self.editors[key] = editor
            cell = QWidget(page)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            if setting.help:
                help_label = QLabel(QCoreApplication.translate("core", setting.help), cell)
                help_label.setWordWrap(True)
                help_label.setStyleSheet("color: #555;")
                box.addWidget(help_label)
            message = QLabel(cell)
            message.setTextFormat(Qt.TextFormat.PlainText)
            message.setWordWrap(True)
            message.setStyleSheet("color: #a40000;")
            message.hide()
            box.addWidget(message)
            # never taller than its contents: spare room stays below the last row, not
            # spread inside a help text (which then floats far from its field)
            policy = cell.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
            cell.setSizePolicy(policy)
            self.messages[key] = message
            if isinstance(editor, QCheckBox):
                form.addRow(cell)
            else:
                row_label = QLabel(label + " :", page)
                row_label.setWordWrap(True)
                # a wrapped label is as wide as its text up to ~28 characters (else Qt
                # makes it narrow, three lines high, and cuts the third)
                metrics = row_label.fontMetrics()
                wide = metrics.horizontalAdvance(row_label.text())
                row_label.setMinimumWidth(min(wide, metrics.averageCharWidth() * 28))
                row_label.setBuddy(editor)
                form.addRow(row_label, cell)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)

    def _editor(self, setting: S.Setting[Any]) -> QWidget:
        if setting.type is bool:
            return QCheckBox(QCoreApplication.translate("core", setting.label))
        if setting.type is int:
            spin = QSpinBox()
            low, high = INT_RANGES.get(setting.key, (0, 1_000_000))
            spin.setRange(low, high)
            return spin
        if setting.key == S.ESTABLISHMENT_TIMEZONE.key:
            combo = QComboBox()
            for name, label in ZONES:
                combo.addItem(QCoreApplication.translate("core", label), name)
            return combo
        if setting.key in MULTILINE:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            return edit
        return QLineEdit()

    # -- values ------------------------------------------------------------------
    def _load(self) -> None:
        user = self._user
        ticket = self._db.submit(lambda db: SettingsStore(db, user).all()).tie_to(self)
        ticket.finished.connect(self._loaded)
        ticket.failed.connect(self._failed)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.loaded = dict(values)
        for key, editor in self.editors.items():
            self._set(editor, key, values.get(key, S.REGISTRY[key].default))
            editor.setEnabled(True)
        self.buttons.setEnabled(True)
        first = self.editors.get(S.ESTABLISHMENT_NAME.key)
        if first is not None:
            first.setFocus()

    def _set(self, editor: QWidget, key: str, value: Any) -> None:
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0:  # a zone no longer offered: shown as is until changed
                editor.addItem(str(value), value)
                index = editor.count() - 1
            editor.setCurrentIndex(index)
        elif isinstance(editor, QLineEdit):
            text = str(value)
            if key == S.ESTABLISHMENT_CONTACT_PHONE.key and text:
                text = format_phone(text)
            editor.setText(text)

    def _get(self, editor: QWidget) -> Any:
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def _check_finess(self, text: str) -> None:
        warning = finess_key_warning(text)  # the same core rule as the first-run wizard
        self.finess_warning.setText(QCoreApplication.translate("core", warning))
        self.finess_warning.setVisible(bool(warning))

    def values(self) -> dict[str, Any] | None:
        """The changed values, checked; None (messages shown) if one is refused."""
        changed: dict[str, Any] = {}
        ok = True
        for key, editor in self.editors.items():
            setting = S.REGISTRY[key]
            message = self.messages[key]
            message.hide()
            value = self._get(editor)
            try:
                if key == S.ESTABLISHMENT_FINESS.key and str(value).strip():
                    try:
                        value = normalize_finess(str(value))
                    except IdentifierError as exc:
                        raise S.SettingError(
                            QCoreApplication.translate("core", exc.template).format(**exc.params)
                        ) from None
                value = setting.validate(value)
            except ValueError as exc:  # SettingError is a ValueError
                message.setText(str(exc))
                message.show()
                ok = False
                continue
            if value != self.loaded.get(key, setting.default):
                changed[key] = value
        return changed if ok else None

    def save(self) -> None:
        values = self.values()
        if values is None:
            self.problem.setText(
                self.tr("Corrigez les valeurs signalées ; rien n’a été enregistré.")
            )
            self.problem.show()
            return
        if not values:
            self.accept()
            return
        self.problem.hide()
        self.buttons.setEnabled(False)
        user = self._user
        ticket = self._db.submit(lambda db: SettingsStore(db, user).set_many(values)).tie_to(self)
        ticket.finished.connect(self._saved)
        ticket.failed.connect(self._failed)

    def _saved(self, values: dict[str, Any]) -> None:
        self.buttons.setEnabled(True)
        self.loaded.update(values)
        self.saved.emit(values)
        self.accept()

    def _failed(self, failure: DbFailure) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(failure.message)
        self.problem.show()
