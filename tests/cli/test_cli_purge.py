"""``tracing-desk purge [--dry-run] [--as-of DATE] [--json]``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.cli.purge import parse_as_of
from app.core.clock import FakeClock
from app.db import exported_files
from app.db.store import init_store, open_store
from tests.support.purge import contact, patient_zero, save_at

T0 = datetime(2026, 1, 15, 9, tzinfo=UTC)  # 10:00 in Paris


@pytest.fixture
def fiches(fake_clock: FakeClock, tmp_path: Path) -> Path:
    """Two patients zéro (one with a contact) created a month apart, and an export."""
    init_store()
    db = open_store()
    try:
        first, second = patient_zero(n=1), patient_zero(n=2)
        save_at(db, fake_clock, T0, first, contact("Proche", first, n=3))
        save_at(db, fake_clock, T0 + timedelta(days=31), second)
        export = tmp_path / "liste.xlsx"
        export.write_bytes(b"PK")
        exported_files.register_export(db, export, [first.uuid], kind="xlsx")
    finally:
        db.close()
    fake_clock.set(T0 + timedelta(days=60))
    return export


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["purge", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_dry_run_as_of_previews_without_deleting(
    fiches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _json(capsys, "--dry-run")
    assert before["fiches"] == 0 and before["dry_run"] is True
    ahead = _json(capsys, "--dry-run", "--as-of", "2026-04-15")
    assert (ahead["fiches"], ahead["patients_zero"], ahead["contacts"]) == (2, 1, 1)
    assert ahead["expositions"] == 1 and ahead["files_deleted"] == 1
    assert ahead["as_of"] == "2026-04-15T21:59:59.999999+00:00"  # end of the day in Paris
    assert fiches.exists()
    assert _json(capsys, "--dry-run", "--as-of", "2026-04-14")["fiches"] == 0


def test_purge_as_of_deletes_ahead_and_reports(
    fiches: Path, capsys: pytest.CaptureFixture[str], fake_clock: FakeClock
) -> None:
    report = _json(capsys, "--as-of", "2026-04-15T10:00")
    assert report["fiches"] == 2 and report["files_deleted"] == 1
    assert report["next_deadline"] == "2026-05-15T08:00:00+00:00"
    assert not fiches.exists()
    assert _json(capsys)["fiches"] == 0

    fake_clock.set(datetime(2026, 5, 15, 8, tzinfo=UTC))
    assert main(["purge"]) == 0
    out = capsys.readouterr().out
    assert "Purge au 15/05/2026 à 10:00." in out
    assert "1 fiche supprimée (1 patient zéro, 0 personne contact)" in out
    assert "Aucune suppression à venir." in out


def test_moved_export_is_reported_on_stderr(
    fiches: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fiches.rename(fiches.with_name("ailleurs.xlsx"))
    assert main(["purge", "--as-of", "2026-04-15"]) == 0
    err = capsys.readouterr().err
    assert "ATTENTION" in err and str(fiches) in err and "introuvable" in err


def test_bad_date_is_refused_in_french(fiches: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["purge", "--as-of", "15/04/2026"]) == 64
    assert "AAAA-MM-JJ" in capsys.readouterr().err


def test_as_of_reading() -> None:
    assert parse_as_of("2026-07-01", "Europe/Paris") == datetime(
        2026, 7, 1, 21, 59, 59, 999999, tzinfo=UTC
    )
    assert parse_as_of("2026-07-01T12:00", "Europe/Paris") == datetime(2026, 7, 1, 10, tzinfo=UTC)
    assert parse_as_of("2026-07-01T12:00Z", "Europe/Paris") == datetime(2026, 7, 1, 12, tzinfo=UTC)
