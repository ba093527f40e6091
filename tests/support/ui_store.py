"""Qt test fixtures: a store filled quickly with synthetic fiches, and a running database thread.

A pytest plugin (registered in ``tests/conftest.py``): ``make_store``,
``db_thread`` and ``open_thread`` are available to every test (the window's,
the workers' and the end-to-end ones); the helpers are imported from here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.core import text
from app.core.enums import FicheKind, LifecycleState, SyncState
from app.db.connection import Database
from app.db.store import init_store, open_store
from app.db.timefmt import to_db
from app.services.fiches import FicheService
from app.workers.db_thread import DbThread

# Names with accents and a ligature, to exercise folding in the search.
SURNAMES = ["Lefèvre", "Martin", "Bernard", "Dubois", "Œuvray", "Girard", "Moreau", "Laurent"]
FIRST_NAMES = ["Élodie", "Jean", "Chloé", "Loïc", "Inès", "Hervé", "Zoé", "Mathéo"]
UNITS = ["Cardiologie", "Gériatrie", "Urgences", "EHPAD Les Tilleuls"]
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def synthetic_rows(n: int, *, start: datetime = NOW) -> list[tuple[object, ...]]:
    """Rows for ``fiches``: row i is created i minutes before *start* (newest first)."""
    rows = []
    for i in range(n):
        surname = SURNAMES[i % len(SURNAMES)]
        first = FIRST_NAMES[(i // len(SURNAMES)) % len(FIRST_NAMES)]
        created = start - timedelta(minutes=i)
        kind = FicheKind.PATIENT_ZERO if i % 4 == 0 else FicheKind.CONTACT
        sync = SyncState.PENDING if i % 3 == 0 else SyncState.SENT
        deadline = created + timedelta(days=90)
        data = {"nom_naissance": surname, "nom_usage": "", "prenoms": first, "sexe": "feminin"}
        rows.append(
            (
                f"00000000-0000-4000-8000-{i:012d}",
                kind.value,
                LifecycleState.VALIDATED.value,
                1,
                to_db(created),
                to_db(created),
                to_db(deadline),
                sync.value,
                text.fold(f"{surname} {first}"),
                date(1940 + i % 60, 1 + i % 12, 1 + i % 28).isoformat(),
                None,
                "",
                UNITS[i % len(UNITS)],
                json.dumps(data),
            )
        )
    return rows


def bulk_insert(db: Database, rows: list[tuple[object, ...]]) -> None:
    """Insert list rows directly (no outbox/journal): only for filling test stores fast."""
    with db.transaction() as cur:
        cur.executemany(
            "INSERT INTO fiches (uuid, kind, state, version, created_at, updated_at, deadline,"
            " sync_state, search_name, birth_date, nir, phones, unit, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


@pytest.fixture
def make_store(data_dir: Path):
    """Create the store and fill it with *n* synthetic fiches (opened and closed here)."""

    def make(n: int) -> Path:
        init_store(data_dir)
        db = open_store(data_dir)
        try:
            if n:
                bulk_insert(db, synthetic_rows(n))
        finally:
            db.close()
        return data_dir

    return make


@pytest.fixture
def db_thread(qtbot) -> Iterator[DbThread]:
    thread = DbThread()
    thread.start()
    yield thread
    assert thread.shutdown()


@pytest.fixture
def open_thread(qtbot, db_thread: DbThread, data_dir: Path) -> DbThread:
    """The database thread with the store of *data_dir* open in it."""
    ticket = db_thread.open(lambda: (open_store(data_dir), None))
    with qtbot.waitSignal(ticket.finished, timeout=10_000):
        pass
    return db_thread


def repo_factory(db: Database) -> FicheService:
    return FicheService(db, "test:ui")


# The offscreen platform plugin (tests only) warns whenever a top-level window
# with a layout is shown, whichever folder the test is in; it says nothing about our code.
_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(_OFFSCREEN_NOISE)


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    """The program's French translators (plural forms included), whatever ran before."""
    from app.ui.application import install_translators

    install_translators("fr")
    yield
    install_translators("fr")
