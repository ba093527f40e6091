"""A station without a keyring (keyring's ``fail`` backend), its store in passphrase mode.

The partner token is kept in the encrypted database; the sync works against
the real central service; a forgotten passphrase is replaced with the
recovery code; the keyring is described in French and a misspelt
PYTHON_KEYRING_BACKEND is a clear message, never a traceback.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from app.cli import main
from app.cli._common import EXIT_OK, EXIT_STORE_ERROR, cli_user
from app.db.errors import KeyringRefusedError, WrongKeyError
from app.db.store import init_store, open_store
from app.services.sync_setup import forget_token, save_token, sync_now
from app.sync.config import get_token
from app.sync.errors import AuthenticationError
from tests.support.central_service import FAST, TOKEN, Central, make_fiches

PASSPHRASE = "phrase secrète du poste sans trousseau"
NEW = "nouvelle phrase secrète après oubli"


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())  # the conftest's autouse fixture restores it
    yield


@pytest.fixture
def code(data_dir: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch) -> str:
    code = init_store(passphrase=PASSPHRASE).recovery_code
    monkeypatch.setenv("TRACING_DESK_PASSPHRASE", PASSPHRASE)
    return code


def _no_file_holds(data_dir: Path, secret: str) -> None:
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path.name


def test_keyringless_station_token_sync_and_recovery(
    code: str,
    central: Central,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(KeyringRefusedError):
        keyring_check()
    # The token from the command line (standard input): into the database.
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(TOKEN + "\n"))
    assert main(["sync", "--server", central.url, "--set-token"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "base de données chiffrée" in out and TOKEN not in out
    db = open_store()
    try:
        assert get_token(central.url, db) == TOKEN
        details = " ".join(str(r[0]) for r in db.query("SELECT detail FROM journal"))
        assert TOKEN not in details and "secret sync-token" in details
        # The service too (what the window's token dialog and the wizard call).
        save_token(db, cli_user(), central.url, TOKEN + "-bis")
        assert get_token(central.url, db) == TOKEN + "-bis"
        save_token(db, cli_user(), central.url, TOKEN)
        make_fiches(db, 3)
        report = sync_now(db, cli_user(), central.config(), policy=FAST)
        assert report.ok and report.accepted == 3 and report.remaining == 0, report.message
    finally:
        db.close()
    db = open_store()
    db.close()
    _no_file_holds(data_dir, TOKEN)

    # The passphrase forgotten: the code and a new passphrase, nothing else.
    monkeypatch.delenv("TRACING_DESK_PASSPHRASE")
    monkeypatch.setenv("TRACING_DESK_NEW_PASSPHRASE", NEW)
    monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))
    assert main(["recover"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "trousseau" not in out + err
    with pytest.raises(WrongKeyError):
        open_store(passphrase=PASSPHRASE)
    db = open_store(passphrase=NEW)
    try:
        assert get_token(central.url, db) == TOKEN  # the token came through the re-keying
        # Removing the token removes it from the database.
        forget_token(db, cli_user(), central.url)
        with pytest.raises(AuthenticationError):
            get_token(central.url, db)
    finally:
        db.close()


def keyring_check() -> None:
    from app.db import keystore

    keystore.check_backend()


def test_doctor_and_forget_without_a_keyring(
    code: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["doctor"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "aucun trousseau (mode phrase secrète)" in out
    assert "keyring.backends" not in out
    assert main(["doctor", "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["keyring"] == "aucun trousseau (mode phrase secrète)"
    # « Oublier ce poste »: nothing to remove from a keyring that is not there,
    # and no English log line on stderr.
    assert main(["forget", "--yes"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "station forgotten" not in err and "trousseau (" not in err
    assert not (data_dir / "tracing.db").exists()


def test_misspelt_keyring_backend_is_a_french_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretServise.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # loaded again from the variable
    capsys.readouterr()
    assert main(["init"]) == EXIT_STORE_ERROR
    err = capsys.readouterr().err
    assert "PYTHON_KEYRING_BACKEND" in err and "SecretServise" in err
    assert "Traceback" not in err and "ModuleNotFoundError" not in err.split("(détail")[0]
    assert len(err.strip().splitlines()) <= 2
    assert not (data_dir / "tracing.db").exists()
