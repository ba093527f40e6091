"""Fiches: save a draft, validate, reopen, close, promote, link, delete, consult.

:class:`FicheService` is the only way the program writes a fiche. Its rules:

- **validated ⇒ valid**: a fiche is stored as *validée* (or *transmise*,
  *clôturée*) only if :func:`~app.core.validation.check_for_validation` finds
  no error at that moment; a draft only if :func:`check_draft` finds none.
  Whatever the path (window, import, demo data, a state change, a link added
  to a validated contact), a refused fiche raises :class:`FicheRefused` and
  nothing is written.
- **only validated fiches leave**: the repository queues a version in the
  outbox only when its state is not a draft, and a reopening withdraws the
  pending version (``FicheRepository.save_many``).
- **retention from the first byte**: a new fiche's creation instant is its
  first draft's first write; a promoted patient zéro keeps the contact's.
- **consultation is journaled**: opening a fiche, each page of a list or a
  search that shows names (the kind of query and the number of rows, never
  the typed text), a patient zéro's contacts, the upcoming deletions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.core.clock import Clock, get_clock
from app.core.enums import FicheKind, JournalAction, LifecycleState
from app.core.models import AnyFiche, Contact, Exposition, PatientZero
from app.core.promotion import promoted_patient_zero
from app.core.validation import Issue, check_draft, check_for_validation
from app.db import journal
from app.db.connection import Cursor, Database
from app.db.fiche_queries import FicheQuery, FicheRow, query_text_kind
from app.db.pending import PENDING_QUERY, pending_sync_count
from app.db.permissions import Session
from app.db.purge import Upcoming, upcoming
from app.db.repositories import (
    DuplicateMatch,
    FicheNotFoundError,
    FicheRepository,
    LinkedContact,
    StaleVersionError,
)
from app.db.retention import RetentionPolicy
from app.db.settings_store import SettingsStore
from app.services.access import user_name
from app.services.errors import FicheRefused, PatientZeroGone, TransitionRefused

__all__ = [
    "PENDING_QUERY",
    "DuplicateMatch",
    "FicheNotFoundError",
    "FicheQuery",
    "FicheRefused",
    "FicheRow",
    "FicheService",
    "LinkedContact",
    "PatientZeroGone",
    "StaleVersionError",
    "TransitionRefused",
    "Upcoming",
    "check_storable",
    "pending_sync_count",
]

_STATE_ACTIONS = {
    LifecycleState.VALIDATED: JournalAction.VALIDATE,
    LifecycleState.CLOSED: JournalAction.CLOSE,
    LifecycleState.DRAFT: JournalAction.REOPEN,
}


def check_storable(fiche: AnyFiche, today: date) -> list[Issue]:
    """The checks of the fiche's own state: a draft's, or a validation's for any later state."""
    if fiche.state is LifecycleState.DRAFT:
        return check_draft(fiche, today)
    return check_for_validation(fiche, today)


class FicheService:
    """Every action on fiches, for one user (an account login or ``cli:<os user>``)."""

    def __init__(self, db: Database, user: str | Session, *, clock: Clock | None = None) -> None:
        self.db = db
        self.user = user_name(user)
        self._clock = clock
        settings = SettingsStore(db, self.user)
        self.retention = RetentionPolicy.from_settings(settings)
        self.repo = FicheRepository(db, self.user, clock=clock, retention=self.retention)

    # ----------------------------------------------------------------- clock

    def now(self) -> datetime:
        return (self._clock or get_clock()).now()

    def today(self) -> date:
        """Today on the establishment's calendar (dates typed by the staff are local)."""
        return self.now().astimezone(ZoneInfo(self.retention.timezone)).date()

    # ------------------------------------------------------------------ gate

    def issues(self, fiche: AnyFiche) -> list[Issue]:
        return check_storable(fiche, self.today())

    def gate(self, fiches: Sequence[AnyFiche]) -> None:
        """Raise :class:`FicheRefused` for the first fiche its state's checks refuse."""
        today = self.today()
        batch = {f.uuid for f in fiches}
        for fiche in fiches:
            errors = [i for i in check_storable(fiche, today) if i.is_error]
            if errors:
                raise FicheRefused(fiche.uuid, errors)
            if isinstance(fiche, Contact):
                for exp in fiche.expositions:
                    pz = exp.patient_zero_uuid
                    if pz and pz not in batch and not self.repo.exists(pz):
                        raise PatientZeroGone(fiche.uuid, pz)

    # ---------------------------------------------------------------- writes

    def save(self, fiche: AnyFiche, action: JournalAction | None = None) -> AnyFiche:
        """Create or update *fiche* in its own state (checked first); one transaction."""
        self.gate([fiche])
        self.repo.save(fiche, action)
        return fiche

    def save_many(
        self,
        fiches: Sequence[AnyFiche],
        action: JournalAction | None = None,
        *,
        keep_created_at: bool = False,
        demo: bool = False,
    ) -> None:
        """Several fiches in one transaction, each checked in its own state first."""
        self.gate(fiches)
        self.repo.save_many(fiches, action, keep_created_at=keep_created_at, demo=demo)

    def validate(self, fiche: AnyFiche) -> AnyFiche:
        """Store *fiche* as validated (journaled as a validation) if it passes the checks."""
        previous = fiche.state
        fiche.state = LifecycleState.VALIDATED
        try:
            return self.save(fiche, JournalAction.VALIDATE)
        except BaseException:
            fiche.state = previous
            raise

    def set_state(self, uuid: str, state: LifecycleState) -> AnyFiche:
        """Validate, reopen (→ initialisée) or close a stored fiche, journaled.

        *transmise* is the central service's acknowledgement, never a
        person's choice; closing a draft is not a step of the lifecycle.
        """
        fiche = self.repo.get(uuid, journal_consultation=False)
        action = _STATE_ACTIONS.get(state)
        if action is None or (
            state is LifecycleState.CLOSED and fiche.state is LifecycleState.DRAFT
        ):
            raise TransitionRefused()
        fiche.state = state
        return self.save(fiche, action)

    def reopen(self, uuid: str) -> AnyFiche:
        return self.set_state(uuid, LifecycleState.DRAFT)

    def close(self, uuid: str) -> AnyFiche:
        return self.set_state(uuid, LifecycleState.CLOSED)

    def link(self, contact_uuid: str, exposition: Exposition) -> Contact:
        """Link an existing contact to a patient zéro (or update that link); checked."""
        contact = self.repo.get(contact_uuid, journal_consultation=False)
        if not isinstance(contact, Contact):
            raise TypeError("only a contact can be linked to a patient zéro")
        if not self.repo.exists(exposition.patient_zero_uuid):
            raise FicheNotFoundError(exposition.patient_zero_uuid)
        contact.expositions = [
            e for e in contact.expositions if e.patient_zero_uuid != exposition.patient_zero_uuid
        ]
        contact.expositions.append(exposition)
        self.save(contact)
        return contact

    def promote(self, contact_uuid: str) -> PatientZero:
        """A new draft patient zéro for the person of a contact, which is kept as it is.

        The new fiche copies the fields both record types share
        (:mod:`app.core.promotion`), keeps the contact's creation instant and
        asks the social-support consent again; the journal links the two
        fiches by their UUIDs.
        """
        contact = self.repo.get(contact_uuid, journal_consultation=False)
        if not isinstance(contact, Contact):
            raise TypeError("only a contact can be promoted to patient zéro")
        pz = promoted_patient_zero(contact)
        self.gate([pz])
        self.repo.save_many([pz], JournalAction.CREATE, keep_created_at=True)
        with self.db.transaction() as cur:
            now = self.now()
            journal.append(
                cur,
                now,
                self.user,
                JournalAction.UPDATE,
                contact_uuid,
                f"promu patient zéro {pz.uuid}",
            )
            journal.append(
                cur,
                now,
                self.user,
                JournalAction.CREATE,
                pz.uuid,
                f"promotion du contact {contact_uuid}",
            )
        return pz

    def delete(self, uuid: str) -> None:
        self.repo.delete(uuid)

    # ----------------------------------------------------------------- reads

    def open(self, uuid: str) -> AnyFiche:
        """The full fiche; the consultation is journaled (art. 5 II)."""
        return self.repo.get(uuid)

    def peek(self, uuid: str) -> AnyFiche:
        """The fiche for a check or a link made while another one is open (not a consultation)."""
        return self.repo.get(uuid, journal_consultation=False)

    def exists(self, uuid: str) -> bool:
        return self.repo.exists(uuid)

    def count(self, query: FicheQuery) -> int:
        """How many fiches match (a number, no name: not a consultation)."""
        return self.repo.count(query)

    def list_rows(self, query: FicheQuery, offset: int, limit: int) -> Sequence[FicheRow]:
        """One page of the list; journaled as a consultation when it shows names."""
        rows = self.repo.list_rows(query, offset, limit)
        if rows:
            detail = f"liste{describe_query(query)}\u00a0: {len(rows)} ligne(s)"
            self._consulted(None, detail, after_answer=True)
        return rows

    def search(self, text: str, kind: FicheKind | None, limit: int) -> Sequence[FicheRow]:
        """The search dialog's results; journaled with the kind of query only."""
        query = FicheQuery(text=text, kind=kind)
        rows = self.repo.list_rows(query, 0, limit)
        detail = f"recherche{describe_query(query)}\u00a0: {len(rows)} ligne(s)"
        self._consulted(None, detail, after_answer=True)
        return rows

    def contacts_of(self, patient_zero_uuid: str) -> list[LinkedContact]:
        """A patient zéro's contacts (the panel of its form); journaled."""
        linked = self.repo.contacts_of(patient_zero_uuid)
        if linked:
            self._consulted(patient_zero_uuid, f"contacts du patient zéro\u00a0: {len(linked)}")
        return linked

    def patients_zero_of(self, contact_uuid: str) -> list[PatientZero]:
        return self.repo.patients_zero_of(contact_uuid)

    def upcoming(self, until: datetime, limit: int = 1000) -> Upcoming:
        """The fiches due by *until* (« Suppressions à venir »); journaled."""
        found = upcoming(self.repo, until, limit)
        if found.rows:
            self._consulted(None, f"suppressions à venir\u00a0: {len(found.rows)} ligne(s)")
        return found

    def find_duplicates(self, fiche: AnyFiche) -> list[DuplicateMatch]:
        """Possible duplicates (UUIDs and states only, no personal data)."""
        return self.repo.find_duplicates(fiche)

    def summary(self) -> dict[str, int]:
        """Totals; ``pending_sync`` is :func:`pending_sync_count` (as the status bar's)."""
        return {**self.repo.summary(), "pending_sync": pending_sync_count(self.db)}

    def units(self) -> list[str]:
        return self.repo.units()

    def oldest_created(self) -> datetime | None:
        return self.repo.oldest_created()

    def next_deadline(self) -> datetime | None:
        return self.repo.next_deadline()

    def record(
        self, action: JournalAction, fiche_uuid: str | None = None, detail: str = ""
    ) -> None:
        """Journal an action that is not a write of a fiche (print, export…)."""
        self.repo.record(action, fiche_uuid, detail)

    def _consulted(
        self, fiche_uuid: str | None, detail: str, *, after_answer: bool = False
    ) -> None:
        """Journal a consultation. *after_answer*: a page of the list or of the search,
        written just after the page is handed over (``Database.defer_write``: before
        anything else on this connection), so that the page is not kept waiting."""
        at, user = self.now(), self.user

        def write(cur: Cursor) -> None:
            journal.append(cur, at, user, JournalAction.VIEW, fiche_uuid, detail)

        if after_answer:
            self.db.defer_write(write)
            return
        with self.db.transaction() as cur:
            write(cur)


def describe_query(query: FicheQuery) -> str:
    """The kind of a list query for the journal: which filters, never their values."""
    parts: list[str] = []
    kind = query_text_kind(query.text)
    if kind:
        parts.append(f"texte ({kind})")
    if query.kind is not None:
        parts.append(f"type {query.kind.value}")
    if query.state is not None:
        parts.append(f"état {query.state.value}")
    if query.sync_state is not None:
        parts.append(f"envoi {query.sync_state.value}")
    if query.unit:
        parts.append("unité")
    if query.due_within_days is not None:
        parts.append(f"échéance ≤ {query.due_within_days} j")
    return f" [{', '.join(parts)}]" if parts else ""
