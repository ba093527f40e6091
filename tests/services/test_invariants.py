"""The service layer's invariants under random sequences of actions on a fake clock.

A hypothesis state machine drives :class:`~app.services.fiches.FicheService`
(with the draft store, the purge service and the outbox reader around it) on
a fresh store, the clock moving by minutes to 40 days between steps, and a
model of what was stored when. After every step it checks the store itself
(SQL on the tables, not the services' answers):

1. **validated ⇒ valid**: every fiche whose state is not *brouillon* passes
   ``check_for_validation`` today;
2. **only validated fiches leave**: no pending outbox entry belongs to a
   draft, and every non-draft fiche marked ``pending`` has one;
3. **retention from the first byte**: a fiche's ``created_at`` is never later
   than the first time its UUID was stored (its first draft, its first save,
   or for a promoted patient zéro the contact's first storage), its deadline
   never later than 3 calendar months after that, and nothing due at the last
   purge survives it (the 3 months never restart);
4. ``next_batch`` never returns a draft.

The rules also check their own outcome: a refused validation, closing or
link writes nothing (fiche row, expositions, outbox, journal, drafts); a
first save takes its draft's first write as creation instant; a promotion
keeps the contact's; a purge deletes exactly what the model says is due; a
drain returns exactly the validated fiches waiting to leave.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.core import clock as clock_mod
from app.core.clock import FakeClock
from app.core.enums import (
    Circumstance,
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    FicheKind,
    InformationMode,
    JournalAction,
    LifecycleState,
    RiskAssessment,
    Sex,
    SyncState,
)
from app.core.models import (
    Address,
    AnyFiche,
    Contact,
    EstablishmentPlace,
    Exposition,
    InfectionEvidence,
    InformationGiven,
    PatientZero,
)
from app.core.retention import deadline as retention_deadline
from app.core.serialize import fiche_from_dict, fiche_to_dict
from app.core.validation import T_NO_EXPOSITION, check_for_validation
from app.db.connection import Database
from app.db.drafts import DraftStore
from app.db.fiche_queries import FicheQuery
from app.db.repositories import FicheNotFoundError, FicheRepository
from app.db.store import init_store, open_store
from app.db.timefmt import from_db, to_db
from app.services.errors import FicheRefused, PatientZeroGone, TransitionRefused
from app.services.fiches import FicheService
from app.services.retention import run_purge
from app.sync.outbox import apply_outcomes, next_batch
from app.sync.transport import FicheOutcome
from tests.support.stores import copy_store

USER = "cli:test"  # a station without accounts: every right
TZ = "Europe/Paris"
MONTHS = 3
DRAFT = LifecycleState.DRAFT
#: A validated contact whose only patient zéro is purged or deleted is reopened in
#: the same transaction (``reopen_orphaned_contacts``), so the machine tolerates no
#: invalid validated fiche. True would accept « no exposition » for such contacts.
TOLERATE_ORPHANED_CONTACTS = False
#: Saving a contact form whose patient zéro was purged or deleted meanwhile is a known
#: refusal (``PatientZeroGone``, a French message; the form keeps the typing).
GONE_PATIENT_ZERO_REFUSALS: tuple[type[BaseException], ...] = (PatientZeroGone,)
NO_EXPOSITION = f"expositions: {T_NO_EXPOSITION}"

FAST = settings(
    max_examples=50,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LONG = settings(FAST, max_examples=200, stateful_step_count=50)

# ----------------------------------------------------------------- strategies

#: Between two steps: minutes, hours, or (one step in five) up to 40 days, so that a
#: run of a few dozen steps spans about one retention period.
_minutes = st.integers(1, 240).map(lambda m: timedelta(minutes=m))
_hours = st.integers(1, 72).map(lambda h: timedelta(hours=h))
_days = st.integers(1, 40 * 24).map(lambda h: timedelta(hours=h))
waits = st.one_of(_minutes, _minutes, _hours, _hours, _days)
starts = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC))
SURNAMES = ["Martin", "Lefèvre", "Nguyen", "Durand", "Zyxwvoquette"]
FIRST_NAMES = ["Marie", "Loïc", "Hélène", "Paul", "Anaïs"]
names = st.tuples(st.sampled_from(SURNAMES), st.sampled_from(FIRST_NAMES))
kinds = st.sampled_from(FicheKind)
#: Where the clock lands around the next deadline before a purge.
around = st.sampled_from([timedelta(microseconds=-1), timedelta(0), timedelta(microseconds=1)])


def three_months(first: datetime) -> datetime:
    """The latest deadline the law allows for data first stored at *first*."""
    return retention_deadline(first, TZ, MONTHS)


# -------------------------------------------------------------------- fiches


def complete_exposition(exp: Exposition, today: date) -> None:
    if exp.last_contact is None:
        exp.last_contact = today - timedelta(days=2)
    exp.circumstances = exp.circumstances or [Circumstance.CARE]
    exp.risk = exp.risk or RiskAssessment.AT_RISK


def exposition(pz_uuid: str, today: date, *, complete: bool) -> Exposition:
    exp = Exposition(patient_zero_uuid=pz_uuid)
    if complete:
        complete_exposition(exp, today)
    return exp


def fill(fiche: AnyFiche, today: date) -> AnyFiche:
    """Everything a validation asks for (a contact still needs an exposition)."""
    fiche.birth_name = fiche.birth_name or "Martin"
    fiche.first_names = fiche.first_names or "Marie"
    fiche.birth_date = date(1950, 3, 1)
    fiche.sex = Sex.FEMALE
    fiche.phones = ["+33612345678"]
    fiche.address = Address(lines=["3 rue des Lilas"], postal_code="75013", city="Paris")
    fiche.establishment = EstablishmentPlace(
        status=EstablishmentStatus.RESIDENT, unit="EHPAD B", room="12"
    )
    fiche.support_needed = False
    fiche.support_consent = Consent.NO
    fiche.information = InformationGiven(
        given_on=today,
        given_by="ide.test",
        modes=[InformationMode.ORAL],
        research_opposition_right=True,
    )
    if isinstance(fiche, PatientZero):
        fiche.infection = InfectionEvidence(
            exam_type=ExamType.RT_PCR,
            sample_date=today - timedelta(days=1),
            result=ExamResult.POSITIVE,
            symptom_onset=today - timedelta(days=2),
        )
        fiche.identity_disclosure = Consent.NO
    else:
        for exp in fiche.expositions:
            complete_exposition(exp, today)
    if isinstance(fiche, PatientZero) or fiche.expositions:
        assert errors_of(fiche, today) == [], "the test's complete fiche does not validate"
    return fiche


def errors_of(fiche: AnyFiche, today: date) -> list[str]:
    return [f"{i.path}: {i.message}" for i in check_for_validation(fiche, today) if i.is_error]


# --------------------------------------------------------------------- model


@dataclass
class Known:
    """What the model knows of one fiche UUID that was saved."""

    kind: FicheKind
    first_stored: datetime
    state: LifecycleState
    filled: bool  # every field a validation asks for (a contact: but its links)
    links: dict[str, bool] = field(default_factory=dict)  # PZ UUID -> exposition complete
    alive: bool = True
    queued: bool = False  # a version waits in the outbox
    #: Stored as validated or later, then its last patient zéro was purged or deleted
    #: (see ``TOLERATE_ORPHANED_CONTACTS``).
    orphaned: bool = False

    @property
    def due(self) -> datetime:
        return three_months(self.first_stored)

    def valid(self, links: dict[str, bool] | None = None) -> bool:
        links = self.links if links is None else links
        if not self.filled:
            return False
        return self.kind is FicheKind.PATIENT_ZERO or (bool(links) and all(links.values()))


@dataclass
class Autosaved:
    """A form's draft of a fiche never saved."""

    fiche: AnyFiche
    filled: bool
    first_write: datetime

    @property
    def due(self) -> datetime:
        return three_months(self.first_write)


# ------------------------------------------------------------------- machine


class ServiceMachine(RuleBasedStateMachine):
    """Random sessions of one user on one station."""

    template: Path  # an initialised empty store, copied for each run

    autosaved = Bundle("autosaved")  # UUIDs of new fiches with a draft, not saved yet
    fiches = Bundle("fiches")  # UUIDs of fiches saved once (maybe gone since)

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="invariants-"))
        data_dir = self.tmp / "data"
        copy_store(self.template, data_dir)
        self.previous_clock = clock_mod.get_clock()
        self.clock = FakeClock(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
        clock_mod.set_clock(self.clock)
        self.db: Database = open_store(data_dir)
        self.service = FicheService(self.db, USER)
        self.repo = FicheRepository(self.db, USER)
        self.drafts = DraftStore(self.db, owner=USER)
        self.known: dict[str, Known] = {}
        self.autosaved: dict[str, Autosaved] = {}
        #: First storage of every UUID ever written (draft or fiche), for the drafts table.
        self.first_storage: dict[str, datetime] = {}
        self.last_purge: datetime | None = None

    def teardown(self) -> None:
        try:
            self.db.close()
        finally:
            clock_mod.set_clock(self.previous_clock)
            shutil.rmtree(self.tmp, ignore_errors=True)

    # ------------------------------------------------------------- helpers

    @property
    def now(self) -> datetime:
        return self.clock.now()

    def tick(self, wait: timedelta) -> None:
        self.clock.advance(wait)

    def today(self) -> date:
        return self.service.today()

    def snapshot(self, *uuids: str) -> tuple[Any, ...]:
        """Everything a refused action must leave as it was."""
        rows = []
        for uuid in uuids:
            rows.append(self.db.query("SELECT * FROM fiches WHERE uuid = ?", (uuid,)))
            rows.append(
                self.db.query(
                    "SELECT * FROM expositions WHERE contact_uuid = ? OR patient_zero_uuid = ?"
                    " ORDER BY id",
                    (uuid, uuid),
                )
            )
        counts = [
            self.db.query_one(f"SELECT count(*), max(id) FROM {table}")
            for table in ("outbox", "journal", "fiches", "expositions")
        ]
        return (*[tuple(map(tuple, r)) for r in rows], *[tuple(c or ()) for c in counts])

    @staticmethod
    def links_of(fiche: AnyFiche) -> dict[str, bool]:
        if not isinstance(fiche, Contact):
            return {}
        return {
            e.patient_zero_uuid: e.risk is not None and e.last_contact is not None
            for e in fiche.expositions
        }

    def live(self, kind: FicheKind) -> list[str]:
        # In the order they were stored (UUIDs are random: never sort on them, or a
        # replayed run would pick other fiches).
        return [u for u, k in self.known.items() if k.alive and k.kind is kind]

    def stored_row(self, uuid: str) -> tuple[Any, ...] | None:
        row = self.db.query_one(
            "SELECT state, version, created_at, deadline, sync_state FROM fiches WHERE uuid = ?",
            (uuid,),
        )
        return tuple(row) if row is not None else None

    def saved(self, fiche: AnyFiche, known: Known) -> None:
        """Record a save the service accepted and check the stored row against the model."""
        known.state = fiche.state
        known.queued = fiche.state is not DRAFT
        known.orphaned = False  # it went through the gate again
        if isinstance(fiche, Contact):
            known.links = self.links_of(fiche)
        row = self.stored_row(fiche.uuid)
        assert row is not None
        assert row[0] == fiche.state.value
        assert from_db(row[2]) == known.first_stored == fiche.created_at

    def forget(self, uuid: str) -> None:
        """*uuid* left the store (deleted or purged): its links went with it."""
        self.known[uuid].alive = False
        self.known[uuid].queued = False
        for other in self.known.values():
            unlinked = other.links.pop(uuid, None) is not None and not other.links
            if unlinked and other.alive and other.state is not DRAFT:
                # Its last patient zéro went: reopened in the same transaction.
                event("validated contact left without its patient zéro: reopened")
                other.state = DRAFT
                other.queued = False

    def expect_gone(self, uuid: str, action: Any) -> None:
        event("action on a fiche no longer stored: refused")
        before = self.snapshot(uuid)
        with pytest.raises(FicheNotFoundError):
            action()
        assert self.snapshot(uuid) == before

    # --------------------------------------------------------------- rules

    @initialize(start=starts)
    def start_clock(self, start: datetime) -> None:
        self.clock.set(start)

    @rule(
        target=fiches,
        kind=kinds,
        wait=waits,
        name=names,
        filled=st.booleans(),
        validate_now=st.booleans(),
        data=st.data(),
    )
    def new_fiche(
        self,
        kind: FicheKind,
        wait: timedelta,
        name: tuple[str, str],
        filled: bool,
        validate_now: bool,
        data: st.DataObject,
    ) -> str:
        """A fiche typed and saved at once: a draft (maybe a name only) or validated.

        A contact is linked to a patient zéro or not.
        """
        self.tick(wait)
        today = self.today()
        fiche: AnyFiche
        if kind is FicheKind.PATIENT_ZERO:
            fiche = PatientZero(birth_name=name[0], first_names=name[1])
        else:
            fiche = Contact(birth_name=name[0], first_names=name[1])
            candidates = self.live(FicheKind.PATIENT_ZERO)
            if candidates and data.draw(st.booleans(), label="linked"):
                pz = data.draw(st.sampled_from(candidates), label="patient zéro")
                fiche.expositions.append(exposition(pz, today, complete=filled))
        if filled:
            fill(fiche, today)
        known = Known(kind, self.now, DRAFT, filled)
        if validate_now and known.valid(self.links_of(fiche)):
            self.service.validate(fiche)
        else:
            self.service.save(fiche)
        event(f"new {kind.value}: {fiche.state.value}")
        self.first_storage[fiche.uuid] = self.now
        self.known[fiche.uuid] = known
        self.saved(fiche, known)
        return fiche.uuid

    @rule(target=autosaved, kind=kinds, wait=waits, name=names, filled=st.booleans())
    def autosave_new(
        self, kind: FicheKind, wait: timedelta, name: tuple[str, str], filled: bool
    ) -> str:
        """A form for a new fiche writes its draft (the fiche is not saved yet)."""
        self.tick(wait)
        cls = PatientZero if kind is FicheKind.PATIENT_ZERO else Contact
        fiche: AnyFiche = cls(birth_name=name[0], first_names=name[1])
        if filled:
            fill(fiche, self.today())
        self.drafts.put(fiche.uuid, fiche.kind, 0, fiche_to_dict(fiche))
        self.autosaved[fiche.uuid] = Autosaved(fiche, filled, self.now)
        self.first_storage[fiche.uuid] = self.now
        draft = self.drafts.get(fiche.uuid)
        assert draft is not None and draft.created_at == self.now
        assert draft.deadline <= three_months(self.now)
        return fiche.uuid

    @rule(uuid=autosaved, wait=waits)
    def autosave_again(self, uuid: str, wait: timedelta) -> None:
        """The same form writes its draft again: the first write stays (unless it expired)."""
        self.tick(wait)
        auto = self.autosaved[uuid]
        auto.fiche.usage_name = auto.fiche.usage_name + "x"
        expired = self.now >= auto.due
        self.drafts.put(uuid, auto.fiche.kind, 0, fiche_to_dict(auto.fiche))
        event(f"autosave again: {'after its deadline' if expired else 'live draft'}")
        if expired:
            # The draft was deleted at its deadline; this write is a new first byte.
            auto.first_write = self.now
            self.first_storage[uuid] = self.now
        draft = self.drafts.get(uuid)
        assert draft is not None
        assert draft.created_at == auto.first_write
        assert draft.data["nom_usage"] == auto.fiche.usage_name

    @rule(target=fiches, uuid=consumes(autosaved), wait=waits, discard=st.booleans())
    def first_save(self, uuid: str, wait: timedelta, discard: bool) -> Any:
        """Save the autosaved form as a draft: created at the draft's first write."""
        self.tick(wait)
        auto = self.autosaved.pop(uuid)
        draft = self.drafts.get(uuid)
        if self.now >= auto.due:
            assert draft is None, "a draft past its deadline is still offered"
            event("first save: draft gone at its deadline")
            return multiple()
        assert draft is not None and draft.created_at == auto.first_write
        fiche = fiche_from_dict(draft.data)
        assert fiche.uuid == uuid and fiche.version == 0 and fiche.created_at is None
        self.service.save(fiche)
        assert fiche.created_at == auto.first_write, (
            f"first save at {self.now} created the fiche at {fiche.created_at},"
            f" not at its draft's first write {auto.first_write}"
        )
        event("first save of an autosaved draft")
        known = Known(fiche.kind, auto.first_write, DRAFT, auto.filled)
        self.known[uuid] = known
        self.saved(fiche, known)
        if discard:  # as the window does after a save
            assert self.drafts.discard(uuid)
        return uuid

    @rule(uuid=fiches, wait=waits)
    def autosave_an_edit(self, uuid: str, wait: timedelta) -> None:
        """A form open on a stored fiche writes its draft (capped at the fiche's deadline)."""
        self.tick(wait)
        known = self.known[uuid]
        if not known.alive:
            return
        fiche = self.service.peek(uuid)
        fiche.usage_name += "y"
        self.drafts.put(
            uuid, fiche.kind, fiche.version, fiche_to_dict(fiche), created_at=fiche.created_at
        )
        draft = self.drafts.get(uuid)
        if self.now < known.due:
            assert draft is not None and draft.base_version == fiche.version

    @rule(uuid=fiches, wait=waits, data=st.data())
    def complete_and_validate(self, uuid: str, wait: timedelta, data: st.DataObject) -> None:
        """Fill in what is missing (a contact: link it if it has no patient zéro), validate."""
        self.tick(wait)
        known = self.known[uuid]
        if not known.alive:
            self.expect_gone(uuid, lambda: self.service.peek(uuid))
            return
        today = self.today()
        fiche = self.service.peek(uuid)
        if isinstance(fiche, Contact) and not fiche.expositions:
            candidates = self.live(FicheKind.PATIENT_ZERO)
            if candidates:
                pz = data.draw(st.sampled_from(candidates), label="patient zéro")
                fiche.expositions.append(exposition(pz, today, complete=True))
        fill(fiche, today)
        previous = fiche.state
        if isinstance(fiche, PatientZero) or fiche.expositions:
            assert errors_of(fiche, today) == []
            self.service.validate(fiche)
            event(f"complete and validate {fiche.kind.value}: accepted")
            known.filled = True
            self.saved(fiche, known)
        else:  # a contact with no patient zéro to be linked to
            event("complete and validate contact: refused (no patient zéro)")
            before = self.snapshot(uuid)
            with pytest.raises(FicheRefused):
                self.service.validate(fiche)
            assert self.snapshot(uuid) == before, "a refused validation wrote something"
            assert fiche.state is previous

    @rule(uuid=fiches, wait=waits)
    def validate_as_is(self, uuid: str, wait: timedelta) -> None:
        """Validate the stored fiche as it is: refused, writing nothing, unless complete."""
        self.tick(wait)
        known = self.known[uuid]
        if not known.alive:
            self.expect_gone(uuid, lambda: self.service.set_state(uuid, LifecycleState.VALIDATED))
            return
        event(f"validate as is: {'accepted' if known.valid() else 'refused'}")
        if known.valid():
            fiche = self.service.set_state(uuid, LifecycleState.VALIDATED)
            self.saved(fiche, known)
        else:
            before = self.snapshot(uuid)
            with pytest.raises(FicheRefused):
                self.service.set_state(uuid, LifecycleState.VALIDATED)
            assert self.snapshot(uuid) == before, "a refused validation wrote something"

    @rule(uuid=fiches, wait=waits)
    def reopen(self, uuid: str, wait: timedelta) -> None:
        self.tick(wait)
        known = self.known[uuid]
        if not known.alive:
            self.expect_gone(uuid, lambda: self.service.reopen(uuid))
            return
        event(f"reopen from {known.state.value}")
        fiche = self.service.reopen(uuid)
        assert fiche.state is DRAFT
        self.saved(fiche, known)

    @rule(uuid=fiches, wait=waits)
    def close(self, uuid: str, wait: timedelta) -> None:
        """Close: refused for a draft (TransitionRefused) and for an invalid fiche."""
        self.tick(wait)
        known = self.known[uuid]
        if not known.alive:
            self.expect_gone(uuid, lambda: self.service.close(uuid))
            return
        before = self.snapshot(uuid)
        with pytest.raises(TransitionRefused):  # « transmise » is the central service's word
            self.service.set_state(uuid, LifecycleState.TRANSMITTED)
        assert self.snapshot(uuid) == before
        if known.state is not DRAFT and known.valid():
            fiche = self.service.close(uuid)
            event("close: accepted")
            assert fiche.state is LifecycleState.CLOSED
            self.saved(fiche, known)
            return
        before = self.snapshot(uuid)
        refusal = TransitionRefused if known.state is DRAFT else FicheRefused
        event(f"close: {refusal.__name__}")
        with pytest.raises(refusal):
            self.service.close(uuid)
        assert self.snapshot(uuid) == before, "a refused closing wrote something"

    def pick(self, data: st.DataObject, kind: FicheKind, label: str) -> str:
        """A fiche of *kind* the session knows: live ones first, gone ones last."""
        candidates = sorted(
            (u for u, k in self.known.items() if k.kind is kind),
            key=lambda u: not self.known[u].alive,
        )  # stable: in the order they were stored
        return data.draw(st.sampled_from(candidates), label=label)

    def knows(self, kind: FicheKind) -> bool:
        return any(k.kind is kind for k in self.known.values())

    @precondition(lambda self: self.knows(FicheKind.CONTACT) and self.knows(FicheKind.PATIENT_ZERO))
    @rule(wait=waits, complete=st.booleans(), data=st.data())
    def link(self, wait: timedelta, complete: bool, data: st.DataObject) -> None:
        """Link a contact to a patient zéro; an incomplete link to a validated one is refused."""
        self.tick(wait)
        contact = self.pick(data, FicheKind.CONTACT, "contact")
        pz = self.pick(data, FicheKind.PATIENT_ZERO, "patient zéro")
        known = self.known[contact]
        exp = exposition(pz, self.today(), complete=complete)
        if not (known.alive and self.known[pz].alive):
            event("link with a fiche no longer stored: refused")
            before = self.snapshot(contact, pz)
            with pytest.raises(FicheNotFoundError):
                self.service.link(contact, exp)
            assert self.snapshot(contact, pz) == before
            return
        links = {**known.links, pz: complete}
        accepted = known.state is DRAFT or known.valid(links)
        event(f"link to a {known.state.value} contact: {'accepted' if accepted else 'refused'}")
        if accepted:
            saved = self.service.link(contact, exp)
            assert {e.patient_zero_uuid for e in saved.expositions} == set(links)
            self.saved(saved, known)
        else:
            before = self.snapshot(contact, pz)
            with pytest.raises(FicheRefused):
                self.service.link(contact, exp)
            assert self.snapshot(contact, pz) == before, "a refused link wrote something"

    @precondition(lambda self: self.knows(FicheKind.CONTACT))
    @rule(target=fiches, wait=waits, data=st.data())
    def promote(self, wait: timedelta, data: st.DataObject) -> Any:
        """A patient zéro made from a contact keeps the contact's creation instant."""
        self.tick(wait)
        contact = self.pick(data, FicheKind.CONTACT, "contact")
        known = self.known[contact]
        if not known.alive:
            self.expect_gone(contact, lambda: self.service.promote(contact))
            return multiple()
        contact_row = self.db.query_one("SELECT * FROM fiches WHERE uuid = ?", (contact,))
        assert contact_row is not None
        pz = self.service.promote(contact)
        event(f"promote a {known.state.value} contact")
        assert self.db.query_one("SELECT * FROM fiches WHERE uuid = ?", (contact,)) == contact_row
        assert pz.state is DRAFT
        assert pz.support_consent is None, "the promotion copied the support consent"
        assert pz.created_at == known.first_stored, (
            f"promoted patient zéro created at {pz.created_at}, its contact at {known.first_stored}"
        )
        new = Known(FicheKind.PATIENT_ZERO, known.first_stored, DRAFT, filled=False)
        self.known[pz.uuid] = new
        self.first_storage[pz.uuid] = known.first_stored
        self.saved(pz, new)
        return pz.uuid

    @precondition(lambda self: self.knows(FicheKind.PATIENT_ZERO))
    @rule(wait=waits, validate_now=st.booleans(), data=st.data())
    def save_contact_form_linked_earlier(
        self, wait: timedelta, validate_now: bool, data: st.DataObject
    ) -> None:
        """A new contact's form was linked to a patient zéro that may be gone by the save."""
        self.tick(wait)
        pz = self.pick(data, FicheKind.PATIENT_ZERO, "patient zéro")
        today = self.today()
        contact = Contact(birth_name="Durand", first_names="Paul")
        contact.expositions.append(exposition(pz, today, complete=True))
        fill(contact, today)
        act = self.service.validate if validate_now else self.service.save
        if self.known[pz].alive:
            act(contact)
            event(f"contact form linked earlier: {contact.state.value}")
            known = Known(FicheKind.CONTACT, self.now, DRAFT, filled=True)
            self.first_storage[contact.uuid] = self.now
            self.known[contact.uuid] = known
            self.saved(contact, known)
            return
        before = self.snapshot(contact.uuid)
        with pytest.raises(GONE_PATIENT_ZERO_REFUSALS) as refused:
            act(contact)
        event(f"contact form linked to a gone patient zéro: {refused.type.__name__}")
        assert self.snapshot(contact.uuid) == before, "a refused save wrote something"
        assert contact.version == 0 and contact.created_at is None

    def journal_size(self) -> int:
        row = self.db.query_one("SELECT count(*) FROM journal")
        return int(row[0]) if row else 0

    def last_journal(self) -> tuple[str, str, str | None]:
        row = self.db.query_one("SELECT user, action, fiche_uuid FROM journal ORDER BY id DESC")
        assert row is not None
        return str(row[0]), str(row[1]), row[2]

    def check_consultation_journaled(self, size: int, shown: bool, uuid: str | None) -> None:
        """What showed names is journaled once (by UUID at most); an empty answer may not be."""
        if shown:
            assert self.journal_size() == size + 1, "a consultation was not journaled"
            assert self.last_journal() == (USER, JournalAction.VIEW.value, uuid)
        else:
            assert self.journal_size() in (size, size + 1)

    @precondition(lambda self: bool(self.known))
    @rule(
        wait=waits,
        what=st.sampled_from(["open", "contacts_of", "upcoming", "list"]),
        within=st.integers(0, 100),
        data=st.data(),
    )
    def consult(self, wait: timedelta, what: str, within: int, data: st.DataObject) -> None:
        """Reads show what the model holds, and each consultation is journaled."""
        self.tick(wait)
        size = self.journal_size()
        view = JournalAction.VIEW.value
        if what == "open":
            uuid = data.draw(st.sampled_from(list(self.known)), label="fiche")
            if not self.known[uuid].alive:
                with pytest.raises(FicheNotFoundError):
                    self.service.open(uuid)
                assert self.journal_size() == size
                return
            fiche = self.service.open(uuid)
            assert fiche.uuid == uuid and fiche.state is self.known[uuid].state
            assert self.journal_size() == size + 1
            assert self.last_journal() == (USER, view, uuid)
        elif what == "contacts_of":
            if not self.knows(FicheKind.PATIENT_ZERO):
                return
            pz = self.pick(data, FicheKind.PATIENT_ZERO, "patient zéro")
            linked = {lc.contact.uuid for lc in self.service.contacts_of(pz)}
            expected = {u for u, k in self.known.items() if k.alive and pz in k.links}
            assert linked == expected
            self.check_consultation_journaled(size, bool(expected), pz)
        elif what == "upcoming":
            until = self.now + timedelta(days=within)
            found = self.service.upcoming(until)
            expected = {u for u, k in self.known.items() if k.alive and k.due <= until}
            assert {r.uuid for r in found.rows} == expected and found.total == len(expected)
            self.check_consultation_journaled(size, bool(expected), None)
        else:
            state = data.draw(st.sampled_from(LifecycleState), label="state")
            rows = self.service.list_rows(FicheQuery(state=state), 0, 500)
            expected = {u for u, k in self.known.items() if k.alive and k.state is state}
            assert {r.uuid for r in rows} == expected
            self.check_consultation_journaled(size, bool(expected), None)
        event(f"consult: {what}")

    @rule(uuid=fiches, wait=waits, confirmed=st.sampled_from([False, False, True]))
    def delete(self, uuid: str, wait: timedelta, confirmed: bool) -> None:
        """Delete a fiche (the question is mostly answered « non »)."""
        self.tick(wait)
        if not confirmed:
            return
        if not self.known[uuid].alive:
            self.expect_gone(uuid, lambda: self.service.delete(uuid))
            return
        self.service.delete(uuid)
        event("delete")
        self.forget(uuid)
        assert self.stored_row(uuid) is None

    def _purge(self) -> None:
        due = {u for u, k in self.known.items() if k.alive and k.due <= self.now}
        alive = {u for u, k in self.known.items() if k.alive}
        report = run_purge(self.db, USER)
        left = {str(r[0]) for r in self.db.query("SELECT uuid FROM fiches")}
        assert left == alive - due, (
            f"purge at {self.now}: kept {sorted(left - (alive - due))},"
            f" deleted {sorted((alive - due) - left)} against the model"
        )
        assert report.fiches == len(due)
        event(f"purge deleted {min(len(due), 3)}{'+' if len(due) >= 3 else ''} fiche(s)")
        for uuid in due:
            self.forget(uuid)
        self.last_purge = self.now

    @precondition(lambda self: bool(self.known or self.autosaved))
    @rule(wait=waits, at_deadline=st.none() | around)
    def purge(self, wait: timedelta, at_deadline: timedelta | None) -> None:
        """The purge runs some time later, or just before, on or just after the next deadline."""
        deadlines = [k.due for k in self.known.values() if k.alive]
        deadlines += [a.due for a in self.autosaved.values()]
        later = [d + at_deadline for d in deadlines if at_deadline is not None]
        later = [d for d in later if d > self.now]
        if later:
            self.clock.set(min(later))
        else:
            self.tick(wait)
        self._purge()

    @precondition(lambda self: any(k.alive for k in self.known.values()))
    @rule(wait=waits, ack=st.sampled_from(["none", "first", "all"]))
    def drain(self, wait: timedelta, ack: str) -> None:
        """The sync's reader: exactly the validated fiches waiting, never a draft."""
        self.tick(wait)
        items = next_batch(self.db, self.now, 500)
        got = [i.uuid for i in items]
        assert len(got) == len(set(got))
        for uuid in got:
            assert self.known[uuid].state is not DRAFT, f"next_batch returned draft {uuid}"
        expected = {u for u, k in self.known.items() if k.alive and k.queued and k.due > self.now}
        assert set(got) == expected, (
            f"next_batch returned {sorted(got)}, validated fiches waiting : {sorted(expected)}"
        )
        chosen = {"none": [], "first": items[:1], "all": items}[ack]
        event(f"drain: {'items' if items else 'empty'}, {len(chosen) and 'acknowledged'}")
        if chosen:
            sent = {i.uuid: i.version for i in chosen}
            outcomes = [
                FicheOutcome(i.uuid, i.version, "accepted", f"R-{i.uuid[:8]}") for i in chosen
            ]
            applied = apply_outcomes(self.db, outcomes, sent, self.now, USER)
            assert applied.accepted == len(chosen)
            for item in chosen:
                self.known[item.uuid].queued = False
                row = self.stored_row(item.uuid)
                assert row is not None and row[4] == SyncState.SENT.value

    # ---------------------------------------------------------- invariants

    @invariant()
    def store_matches_model(self) -> None:
        rows = {str(r[0]): str(r[1]) for r in self.db.query("SELECT uuid, state FROM fiches")}
        alive = {u: k.state.value for u, k in self.known.items() if k.alive}
        assert rows == alive

    @invariant()
    def validated_fiches_are_valid(self) -> None:
        """1. Every fiche stored as validée or later passes the validation today."""
        today = self.today()
        for (uuid,) in self.db.query("SELECT uuid FROM fiches WHERE state != ?", (DRAFT.value,)):
            fiche = self.repo.get(str(uuid), journal_consultation=False)
            errors = errors_of(fiche, today)
            if self.known[str(uuid)].orphaned and TOLERATE_ORPHANED_CONTACTS:
                event("validated contact left without its patient zéro (tolerated)")
                errors = [e for e in errors if e != NO_EXPOSITION]
            assert errors == [], (
                f"{fiche.kind.value} {uuid} is {fiche.state.value} but does not validate"
                f" on {today}: {errors}"
            )

    @invariant()
    def only_validated_fiches_are_queued(self) -> None:
        """2. No pending entry of a draft; every fiche marked pending has one."""
        drafts_queued = self.db.query(
            "SELECT o.fiche_uuid, o.version FROM outbox o JOIN fiches f ON f.uuid = o.fiche_uuid"
            " WHERE o.state = 'pending' AND f.state = ?",
            (DRAFT.value,),
        )
        assert drafts_queued == [], f"drafts in the outbox: {drafts_queued}"
        orphans = self.db.query(
            "SELECT fiche_uuid FROM outbox WHERE state = 'pending'"
            " AND fiche_uuid NOT IN (SELECT uuid FROM fiches)"
        )
        assert orphans == [], f"pending entries of fiches no longer stored: {orphans}"
        unqueued = self.db.query(
            "SELECT uuid FROM fiches f WHERE state != ? AND sync_state = ? AND NOT EXISTS"
            " (SELECT 1 FROM outbox o WHERE o.fiche_uuid = f.uuid AND o.state = 'pending')",
            (DRAFT.value, SyncState.PENDING.value),
        )
        assert unqueued == [], f"fiches marked pending with nothing queued: {unqueued}"
        drafts_marked = self.db.query(
            "SELECT uuid, sync_state FROM fiches WHERE state = ? AND sync_state != ?",
            (DRAFT.value, SyncState.LOCAL.value),
        )
        assert drafts_marked == [], f"drafts not marked local: {drafts_marked}"
        for uuid, sync_state in self.db.query("SELECT uuid, sync_state FROM fiches"):
            known = self.known[str(uuid)]
            assert (sync_state == SyncState.PENDING.value) == known.queued, (
                f"{uuid}: sync_state {sync_state}, model queued={known.queued}"
            )

    @invariant()
    def retention_runs_from_the_first_byte(self) -> None:
        """3. Never created later than first stored; nothing due at the last purge is left."""
        for uuid, created, deadline in self.db.query(
            "SELECT uuid, created_at, deadline FROM fiches"
        ):
            known = self.known[str(uuid)]
            first = known.first_stored
            assert from_db(str(created)) <= first, (
                f"{uuid} created_at {created}, first stored {to_db(first)}: the 3 months restarted"
            )
            assert from_db(str(deadline)) <= three_months(first), (
                f"{uuid} deadline {deadline} is later than 3 months after {to_db(first)}"
            )
            if self.last_purge is not None:
                assert known.due > self.last_purge, (
                    f"{uuid}, first stored {to_db(first)}, was due by the purge at"
                    f" {to_db(self.last_purge)} and is still here"
                )
                assert from_db(str(deadline)) > self.last_purge
        for uuid, deadline in self.db.query("SELECT uuid, deadline FROM drafts"):
            first = self.first_storage[str(uuid)]
            assert from_db(str(deadline)) <= three_months(first), (
                f"draft {uuid}: deadline {deadline} later than 3 months after {to_db(first)}"
            )
            if self.last_purge == self.now:
                assert from_db(str(deadline)) > self.now, f"draft {uuid} survived its purge"

    @invariant()
    def journal_holds_no_personal_data(self) -> None:
        """The journal names fiches by UUID only (never a name typed in them)."""
        for row in self.db.query("SELECT user, action, fiche_uuid, detail FROM journal"):
            text = " ".join(str(v) for v in row)
            leaked = [n for n in (*SURNAMES, *FIRST_NAMES) if n in text]
            assert not leaked, f"journal entry {row} holds {leaked}"

    @invariant()
    def drafts_never_leave(self) -> None:
        """4. The sync's reader never returns a draft (nor a fiche past its deadline)."""
        states = {str(r[0]): str(r[1]) for r in self.db.query("SELECT uuid, state FROM fiches")}
        for item in next_batch(self.db, self.now, 500):
            assert states[item.uuid] != DRAFT.value, f"next_batch returned draft {item.uuid}"
            assert item.deadline > self.now


def machine_for(tmp_path: Path) -> type[ServiceMachine]:
    """The machine, with one initialised store copied afresh for each run."""
    template = tmp_path / "template"
    init_store(template)
    return type("ServiceInvariants", (ServiceMachine,), {"template": template})


def test_service_invariants(tmp_path: Path) -> None:
    run_state_machine_as_test(machine_for(tmp_path), settings=FAST)


@pytest.mark.slow
def test_service_invariants_long(tmp_path: Path) -> None:
    run_state_machine_as_test(machine_for(tmp_path), settings=LONG)


@pytest.mark.parametrize("removal", ["purge", "delete"])
def test_a_contact_left_without_its_patient_zero_is_reopened(
    tmp_path: Path, fake_clock: FakeClock, removal: str
) -> None:
    """validated ⇒ valid, whatever the path: also when the patient zéro goes first.

    The contact's only exposition went with its patient zéro: it is reopened in the
    same transaction (pending version withdrawn, ``reouverture`` journaled) and kept
    until its own deadline.
    """
    init_store(tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        service = FicheService(db, USER)
        today = service.today()
        pz = service.save(PatientZero(birth_name="Martin", first_names="Marie"))
        fake_clock.advance(timedelta(minutes=1))
        contact = Contact(birth_name="Durand", first_names="Paul")
        contact.expositions.append(exposition(pz.uuid, today, complete=True))
        service.validate(fill(contact, today))
        assert pz.created_at is not None
        if removal == "purge":
            fake_clock.set(three_months(pz.created_at))  # the contact's is a minute later
            assert run_purge(db, USER).fiches == 1
        else:
            service.delete(pz.uuid)
        stored = service.peek(contact.uuid)
        assert stored.state is LifecycleState.DRAFT and stored.version == contact.version + 1
        pending = db.query(
            "SELECT count(*) FROM outbox WHERE fiche_uuid = ? AND state = 'pending'",
            (contact.uuid,),
        )
        assert pending == [(0,)]
        assert next_batch(db, fake_clock.now(), 10) == []
        row = db.query_one(
            "SELECT action FROM journal WHERE fiche_uuid = ? ORDER BY id DESC", (contact.uuid,)
        )
        assert row == ("reouverture",)
    finally:
        db.close()


def test_saving_a_contact_whose_patient_zero_is_gone_is_a_known_refusal(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    """A form open while its patient zéro is purged or deleted: a refusal the window knows."""
    init_store(tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        service = FicheService(db, USER)
        pz = service.save(PatientZero(birth_name="Martin", first_names="Marie"))
        contact = Contact(birth_name="Durand", first_names="Paul")
        contact.expositions.append(Exposition(patient_zero_uuid=pz.uuid))
        service.delete(pz.uuid)  # elsewhere, while the contact's form is open
        with pytest.raises(PatientZeroGone):
            service.save(contact)
        assert db.query_one("SELECT count(*) FROM fiches") == (0,)
    finally:
        db.close()
