"""After a failed integrity check the store opens read-only until it is repaired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.models import PatientZero
from app.db import store, watermark
from app.db.connection import Database
from app.db.errors import WritesRefusedError
from app.services.fiches import FicheService

USER = "ide.test"


def _corrupted_store(data_dir: Path) -> None:
    """Three fiches, then a damaged page that holds no fiche (one of the sync runs' pages).

    A realistic damage (one flipped bit): the page no longer authenticates
    (SQLCipher's HMAC), the fiches' pages still do.
    """
    store.init_store()
    with store.open_store() as db:
        service = FicheService(db, USER)
        for i in range(3):
            service.save(PatientZero(birth_name=f"Essai{i}", first_names="Zoé"))
        db.checkpoint_truncate()
        first = _page_count(db)
        with db.transaction() as cur:
            cur.executemany(  # pages that neither reading nor exporting fiches touch
                "INSERT INTO sync_runs (started_at, finished_at, outcome) VALUES (?, ?, ?)",
                [("2026-11-24T10:00:00", "2026-11-24T10:00:01", "x" * 3000)] * 40,
            )
        db.checkpoint_truncate()
        middle = (first + _page_count(db)) // 2  # an overflow page of those rows
    db_file = data_dir / "tracing.db"
    data = bytearray(db_file.read_bytes())
    data[(middle - 1) * 4096 + 300] ^= 0xFF
    db_file.write_bytes(bytes(data))


def _page_count(db: Database) -> int:
    row = db.query_one("PRAGMA page_count")
    assert row is not None
    return int(row[0])


def test_failed_integrity_makes_the_store_read_only(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    _corrupted_store(data_dir)

    assert main(["doctor", "--json"]) != 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity_ok"] is False and report["read_only"] is True
    assert (data_dir / watermark.INTEGRITY_FILENAME).exists()

    with store.open_store() as db:
        state = watermark.state_of(db)
        assert state.integrity_failed and not state.rollback_detected
        with pytest.raises(WritesRefusedError) as info:
            FicheService(db, USER).save(PatientZero(birth_name="Nouvelle", first_names="Zoé"))
        assert "lecture seule" in str(info.value)
        assert "intégrité" in str(info.value)
        assert db.query_one("SELECT count(*) FROM fiches") == (3,)

    export = tmp_path / "secours.jsonl"
    assert main(["export-json", str(export)]) == 0  # the repair path's first step
    assert len(export.read_text(encoding="utf-8").splitlines()) == 3
    capsys.readouterr()

    # A later attempt to write changes nothing: doctor still reports the failure.
    with store.open_store() as db, pytest.raises(WritesRefusedError):
        FicheService(db, USER).save(PatientZero(birth_name="Encore", first_names="Zoé"))
    assert main(["doctor", "--json"]) != 0
    again = json.loads(capsys.readouterr().out)
    assert again["integrity_ok"] is False and again["read_only"] is True
    assert main(["accept-restore"]) != 0  # not the way out of a damaged store
    capsys.readouterr()


def test_quick_check_at_open_notices_a_damaged_page(data_dir: Path) -> None:
    _corrupted_store(data_dir)
    with store.open_store() as db:
        assert watermark.state_of(db).integrity_failed
    assert (data_dir / watermark.INTEGRITY_FILENAME).exists()


def test_recorded_failure_is_kept_even_if_the_check_passes_later(data_dir: Path) -> None:
    store.init_store()
    store.open_store().close()
    watermark.record_integrity_failure(data_dir, store.store_id(), 1)
    with store.open_store() as db:
        assert watermark.state_of(db).integrity_failed
        with pytest.raises(WritesRefusedError):
            FicheService(db, USER).save(PatientZero(birth_name="Essai", first_names="Zoé"))


def test_repair_by_export_recreate_import(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    _corrupted_store(data_dir)
    export = tmp_path / "secours.jsonl"
    assert main(["export-json", str(export)]) == 0
    damaged = tmp_path / "endommage"
    data_dir.rename(damaged)  # the administrator keeps the damaged folder aside

    assert main(["init"]) == 0
    assert main(["import", str(export)]) == 0
    capsys.readouterr()
    with store.open_store() as db:
        assert watermark.state_of(db).clean
        assert db.query_one("SELECT count(*) FROM fiches") == (3,)
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity_ok"] is True and report["read_only"] is False


def test_forget_removes_the_mark_and_the_integrity_record(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _corrupted_store(data_dir)
    store.open_store().close()  # the failed check is recorded
    mark = data_dir / watermark.MARK_FILENAME
    integrity = data_dir / watermark.INTEGRITY_FILENAME
    assert mark.exists() and integrity.exists()
    kept = data_dir / "notes-du-referent.txt"  # not ours: forget leaves it, and the folder
    kept.write_text("à garder", encoding="utf-8")

    assert main(["forget", "--yes"]) == 0
    capsys.readouterr()
    assert not mark.exists() and not integrity.exists()
    assert sorted(p.name for p in data_dir.iterdir()) == [kept.name]


def test_doctor_reports_a_damaged_fiche_page_instead_of_failing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    store.init_store()
    with store.open_store() as db:
        service = FicheService(db, USER)
        for i in range(3):
            service.save(PatientZero(birth_name=f"Essai{i}", first_names="Zoé"))
        db.checkpoint_truncate()
        row = db.query_one("SELECT rootpage FROM sqlite_master WHERE name = 'fiches'")
    assert row is not None
    db_file = data_dir / "tracing.db"
    data = bytearray(db_file.read_bytes())
    data[(int(row[0]) - 1) * 4096 + 300] ^= 0xFF  # the page that holds the three fiches
    db_file.write_bytes(bytes(data))

    assert main(["doctor", "--json"]) != 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity_ok"] is False and report["read_only"] is True
    assert report["fiches_total"] is None and report["journal_chain_ok"] is None
    assert main(["doctor"]) != 0
    text = capsys.readouterr().out
    assert "ÉCHEC" in text and "Lecture seule" in text
