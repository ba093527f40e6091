"""Consent and anonymity: the badge, the index as a contact sees it, the rights reminder.

MARS n°2020_109: the patient zéro chooses whether their contacts may learn
their identity. Only an explicit *oui* lets it through; *non* and *non
recueilli* (or no answer yet) both withhold it, and every view meant for a
contact then shows « identité non communicable ».
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.core.enums import Consent
from app.ui.forms.fields import translate

_BADGE_STYLES = {
    Consent.YES: ("#e6f4ea", "#1e5b2e"),
    Consent.NO: ("#fde7e7", "#8b0000"),
    None: ("#fff4d6", "#6b4a00"),
}


def identity_hidden_text() -> str:
    """How a patient zéro appears to a contact without an explicit *oui*."""
    return translate("forms", "identité non communicable")


def badge_text(choice: Consent | None) -> str:
    if choice is Consent.YES:
        return translate("forms", "Identité communicable aux contacts : oui")
    if choice is Consent.NO:
        return translate("forms", "Identité non communicable aux contacts")
    if choice is Consent.NOT_COLLECTED:
        return translate("forms", "Choix non recueilli : identité non communicable")
    return translate("forms", "Choix à recueillir : identité non communicable")


class AnonymityBadge(QLabel):
    """The patient zéro's choice, shown wherever they appear beside contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anonymity_badge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.choice: Consent | None = None
        self.set_choice(None)

    def set_choice(self, choice: Consent | None) -> None:
        self.choice = choice
        key = choice if choice in (Consent.YES, Consent.NO) else None
        background, foreground = _BADGE_STYLES[key]
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground};"
            " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"
        )
        self.setText(badge_text(choice))
        self.setAccessibleName(self.text())


def rights_reminder() -> str:
    """The person's rights, in one line (MARS 109, décret art. 3 and 7)."""
    return translate(
        "forms",
        "Droits : une personne infectée ne peut pas s’opposer au traitement (elle reste libre "
        "de nommer ou non ses contacts) ; toute personne peut s’opposer à la réutilisation de "
        "ses données pour la recherche auprès de sa caisse d’assurance maladie.",
    )
