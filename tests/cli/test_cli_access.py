"""The access-control commands: export, journal and forget."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from app.cli import main
from app.db import keystore
from app.db.accounts import AccountStore
from app.db.repositories import FicheRepository, journal_rows
from app.db.store import open_store, store_id
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.support.markers import marker_contact, marker_patient_zero


@pytest.fixture
def store(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["init"]) == 0
    with open_store(data_dir) as db:
        repo = FicheRepository(db, "agent")
        pz = marker_patient_zero()
        repo.save(pz)
        repo.save(marker_contact(pz))
    capsys.readouterr()
    return data_dir


def test_cli_export_before_any_account(store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "t.xlsx"
    assert main(["export", "excel", "--out", str(out)]) == 0
    assert "2 fiches" in capsys.readouterr().out and out.exists()
    csv_out = tmp_path / "p.csv"
    assert main(["export", "pseudonymised", "--out", str(csv_out)]) == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfPseudonyme;")


def test_cli_needs_a_referent_account_once_accounts_exist(
    store: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store) as db:
        AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD)
        from app.core.accounts import Role

        AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
    out = tmp_path / "t.xlsx"
    assert main(["export", "excel", "--out", str(out)]) == 77
    assert "--user" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("TRACING_DESK_PASSWORD", AGENT_PASSWORD)
    assert main(["export", "excel", "--out", str(out), "--user", AGENT]) == 77
    assert not out.exists()
    assert main(["journal", "--user", AGENT]) == 77
    monkeypatch.setenv("TRACING_DESK_PASSWORD", "pas le bon mot de passe")
    assert main(["export", "excel", "--out", str(out), "--user", REFERENT]) == 77
    assert "incorrect" in capsys.readouterr().err
    monkeypatch.setenv("TRACING_DESK_PASSWORD", REFERENT_PASSWORD)
    assert main(["export", "excel", "--out", str(out), "--user", REFERENT]) == 0
    assert out.exists()
    capsys.readouterr()
    assert main(["journal", "--user", REFERENT, "--action", "export", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["chain_ok"] is True and report["total"] >= 3
    assert {e["user"] for e in report["entries"]} == {REFERENT}
    with open_store(store) as db:
        rows = journal_rows(db)
    assert any(r[2] == REFERENT and r[3] == "connexion" and r[5] == "cli" for r in rows)


def test_forget_needs_yes_then_deletes_key_and_data(store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "t.xlsx"
    assert main(["export", "excel", "--out", str(out)]) == 0
    sid = store_id(store)
    (store / "logs").mkdir(exist_ok=True)
    unrelated = store / "notes-personnelles.txt"
    unrelated.write_text("à garder")
    assert main(["forget"]) == 64
    assert "--yes" in capsys.readouterr().err
    assert keyring.get_password(keystore.SERVICE, sid) is not None
    assert main(["forget", "--yes"]) == 0
    assert keyring.get_password(keystore.SERVICE, sid) is None
    assert not (store / "tracing.db").exists()
    assert not (store / "tracing.db.recovery").exists()
    assert not (store / "tracing.db.id").exists()
    assert not (store / "logs").exists()
    assert not out.exists()  # the registered export went too
    assert unrelated.read_text() == "à garder"  # never anything else
