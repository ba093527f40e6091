"""Access-control helpers: cheap Argon2id parameters, a référent and an agent.

``cheap_hasher`` is autouse: a test module (or conftest) that imports it has
all its tests run with small Argon2id parameters. The ``staffed`` fixture (a
store with these two accounts) is in :mod:`tests.support.stores`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher, Type

from app.db import accounts

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
