"""Refusals of the services: French messages, stable codes, no personal data.

They are :class:`~app.core.errors.UserError` (not conditions of the store);
their texts keep the translation context ``"db"`` they were written in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.validation import Issue


class FicheRefused(UserError):
    """A fiche whose state cannot be stored: its checks found errors.

    ``issues`` are the errors (paths and templates, to show beside the
    fields); the message names the first ones in French, never a value
    typed by a person (the templates quote at most an e-mail or a code the
    user typed in the field itself, which stays on this station).
    """

    code: ClassVar[str] = "fiche_non_valide"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Fiche incomplète ou invalide\u00a0: elle ne peut pas être enregistrée dans cet état.",
    )

    def __init__(self, uuid: str, issues: Sequence[Issue]) -> None:
        self.uuid = uuid
        self.issues = [i for i in issues if i.is_error]
        shown = " ; ".join(i.path for i in self.issues[:5])
        more = f" (et {len(self.issues) - 5} autre(s))" if len(self.issues) > 5 else ""
        self.detail = f"{shown}{more}" if shown else None
        super().__init__()

    def messages(self) -> list[str]:
        """The French message of each error (for a per-line report)."""
        return [i.message for i in self.issues]


class TransitionRefused(UserError):
    """A lifecycle step that does not exist (e.g. closing a draft)."""

    code: ClassVar[str] = "transition_invalide"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Ce changement d’état n’est pas possible pour cette fiche.",
    )


class DemoRefused(UserError):
    """Demonstration data would mix with real fiches."""

    code: ClassVar[str] = "demo_refusee"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Ce poste contient déjà des fiches réelles\u00a0: les fiches de démonstration "
        "ne peuvent pas s’y mêler. Utilisez un dossier de données vide "
        "(--data-dir) pour une démonstration.",
    )


class PatientZeroGone(UserError, LookupError):
    """A contact names a patient zéro that no longer exists (purged or deleted meanwhile)."""

    code: ClassVar[str] = "patient_zero_absent"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Le patient zéro lié à cette personne contact n’existe plus (supprimé, ou arrivé "
        "à échéance de conservation) : retirez cette exposition, puis enregistrez. "
        "Votre saisie est conservée.",
    )

    def __init__(self, contact_uuid: str, patient_zero_uuid: str) -> None:
        super().__init__()
        self.uuid = contact_uuid
        self.patient_zero_uuid = patient_zero_uuid
