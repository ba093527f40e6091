"""Shared fixtures: offscreen Qt, a temporary data dir, an in-memory keyring and a fake clock."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TRACING_DESK_LANG", "fr")
sys.path.insert(0, str(Path(__file__).parent / "support"))

import keyring
import pytest
from memkeyring import MemoryKeyring

from app import paths
from app.core import clock as clock_mod

FIXTURES = Path(__file__).parent / "fixtures"

# Longest UI-thread stall of every qtbot test, listed at the end (printed, not asserted);
# the shared ``db`` fixture; the real central service (``central``, ``token_for``, PostgreSQL);
# the database thread and synthetic stores of the Qt tests (``db_thread``, ``open_thread``).
pytest_plugins = [
    "stall_watchdog",
    "tests.support.stores",
    "tests.support.central_service",
    "tests.support.ui_store",
]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data directory."""
    d = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(d))
    monkeypatch.delenv("TRACING_DESK_PASSPHRASE", raising=False)
    paths.set_data_dir_override(None)
    yield d
    paths.set_data_dir_override(None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring backend."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fake_clock() -> Iterator[clock_mod.FakeClock]:
    """A clock fixed at 2026-11-24 10:00 UTC, moved only by the test."""
    fake = clock_mod.FakeClock(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    previous = clock_mod.get_clock()
    clock_mod.set_clock(fake)
    yield fake
    clock_mod.set_clock(previous)
