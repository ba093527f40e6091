"""Crash safety: a purge killed (SIGKILL) at random points, then restarted.

Each iteration starts from a copy of the same store (same key), runs the
purge in a subprocess, kills it after a random delay spread over a whole
run (start-up, batches, file sweep, vacuum), then reopens the store and
checks: integrity and journal chain intact; after a restart every expired
fiche gone, each journaled once; every unexpired fiche intact; a second run
deletes nothing.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest

from app.core.clock import FakeClock
from app.db import exported_files, purge
from app.db.connection import Database
from app.db.journal import chain_ok
from app.db.repositories import journal_rows
from app.db.store import init_store, open_store
from app.db.timefmt import to_db
from tests.support.purge import contact, patient_zero, repo
from tests.support.stores import copy_store

ROOT = Path(__file__).resolve().parents[2]
SUPPORT = ROOT / "tests" / "support"
ITERATIONS = 24
# Far ahead of the real clock, which the subprocesses use.
AS_OF = datetime(2100, 6, 1, 12, tzinfo=UTC)
CHILD = """
import sys
from datetime import datetime
from app.db.store import open_store
from app.db.purge import purge
db = open_store(sys.argv[1])
print("open", flush=True)
purge(db, "test:kill", as_of=datetime.fromisoformat(sys.argv[2]), batch=int(sys.argv[3]))
print("done", flush=True)
"""


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The store's key in a JSON file the subprocesses can read too."""
    from memkeyring import FileTestKeyring

    path = tmp_path / "keyring.json"
    monkeypatch.setenv("TRACING_DESK_TEST_KEYRING", str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileTestKeyring())
    env = dict(os.environ)
    env.update(
        PYTHON_KEYRING_BACKEND="memkeyring.FileTestKeyring",
        TRACING_DESK_TEST_KEYRING=str(path),
        PYTHONPATH=os.pathsep.join([str(SUPPORT), str(ROOT)]),
    )
    yield env
    keyring.set_keyring(previous)


def _snapshot(db: Database) -> dict[str, str]:
    return {
        str(uuid): hashlib.sha256(f"{deadline}|{data}".encode()).hexdigest()
        for uuid, deadline, data in db.query("SELECT uuid, deadline, data FROM fiches")
    }


def _template(data_dir: Path, clock: FakeClock) -> tuple[set[str], dict[str, str]]:
    """A store with 1,200 fiches, half of them due at AS_OF; returns (expired, kept)."""
    init_store(data_dir)
    db = open_store(data_dir)
    rng = random.Random(7)
    try:
        for day in range(0, 150, 3):
            clock.set(AS_OF - timedelta(days=150 - day, minutes=rng.randrange(600)))
            batch = []
            for i in range(8):
                pz = patient_zero(f"Tuée{day}x{i}", day * 10 + i)
                batch += [pz, contact(f"Contact{day}x{i}", pz, n=50_000 + day * 10 + i)]
            repo(db).save_many(batch)
        # An export holding due fiches, to be swept too.
        export = data_dir / "exports" / "liste.jsonl"
        export.parent.mkdir()
        export.write_text("{}")
        stamp = to_db(AS_OF)
        # Fiches due at AS_OF, chosen explicitly: "SELECT uuid … LIMIT 5" alone reads
        # the uuid index, i.e. random fiches, sometimes none of them due yet.
        due = [
            str(r[0])
            for r in db.query(
                "SELECT uuid FROM fiches WHERE deadline <= ? ORDER BY id LIMIT 5", (stamp,)
            )
        ]
        from app.db.exported_files import register_export

        register_export(db, export, due, kind="jsonl")
        rows = db.query("SELECT uuid FROM fiches WHERE deadline <= ?", (stamp,))
        expired = {str(r[0]) for r in rows}
        kept = {u: h for u, h in _snapshot(db).items() if u not in expired}
        db.checkpoint_truncate()
    finally:
        db.close()
    assert 300 < len(expired) < 900 and len(kept) > 300
    return expired, kept


def _copy_store(template: Path, dest: Path) -> None:
    """A copy of the store whose registered export is the copy's own file."""
    copy_store(template, dest)
    db = open_store(dest)
    try:
        db.execute("UPDATE exported_files SET path = ?", (str(dest / "exports" / "liste.jsonl"),))
    finally:
        db.close()


def _run_child(env: dict[str, str], data_dir: Path, delay: float | None) -> tuple[int, float]:
    """Run the purge; kill it *delay* seconds after it opened the store (None: let it end).

    Returns the exit code and how long the purge ran after opening.
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), AS_OF.isoformat(), "20"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    opened = time.monotonic()
    if delay is not None:
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    if delay is None:
        assert first == b"open\n" and proc.returncode == 0, err.decode()
    return proc.returncode, time.monotonic() - opened


@pytest.mark.slow
def test_purge_killed_at_random_points_then_restarted(
    tmp_path: Path, fake_clock: FakeClock, file_keyring: dict[str, str]
) -> None:
    template = tmp_path / "template"
    expired, kept = _template(template, fake_clock)
    fake_clock.set(AS_OF - timedelta(days=30))  # the restarts see an earlier clock

    # How long one whole run takes here, to spread the kills over it.
    # (the shorter of two runs, so that a busy machine does not stretch it).
    durations = []
    for n in range(2):
        calibrate = tmp_path / f"calibrate{n}"
        _copy_store(template, calibrate)
        durations.append(_run_child(file_keyring, calibrate, None)[1])
    full = min(durations)

    rng = random.Random(2020_551)
    killed = 0
    for i in range(ITERATIONS):
        work = tmp_path / f"run{i}"
        _copy_store(template, work)
        # Spread over the purge itself; every sixth right after the store opened.
        delay = rng.uniform(0, full) if i % 6 else 0.0
        code, _ = _run_child(file_keyring, work, delay)
        killed += code == -signal.SIGKILL

        db = open_store(work)
        try:
            assert db.integrity_ok(), f"iteration {i}"
            assert chain_ok(journal_rows(db)), f"iteration {i}"
            # Restart: the purge finishes the work.
            restart = purge.purge(db, "test:restart", as_of=AS_OF)
            now = _snapshot(db)
            assert not expired & now.keys(), f"iteration {i} : expired fiches left"
            assert {u: now[u] for u in kept} == kept, f"iteration {i} : kept fiche changed"
            journaled = [
                str(r[0])
                for r in db.query("SELECT fiche_uuid FROM journal WHERE action = 'purge'")
                if r[0] is not None
            ]
            assert sorted(journaled) == sorted(expired), f"iteration {i}: journal"
            assert not (work / "exports" / "liste.jsonl").exists(), (
                f"iteration {i}: export left, {restart.files_deleted} deleted, "
                f"registry {exported_files.registered_files(db)}"
            )
            again = purge.purge(db, "test:restart", as_of=AS_OF)
            assert (again.fiches, again.files_deleted) == (0, 0)
            assert db.integrity_ok()
        finally:
            db.close()
        shutil.rmtree(work)
    print(f"full run {full:.2f} s, killed {killed}/{ITERATIONS}")
    # Most runs must really have been killed in the middle, not after the end.
    assert killed >= ITERATIONS // 3
