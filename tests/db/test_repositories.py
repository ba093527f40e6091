"""Repositories: round-trips, one transaction per write, search, links, encryption at rest."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from complete import complete
from hypothesis import HealthCheck, given, settings

from app.core.clock import FakeClock
from app.core.enums import FicheKind, JournalAction, LifecycleState, SyncState
from app.core.models import Address, Contact, Exposition, PatientZero, new_uuid
from app.db import journal
from app.db.connection import Database
from app.db.fiche_queries import FicheQuery
from app.db.repositories import (
    FicheNotFoundError,
    FicheRepository,
    StaleVersionError,
    journal_rows,
)
from app.db.store import init_store, open_store
from app.services.fiches import FicheService
from tests.core.strategies import contacts, patients_zero

MARK_NAME = "ZYXWVOQUETTE"
MARK_NIR = "279052A00412309"  # valid key, Corsica 2A
MARK_PHONE = "+33698765432"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    init_store()
    database = open_store()
    yield database
    database.close()


@pytest.fixture
def repo(db: Database, fake_clock: FakeClock) -> FicheRepository:
    return FicheRepository(db, "infirmiere.test")


def _pz(**kw: Any) -> PatientZero:
    base: dict[str, Any] = {"birth_name": "Lefèvre", "first_names": "Hélène"}
    base.update(kw)
    return PatientZero(**base)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pz=patients_zero(), contact=contacts())
def test_every_field_round_trips(repo: FicheRepository, pz: PatientZero, contact: Contact) -> None:
    # hypothesis may replay the same UUIDs; the database persists across examples
    pz.uuid, contact.uuid = new_uuid(), new_uuid()
    pz.version = contact.version = 0
    saved_pz = repo.save(pz)
    for exp in contact.expositions:
        exp.patient_zero_uuid = saved_pz.uuid
        exp.uuid = new_uuid()
    # one link per patient zéro: keep the first exposition only
    contact.expositions = contact.expositions[:1]
    repo.save(contact)
    assert repo.get(pz.uuid) == pz
    assert repo.get(contact.uuid) == contact
    assert pz.version == 1 and pz.created_at == repo.now()


def test_creation_instant_is_fixed_at_first_save(
    repo: FicheRepository, fake_clock: FakeClock
) -> None:
    pz = repo.save(_pz())
    created = pz.created_at
    fake_clock.advance(timedelta(days=3))
    pz.first_names = "Hélène Marie"
    repo.save(pz)
    again = repo.get(pz.uuid)
    assert again.created_at == created
    assert again.updated_at == created + timedelta(days=3)
    assert again.version == 2


def test_stale_version_is_refused(repo: FicheRepository) -> None:
    pz = repo.save(_pz())
    copy = repo.get(pz.uuid)
    pz.first_names = "A"
    repo.save(pz)
    copy.first_names = "B"
    with pytest.raises(StaleVersionError):
        repo.save(copy)
    assert repo.get(pz.uuid).first_names == "A"


def test_every_write_appends_outbox_and_journal(
    repo: FicheRepository, db: Database, fake_clock: FakeClock
) -> None:
    pz = repo.save(_pz())
    # A draft never enters the outbox; its validation does (through the service's gate).
    assert db.query("SELECT count(*) FROM outbox") == [(0,)]
    FicheService(db, repo.user).validate(complete(pz, fake_clock.now().date()))
    outbox = db.query("SELECT fiche_uuid, version, op, state FROM outbox ORDER BY id")
    assert outbox == [(pz.uuid, 2, "upsert", "pending")]
    actions = [(r[2], r[3], r[4]) for r in journal_rows(db)]
    assert ("infirmiere.test", JournalAction.CREATE.value, pz.uuid) in actions
    assert ("infirmiere.test", JournalAction.VALIDATE.value, pz.uuid) in actions
    assert journal.chain_ok(journal_rows(db))


def test_journal_holds_no_personal_data(repo: FicheRepository, db: Database) -> None:
    pz = repo.save(_pz(birth_name=MARK_NAME, nir=MARK_NIR, phones=[MARK_PHONE]))
    repo.get(pz.uuid)
    for row in db.query("SELECT * FROM journal"):
        flat = " ".join(str(v) for v in row)
        for marker in (MARK_NAME, MARK_NIR, MARK_PHONE, "Hélène"):
            assert marker.lower() not in flat.lower()


class _FailingCursor:
    """Passes everything to the real cursor but fails on the outbox insert."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def executemany(self, sql: str, rows: Any) -> Any:
        if sql.startswith("INSERT INTO outbox"):
            raise RuntimeError("injected failure between record and outbox entry")
        return self._real.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def test_failure_between_record_and_outbox_leaves_neither(
    repo: FicheRepository, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_transaction = db.transaction

    @contextlib.contextmanager
    def failing_transaction() -> Iterator[Any]:
        with real_transaction() as cur:
            yield _FailingCursor(cur)

    monkeypatch.setattr(db, "transaction", failing_transaction)
    fiche = _pz(state=LifecycleState.VALIDATED)  # only a non-draft is queued
    with pytest.raises(RuntimeError, match="injected"):
        repo.save(fiche)
    monkeypatch.undo()
    assert fiche.version == 0 and fiche.created_at is None  # untouched by the failed save
    assert db.query("SELECT count(*) FROM fiches") == [(0,)]
    assert db.query("SELECT count(*) FROM outbox") == [(0,)]
    assert db.query("SELECT count(*) FROM journal WHERE action = 'creation'") == [(0,)]
    repo.save(fiche)  # the same object saves once the fault is gone
    assert fiche.version == 1 and repo.get(fiche.uuid).version == 1


def test_search_is_accent_and_case_insensitive(repo: FicheRepository) -> None:
    repo.save(_pz(birth_name="Lefèvre", first_names="Hélène"))
    repo.save(_pz(birth_name="Dupont", first_names="Jérôme"))
    assert [r.display_name for r in repo.list_rows(FicheQuery(text="lefevre"), 0, 10)] == [
        "LEFÈVRE Hélène"
    ]
    assert repo.count(FicheQuery(text="HELENE")) == 1
    assert repo.count(FicheQuery(text="jerome dup")) == 1
    assert repo.count(FicheQuery(text="xavier")) == 0


def test_search_by_birth_date_nir_and_phone(repo: FicheRepository) -> None:
    repo.save(_pz(birth_date=date(1950, 3, 2), nir="179052A00412359", phones=["+33612345678"]))
    repo.save(_pz(birth_name="Autre", birth_date=date(1960, 1, 1)))
    assert repo.count(FicheQuery(text="02/03/1950")) == 1
    assert repo.count(FicheQuery(text="1950-03-02")) == 1
    assert repo.count(FicheQuery(text="17905")) == 1
    assert repo.count(FicheQuery(text="06 12 34")) == 1
    assert repo.count(FicheQuery(text="+33 6 12 34 56 78")) == 1


def test_filters_and_summary(repo: FicheRepository, fake_clock: FakeClock) -> None:
    old = repo.save(_pz(birth_name="Ancien"))
    fake_clock.advance(timedelta(days=85))
    pz = repo.save(_pz(establishment=dataclasses.replace(old.establishment, unit="Gériatrie")))
    repo.save(Contact(birth_name="Contact", expositions=[Exposition(patient_zero_uuid=pz.uuid)]))
    assert repo.count(FicheQuery(kind=FicheKind.CONTACT)) == 1
    assert repo.count(FicheQuery(kind=FicheKind.PATIENT_ZERO)) == 2
    assert repo.count(FicheQuery(unit="Gériatrie")) == 1
    assert repo.count(FicheQuery(sync_state=SyncState.LOCAL)) == 3  # drafts: never queued
    # created 85 days ago: its 3-month deadline is within the next 7 days
    due = repo.list_rows(FicheQuery(due_within_days=7), 0, 10)
    assert [r.uuid for r in due] == [old.uuid]
    assert repo.summary() == {"total": 3, "patients_zero": 2, "contacts": 1, "pending_sync": 0}
    rows = repo.list_rows(FicheQuery(), 0, 10)
    assert rows[-1].uuid == old.uuid  # newest first
    assert rows[-1].deadline == datetime(2027, 2, 24, 10, 0, tzinfo=UTC)


def test_contact_linked_to_several_patients_zero(repo: FicheRepository) -> None:
    a = repo.save(_pz(birth_name="Alpha"))
    b = repo.save(_pz(birth_name="Bravo"))
    contact = repo.save(
        Contact(birth_name="Charlie", expositions=[Exposition(patient_zero_uuid=a.uuid)])
    )
    service = FicheService(repo.db, repo.user)
    service.link(
        contact.uuid, Exposition(patient_zero_uuid=b.uuid, last_contact=date(2026, 11, 20))
    )
    assert {p.uuid for p in repo.patients_zero_of(contact.uuid)} == {a.uuid, b.uuid}
    linked = repo.contacts_of(b.uuid)
    assert [lc.contact.uuid for lc in linked] == [contact.uuid]
    assert linked[0].exposition.last_contact == date(2026, 11, 20)
    with pytest.raises(FicheNotFoundError):
        service.link(
            contact.uuid, Exposition(patient_zero_uuid="00000000-0000-4000-8000-000000000000")
        )


def test_delete_removes_expositions_and_outbox(repo: FicheRepository, db: Database) -> None:
    pz = repo.save(_pz())
    contact = repo.save(
        Contact(birth_name="X", expositions=[Exposition(patient_zero_uuid=pz.uuid)])
    )
    repo.delete(pz.uuid)
    assert db.query("SELECT count(*) FROM expositions") == [(0,)]
    assert db.query("SELECT count(*) FROM outbox WHERE fiche_uuid = ?", (pz.uuid,)) == [(0,)]
    assert repo.patients_zero_of(contact.uuid) == []
    with pytest.raises(FicheNotFoundError):
        repo.get(pz.uuid)


def test_personal_data_is_encrypted_at_rest(
    repo: FicheRepository, db: Database, data_dir: Path
) -> None:
    repo.save(
        _pz(
            birth_name=MARK_NAME,
            nir=MARK_NIR,
            phones=[MARK_PHONE],
            address=Address(lines=["12 rue Quetzalcoatlus"], postal_code="69003", city="Lyon"),
        )
    )
    files = [data_dir / n for n in ("tracing.db", "tracing.db-wal", "tracing.db-shm")]
    # while the WAL holds the writes, then after a checkpoint
    for _ in range(2):
        for path in files:
            if not path.exists():
                continue
            raw = path.read_bytes()
            for marker in (MARK_NAME, MARK_NIR, MARK_PHONE[1:], "Quetzalcoatlus", "Lefèvre"):
                assert marker.encode() not in raw, f"{marker} in {path.name}"
                assert marker.lower().encode() not in raw
            assert b"SQLite format 3" not in raw[:16]
        db.checkpoint_truncate()
    # …and the data is really there, through the key
    assert repo.count(FicheQuery(text=MARK_NAME)) == 1
