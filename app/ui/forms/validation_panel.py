"""What a fiche still lacks: one line per issue, each leading to its field.

Signals:
    activated(str): the path of the issue the user picked (click or Entrée).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.validation import Issue
from app.ui.forms.fields import ERROR_COLOR, WARNING_COLOR, issue_text, translate

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class ValidationPanel(QWidget):
    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validation_panel")
        self.title = QLabel(self)
        self.title.setObjectName("validation_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("validation_list")
        self.list.setWordWrap(True)
        self.list.setAccessibleName(translate("forms", "Éléments à compléter ou à vérifier"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.hide()

    def show_issues(self, title: str, issues: Sequence[Issue]) -> None:
        self.list.clear()
        for issue in issues:
            prefix = "✖ " if issue.is_error else "⚠ "
            item = QListWidgetItem(prefix + issue_text(issue))
            item.setData(PATH_ROLE, issue.path)
            item.setForeground(QBrush(QColor(ERROR_COLOR if issue.is_error else WARNING_COLOR)))
            item.setToolTip(translate("forms", "Entrée ou clic : aller au champ"))
            self.list.addItem(item)
        self.title.setText(title)
        self.setVisible(bool(issues) or bool(title))
        if self.list.count():
            self.list.setCurrentRow(0)

    def paths(self) -> list[str]:
        return [str(self.list.item(i).data(PATH_ROLE)) for i in range(self.list.count())]

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def clear_issues(self) -> None:
        self.list.clear()
        self.title.clear()
        self.hide()

    def _activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(str(item.data(PATH_ROLE)))
