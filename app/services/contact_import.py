"""Contacts of a patient zéro from a spreadsheet: the file import and the grid, one gate.

``tracing-desk contacts import`` and the « Saisie en tableau » grid both
call :func:`import_contacts`. Its rules:

- **all or nothing**: every contact is created or linked in one
  ``FicheService.save_many`` transaction (each fiche checked in its state
  first); one refused row and nothing is written;
- **one person, one fiche**: rows of the same person (folded name, first
  name, birth date) make one fiche; a row matching an existing contact (the
  duplicate rules of :meth:`FicheService.find_duplicates`) adds the
  exposition to it instead, and leaves it unchanged when it is already
  exposed to this patient zéro, so importing a file twice creates nothing;
- **no name in the journal**: one ``import`` line on the patient zéro with
  the counts; the fiches' own creation and update lines carry UUIDs only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.clock import Clock
from app.core.contact_rows import (
    ContactRow,
    Key,
    exposition_for,
    merge_rows,
    parse_contact_rows,
    person_key,
    to_contact,
)
from app.core.enums import FicheKind, JournalAction
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import Contact, PatientZero
from app.core.text import fold
from app.core.validation import T_EXPOSITION_SELF
from app.db.connection import Database
from app.db.permissions import Session
from app.services.errors import FicheRefused
from app.services.fiches import FicheService

__all__ = [
    "ContactRow",
    "ImportReport",
    "NotAPatientZero",
    "Outcome",
    "import_contacts",
    "parse_contact_rows",
]


class NotAPatientZero(UserError, ValueError):
    """The UUID given is a contact's, not a patient zéro's."""

    code = "not_a_patient_zero"
    context = "services"

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "services",
                "Cette fiche n’est pas celle d’un patient zéro\u00a0: "
                "les contacts s’ajoutent à un patient zéro.",
            )
        )


class Outcome(StrEnum):
    CREATED = "creee"
    LINKED = "liee"
    UNCHANGED = "deja_liee"


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Counts of fiches (created, linked, already linked), or the problems when nothing was done.

    ``outcomes`` gives each row's line and what happened (or would happen,
    with *dry_run*) to its person's fiche.
    """

    created: int
    linked: int
    unchanged: int
    problems: tuple[tuple[int, str], ...]
    dry_run: bool
    outcomes: tuple[tuple[int, Outcome], ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def import_contacts(
    db: Database,
    actor: str | Session,
    pz_uuid: str,
    rows: Sequence[ContactRow],
    *,
    dry_run: bool = False,
    clock: Clock | None = None,
) -> ImportReport:
    """Create or link the contacts of *rows* for the patient zéro *pz_uuid*, all or none.

    Raises ``FicheNotFoundError`` (no such fiche), :class:`NotAPatientZero`,
    or the store's refusals (permission, locked base); a row the checks
    refuse is reported in ``problems`` with its line, and nothing is written.
    """
    service = FicheService(db, actor, clock=clock)
    pz = service.peek(pz_uuid)
    if not isinstance(pz, PatientZero):
        raise NotAPatientZero()
    problems: list[tuple[int, str]] = []
    already = _linked_keys(service, pz_uuid)
    pz_names = {fold(pz.birth_name), fold(pz.usage_name)} - {""}
    to_save: dict[str, Contact] = {}
    owner_line: dict[str, int] = {}
    outcome_of: dict[Key, Outcome] = {}
    counts = dict.fromkeys(Outcome, 0)

    for row in merge_rows(rows):
        key = person_key(row)
        if (
            row.birth_date is not None
            and row.birth_date == pz.birth_date
            and key[0] in pz_names
            and key[1] in {fold(pz.first_names), fold(pz.first_names.split(" ")[0])}
        ):
            problems.append((row.line, T_EXPOSITION_SELF))
            continue
        if key in already:
            outcome = Outcome.UNCHANGED
        else:
            existing = _existing_contact(service, row, to_save)
            if existing is None:
                contact = to_contact(row, pz_uuid)
                outcome = Outcome.CREATED
            elif any(e.patient_zero_uuid == pz_uuid for e in existing.expositions):
                contact, outcome = existing, Outcome.UNCHANGED
            else:
                contact, outcome = existing, Outcome.LINKED
                contact.expositions.append(exposition_for(row, pz_uuid))
            if outcome is not Outcome.UNCHANGED:
                to_save[contact.uuid] = contact
                owner_line[contact.uuid] = row.line
        outcome_of[key] = outcome
        counts[outcome] += 1

    for uuid, contact in to_save.items():
        problems.extend(
            (owner_line[uuid], issue.message) for issue in service.issues(contact) if issue.is_error
        )
    outcomes = tuple(
        (row.line, outcome_of[person_key(row)]) for row in rows if person_key(row) in outcome_of
    )
    if problems:
        return ImportReport(0, 0, 0, tuple(sorted(problems)), dry_run, outcomes)
    if not dry_run:
        if to_save:
            try:
                service.save_many(list(to_save.values()))
            except FicheRefused as exc:  # checked above; a change meanwhile lands here
                line = owner_line.get(exc.uuid, 0)
                return ImportReport(
                    0, 0, 0, tuple((line, m) for m in exc.messages()), dry_run, outcomes
                )
        service.record(
            JournalAction.IMPORT,
            pz_uuid,
            f"contacts depuis un tableau\u00a0: {len(rows)} ligne(s), "
            f"{counts[Outcome.CREATED]} créée(s), {counts[Outcome.LINKED]} liée(s), "
            f"{counts[Outcome.UNCHANGED]} déjà liée(s)",
        )
    return ImportReport(
        counts[Outcome.CREATED],
        counts[Outcome.LINKED],
        counts[Outcome.UNCHANGED],
        (),
        dry_run,
        outcomes,
    )


def _linked_keys(service: FicheService, pz_uuid: str) -> set[Key]:
    """The persons already contacts of this patient zéro (birth and usage names both)."""
    keys: set[Key] = set()
    for linked in service.repo.contacts_of(pz_uuid):
        contact = linked.contact
        for name in {contact.birth_name, contact.usage_name}:
            keys.add((fold(name), fold(contact.first_names), contact.birth_date))
        if not fold(contact.birth_name + contact.usage_name + contact.first_names):
            for phone in contact.phones:  # a phone-only row (see merge_rows)
                keys.add(("", phone, None))
    return keys


def _existing_contact(
    service: FicheService, row: ContactRow, pending: dict[str, Contact]
) -> Contact | None:
    """The oldest existing contact fiche of the same person (duplicate rules), if any."""
    if row.birth_date is None:
        return None
    probe = to_contact(row, "")
    for match in service.find_duplicates(probe):
        if match.kind is not FicheKind.CONTACT:
            continue
        if match.uuid in pending:
            return pending[match.uuid]
        found = service.peek(match.uuid)
        if isinstance(found, Contact):
            return found
    return None
