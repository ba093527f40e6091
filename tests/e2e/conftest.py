"""The purge tests' ``store`` fixture (an open store on the fake clock), for this folder."""

from __future__ import annotations

from tests.support.purge import store

__all__ = ["store"]
