"""The contact finder's gate: build a patient zéro's candidates from the establishment's lists,
then create the contacts the nurse keeps.

The window (« Construire la liste des contacts… ») and the command line
(``tracing-desk contacts candidates``) both go through here. The lists come
as bytes: this module reads nothing from disk and writes nothing of them
anywhere; only the persons kept become fiches, through
:class:`~app.services.fiches.FicheService` (its checks, rights and journal).

Journal: building a list is one ``consultation`` of the patient zéro with
the number of rows read and of candidates, never a name; the contacts
already linked are read to flag them, which shows no name and is not
journaled apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from app.core.clock import Clock
from app.core.contact_finder import (
    Candidate,
    FinderError,
    FinderResult,
    Subject,
    Window,
    circumstance_for,
    contagious_window,
    find_candidates,
    person_keys,
)
from app.core.enums import EstablishmentStatus, FicheKind, JournalAction, LifecycleState
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import AnyFiche, Contact, EstablishmentPlace, Exposition, PatientZero
from app.core.rosters import Person, RosterError, read_roster, read_rota
from app.core.sheets import SheetError
from app.core.validation import suggest_risk
from app.db.connection import Database
from app.services.fiches import FicheService

__all__ = [
    "CandidateList",
    "Created",
    "FinderError",
    "build_candidates",
    "create_contacts",
    "file_of",
]

T_NOT_PATIENT_ZERO = QT_TRANSLATE_NOOP(
    "core",
    "Cette fiche n’est pas celle d’un patient zéro\u00a0: la liste ne peut pas être construite.",
)


@dataclass(frozen=True, slots=True)
class CandidateList:
    patient_zero_uuid: str
    result: FinderResult
    #: Data rows read from the two files (headers and empty lines not counted).
    rows_read: int


@dataclass(frozen=True, slots=True)
class Created:
    """Fiche UUIDs: new contacts, existing contacts linked, contacts already linked."""

    created: tuple[str, ...]
    linked: tuple[str, ...]
    unchanged: tuple[str, ...]
    #: Among ``linked``: validated (or closed) contacts that the new exposition made
    #: incomplete (its risk is to be assessed), stored as drafts again (« réouverture »).
    reopened: tuple[str, ...] = ()


#: Which list a file error comes from (:func:`file_of`).
ROSTER = QT_TRANSLATE_NOOP("core", "liste des résidents")
ROTA = QT_TRANSLATE_NOOP("core", "planning du personnel")


@contextmanager
def _which_file(name: str) -> Iterator[None]:
    """Note on a file's error which list it is (a role, never a file name)."""
    try:
        yield
    except (RosterError, SheetError) as exc:
        exc.add_note(name)
        raise


def file_of(exc: BaseException) -> str:
    """:data:`ROSTER` or :data:`ROTA` for an error of a list file, else ``""``."""
    notes = getattr(exc, "__notes__", [])
    return next((n for n in notes if n in (ROSTER, ROTA)), "")


def _patient_zero(service: FicheService, uuid: str) -> PatientZero:
    fiche = service.peek(uuid)
    if not isinstance(fiche, PatientZero):
        raise FinderError(T_NOT_PATIENT_ZERO)
    return fiche


def _known_contacts(service: FicheService, pz_uuid: str) -> dict[tuple[str, str, date], str]:
    """Person key → UUID of the contacts already linked (read to flag them, no name shown)."""
    keys: dict[tuple[str, str, date], str] = {}
    for linked in service.repo.contacts_of(pz_uuid):
        c = linked.contact
        for key in person_keys((c.birth_name, c.usage_name), c.first_names, c.birth_date):
            keys.setdefault(key, c.uuid)
    return keys


def build_candidates(
    db: Database,
    actor: str,
    pz_uuid: str,
    roster: tuple[bytes, str],
    rota: tuple[bytes, str] | None,
    *,
    until: date | None = None,
    window: Window | None = None,
    clock: Clock | None = None,
) -> CandidateList:
    """The candidates of a patient zéro from the residents' file and the rota (bytes, name).

    *window* (edited by the nurse) wins over the contagious window computed
    from the fiche up to *until* (default: today on the establishment's
    calendar). Raises :class:`~app.core.rosters.RosterError` /
    :class:`~app.core.sheets.SheetError` for a bad file and
    :class:`FinderError` when the fiche gives no window or no place; nothing
    is journaled then.
    """
    service = FicheService(db, actor, clock=clock)
    pz = _patient_zero(service, pz_uuid)
    with _which_file(ROSTER):
        stays = read_roster(*roster)
    with _which_file(ROTA):
        shifts = read_rota(*rota) if rota is not None else []
    if window is None:
        window = contagious_window(pz.infection, until or service.today())
    result = find_candidates(
        Subject.of(pz), stays, shifts, window, set(_known_contacts(service, pz_uuid))
    )
    rows = len(stays) + len(shifts)
    service.record(
        JournalAction.VIEW,
        pz_uuid,
        f"liste des contacts\u00a0: {rows} ligne(s) lue(s), {len(result.candidates)} candidat(s)",
    )
    return CandidateList(pz_uuid, result, rows)


def _exposition(pz_uuid: str, candidate: Candidate) -> Exposition:
    circumstances, other = circumstance_for(candidate.motive)
    return Exposition(
        patient_zero_uuid=pz_uuid,
        last_contact=candidate.days[-1],
        circumstances=circumstances,
        other_circumstance=other,
        suggested_risk=suggest_risk(circumstances, []),
    )


def _new_contact(candidate: Candidate) -> Contact:
    person: Person = candidate.person
    status = (
        EstablishmentStatus.STAFF
        if candidate.status == "personnel"
        else EstablishmentStatus.RESIDENT
    )
    return Contact(
        birth_name=person.last_name.strip(),
        first_names=person.first_name.strip(),
        birth_date=person.birth_date,
        establishment=EstablishmentPlace(status=status, unit=candidate.unit, room=candidate.room),
    )


def create_contacts(
    db: Database,
    actor: str,
    pz_uuid: str,
    kept: Sequence[Candidate],
    *,
    clock: Clock | None = None,
) -> Created:
    """The kept candidates as draft contacts of the patient zéro, in one transaction.

    Each gets an exposition whose last contact is the last shared day and
    whose circumstance comes from the motive. An existing contact fiche of
    the same person (the duplicate rules) is linked instead; one already
    linked to this patient zéro is left as it is. A validated (or closed)
    contact that the new exposition leaves incomplete (no risk assessment
    yet) is stored as a draft again, journaled as a reopening, and listed in
    ``reopened``. Nothing is written if any fiche is refused.
    """
    service = FicheService(db, actor, clock=clock)
    pz = _patient_zero(service, pz_uuid)
    own = person_keys((pz.birth_name, pz.usage_name), pz.first_names, pz.birth_date)
    to_save: list[AnyFiche] = []
    created: list[str] = []
    linked: list[str] = []
    unchanged: list[str] = []
    reopened: list[str] = []
    seen: set[tuple[str, str, date]] = set()
    already = _known_contacts(service, pz_uuid)
    for candidate in kept:
        key = candidate.person.key()
        if key in seen or key in own:
            continue
        seen.add(key)
        if key in already:  # flagged « déjà contact »: the same rule as the list's
            if already[key] not in unchanged:
                unchanged.append(already[key])
            continue
        fresh = _new_contact(candidate)
        existing = _existing_contact(service, fresh, pz_uuid)
        if existing is None:
            fresh.expositions.append(_exposition(pz_uuid, candidate))
            to_save.append(fresh)
            created.append(fresh.uuid)
        elif existing.exposition_to(pz_uuid) is not None:
            unchanged.append(existing.uuid)
        elif existing.uuid not in linked:
            existing.expositions.append(_exposition(pz_uuid, candidate))
            if existing.state is not LifecycleState.DRAFT and any(
                issue.is_error for issue in service.issues(existing)
            ):
                existing.state = LifecycleState.DRAFT  # the nurse assesses the risk, then validates
                reopened.append(existing.uuid)
            to_save.append(existing)
            linked.append(existing.uuid)
    if to_save:
        service.save_many(to_save)
    for uuid in reopened:
        service.record(JournalAction.REOPEN, uuid, f"exposition au patient zéro {pz_uuid} ajoutée")
    return Created(tuple(created), tuple(linked), tuple(unchanged), tuple(reopened))


def _existing_contact(service: FicheService, fresh: Contact, pz_uuid: str) -> Contact | None:
    """The contact fiche of the same person: one already linked to *pz_uuid* first."""
    contacts: list[Contact] = []
    for match in service.find_duplicates(fresh):
        if match.kind is not FicheKind.CONTACT:
            continue
        fiche = service.peek(match.uuid)
        if isinstance(fiche, Contact):
            if fiche.exposition_to(pz_uuid) is not None:
                return fiche
            contacts.append(fiche)
    return contacts[0] if contacts else None
