"""``kill -9`` of the sync command at random moments, then restart: nothing lost or duplicated."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from memkeyring import FileTestKeyring

from app.core.clock import get_clock
from app.core.enums import Consent
from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.db.store import init_store, open_store
from app.sync.config import set_token
from app.sync.engine import drain_once
from tests.support.central_service import (
    FAST,
    TOKEN,
    USER,
    Central,
    complete_patient_zero,
    start_central,
)
from tests.support.checks import assert_in_step

ROOT = Path(__file__).resolve().parents[2]
KILLS = 22


@pytest.fixture
def shared_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("TRACING_DESK_TEST_KEYRING", str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileTestKeyring())
    yield path
    keyring.set_keyring(previous)


def _env(keyring_file: Path, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests" / "support"), str(ROOT)])
    env["PYTHON_KEYRING_BACKEND"] = "memkeyring.FileTestKeyring"
    env["TRACING_DESK_TEST_KEYRING"] = str(keyring_file)
    env["TRACING_DESK_DATA_DIR"] = str(data_dir)
    return env


def _churn(db: Database, rng: random.Random, new: int, edits: int) -> None:
    repo = FicheRepository(db, "test:ui")
    today = get_clock().now().date()
    repo.save_many(
        [  # validated fiches: a draft is never queued nor sent
            complete_patient_zero(
                today, birth_name=f"Nouvelle {rng.random():.6f}", identity_disclosure=Consent.NO
            )
            for _ in range(new)
        ]
    )
    uuids = [str(r[0]) for r in db.query("SELECT uuid FROM fiches")]
    for uuid in rng.sample(uuids, min(edits, len(uuids))):
        fiche = repo.get(uuid, journal_consultation=False)
        fiche.first_names = f"Prénom {rng.randrange(10**6)}"
        repo.save(fiche)


def kill_and_restart(
    db: Database, central: Central, env: dict[str, str], rounds: int, rng: random.Random
) -> int:
    """Run the sync command *rounds* times, killing it at a random moment; kills mid-sync."""
    mid_sync = 0
    for _ in range(rounds):
        _churn(db, rng, new=15, edits=5)
        before = central.faults.requests
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "sync",
                "--server",
                central.url,
                "--ca-bundle",
                central.ca,
                "--batch-size",
                "5",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        limit = time.monotonic() + 30
        while central.faults.requests == before and proc.poll() is None:
            if time.monotonic() > limit:
                break
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.08))
        if proc.poll() is None:
            proc.kill()  # SIGKILL
            if central.faults.requests > before:
                mid_sync += 1
        proc.wait(30)
    return mid_sync


@pytest.mark.slow
def test_kill_9_during_sync_then_restart(
    tmp_path: Path, data_dir: Path, shared_keyring: Path
) -> None:
    central = start_central(tmp_path / "central")
    central.faults.latency = 0.02
    try:
        init_store()
        db = open_store()
        try:
            set_token(central.url, TOKEN)
            mid_sync = kill_and_restart(
                db, central, _env(shared_keyring, data_dir), KILLS, random.Random(20261124)
            )
            assert mid_sync >= 20, f"only {mid_sync} kills landed during a sync"
            final = drain_once(db, USER, config=central.config(), policy=FAST)
            assert final.ok and final.remaining == 0
            assert_in_step(db, central.server.storage)
        finally:
            db.close()
    finally:
        central.server.stop()
