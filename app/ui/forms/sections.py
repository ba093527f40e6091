"""The body of a fiche form: titled sections of fields in a scrolling page.

:class:`Section` lays its fields out label / field; :class:`FicheBody` holds
the sections, keeps Tab in page order (top to bottom, rows of lists
included), scrolls a focused field into view and gives a read-only fiche's
fields one look.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.forms.fields import Binding, CheckBinding, EnumComboBinding, LinesBinding, TextBinding

LABEL_WIDTH = 230
FIELD_MAX_WIDTH = 720
#: A read-only fiche's fields: one look for every kind of field (grey, text kept legible).
READONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] '
    "{ background-color: #eceff3; color: #1e1e1e; border: 1px solid #c9ced6; }"
    "QComboBox:disabled, QCheckBox:disabled, QRadioButton:disabled "
    "{ color: #1e1e1e; }"
    "QComboBox:disabled { background-color: #eceff3; border: 1px solid #c9ced6; }"
)


class Section(QGroupBox):
    """A titled group of fields laid out label / field, wrapping long rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def add(self, binding: Binding, *, with_label: bool = True) -> Binding:
        if isinstance(binding, TextBinding | EnumComboBinding | LinesBinding):
            binding.container.setMaximumWidth(FIELD_MAX_WIDTH)
        if with_label and not isinstance(binding, CheckBinding):
            # a question keeps its « ? » alone; any other label ends with « : »
            text = (
                binding.label if binding.label.rstrip().endswith("?") else binding.label + "\u00a0:"
            )
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(binding.focus_widget())
            if label.fontMetrics().horizontalAdvance(label.text()) > LABEL_WIDTH:
                # a long label (a question) goes on its own line above the field
                label.setWordWrap(True)
                self.form.addRow(label)
                self.form.addRow(binding.container)
            else:
                label.setMinimumWidth(LABEL_WIDTH)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.form.addRow(label, binding.container)
        else:
            self.form.addRow(binding.container)
        return binding

    def add_widget(self, widget: QWidget) -> None:
        """A row of its own (a reminder, a list, a badge)."""
        self.form.addRow(widget)


class FicheBody(QScrollArea):
    """The scrolling page of a form's sections (``content`` holds them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = QWidget()
        self.content.setObjectName("form_content")
        self.content_layout = QVBoxLayout(self.content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.content)
        self._readonly_look: bool | None = None

    def add_section(self, title: str) -> Section:
        section = Section(title, self.content)
        section.setObjectName("section")
        self.content_layout.addWidget(section)
        return section

    def finish(self) -> None:
        """Every section added: the page keeps them at the top."""
        self.content_layout.addStretch(1)

    def set_readonly_look(self, readonly: bool) -> None:
        """Give the fields the read-only look (set after the fields' own state: the
        style's selectors are evaluated when it is set)."""
        if self._readonly_look is not readonly:
            self._readonly_look = readonly
            self.content.setStyleSheet(READONLY_STYLE if readonly else "")

    def fix_tab_order(self) -> None:
        """Tab follows the page from top to bottom, rows of lists included."""
        chain = [w for w in layout_order(self.content) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def scroll_to_focus(self) -> None:
        """Scroll the focused field into view (if it is on this page)."""
        widget = QApplication.focusWidget()
        if widget is not None and self.content.isAncestorOf(widget):
            self.ensureWidgetVisible(widget, 40, 80)


def layout_order(widget: QWidget) -> list[QWidget]:
    """Widgets inside *widget* in the order of its layouts (top to bottom, left to right)."""
    out: list[QWidget] = []
    layout = widget.layout()
    if layout is None:
        return out

    def walk(lay: Any) -> None:
        for i in range(lay.count()):
            item = lay.itemAt(i)
            child = item.widget()
            if child is not None:
                if (
                    child.isHidden()
                    and not child.isWindow()
                    and child.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
                ):
                    continue
                if child.layout() is not None:
                    if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                        out.append(child)
                    walk(child.layout())
                else:
                    out.append(child)
                continue
            sub = item.layout()
            if sub is not None:
                walk(sub)

    walk(layout)
    return out
