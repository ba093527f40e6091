"""The establishment page of the first-run wizard: name, FINESS, address, contact.

The declared settings printed on the poster and the patients' notice
(``app.core.settings``), shown by the settings registry's editor
(:class:`~app.ui.settings_editor.SettingsEditor`): the same fields, the same
one validator per setting and the same FINESS warning as the settings and
establishment dialogs. Nothing is saved here: the wizard hands the checked
values to the provisioning (one transaction, ``app.services.provisioning``).
The wizard's own rule: the establishment's name is required.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from app.core import settings as S
from app.ui.settings_editor import SettingsEditor

#: The establishment page's settings, in order.
ESTABLISHMENT_KEYS: tuple[str, ...] = (
    S.ESTABLISHMENT_NAME.key,
    S.ESTABLISHMENT_FINESS.key,
    S.ESTABLISHMENT_ADDRESS.key,
    S.ESTABLISHMENT_CONTACT_NAME.key,
    S.ESTABLISHMENT_CONTACT_PHONE.key,
    S.ESTABLISHMENT_CONTACT_EMAIL.key,
)


class EstablishmentPage(QWizardPage):
    """The establishment's declared settings; *demo* tells whether to suggest a name."""

    def __init__(
        self, parent: QWidget | None = None, *, demo: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(parent)
        self._demo = demo
        self.setObjectName("page_establishment")
        self.setTitle(self.tr("Établissement"))
        self.setSubTitle(
            self.tr(
                "Imprimé sur l’affiche et la notice d’information remises aux patients et "
                "résidents. Modifiable ensuite : Fichier › Paramètres."
            )
        )
        self.editor = SettingsEditor(ESTABLISHMENT_KEYS, self)
        self.editor.load({})  # the declared defaults; the wizard saves, never the editor
        #: The field of each setting (the editor's).
        self.editors = self.editor.fields
        #: The warning under a FINESS whose check digit fails (the editor's).
        self.finess_warning = self.editor.warnings[S.ESTABLISHMENT_FINESS.key]
        self._mark_required(S.ESTABLISHMENT_NAME.key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        self._name().textChanged.connect(lambda _t: self.completeChanged.emit())

    def _name(self) -> QLineEdit:
        name = self.editors[S.ESTABLISHMENT_NAME.key]
        assert isinstance(name, QLineEdit)
        return name

    def _mark_required(self, key: str) -> None:
        """« * » after the label of a field the wizard cannot go on without."""
        field = self.editors[key]
        for label in self.editor.findChildren(QLabel):
            if label.buddy() is field:
                label.setText(label.text().removesuffix("\u00a0:") + " *\u00a0:")
                # short: on one line (the editor sized its wrapping for the old text)
                label.setWordWrap(False)
                label.setMinimumWidth(0)
                return

    def initializePage(self) -> None:
        name = self._name()
        if self._demo() and not name.text():
            name.setText(self.tr("EHPAD de démonstration"))
        name.setFocus()

    def isComplete(self) -> bool:
        return bool(self._name().text().strip())

    def values(self) -> dict[str, Any] | None:
        """The values checked by their settings, normalised; None when one is refused
        (its French message shows under its field, the text stays as typed)."""
        return self.editor.validate()

    def validatePage(self) -> bool:
        if self.values() is not None:
            return True
        for key in ESTABLISHMENT_KEYS:  # the first refused field, to correct it
            if not self.editor.messages[key].isHidden():
                self.editors[key].setFocus()
                break
        return False
