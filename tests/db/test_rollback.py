"""Noticing lost or rolled-back data: the store's high-water mark (app.db.watermark)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from memkeyring import MemoryKeyring

from app.cli import main
from app.core.models import PatientZero
from app.db import keystore, store, watermark
from app.db.connection import Database
from app.db.errors import WritesRefusedError
from app.services.fiches import FicheService

USER = "ide.test"
PASSPHRASE = "cheval agrafe batterie correcte"
WAL_HEADER = 32
FRAME_HEADER = 24


def _fill(db: Database, count: int) -> None:
    service = FicheService(db, USER)
    for i in range(count):
        service.save(PatientZero(birth_name=f"Essai{i}", first_names="Zoé"))


def _head(db: Database) -> int:
    head = watermark.read_head(db)
    assert head is not None
    return head.last_id


def _fiches(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM fiches")
    assert row is not None
    return int(row[0])


def _copy_folder(src: Path, dest: Path, *, skip: tuple[str, ...] = ("tracing.db-shm",)) -> None:
    dest.mkdir(mode=0o700, parents=True, exist_ok=True)
    for path in src.iterdir():
        if path.is_file() and path.name not in skip:
            shutil.copy2(path, dest / path.name)


def _flip_frame(wal: Path) -> None:
    data = bytearray(wal.read_bytes())
    data[WAL_HEADER + FRAME_HEADER + 100] ^= 0xFF
    wal.write_bytes(bytes(data))


def _change_salt(wal: Path) -> None:
    data = bytearray(wal.read_bytes())
    data[16] ^= 0x01
    wal.write_bytes(bytes(data))


def _truncate(wal: Path) -> None:
    with open(wal, "r+b") as fh:
        fh.truncate(WAL_HEADER + FRAME_HEADER + 1000)


def _delete(wal: Path) -> None:
    wal.unlink()


@pytest.mark.parametrize("damage", [_flip_frame, _change_salt, _delete, _truncate])
def test_damaged_or_missing_wal_is_noticed(
    damage: Callable[[Path], None], data_dir: Path, tmp_path: Path
) -> None:
    store.init_store()
    db = store.open_store()
    _fill(db, 6)
    assert db.checkpoint_truncate()
    before = _head(db)
    _fill(db, 5)  # left in the -wal: the connection stays open (a crash)
    after = _head(db)
    wal = data_dir / "tracing.db-wal"
    assert wal.stat().st_size > WAL_HEADER
    crashed = tmp_path / "crashed"
    _copy_folder(data_dir, crashed)
    db.close()

    damage(crashed / "tracing.db-wal")
    with store.open_store(crashed) as reopened:
        state = watermark.state_of(reopened)
        assert _fiches(reopened) == 6
        assert _head(reopened) == before
        assert state.rollback_detected and not state.mark_tampered
        assert state.missing_entries == after - before > 0
        assert f"dernier état connu\u00a0: {after - before} (" in state.message()
        with pytest.raises(WritesRefusedError) as info:
            _fill(reopened, 1)
        assert "lecture seule" in str(info.value)
        assert _fiches(reopened) == 6

    # Noticed again at the next open, with the same count.
    with store.open_store(crashed) as again:
        assert watermark.state_of(again).missing_entries == after - before


def test_intact_wal_after_a_crash_is_clean(data_dir: Path, tmp_path: Path) -> None:
    store.init_store()
    db = store.open_store()
    _fill(db, 4)
    crashed = tmp_path / "crashed"
    _copy_folder(data_dir, crashed)
    db.close()
    with store.open_store(crashed) as reopened:
        assert watermark.state_of(reopened).clean
        assert _fiches(reopened) == 4
        _fill(reopened, 1)


def _older_copy(data_dir: Path, tmp_path: Path) -> tuple[Path, int, int]:
    """A backup after 3 fiches, then 4 more: (backup folder, head then, head now)."""
    store.init_store()
    with store.open_store() as db:
        _fill(db, 3)
        old = _head(db)
    backup = tmp_path / "backup"
    _copy_folder(data_dir, backup)
    with store.open_store() as db:
        _fill(db, 4)
        new = _head(db)
    return backup, old, new


def test_older_database_files_put_back_are_noticed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    backup, old, new = _older_copy(data_dir, tmp_path)
    shutil.copy2(backup / "tracing.db", data_dir / "tracing.db")

    assert main(["doctor", "--json"]) != 0
    report = json.loads(capsys.readouterr().out)
    assert report["rollback_detected"] is True
    assert report["missing_journal_entries"] == new - old
    assert report["read_only"] is True
    assert report["integrity_ok"] is True and report["journal_chain_ok"] is True
    assert "manquent" in report["store_warning"]

    # A command that writes is refused with the reason; nothing was written.
    export = tmp_path / "in.jsonl"
    assert main(["export-json", str(export)]) == 0  # consulting and exporting stay possible
    capsys.readouterr()
    assert export.read_text(encoding="utf-8").count("\n") == 3
    line = json.loads(export.read_text(encoding="utf-8").splitlines()[0])
    line["uuid"] = str(uuid.uuid4())
    new_fiche = tmp_path / "new.jsonl"
    new_fiche.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["import", str(new_fiche)]) != 0
    assert "lecture seule" in capsys.readouterr().err
    with store.open_store() as db:
        assert _fiches(db) == 3


def test_whole_folder_put_back_is_noticed_through_the_keyring(
    data_dir: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    backup, old, new = _older_copy(data_dir, tmp_path)
    sid = store.store_id()
    assert (keystore.SERVICE, watermark.KEYRING_PREFIX + sid) in memory_keyring.entries
    for path in backup.iterdir():  # the data folder as it was, its mark file included
        shutil.copy2(path, data_dir / path.name)
    with store.open_store() as db:
        state = watermark.state_of(db)
        assert state.rollback_detected and state.missing_entries == new - old


def test_keyring_mark_is_listed_for_forget(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        _fill(db, 1)
    names = keystore.remembered_entries(data_dir)
    assert watermark.KEYRING_PREFIX + store.store_id() in names


def test_crash_between_commit_and_mark_moves_the_mark(data_dir: Path) -> None:
    store.init_store(passphrase=PASSPHRASE)
    with store.open_store(passphrase=PASSPHRASE) as db:
        _fill(db, 2)
    mark_file = data_dir / watermark.MARK_FILENAME
    lagging = mark_file.read_bytes()
    with store.open_store(passphrase=PASSPHRASE) as db:
        _fill(db, 3)
        head = _head(db)
    mark_file.write_bytes(lagging)  # the mark of before the last commits

    with store.open_store(passphrase=PASSPHRASE) as db:
        assert watermark.state_of(db).clean
        _fill(db, 1)  # writes allowed
    assert json.loads(mark_file.read_text())["last_id"] == head + 1
    with store.open_store(passphrase=PASSPHRASE) as db:
        assert watermark.state_of(db).clean


def test_mark_follows_each_commit(data_dir: Path) -> None:
    store.init_store()
    mark_file = data_dir / watermark.MARK_FILENAME
    with store.open_store() as db:
        assert mark_file.exists()
        assert mark_file.stat().st_mode & 0o777 == 0o600
        _fill(db, 2)
        assert json.loads(mark_file.read_text())["last_id"] == _head(db)
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".part")]


def test_accept_restore_is_journaled_then_clean(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    backup, old, new = _older_copy(data_dir, tmp_path)
    shutil.copy2(backup / "tracing.db", data_dir / "tracing.db")

    assert main(["accept-restore"]) == 0
    out = capsys.readouterr().out
    assert f"entrées du journal manquantes\u00a0: {new - old})" in out
    with store.open_store() as db:
        assert watermark.state_of(db).clean
        detail = db.query_one("SELECT detail FROM journal ORDER BY id DESC LIMIT 1")
        assert detail is not None and "restauration acceptée" in str(detail[0])
        _fill(db, 1)
    assert main(["doctor", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rollback_detected"] is False
    # Nothing left to accept.
    assert main(["accept-restore"]) != 0
    assert "rien à accepter" in capsys.readouterr().err


def test_accept_restore_needs_a_referent(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    from app.core.accounts import Role
    from app.db.accounts import AccountStore

    store.init_store()
    with store.open_store() as db:
        accounts = AccountStore(db)
        accounts.create_first_referent("chef", "Référent-solide-2026")
        AccountStore(db, "chef").create("agent1", "Agent-solide-2026!", Role.AGENT)
        _fill(db, 2)
    backup = tmp_path / "backup"
    _copy_folder(data_dir, backup)
    with store.open_store() as db:
        _fill(db, 2)
    shutil.copy2(backup / "tracing.db", data_dir / "tracing.db")

    os.environ["TRACING_DESK_PASSWORD"] = "Agent-solide-2026!"
    try:
        assert main(["accept-restore", "--user", "agent1"]) != 0
        capsys.readouterr()
        with store.open_store() as db:
            assert watermark.state_of(db).rollback_detected  # still refused
        os.environ["TRACING_DESK_PASSWORD"] = "Référent-solide-2026"
        assert main(["accept-restore", "--user", "chef"]) == 0
    finally:
        del os.environ["TRACING_DESK_PASSWORD"]
    with store.open_store() as db:
        assert watermark.state_of(db).clean


def test_tampered_mark_is_reported(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        _fill(db, 3)
    mark_file = data_dir / watermark.MARK_FILENAME
    document = json.loads(mark_file.read_text())
    document["last_id"] = 1  # someone lowers the mark to hide a rollback
    mark_file.write_text(json.dumps(document))

    assert main(["doctor", "--json"]) != 0
    report = json.loads(capsys.readouterr().out)
    assert report["mark_tampered"] is True and report["read_only"] is True
    assert "tracing.db.mark" in report["store_warning"]
    with store.open_store() as db, pytest.raises(WritesRefusedError):
        _fill(db, 1)
    assert main(["accept-restore"]) == 0
    capsys.readouterr()
    with store.open_store() as db:
        assert watermark.state_of(db).clean


def test_mark_of_another_key_is_tampered(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        _fill(db, 1)
        head = watermark.read_head(db)
    assert head is not None
    forged = watermark.encode(watermark.Mark(store.store_id(), head), b"\x00" * 32)
    (data_dir / watermark.MARK_FILENAME).write_text(forged)
    with store.open_store() as db:
        assert watermark.state_of(db).mark_tampered
