"""Issue 17, privacy: the establishment's files are read in memory and leave nothing behind.

« the files are read into memory and never written anywhere by the program (no
copy, no cache, no temporary file, nothing of them in logs); only the persons
the nurse keeps become fiches, under the usual rules; the journal records the
consultation (…, never a name) ».

Every person of the scenario files (tests/core/test_contact_finder_scenario.py)
gets marker names (``ZQXNOM07`` / ``ZQXPRE07``). A session builds the list of
the resident patient zéro and keeps two persons through the service, then
builds the staff patient zéro's list and imports two persons through the
command line, with a bad file and a logged crash on the way. Afterwards no
marker of a person not kept is anywhere on disk (data folder, logs, crash
reports, the test's temporary folders, the temporary folder), no marker at all
is in clear in the data folder (the database is encrypted), the journal names
nobody, and the store holds exactly the kept persons.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app import logging_setup
from app.cli import main
from app.core.accounts import Role
from app.core.enums import Circumstance, EstablishmentStatus, JournalAction, LifecycleState
from app.core.models import Contact, PatientZero
from app.core.serialize import fiche_to_dict
from app.core.text import fold
from app.db.accounts import AccountStore
from app.db.repositories import FicheRepository, journal_rows
from app.db.store import open_store
from app.services.contact_finder import build_candidates, create_contacts
from tests.core.test_contact_finder_scenario import (
    RESIDENTS,
    ROTA,
    resident_pz,
    staff_pz,
    xlsx_bytes,
)
from tests.support.accounts import AGENT, AGENT_PASSWORD, REFERENT, REFERENT_PASSWORD

Key = tuple[str, str, str]  # folded name, folded first name, birth date as written


def _person(cells: list[str]) -> Key:
    return (fold(cells[0]), fold(cells[1]), cells[2])


def _markers() -> dict[Key, tuple[str, str]]:
    """One (name, first name) marker pair per person of both files, in order of appearance."""
    found: dict[Key, tuple[str, str]] = {}
    for text in (RESIDENTS, ROTA):
        for line in text.splitlines()[1:]:
            k = _person(line.split(";"))
            if k not in found:
                n = len(found) + 1
                found[k] = (f"ZQXNOM{n:02d}", f"ZQXPRE{n:02d}")
    return found


MARKERS = _markers()


def _marked(text: str) -> str:
    lines = text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells[0], cells[1] = MARKERS[_person(cells)]
        out.append(";".join(cells))
    return "\n".join(out) + "\n"


def _marker_of(name: str, first: str, born: str) -> tuple[str, str]:
    return MARKERS[(fold(name), fold(first), born)]


RESIDENT_PZ = _marker_of("Lefevre", "Marguerite", "12/04/1931")
STAFF_PZ = _marker_of("Bernard", "Sophie", "05/05/1985")
KEPT_BY_SERVICE = [
    _marker_of("Giraud", "Fernand", "19/07/1933"),  # chambre, resident
    _marker_of("Martin", "Paul", "15/01/1942"),  # table, resident
]
KEPT_BY_CLI = [
    _marker_of("Benali", "Fatima", "21/03/1975"),  # equipe, staff
    _marker_of("Guillot", "Nicolas", "02/12/1982"),  # equipe, staff
]
KEPT = {RESIDENT_PZ, STAFF_PZ, *KEPT_BY_SERVICE, *KEPT_BY_CLI}
NOT_KEPT = [m for m in MARKERS.values() if m not in KEPT]
ALL_STRINGS = [s for pair in MARKERS.values() for s in pair]
NOT_KEPT_STRINGS = [s for pair in NOT_KEPT for s in pair]


def _scan(folder: Path, markers: list[str], skip: Path | None = None) -> list[str]:
    """Markers found in any file under *folder* (raw bytes, any case: folded forms too)."""
    found: list[str] = []
    for root, _dirs, names in os.walk(folder):  # os.walk ignores folders removed meanwhile
        for name in names:
            path = Path(root) / name
            if skip is not None and path.is_relative_to(skip):
                continue
            try:
                if not path.is_file() or path.stat().st_size > 50_000_000:
                    continue
                data = path.read_bytes().lower()
            except OSError:
                continue  # another user's file in the shared temporary folder
            found += [f"{path}: {m}" for m in markers if m.lower().encode() in data]
    return found


def _scan_new_entries(folder: Path, before: set[Path], markers: list[str]) -> list[str]:
    """The entries of the shared temporary folder made during the test (other runs come and go)."""
    found: list[str] = []
    for entry in set(folder.iterdir()) - before:
        try:
            if entry.is_symlink() or entry.stat().st_uid != os.getuid():
                continue
            if entry.is_dir():
                found += _scan(entry, markers)
            elif entry.is_file() and entry.stat().st_size <= 50_000_000:
                data = entry.read_bytes().lower()
                found += [f"{entry}: {m}" for m in markers if m.lower().encode() in data]
        except OSError:
            continue  # removed meanwhile by whoever made it
    return found


def _save_patients_zero(data_dir: Path) -> tuple[str, str]:
    """The two patients zéro, under their marker names, typed by the agent."""
    with open_store(data_dir) as db:
        AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD)
        AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
        session = AccountStore(db).authenticate(AGENT, AGENT_PASSWORD)
        repo = FicheRepository(db, session.login)
        resident, staff = resident_pz(), staff_pz()
        resident.birth_name, (resident.usage_name, resident.first_names) = "", RESIDENT_PZ
        staff.birth_name, staff.first_names = STAFF_PZ
        repo.save(resident)
        repo.save(staff)
    return resident.uuid, staff.uuid


def test_a_finder_session_leaves_no_marker_of_persons_not_kept(
    qapp: Any,
    data_dir: Path,
    tmp_path: Path,
    fake_clock: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    system_tmp = Path(tempfile.gettempdir())
    before_tmp = set(system_tmp.iterdir())
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
    monkeypatch.setenv("TMPDIR", str(temp_dir))
    monkeypatch.setenv("TRACING_DESK_PASSWORD", AGENT_PASSWORD)

    # The establishment's files, as the test (not the program) holds them.
    inputs = tmp_path / "entrees"
    inputs.mkdir()
    roster_csv = _marked(RESIDENTS).encode()
    rota_xlsx = xlsx_bytes(_marked(ROTA))
    (inputs / "residents.csv").write_bytes(roster_csv)
    (inputs / "planning.xlsx").write_bytes(rota_xlsx)
    bad = _marked(RESIDENTS).splitlines()
    bad[8] = bad[8].replace("15/01/1942", "quinze janvier")  # Martin Paul's line (line 9)
    (inputs / "illisible.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")

    assert main(["init"]) == 0
    capsys.readouterr()
    resident_uuid, staff_uuid = _save_patients_zero(data_dir)
    log_file = logging_setup.setup_logging(logging.DEBUG)
    restore = logging_setup.install_excepthook()
    try:
        # 1. Through the service, as the window does: bytes in, two persons kept.
        with open_store(data_dir) as db:
            listing = build_candidates(
                db,
                AGENT,
                resident_uuid,
                (roster_csv, "residents.csv"),
                (rota_xlsx, "planning.xlsx"),
                until=date(2026, 11, 24),
            )
            names = {(c.person.last_name, c.person.first_name) for c in listing.result.candidates}
            assert set(KEPT_BY_SERVICE) <= names and len(names) == 26
            assert listing.rows_read == 40 + 43
            kept = [
                c
                for c in listing.result.candidates
                if (c.person.last_name, c.person.first_name) in KEPT_BY_SERVICE
            ]
            created = create_contacts(db, AGENT, resident_uuid, kept)
            assert len(created.created) == 2 and not created.linked and not created.unchanged
            # An error escaping while the list is open reaches the crash hook.
            try:
                raise ValueError(f"boom {kept[0].person.last_name}")
            except ValueError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
                logging.getLogger("test").exception("finder failed")

        # 2. Through the command line: the staff patient zéro's list, a bad file, an import.
        argv = ["contacts", "candidates", "--user", AGENT, "--patient-zero", staff_uuid]
        files = ["--roster", str(inputs / "residents.csv"), "--rota", str(inputs / "planning.xlsx")]
        assert main([*argv, *files, "--until", "16/11/2026", "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        rows = {(c["nom"], c["prenom"]): c for c in doc["candidats"]}
        assert set(KEPT_BY_CLI) <= set(rows)
        bad_files = ["--roster", str(inputs / "illisible.csv")]
        assert main([*argv, *bad_files, "--until", "16/11/2026"]) == 65
        assert "9" in capsys.readouterr().err
        lines = ["nom;prenom;date_naissance;telephone;date_dernier_contact;unite;statut"]
        for name, first in KEPT_BY_CLI:
            c = rows[(name, first)]
            born = date.fromisoformat(c["date_naissance"]).strftime("%d/%m/%Y")
            last = date.fromisoformat(c["jours"][-1]).strftime("%d/%m/%Y")
            lines.append(f"{name};{first};{born};;{last};Les Érables;professionnel")
        (inputs / "garder.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        code = main(
            [
                "contacts",
                "import",
                "--user",
                AGENT,
                "--patient-zero",
                staff_uuid,
                str(inputs / "garder.csv"),
            ]
        )
        assert code == 0, capsys.readouterr().err
    finally:
        restore()
        logging_setup.shutdown_logging()
    capsys.readouterr()

    assert log_file is not None and log_file.exists() and log_file.stat().st_size > 0
    assert "ValueError" in log_file.read_text(encoding="utf-8")  # the crash is there…

    # …but no marker of anybody not kept, anywhere on disk.
    leaks = _scan(data_dir, NOT_KEPT_STRINGS)
    leaks += _scan(tmp_path, NOT_KEPT_STRINGS, skip=inputs)
    leaks += _scan(temp_dir, NOT_KEPT_STRINGS)
    leaks += _scan_new_entries(system_tmp, before_tmp, NOT_KEPT_STRINGS)
    assert leaks == []
    # The data folder holds no marker in clear at all: the kept ones are in the
    # encrypted database only (logs and crash reports name nobody).
    assert _scan(data_dir, ALL_STRINGS) == []
    assert list((data_dir / "logs").glob("crash-*.json"))  # the crash report was written

    with open_store(data_dir) as db:
        # The journal: the consultations with counts, never a name.
        journal = journal_rows(db)
        text = "\n".join(" ".join(str(v) for v in row) for row in journal).lower()
        assert [m for m in ALL_STRINGS if m.lower() in text] == []
        views = [r for r in journal if r[3] == JournalAction.VIEW.value and "liste" in r[5]]
        by_pz = {r[4]: r[5] for r in views}
        assert set(by_pz) == {resident_uuid, staff_uuid}
        assert "83" in by_pz[resident_uuid] and "26" in by_pz[resident_uuid]
        # Only the kept persons became fiches.
        fiches = list(FicheRepository(db, REFERENT).iter_fiches())
        stored = json.dumps([fiche_to_dict(f) for f in fiches], ensure_ascii=False)
        assert [m for m in NOT_KEPT_STRINGS if m in stored] == []
        contacts = [f for f in fiches if isinstance(f, Contact)]
        assert sorted((c.birth_name, c.first_names) for c in contacts) == sorted(
            [*KEPT_BY_SERVICE, *KEPT_BY_CLI]
        )
        assert len([f for f in fiches if isinstance(f, PatientZero)]) == 2
        # The two kept through the service, as the issue describes them.
        for contact in contacts:
            if (contact.birth_name, contact.first_names) not in KEPT_BY_SERVICE:
                continue
            assert contact.state is LifecycleState.DRAFT
            assert contact.establishment.status is EstablishmentStatus.RESIDENT
            assert contact.establishment.unit == "Les Tilleuls"
            [exp] = contact.expositions
            assert exp.patient_zero_uuid == resident_uuid
            assert exp.last_contact == date(2026, 11, 24)
            if contact.birth_name == KEPT_BY_SERVICE[0][0]:  # same room → Même lieu de vie
                assert contact.birth_date == date(1933, 7, 19)
                assert contact.establishment.room == "T12"
                assert exp.circumstances == [Circumstance.SAME_HOUSEHOLD]
            else:  # same table → face à face
                assert contact.establishment.room == "T16"
                assert exp.circumstances == [Circumstance.FACE_TO_FACE]
