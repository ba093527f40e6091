"""Fixtures for the purge tests: an open store on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.clock import FakeClock
from app.db.connection import Database
from app.db.store import init_store, open_store


@pytest.fixture
def store(fake_clock: FakeClock) -> Iterator[Database]:
    init_store()
    db = open_store()
    yield db
    db.close()
