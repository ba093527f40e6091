"""Reading the declared settings from the encrypted database (no writing).

The modules of the store that only need a setting's value (the journal's
retention, the time zone, the retention policy) read it here;
:class:`app.db.settings_store.SettingsStore` adds the checked, journaled
writing, which recomputes the deadlines (``app.db.purge``): reading sits
below the purge, writing above it, so the store's modules form no cycle.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from app.core.settings import REGISTRY, Setting
from app.db.connection import Database

T = TypeVar("T")


class SettingsReader:
    """The values of the declared settings (a setting never stored reads as its default)."""

    def __init__(self, db: Database, user: str = "") -> None:
        self.db = db
        self.user = user

    def get(self, setting: Setting[T]) -> T:
        row = self.db.query_one("SELECT value FROM settings WHERE key = ?", (setting.key,))
        if row is None:
            return setting.default
        try:
            return setting.validate(json.loads(str(row[0])))
        except ValueError:
            # A value that no longer passes its check (a rule tightened since):
            # the default is the safe reading, and the stored value is kept as is.
            return setting.default

    def all(self) -> dict[str, Any]:
        return {key: self.get(setting) for key, setting in REGISTRY.items()}
