"""Control characters: refused by the checks, stripped by the exports, no `.part` link followed."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.core.clock import FakeClock
from app.core.models import Address, Contact, Exposition, PatientZero
from app.core.validation import T_CONTROL_CHARACTER, check_draft, check_for_validation
from app.db.connection import Database
from app.db.jsonl import export_jsonl
from app.db.repositories import FicheRepository
from app.db.store import init_store, open_store
from app.exports.cells import cell_text, neutralise
from app.exports.service import export_excel, export_pseudonymised

USER = "test:ancienne-version"
TODAY = date(2026, 11, 24)
RAW = ("\x00", "\x01", "\x1b")


@pytest.fixture
def store(fake_clock: FakeClock) -> Iterator[Database]:
    init_store()
    db = open_store()
    yield db
    db.close()


def _stored_by_an_older_version(db: Database) -> tuple[PatientZero, Contact]:
    """Saved at the database level: no check refuses the control characters."""
    repo = FicheRepository(db, USER)
    pz = PatientZero(
        birth_name="Du\x00pont",
        usage_name="\x01=1+1",
        first_names="Hé\x1b[2Jlène",
        address=Address(lines=["1 rue\x0b du Port"], city="Nî\x1bmes"),
        phones=["+33612345678"],
    )
    contact = Contact(
        birth_name="Mar\x01tin",
        first_names="\x00Loïc",
        expositions=[Exposition(patient_zero_uuid=pz.uuid, other_circumstance="a\x1bb")],
    )
    repo.save_many([pz, contact])
    return pz, contact


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def test_excel_export_of_stored_control_characters(store: Database, tmp_path: Path) -> None:
    _stored_by_an_older_version(store)
    out = tmp_path / "transmission.xlsx"
    result = export_excel(store, USER, out)
    assert result.fiches == 2
    xml = _xml(out)
    for raw in RAW:
        assert raw not in xml
    book = openpyxl.load_workbook(out)
    values = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert any(v.startswith("Du") and v.endswith("pont") for v in values)
    assert "'\ufffd=1+1" not in values and "\ufffd=1+1" in values  # not a formula start either
    for raw in RAW:
        assert not any(raw in v for v in values)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_pseudonymised_export_of_stored_control_characters(
    store: Database, tmp_path: Path, suffix: str
) -> None:
    _stored_by_an_older_version(store)
    out = tmp_path / f"pseudo{suffix}"
    assert export_pseudonymised(store, USER, out).fiches == 2
    text = _xml(out) if suffix == ".xlsx" else out.read_text(encoding="utf-8-sig")
    for raw in RAW:
        assert raw not in text


def test_neutralise_strips_what_a_spreadsheet_cannot_hold() -> None:
    assert neutralise("a\x00b\x08c\x1fd") == "a\ufffdb\ufffdc\ufffdd"
    assert neutralise("\x00=SOMME(A1)") == "\ufffd=SOMME(A1)"
    assert neutralise("=SOMME(A1)") == "'=SOMME(A1)"
    assert neutralise("x\ud800\ufffe\uffffy") == "x\ufffd\ufffd\ufffdy"
    assert neutralise("ligne 1\nligne 2\tfin") == "ligne 1\nligne 2\tfin"  # openpyxl keeps them
    pz = PatientZero(birth_name="A\x01B")
    assert cell_text(pz, "nom_naissance") == "A\ufffdB"


@pytest.mark.parametrize(
    ("fiche", "path"),
    [
        (PatientZero(birth_name="Du\x00pont"), "nom_naissance"),
        (PatientZero(birth_name="Dupont", address=Address(city="Nî\x1bmes")), "adresse.commune"),
        (
            PatientZero(birth_name="Dupont", address=Address(lines=["", "a\x01"])),
            "adresse.lignes[1]",
        ),
        (PatientZero(birth_name="Dupont", phones=["06\x7f"]), "telephones[0]"),
        (PatientZero(birth_name="Dupont", email="\x1b[31m@x.fr"), "email"),
        (
            Contact(
                birth_name="Martin",
                expositions=[Exposition(patient_zero_uuid="x", other_circumstance="\x9b")],
            ),
            "expositions[0].autre_circonstance",
        ),
    ],
)
def test_check_refuses_a_control_character(fiche: PatientZero | Contact, path: str) -> None:
    for issues in (check_draft(fiche, TODAY), check_for_validation(fiche, TODAY)):
        on_path = [i for i in issues if i.path == path]
        assert [i.template for i in on_path] == [T_CONTROL_CHARACTER]  # the only issue there
        assert on_path[0].is_error
        message = on_path[0].message
        assert message.endswith("\u00a0: caractère de contrôle non autorisé.")
        assert not any(ch in message for ch in "\x00\x01\x1b\x7f\x9b")  # the value is not quoted


def test_check_accepts_ordinary_text() -> None:
    fiche = PatientZero(
        birth_name="N’Diaye-Lefèvre", first_names="Zoé Æsa", address=Address(city="Saint-Étienne")
    )
    assert not [i for i in check_draft(fiche, TODAY) if i.template == T_CONTROL_CHARACTER]


def test_check_full_label(store: Database) -> None:
    fiche = PatientZero(birth_name="Dupont", address=Address(city="a\x00"))
    [issue] = [i for i in check_draft(fiche, TODAY) if i.path == "adresse.commune"]
    assert issue.message == "Adresse › Commune\u00a0: caractère de contrôle non autorisé."


# ------------------------------------------------------------ export_jsonl's temporary file


def test_export_jsonl_does_not_follow_a_planted_part_link(store: Database, tmp_path: Path) -> None:
    FicheRepository(store, USER).save(PatientZero(birth_name="Dupont"))
    victim = tmp_path / "victim.txt"
    victim.write_text("ne pas écraser", encoding="utf-8")
    victim.chmod(0o644)
    out = tmp_path / "export.jsonl"
    planted = tmp_path / "export.jsonl.part"
    planted.symlink_to(victim)
    assert len(export_jsonl(FicheRepository(store, USER), out)) == 1
    assert victim.read_text(encoding="utf-8") == "ne pas écraser"
    assert victim.stat().st_mode & 0o777 == 0o644
    assert planted.is_symlink()  # left alone
    assert not out.is_symlink() and "Dupont" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o600
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert leftovers == ["export.jsonl.part"]


def test_export_jsonl_replaces_a_target_link_not_its_target(
    store: Database, tmp_path: Path
) -> None:
    FicheRepository(store, USER).save(PatientZero(birth_name="Dupont"))
    victim = tmp_path / "victim.txt"
    victim.write_text("ne pas écraser", encoding="utf-8")
    out = tmp_path / "export.jsonl"
    out.symlink_to(victim)
    export_jsonl(FicheRepository(store, USER), out)
    assert victim.read_text(encoding="utf-8") == "ne pas écraser"
    assert not out.is_symlink() and out.stat().st_mode & 0o777 == 0o600


def test_export_jsonl_failure_leaves_no_temporary_file(
    store: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FicheRepository(store, USER).save(PatientZero(birth_name="Dupont"))

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError):
        export_jsonl(FicheRepository(store, USER), folder / "export.jsonl")
    assert list(folder.iterdir()) == []
