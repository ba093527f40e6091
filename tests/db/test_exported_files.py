"""Exported files and migration backups are deleted by the earliest deadline of their fiches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.clock import FakeClock
from app.db import exported_files, purge
from app.db.connection import Database
from app.db.jsonl import export_jsonl
from app.db.timefmt import from_db
from tests.support.purge import (
    USER,
    deadline_of,
    patient_zero,
    repo,
    save_at,
)

US = timedelta(microseconds=1)


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_export_is_deleted_at_the_earliest_deadline_of_its_fiches(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    early, late = patient_zero("Précoce", 1), patient_zero("Tardif", 2)
    save_at(store, fake_clock, z(2026, 2, 20, 9), late)
    save_at(store, fake_clock, z(2026, 1, 20, 9), early)
    fake_clock.set(z(2026, 3, 1, 9))
    out = tmp_path / "export.jsonl"
    assert len(export_jsonl(repo(store), out)) == 2
    [registered] = exported_files.registered_files(store)
    assert registered.path == out and registered.kind == "jsonl"
    earliest = from_db(deadline_of(store, early.uuid))
    assert registered.deadline == earliest

    fake_clock.set(earliest - US)
    assert purge.purge(store).files_deleted == 0
    assert out.exists()

    fake_clock.set(earliest)
    report = purge.purge(store)
    assert report.files_deleted == 1 and report.fiches == 1
    assert not out.exists()
    assert exported_files.registered_files(store) == []
    details = [str(r[0]) for r in store.query("SELECT detail FROM journal WHERE action = 'purge'")]
    assert f"fichier {registered.uuid}" in details


def test_file_registered_by_other_features_with_uuids(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    a, b = patient_zero(n=1), patient_zero(n=2)
    save_at(store, fake_clock, z(2026, 5, 1, 9), a)
    save_at(store, fake_clock, z(2026, 5, 20, 9), b)
    pdf = tmp_path / "liste.pdf"
    pdf.write_bytes(b"%PDF")
    file_uuid = exported_files.register_export(store, pdf, [b.uuid, a.uuid], kind="pdf", user=USER)
    assert file_uuid is not None
    assert purge.next_due(store) == from_db(deadline_of(store, a.uuid))
    # A file with no stored fiche in it holds no record: nothing to register.
    assert exported_files.register_export(store, tmp_path / "vide.pdf", []) is None


def test_moved_file_is_reported_and_undeletable_file_retried(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    pz = patient_zero()
    save_at(store, fake_clock, z(2026, 5, 1, 9), pz)
    moved = tmp_path / "deplace.xlsx"
    moved.write_bytes(b"x")
    stuck = tmp_path / "bloque.xlsx"
    stuck.mkdir()  # a directory cannot be unlinked as a file, even by root
    (stuck / "inside").write_text("x")
    exported_files.register_export(store, moved, [pz.uuid], kind="xlsx")
    exported_files.register_export(store, stuck, [pz.uuid], kind="xlsx")
    moved.rename(tmp_path / "ailleurs.xlsx")

    # Before the deadline, the move is already reported.
    report = purge.purge(store)
    assert [(f.path.name, f.state) for f in report.problem_files] == [("deplace.xlsx", "missing")]

    fake_clock.set(from_db(deadline_of(store, pz.uuid)))
    report = purge.purge(store)
    states = {f.path.name: f.state for f in report.problem_files}
    assert states == {"deplace.xlsx": "missing", "bloque.xlsx": "failed"}
    failed = next(f for f in report.problem_files if f.state == "failed")
    assert failed.last_error == "EISDIR"

    # Once the obstacle is gone, the next run deletes it; a dismissed warning goes away.
    (stuck / "inside").unlink()
    stuck.rmdir()
    stuck.write_bytes(b"x")
    report = purge.purge(store)
    assert report.files_deleted == 1 and not stuck.exists()
    missing = report.problem_files[0]
    assert exported_files.dismiss(store, missing.uuid, USER)
    assert exported_files.problem_files(store) == []


def test_file_deleted_before_a_crash_is_not_reported_as_moved(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    pz = patient_zero()
    save_at(store, fake_clock, z(2026, 5, 1, 9), pz)
    f = tmp_path / "export.jsonl"
    f.write_text("{}")
    uuid = exported_files.register_export(store, f, [pz.uuid])
    # The state a crash leaves between "deleting" and the row's removal.
    store.execute("UPDATE exported_files SET state = 'deleting' WHERE uuid = ?", (uuid,))
    f.unlink()
    fake_clock.set(from_db(deadline_of(store, pz.uuid)))
    report = purge.purge(store)
    assert report.files_deleted == 1 and report.problem_files == []


def test_migration_backup_goes_with_the_earliest_fiche_it_holds(
    store: Database, fake_clock: FakeClock
) -> None:
    old, new = patient_zero(n=1), patient_zero(n=2)
    save_at(store, fake_clock, z(2026, 4, 1, 9), old)
    backups = store.path.parent / "backups"
    backups.mkdir(exist_ok=True)
    backup = backups / "tracing-20260410T080000Z-v3.db"
    backup.write_bytes(b"encrypted copy")
    save_at(store, fake_clock, z(2026, 4, 20, 9), new)  # after the backup: not in it

    fake_clock.set(z(2026, 4, 21, 9))
    purge.purge(store)
    [registered] = exported_files.registered_files(store)
    assert registered.kind == "backup"
    assert registered.deadline == from_db(deadline_of(store, old.uuid))
    assert backup.exists()

    fake_clock.set(registered.deadline)
    report = purge.purge(store)
    assert report.backups_deleted == 1 and report.files_deleted == 0
    assert not backup.exists()
    assert repo(store).exists(new.uuid)
