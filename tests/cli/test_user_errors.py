"""A ``UserError`` reaching the command line: its French message and exit status, no crash report.

Anything else stays a bug (``EXIT_SOFTWARE`` and a crash report, see test_crash_report.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from app.cli import main, store
from app.cli._common import EXIT_DATA_ERROR, EXIT_SOFTWARE, EXIT_STORE_ERROR
from app.core.errors import UserError


def _raising(error: BaseException) -> Callable[[], NoReturn]:
    def report() -> NoReturn:
        raise error

    return report


def _run_doctor_raising(
    error: BaseException,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str]:
    assert main(["init"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(store, "doctor_report", _raising(error))
    code = main(["doctor"])
    err = capsys.readouterr().err
    if isinstance(error, UserError):
        assert list((data_dir / "logs").glob("crash-*.json")) == []
        assert "Erreur interne" not in err
    return code, err


def test_refused_input_is_a_data_error_with_its_french_message(data_dir, monkeypatch, capsys):
    from app.core.serialize import DecodeError

    error = DecodeError("date_naissance", "date invalide")
    code, err = _run_doctor_raising(error, data_dir, monkeypatch, capsys)
    assert code == EXIT_DATA_ERROR
    assert err == "date_naissance\u00a0: date invalide\n"


def test_setting_error_is_a_data_error(data_dir, monkeypatch, capsys):
    from app.core.settings import SettingError

    message = "Fuseau horaire inconnu\u00a0: « Lune/Mer »."
    code, err = _run_doctor_raising(SettingError(message), data_dir, monkeypatch, capsys)
    assert code == EXIT_DATA_ERROR and err == message + "\n"


def test_export_error_keeps_the_exit_status_it_had_as_a_store_error(data_dir, monkeypatch, capsys):
    from app.exports.service import ExportError

    error = ExportError("Le dossier de destination n’existe pas.")
    code, err = _run_doctor_raising(error, data_dir, monkeypatch, capsys)
    assert code == EXIT_STORE_ERROR and err == "Le dossier de destination n’existe pas.\n"


def test_account_error_keeps_the_exit_status_it_had_as_a_store_error(data_dir, monkeypatch, capsys):
    from app.db.accounts import AccountError

    error = AccountError("Compte inconnu.")
    code, err = _run_doctor_raising(error, data_dir, monkeypatch, capsys)
    assert code == EXIT_STORE_ERROR and err == "Compte inconnu.\n"


def test_a_key_error_stays_a_bug(data_dir, monkeypatch, capsys):
    code, err = _run_doctor_raising(KeyError("DUPONT"), data_dir, monkeypatch, capsys)
    assert code == EXIT_SOFTWARE
    assert err.startswith("Erreur interne") and "DUPONT" not in err
