"""Contacts from a spreadsheet: the rows (core), the all-or-nothing import, ``contacts import``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.cli import main
from app.core.contact_rows import (
    OPTIONAL,
    REQUIRED,
    ContactRow,
    check_row,
    merge_rows,
    parse_contact_rows,
)
from app.core.enums import EstablishmentStatus, FicheKind, JournalAction, LifecycleState
from app.core.models import Contact, Exposition, PatientZero
from app.core.sheets import read_sheet
from app.db.connection import Database
from app.db.store import open_store
from app.services.contact_import import NotAPatientZero, Outcome, import_contacts
from app.services.fiches import FicheQuery, FicheService

USER = "ide.test"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 1)
HEADER = "nom;prenom;date_naissance;telephone;date_dernier_contact;unite;chambre;statut\n"
ROWS = (
    "Lefèvre;Éloïse;02/03/1941;06 12 34 56 78;28/11/2026;Les Tilleuls;12;résident\n"
    "Martin;Paul;15/07/1980;;27/11/2026;Les Tilleuls;;personnel\n"
    "Nguyen;Lan;01/01/1990;+44 20 7946 0958;;;;\n"
)


def _row(**cells: str) -> dict[str, str]:
    values = dict.fromkeys(REQUIRED + OPTIONAL, "")
    values.update(cells)
    return values


# -- rows ------------------------------------------------------------------------------
def test_good_row_parsed_phone_e164_status_by_label_or_word() -> None:
    row, problems = check_row(
        2,
        _row(
            nom=" Lefèvre ",
            prenom="Éloïse",
            date_naissance="2/3/1941",
            telephone="06 12 34 56 78",
            date_dernier_contact="2026-11-28",
            unite="Tilleuls",
            chambre="12",
            statut="Résident",
        ),
        TODAY,
    )
    assert problems == []
    assert row == ContactRow(
        2,
        "Lefèvre",
        "Éloïse",
        date(1941, 3, 2),
        "+33612345678",
        date(2026, 11, 28),
        "Tilleuls",
        "12",
        EstablishmentStatus.RESIDENT,
    )
    for word, status in [
        ("professionnel de l’établissement", EstablishmentStatus.STAFF),
        ("Personnel", EstablishmentStatus.STAFF),
        ("visiteur", EstablishmentStatus.VISITOR),
        ("patient_hospitalise", EstablishmentStatus.INPATIENT),
    ]:
        found, _ = check_row(2, _row(nom="A", statut=word))
        assert found is not None and found.status is status, word


def test_bad_cells_named_in_french_without_the_value() -> None:
    row, problems = check_row(
        7,
        _row(
            prenom="Éloïse",
            date_naissance="31/02/1941",
            telephone="12",
            date_dernier_contact="hier",
            statut="chef",
        ),
        TODAY,
    )
    assert row is None
    by_column = {p.column: p.message for p in problems}
    assert by_column["date_naissance"] == (
        "Date de naissance\u00a0: date illisible (attendu jj/mm/aaaa)."
    )
    assert by_column["date_dernier_contact"].startswith("Date du dernier contact\u00a0:")
    assert by_column["telephone"].startswith("Téléphone\u00a0: numéro non reconnu")
    assert by_column["statut"].startswith("Statut\u00a0: statut inconnu")
    assert "nom" in by_column
    assert not any("Éloïse" in m or "chef" in m or "hier" in m for m in by_column.values())


def test_form_checks_apply_future_dates_refused() -> None:
    _, problems = check_row(
        3, _row(nom="A", date_naissance="01/01/2030", date_dernier_contact="02/12/2026"), TODAY
    )
    assert {p.column for p in problems} == {"date_naissance", "date_dernier_contact"}
    assert all("dans le futur" in p.message for p in problems)


def test_parse_contact_rows_reports_each_line() -> None:
    rows = read_sheet((HEADER + ROWS + ";;;abc;;;;\n").encode(), "c.csv", REQUIRED, OPTIONAL)
    good, bad = parse_contact_rows(rows, today=TODAY)
    assert [r.line for r in good] == [2, 3, 4]
    assert [line for line, _ in bad] == [5]  # the phone
    assert good[2].phone == "+442079460958"


def test_merge_rows_one_person_latest_contact_day() -> None:
    a = ContactRow(2, "LEFEVRE", "eloise", date(1941, 3, 2), "", date(2026, 11, 20), "", "", None)
    b = ContactRow(
        5, "Lefèvre", "Éloïse", date(1941, 3, 2), "+33612345678", date(2026, 11, 28), "U", "", None
    )
    other = ContactRow(6, "Lefèvre", "Éloïse", date(1950, 1, 1), "", None, "", "", None)
    merged = merge_rows([a, b, other])
    assert len(merged) == 2
    assert merged[0].line == 2
    assert (merged[0].phone, merged[0].last_contact, merged[0].unit) == (
        "+33612345678",
        date(2026, 11, 28),
        "U",
    )


# -- service ---------------------------------------------------------------------------
@pytest.fixture
def db(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Database]:
    fake_clock.set(T0)
    assert main(["init"]) == 0
    capsys.readouterr()
    database = open_store(data_dir)
    yield database
    database.close()


@pytest.fixture
def pz(db: Database) -> PatientZero:
    fiche = PatientZero(birth_name="Dupont", first_names="Marie Anne", birth_date=date(1930, 5, 5))
    FicheService(db, USER).save(fiche)
    return fiche


def _rows(text: str = ROWS) -> list[ContactRow]:
    good, bad = parse_contact_rows(
        read_sheet((HEADER + text).encode(), "c.csv", REQUIRED, OPTIONAL)
    )
    assert bad == []
    return good


def _contacts(db: Database) -> list[Contact]:
    service = FicheService(db, USER)
    rows = service.repo.list_rows(FicheQuery(kind=FicheKind.CONTACT), 0, 1000)
    out = []
    for r in rows:
        fiche = service.peek(r.uuid)
        assert isinstance(fiche, Contact)
        out.append(fiche)
    return out


def _journal(db: Database) -> list[tuple[str, str | None, str]]:
    return [
        (str(r[0]), r[1], str(r[2]))
        for r in db.query("SELECT action, fiche_uuid, detail FROM journal ORDER BY id")
    ]


def test_import_creates_draft_contacts_linked_to_the_patient_zero(
    db: Database, pz: PatientZero
) -> None:
    report = import_contacts(db, USER, pz.uuid, _rows())
    assert (report.created, report.linked, report.unchanged, report.problems) == (3, 0, 0, ())
    contacts = {c.birth_name: c for c in _contacts(db)}
    assert set(contacts) == {"Lefèvre", "Martin", "Nguyen"}
    first = contacts["Lefèvre"]
    assert first.state is LifecycleState.DRAFT
    assert first.first_names == "Éloïse"
    assert first.phones == ["+33612345678"]
    assert first.establishment.status is EstablishmentStatus.RESIDENT
    assert (first.establishment.unit, first.establishment.room) == ("Les Tilleuls", "12")
    assert [(e.patient_zero_uuid, e.last_contact) for e in first.expositions] == [
        (pz.uuid, date(2026, 11, 28))
    ]
    assert contacts["Martin"].establishment.status is EstablishmentStatus.STAFF
    imports = [j for j in _journal(db) if j[0] == JournalAction.IMPORT.value]
    assert imports == [
        (
            "import",
            pz.uuid,
            "contacts depuis un tableau\u00a0: 3 ligne(s), 3 créée(s), 0 liée(s), 0 déjà liée(s)",
        )
    ]
    assert not any("Lefèvre" in j[2] or "Martin" in j[2] for j in _journal(db))


def test_reimport_creates_nothing_and_adds_no_second_exposition(
    db: Database, pz: PatientZero
) -> None:
    import_contacts(db, USER, pz.uuid, _rows())
    before = {c.uuid: c.version for c in _contacts(db)}
    # the same people written otherwise: case, accents, another phone format
    again = _rows(
        "LEFEVRE;eloise;02/03/1941;0612345678;28/11/2026;;;\n"
        "martin;PAUL;15/07/1980;;;;;\n"
        "Nguyen;Lan;01/01/1990;;;;;\n"
    )
    report = import_contacts(db, USER, pz.uuid, again)
    assert (report.created, report.linked, report.unchanged) == (0, 0, 3)
    after = _contacts(db)
    assert {c.uuid: c.version for c in after} == before
    assert all(len(c.expositions) == 1 for c in after)


def test_two_rows_of_one_person_make_one_fiche(db: Database, pz: PatientZero) -> None:
    report = import_contacts(
        db,
        USER,
        pz.uuid,
        _rows(
            "Lefèvre;Éloïse;02/03/1941;;20/11/2026;;;\n"
            "LEFÈVRE;éloïse;02/03/1941;0612345678;28/11/2026;;;\n"
        ),
    )
    assert (report.created, report.unchanged) == (1, 0)
    assert [o for _, o in report.outcomes] == [Outcome.CREATED, Outcome.CREATED]
    (contact,) = _contacts(db)
    assert contact.phones == ["+33612345678"]
    assert contact.expositions[0].last_contact == date(2026, 11, 28)


def test_existing_contact_of_another_patient_zero_is_linked(db: Database, pz: PatientZero) -> None:
    service = FicheService(db, USER)
    other = PatientZero(birth_name="Autre", first_names="Cas")
    service.save(other)
    known = Contact(
        birth_name="Martin",
        first_names="Paul",
        birth_date=date(1980, 7, 15),
        expositions=[Exposition(patient_zero_uuid=other.uuid)],
    )
    service.save(known)
    report = import_contacts(db, USER, pz.uuid, _rows())
    assert (report.created, report.linked, report.unchanged) == (2, 1, 0)
    linked = service.peek(known.uuid)
    assert isinstance(linked, Contact)
    assert sorted(e.patient_zero_uuid for e in linked.expositions) == sorted([other.uuid, pz.uuid])
    assert len(_contacts(db)) == 3


def test_dry_run_counts_and_writes_nothing(db: Database, pz: PatientZero) -> None:
    journal_before = len(_journal(db))
    report = import_contacts(db, USER, pz.uuid, _rows(), dry_run=True)
    assert (report.created, report.linked, report.unchanged, report.dry_run) == (3, 0, 0, True)
    assert _contacts(db) == []
    assert len(_journal(db)) == journal_before


def test_all_or_nothing_when_one_row_is_refused(db: Database, pz: PatientZero) -> None:
    rows = _rows()
    # the patient zéro themself, in the file: refused, and so is the rest
    rows.append(ContactRow(9, "DUPONT", "marie", date(1930, 5, 5), "", None, "", "", None))
    report = import_contacts(db, USER, pz.uuid, rows)
    assert (report.created, report.linked) == (0, 0)
    assert report.problems == ((9, "Une personne ne peut pas être son propre contact."),)
    assert _contacts(db) == []


def test_a_contact_uuid_is_not_a_patient_zero(db: Database, pz: PatientZero) -> None:
    import_contacts(db, USER, pz.uuid, _rows())
    contact = _contacts(db)[0]
    with pytest.raises(NotAPatientZero, match="patient zéro"):
        import_contacts(db, USER, contact.uuid, _rows())


# -- command line ----------------------------------------------------------------------
def _xlsx(lines: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_cli_import_then_again_then_dry_run(
    db: Database, pz: PatientZero, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "contacts.csv"
    file.write_bytes(("\ufeff" + HEADER.replace(";", ",") + ROWS.replace(";", ",")).encode())
    assert main(["contacts", "import", "--patient-zero", pz.uuid, str(file)]) == 0
    assert capsys.readouterr().out.strip() == "3 fiches créées, 0 liée, 0 déjà liée."
    assert main(["contacts", "import", "--patient-zero", pz.uuid, str(file)]) == 0
    assert capsys.readouterr().out.strip() == "0 fiche créée, 0 liée, 3 déjà liées."
    xlsx = tmp_path / "contacts.xlsx"
    xlsx.write_bytes(
        _xlsx(
            [
                ["Nom", "Prénom", "Date naissance", "Téléphone", "Date dernier contact"],
                ["Roux", "Zoé", date(2001, 4, 5), "0698765432", date(2026, 11, 30)],
            ]
        )
    )
    argv = ["contacts", "import", "--patient-zero", pz.uuid, str(xlsx), "--dry-run"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "rien n’a été enregistré" in out and "1 fiche créée, 0 liée, 0 déjà liée." in out
    assert len(_contacts(db)) == 3


def test_cli_bad_rows_reported_by_line_exit_65_nothing_created(
    db: Database, pz: PatientZero, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "contacts.csv"
    file.write_bytes((HEADER + ROWS + "Roux;Zoé;31/02/2001;;;;;\nBlanc;Léo;;12;;;;\n").encode())
    assert main(["contacts", "import", "--patient-zero", pz.uuid, str(file)]) == 65
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "ligne 5\u00a0: Date de naissance\u00a0: date illisible (attendu jj/mm/aaaa)."
    assert err[1].startswith("ligne 6\u00a0: Téléphone\u00a0: numéro non reconnu")
    assert err[-1] == "2 problème(s)\u00a0: aucune fiche créée ni liée."
    assert not any("Roux" in line or "Blanc" in line for line in err)
    assert _contacts(db) == []


def test_cli_missing_column_exit_65(
    db: Database, pz: PatientZero, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "contacts.csv"
    file.write_bytes(b"nom;prenom;date_naissance\nA;B;01/01/1950\n")
    assert main(["contacts", "import", "--patient-zero", pz.uuid, str(file)]) == 65
    err = capsys.readouterr().err
    assert "«\u202ftelephone\u202f»" in err and "Ligne 1" in err
    assert _contacts(db) == []
