"""Fixtures of the service tests: cheap Argon2id, and the reference central service."""

from __future__ import annotations

from tests.access.conftest import cheap_hasher
from tests.sync.conftest import central, token_for

__all__ = ["central", "cheap_hasher", "token_for"]
