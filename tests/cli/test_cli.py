"""The admin commands, in-process (``main(argv)``) and as a real subprocess."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app import __version__
from app.cli import main
from app.core.clock import FakeClock
from app.db import schema
from app.db.store import open_store, store_id

ROOT = Path(__file__).resolve().parents[2]


def _digest(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file()
    }


def _init(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert "CODE DE RÉCUPÉRATION" in out
    return out.split("CODE DE RÉCUPÉRATION (affiché une seule fois) :")[1].split()[0]


def test_init_then_doctor_json(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    _init(capsys)
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in (
        "cipher_version",
        "integrity_ok",
        "keyring_backend",
        "schema_version",
        "fiches_total",
        "patients_zero",
        "contacts",
        "pending_sync",
        "oldest_created",
        "next_deadline",
    ):
        assert key in report
    assert report["cipher_version"].startswith("4.")
    assert report["integrity_ok"] is True and report["journal_chain_ok"] is True
    assert report["fiches_total"] == 0
    assert report["oldest_created"] is None and report["next_deadline"] is None
    assert report["schema_version"] == schema.CURRENT_VERSION
    assert (data_dir / "tracing.db").exists()
    assert oct(data_dir.stat().st_mode & 0o777) == "0o700"


def test_init_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    _init(capsys)
    before = _digest(data_dir)
    assert main(["init"]) != 0
    assert "existe" in capsys.readouterr().err
    assert _digest(data_dir) == before


def test_demo_data_counts_and_dates(
    capsys: pytest.CaptureFixture[str], fake_clock: FakeClock
) -> None:
    _init(capsys)
    assert main(["demo-data", "--count", "25", "--spread-days", "10", "--seed", "3"]) == 0
    capsys.readouterr()
    main(["doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["patients_zero"] == 25
    assert report["contacts"] == report["fiches_total"] - 25
    assert 0 <= report["contacts"] <= 250
    oldest = report["oldest_created"]
    assert "2026-11-14" <= oldest[:10] <= "2026-11-24"
    assert report["next_deadline"][:7] in ("2027-02",)


def test_demo_data_is_realistic(capsys: pytest.CaptureFixture[str], fake_clock: FakeClock) -> None:
    from app.core.identifiers import normalize_nir, parse_phone
    from app.db.repositories import FicheRepository

    _init(capsys)
    main(["demo-data", "--count", "20", "--seed", "11"])
    db = open_store()
    try:
        fiches = list(FicheRepository(db, "t").iter_fiches())
    finally:
        db.close()
    assert any(any(c in f.birth_name + f.first_names for c in "éèëïçôâÉÈ") for f in fiches)
    for fiche in fiches:
        assert normalize_nir(fiche.nir) == fiche.nir  # valid key, or it raises
        assert [parse_phone(p) for p in fiche.phones] == fiche.phones


def test_journal_records_the_os_user(capsys: pytest.CaptureFixture[str]) -> None:
    _init(capsys)
    db = open_store()
    try:
        users = {r[0] for r in db.query("SELECT user FROM journal")}
    finally:
        db.close()
    assert users == {f"cli:{getpass.getuser()}"}


def test_export_import_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_clock: FakeClock
) -> None:
    _init(capsys)
    main(["demo-data", "--count", "5", "--spread-days", "20", "--seed", "5"])
    export = tmp_path / "export.jsonl"
    assert main(["export-json", str(export)]) == 0
    capsys.readouterr()
    assert oct(export.stat().st_mode & 0o777) == "0o600"
    lines = export.read_text(encoding="utf-8").splitlines()

    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "init"]) == 0
    assert main(["import", str(export), "--data-dir", str(other)]) == 0
    assert f"{len(lines)} fiches importées" in capsys.readouterr().out
    second = tmp_path / "second.jsonl"
    main(["export-json", str(second), "--data-dir", str(other)])
    originals = {json.loads(x)["uuid"]: json.loads(x) for x in lines}
    for line in second.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        before = originals[doc["uuid"]]
        assert doc["cree_le"] == before["cree_le"]  # the deadline is kept
        for key in ("nom_naissance", "nir", "telephones", "adresse"):
            assert doc[key] == before[key]


def test_import_reports_each_bad_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_clock: FakeClock
) -> None:
    _init(capsys)
    main(["demo-data", "--count", "3", "--spread-days", "5", "--seed", "2"])
    export = tmp_path / "export.jsonl"
    main(["export-json", str(export)])
    good = export.read_text(encoding="utf-8").splitlines()
    bad_enum = json.loads(good[0])
    bad_enum["sexe"] = "licorne"
    bad_enum["uuid"] = "11111111-1111-4111-8111-111111111111"
    lines = [*good[:1], "{ pas du json", json.dumps(bad_enum, ensure_ascii=False)]
    target = tmp_path / "target"
    main(["--data-dir", str(target), "init"])
    capsys.readouterr()
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--data-dir", str(target), "import", str(source)]) != 0
    err = capsys.readouterr().err
    assert "ligne 2" in err and "JSON illisible" in err
    assert "ligne 3" in err and "sexe" in err
    assert "aucune fiche importée" in err
    main(["--data-dir", str(target), "doctor", "--json"])
    assert json.loads(capsys.readouterr().out)["fiches_total"] == 0


def test_doctor_fails_cleanly_on_a_wrong_key(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _init(capsys)
    keyring.set_password("tracing-desk", store_id(), "ab" * 32)
    before = _digest(data_dir)
    assert main(["doctor", "--json"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "clé" in captured.err and "n’a pas été modifiée" in captured.err
    assert _digest(data_dir) == before


def test_doctor_without_database(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["doctor", "--json"]) != 0
    assert "tracing-desk init" in capsys.readouterr().err
    assert not (data_dir / "tracing.db").exists()


def test_recover_restores_the_keyring_entry(capsys: pytest.CaptureFixture[str]) -> None:
    code = _init(capsys)
    keyring.delete_password("tracing-desk", store_id())
    assert main(["doctor"]) != 0
    assert "recover" in capsys.readouterr().err
    assert main(["recover", "--code", code.lower()]) == 0
    assert main(["doctor", "--json"]) == 0


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests" / "support"), str(ROOT)])
    env["PYTHON_KEYRING_BACKEND"] = "memkeyring.FileTestKeyring"
    env["TRACING_DESK_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    env.pop("TRACING_DESK_DATA_DIR", None)
    return env


def test_python_dash_m_app_and_data_dir_option(tmp_path: Path) -> None:
    env = _env(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "app", "--version"], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0 and __version__ in run.stdout
    data = tmp_path / "portable"
    for args in (["--data-dir", str(data), "init"], ["doctor", "--json", "--data-dir", str(data)]):
        run = subprocess.run(
            [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["keyring_backend"] == "memkeyring.FileTestKeyring"
    assert (data / "tracing.db").exists()


def test_format_document_is_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from gen_format_doc import OUT, render

    assert OUT.read_text(encoding="utf-8") == render(), "run tools/gen_format_doc.py"
