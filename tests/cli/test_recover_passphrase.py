"""``tracing-desk recover`` in passphrase mode: a forgotten passphrase replaced with the code.

The old passphrase is never asked; the code comes from standard input (or the
prompt), the new passphrase from TRACING_DESK_NEW_PASSPHRASE (or typed twice).
The database is re-keyed, the recovery file re-wrapped: the same code keeps
working, the old passphrase no longer opens anything.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.cli._common import EXIT_OK, EXIT_STORE_ERROR, EXIT_USAGE
from app.core.enums import JournalAction
from app.db import store
from app.db.errors import WrongKeyError
from app.db.store import init_store, open_store

OLD = "ancienne phrase secrète oubliée"
NEW = "nouvelle phrase secrète choisie"
NEWER = "encore une autre phrase secrète"


@pytest.fixture
def code(data_dir: Path) -> str:
    return init_store(passphrase=OLD).recovery_code


def _recover(monkeypatch: pytest.MonkeyPatch, code: str, new: str | None) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))
    if new is None:
        monkeypatch.delenv("TRACING_DESK_NEW_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("TRACING_DESK_NEW_PASSPHRASE", new)
    return main(["recover"])


def _opens(passphrase: str) -> bool:
    try:
        open_store(passphrase=passphrase).close()
    except WrongKeyError:
        return False
    return True


def test_recover_sets_a_new_passphrase_without_the_old_one(
    code: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data_dir / paths.RECOVERY_FILENAME).read_bytes()
    capsys.readouterr()
    assert _recover(monkeypatch, code, NEW) == EXIT_OK
    out, err = capsys.readouterr()
    assert "Phrase secrète remplacée" in out and "même code de récupération" in out
    assert "trousseau" not in out + err
    assert code not in out + err and NEW not in out + err
    assert not _opens(OLD)
    assert _opens(NEW)
    assert (data_dir / paths.RECOVERY_FILENAME).read_bytes() != before
    assert not list(data_dir.glob("*.pending"))
    db = open_store(passphrase=NEW)
    try:
        actions = [r[0] for r in db.query("SELECT action FROM journal")]
    finally:
        db.close()
    assert JournalAction.KEY_RECOVERY.value in actions
    # The same printed code still works, for the new passphrase.
    assert _recover(monkeypatch, code, NEWER) == EXIT_OK
    assert not _opens(NEW) and _opens(NEWER)


def test_old_passphrase_in_the_environment_is_not_needed_nor_used(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACING_DESK_PASSPHRASE", "pas la bonne du tout")
    assert _recover(monkeypatch, code, NEW) == EXIT_OK
    assert _opens(NEW)


def test_weak_new_passphrase_changes_nothing(
    code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _recover(monkeypatch, code, "court") == EXIT_USAGE
    assert "Rien n’a été modifié" in capsys.readouterr().err
    assert _opens(OLD)


def test_no_new_passphrase_without_a_terminal(
    code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _recover(monkeypatch, code, None) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "TRACING_DESK_NEW_PASSPHRASE" in err and "Rien n’a été modifié" in err
    assert _opens(OLD)


def test_wrong_code_changes_nothing(
    code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.db.recovery import generate_code

    assert _recover(monkeypatch, generate_code(), NEW) == EXIT_STORE_ERROR
    assert "ne correspond pas" in capsys.readouterr().err
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert _recover(monkeypatch, typo, NEW) == EXIT_STORE_ERROR
    assert "faute de frappe" in capsys.readouterr().err
    assert _opens(OLD) and not _opens(NEW)


def test_code_on_the_command_line_still_accepted(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACING_DESK_NEW_PASSPHRASE", NEW)
    assert main(["recover", "--code", code]) == EXIT_OK
    assert _opens(NEW)


def test_interrupted_after_the_rekeying_the_code_still_works(
    code: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between the re-keying and the recovery file's move loses nothing."""

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(store, "_rekey_marks", crash)
        assert _recover(monkeypatch, code, NEW) == 130
    assert _opens(NEW) and not _opens(OLD)
    assert list(data_dir.glob("*.pending"))
    # The recovery file still wraps the old passphrase; the code finds the new one.
    assert _recover(monkeypatch, code, NEWER) == EXIT_OK
    assert _opens(NEWER)
    assert not list(data_dir.glob("*.pending"))


def test_keyring_mode_recover_unchanged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring

    result = init_store()
    keyring.get_keyring().delete_password("tracing-desk", result.store_id)
    monkeypatch.setattr("sys.stdin", io.StringIO(result.recovery_code + "\n"))
    assert main(["recover"]) == EXIT_OK
    assert "Clé restaurée dans le trousseau" in capsys.readouterr().out
    open_store().close()
