"""The database jobs of the forms, run on the database thread (``fn(db)``).

Each function takes the open :class:`~app.db.connection.Database` first and
returns plain values; the forms submit them through the ``DbThread`` and get
the result by signal. Nothing here touches a widget.

What a contact's form receives about a patient zéro is a
:class:`PatientZeroRef`: without an explicit *oui* to the identity choice it
carries no name at all, so the contact's view cannot show one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.core.enums import Consent, FicheKind, JournalAction, LifecycleState, RiskAssessment
from app.core.identifiers import format_phone
from app.core.models import AnyFiche, Contact, Exposition, PatientZero
from app.core.text import display_name
from app.db.connection import Database
from app.db.drafts import Draft, DraftStore
from app.services.fiches import DuplicateMatch, FicheNotFoundError, FicheRow, FicheService

SEARCH_LIMIT = 30


@dataclass(frozen=True, slots=True)
class PatientZeroRef:
    """A patient zéro as a contact's form may see it.

    ``name`` is empty unless the patient zéro answered *oui* to the identity
    choice. ``diagnosis`` (no identity in it) lets the form warn about a last
    contact more than 14 days before it.
    """

    uuid: str
    name: str
    disclosure: Consent | None
    diagnosis: date | None
    state: LifecycleState


@dataclass(frozen=True, slots=True)
class ContactLine:
    """A contact as the patient zéro's form lists it."""

    uuid: str
    name: str
    phones: str
    last_contact: date | None
    risk: RiskAssessment | None
    state: LifecycleState
    other_patients_zero: int


@dataclass(slots=True)
class OpenedFiche:
    fiche: AnyFiche
    draft: Draft | None = None
    contacts: list[ContactLine] = field(default_factory=list)
    patients_zero: dict[str, PatientZeroRef] = field(default_factory=dict)


def repository(db: Database, user: str) -> FicheService:
    """The gate every write and consultation of the forms goes through."""
    return FicheService(db, user)


def ref_of(pz: PatientZero) -> PatientZeroRef:
    return PatientZeroRef(
        uuid=pz.uuid,
        name=display_name(pz) if pz.may_disclose_identity() else "",
        disclosure=pz.identity_disclosure,
        diagnosis=pz.infection.diagnosis_date(),
        state=pz.state,
    )


def patient_zero_refs(db: Database, user: str, uuids: list[str]) -> dict[str, PatientZeroRef]:
    repo = repository(db, user)
    refs: dict[str, PatientZeroRef] = {}
    for uuid in uuids:
        try:
            fiche = repo.peek(uuid)
        except FicheNotFoundError:
            continue
        if isinstance(fiche, PatientZero):
            refs[uuid] = ref_of(fiche)
    return refs


def contact_lines(db: Database, user: str, pz_uuid: str) -> list[ContactLine]:
    repo = repository(db, user)
    lines = []
    for linked in repo.contacts_of(pz_uuid):
        c = linked.contact
        lines.append(
            ContactLine(
                uuid=c.uuid,
                name=display_name(c),
                phones=", ".join(format_phone(p) for p in c.phones),
                last_contact=linked.exposition.last_contact,
                risk=linked.exposition.risk,
                state=c.state,
                other_patients_zero=len(c.expositions) - 1,
            )
        )
    return lines


def open_fiche(db: Database, user: str, uuid: str) -> OpenedFiche:
    """The fiche (its consultation journaled), its draft if any, and its links."""
    repo = repository(db, user)
    fiche = repo.open(uuid)
    opened = OpenedFiche(fiche, DraftStore(db, owner=user).get(uuid))
    _add_links(db, user, opened)
    return opened


def _add_links(db: Database, user: str, opened: OpenedFiche) -> None:
    fiche = opened.fiche
    if isinstance(fiche, PatientZero):
        opened.contacts = contact_lines(db, user, fiche.uuid)
    else:
        opened.patients_zero = patient_zero_refs(
            db, user, [e.patient_zero_uuid for e in fiche.expositions]
        )


def reload_fiche(db: Database, user: str, uuid: str) -> OpenedFiche:
    """The stored version of a fiche (consultation journaled) and its links, no draft."""
    opened = OpenedFiche(repository(db, user).open(uuid))
    _add_links(db, user, opened)
    return opened


def open_draft(db: Database, user: str, draft: Draft) -> OpenedFiche:
    """A draft whose fiche may not exist yet (never saved)."""
    from app.core.serialize import fiche_from_dict

    repo = repository(db, user)
    try:
        fiche = repo.open(draft.uuid)
    except FicheNotFoundError:
        base = draft.data.get("base")
        fiche = fiche_from_dict(base)
    opened = OpenedFiche(fiche, draft)
    _add_links(db, user, opened)
    return opened


def list_drafts(db: Database, user: str) -> list[Draft]:
    """*user*'s drafts only: another person's unsaved work is never shown (issue 6)."""
    return DraftStore(db, owner=user).all()


@dataclass(frozen=True, slots=True)
class Saved:
    fiche: AnyFiche
    contacts: list[ContactLine]
    patients_zero: dict[str, PatientZeroRef]


def save_fiche(
    db: Database, user: str, fiche: AnyFiche, action: JournalAction | None = None
) -> Saved:
    """Save *fiche* (one transaction: record, outbox, journal), then drop its draft."""
    repo = repository(db, user)
    repo.save(fiche, action)
    DraftStore(db, owner=user).discard(fiche.uuid)
    opened = OpenedFiche(fiche)
    _add_links(db, user, opened)
    return Saved(fiche, opened.contacts, opened.patients_zero)


def validate_fiche(db: Database, user: str, fiche: AnyFiche) -> Saved:
    """Save *fiche* as validated, journaled as a validation (refused if it does not pass)."""
    repository(db, user).validate(fiche)
    DraftStore(db, owner=user).discard(fiche.uuid)
    opened = OpenedFiche(fiche)
    _add_links(db, user, opened)
    return Saved(fiche, opened.contacts, opened.patients_zero)


def change_state(db: Database, user: str, uuid: str, state: LifecycleState) -> Saved:
    """Reopen (→ initialisée) or close (→ clôturée) a fiche, journaled."""
    fiche = repository(db, user).set_state(uuid, state)
    opened = OpenedFiche(fiche)
    _add_links(db, user, opened)
    return Saved(fiche, opened.contacts, opened.patients_zero)


def add_contact(db: Database, user: str, pz: PatientZero, contact: Contact) -> Saved:
    """Quick entry: save the patient zéro if it never was, then the new contact."""
    repo = repository(db, user)
    if pz.version == 0:
        repo.save(pz)
        DraftStore(db, owner=user).discard(pz.uuid)
    repo.save(contact)
    return Saved(pz, contact_lines(db, user, pz.uuid), {})


def link_contact(
    db: Database, user: str, pz: PatientZero, contact_uuid: str, exp: Exposition
) -> Saved:
    """Link an existing contact to *pz* (saved first if it never was)."""
    repo = repository(db, user)
    if pz.version == 0:
        repo.save(pz)
        DraftStore(db, owner=user).discard(pz.uuid)
    repo.link(contact_uuid, exp)
    return Saved(pz, contact_lines(db, user, pz.uuid), {})


def promote(db: Database, user: str, contact_uuid: str) -> PatientZero:
    return repository(db, user).promote(contact_uuid)


def duplicates(db: Database, user: str, fiche: AnyFiche) -> list[DuplicateMatch]:
    return repository(db, user).find_duplicates(fiche)


def search(db: Database, user: str, text: str, kind: FicheKind | None) -> Sequence[FicheRow]:
    return repository(db, user).search(text, kind, SEARCH_LIMIT)


def put_draft(
    db: Database,
    user: str,
    uuid: str,
    kind: FicheKind,
    version: int,
    data: dict[str, Any],
    created_at: datetime | None = None,
) -> bool:
    """Write the form's draft; *created_at* (a fiche saved once) caps its deadline.

    False, nothing written, on a read-only store (:class:`DraftStore` skips quietly).
    """
    return DraftStore(db, owner=user).put(uuid, kind, version, data, created_at=created_at)


def discard_draft(db: Database, user: str, uuid: str) -> bool:
    return DraftStore(db, owner=user).discard(uuid)
