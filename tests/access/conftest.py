"""Access-control fixtures: a store, cheap Argon2id parameters, accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

from app.db import accounts
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.db.store import init_store, open_store

REFERENT = "mlefevre"
REFERENT_PASSWORD = "Référente du 3e étage"
AGENT = "jdupont"
AGENT_PASSWORD = "infirmier de nuit 42"


@pytest.fixture(autouse=True)
def cheap_hasher() -> Iterator[None]:
    """Argon2id still, with small parameters so that the tests stay fast."""
    accounts.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))
    yield
    accounts.set_hasher(PasswordHasher.from_parameters(accounts.RFC_9106_LOW_MEMORY))


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    init_store(data_dir)
    database = open_store(data_dir)
    yield database
    database.close()


@pytest.fixture
def staffed(db: Database) -> Database:
    """A store with a référent and an agent."""
    AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD, "M. Lefèvre")
    AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, accounts.Role.AGENT)
    return db
