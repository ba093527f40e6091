"""The contact finder's gate (issue 17): the journal line, the contacts created and linked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from complete import complete

from app.cli import main
from app.core.contact_finder import FinderError, Motive, Window
from app.core.enums import (
    Circumstance,
    EstablishmentStatus,
    JournalAction,
    LifecycleState,
    RiskAssessment,
)
from app.core.models import (
    Contact,
    EstablishmentPlace,
    Exposition,
    InfectionEvidence,
    PatientZero,
)
from app.core.rosters import RosterError
from app.db.connection import Database
from app.db.store import open_store
from app.services.contact_finder import ROSTER, build_candidates, create_contacts, file_of
from app.services.fiches import FicheService

USER = "ide.test"
T0 = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)

ROSTER_CSV = (
    "nom;prenom;date_naissance;unite;chambre;table;arrivee;depart\n"
    "DUPRE;helene;02/04/1938;Les Tilleuls;12;T1;01/10/2026;\n"
    "Roux;Jean;01/01/1935;Les Tilleuls;12;T2;01/10/2026;\n"
    "Blanc;Odette;01/01/1936;Les Tilleuls;14;T1;01/10/2026;\n"
    "Noir;Paul;01/01/1937;Les Tilleuls;15;;01/10/2026;\n"
    "Vert;Rose;01/01/1939;Les Chênes;12;T1;01/10/2026;\n"
).encode()
ROTA_CSV = (
    "nom;prenom;date_naissance;unite;debut;fin\n"
    "Morel;Inès;03/05/1990;Les Tilleuls;12/11/2026 07:00;12/11/2026 14:00\n"
    "Morel;Inès;03/05/1990;Les Tilleuls;15/11/2026 07:00;15/11/2026 14:00\n"
).encode()


@pytest.fixture
def db(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Database]:
    fake_clock.set(T0)
    assert main(["init"]) == 0
    capsys.readouterr()
    database = open_store(data_dir)
    yield database
    database.close()


def _pz(db: Database) -> PatientZero:
    pz = PatientZero(
        birth_name="Dupré",
        first_names="Hélène",
        birth_date=date(1938, 4, 2),
        infection=InfectionEvidence(symptom_onset=date(2026, 11, 12)),
        establishment=EstablishmentPlace(
            status=EstablishmentStatus.RESIDENT, unit="Les Tilleuls", room="12"
        ),
    )
    FicheService(db, USER).save(pz)
    return pz


def _journal(db: Database) -> list[tuple[str, str | None, str]]:
    return [
        (str(r[0]), r[1], str(r[2]))
        for r in db.query("SELECT action, fiche_uuid, detail FROM journal ORDER BY id")
    ]


def test_build_journals_one_consultation_with_counts_and_no_name(db: Database) -> None:
    pz = _pz(db)
    before = len(_journal(db))
    found = build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), (ROTA_CSV, "p.csv"))
    # window: 2 days before the symptoms (12/11) to today (17/11 on the establishment's clock)
    assert found.result.window == Window(date(2026, 11, 10), date(2026, 11, 17))
    assert found.rows_read == 7
    assert [(c.person.last_name, c.motive) for c in found.result.candidates] == [
        ("Roux", Motive.ROOM),
        ("Blanc", Motive.TABLE),
        ("Morel", Motive.STAFF),
        ("Noir", Motive.UNIT),
    ]
    entries = _journal(db)[before:]
    assert entries == [
        (
            JournalAction.VIEW.value,
            pz.uuid,
            "liste des contacts\u00a0: 7 ligne(s) lue(s), 4 candidat(s)",
        )
    ]
    assert db.query_one("SELECT count(*) FROM fiches")[0] == 1  # type: ignore[index]


def test_until_and_window_override(db: Database) -> None:
    pz = _pz(db)
    until = build_candidates(
        db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), None, until=date(2026, 11, 11)
    )
    assert until.result.window == Window(date(2026, 11, 10), date(2026, 11, 11))
    assert "Morel" not in {c.person.last_name for c in until.result.candidates}
    given = Window(date(2026, 11, 15), date(2026, 11, 15))
    found = build_candidates(
        db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), (ROTA_CSV, "p.csv"), window=given
    )
    assert found.result.window == given
    assert [c.days for c in found.result.candidates if c.person.last_name == "Morel"] == [
        (date(2026, 11, 15),)
    ]


def test_bad_file_journals_nothing_and_says_which_list(db: Database) -> None:
    pz = _pz(db)
    before = len(_journal(db))
    bad = (
        ROTA_CSV + "Morel;Inès;03/05/1990;Les Tilleuls;16/11/2026 14:00;16/11/2026 07:00\n".encode()
    )
    with pytest.raises(RosterError) as info:
        build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), (bad, "p.csv"))
    assert [line for line, _m in info.value.problems] == [4]
    assert file_of(info.value) == "planning du personnel"
    with pytest.raises(RosterError) as info:
        build_candidates(db, USER, pz.uuid, (ROSTER_CSV + b"x;y;z;A;1;;;\n", "r.csv"), None)
    assert file_of(info.value) == ROSTER
    assert len(_journal(db)) == before


def test_no_date_on_the_fiche_is_a_french_refusal(db: Database) -> None:
    pz = _pz(db)
    pz.infection = InfectionEvidence()
    FicheService(db, USER).save(pz)
    with pytest.raises(FinderError, match="fenêtre de contagiosité ne peut pas être calculée"):
        build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), None)


def test_create_drafts_with_exposition_then_nothing_the_second_time(db: Database) -> None:
    pz = _pz(db)
    found = build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), (ROTA_CSV, "p.csv"))
    kept = [c for c in found.result.candidates if c.person.last_name in ("Roux", "Morel", "Noir")]
    created = create_contacts(db, USER, pz.uuid, kept)
    assert len(created.created) == 3 and created.linked == () and created.unchanged == ()
    service = FicheService(db, USER)
    fiches = {f.birth_name: f for f in (service.peek(u) for u in created.created)}
    roux = fiches["Roux"]
    assert isinstance(roux, Contact) and roux.state is LifecycleState.DRAFT
    assert (roux.first_names, roux.birth_date) == ("Jean", date(1935, 1, 1))
    assert roux.establishment == EstablishmentPlace(
        status=EstablishmentStatus.RESIDENT, unit="Les Tilleuls", room="12"
    )
    (exp,) = roux.expositions
    assert exp.patient_zero_uuid == pz.uuid and exp.last_contact == date(2026, 11, 17)
    assert exp.circumstances == [Circumstance.SAME_HOUSEHOLD]
    assert exp.suggested_risk is RiskAssessment.AT_RISK
    morel = fiches["Morel"]
    assert isinstance(morel, Contact)
    assert (
        morel.establishment.status is EstablishmentStatus.STAFF and morel.establishment.room == ""
    )
    assert morel.expositions[0].last_contact == date(2026, 11, 15)
    assert morel.expositions[0].circumstances == [Circumstance.CARE]
    noir = fiches["Noir"]
    assert isinstance(noir, Contact)
    assert noir.expositions[0].circumstances == [Circumstance.OTHER]
    assert noir.expositions[0].other_circumstance == "Même unité"
    assert noir.expositions[0].suggested_risk is RiskAssessment.NEGLIGIBLE

    # The list now flags them; creating again creates nothing and adds no exposition.
    before = len(_journal(db))
    again = build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), (ROTA_CSV, "p.csv"))
    assert [d for _a, _u, d in _journal(db)[before:]] == [
        "liste des contacts\u00a0: 7 ligne(s) lue(s), 4 candidat(s)"
    ]
    flags = {c.person.last_name: c.already_contact for c in again.result.candidates}
    assert flags == {"Roux": True, "Blanc": False, "Morel": True, "Noir": True}
    second = create_contacts(db, USER, pz.uuid, kept)
    assert second.created == () and second.linked == ()
    assert sorted(second.unchanged) == sorted(created.created)
    assert len(service.repo.contacts_of(pz.uuid)) == 3
    assert db.query_one("SELECT count(*) FROM fiches")[0] == 4  # type: ignore[index]


def test_existing_contact_fiche_is_linked_not_duplicated(db: Database) -> None:
    pz = _pz(db)
    service = FicheService(db, USER)
    other_pz = PatientZero(birth_name="Autre", first_names="Cas")
    existing = Contact(
        birth_name="roux",
        first_names="JEAN",
        birth_date=date(1935, 1, 1),
        expositions=[Exposition(patient_zero_uuid=other_pz.uuid)],
    )
    service.save_many([other_pz, existing])
    found = build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), None)
    roux = [c for c in found.result.candidates if c.person.last_name == "Roux"]
    assert not roux[0].already_contact  # a contact of another patient zéro
    result = create_contacts(db, USER, pz.uuid, roux)
    assert result.created == () and result.linked == (existing.uuid,)
    stored = service.peek(existing.uuid)
    assert isinstance(stored, Contact)
    assert {e.patient_zero_uuid for e in stored.expositions} == {other_pz.uuid, pz.uuid}
    assert stored.exposition_to(pz.uuid).last_contact == date(2026, 11, 17)  # type: ignore[union-attr]
    # linked once: a second run leaves it unchanged
    assert create_contacts(db, USER, pz.uuid, roux).unchanged == (existing.uuid,)


def test_validated_contact_linked_is_reopened_for_its_risk_and_others_created(
    db: Database,
) -> None:
    pz = _pz(db)
    service = FicheService(db, USER)
    other_pz = PatientZero(birth_name="Autre", first_names="Cas")
    validated = Contact(
        birth_name="Roux",
        first_names="Jean",
        birth_date=date(1935, 1, 1),
        expositions=[Exposition(patient_zero_uuid=other_pz.uuid)],
    )
    complete(validated, date(2026, 11, 17))
    service.save(other_pz)
    service.validate(validated)
    found = build_candidates(db, USER, pz.uuid, (ROSTER_CSV, "r.csv"), None)
    result = create_contacts(db, USER, pz.uuid, list(found.result.candidates))
    assert result.linked == (validated.uuid,) and result.reopened == (validated.uuid,)
    assert len(result.created) == 2  # Blanc and Noir: one validated fiche blocks nothing
    stored = service.peek(validated.uuid)
    assert isinstance(stored, Contact) and stored.state is LifecycleState.DRAFT
    exp = stored.exposition_to(pz.uuid)
    assert exp is not None and exp.risk is None
    assert exp.suggested_risk is RiskAssessment.AT_RISK
    assert (JournalAction.REOPEN.value, validated.uuid) in [(a, u) for a, u, _d in _journal(db)]
