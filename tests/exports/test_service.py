"""Exports: référent only, formula injection neutralised, pseudonymised without identity."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from app.core.enums import Consent, JournalAction
from app.core.labels import field_paths
from app.core.models import PatientZero
from app.db.connection import Database
from app.db.exported_files import registered_files
from app.db.permissions import PermissionDenied
from app.db.repositories import FicheRepository, journal_rows
from app.exports.service import export_excel, export_pseudonymised
from app.exports.tables import NOT_COMMUNICABLE, PZ_IDENTITY_HEADER
from tests.support.accounts import AGENT, REFERENT, cheap_hasher  # noqa: F401  (autouse fixture)
from tests.support.markers import (
    CONTACT_SURNAME,
    MARKERS,
    SURNAME,
    USAGE_NAME,
    marker_contact,
    marker_patient_zero,
)


@pytest.fixture
def filled(staffed: Database) -> tuple[Database, PatientZero]:
    repo = FicheRepository(staffed, AGENT)
    pz = marker_patient_zero(disclose=Consent.NO)
    repo.save(pz)
    repo.save(marker_contact(pz))
    return staffed, pz


def sheet_rows(path: Path, title: str) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    return [[c.value for c in row] for row in book[title].iter_rows()]


def test_agent_cannot_export(filled, tmp_path: Path) -> None:
    db, _ = filled
    for export in (export_excel, export_pseudonymised):
        with pytest.raises(PermissionDenied, match="réservée au référent"):
            export(db, AGENT, tmp_path / "x.xlsx")
    assert list(tmp_path.glob("x*")) == []
    assert registered_files(db) == []


def test_excel_export_sheets_headers_and_anonymity(filled, tmp_path: Path) -> None:
    db, pz = filled
    out = tmp_path / "transmission.xlsx"
    result = export_excel(db, REFERENT, out)
    assert result.fiches == 2 and out.exists()
    assert out.stat().st_mode & 0o077 == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Patients zéro", "Contacts"]
    pz_rows = sheet_rows(out, "Patients zéro")
    assert pz_rows[0] == list(field_paths(PatientZero).values())
    assert len(pz_rows) == 2 and SURNAME in pz_rows[1]
    contacts = sheet_rows(out, "Contacts")
    header = contacts[0]
    assert len(contacts) == 2  # one row per exposition
    row = dict(zip(header, contacts[1], strict=True))
    assert row["Nom de naissance"] == CONTACT_SURNAME
    assert row["Expositions › Patient zéro"] == pz.uuid
    # The patient zéro said "non": the contacts sheet does not name them.
    assert row[PZ_IDENTITY_HEADER] == NOT_COMMUNICABLE
    assert not any(SURNAME in str(v) or USAGE_NAME in str(v) for v in contacts[1] if v)


def test_excel_export_names_the_patient_zero_who_agreed(staffed: Database, tmp_path) -> None:
    repo = FicheRepository(staffed, AGENT)
    pz = marker_patient_zero(disclose=Consent.YES)
    repo.save(pz)
    repo.save(marker_contact(pz))
    out = tmp_path / "t.xlsx"
    export_excel(staffed, REFERENT, out)
    header, row = sheet_rows(out, "Contacts")
    assert USAGE_NAME.upper() in dict(zip(header, row, strict=True))[PZ_IDENTITY_HEADER]


@pytest.mark.parametrize("value", ["=1+1", "+33 cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x"])
def test_formula_injection_is_neutralised(staffed: Database, tmp_path, value: str) -> None:
    pz = PatientZero(birth_name=value, first_names='=HYPERLINK("http://x")')
    FicheRepository(staffed, AGENT).save(pz)
    out = tmp_path / "f.xlsx"
    export_excel(staffed, REFERENT, out)
    sheet = openpyxl.load_workbook(out)["Patients zéro"]
    header = [c.value for c in sheet[1]]
    for label in ("Nom de naissance", "Prénoms"):
        cell = sheet.cell(row=2, column=header.index(label) + 1)
        assert cell.data_type == "s"
        assert not str(cell.value).startswith(("=", "+", "-", "@", "\t", "\r"))
    name = sheet.cell(row=2, column=header.index("Nom de naissance") + 1).value
    assert name[0] == "'" and name[1:].replace("\n", "\r") == value  # XML keeps \r as \n


def test_pseudonymised_export_holds_no_identity(filled, tmp_path: Path) -> None:
    db, pz = filled
    for name in ("pseudo.csv", "pseudo.xlsx"):
        out = tmp_path / name
        result = export_pseudonymised(db, REFERENT, out)
        assert result.rows == 2
        raw = out.read_bytes()
        for marker in MARKERS:
            assert marker.encode() not in raw, marker
        if name.endswith(".xlsx"):
            # The xlsx is a zip: check the cells too.
            cells = [
                str(v)
                for title in openpyxl.load_workbook(out).sheetnames
                for r in sheet_rows(out, title)
                for v in r
                if v is not None
            ]
            for marker in MARKERS:
                assert not any(marker in c for c in cells), marker
            assert not any(pz.uuid in c for c in cells)


def test_pseudonyms_are_stable_random_and_link_contacts(filled, tmp_path: Path) -> None:
    db, pz = filled
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    export_pseudonymised(db, REFERENT, first)
    export_pseudonymised(db, REFERENT, second)

    def read(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle, delimiter=";"))

    a, b = read(first), read(second)
    assert [r["Pseudonyme"] for r in a] == [r["Pseudonyme"] for r in b]
    pz_row = next(r for r in a if r["Type de fiche"] == "patient zéro")
    contact_row = next(r for r in a if r["Type de fiche"] != "patient zéro")
    assert contact_row["Expositions › Pseudonyme du patient zéro"] == pz_row["Pseudonyme"]
    stored = db.query_one("SELECT pseudonym FROM pseudonyms WHERE fiche_uuid = ?", (pz.uuid,))
    assert stored is not None and stored[0] == pz_row["Pseudonyme"]
    assert pz.uuid not in {r["Pseudonyme"] for r in a}
    # Deleted with the fiche.
    FicheRepository(db, REFERENT).delete(contact_row_uuid(db, contact_row["Pseudonyme"]))
    assert db.query_one("SELECT count(*) FROM pseudonyms")[0] == 1


def contact_row_uuid(db: Database, pseudonym: str) -> str:
    row = db.query_one("SELECT fiche_uuid FROM pseudonyms WHERE pseudonym = ?", (pseudonym,))
    assert row is not None
    return str(row[0])


def test_exports_are_registered_and_journaled(filled, tmp_path: Path) -> None:
    db, pz = filled
    out = tmp_path / "j.xlsx"
    result = export_excel(db, REFERENT, out)
    files = registered_files(db)
    assert [f.path for f in files] == [out.absolute()]
    assert files[0].uuid == result.file_uuid
    exports = [r for r in journal_rows(db) if r[3] == JournalAction.EXPORT.value]
    assert {r[4] for r in exports if r[4]} == {pz.uuid, *(u for u in fiche_uuids(db))}
    assert all(r[2] == REFERENT for r in exports)
    assert not any(str(out) in r[5] for r in exports)  # never a file name


def fiche_uuids(db: Database) -> list[str]:
    return [str(r[0]) for r in db.query("SELECT uuid FROM fiches")]


def test_unwritable_destination_leaves_nothing(filled, tmp_path: Path) -> None:
    db, _ = filled
    with pytest.raises(Exception, match="n’existe pas"):
        export_excel(db, REFERENT, tmp_path / "absent" / "x.xlsx")
    assert registered_files(db) == []
