"""The strip under a fiche form's header: what the form has to tell.

From top to bottom: the conflict notice (the fiche changed or vanished since
it was opened, with « Recharger la fiche »), the read-only note, a note (a
draft restored, a reload's result), a possible duplicate (with « Ouvrir la
fiche existante ») and the status line (saved, drafted, refused). Every text
is plain text; the banner shows what it is told and decides nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.dates import format_datetime
from app.core.edit_session import Merge, ReloadOutcome
from app.core.enums import LifecycleState, label_of
from app.services.fiches import DuplicateMatch
from app.ui.forms.fields import WARNING_COLOR, tr_core, translate


class FicheBanner(QWidget):
    """The notices of a fiche form (see the module's documentation)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        reload: Callable[[], Any],
        open_duplicate: Callable[[], Any],
    ) -> None:
        super().__init__(parent)
        banner = QVBoxLayout(self)
        banner.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self)
        self.status.setObjectName("form_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: #555;")
        self.note = QLabel(self)
        self.note.setObjectName("form_note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        self.readonly_note = QLabel(self)
        self.readonly_note.setObjectName("readonly_note")
        self.readonly_note.setTextFormat(Qt.TextFormat.PlainText)
        self.readonly_note.setStyleSheet("color: #1f3f7a; font-weight: bold;")
        self.readonly_note.hide()
        self.duplicate_box, self.duplicate_label, self.duplicate_open = self._notice_box(
            "duplicate", "#fff4d6", "#d8b24a", translate("forms", "Ouvrir la fiche existante")
        )
        self.duplicate_open.setObjectName("duplicate_open")
        self.duplicate_open.clicked.connect(open_duplicate)
        self.conflict_box, self.conflict_label, self.reload_button = self._notice_box(
            "conflict", "#fde7e7", "#c0504d", translate("forms", "Rec&harger la fiche")
        )
        self.reload_button.setObjectName("reload_fiche")
        self.reload_button.setToolTip(
            translate(
                "forms",
                "Afficher la version enregistrée et y reporter les champs que vous avez modifiés",
            )
        )
        self.reload_button.clicked.connect(reload)
        banner.addWidget(self.conflict_box)
        banner.addWidget(self.readonly_note)
        banner.addWidget(self.note)
        banner.addWidget(self.duplicate_box)
        banner.addWidget(self.status)

    def _notice_box(
        self, name: str, background: str, border: str, action: str
    ) -> tuple[QFrame, QLabel, QPushButton]:
        """A hidden coloured strip: a wrapped plain-text message and a button."""
        box = QFrame(self)
        box.setObjectName(f"{name}_box")
        box.setStyleSheet(
            f"#{name}_box {{ background: {background}; border: 1px solid {border}; }}"
        )
        row = QHBoxLayout(box)
        label = QLabel(box)
        label.setObjectName(f"{name}_label")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        button = QPushButton(action, box)
        row.addWidget(label, 1)
        row.addWidget(button)
        box.hide()
        return box, label, button

    # -- notes -------------------------------------------------------------------
    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_readonly(self, state: LifecycleState) -> None:
        """The read-only note of a fiche in *state* (hidden for a draft fiche)."""
        self.readonly_note.setText(
            translate(
                "forms", "Fiche {state} : lecture seule. « Rouvrir » pour la corriger."
            ).format(state=tr_core(label_of(state)))
        )
        self.readonly_note.setVisible(state is not LifecycleState.DRAFT)

    def note_draft_restored(self, updated_at: Any, *, stale: bool) -> None:
        """A draft's typing is back; *stale*: the fiche was saved since it was written."""
        text = translate(
            "forms",
            "Saisie non enregistrée du {when} restaurée : vérifiez-la puis enregistrez (Ctrl+S).",
        ).format(when=format_datetime(updated_at))
        if stale:
            text += " " + translate(
                "forms", "Attention : la fiche a été modifiée depuis cette saisie."
            )
        self.show_note(text)

    def note_reloaded(self, merge: Merge, labels: Sequence[str], state: LifecycleState) -> None:
        """What a reload did with the typing (*labels*: the conflicting fields' labels)."""
        if merge.outcome is ReloadOutcome.DEFERRED:
            text = translate(
                "forms",
                "Fiche rechargée : elle est maintenant « {state} ». Votre saisie y sera "
                "reportée si vous la rouvrez (« Rouvrir ») ; elle reste dans votre brouillon.",
            ).format(state=tr_core(label_of(state)))
        elif merge.outcome is ReloadOutcome.CONFLICTS:
            text = translate(
                "forms",
                "Fiche rechargée. Modifiés des deux côtés, ces champs gardent votre "
                "saisie : {fields}. Vérifiez-les puis enregistrez (Ctrl+S).",
            ).format(fields=", ".join(labels))
        elif merge.outcome is ReloadOutcome.CARRIED:
            text = translate(
                "forms",
                "Fiche rechargée avec votre saisie reportée : vérifiez-la puis "
                "enregistrez (Ctrl+S).",
            )
        else:
            text = translate("forms", "Fiche rechargée.")
        self.show_note(text)

    # -- conflicts ---------------------------------------------------------------
    def show_conflict(self) -> None:
        """The fiche changed since it was opened: the save was refused; offer to reload."""
        self.conflict_label.setText(
            translate(
                "forms",
                "Cette fiche a été modifiée entre-temps (autre onglet, autre poste ou "
                "promotion) : votre saisie n’a pas été enregistrée. Elle reste affichée et "
                "conservée en brouillon. « Recharger la fiche » affiche la version "
                "enregistrée et y reporte les champs que vous avez modifiés ; vérifiez-les "
                "puis enregistrez.",
            )
        )
        self.reload_button.show()
        self.conflict_box.show()
        self.status.setText(
            translate("forms", "Enregistrement refusé : fiche modifiée entre-temps.")
        )
        self.reload_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_gone(self) -> None:
        """The fiche was deleted or purged while open: nothing to reload."""
        self.conflict_label.setText(
            translate(
                "forms",
                "Cette fiche n’existe plus : elle a été supprimée pendant que vous la "
                "modifiiez (échéance de conservation atteinte, ou suppression depuis un "
                "autre poste). Votre saisie n’a pas été enregistrée ; elle reste affichée "
                "dans cet onglet et conservée en brouillon au plus jusqu’à l’échéance de "
                "conservation de la fiche.",
            )
        )
        self.reload_button.hide()
        self.conflict_box.show()
        self.status.setText(translate("forms", "Enregistrement refusé : la fiche n’existe plus."))

    # -- duplicates --------------------------------------------------------------
    def show_duplicates(self, matches: Sequence[DuplicateMatch]) -> None:
        """Possible duplicates of the fiche (the first one described), or nothing."""
        if not matches:
            self.duplicate_box.hide()
            return
        first = matches[0]
        reason = (
            translate("forms", "le même NIR")
            if first.same_nir
            else translate("forms", "les mêmes nom, prénoms et date de naissance")
        )
        text = translate(
            "forms", "Doublon possible : une fiche {kind} ({state}, créée le {created}) a {reason}."
        ).format(
            kind=tr_core(label_of(first.kind)),
            state=tr_core(label_of(first.state)),
            created=format_datetime(first.created_at),
            reason=reason,
        )
        if len(matches) > 1:
            text += " " + self.tr("%n autre(s) fiche(s) semblable(s).", "", len(matches) - 1)
        self.duplicate_label.setText(text)
        self.duplicate_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.duplicate_box.show()
