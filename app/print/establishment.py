"""The establishment's block of the poster and the notice, read from the settings.

Plain Python (no Qt): the CLI reads it in its own thread, the UI through the
database thread. The référent's contact is a professional contact meant to be
displayed; nothing here is a patient's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import settings as S
from app.core.dates import DEFAULT_ZONE
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.identifiers import format_phone
from app.db.connection import Database
from app.db.settings_store import SettingsStore

#: French source label of a missing phone-or-e-mail (translated by the caller, context "print").
MISSING_CONTACT_MEANS = QT_TRANSLATE_NOOP("print", "Téléphone ou adresse e-mail du référent ou DPO")


@dataclass(frozen=True, slots=True)
class Establishment:
    name: str = ""
    finess: str = ""
    contact_name: str = ""
    #: E.164, as stored by the setting's check.
    contact_phone: str = ""
    contact_email: str = ""
    logo_path: str = ""
    timezone: str = DEFAULT_ZONE

    @property
    def phone_display(self) -> str:
        return format_phone(self.contact_phone) if self.contact_phone else ""

    def missing(self) -> list[str]:
        """French source labels of what the poster needs and the settings lack (in order).

        Translate them with ``QCoreApplication.translate(context, label)`` where the
        context is ``"core"`` for a setting's label and ``"print"`` for
        :data:`MISSING_CONTACT_MEANS` (see :func:`missing_with_context`).
        """
        return [label for _context, label in self.missing_with_context()]

    def missing_with_context(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if not self.name:
            out.append(("core", S.ESTABLISHMENT_NAME.label))
        if not self.finess:
            out.append(("core", S.ESTABLISHMENT_FINESS.label))
        if not self.contact_name:
            out.append(("core", S.ESTABLISHMENT_CONTACT_NAME.label))
        if not self.contact_phone and not self.contact_email:
            out.append(("print", MISSING_CONTACT_MEANS))
        return out


def load_establishment(db: Database) -> Establishment:
    """The establishment's block from the encrypted settings (a few fast reads)."""
    store = SettingsStore(db, "")
    return Establishment(
        name=store.get(S.ESTABLISHMENT_NAME),
        finess=store.get(S.ESTABLISHMENT_FINESS),
        contact_name=store.get(S.ESTABLISHMENT_CONTACT_NAME),
        contact_phone=store.get(S.ESTABLISHMENT_CONTACT_PHONE),
        contact_email=store.get(S.ESTABLISHMENT_CONTACT_EMAIL),
        logo_path=store.get(S.ESTABLISHMENT_LOGO_PATH),
        timezone=store.get(S.ESTABLISHMENT_TIMEZONE),
    )
