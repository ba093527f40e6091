"""Form fields bound to a record path, with their inline French messages.

A :class:`Binding` owns one input widget (or a small group of them) and the
message label under it. It reads its value from a record at a *path* of
French keys (the same paths as ``app.core.validation`` and
``app.core.labels``), writes the typed value back, and keeps whatever was
typed even when it cannot be read (an invalid date stays on screen and is
reported beside the field; it is never cleared). Everything user-typed is
shown as plain text: no widget here interprets HTML.

Reading and writing a path is ``app.core.record_paths`` (no Qt); the titled
groups the bindings are laid out in are ``app.ui.forms.sections``.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import identifiers as ids
from app.core.dates import format_date, parse_date
from app.core.enums import LabelledEnum, label_of
from app.core.labels import field_label
from app.core.models import LegalRepresentative
from app.core.record_paths import covers, get_path, set_path
from app.core.validation import Issue, Severity

ERROR_COLOR = "#a40000"
WARNING_COLOR = "#8a5300"

_PHONE_SPLIT = re.compile(r"[;,]")


# -- text helpers --------------------------------------------------------------------
def tr_core(text: str) -> str:
    """Translate a French string marked with ``QT_TRANSLATE_NOOP("core", …)``."""
    return QCoreApplication.translate("core", text)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; call it as ``translate("forms", "…")`` so that
    ``pyside6-lupdate`` finds the string."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def isolate(text: str) -> str:
    """User text wrapped in Unicode isolates (FSI … PDI): a right-to-left override
    typed in a name cannot reorder the program's own text around it."""
    return "\u2068" + text + "\u2069"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows *text* literally (Qt guesses rich text in tooltips)."""
    return "<span>" + html.escape(text) + "</span>"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def enum_text(member: StrEnum) -> str:
    """The translated label of an enumeration member (not capitalised)."""
    return tr_core(label_of(member))


def path_label(path: str, kind: Any = None) -> str:
    """The translated label of a field path (the last part)."""
    try:
        return tr_core(field_label(path, kind))
    except KeyError:
        return path


def issue_text(issue: Issue) -> str:
    """An issue's message in the current language (its template, then its parameters)."""
    params = {k: (tr_core(v) if isinstance(v, str) else v) for k, v in dict(issue.params).items()}
    try:
        return tr_core(issue.template).format(**params)
    except (KeyError, IndexError, ValueError):
        return issue.message


# -- message label -------------------------------------------------------------------
class MessageLabel(QLabel):
    """The inline message under a field: plain text, red for errors, brown for warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setObjectName("message")
        self.hide()

    def show_issues(self, issues: Sequence[Issue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        errors = any(i.severity is Severity.ERROR for i in issues)
        self.setStyleSheet(f"color: {ERROR_COLOR if errors else WARNING_COLOR};")
        self.setText("\n".join(issue_text(i) for i in issues))
        self.show()


# -- bindings ------------------------------------------------------------------------
class Binding(QObject):
    """One field of a form bound to a record path.

    Signals:
        changed(): the user changed the value.
    """

    changed = Signal()

    def __init__(self, path: str, label: str, widget: QWidget, parent: QObject | None) -> None:
        super().__init__(parent)
        self.path = path
        self.label = label
        self.widget = widget
        self.message = MessageLabel()
        self.container = QWidget()
        # The container takes the whole field column, so that its message wraps at
        # the width the form layout reckons with (else a two-line message squeezes
        # the row); a field that does not grow keeps its own width, on the left.
        self.container.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        policy = widget.sizePolicy().horizontalPolicy()
        inner = widget.layout()
        grows = bool(policy.value & QSizePolicy.PolicyFlag.ExpandFlag.value) or (
            inner is not None and bool(inner.expandingDirections() & Qt.Orientation.Horizontal)
        )
        layout.addWidget(widget, 0, Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        widget.setObjectName(path)
        widget.setAccessibleName(label)
        self.extra_paths: tuple[str, ...] = ()

    # value <-> widget
    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> tuple[Any, list[Issue]]:
        """The typed value and the issues of reading it (an unreadable date…)."""
        raise NotImplementedError

    def raw(self) -> Any:
        """What is on screen, exactly (for drafts)."""
        raise NotImplementedError

    def set_raw(self, raw: Any) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        self.widget.setEnabled(editable)

    # record <-> binding
    def load(self, record: Any) -> None:
        self.set_value(get_path(record, self.path))

    def store(self, record: Any) -> list[Issue]:
        value, issues = self.value()
        set_path(record, self.path, value)
        return issues

    def covers(self, issue_path: str) -> bool:
        return covers(self.path, issue_path) or any(covers(p, issue_path) for p in self.extra_paths)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.message.show_issues(issues)

    def focus(self) -> None:
        self.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widget(self) -> QWidget:
        return self.widget

    def focus_path(self, path: str) -> None:
        """Give the focus to the part of this field that *path* names."""
        self.focus()


class TextBinding(Binding):
    """A single-line text. *normalize* turns a valid entry into its stored form
    (it may raise ``ValueError``: the text is then stored as typed and the
    record's own checks report it); *display* formats a stored value."""

    def __init__(
        self,
        path: str,
        label: str,
        parent: QObject | None,
        *,
        normalize: Callable[[str], str] | None = None,
        display: Callable[[str], str] | None = None,
        placeholder: str = "",
    ) -> None:
        self.edit = QLineEdit()
        super().__init__(path, label, self.edit, parent)
        self._normalize = normalize
        self._display = display
        if placeholder:
            self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(lambda _t: self.changed.emit())

    def set_value(self, value: Any) -> None:
        text = str(value or "")
        if text and self._display is not None:
            text = self._display(text)
        self.edit.setText(text)
        self.edit.setCursorPosition(0)

    def value(self) -> tuple[Any, list[Issue]]:
        text = self.edit.text().strip()
        if text and self._normalize is not None:
            with contextlib.suppress(ValueError):
                text = self._normalize(text)
        return text, []

    def raw(self) -> Any:
        return self.edit.text()

    def set_raw(self, raw: Any) -> None:
        self.edit.setText(str(raw))

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)


class DateBinding(TextBinding):
    """A date typed as jj/mm/aaaa; unreadable text stays and is reported beside the field."""

    def __init__(self, path: str, label: str, parent: QObject | None) -> None:
        super().__init__(path, label, parent, placeholder=translate("forms", "jj/mm/aaaa"))
        metrics = self.edit.fontMetrics()
        self.edit.setMaximumWidth(metrics.horizontalAdvance("00/00/00000") + 24)

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_date(value))

    def value(self) -> tuple[Any, list[Issue]]:
        text = self.edit.text()
        try:
            return parse_date(text), []
        except ValueError:
            issue = Issue(
                self.path,
                Severity.ERROR,
                translate("forms", "{field} : date non reconnue « {text} » (jj/mm/aaaa)."),
                {"field": self.label, "text": text.strip()},
            )
            return None, [issue]


class PhonesBinding(TextBinding):
    """Several phone numbers in one field, separated by « ; » (stored in E.164)."""

    def __init__(self, path: str, label: str, parent: QObject | None) -> None:
        super().__init__(
            path, label, parent, placeholder=translate("forms", "06 12 34 56 78 ; +44 …")
        )

    def set_value(self, value: Any) -> None:
        self.edit.setText(" ; ".join(ids.format_phone(p) for p in (value or [])))

    def value(self) -> tuple[Any, list[Issue]]:
        phones: list[str] = []
        for part in _PHONE_SPLIT.split(self.edit.text()):
            part = part.strip()
            if not part:
                continue
            try:
                phones.append(ids.parse_phone(part))
            except ValueError:
                phones.append(part)  # kept as typed; the record's checks report it
        return phones, []


class LinesBinding(Binding):
    """Several lines of text (address lines)."""

    def __init__(self, path: str, label: str, parent: QObject | None) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 2 + 14)
        super().__init__(path, label, self.edit, parent)
        self.edit.textChanged.connect(self._maybe_changed)
        self._loading = False

    def _maybe_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def set_value(self, value: Any) -> None:
        self._loading = True
        self.edit.setPlainText("\n".join(value or []))
        self._loading = False

    def value(self) -> tuple[Any, list[Issue]]:
        lines = [line.strip() for line in self.edit.toPlainText().splitlines()]
        return [line for line in lines if line], []

    def raw(self) -> Any:
        return self.edit.toPlainText()

    def set_raw(self, raw: Any) -> None:
        self._loading = True
        self.edit.setPlainText(str(raw))
        self._loading = False

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)


class EnumComboBinding(Binding):
    """One member of an enumeration, or nothing (« — »)."""

    def __init__(
        self,
        path: str,
        label: str,
        enum: type[LabelledEnum],
        parent: QObject | None,
        members: Sequence[LabelledEnum] | None = None,
    ) -> None:
        self.combo = QComboBox()
        super().__init__(path, label, self.combo, parent)
        self.enum = enum
        self.combo.addItem("—", None)
        for member in enum if members is None else members:
            self.combo.addItem(capitalised(enum_text(member)), member.value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(lambda _i: self.changed.emit())

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value.value if value is not None else None)
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> tuple[Any, list[Issue]]:
        data = self.combo.currentData()
        return (self.enum(data) if data else None), []

    def raw(self) -> Any:
        return self.combo.currentData()

    def set_raw(self, raw: Any) -> None:
        index = self.combo.findData(raw)
        self.combo.setCurrentIndex(max(index, 0))


class ChoiceButtons(QWidget):
    """Exclusive radio buttons with *no* default choice (nothing checked until chosen).

    Signals:
        chosen(): the user picked an answer.
    """

    chosen = Signal()

    def __init__(self, items: Sequence[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[Any, QRadioButton] = {}
        for value, text in items:
            button = QRadioButton(text, self)
            button.setObjectName(f"choice_{value}")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        first = next(iter(self.buttons.values()))
        self.setFocusProxy(first)
        self.group.buttonToggled.connect(self._toggled)
        self._loading = False

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked and not self._loading:
            self.chosen.emit()

    def value(self) -> Any:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_value(self, value: Any) -> None:
        self._loading = True
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value and value is not None)
        self.group.setExclusive(True)
        self._loading = False

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for button in self.buttons.values():
            button.setAccessibleDescription(name)


class ChoiceBinding(Binding):
    """An explicit choice among an enumeration's members, or yes/no (``bool | None``)."""

    def __init__(
        self,
        path: str,
        label: str,
        parent: QObject | None,
        *,
        enum: type[LabelledEnum] | None = None,
    ) -> None:
        self.enum = enum
        if enum is not None:
            items: list[tuple[Any, str]] = [(m.value, capitalised(enum_text(m))) for m in enum]
        else:
            items = [("oui", translate("forms", "Oui")), ("non", translate("forms", "Non"))]
        self.choices = ChoiceButtons(items)
        super().__init__(path, label, self.choices, parent)
        self.choices.chosen.connect(self.changed)

    def set_value(self, value: Any) -> None:
        if self.enum is None:
            self.choices.set_value(None if value is None else ("oui" if value else "non"))
        else:
            self.choices.set_value(value.value if value is not None else None)

    def value(self) -> tuple[Any, list[Issue]]:
        raw = self.choices.value()
        if raw is None:
            return None, []
        if self.enum is None:
            return raw == "oui", []
        return self.enum(raw), []

    def raw(self) -> Any:
        return self.choices.value()

    def set_raw(self, raw: Any) -> None:
        self.choices.set_value(raw)

    def focus(self) -> None:
        checked = self.choices.group.checkedButton()
        target = checked or next(iter(self.choices.buttons.values()))
        target.setFocus(Qt.FocusReason.OtherFocusReason)


class CheckBinding(Binding):
    """A yes/no tick box (``bool``)."""

    def __init__(self, path: str, label: str, parent: QObject | None) -> None:
        self.box = QCheckBox(label)
        super().__init__(path, label, self.box, parent)
        self.box.toggled.connect(lambda _c: self.changed.emit())

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)

    def value(self) -> tuple[Any, list[Issue]]:
        return self.box.isChecked(), []

    def raw(self) -> Any:
        return self.box.isChecked()

    def set_raw(self, raw: Any) -> None:
        self.set_value(bool(raw))


class MultiChoiceBinding(Binding):
    """Several members of an enumeration (tick boxes), in declaration order."""

    def __init__(
        self,
        path: str,
        label: str,
        enum: type[LabelledEnum],
        parent: QObject | None,
        *,
        columns: int = 1,
    ) -> None:
        self.enum = enum
        self.panel = QWidget()
        grid = QGridLayout(self.panel)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, member in enumerate(enum):
            box = QCheckBox(capitalised(enum_text(member)), self.panel)
            box.setObjectName(f"{path}:{member.value}")
            box.setAccessibleDescription(label)
            self.boxes[member.value] = box
            grid.addWidget(box, i // columns, i % columns)
        super().__init__(path, label, self.panel, parent)
        self.panel.setFocusProxy(next(iter(self.boxes.values())))
        for box in self.boxes.values():
            box.toggled.connect(lambda _c: self.changed.emit())

    def set_value(self, value: Any) -> None:
        chosen = {m.value for m in (value or [])}
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in chosen)
            box.blockSignals(False)

    def value(self) -> tuple[Any, list[Issue]]:
        return [self.enum(k) for k, box in self.boxes.items() if box.isChecked()], []

    def raw(self) -> Any:
        return [k for k, box in self.boxes.items() if box.isChecked()]

    def set_raw(self, raw: Any) -> None:
        self.set_value([self.enum(k) for k in raw or [] if k in self.boxes])


class LegalRepresentativeBinding(Binding):
    """Letter a: the legal representative of a minor or a protected adult (all optional)."""

    def __init__(self, path: str, label: str, parent: QObject | None) -> None:
        self.panel = QWidget()
        row = QHBoxLayout(self.panel)
        row.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self.panel)
        self.relationship = QLineEdit(self.panel)
        self.phone = QLineEdit(self.panel)
        for edit, key, text in (
            (self.name, "nom", translate("forms", "Nom du représentant")),
            (self.relationship, "lien", translate("forms", "Lien (parent, tuteur…)")),
            (self.phone, "telephone", translate("forms", "Téléphone du représentant")),
        ):
            edit.setObjectName(f"{path}.{key}")
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            edit.textEdited.connect(lambda _t: self.changed.emit())
            row.addWidget(edit, 1)
        super().__init__(path, label, self.panel, parent)
        self.panel.setFocusProxy(self.name)

    def set_value(self, value: Any) -> None:
        rep = value if isinstance(value, LegalRepresentative) else LegalRepresentative()
        self.name.setText(rep.name)
        self.relationship.setText(rep.relationship)
        self.phone.setText(ids.format_phone(rep.phone) if rep.phone else "")

    def value(self) -> tuple[Any, list[Issue]]:
        name, rel, phone = (e.text().strip() for e in (self.name, self.relationship, self.phone))
        if not (name or rel or phone):
            return None, []
        with contextlib.suppress(ValueError):
            phone = ids.parse_phone(phone) if phone else ""
        return LegalRepresentative(name=name, relationship=rel, phone=phone), []

    def raw(self) -> Any:
        return [self.name.text(), self.relationship.text(), self.phone.text()]

    def set_raw(self, raw: Any) -> None:
        for edit, text in zip((self.name, self.relationship, self.phone), raw or [], strict=False):
            edit.setText(str(text))

    def set_editable(self, editable: bool) -> None:
        for edit in (self.name, self.relationship, self.phone):
            edit.setReadOnly(not editable)
