"""Deleting our files never writes through a planted link (issue 13, item 1, in part)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.clock import FakeClock
from app.db import exported_files, purge
from app.db.connection import Database
from app.db.store import open_store
from app.files import shred
from tests.support.purge import (
    USER,
    patient_zero,
    repo,
    save_at,
)

VICTIM = b"document d'un autre utilisateur, ou la base elle-meme\n" * 10


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victime.txt"
    victim.write_bytes(VICTIM)
    return victim


def test_shred_overwrites_our_own_file_then_deletes_it(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"Martin;0612345678\n")
    keep = os.open(path, os.O_RDONLY)  # a reader still open sees the zeros
    try:
        assert shred(path) is True
        assert not path.exists()
        assert os.pread(keep, 64, 0) == b"\0" * len(b"Martin;0612345678\n")
    finally:
        os.close(keep)


def test_shred_only_unlinks_a_symbolic_link(tmp_path: Path) -> None:
    victim = _victim(tmp_path)
    link = tmp_path / "export.csv"
    link.symlink_to(victim)
    assert shred(link) is False
    assert not link.is_symlink() and victim.read_bytes() == VICTIM


def test_shred_of_nothing_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        shred(tmp_path / "absent")


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_shred_never_writes_someone_elses_file(tmp_path: Path) -> None:
    foreign = tmp_path / "export.csv"
    foreign.write_bytes(VICTIM)
    os.chown(foreign, 12345, 12345)
    keep = os.open(foreign, os.O_RDONLY)
    try:
        assert shred(foreign) is False
        assert not foreign.exists() and os.pread(keep, len(VICTIM), 0) == VICTIM
    finally:
        os.close(keep)


def test_purge_at_the_deadline_does_not_zero_a_planted_link_target(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    from app.db.jsonl import export_jsonl

    pz = patient_zero("Martin", 1)
    save_at(store, fake_clock, datetime(2026, 1, 20, 9, tzinfo=UTC), pz)
    out = tmp_path / "export.jsonl"
    export_jsonl(repo(store), out)
    [registered] = exported_files.registered_files(store)
    victim = _victim(tmp_path)
    out.unlink()
    out.symlink_to(victim)  # another account replaced the export by a link
    fake_clock.set(registered.deadline + timedelta(seconds=1))
    report = purge.purge(store, USER)
    assert report.fiches == 1 and report.files_deleted == 1
    assert not out.is_symlink() and victim.read_bytes() == VICTIM
    assert store.query("SELECT count(*) FROM fiches") == [(0,)]


def test_forget_does_not_zero_a_planted_link_target(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    with open_store(data_dir) as db:
        repo(db).save(patient_zero("Martin", 1))
    out = tmp_path / "t.jsonl"
    assert main(["export-json", str(out)]) == 0
    victim = _victim(tmp_path)
    out.unlink()
    out.symlink_to(victim)
    assert main(["forget", "--yes"]) == 0
    assert not out.is_symlink() and victim.read_bytes() == VICTIM
    assert not (data_dir / "tracing.db").exists()


def test_forget_removes_every_keyring_entry_and_the_lock_even_unopenable(
    data_dir: Path, memory_keyring: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tokens set for other server addresses, and a database that no longer opens."""
    from app.db import keystore
    from app.sync.config import set_token
    from app.sync.lock import SyncLock

    assert main(["init"]) == 0
    set_token("https://ancien-central.example/", "tdk_ancien_jeton_000000")
    set_token("https://central.example/", "tdk_jeton_actuel_000000")
    lock = SyncLock(data_dir)
    lock.acquire()
    lock.release()
    assert (data_dir / "sync.lock").exists()
    (data_dir / "tracing.db").write_bytes(b"\0" * 4096)  # unreadable now
    assert main(["forget", "--yes"]) == 0
    entries = getattr(memory_keyring, "entries", {})
    assert [k for k in entries if k[0] == keystore.SERVICE] == []
    assert not data_dir.exists()  # nothing of ours left, so the folder went too
