"""Drafts (form autosave), duplicate detection and promotion of a contact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.core.enums import Consent, FicheKind, JournalAction, LifecycleState
from app.core.models import Contact, Exposition, PatientZero, Symptoms
from app.db.connection import Database
from app.db.drafts import DraftStore
from app.db.repositories import FicheRepository, journal_rows
from app.db.store import init_store, open_store
from app.services.fiches import FicheService

NIR = "279052A00412309"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    init_store()
    database = open_store()
    yield database
    database.close()


@pytest.fixture
def repo(db: Database, fake_clock: FakeClock) -> FicheRepository:
    return FicheRepository(db, "infirmiere.test")


def test_draft_round_trip_and_discard(db: Database, fake_clock: FakeClock) -> None:
    store = DraftStore(db)
    store.put("u-1", FicheKind.PATIENT_ZERO, 0, {"raw": {"nom_naissance": "Lefèvre"}})
    fake_clock.advance(timedelta(minutes=5))
    store.put("u-1", FicheKind.PATIENT_ZERO, 0, {"raw": {"nom_naissance": "Lefèvre-Durand"}})
    draft = store.get("u-1")
    assert draft is not None
    assert draft.data == {"raw": {"nom_naissance": "Lefèvre-Durand"}}
    assert draft.updated_at - draft.created_at == timedelta(minutes=5)
    assert [d.uuid for d in store.all()] == ["u-1"]
    assert store.discard("u-1") is True
    assert store.get("u-1") is None and store.count() == 0


def test_draft_of_a_never_saved_fiche_expires_with_the_retention(
    db: Database, fake_clock: FakeClock
) -> None:
    store = DraftStore(db)
    store.put("u-2", FicheKind.CONTACT, 0, {})
    draft = store.get("u-2")
    assert draft is not None
    assert draft.deadline.date() == date(2027, 2, 24)  # 3 months after 2026-11-24
    fake_clock.set(draft.deadline)
    assert store.get("u-2") is None
    assert store.all() == [] and store.count() == 0


def test_draft_follows_its_fiche(repo: FicheRepository, db: Database) -> None:
    pz = repo.save(PatientZero(birth_name="Lefèvre"))
    store = DraftStore(db)
    store.put(pz.uuid, pz.kind, pz.version, {"raw": {}})
    row = db.query_one("SELECT deadline FROM fiches WHERE uuid = ?", (pz.uuid,))
    draft = store.get(pz.uuid)
    assert draft is not None and row is not None
    assert draft.deadline.strftime("%Y-%m-%dT%H:%M:%S.%fZ") == row[0]
    repo.delete(pz.uuid)  # deletion (and the purge) take the draft along
    assert store.count() == 0


def test_duplicates_same_nir_or_same_identity(repo: FicheRepository) -> None:
    first = repo.save(
        PatientZero(
            birth_name="Lefèvre", first_names="Hélène", birth_date=date(1950, 5, 2), nir=NIR
        )
    )
    other = repo.save(PatientZero(birth_name="Martin", first_names="Hélène"))
    same_nir = PatientZero(birth_name="Autre", nir=NIR)
    [match] = repo.find_duplicates(same_nir)
    assert (match.uuid, match.same_nir, match.same_identity) == (first.uuid, True, False)
    # accents, case, hyphens folded; the usage name matches the birth name
    same_person = Contact(usage_name="LEFEVRE", first_names="helene", birth_date=date(1950, 5, 2))
    [match] = repo.find_duplicates(same_person)
    assert match.uuid == first.uuid and match.same_identity and match.kind is FicheKind.PATIENT_ZERO
    assert repo.find_duplicates(first) == []  # never itself
    assert repo.find_duplicates(Contact(first_names="Hélène", birth_date=date(1950, 5, 3))) == []
    assert other.uuid not in {m.uuid for m in repo.find_duplicates(same_person)}


def test_promote_contact_keeps_it_and_journals_both(repo: FicheRepository, db: Database) -> None:
    pz = repo.save(PatientZero(birth_name="Index", identity_disclosure=Consent.NO))
    contact = Contact(
        birth_name="Durand",
        first_names="Loïc",
        phones=["+33612345678"],
        symptoms=Symptoms(present=True, onset=date(2026, 11, 20)),
        expositions=[Exposition(patient_zero_uuid=pz.uuid, last_contact=date(2026, 11, 19))],
    )
    contact.support_consent = Consent.YES
    repo.save(contact)
    new = FicheService(db, repo.user).promote(contact.uuid)
    # The 3 months run from the contact's first storage; the consent is asked again.
    assert new.created_at == contact.created_at
    assert new.support_consent is None
    assert isinstance(new, PatientZero) and new.uuid != contact.uuid
    assert (new.birth_name, new.first_names, new.phones) == ("Durand", "Loïc", ["+33612345678"])
    assert new.infection.symptom_onset == date(2026, 11, 20)
    assert new.state is LifecycleState.DRAFT and new.identity_disclosure is None
    kept = repo.get(contact.uuid, journal_consultation=False)
    assert isinstance(kept, Contact) and kept.version == contact.version
    assert [e.patient_zero_uuid for e in kept.expositions] == [pz.uuid]
    entries = [(r[3], r[4], r[5]) for r in journal_rows(db)]
    assert (JournalAction.UPDATE.value, contact.uuid, f"promu patient zéro {new.uuid}") in entries
    assert (
        JournalAction.CREATE.value,
        new.uuid,
        f"promotion du contact {contact.uuid}",
    ) in entries
