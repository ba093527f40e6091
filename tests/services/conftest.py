"""Fixtures of the service tests: cheap Argon2id (the central service is a global plugin)."""

from __future__ import annotations

from tests.support.accounts import cheap_hasher

__all__ = ["cheap_hasher"]
