"""The question asked before closing a form that holds unsaved typing.

What closing does is decided by :class:`~app.core.edit_session.EditSession`
(no Qt); this module only asks the user and returns the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.edit_session import CloseAnswer
from app.ui.forms.fields import translate


def ask_close(parent: QWidget) -> CloseAnswer:
    """« Enregistrer / Ne pas enregistrer / Annuler » (a modal question box)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("forms", "Modifications non enregistrées"),
        translate("forms", "Enregistrer les modifications de cette fiche avant de la fermer ?"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    discard_text = translate("forms", "Ne pas enregistrer")
    box.button(QMessageBox.StandardButton.Discard).setText(discard_text)
    box.setInformativeText(
        translate("forms", "« {button} » abandonne la saisie (le brouillon est supprimé).").format(
            button=discard_text
        )
    )
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return CloseAnswer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return CloseAnswer.DISCARD
    return CloseAnswer.CANCEL
