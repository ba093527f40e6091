"""The purge tests' helpers: fiches with recognisable personal data, saved at chosen instants.

Also the ``store`` fixture (an open store on the fake clock): a test module
imports it (``from tests.support.purge import store``) to use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from app.core.clock import FakeClock
from app.core.identifiers import nir_key
from app.core.models import Contact, Exposition, PatientZero
from app.db.connection import Database
from app.db.repositories import FicheRepository, repositories_for
from app.db.store import init_store, open_store

USER = "test:infirmiere"


def nir_for(n: int) -> str:
    first13 = f"1850775{n % 1_000_000:06d}"
    return first13 + f"{int(nir_key(first13)):02d}"


def patient_zero(surname: str = "Dupont", n: int = 1) -> PatientZero:
    return PatientZero(
        birth_name=surname,
        first_names="Hélène",
        nir=nir_for(n),
        phones=[f"+336{n % 100_000_000:08d}"],
    )


def contact(surname: str, *pz: PatientZero, n: int = 2) -> Contact:
    return Contact(
        birth_name=surname,
        first_names="Loïc",
        nir=nir_for(n),
        phones=[f"+337{n % 100_000_000:08d}"],
        expositions=[Exposition(patient_zero_uuid=p.uuid) for p in pz],
    )


def repo(db: Database) -> FicheRepository:
    return repositories_for(db, USER)


def save_at(db: Database, clock: FakeClock, when: datetime, *fiches: PatientZero | Contact) -> None:
    """Save *fiches* with the clock set to *when* (their creation instant)."""
    clock.set(when)
    repo(db).save_many(list(fiches))


def deadline_of(db: Database, uuid: str) -> str:
    row = db.query_one("SELECT deadline FROM fiches WHERE uuid = ?", (uuid,))
    assert row is not None
    return str(row[0])


@pytest.fixture
def store(fake_clock: FakeClock) -> Iterator[Database]:
    """An open store on the fake clock."""
    init_store()
    db = open_store()
    yield db
    db.close()
