"""``tracing-desk contacts candidates`` (issue 17): JSON, table, bad files, nothing written."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.enums import EstablishmentStatus
from app.core.models import EstablishmentPlace, InfectionEvidence, PatientZero
from app.db.store import open_store
from app.services.fiches import FicheService

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

ROSTER = (
    "\ufeffnom;prenom;date_naissance;unite;chambre;table;arrivee;depart\n"
    "DUPRÉ;hélène;02/04/1938;Les Tilleuls;12;T1;01/10/2026;\n"
    "Roux;Jean;01/01/1935;Les Tilleuls;12;T2;01/10/2026;12/11/2026\n"
    "Blanc;Odette;01/01/1936;Les Tilleuls;14;t1;01/10/2026;\n"
    "Vert;Rose;01/01/1939;Les Chênes;12;T1;01/10/2026;\n"
)
ROTA = (
    "nom,prenom,date_naissance,unite,debut,fin\n"
    "Morel,Inès,03/05/1990,Les Tilleuls,09/11/2026 21:00,10/11/2026 07:00\n"
)


@pytest.fixture
def pz_uuid(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> str:
    fake_clock.set(T0)
    assert main(["init"]) == 0
    db = open_store(data_dir)
    try:
        pz = PatientZero(
            birth_name="Dupré",
            first_names="Hélène",
            birth_date=date(1938, 4, 2),
            infection=InfectionEvidence(symptom_onset=date(2026, 11, 12)),
            establishment=EstablishmentPlace(status=EstablishmentStatus.RESIDENT),
        )
        FicheService(db, "ide.test").save(pz)
    finally:
        db.close()
    capsys.readouterr()
    return pz.uuid


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    lists = tmp_path / "listes"
    lists.mkdir()
    roster = lists / "residents.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    rota = lists / "planning.csv"
    rota.write_text(ROTA, encoding="utf-8")
    return roster, rota


def _tree(*roots: Path) -> dict[str, int]:
    return {str(p): p.stat().st_size for root in roots for p in root.rglob("*") if p.is_file()}


def test_json_exactly_as_the_issue_says(
    pz_uuid: str,
    files: tuple[Path, Path],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roster, rota = files
    before = _tree(roster.parent)
    argv = ["contacts", "candidates", "--patient-zero", pz_uuid, "--roster", str(roster)]
    assert main([*argv, "--rota", str(rota), "--until", "14/11/2026", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "patient_zero": pz_uuid,
        "fenetre": {"debut": "2026-11-10", "fin": "2026-11-14"},
        "candidats": [
            {
                "nom": "Roux",
                "prenom": "Jean",
                "date_naissance": "1935-01-01",
                "statut": "resident",
                "motif": "chambre",
                "rang": 1,
                "jours": ["2026-11-10", "2026-11-11", "2026-11-12"],
                "deja_contact": False,
            },
            {
                "nom": "Blanc",
                "prenom": "Odette",
                "date_naissance": "1936-01-01",
                "statut": "resident",
                "motif": "table",
                "rang": 2,
                "jours": [f"2026-11-{d}" for d in range(10, 15)],
                "deja_contact": False,
            },
            {
                "nom": "Morel",
                "prenom": "Inès",
                "date_naissance": "1990-05-03",
                "statut": "personnel",
                "motif": "personnel",
                "rang": 3,
                "jours": ["2026-11-10"],
                "deja_contact": False,
            },
        ],
    }
    assert _tree(roster.parent) == before  # the lists are only read
    # nothing created: the patient zéro is the only fiche
    assert main(["doctor", "--json"]) in (0, 65)
    assert json.loads(capsys.readouterr().out)["fiches_total"] == 1


def test_table_defaults_until_today(
    pz_uuid: str, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    roster, _rota = files
    argv = ["contacts", "candidates", "--patient-zero", pz_uuid, "--roster", str(roster)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Fenêtre de contagiosité\u00a0: du 10/11/2026 au 20/11/2026" in out
    assert "4 ligne(s) lue(s), 2 candidat(s)." in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Rang"))
    assert lines[header + 1].split()[:5] == ["1", "chambre", "résident", "Roux", "Jean"]
    assert lines[header + 2].split()[:5] == ["2", "table", "résident", "Blanc", "Odette"]


def test_bad_files_exit_65_with_each_line_and_create_nothing(
    pz_uuid: str,
    files: tuple[Path, Path],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roster, rota = files
    rota.write_text(
        ROTA
        + "Morel,Inès,03/05/1990,Les Tilleuls,12/11/2026 14:00,12/11/2026 07:00\n"
        + "Morel,Inès,31/02/1990,Les Tilleuls,13/11/2026 07:00,13/11/2026 14:00\n",
        encoding="utf-8",
    )
    argv = ["contacts", "candidates", "--patient-zero", pz_uuid, "--roster", str(roster)]
    assert main([*argv, "--rota", str(rota)]) == 65
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "planning du personnel, ligne 3\u00a0: fin du service (12/11/2026 07:00) avant ou à "
        "son début (12/11/2026 14:00)",
        "planning du personnel, ligne 4\u00a0: date de naissance illisible «\u202f31/02/1990"
        "\u202f» (jj/mm/aaaa)",
        "planning du personnel\u00a0: 2 problème(s), rien n’a été créé.",
    ]
    roster.write_text("nom;prenom;unite\nRoux;Jean;A\n", encoding="utf-8")
    assert main(argv) == 65
    err = capsys.readouterr().err
    assert err.startswith("liste des résidents, ligne 1\u00a0: colonne(s) manquante(s)")
    assert "date_naissance" in err


def test_usage_and_store_errors(
    pz_uuid: str, files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster, _rota = files
    argv = ["contacts", "candidates", "--patient-zero", pz_uuid, "--roster"]
    assert main([*argv, str(roster), "--until", "31/11/2026"]) == 64
    assert "--until\u00a0: date illisible «\u202f31/11/2026\u202f»" in capsys.readouterr().err
    assert main([*argv, str(tmp_path / "absent.csv")]) == 64
    assert (
        f"Impossible de lire le fichier des résidents «\u202f{tmp_path / 'absent.csv'}\u202f»"
        "\u00a0: il n’existe pas." in capsys.readouterr().err
    )
    unknown = ["contacts", "candidates", "--patient-zero", "00000000-0000-4000-8000-000000000000"]
    assert main([*unknown, "--roster", str(roster)]) == 2
    assert capsys.readouterr().err.strip()
