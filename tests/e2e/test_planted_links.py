"""Every path the program writes or deletes, with a link or another account's file planted there.

For each real operation (Excel and pseudonymised exports, export-json, purge
of exported files, « Oublier ce poste », crash report, log file, migration
backup, identity, recovery and keyring-list files, poster PDF) a symbolic link
to a victim file of the user, or a file of another account with mode 0666, is
put where the program writes or deletes. The victim must be untouched and the
result, when there is one, our own regular 0600 file (issue 13, item 1;
``docs/files.md``). Code that writes through a link fails these tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import logging_setup
from app.cli import main
from app.core.clock import FakeClock
from app.db import exported_files, purge, schema
from app.db.connection import Database
from app.db.jsonl import export_jsonl
from app.db.repositories import FicheRepository, journal_rows
from app.db.store import init_store, open_store
from app.exports.service import export_excel, export_pseudonymised
from tests.support.accounts import (  # noqa: F401  (fixtures)
    REFERENT,
    cheap_hasher,
)
from tests.support.purge import USER, patient_zero, save_at
from tests.support.purge import repo as purge_repo
from tests.test_files import (
    VICTIM,
    assert_private_file,
    make_foreign,
    no_temporary_left,
    plant_foreign,
)

PLANTED_NOTE = "lien ou fichier d’un autre compte"


class Planter:
    """Plants a link to a victim file, or another account's file, and checks the victims."""

    def __init__(self, kind: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kind = kind
        self.victims = root / "victimes"
        self.victims.mkdir()
        self.monkeypatch = monkeypatch
        self._kept: list[Path] = []

    def at(self, path: Path) -> Path:
        """Plant at *path* (replacing what the program put there); returns *path*."""
        if os.path.lexists(path):
            os.unlink(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        victim = self.victims / f"{len(self._kept)}.txt"
        if self.kind == "link":
            victim.write_bytes(VICTIM)
            path.symlink_to(victim)
        else:
            plant_foreign(path, self.monkeypatch, victim)  # victim: a hard link to it
        self._kept.append(victim)
        return path

    def untouched(self) -> None:
        for victim in self._kept:
            assert victim.read_bytes() == VICTIM, victim.name
        assert self._kept, "nothing was planted"


@pytest.fixture(params=["link", "foreign"])
def plant(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return Planter(request.param, tmp_path, monkeypatch)


@pytest.fixture
def filled(staffed: Database) -> Database:
    FicheRepository(staffed, REFERENT).save(patient_zero("Martin", 1))
    return staffed


def planted_notes(database: Database) -> list[str]:
    return [str(r[5]) for r in journal_rows(database) if PLANTED_NOTE in str(r[5])]


# -- exports chosen by the user ------------------------------------------------


def test_excel_export(filled: Database, plant: Planter, tmp_path: Path) -> None:
    out = plant.at(tmp_path / "partage" / "transmission.xlsx")
    result = export_excel(filled, REFERENT, out)
    plant.untouched()
    assert_private_file(out)
    assert out.read_bytes()[:2] == b"PK" and result.fiches == 1
    assert no_temporary_left(out.parent)
    [note] = planted_notes(filled)
    assert result.file_uuid in note and "partage" not in note


def test_pseudonymised_export(filled: Database, plant: Planter, tmp_path: Path) -> None:
    out = plant.at(tmp_path / "partage" / "pseudo.csv")
    export_pseudonymised(filled, REFERENT, out)
    plant.untouched()
    assert_private_file(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # our CSV, with its byte-order mark
    assert len(planted_notes(filled)) == 1


def test_export_json(filled: Database, plant: Planter, tmp_path: Path) -> None:
    out = plant.at(tmp_path / "partage" / "fiches.jsonl")
    uuids = export_jsonl(FicheRepository(filled, REFERENT), out)
    plant.untouched()
    assert_private_file(out)
    assert [json.loads(line)["uuid"] for line in out.read_text().splitlines()] == uuids
    [registered] = exported_files.registered_files(filled)
    [note] = planted_notes(filled)
    assert note.startswith(f"jsonl fichier {registered.uuid}") and "partage" not in note


# -- deleting: the purge, « Oublier ce poste » ------------------------------------


@pytest.fixture
def store(fake_clock: FakeClock) -> Iterator[Database]:
    init_store()
    database = open_store()
    yield database
    database.close()


def test_purge_of_an_exported_file(
    store: Database, fake_clock: FakeClock, plant: Planter, tmp_path: Path
) -> None:
    save_at(store, fake_clock, datetime(2026, 1, 20, 9, tzinfo=UTC), patient_zero("Martin", 1))
    out = tmp_path / "partage" / "export.jsonl"
    out.parent.mkdir()
    export_jsonl(purge_repo(store), out)
    [registered] = exported_files.registered_files(store)
    plant.at(out)  # replaced meanwhile by a link, or by another account's file
    fake_clock.set(registered.deadline + timedelta(seconds=1))
    report = purge.purge(store, USER)
    plant.untouched()
    assert report.files_deleted == 1 and not os.path.lexists(out)
    [note] = planted_notes(store)
    assert registered.uuid in note and "partage" not in note


def test_forget_this_station(
    data_dir: Path, plant: Planter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    with open_store(data_dir) as database:
        purge_repo(database).save(patient_zero("Martin", 1))
    out = tmp_path / "t.jsonl"
    assert main(["export-json", str(out)]) == 0
    logging_setup.shutdown_logging()
    for path in (
        out,
        data_dir / "tracing.db.recovery",
        data_dir / "tracing.db.keyring",
        data_dir / "logs" / "tracing-desk.log",
        data_dir / "backups" / "tracing-20260101T000000Z-v1.db",
    ):
        plant.at(path)
    victim_dir = tmp_path / "documents"
    victim_dir.mkdir()
    (victim_dir / "rapport.txt").write_bytes(VICTIM)
    (data_dir / "drafts").symlink_to(victim_dir)  # a whole folder replaced by a link
    assert main(["forget", "--yes"]) == 0
    plant.untouched()
    assert (victim_dir / "rapport.txt").read_bytes() == VICTIM
    assert not os.path.lexists(out) and not data_dir.exists()


def test_forget_this_station_with_its_identity_file_replaced(
    data_dir: Path, plant: Planter, capsys: pytest.CaptureFixture[str]
) -> None:
    """The database no longer opens (its identity is gone): the files still go, safely."""
    assert main(["init"]) == 0
    logging_setup.shutdown_logging()
    plant.at(data_dir / "tracing.db.id")
    assert main(["forget", "--yes"]) == 0
    plant.untouched()
    assert not data_dir.exists()


# -- the program's own files in the data folder ----------------------------------


def test_crash_report(plant: Planter, data_dir: Path) -> None:
    reference = "9b6f3c1e-52a4-4d47-9a0e-0b5f6f0d2c11"
    plant.at(data_dir / "logs" / f"crash-{reference}.json")
    path = logging_setup.write_crash_report(reference, {"type": "ValueError", "frames": []})
    plant.untouched()
    assert path is not None
    assert_private_file(path)
    assert json.loads(path.read_text(encoding="utf-8"))["reference"] == reference


def test_crash_report_when_the_logs_folder_is_a_link(data_dir: Path, tmp_path: Path) -> None:
    victim_dir = tmp_path / "documents"
    victim_dir.mkdir()
    data_dir.mkdir()
    (data_dir / "logs").symlink_to(victim_dir)
    path = logging_setup.write_crash_report("ref", {"type": "ValueError", "frames": []})
    assert os.listdir(victim_dir) == []
    assert path is not None and path.parent == data_dir / "logs"
    assert not (data_dir / "logs").is_symlink()
    assert_private_file(path)


def test_log_file(plant: Planter, data_dir: Path) -> None:
    import logging

    log = plant.at(data_dir / "logs" / logging_setup.LOG_FILENAME)
    try:
        assert logging_setup.setup_logging() == log
        logging.getLogger("app.test").warning("planted", extra={"event": "test"})
    finally:
        logging_setup.shutdown_logging()
    plant.untouched()
    assert_private_file(log)
    assert os.stat(log.parent).st_mode & 0o777 == 0o700
    assert b'"event": "test"' in log.read_bytes()


def test_no_log_file_in_another_accounts_logs_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = data_dir / "logs"
    logs.mkdir(parents=True)
    os.chmod(logs, 0o777)
    make_foreign(logs, monkeypatch)
    try:
        assert logging_setup.setup_logging() is None  # the program runs on without a log
    finally:
        logging_setup.shutdown_logging()
    assert os.listdir(logs) == [] and os.lstat(logs).st_mode & 0o777 == 0o777


def test_migration_backup(store: Database, plant: Planter, data_dir: Path) -> None:
    backups = data_dir / "backups"
    name = schema.backup_name(store.schema_version)
    plant.at(backups / name)  # the name is taken: the next one is used
    second = name.replace(".db", "-2.db")
    plant.at(backups / (second + ".part"))  # and where SQLite writes the copy first
    dest = schema.write_backup(store, backups)
    plant.untouched()
    assert dest.name == second
    assert_private_file(dest)
    assert os.stat(backups).st_mode & 0o777 == 0o700


def test_migration_backup_when_the_folder_is_a_link(
    store: Database, data_dir: Path, tmp_path: Path
) -> None:
    victim_dir = tmp_path / "partage"
    victim_dir.mkdir()
    os.chmod(victim_dir, 0o755)
    (data_dir / "backups").symlink_to(victim_dir)
    dest = schema.write_backup(store, data_dir / "backups")
    assert os.listdir(victim_dir) == [] and os.stat(victim_dir).st_mode & 0o777 == 0o755
    assert_private_file(dest)


@pytest.mark.parametrize("name", ["tracing.db.id", "tracing.db.recovery", "tracing.db.keyring"])
def test_identity_recovery_and_keyring_list(plant: Planter, data_dir: Path, name: str) -> None:
    plant.at(data_dir / name)
    result = init_store(data_dir)
    plant.untouched()
    assert_private_file(data_dir / name)
    assert result.store_id in (data_dir / name).read_text(encoding="utf-8")
    open_store(data_dir).close()  # and the store opens with them


def test_poster_pdf(
    qapp: object, plant: Planter, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.print.test_documents import COMPLETE, configure

    configure(data_dir, COMPLETE)
    out = plant.at(tmp_path / "partage" / "affiche.pdf")
    assert main(["poster", "--out", str(out)]) == 0
    plant.untouched()
    assert_private_file(out)
    assert out.read_bytes().startswith(b"%PDF")
    assert no_temporary_left(out.parent)


def test_poster_pdf_in_a_missing_folder_says_so_in_french(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.print.test_documents import COMPLETE, configure

    configure(data_dir, COMPLETE)
    assert main(["poster", "--out", str(tmp_path / "absent" / "affiche.pdf")]) != 0
    assert "Impossible d’écrire" in capsys.readouterr().err


# -- the sync lock and the OS purge task ----------------------------------------


def test_sync_lock(plant: Planter, tmp_path: Path) -> None:
    from app.sync.lock import LOCK_FILENAME, SyncLock

    folder = tmp_path / "donnees"
    lock_path = plant.at(folder / LOCK_FILENAME)
    with SyncLock(folder):
        plant.untouched()
        st = os.lstat(lock_path)
        assert not os.path.islink(lock_path) and st.st_mode & 0o777 == 0o600
    plant.untouched()


def test_purge_task_units(plant: Planter, tmp_path: Path) -> None:
    from app import purge_task
    from tests.test_purge_task import Recorder, linux

    env = linux(tmp_path, Recorder())
    timer = plant.at(env.units_dir() / purge_task.TIMER)
    purge_task.register(env)
    plant.untouched()
    assert not os.path.islink(timer) and "OnCalendar" in timer.read_text(encoding="utf-8")
    assert no_temporary_left(timer.parent)
