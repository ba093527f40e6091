"""The top of a fiche form: its title, kind and state, and the lifecycle buttons.

The header shows what it is told (:meth:`FicheHeader.show_state`); it decides
nothing. The buttons' slots belong to the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.core.enums import FicheKind, LifecycleState, label_of
from app.core.models import AnyFiche
from app.core.text import NO_NAME, display_name
from app.ui.forms.fields import capitalised, tr_core, translate

TITLE_CHARS = 40


def full_title(fiche: AnyFiche) -> str:
    name = display_name(fiche)
    return tr_core(name) if name == NO_NAME else name


def short_title(fiche: AnyFiche) -> str:
    name = full_title(fiche)
    return name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "…"


class ElidedLabel(QLabel):
    """A plain-text label that elides instead of growing (a 10,000-character name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text[:200])
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self.full_text[:2000], Qt.TextElideMode.ElideRight, max(self.width(), 80)
        )
        super().setText(shown)


class FicheHeader(QWidget):
    """Title, kind, state, badges, the form's extra buttons and the lifecycle buttons."""

    def __init__(
        self,
        parent: QWidget,
        *,
        save: Callable[[], Any],
        validate: Callable[[], Any],
        reopen: Callable[[], Any],
        close_fiche: Callable[[], Any],
    ) -> None:
        super().__init__(parent)
        self.title = ElidedLabel(self)
        self.title.setObjectName("form_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.kind_label = QLabel(self)
        self.kind_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state_label")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = self.button("save", translate("forms", "&Enregistrer"), save)
        self.save_button.setToolTip(translate("forms", "Enregistrer la fiche (Ctrl+S)"))
        self.validate_button = self.button("validate", translate("forms", "&Valider"), validate)
        self.validate_button.setToolTip(
            translate("forms", "Vérifier que la fiche est complète et la valider (Ctrl+Entrée)")
        )
        self.reopen_button = self.button("reopen", translate("forms", "&Rouvrir"), reopen)
        self.reopen_button.setToolTip(translate("forms", "Rouvrir la fiche pour la corriger"))
        self.close_button = self.button("close_fiche", translate("forms", "Clô&turer"), close_fiche)
        self.close_button.setToolTip(
            translate("forms", "Clôturer la fiche : le traçage est terminé")
        )
        #: The form's own buttons (« Promouvoir en patient zéro »…), before the lifecycle ones.
        self.extra_buttons = QHBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.kind_label)
        top.addWidget(self.state_label)
        second = QHBoxLayout()
        self.badges = QHBoxLayout()
        second.addLayout(self.badges)
        second.addStretch(1)
        second.addLayout(self.extra_buttons)
        for button in (self.save_button, self.validate_button, self.reopen_button):
            second.addWidget(button)
        second.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)

    def button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        """A header button named *name* (its accessible name: *text* without « & »)."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def show_state(
        self, kind: FicheKind, state: LifecycleState, *, new: bool, unsaved: bool, busy: bool
    ) -> None:
        """The kind, the state (with unsaved changes) and the buttons this state allows."""
        self.kind_label.setText(capitalised(tr_core(label_of(kind))))
        text = capitalised(tr_core(label_of(state)))
        if new:
            text = translate("forms", "Nouvelle fiche (non enregistrée)")
        elif unsaved:
            text += translate("forms", " — modifications non enregistrées")
        self.state_label.setText(text)
        draft = state is LifecycleState.DRAFT
        self.save_button.setVisible(draft)
        self.validate_button.setVisible(draft)
        self.reopen_button.setVisible(not draft)
        self.close_button.setVisible(
            state in (LifecycleState.VALIDATED, LifecycleState.TRANSMITTED)
        )
        for button in (
            self.save_button,
            self.validate_button,
            self.reopen_button,
            self.close_button,
        ):
            button.setEnabled(not busy)
